#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Runs a plan: a ready queue (an action starts as soon as the actions it depends on are done,
/// with no waiting for a whole level), at most `jobs` at once, each action's fingerprint
/// checked first so that an up-to-date action starts no process. Outputs are written under a
/// temporary name and renamed when the action succeeds; its fingerprint is written after that,
/// so an interrupted or failed action is never taken as done. The fingerprint is written by a
/// recorder of its own while the slots go on (it is for the next build; nothing in this one
/// reads it), sixteen at a time until the build's last actions, and every one is written before
/// `run` returns. After a failure nothing new starts unless `keepGoing`; what is running
/// finishes. An action whose program succeeded is finished (outputs moved into place,
/// fingerprint handed on, what waits for it made ready) while the slot's next program runs,
/// when one is ready; and while it runs, the slot prepares actions that are ready (their keys,
/// whether they are up to date, their output directories: `Preparation`) for whichever slot
/// takes them. That work stops when the program ends (the rest waits for the next one), so
/// that a slot whose thread got a core only after its program ended (two compilers on two
/// cores) starts the next program at once. A slot waits for ampu's own work only to start a
/// program, and then mostly for none.
public final class BuildExecutor: Sendable {
    public struct Options: Sendable {
        public var jobs: Int
        public var keepGoing: Bool
        /// Seconds one action may run.
        public var timeout: Double
        /// The environment actions run in (each action's own variables on top).
        public var environment: [String: String]
        /// Ctrl-C: when it is raised, running actions are stopped and nothing new starts.
        public var interruption: Interruption?
        /// Actions known to be up to date without their fingerprints (all, or these): after a
        /// complete build, those no changed file reaches (`CompleteBuild.affected`).
        public var onlyThese: Set<Int>?

        public init(jobs: Int, keepGoing: Bool = false, timeout: Double = 300, environment: [String: String], interruption: Interruption? = nil,
                    onlyThese: Set<Int>? = nil) {
            self.onlyThese = onlyThese
            self.jobs = max(1, jobs)
            self.keepGoing = keepGoing
            self.timeout = timeout
            self.environment = environment
            self.interruption = interruption
        }
    }

    /// What happened to one action.
    public struct Record: Sendable {
        public enum Outcome: Hashable, Sendable {
            case upToDate
            case succeeded
            case failed(status: Int32)
            /// Its program was ended by this signal (it crashed, or was killed).
            case signalled(Int32)
            case timedOut
            /// Stopped when its memory passed its limit.
            case memoryExceeded
            case interrupted
            case cannotStart(String)
            /// It succeeded but did not write this file.
            case missingOutput(String)
            /// It succeeded, but what it wrote could not be put in place of this file (a
            /// directory is in the way): why.
            case outputNotPlaced(String, reason: String)
        }

        public var action: Int
        public var outcome: Outcome
        /// Why it ran (nil when it was up to date).
        public var staleness: FingerprintStore.Staleness?
        public var stdout: String
        /// What its program wrote on standard error; up to date, what its last run wrote there
        /// (kept in its fingerprint), to be shown again.
        public var stderr: String
        /// Bytes its program wrote past what is kept of its output (`outputKept`).
        public var outputLeftOut = 0
        /// The slot (0..<jobs) it ran in, for the timings.
        public var slot: Int
        /// Seconds since the build started.
        public var start: Double
        public var end: Double
        /// Seconds its program ran (0 when it was up to date).
        public var processTime: Double = 0
        /// Seconds its slot waited for ampu's own work on it: its fingerprint before its
        /// program, its outputs after, unless that was done while the slot's next program ran
        /// (then `end - start` is longer than `slotTime`).
        public var ownTime: Double = 0

        /// What it cost its slot.
        public var slotTime: Double { processTime + ownTime }

        public var isFailure: Bool {
            switch outcome {
            case .upToDate, .succeeded: false
            default: true
            }
        }
    }

    public enum Event: Sendable {
        case started(BuildAction, slot: Int)
        case finished(BuildAction, Record)
    }

    /// How the build ended.
    public struct Summary: Sendable {
        /// Each action's record by id; nil for those that never started (after a failure, or
        /// depending on one that failed).
        public var records: [Record?]
        public var interrupted: Bool
        public var wallTime: Double
        /// Fingerprints that could not be written (a full disk): those actions run again next
        /// time. Each action's description, and why.
        public var unrecorded: [(action: String, reason: String)] = []
        /// Each action's work as the schedule weighed it (`costs()`); nil on one slot, where
        /// the plan's order is kept.
        public var costs: [Int]? = nil

        public var failures: [Record] { records.compactMap { $0 }.filter(\.isFailure) }
        public var ran: Int { records.filter { $0 != nil && $0!.outcome != .upToDate }.count }
        public var upToDate: Int { records.filter { $0?.outcome == .upToDate }.count }
        public var notStarted: Int { records.filter { $0 == nil }.count }
        public var succeeded: Bool { !interrupted && failures.isEmpty && notStarted == 0 }
    }

    public let plan: BuildPlan
    public let store: FingerprintStore
    public let options: Options
    let identities = Mutex<[String: String]>([:])
    /// The output directories this build has looked at, and whether it made each.
    let directories = Mutex<[String: Bool]>([:])
    /// Writes the fingerprints of actions that succeeded, one after another, off the slots.
    let recorder = DispatchQueue(label: "ampu.build.recorder")
    let recording = DispatchGroup()
    /// Fingerprints not yet handed to the recorder (`recordingBatch`).
    let unwritten = Mutex<[Unwritten]>([])
    let unrecorded = Mutex<[(action: String, reason: String)]>([])

    public init(plan: BuildPlan, store: FingerprintStore, options: Options) {
        self.plan = plan
        self.store = store
        self.options = options
    }

    /// Runs the plan; `onEvent` is called on the calling thread, in order.
    public func run(_ onEvent: (Event) -> Void) -> Summary {
        let clock = Clock()
        directories.withLock { $0 = [:] }
        // No more slots than actions: `-j 100000` must not start a hundred thousand threads.
        let slots = max(1, min(options.jobs, plan.actions.count))
        let costs = slots > 1 ? costs() : nil
        let schedule = Schedule(actions: plan.actions, slots: slots, keepGoing: options.keepGoing, blocked: plan.blocked, costs: costs)
        // A serial queue per slot: GCD gives each its own thread, where a concurrent queue
        // would share the few threads of its pool with the caller (which waits here) and run
        // fewer actions at once than -j asks. Each slot runs actions until the schedule is done.
        // Not `OwnThread`: in an earlier version, slots on threads of their own waited longer
        // for their own work and the overhead was 1 to 1.7 points higher (three sittings of 15
        // to 21 interleaved runs; the cause was not found). Now they are level with GCD's, and
        // so are threads made before the build and parked until it runs, though these start
        // the first action 0.13 ms sooner (`scripts/bench-build --compare`, five sittings of
        // 15 runs): no reason to change.
        for slot in 0..<slots {
            DispatchQueue(label: "ampu.build.slot\(slot)").async {
                self.runSlot(slot, schedule: schedule, clock: clock)
            }
        }
        while let events = schedule.nextEvents() {
            for event in events { onEvent(event) }
        }
        var interrupted = schedule.interrupted
        if options.interruption?.isRaised == true { interrupted = true }
        writeUnwritten()
        recording.wait()
        return Summary(records: schedule.records, interrupted: interrupted, wallTime: clock.now(), unrecorded: unrecorded.withLock { $0 }, costs: costs)
    }

    /// Each action's work, for the schedule's order: how long its program ran in the last build
    /// (its fingerprint keeps that), as Ninja weighs its critical path by the times in its log.
    /// An action known to be up to date (not among `onlyThese`) costs nothing. One with no time
    /// (never built, or built by an older ampu) is taken to cost the median of the known times.
    /// When no time is known (a first build), each costs the number of files it reads: a
    /// package of a hundred sources compiles longer than one of three.
    func costs() -> [Int] {
        let counted = plan.actions.indices.filter { options.onlyThese?.contains($0) ?? true }
        var costs = [Int](repeating: 0, count: plan.actions.count)
        let log = store.log
        let times = log.isEmpty ? [] : log.runTimes(counted.map { FingerprintStore.id(of: plan.actions[$0]) })
        guard let estimated = RunTimeEstimates.filled(times) else {
            for id in counted { costs[id] = max(1, plan.actions[id].inputs.count) }
            return costs
        }
        // Each at least 1: a chain of actions that ran in no time still leads to its end. At
        // most a day: a damaged record's time must not overflow the sum of a chain.
        for (id, time) in zip(counted, estimated) { costs[id] = min(Self.longestCost, max(1, time)) }
        return costs
    }

    /// A day, in microseconds: the most an action's cost can be.
    static let longestCost = 86_400_000_000

    // MARK: One slot (one action: BuildExecutor+Action.swift)

    /// Runs actions until the schedule has none left for the slot. A successful program's
    /// action stays pending (`pending`) until the slot's next program has started, and is
    /// finished while that one runs; what the slot has not finished when that program ends
    /// waits for the one after it, unless another slot waits for work (what is finished may
    /// make some ready) or none is ready (then it is finished at once). A failed program's
    /// action is finished at once, so that nothing new starts after it. (A program that exits
    /// with 0 but leaves an output unwritten is found only when its action is finished.)
    private func runSlot(_ slot: Int, schedule: Schedule, clock: Clock) {
        let interruption = options.interruption
        var pending: [Ran] = []
        /// Finishes the pending actions, first to last; `ended` says the slot's program has
        /// ended, and then no more are finished unless a slot waits for work, or more than
        /// `pendingAtMost` would be left (programs that end at once must not leave their
        /// outputs out of place, and their ends unreported, until the build's end).
        func finishPending(whileNextRuns: Bool, ended: () -> Bool = { false }) {
            while let ran = pending.first {
                guard Self.finishesNext(pending: pending.count, ended: ended(), slotsWait: schedule.slotsWait) else { return }
                pending.removeFirst()
                let leftToStart = schedule.finish(complete(ran, clock: clock, whileNextRuns: whileNextRuns))
                // Near the end, each fingerprint goes to the recorder at once: a batch still
                // waiting when the last program ends is hashed while every slot has nothing to do.
                if leftToStart <= Self.recordingBatch { writeUnwritten() }
            }
        }
        while true {
            guard let (action, prepared) = schedule.take(slot: slot, wait: pending.isEmpty, interrupted: { interruption?.isRaised == true }) else {
                guard !pending.isEmpty else { return }
                finishPending(whileNextRuns: false)
                // Nothing is ready for this slot: the fingerprints waiting for a batch are
                // written while it waits (at the end of a build, while the last actions run).
                writeUnwritten()
                continue
            }
            let outcome = attempt(action, prepared: prepared, slot: slot, clock: clock) { ended in
                finishPending(whileNextRuns: true, ended: ended)
                prepareAhead(schedule, until: ended)
            }
            switch outcome {
            case .done(var record):
                record.end = clock.now()
                record.ownTime = record.end - record.start
                // No program runs: what is pending is finished now, so that it is reported first.
                finishPending(whileNextRuns: false)
                schedule.finish(record)
            case .ran(let ran) where ran.result.succeeded:
                pending.append(ran)
            case .ran(let ran):
                finishPending(whileNextRuns: false)
                schedule.finish(complete(ran, clock: clock, whileNextRuns: false))
            }
        }
    }

    /// The most actions a slot leaves to finish while its next program runs.
    static let pendingAtMost = 2

    /// Whether a slot finishes the first of its `pending` actions now, while its program runs
    /// or has just ended (`ended`): yes until the program has ended; then only when a slot
    /// waits for work (`slotsWait`: what is finished may make some ready) or more than
    /// `pendingAtMost` are pending.
    static func finishesNext(pending: Int, ended: @autoclosure () -> Bool, slotsWait: @autoclosure () -> Bool) -> Bool {
        pending > pendingAtMost || !ended() || slotsWait()
    }

    /// What a run would do, without running anything (`--dry-run`): each action that would run,
    /// in plan order, with why. An action after one that would run is taken to run too, as its
    /// inputs would change.
    public func wouldRun() -> [(action: BuildAction, why: FingerprintStore.Staleness?)] {
        var running = Set<Int>()
        var out: [(action: BuildAction, why: FingerprintStore.Staleness?)] = []
        for action in plan.actions where !plan.isBlocked(action.id) {
            if let only = options.onlyThese, !only.contains(action.id) { continue }
            let key = FingerprintStore.key(of: action, programs: programIdentities(action))
            let why = store.staleness(of: action, key: key).staleness
            if why != nil || action.dependencies.contains(where: running.contains) {
                running.insert(action.id)
                out.append((action, why))
            }
        }
        return out
    }

    /// Each program the action runs, by its resolved path, size and time: a new compiler makes
    /// every action it runs stale.
    func programIdentities(_ action: BuildAction) -> [String] {
        let programs = action.launcher + [action.arguments[0]]
        return programs.map { program in
            if let known = identities.withLock({ $0[program] }) { return known }
            let identity = Self.identity(of: program, environment: options.environment, stats: store.stats)
            identities.withLock { $0[program] = identity }
            return identity
        }
    }

    /// A program as the command line names it, by the file `PATH` finds: its real path, size
    /// and time.
    public static func identity(of program: String, environment: [String: String], stats: StatCache) -> String {
        guard let path = ProcessRunner.resolve(program, path: environment["PATH"] ?? "/usr/bin:/bin"),
              let real = try? stats.fileSystem.realPath(path), let status = stats.status(real) else { return program + " (not found)" }
        return "\(real) \(status.size) \(status.modificationTime)"
    }
}

/// Seconds since it was made, on the monotonic clock.
struct Clock: Sendable {
    private let origin: Double

    init() { origin = Self.seconds() }

    func now() -> Double { Self.seconds() - origin }

    /// Seconds on the monotonic clock (from an arbitrary start), as the schedule's and the
    /// process runner's waits count them.
    static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
