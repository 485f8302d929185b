import Foundation
import Synchronization
import Testing
@testable import BuildModel

/// Work that adds work, as the prefetch of a dependency graph does: every item taken once,
/// never more at once than the width, all of it done when the call returns.
@Suite("Parallel work that adds work")
struct ParallelTests {
    final class Log: Sendable {
        let seen = Mutex<[Int]>([])
        let running = Mutex<(now: Int, most: Int)>((0, 0))
    }

    @Test("a tree of items, each adding its children: every one taken once, at most `width` at a time")
    func tree() {
        let log = Log()
        // Item i adds 2i+1 and 2i+2 below 200: a binary tree of 200 items from one root.
        Parallel.forEach([0], width: 3) { item, add in
            log.running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            // Long enough for the others to start while this one runs.
            usleep(500)
            log.seen.withLock { $0.append(item) }
            add([2 * item + 1, 2 * item + 2].filter { $0 < 200 })
            log.running.withLock { $0.now -= 1 }
        }
        #expect(log.seen.withLock { $0.sorted() } == Array(0..<200))
        // Never past the width; and more than one at once (all three, but on a loaded machine
        // a worker may not be back in time).
        #expect((2...3).contains(log.running.withLock { $0.most }))
        #expect(log.running.withLock { $0.now } == 0)
    }

    @Test("no items: nothing runs; items that add nothing: each runs once")
    func flat() {
        let log = Log()
        Parallel.forEach([Int](), width: 4) { item, _ in log.seen.withLock { $0.append(item) } }
        #expect(log.seen.withLock { $0 } == [])
        Parallel.forEach(Array(0..<50), width: 8) { item, _ in log.seen.withLock { $0.append(item) } }
        #expect(log.seen.withLock { $0.sorted() } == Array(0..<50))
    }
}
