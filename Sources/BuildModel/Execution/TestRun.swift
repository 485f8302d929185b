/// One test program run, as `ampu test` runs it: in the workspace's root, with the build's
/// environment, for at most `timeout` seconds. It passes when it exits with status 0 and prints
/// no failed check (`TestOutput`). What it prints is kept as a compile's output is (the first
/// `BuildExecutor.outputKept` bytes of each stream), so that a test that prints without end
/// cannot take all the memory there is; its checks are counted in all of it.
public struct TestRun: Sendable {
    public var result: ProcessRunner.Result
    /// The checks of both streams.
    public var checks: TestOutput
    /// How many of the failed checks were in what was not kept, and the first of their lines.
    public var failuresLeftOut: (count: Int, lines: [String])
    public var timeout: Double

    public var passed: Bool { result.succeeded && checks.failed == 0 }

    /// What it kept of its output: standard output, then standard error.
    public var output: String { result.stdoutText + result.stderrText }

    /// Why it failed: `exit status 1`, `ran past 300 seconds`, `1 of 3 checks failed`, or these
    /// joined; empty when it passed.
    public var why: String {
        var reasons: [String] = []
        if result.timedOut {
            let seconds = Int(timeout)
            reasons.append("ran past \(seconds) second\(seconds == 1 ? "" : "s")")
        } else if !result.succeeded {
            reasons.append(result.ending)
        }
        if checks.failed > 0, let summary = checks.summary { reasons.append(summary) }
        return reasons.joined(separator: ", ")
    }

    public static func run(_ test: BuildPlan.Product, arguments: [String] = [], in root: String, environment: [String: String], timeout: Double = 300,
                           interrupt: Int32? = nil) throws(ProcessRunner.Failure) -> TestRun {
        var out = TestOutput(), err = TestOutput()
        let result = try ProcessRunner.run(test.commandLine(arguments), directory: root, environment: environment, timeout: timeout,
                                           interrupt: interrupt, keep: BuildExecutor.outputKept, watch: { stream, bytes in
            if stream == .standardOutput { out.read(bytes) } else { err.read(bytes) }
        })
        out.finish()
        err.finish()
        // A stream's kept bytes are its start: the failures past them are the ones it has more.
        var leftOutCount = 0
        var leftOutLines: [String] = []
        for (stream, kept) in [(out, result.stdout), (err, result.stderr)] {
            let inKept = TestOutput(String(decoding: kept, as: UTF8.self)).failed
            leftOutCount += stream.failed - inKept
            leftOutLines += stream.failures.dropFirst(inKept)
        }
        return TestRun(result: result, checks: out + err, failuresLeftOut: (leftOutCount, Array(leftOutLines.prefix(TestOutput.failuresKept))),
                       timeout: timeout)
    }
}
