import Testing
@testable import BuildModel

@Suite("Running programs")
struct ProcessRunnerTests {
    let env = ["PATH": "/usr/bin:/bin"]

    @Test("arguments go to the program as they are: no shell reads them")
    func argv() throws {
        let result = try ProcessRunner.run(["printf", "%s|", "a b", "$HOME", "; rm -rf /", "`x`"], environment: env)
        #expect(result.stdoutText == "a b|$HOME|; rm -rf /|`x`|")
        #expect(result.status == 0 && result.succeeded)
    }

    @Test("the exit status, standard error, a directory, an environment and standard input")
    func everything() throws {
        let failing = try ProcessRunner.run(["sh", "-c", "echo oops >&2; exit 3"], environment: env)
        #expect(failing.status == 3)
        #expect(failing.stderrText == "oops\n")
        let here = try ProcessRunner.run(["pwd"], directory: "/tmp", environment: env)
        #expect(here.stdoutText == "/tmp\n")
        let vars = try ProcessRunner.run(["env"], environment: ["PATH": "/usr/bin:/bin", "AMPU_TEST": "1"])
        #expect(vars.stdoutText.split(separator: "\n").sorted() == ["AMPU_TEST=1", "PATH=/usr/bin:/bin"])
        let cat = try ProcessRunner.run(["cat"], environment: env, input: Array("piped\n".utf8))
        #expect(cat.stdoutText == "piped\n")
    }

    @Test("a program that outlives its time is killed, with what it started")
    func timeout() throws {
        let result = try ProcessRunner.run(["sh", "-c", "sleep 30 & sleep 30"], environment: env, timeout: 0.5)
        #expect(result.timedOut)
        #expect(!result.succeeded)
    }

    @Test("a program that is not there is an error that says so")
    func missing() {
        #expect(throws: ProcessRunner.Failure.cannotStart(program: "no-such-program-ampu", reason: "not found on PATH")) {
            try ProcessRunner.run(["no-such-program-ampu"], environment: env)
        }
    }

    @Test("a large input fed to a program that writes as it reads: no deadlock")
    func largeInput() throws {
        let input = [UInt8](repeating: 0x61, count: 2_000_000)
        let result = try ProcessRunner.run(["cat"], environment: env, timeout: 30, input: input)
        #expect(result.stdout == input)
        #expect(!result.timedOut)
    }

    @Test("large outputs on both streams are read without a deadlock")
    func largeOutput() throws {
        let result = try ProcessRunner.run(["sh", "-c", "head -c 1000000 /dev/zero; head -c 1000000 /dev/zero >&2"], environment: env)
        #expect(result.stdout.count == 1_000_000)
        #expect(result.stderr.count == 1_000_000)
    }
}
