import Dispatch
import Synchronization

/// Work that mostly waits on other processes (git), run more at once than there are cores: a
/// thread waiting for its child uses no core. An item may add more (a package's dependencies,
/// once its manifest is read), and each starts as soon as a worker is free, without waiting
/// for the rest of its round.
enum Parallel {
    /// Runs `body` on every item, and on every item it adds, on `width` threads of their own;
    /// returns when all have ended.
    static func forEach<Item: Sendable>(_ items: [Item], width: Int, _ body: @escaping @Sendable (Item, _ add: ([Item]) -> Void) -> Void) {
        guard !items.isEmpty else { return }
        let width = max(1, width)
        let work = Work(items)
        let group = DispatchGroup()
        // A thread per worker, where GCD's shared pool would run no more than the cores.
        for _ in 0..<width {
            OwnThread.start("ampu worker", group: group) {
                // Woken once per item added, and once more each when none is left.
                while let item = work.next() {
                    body(item) { work.add($0) }
                    if work.finished() { for _ in 0..<width { work.available.signal() } }
                }
            }
        }
        group.wait()
    }

    /// `body` of every index below `count`, on every core (runs of at least `grain` indices
    /// each); the results in index order.
    static func map<Value>(_ count: Int, grain: Int = 256, _ body: @Sendable (Int) -> Value?) -> [Value?] {
        let slots = ResultSlots<Value>(count: count)
        let chunks = max(1, min(count / grain, 64))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var i = chunk
            while i < count {
                slots[i] = body(i)
                i += chunks
            }
        }
        return slots.values
    }

    private final class Work<Item: Sendable>: Sendable {
        let available: DispatchSemaphore
        /// What is waiting, and how many added items have not ended.
        private let state: Mutex<(waiting: [Item], outstanding: Int)>

        init(_ items: [Item]) {
            // Made at zero and raised (libdispatch will not free a semaphore left below the
            // value it was made with).
            available = DispatchSemaphore(value: 0)
            state = Mutex((items, items.count))
            for _ in items { available.signal() }
        }

        func next() -> Item? {
            available.wait()
            return state.withLock { $0.waiting.isEmpty ? nil : $0.waiting.removeFirst() }
        }

        func add(_ items: [Item]) {
            state.withLock { $0.waiting += items; $0.outstanding += items.count }
            for _ in items { available.signal() }
        }

        /// One item has ended; whether it was the last.
        func finished() -> Bool {
            state.withLock { $0.outstanding -= 1; return $0.outstanding == 0 }
        }
    }
}
