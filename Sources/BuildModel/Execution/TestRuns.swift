import Dispatch
import Synchronization

/// The test programs of `ampu test`, run at most `jobs` at once, as `cargo test` runs tests in
/// parallel: each result is handed on in the tests' order (a test's waits for those before it),
/// so what is printed does not depend on which ended first.
public enum TestRuns {
    public typealias Outcome = Result<TestRun, ProcessRunner.Failure>

    /// - Parameters:
    ///   - interruption: once it is raised (Ctrl-C), no test starts; those running are stopped by
    ///     their runs, which watch its descriptor.
    ///   - report: each test's index and outcome, in order, on the calling thread; nil for a test
    ///     that did not start because of an interruption.
    public static func run(_ tests: [BuildPlan.Product], arguments: [String], in root: String, environment: [String: String], timeout: Double,
                           jobs: Int, interruption: Interruption?, report: (Int, Outcome?) -> Void) {
        let outcomes = Mutex<[Outcome?]>([Outcome?](repeating: nil, count: tests.count))
        let next = Mutex(0)
        let ended = tests.map { _ in DispatchSemaphore(value: 0) }
        let group = DispatchGroup()
        for worker in 0..<max(1, min(jobs, tests.count)) {
            DispatchQueue(label: "ampu.test\(worker)").async(group: group) {
                while true {
                    let index = next.withLock { n -> Int? in
                        guard n < tests.count else { return nil }
                        defer { n += 1 }
                        return n
                    }
                    guard let index else { return }
                    if interruption?.isRaised != true {
                        let outcome = Result { () throws(ProcessRunner.Failure) -> TestRun in
                            try TestRun.run(tests[index], arguments: arguments, in: root, environment: environment, timeout: timeout,
                                            interrupt: interruption?.descriptor)
                        }
                        outcomes.withLock { $0[index] = outcome }
                    }
                    ended[index].signal()
                }
            }
        }
        for index in tests.indices {
            ended[index].wait()
            report(index, outcomes.withLock { $0[index] })
        }
        group.wait()
    }
}
