import BuildModel
import Foundation
import Testing

/// Runs a program (not ampu) and returns its status and output.
func runTool(_ arguments: [String], environment: [String: String] = [:], directory: String) throws -> AmpuProcess.Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: directory)
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return AmpuProcess.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// Whether a program is on PATH; the tests that need a real tool say so when it is not.
func installed(_ tool: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
    }
}

@Suite("Builds with the real tools: clangd, Bear, Ninja, ccache; Ctrl-C and the build lock", .serialized)
struct BuildToolsTests {
    @Test("clangd reads the C file's flags from our compile_commands.json and finds its header")
    func clangd() throws {
        try #require(installed("clangd"), "clangd is not installed: scripts/install-deps installs it")
        let ws = try BuildFixture("seed")
        let written = try ws.ampu(["compile-commands"])
        #expect(written.stderr == "       Wrote compile_commands.json (7 entries)\n")
        let database = try JSONSerialization.jsonObject(with: Data(try ws.read("compile_commands.json").utf8)) as! [[String: Any]]
        #expect(database.map { ($0["file"] as! String).replacing(ws.root + "/", with: "") } == [
            "util/csrc/clamp.c", "util/src/helpers.ast", "util/src/lib.ast", "app/src/greeting.ast", "app/src/main.ast", "app/tests/broken.ast", "app/tests/smoke.ast",
        ])
        #expect(database[0]["arguments"] as! [String] == [
            "cc", "-O0", "-g", "-I", "util/csrc/include", "-MD", "-MF", "target/debug/build/util/native/csrc/clamp.c.d",
            "-c", "util/csrc/clamp.c", "-o", "target/debug/build/util/native/csrc/clamp.c.o",
        ])
        let check = try runTool(["clangd", "--check=util/csrc/clamp.c", "--compile-commands-dir=" + ws.root], directory: ws.root)
        #expect(check.status == 0, "clangd --check failed:\n\(check.stderr)")
        #expect(check.stderr.contains("cc -O0 -g -I util/csrc/include -MD -MF target/debug/build/util/native/csrc/clamp.c.d -c -o target/debug/build/util/native/csrc/clamp.c.o"))
        #expect(check.stderr.contains("Compile command from CDB is: "))
        #expect(check.stderr.contains("All checks completed, 0 errors"))
        // Without our database clangd cannot find the header: the check above is not vacuous.
        try FileManager.default.removeItem(atPath: ws.root + "/compile_commands.json")
        let blind = try runTool(["clangd", "--check=util/csrc/clamp.c", "--compile-commands-dir=" + ws.root], directory: ws.root)
        #expect(blind.stderr.contains("'clamp.h' file not found"))
    }

    @Test("an --output in a directory that is not there: the message names the directory, and nothing is written")
    func outputInMissingDirectory() throws {
        let ws = try BuildFixture("seed")
        let commands = try ws.ampu(["compile-commands", "--output", "missing/cc.json"])
        #expect(commands.status == 1)
        #expect(commands.stderr == "error: cannot write '\(ws.root)/missing/cc.json': '\(ws.root)/missing' does not exist\n")
        let ninja = try ws.ampu(["gen", "ninja", "--output", "missing/build.ninja"])
        #expect(ninja.status == 1)
        #expect(ninja.stderr == "error: cannot write '\(ws.root)/missing/build.ninja': '\(ws.root)/missing' does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: ws.root + "/missing"))
    }

    /// A C compile as a tool reads it: directory, file, output and the flags in order, with the
    /// compiler named by its last path part and the dependency-file flags left out, as Bear
    /// leaves them out.
    static func cCompiles(_ database: [[String: Any]]) -> [String] {
        database.filter { ($0["file"] as! String).hasSuffix(".c") }.map { entry in
            // `arguments`, or (the seed's shape, Aria's) `command` to split as a shell would.
            let arguments = entry["arguments"] as? [String] ?? (try? CommandWords.split(entry["command"] as! String).get()) ?? []
            var words = Array(arguments.dropFirst())
            let directory = entry["directory"] as! String, file = Paths.join(directory, entry["file"] as! String)
            var flags: [String] = []
            while !words.isEmpty {
                let word = words.removeFirst()
                if word == "-MF" || word == "-o" { words.removeFirst(); continue }
                if word == "-MD" || word == "-c" || Paths.join(directory, word) == file { continue }
                flags.append(word)
            }
            // The output as `-o` names it (ampu's temporary name is its own business).
            let output = arguments.firstIndex(of: "-o").map { Paths.join(directory, arguments[$0 + 1]).replacing(".ampu-tmp", with: "") } ?? "?"
            return "\(directory) \(file) -> \(output): \(Paths.lastComponent(arguments[0])) \(flags.joined(separator: " "))"
        }.sorted()
    }

    @Test("compile_commands.json holds the C compiles the build ran, as Bear records them from the processes themselves")
    func bear() throws {
        try #require(installed("bear"), "bear is not installed: scripts/install-deps installs it")
        let seed = try BuildFixture("seed")
        let aria = try AriaFixture()
        for (root, environment) in [(seed.root, seed.environment), (aria.app, aria.environment)] {
            let recorded = root + "/../bear.json"
            let built = try runTool(["bear", "--output", recorded, "--", AmpuProcess.executable.path, "build", "-j2"], environment: environment, directory: root)
            #expect(built.status == 0, "\(built.stderr)")
            let theirs = Self.cCompiles(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: recorded))) as! [[String: Any]])
            let ours = Self.cCompiles(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/compile_commands.json"))) as! [[String: Any]])
            #expect(!ours.isEmpty)
            #expect(ours == theirs)
        }
    }

    @Test("Ninja builds our build.ninja to the same outputs as ampu build --tests, and then has nothing to do")
    func ninja() throws {
        try #require(installed("ninja"), "ninja is not installed: scripts/install-deps installs it (ninja-build)")
        let ours = try BuildFixture("seed")
        // build.ninja is the whole plan's, the test programs' edges too.
        #expect(try ours.ampu(["build", "--tests"]).status == 0)
        let theirs = try BuildFixture("seed")
        let gen = try theirs.ampu(["gen", "ninja"])
        #expect(gen.stderr == "       Wrote build.ninja (10 edges)\n")
        let built = try runTool(["ninja", "-j2"], environment: theirs.environment, directory: theirs.root)
        #expect(built.status == 0, "ninja failed:\n\(built.stdout)")
        #expect(theirs.targetFiles().filter { !$0.hasPrefix("cache/") } == ours.targetFiles().filter { !$0.hasPrefix("cache/") && !$0.hasSuffix(".d") })
        let again = try runTool(["ninja"], environment: theirs.environment, directory: theirs.root)
        #expect(again.stdout == "ninja: no work to do.\n")
        let program = try runTool([theirs.root + "/target/debug/app"], directory: theirs.root)
        #expect(program.stdout == "hello from app\n")
        // A header edit reaches the C compile through the dependency file Ninja read.
        try theirs.write("util/csrc/include/clamp.h", try theirs.read("util/csrc/include/clamp.h") + "/* changed */\n")
        let header = try runTool(["ninja", "-v"], environment: theirs.environment, directory: theirs.root)
        #expect(header.stdout.contains("-c util/csrc/clamp.c"))
    }

    @Test("Ninja writes build.ninja again, as ampu gen ninja was run, when what its plan was made from changes: a C file added is built, one taken away is no error, an edited body leaves the file as it was")
    func ninjaRegenerates() throws {
        try #require(installed("ninja"), "ninja is not installed: scripts/install-deps installs it (ninja-build)")
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["gen", "ninja"]).stderr == "       Wrote build.ninja (10 edges)\n")
        func ninja() throws -> AmpuProcess.Result { try runTool(["ninja", "-j1"], environment: ws.environment, directory: ws.root) }
        #expect(try ninja().status == 0)
        #expect(try ninja().stdout == "ninja: no work to do.\n")
        // Added where `[native] sources` looks: the file is written again, with its compile.
        try ws.write("util/csrc/extra.c", "int extra(void) { return 2; }\n")
        var result = try ninja()
        #expect(result.stderr == "       Wrote build.ninja (11 edges)\n")
        #expect(result.stdout.hasPrefix("[0/1] Regenerating build.ninja\n[1/5] Compiling util (native csrc/extra.c)\n[2/5] Archiving util (native)\n"), "\(result.stdout)")
        // Run as it was, with the variables the plan depends on as they were.
        let command = try #require(try ws.read("build.ninja").split(separator: "\n").last { $0.hasPrefix("  cmd = cd ") })
        #expect(command.hasPrefix("  cmd = cd \(ws.root) && env -u CC ") && command.contains(" ASTHRA=\(standIn) ")
                && command.hasSuffix(" \(AmpuProcess.executable.path) gen ninja"), "\(command)")
        // What it is written again after: the manifests, modules and directories, and ampu itself.
        let edge = try #require(try ws.read("build.ninja").split(separator: "\n").first { $0.hasPrefix("build build.ninja: regenerate ") })
        #expect(edge == "build build.ninja: regenerate app/asthra.toml asthra.toml util/asthra.toml app/src/greeting.ast app/src/main.ast app/tests/broken.ast app/tests/smoke.ast util/src/helpers.ast util/src/lib.ast app app/src app/tests util util/src util/csrc util/csrc/include \(AmpuProcess.executable.resolvingSymlinksInPath().path)")
        #expect(try ninja().stdout == "ninja: no work to do.\n")
        // A body edit: the plan stands, the file is not written again (Ninja does not load it
        // again), and the compile runs.
        try ws.write("util/src/helpers.ast", try ws.read("util/src/helpers.ast") + "// edited\n")
        result = try ninja()
        #expect(result.stderr == "       Fresh build.ninja (11 edges)\n")
        #expect(result.stdout.hasPrefix("[0/1] Regenerating build.ninja\n[1/6] Compiling util\n"), "\(result.stdout)")
        // Taken away: a change, not "missing and no known rule to make it".
        try FileManager.default.removeItem(atPath: ws.root + "/util/csrc/extra.c")
        result = try ninja()
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr == "       Wrote build.ninja (10 edges)\n")
        #expect(result.stdout.hasPrefix("[0/1] Regenerating build.ninja\n[1/4] Archiving util (native)\n"), "\(result.stdout)")
        #expect(try ninja().stdout == "ninja: no work to do.\n")
        // Written to standard output, it cannot be written again: no such edge.
        #expect(!(try ws.ampu(["gen", "ninja", "--output", "-"]).stdout.contains("regenerate")))
    }

    @Test("a workspace in a directory named with a space, a quote, a dollar sign and a colon: ampu and Ninja build it alike")
    func awkwardDirectory() throws {
        try #require(installed("ninja"), "ninja is not installed: scripts/install-deps installs it (ninja-build)")
        let ours = try BuildFixture("seed", directory: "it's a $dir: x/ws")
        let built = try ours.ampu(["build", "--tests"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try runTool([ours.root + "/target/debug/app"], directory: ours.root).stdout == "hello from app\n")
        let theirs = try BuildFixture("seed", directory: "it's a $dir: x/ws")
        #expect(try theirs.ampu(["gen", "ninja"]).status == 0)
        let ninja = try runTool(["ninja", "-j2"], environment: theirs.environment, directory: theirs.root)
        #expect(ninja.status == 0, "ninja failed:\n\(ninja.stdout)")
        #expect(theirs.targetFiles().filter { !$0.hasPrefix("cache/") } == ours.targetFiles().filter { !$0.hasPrefix("cache/") && !$0.hasSuffix(".d") })
        #expect(try runTool(["ninja"], environment: theirs.environment, directory: theirs.root).stdout == "ninja: no work to do.\n")
        // The compile database names the files where they are.
        let database = try JSONSerialization.jsonObject(with: Data(try ours.read("compile_commands.json").utf8)) as! [[String: Any]]
        #expect(database.allSatisfy { ($0["file"] as! String).hasPrefix(ours.root + "/") && FileManager.default.fileExists(atPath: $0["file"] as! String) })
    }

    @Test("ccache as the launcher: the second build of the same C file is a cache hit")
    func ccache() throws {
        try #require(installed("ccache"), "ccache is not installed: scripts/install-deps installs it")
        let ws = try BuildFixture("seed")
        try ws.write("asthra.toml", try ws.read("asthra.toml") + "launcher = \"ccache\"\n")
        let cache = ["CCACHE_DIR": ws.scratch.path + "/ccache"]
        let plan = try ws.ampu(["build", "--plan"], extra: cache)
        #expect(plan.stdout.contains("\n[1] Compiling util (native csrc/clamp.c)\n    ccache cc -O0 -g -I util/csrc/include"))
        #expect(try ws.ampu(["build"], extra: cache).status == 0)
        #expect(try ws.ampu(["clean"], extra: cache).status == 0)
        #expect(try ws.ampu(["build"], extra: cache).status == 0)
        let stats = try runTool(["ccache", "--print-stats"], environment: cache, directory: ws.root)
        let counters = Dictionary(uniqueKeysWithValues: stats.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t")
            return (String(parts[0]), Int(parts[1]) ?? 0)
        })
        #expect(counters["cache_miss"] == 1)
        #expect((counters["direct_cache_hit"] ?? 0) + (counters["preprocessed_cache_hit"] ?? 0) == 1)
        #expect(ws.exists("target/debug/app"))
    }

    @Test("Ctrl-C mid-build stops the compilers and leaves no half-written output or fingerprint, also when ampu was started with SIGINT blocked")
    func interrupt() throws {
        let ws = try BuildFixture("seed")
        try ws.write("app/src/greeting.ast", "package greeting;\n// STANDIN_LOOP\n")
        let p = ws.process(["build", "-j2"])
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        // Started with SIGINT blocked, as a thread of Swift's concurrency pool starts its
        // children (they inherit the mask): ampu must unblock what it handles.
        var blocked = sigset_t(), before = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        pthread_sigmask(SIG_BLOCK, &blocked, &before)
        defer { pthread_sigmask(SIG_SETMASK, &before, nil) }
        try p.run()
        pthread_sigmask(SIG_SETMASK, &before, nil)
        // Wait until the looping compile has started, then press Ctrl-C.
        let deadline = Date().addingTimeInterval(30)
        while !ws.compilerRuns.contains(where: { $0.hasPrefix("app/src/greeting.ast") }) && Date() < deadline { usleep(20_000) }
        usleep(100_000)
        kill(p.processIdentifier, SIGINT)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        #expect(text.hasSuffix("error: build interrupted; finished outputs are kept, the others are not written\n"))
        let files = ws.targetFiles()
        #expect(!files.contains { $0.contains(".ampu-tmp") })
        #expect(!files.contains("debug/deps/libapp.a"))
        #expect(files.contains("debug/deps/libutil.a"))
        // One fingerprint per finished action, none for the one stopped.
        #expect(files.filter { $0.hasPrefix("cache/fingerprints/") } == ["cache/fingerprints/log"])
        let log = FingerprintLog.summary(try LocalFileSystem().readFile(ws.root + "/target/cache/fingerprints/log"))
        #expect(log.standing == 3 && log.readable == 3 && !log.torn, "native compile, archive and util: \(log)")
        try ws.write("app/src/greeting.ast", "package greeting;\n")
        let resumed = try ws.ampu(["build", "-j1"])
        #expect(timeless(resumed.stderr).hasPrefix("   Compiling app\n"))
        #expect(resumed.status == 0)
    }

    @Test("Ctrl-C while test programs run at once stops every one of them, and ampu test exits 130")
    func interruptTests() throws {
        let ws = try BuildFixture("seed")
        for name in ["broken", "smoke"] {
            try ws.write("app/tests/\(name).ast", try ws.read("app/tests/\(name).ast") + "// STANDIN_TOUCH: \(name).started\n// STANDIN_SLEEP: 60\n")
        }
        #expect(try ws.ampu(["build", "--tests"]).status == 0)
        let p = ws.process(["test", "-j2"])
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Both have started, then Ctrl-C.
        let deadline = Date().addingTimeInterval(30)
        while !(ws.exists("broken.started") && ws.exists("smoke.started")) && Date() < deadline { usleep(20_000) }
        kill(p.processIdentifier, SIGINT)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        #expect(text == "\nrunning 2 tests\n")
        // No test program is left running.
        let programs = ws.root + "/target/debug/tests/"
        let running = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            Int(pid) != nil && ((try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?.contains(programs) ?? false)
        }
        #expect(running.isEmpty, "still running: \(running)")
    }

    @Test("a second build on the same target directory waits for the first and says so, and so does clean")
    func lock() throws {
        try #require(installed("flock"), "flock (util-linux) is not installed")
        let ws = try BuildFixture("today")
        try FileManager.default.createDirectory(atPath: ws.root + "/target", withIntermediateDirectories: true)
        /// Runs `arguments` while another process holds the build directory's lock for a second:
        /// what it printed, and how long it took.
        func whileLocked(_ arguments: [String]) throws -> (stderr: String, seconds: Double) {
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            holder.arguments = ["flock", ws.root + "/target/.ampu-lock", "sleep", "1"]
            try holder.run()
            defer { holder.waitUntilExit() }
            usleep(300_000)
            let started = Date()
            let result = try ws.ampu(arguments)
            return (result.stderr, Date().timeIntervalSince(started))
        }
        let build = try whileLocked(["build"])
        #expect(timeless(build.stderr) == """
                Blocking waiting for file lock on build directory
               Compiling today (bin "today")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(build.seconds > 0.5, "it did not wait for the lock")
        // clean waits too: it does not remove what a build is writing.
        let clean = try whileLocked(["clean"])
        #expect(clean.stderr.hasPrefix("    Blocking waiting for file lock on build directory\n     Removed "))
        #expect(clean.seconds > 0.5, "clean did not wait for the lock")
        #expect(!ws.exists("target"))
    }

    @Test("--plan --format json: every field of every action")
    func planJSON() throws {
        let ws = try BuildFixture("today")
        let result = try ws.ampu(["build", "--plan", "--format", "json"])
        let plan = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let actions = plan["actions"] as! [[String: Any]]
        #expect(actions.count == 1)
        #expect(NSDictionary(dictionary: actions[0]) == NSDictionary(dictionary: [
            "id": 0, "kind": "compile", "package": "today", "description": "Compiling today (bin \"today\")",
            "launcher": [String](), "arguments": [standIn, "main.ast", "-o", "target/debug/today"], "environment": [String: String](),
            "directory": ws.root, "inputs": [ws.root + "/main.ast", ws.root + "/math_lib.ast"], "outputs": [ws.root + "/target/debug/today"],
            "depfile": NSNull(), "compiled_files": [ws.root + "/main.ast", ws.root + "/math_lib.ast"], "dependencies": [Int](),
        ]))
        #expect(NSDictionary(dictionary: plan["profile"] as! [String: Any]) == NSDictionary(dictionary: ["name": "debug", "optimization": 0, "debug_info": true, "lto": NSNull()]))
        #expect((plan["programs"] as! [[String: Any]]).map { $0["name"] as! String } == ["today"])
    }

    @Test("--timings writes an HTML report of the actions and their slots")
    func timings() throws {
        let ws = try BuildFixture("seed")
        let result = try ws.ampu(["build", "--tests", "--timings", "-j2"])
        #expect(timeless(result.stderr).contains("      Timing report saved to target/timings/ampu-timing.html\n"))
        let html = try ws.read("target/timings/ampu-timing.html")
        #expect(html.contains("<h1>ampu build timings</h1>"))
        #expect(html.contains("Profile 'debug', 2 slots: 10 actions ran, 0 up to date"))
        #expect(html.components(separatedBy: "<rect ").count == 11)
        // The JSON beside it: each action with what it waited for, as the plan says.
        let json = try JSONSerialization.jsonObject(with: Data(try ws.read("target/timings/ampu-timing.json").utf8)) as! [String: Any]
        let actions = (json["actions"] as! [[String: Any]]).sorted { ($0["id"] as! Int) < ($1["id"] as! Int) }
        let waits = actions.map { "\($0["description"] as! String) <- \(($0["dependencies"] as! [Int]).map(String.init).joined(separator: ","))" }
        let plan = try ws.ampu(["build", "--tests", "--plan"]).stdout
        #expect(waits.count == 10)
        for (i, line) in waits.enumerated() {
            let deps = (actions[i]["dependencies"] as! [Int]).map { "[\($0 + 1)]" }.joined(separator: " ")
            #expect(deps.isEmpty ? true : plan.contains("after \(deps)\n"), "\(line)")
        }
        #expect(waits.first == "Compiling util (native csrc/clamp.c) <- ")
        #expect(waits.last == "Linking app (test \"smoke\") <- 1,2,3,8")
        // Each one's program and ampu's own work for it fit between its start and its end.
        for action in actions {
            let (start, end, process, own) = (action["start"] as! Double, action["end"] as! Double, action["process"] as! Double, action["own"] as! Double)
            #expect(process > 0 && own > 0 && start + process + own <= end + 1e-9, "\(action)")
        }
        // A first build knows no run times: each action's cost is the number of files it reads.
        let planned = try JSONSerialization.jsonObject(with: Data(try ws.ampu(["build", "--tests", "--plan", "--format", "json"]).stdout.utf8)) as! [String: Any]
        let reads = (planned["actions"] as! [[String: Any]]).map { max(1, ($0["inputs"] as! [String]).count) }
        #expect(actions.map { $0["cost"] as! Int } == reads)
        // Every source edited: the next build runs them all, knowing how long each ran, in
        // microseconds.
        let sources = FileManager.default.enumerator(atPath: ws.root)!.compactMap { $0 as? String }
            .filter { path in !path.hasPrefix("target/") && [".ast", ".c", ".h"].contains { path.hasSuffix($0) } }
        #expect(sources.count >= 5)
        for source in sources {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ws.root + "/" + source))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("// again\n".utf8))
            try handle.close()
        }
        #expect(try ws.ampu(["build", "--tests", "--timings", "-j2"]).status == 0)
        let again = try JSONSerialization.jsonObject(with: Data(try ws.read("target/timings/ampu-timing.json").utf8)) as! [String: Any]
        let ran = again["actions"] as! [[String: Any]]
        // (The C library's archive is not among them: its object is the same, bytes and all.)
        #expect(Set(actions.map { $0["description"] as! String }).subtracting(ran.map { $0["description"] as! String }) == ["Archiving util (native)"])
        for second in ran {
            let first = actions[second["id"] as! Int]
            let process = Int(((first["process"] as! Double) * 1_000_000).rounded())
            #expect(second["cost"] as? Int == max(1, process), "\(second)")
        }
    }

    @Test("-j counts as Cargo's does: a negative N is that many fewer than the cores, at least one; 0 is refused")
    func jobCounts() throws {
        let ws = try BuildFixture("seed")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for (asked, slots) in [("-1", max(1, cores - 1)), ("-64", 1), ("3", 3)] {
            let built = try ws.ampu(["build", "--timings", "-j", asked])
            #expect(built.status == 0, "-j \(asked): \(built.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(try ws.read("target/timings/ampu-timing.json").utf8)) as! [String: Any]
            #expect(json["jobs"] as? Int == slots, "-j \(asked)")
            _ = try ws.ampu(["clean"])
        }
        let zero = try ws.ampu(["build", "-j0"])
        #expect(zero.stderr == """
            error: -j 0 runs nothing: give at least 1, or a negative N for that many fewer than the cores
              = note: usage: ampu build [<options>] [<names> ...]
              = help: `ampu build --help` lists its options

            """)
        #expect(zero.status == 64)
    }

    @Test("on a terminal a progress bar is drawn under the status lines and cleared; in a pipe there is none")
    func progressBar() throws {
        let ws = try BuildFixture("today")
        let (text, status) = try onTerminal("build", directory: ws.root, environment: ws.environment)
        #expect(status == 0)
        #expect(timeless(text) == "\r\u{1B}[2K    Building [>                        ] 0/1 today" + "\r\u{1B}[2K   Compiling today (bin \"today\")\r\n"
                + "\r\u{1B}[2K    Building [=========================] 1/1" + "\r\u{1B}[2K    Finished `debug` profile [unoptimized + debuginfo] in [time]\r\n")
        let piped = try ws.ampu(["build"])
        #expect(!piped.stderr.contains("Building"))
    }

    @Test("on a narrow terminal the progress bar is narrower and cut to the width, so that it never wraps (a wrapped line is not cleared whole)")
    func progressBarOnANarrowTerminal() throws {
        let ws = try BuildFixture("today")
        // 29 columns for the line: a bar of 10 beside the count; the name does not fit.
        var (text, status) = try onTerminal("build", directory: ws.root, environment: ws.environment, columns: 30)
        #expect(status == 0)
        #expect(timeless(text) == "\r\u{1B}[2K    Building [>         ] 0/1" + "\r\u{1B}[2K   Compiling today (bin \"today\")\r\n"
                + "\r\u{1B}[2K    Building [==========] 1/1" + "\r\u{1B}[2K    Finished `debug` profile [unoptimized + debuginfo] in [time]\r\n")
        // Narrower still: a bar of 5, cut off at 11 columns.
        _ = try ws.ampu(["clean"])
        (text, status) = try onTerminal("build", directory: ws.root, environment: ws.environment, columns: 12)
        #expect(status == 0)
        #expect(timeless(text).hasPrefix("\r\u{1B}[2K    Buildin" + "\r\u{1B}[2K   Compiling today (bin \"today\")\r\n"))
    }
}
