import Dispatch
import Foundation
import Synchronization
import Testing
import TestSupport
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

    @Test("a program whose file is still open for writing somewhere (busy) is started once it no longer is")
    func busyProgram() throws {
        let dir = try ScratchDirectory()
        let path = dir.path + "/tool"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        #expect(fd >= 0)
        let script = Array("#!/bin/sh\necho ran\n".utf8)
        #expect(write(fd, script, script.count) == script.count)
        // While the descriptor is open, exec fails with ETXTBSY; it is closed 100 ms later, by a
        // thread of its own: a job on a shared queue could wait behind other tests far longer
        // (under a loaded suite it did, past the second the runner tries for).
        Thread.detachNewThread {
            usleep(100_000)
            close(fd)
        }
        let result = try ProcessRunner.run([path], environment: env)
        #expect(result.stdoutText == "ran\n" && result.status == 0)
    }

    @Test("a program ended by a signal (a crash) is told from one that exits with a status, in words")
    func signalled() throws {
        let crashed = try ProcessRunner.run(["sh", "-c", "kill -SEGV $$"], environment: env)
        #expect(crashed.signal == SIGSEGV && crashed.status == 128 + SIGSEGV && !crashed.succeeded)
        #expect(crashed.ending == "signal 11, SIGSEGV")
        let exited = try ProcessRunner.run(["sh", "-c", "exit 139"], environment: env)
        #expect(exited.signal == nil && exited.status == 139)
        #expect(exited.ending == "exit status 139")
        #expect(ProcessRunner.describe(signal: 64) == "signal 64")
    }

    @Test("a program that outlives its time is killed, with what it started")
    func timeout() throws {
        let result = try ProcessRunner.run(["sh", "-c", "sleep 30 & sleep 30"], environment: env, timeout: 0.5)
        #expect(result.timedOut)
        #expect(!result.succeeded)
    }

    @Test("a program that ends leaving a process behind that holds its output open (a compiler wrapper that starts a server) is over when it ends: what it wrote is kept, no time runs out")
    func leftBehind() throws {
        let result = try ProcessRunner.run(["sh", "-c", "echo out; echo err >&2; sleep 8 & exit 3"], environment: env, timeout: 5)
        #expect(!result.timedOut)
        #expect(result.status == 3)
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
    }

    @Test("work given to do while the program runs is done while it runs; when the program ends first, the result says so")
    func whileRunning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-while-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // `cat` of a FIFO waits until a writer opens it: only the work done while it runs can.
        // The program then lives on a while, so that it has not ended when the work returns
        // (`cat` alone could end between the writer's close and the work's return).
        let fifo = dir + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reading = try ProcessRunner.run(["sh", "-c", "cat \"$0\" && sleep 1", fifo], environment: env, timeout: 10) { _ in
            let fd = open(fifo, O_WRONLY)
            _ = "from the work\n".withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        #expect(reading.stdoutText == "from the work\n")
        #expect(reading.succeeded && !reading.endedWhileBusy)
        let quick = try ProcessRunner.run(["true"], environment: env) { _ in usleep(1_000_000) }
        #expect(quick.succeeded && quick.endedWhileBusy)
        // The probe says whether the program has ended, and its status is kept when it has.
        var seen: [Bool] = []
        let probed = try ProcessRunner.run(["sh", "-c", "cat \"$0\"; exit 3", fifo], environment: env, timeout: 10) { ended in
            seen.append(ended())
            let fd = open(fifo, O_WRONLY)
            close(fd)
            for _ in 0..<500 where !ended() { usleep(10_000) }
            seen.append(ended())
        }
        #expect(seen == [false, true])
        #expect(probed.status == 3 && probed.endedWhileBusy)
    }

    @Test("a program that is not there is an error that says so")
    func missing() {
        #expect(throws: ProcessRunner.Failure.cannotStart(program: "no-such-program-ampu", reason: "not found on PATH")) {
            try ProcessRunner.run(["no-such-program-ampu"], environment: env)
        }
    }

    @Test("with a limit, the first bytes of each stream are kept, up to the end of a line, and the rest is counted")
    func keptOutput() throws {
        let script = "yes line | head -c 100000; yes error | head -c 50000 >&2; exit 4"
        let cut = try ProcessRunner.run(["sh", "-c", script], environment: env, keep: 1002)
        #expect(cut.stdoutText == String(repeating: "line\n", count: 200) && cut.stderrText == String(repeating: "error\n", count: 167))
        #expect(cut.leftOut == (100_000 - 1000) + (50_000 - 1002) && cut.status == 4)
        let whole = try ProcessRunner.run(["sh", "-c", script], environment: env)
        #expect(whole.stdout.count == 100_000 && whole.stderr.count == 50_000 && whole.leftOut == 0)
    }

    @Test("a name is looked up in PATH as a plan looks it up: a directory of that name earlier in PATH is passed over")
    func directoryInPath() throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: scratch.path + "/bin/printf", withIntermediateDirectories: true)
        let result = try ProcessRunner.run(["printf", "found"], environment: ["PATH": scratch.path + "/bin:/usr/bin:/bin"])
        #expect(result.stdoutText == "found" && result.succeeded)
        #expect(ProcessRunner.resolve("printf", path: scratch.path + "/bin:/usr/bin:/bin") == ToolLocator.find("printf", base: "/", path: scratch.path + "/bin:/usr/bin:/bin", fileSystem: LocalFileSystem()))
    }

    @Test("programs started from several threads at once each see the end of their own input")
    func concurrentInputs() {
        // Without close-on-exec pipes, a program started at the same moment inherits another's
        // input and keeps it open (here `sleep`, for 3 s): `cat` then waits for an end that does
        // not come before its timeout.
        let results = Mutex<[Int: String]>([:])
        let inputs = (0..<16).map { "input \($0)\n" }
        let group = DispatchGroup()
        let env = env
        for i in 0..<(inputs.count * 2) {
            group.enter()
            // A thread each, all at once (a dispatch queue would run two at a time on two cores).
            Thread.detachNewThread {
                defer { group.leave() }
                if i % 2 == 1 {
                    _ = try? ProcessRunner.run(["sleep", "3"], environment: env, timeout: 10)
                    return
                }
                let r = try? ProcessRunner.run(["cat"], environment: env, timeout: 1, input: Array(inputs[i / 2].utf8))
                results.withLock { $0[i / 2] = r.map { $0.timedOut ? "timed out" : $0.stdoutText } ?? "failed to start" }
            }
        }
        group.wait()
        #expect(results.withLock { $0 } == Dictionary(uniqueKeysWithValues: inputs.enumerated().map { ($0.offset, $0.element) }))
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
