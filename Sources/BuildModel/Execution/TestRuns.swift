import Dispatch
import Synchronization

/// The test programs of `ampu test`, run at most `jobs` at once, as `cargo test` runs tests in
/// parallel: each result is handed on in the tests' order (a test's waits for those before it),
/// so what is printed does not depend on which ended first. With more than one job they start
/// the longest last time first (`TestTimes`), so that a slow test is not left to run alone at
/// the end; with one, in their own order, one after another.
public enum TestRuns {
    public typealias Outcome = Result<TestRun, ProcessRunner.Failure>

    /// - Parameters:
    ///   - timesIn: a target directory whose `TestTimes` record gives the order (with more than
    ///     one job), and keeps this run's times for the next; nil: the tests' own order, and
    ///     nothing kept.
    ///   - known: every test program the plan makes (not only those that run): the record keeps
    ///     no other's time.
    ///   - interruption: once it is raised (Ctrl-C), no test starts; those running are stopped by
    ///     their runs, which watch its descriptor.
    ///   - report: each test's index and outcome, in the tests' order, on the calling thread; nil
    ///     for a test that did not start because of an interruption.
    /// - Returns: the microseconds each test ran (nil for one that did not start).
    @discardableResult
    public static func run(_ tests: [BuildPlan.Product], arguments: [String], in root: String, environment: [String: String], timeout: Double,
                           jobs: Int, timesIn targetDirectory: String? = nil, known: Set<String>? = nil, fileSystem: any FileSystem = LocalFileSystem(),
                           interruption: Interruption?,
                           report: (Int, Outcome?) -> Void) -> [Int?] {
        let times = targetDirectory.map { TestTimes.read(targetDirectory: $0, fileSystem: fileSystem) }
        let order = jobs > 1 ? times?.order(tests.map(\.path)) ?? Array(tests.indices) : Array(tests.indices)
        let outcomes = Mutex<[(outcome: Outcome, microseconds: Int)?]>(.init(repeating: nil, count: tests.count))
        let next = Mutex(0)
        let ended = tests.map { _ in DispatchSemaphore(value: 0) }
        let group = DispatchGroup()
        let clock = Clock()
        for worker in 0..<max(1, min(jobs, tests.count)) {
            OwnThread.start("ampu test \(worker)", group: group) {
                while true {
                    let index = next.withLock { n -> Int? in
                        guard n < order.count else { return nil }
                        defer { n += 1 }
                        return order[n]
                    }
                    guard let index else { return }
                    if interruption?.isRaised != true {
                        let start = clock.now()
                        let outcome = Result { () throws(ProcessRunner.Failure) -> TestRun in
                            try TestRun.run(tests[index], arguments: arguments, in: root, environment: environment, timeout: timeout,
                                            interrupt: interruption?.descriptor)
                        }
                        let microseconds = Int(((clock.now() - start) * 1_000_000).rounded())
                        outcomes.withLock { $0[index] = (outcome, max(0, microseconds)) }
                    }
                    ended[index].signal()
                }
            }
        }
        for index in tests.indices {
            ended[index].wait()
            report(index, outcomes.withLock { $0[index]?.outcome })
        }
        group.wait()
        let ran = outcomes.withLock { $0.map { $0?.microseconds } }
        if let targetDirectory, var kept = times {
            kept.update(tests.map(\.path), ran: ran, known: known)
            // Only the next run's order depends on it: one that cannot be written is no error.
            try? kept.write(targetDirectory: targetDirectory, fileSystem: fileSystem)
        }
        return ran
    }
}
