#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HeapModule

/// The state a build's slots share: the ready queue (the ready action first in the plan first),
/// what each action still waits for, how many run, and the events for the caller. Each slot
/// takes its next action itself when one ends, so no other thread stands between an action's
/// end and the next one's start; the caller only reports. One lock guards it all, with one
/// condition that every change signals.
final class Schedule: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private var waiting: [Int]
    private let dependents: [[Int]]
    private var ready: Heap<Int>
    private(set) var records: [BuildExecutor.Record?]
    private var running = 0
    private var stopping = false
    private(set) var interrupted = false
    private var events: [BuildExecutor.Event] = []
    private var slotsLeft: Int
    private let actions: [BuildAction]
    private let keepGoing: Bool
    private let blocked: Set<Int>

    /// - Parameter blocked: actions never started (nor, as they never end, what needs them).
    init(actions: [BuildAction], slots: Int, keepGoing: Bool, blocked: Set<Int> = []) {
        self.actions = actions
        self.keepGoing = keepGoing
        slotsLeft = slots
        waiting = actions.map { Set($0.dependencies).count }
        var dependents = [[Int]](repeating: [], count: actions.count)
        for a in actions { for d in Set(a.dependencies) { dependents[d].append(a.id) } }
        self.dependents = dependents
        ready = Heap(actions.filter { $0.dependencies.isEmpty && !blocked.contains($0.id) }.map(\.id))
        self.blocked = blocked
        records = [BuildExecutor.Record?](repeating: nil, count: actions.count)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// The next action for the slot, waiting while none is ready and others run; nil when the
    /// slot is done (everything ran, or the build stops). `interrupted`: Ctrl-C was pressed.
    /// With `wait` false (the slot has an action of its own still to finish), nil at once when
    /// none is ready or the build stops, and the slot is not done.
    func take(slot: Int, wait: Bool = true, interrupted isRaised: () -> Bool) -> BuildAction? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if !stopping, isRaised() {
                stopping = true
                interrupted = true
                pthread_cond_broadcast(condition)
            }
            if !stopping, let id = ready.popMin() {
                running += 1
                events.append(.started(actions[id], slot: slot))
                pthread_cond_broadcast(condition)
                return actions[id]
            }
            if !wait { return nil }
            if stopping || running == 0 {
                slotsLeft -= 1
                pthread_cond_broadcast(condition)
                return nil
            }
            pthread_cond_wait(condition, mutex)
        }
    }

    /// An action's end: what waited for it becomes ready (unless it failed), or the build
    /// stops (a failure without `keepGoing`, an interruption).
    func finish(_ record: BuildExecutor.Record) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        running -= 1
        records[record.action] = record
        if record.outcome == .interrupted { interrupted = true; stopping = true }
        if record.isFailure {
            if !keepGoing { stopping = true }
        } else {
            for d in dependents[record.action] {
                waiting[d] -= 1
                if waiting[d] == 0 && !blocked.contains(d) { ready.insert(d) }
            }
        }
        events.append(.finished(actions[record.action], record))
        pthread_cond_broadcast(condition)
    }

    /// For the caller: the events since the last call, waiting for one; nil when every slot is
    /// done and all were given.
    func nextEvents() -> [BuildExecutor.Event]? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while events.isEmpty {
            if slotsLeft == 0 { return nil }
            pthread_cond_wait(condition, mutex)
        }
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }
}
