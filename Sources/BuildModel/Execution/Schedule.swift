#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HeapModule

/// The state a build's slots share: the ready queue (with more than one slot, the ready action
/// with the longest chain of work waiting on it first, as Ninja schedules by the critical path:
/// the work of each action is its cost, `BuildExecutor.costs` (how long it ran in the last build,
/// or in a first build the files it reads), else one each; ties, and a build on one slot, in
/// plan order),
/// what each action still waits for, how many run, the work prepared ahead for ready actions,
/// and the events for the caller. Each slot takes its next action itself when one ends, so no
/// other thread stands between an action's end and the next one's start; the caller only
/// reports. One lock guards it all. Slots wait on one condition, the caller on another: a slot
/// is woken only when there is work for it, and the caller at most every `reportInterval`
/// seconds while the build runs (at once for a failure, an interruption or the end), so that
/// on a machine whose cores all run compilers, reporting each of a thousand short actions does
/// not take their time.
final class Schedule: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let slotCondition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let callerCondition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// A ready action, ordered as slots take them: the one with the longest chain of work
    /// after it first (a build cannot end before that chain does, so it starts it first), then
    /// the first in the plan.
    struct Ready: Comparable {
        /// The work on the longest chain from this one to the end of the plan, itself included:
        /// the sum of their costs.
        var chain: Int
        var id: Int

        static func < (a: Ready, b: Ready) -> Bool { a.chain != b.chain ? a.chain > b.chain : a.id < b.id }
    }

    private var waiting: [Int]
    private let dependents: [[Int]]
    private let chains: [Int]
    private var ready: Heap<Ready>
    private(set) var records: [BuildExecutor.Record?]
    private var running = 0
    /// Actions taken by a slot so far.
    private var started = 0
    private var stopping = false
    private(set) var interrupted = false
    /// The events since the caller was last given some, by action (made into `Event`s, each
    /// with its action, on the caller's thread).
    private var events: [(action: Int, slot: Int, record: BuildExecutor.Record?)] = []
    private var slotsLeft: Int
    private let actions: [BuildAction]
    private let keepGoing: Bool
    private let blocked: Set<Int>
    /// Slots waiting in `take` for an action to become ready.
    private var idleSlots = 0

    /// Ready actions not yet handed to a slot to prepare, in the order slots take them.
    private var unprepared: Heap<Ready>
    /// What was prepared for ready actions no slot has taken yet.
    private var preparations: [Int: BuildExecutor.Preparation] = [:]
    private var taken: [Bool]

    /// The caller is waiting in `nextEvents`, and when it was last given events.
    private var callerWaits = false
    private var lastReport = -Double.infinity
    let reportInterval: Double

    /// - Parameter blocked: actions never started (nor, as they never end, what needs them).
    /// - Parameter costs: each action's work, to order the ready ones (`BuildExecutor.costs`);
    ///   nil: one each.
    init(actions: [BuildAction], slots: Int, keepGoing: Bool, blocked: Set<Int> = [], costs: [Int]? = nil, reportInterval: Double = 0.005) {
        self.actions = actions
        self.keepGoing = keepGoing
        self.reportInterval = reportInterval
        slotsLeft = slots
        // Made once per build before the first program starts, and all slots wait for it: each
        // action is read in place, not copied, and a Set is made only for a list of two or more
        // (a thousand actions: 0.45 -> 0.14 ms).
        var waiting = [Int](repeating: 0, count: actions.count)
        var dependents = [[Int]](repeating: [], count: actions.count)
        var roots: [Int] = []
        for id in actions.indices {
            let dependencies = actions[id].dependencies
            let distinct = dependencies.count < 2 ? dependencies : Array(Set(dependencies))
            waiting[id] = distinct.count
            for d in distinct { dependents[d].append(id) }
            if distinct.isEmpty && !blocked.contains(id) { roots.append(id) }
        }
        self.waiting = waiting
        self.dependents = dependents
        // With one slot the order cannot change when the build ends: the plan's order keeps
        // each package's actions together, as its progress reads best.
        let chains = slots > 1 ? Self.chains(dependents: dependents, waiting: waiting, costs: costs) : [Int](repeating: 1, count: actions.count)
        self.chains = chains
        let first = Heap(roots.map { Ready(chain: chains[$0], id: $0) })
        ready = first
        unprepared = first
        taken = [Bool](repeating: false, count: actions.count)
        self.blocked = blocked
        records = [BuildExecutor.Record?](repeating: nil, count: actions.count)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(slotCondition, nil)
        // The caller's timed wait runs on the monotonic clock, as `Clock.seconds` does.
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(callerCondition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(slotCondition)
        pthread_cond_destroy(callerCondition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        slotCondition.deallocate()
        callerCondition.deallocate()
    }

    /// The next action for the slot, with what was prepared for it if a slot did that already,
    /// waiting while none is ready and others run; nil when the slot is done (everything ran, or
    /// the build stops). `interrupted`: Ctrl-C was pressed. With `wait` false (the slot has an
    /// action of its own still to finish), nil at once when none is ready or the build stops,
    /// and the slot is not done.
    func take(slot: Int, wait: Bool = true, interrupted isRaised: () -> Bool) -> (action: BuildAction, prepared: BuildExecutor.Preparation?)? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if !stopping, isRaised() {
                stop(interrupted: true)
            }
            if !stopping, let id = ready.popMin()?.id {
                running += 1
                started += 1
                taken[id] = true
                events.append((id, slot, nil))
                reported(urgently: false)
                return (actions[id], preparations.removeValue(forKey: id))
            }
            if !wait { return nil }
            if stopping || running == 0 {
                slotsLeft -= 1
                // The others see the build is over too; the caller, at once, that it is.
                pthread_cond_broadcast(slotCondition)
                reported(urgently: true)
                return nil
            }
            idleSlots += 1
            pthread_cond_wait(slotCondition, mutex)
            idleSlots -= 1
        }
    }

    /// Some slot waits for an action to become ready: finishing one may give it work.
    var slotsWait: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return idleSlots > 0
    }

    /// An action's end: what waited for it becomes ready (unless it failed), or the build
    /// stops (a failure without `keepGoing`, an interruption). Returns how many actions are
    /// left to start (counting those after a blocked one, which never start).
    @discardableResult
    func finish(_ record: BuildExecutor.Record) -> Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        running -= 1
        records[record.action] = record
        if record.outcome == .interrupted { stop(interrupted: true) }
        if record.isFailure {
            if !keepGoing { stop(interrupted: false) }
        } else {
            for d in dependents[record.action] {
                waiting[d] -= 1
                if waiting[d] == 0 && !blocked.contains(d) {
                    ready.insert(Ready(chain: chains[d], id: d))
                    unprepared.insert(Ready(chain: chains[d], id: d))
                }
            }
        }
        events.append((record.action, record.slot, record))
        // An idle slot has work, or (nothing left to run) learns that it is done.
        if idleSlots > 0 { pthread_cond_broadcast(slotCondition) }
        reported(urgently: record.isFailure)
        return actions.count - blocked.count - started
    }

    /// For each action, the work on the longest chain from it to the end of the plan, itself
    /// included: the sum of the chain's costs (without costs, the actions on it: 1 for an action
    /// nothing waits on). From the last actions back, in an order in which each comes after
    /// what it waits for.
    static func chains(dependents: [[Int]], waiting: [Int], costs: [Int]? = nil) -> [Int] {
        var waiting = waiting
        var order = waiting.indices.filter { waiting[$0] == 0 }
        var next = 0
        while next < order.count {
            for d in dependents[order[next]] {
                waiting[d] -= 1
                if waiting[d] == 0 { order.append(d) }
            }
            next += 1
        }
        var chains = costs ?? [Int](repeating: 1, count: dependents.count)
        for id in order.reversed() {
            var after = 0
            for d in dependents[id] { after = max(after, chains[d]) }
            chains[id] += after
        }
        return chains
    }

    private func stop(interrupted isInterruption: Bool) {
        if isInterruption { interrupted = true }
        guard !stopping else { return }
        stopping = true
        pthread_cond_broadcast(slotCondition)
    }

    /// Up to `limit` ready actions for a slot to prepare while its program runs, those slots
    /// will take first, each handed out once; none once the build stops.
    func toPrepare(limit: Int) -> [BuildAction] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        var out: [BuildAction] = []
        while !stopping, out.count < limit, let next = unprepared.popMin() {
            if !taken[next.id] { out.append(actions[next.id]) }
        }
        return out
    }

    /// Keeps what was prepared for an action until a slot takes it (dropped when one took it
    /// meanwhile and prepared it itself). `clearing` (making its output directories, removing
    /// what an earlier run left under its outputs' names) is done under the lock, and only while
    /// no slot has taken the action: one that has clears them itself, and its program may be
    /// writing them already. Returns whether it was kept.
    @discardableResult
    func keep(_ preparation: BuildExecutor.Preparation, for action: Int, clearing: () -> Void = {}) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !taken[action] else { return false }
        clearing()
        preparations[action] = preparation
        return true
    }

    /// Wakes the caller for a new event: when it waits for the first one since it was last
    /// given some (it then waits out the rest of `reportInterval` itself), and at once when
    /// `urgently` or the build stops.
    private func reported(urgently: Bool) {
        guard callerWaits else { return }
        if urgently || stopping || events.count == 1 {
            pthread_cond_signal(callerCondition)
        }
    }

    /// For the caller: the events since the last call, waiting for one (and, while the build
    /// runs, until `reportInterval` has passed since the last call, unless the build stopped
    /// or a slot failed); nil when every slot is done and all were given.
    func nextEvents() -> [BuildExecutor.Event]? {
        pthread_mutex_lock(mutex)
        var given: [(action: Int, slot: Int, record: BuildExecutor.Record?)]?
        while true {
            if events.isEmpty && slotsLeft == 0 { break }
            let now = Clock.seconds()
            let due = lastReport + reportInterval
            if !events.isEmpty && (now >= due || slotsLeft == 0 || stopping || events.contains(where: { $0.record?.isFailure == true })) {
                lastReport = now
                given = events
                events.removeAll(keepingCapacity: true)
                break
            }
            callerWaits = true
            if events.isEmpty {
                pthread_cond_wait(callerCondition, mutex)
            } else {
                var until = timespec(tv_sec: Int(due), tv_nsec: Int((due - due.rounded(.down)) * 1e9))
                if until.tv_nsec >= 1_000_000_000 { until.tv_sec += 1; until.tv_nsec -= 1_000_000_000 }
                pthread_cond_timedwait(callerCondition, mutex, &until)
            }
            callerWaits = false
        }
        pthread_mutex_unlock(mutex)
        // Each event gets its action here, on the caller's thread, not under the lock.
        return given?.map { event in
            if let record = event.record { return .finished(actions[event.action], record) }
            return .started(actions[event.action], slot: event.slot)
        }
    }
}
