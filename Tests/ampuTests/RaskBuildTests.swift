import Foundation
import Testing
import TestSupport

/// The Rask compiler cannot be built here: this stand-in compiles build scripts into programs
/// that do what `func build` says, and packages into real objects with `cc` (see its header).
let raskStandIn = fixtures + "/standin/rask"

/// `Fixtures/rask/build` copied into a scratch directory: `app`, a program with a build script
/// that declares `schema/*.json` and writes `.rk-gen/types.rk`; its path dep `greet`, with tests
/// that use its dev dep `checks`.
final class RaskBuildFixture {
    let scratch: ScratchDirectory
    var app: String { scratch.path + "/app" }

    init() throws {
        scratch = try ScratchDirectory()
        for package in ["app", "greet", "checks"] {
            try FileManager.default.copyItem(atPath: fixtures + "/rask/build/" + package, toPath: scratch.path + "/" + package)
        }
    }

    func ampu(_ arguments: [String]) throws -> AmpuProcess.Result {
        try AmpuProcess.run(arguments, environment: plain.merging(["RASK": raskStandIn]) { _, new in new }, directory: app)
    }

    func read(_ relative: String) throws -> String { try scratch.read(relative) }
    func write(_ relative: String, _ text: String) throws { try scratch.write(relative, text) }

    /// The build script's runs so far, one line each (the stand-in's record in its out_dir).
    func scriptRuns() -> [String] {
        ((try? read("app/target/debug/build/app/out/runs")) ?? "").split(separator: "\n").map(String.init)
    }

    func runProgram() throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: app + "/target/debug/app")
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}

@Suite("ampu build for Rask: the seed's lifecycle")
struct RaskBuildTests {
    @Test("the plan: the dep, the build script compiled and run, the package with what it generates, the link")
    func plan() throws {
        let f = try RaskBuildFixture()
        let plan = try f.ampu(["build", "--plan"])
        #expect(plan.stdout == """
            Plan for the 'debug' profile [unoptimized + debuginfo]: 5 actions in target/debug

            [1] Compiling greet
                \(raskStandIn) compile \(f.scratch.path)/greet --emit lib -o target/debug/deps/libgreet.a --depfile target/debug/deps/libgreet.a.d -O0 -g
                reads 2 files, writes target/debug/deps/libgreet.a

            [2] Compiling app (build script)
                \(raskStandIn) compile rask.build -o target/debug/build/app/build-script
                reads 1 file, writes target/debug/build/app/build-script

            [3] Running app (build script)
                \(f.app)/target/debug/build/app/build-script
                reads 2 files, writes target/debug/build/app/build-script.d
                after [2]

            [4] Compiling app
                \(raskStandIn) compile . --emit obj -o target/debug/obj/app.o --depfile target/debug/obj/app.o.d --dep greet=\(f.scratch.path)/greet -O0 -g
                reads 3 files, writes target/debug/obj/app.o
                after [1] [3]

            [5] Linking app
                cc -o target/debug/app target/debug/obj/app.o target/debug/deps/libgreet.a -g
                reads 2 files, writes target/debug/app
                after [1] [4]

            """)
        #expect(plan.status == 0)
    }

    @Test("a build runs the build script, compiles what it generated with the sources, and links a program that runs")
    func build() throws {
        let f = try RaskBuildFixture()
        let build = try f.ampu(["build", "-j1"])
        #expect(build.stderr.hasPrefix("""
               Compiling greet
               Compiling app (build script)
                 Running app (build script)
               Compiling app
                 Linking app
                Finished `debug` profile [unoptimized + debuginfo] in
            """))
        #expect(build.status == 0)
        #expect(try f.read("app/.rk-gen/types.rk") == "func generated() {\n    print(\"generated from the schema\")\n}\n")
        #expect(try f.runProgram() == "hello from greet\napp main\ngenerated from the schema\n")
        #expect(try f.read("app/target/debug/build/app/build-script.d") == "\(f.app)/.rk-gen/types.rk: schema/user.json schema\n")
        #expect(f.scriptRuns() == ["run features= profile=debug"])
        // clean removes what the build script generated with target/; greet has no script, so nothing of it goes.
        try f.write("greet/.rk-gen/kept.rk", "// not the build's\n")
        let cleaned = try f.ampu(["clean"]).stderr
        #expect(cleaned.hasPrefix("     Removed ") && cleaned.hasSuffix(" total (target, .rk-gen)\n"), "\(cleaned)")
        #expect(!FileManager.default.fileExists(atPath: f.app + "/.rk-gen"))
        #expect(try f.read("greet/.rk-gen/kept.rk") == "// not the build's\n")
        #expect(try f.ampu(["clean"]).stderr == "     Nothing to remove (target, .rk-gen do not exist)\n")
    }

    @Test("after a complete build, an edited source of a path dependency no module imports (the kept plan does not scan it) compiles it again, and what needs it")
    func editedPathDependency() throws {
        let f = try RaskBuildFixture()
        // greet is linked (the stand-in runs each dep's package function) but not imported.
        try f.write("app/main.rk", "func main() {\n    print(\"app main\")\n}\n")
        #expect(try f.ampu(["build"]).status == 0)
        #expect(timeless(try f.ampu(["build"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        try f.write("greet/greet.rk", try f.read("greet/greet.rk").replacingOccurrences(of: "hello from greet", with: "hi from greet"))
        #expect(timeless(try f.ampu(["build", "-j1"]).stderr) == """
               Compiling greet
               Compiling app
                 Linking app
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(try f.runProgram() == "hi from greet\napp main\ngenerated from the schema\n")
    }

    @Test("the seed's trigger table: no change, a source edit: no run; a declared file, a new file its glob matches, rask.build, --force: a run")
    func triggers() throws {
        let f = try RaskBuildFixture()
        #expect(try f.ampu(["build"]).status == 0)

        let again = try f.ampu(["build"])
        #expect(again.stderr.hasPrefix("    Finished `debug` profile [unoptimized + debuginfo] in"))
        #expect(f.scriptRuns().count == 1)

        try f.write("app/main.rk", try f.read("app/main.rk") + "// an edit\n")
        let source = try f.ampu(["build"])
        #expect(source.stderr.hasPrefix("   Compiling app\n    Finished"))
        #expect(f.scriptRuns().count == 1)

        try f.write("app/schema/user.json", "{ \"name\": \"string\", \"age\": \"int\" }\n")
        let declared = try f.ampu(["build"])
        #expect(declared.stderr.hasPrefix("     Running app (build script)\n    Finished"))
        #expect(f.scriptRuns().count == 2)

        // A new file the glob matches: the directory it searched changed.
        try f.write("app/schema/order.json", "{ \"id\": \"int\" }\n")
        let added = try f.ampu(["build"])
        // (The package compiles again too: the script's depfile, one of its inputs, changed.)
        #expect(added.stderr.hasPrefix("     Running app (build script)\n   Compiling app\n    Finished"))
        #expect(f.scriptRuns().count == 3)
        #expect(try f.read("app/target/debug/build/app/build-script.d") == "\(f.app)/.rk-gen/types.rk: schema/order.json schema/user.json schema\n")

        try f.write("app/rask.build", try f.read("app/rask.build") + "// a comment\n")
        let buildFile = try f.ampu(["build"])
        #expect(buildFile.stderr.hasPrefix("""
               Compiling app (build script)
                 Running app (build script)
                Finished
            """))
        #expect(f.scriptRuns().count == 4)

        let forced = try f.ampu(["build", "--force"])
        #expect(forced.stderr.hasPrefix("     Running app (build script)\n    Finished"))
        #expect(f.scriptRuns().count == 5)
    }

    @Test("--features reaches the compile and the build script's context; a new selection builds again")
    func features() throws {
        let f = try RaskBuildFixture()
        let plan = try f.ampu(["build", "--plan", "--features", "loud"])
        #expect(plan.stdout.contains("    \(raskStandIn) compile . --emit obj -o target/debug/obj/app.o --depfile target/debug/obj/app.o.d --dep greet=\(f.scratch.path)/greet --features loud -O0 -g\n"))
        #expect(try f.ampu(["build", "--features", "loud"]).status == 0)
        #expect(f.scriptRuns() == ["run features=loud profile=debug"])
        let unknown = try f.ampu(["build", "--features", "lound"])
        #expect(unknown.stderr == """
            error[R010]: package 'app' has no feature 'lound'
             --> rask.build:1:9
              |
            1 | package "app" "0.1.0" {
              |         ^^^^^ --features lound
              |
              = help: did you mean 'loud'?
              = help: its features are: loud

            error: could not build: `ampu check` found 1 error

            """)
        #expect(unknown.status == 1)
    }

    @Test("--profile takes a profile of the block with what it inherits; --release the built-in one")
    func profiles() throws {
        let f = try RaskBuildFixture()
        try f.write("app/rask.build", try f.read("app/rask.build").replacingOccurrences(of: "    build_timeout: 5\n", with: """
                build_timeout: 5
                profile "small" { inherits: "release", opt_level: "z" }
                profile "traced" { inherits: "small", debug_info: true }

            """))
        let small = try f.ampu(["build", "--plan", "--profile", "small"])
        #expect(small.stdout.hasPrefix("Plan for the 'small' profile [optimized]: 5 actions in target/small\n"))
        #expect(small.stdout.contains("--emit obj -o target/small/obj/app.o --depfile target/small/obj/app.o.d --dep greet=\(f.scratch.path)/greet -O2\n"))
        let traced = try f.ampu(["build", "--plan", "--profile", "traced"])
        #expect(traced.stdout.hasPrefix("Plan for the 'traced' profile [optimized + debuginfo]: 5 actions in target/traced\n"))
        let release = try f.ampu(["build", "--plan", "--release"])
        #expect(release.stdout.contains("--emit obj -o target/release/obj/app.o --depfile target/release/obj/app.o.d --dep greet=\(f.scratch.path)/greet -O3\n"))
        let unknown = try f.ampu(["build", "--profile", "smal"])
        #expect(unknown.stderr == """
            error[B006]: no profile named 'smal'
              = help: did you mean 'small'?
              = help: define it as `profile "smal" { inherits: "release" }` in the package block, or use one of: debug, release, small, traced


            """)
        #expect(unknown.status == 1)
    }

    @Test("--build-verbose prints the seed's progress lines for the build script")
    func verbose() throws {
        let f = try RaskBuildFixture()
        let build = try f.ampu(["build", "--build-verbose", "-j1"])
        let lines = build.stderr.split(separator: "\n").map(String.init)
        // The script's time varies: the line is checked up to it.
        #expect(Array(lines[0..<8]) == [
            "   Compiling greet",
            "Parsing package block...",
            "  ✓ 1 dependency",
            "Compiling build script...",
            "  ✓ Compiled rask.build",
            "   Compiling app (build script)",
            "Running build script...",
            "  [build] Writing .rk-gen/types.rk (60 bytes)",
        ])
        #expect(lines[8].hasPrefix("  ✓ Build script succeeded (") && lines[8].hasSuffix("ms)"))
        #expect(Array(lines[9...]).prefix(3) == ["     Running app (build script)", "   Compiling app", "     Linking app"])
    }

    @Test("a failing build script is shown as the seed shows it: at its statement in rask.build, with the compiler's notes; nothing after it runs")
    func scriptFails() throws {
        let f = try RaskBuildFixture()
        let text = try f.read("app/rask.build")
        try f.write("app/rask.build", text.replacingOccurrences(of: "    try ctx.write_source", with: """
                try ctx.write_source("bad.rk", invalid_code) // STANDIN_FAIL: Generated file has syntax errors | See .rk-gen/bad.rk for generated content
                try ctx.write_source
            """))
        let build = try f.ampu(["build", "-j1"])
        #expect(build.stderr.hasSuffix("""
               Compiling app (build script)
            error: Build script failed
              --> rask.build:10:5
               |
            10 |     try ctx.write_source("bad.rk", invalid_code) // STANDIN_FAIL: Generated file has syntax errors | See .rk-gen/bad.rk for generated content
               |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
               |
               = note: Generated file has syntax errors
               = note: See .rk-gen/bad.rk for generated content

            error[B002]: Running app (build script) failed: 'build-script' exited with status 1
              = note: the command was: \(f.app)/target/debug/build/app/build-script

            error: could not build; 1 action failed; 2 not started

            """))
        #expect(build.status == 1)
        #expect(!FileManager.default.fileExists(atPath: f.app + "/target/debug/app"))
    }

    @Test("a build script holding more memory than build_max_memory is stopped and named, with the limit to raise")
    func memoryLimit() throws {
        let f = try RaskBuildFixture()
        let text = try f.read("app/rask.build")
        try f.write("app/rask.build", text.replacingOccurrences(of: "build_timeout: 5", with: "build_timeout: 60\n    build_max_memory: \"64MB\"")
            .replacingOccurrences(of: "    try ctx.write_source", with: "    let cache = load_everything() // STANDIN_HOG 512\n    try ctx.write_source"))
        let build = try f.ampu(["build", "-j1"])
        #expect(build.stderr.hasSuffix("""
               Compiling app (build script)
            error[B011]: Build script exceeded memory limit (64MB)
              = note: the command was: \(f.app)/target/debug/build/app/build-script
              = help: Increase in rask.build: build_max_memory: "128MB"

            error: could not build; 1 action failed; 2 not started

            """))
        #expect(build.status == 1)
        // The plan kept from that build carries the limit and its message.
        #expect(try f.ampu(["build", "-j1"]).stderr.hasPrefix("""
            error[B011]: Build script exceeded memory limit (64MB)
              = note: the command was: \(f.app)/target/debug/build/app/build-script
              = help: Increase in rask.build: build_max_memory: "128MB"

            """))
        // Within the limit (the default, 1GB) it runs to its end.
        try f.write("app/rask.build", text.replacingOccurrences(of: "    try ctx.write_source", with: "    let cache = load_everything() // STANDIN_HOG 96\n    try ctx.write_source"))
        #expect(try f.ampu(["build", "-j1"]).status == 0)
    }

    @Test("a build script running past build_timeout is stopped with the seed's message")
    func timeout() throws {
        let f = try RaskBuildFixture()
        let text = try f.read("app/rask.build")
        try f.write("app/rask.build", text.replacingOccurrences(of: "build_timeout: 5", with: "build_timeout: 1")
            .replacingOccurrences(of: "    try ctx.write_source", with: "    wait_forever() // STANDIN_LOOP\n    try ctx.write_source"))
        let build = try f.ampu(["build", "-j1"])
        #expect(build.stderr.hasSuffix("""
               Compiling app (build script)
            error[B003]: Build script exceeded timeout (1s)
              = note: the command was: \(f.app)/target/debug/build/app/build-script
              = help: Increase in rask.build: build_timeout: 2

            error: could not build; 1 action failed; 2 not started

            """))
        #expect(build.status == 1)
        // The plan kept from that build carries the limit and its message.
        let again = try f.ampu(["build", "-j1"])
        #expect(again.stderr == """
            error[B003]: Build script exceeded timeout (1s)
              = note: the command was: \(f.app)/target/debug/build/app/build-script
              = help: Increase in rask.build: build_timeout: 2

            error: could not build; 1 action failed; 2 not started

            """)
    }

    @Test("compile_commands.json has an entry for every source and the build script; generated sources once they exist")
    func compileCommands() throws {
        let f = try RaskBuildFixture()
        #expect(try f.ampu(["build"]).status == 0)
        func files() throws -> [String] {
            let entries = try JSONSerialization.jsonObject(with: Data(try f.read("app/compile_commands.json").utf8)) as! [[String: Any]]
            return entries.map { $0["file"] as! String }
        }
        #expect(try files() == [f.scratch.path + "/greet/greet.rk", f.scratch.path + "/greet/greet_test.rk", f.app + "/rask.build", f.app + "/main.rk"])
        #expect(try f.ampu(["compile-commands"]).status == 0)
        #expect(try files() == [f.scratch.path + "/greet/greet.rk", f.scratch.path + "/greet/greet_test.rk", f.app + "/rask.build", f.app + "/main.rk",
                                f.app + "/.rk-gen/types.rk"])
    }

    @Test("a build script that generates something else compiles the package again, with the kept plan too")
    func generatedChange() throws {
        let f = try RaskBuildFixture()
        #expect(try f.ampu(["build"]).status == 0)
        #expect(try f.ampu(["build"]).status == 0)
        let text = try f.read("app/rask.build")
        try f.write("app/rask.build", text.replacingOccurrences(of: "generated from the schema", with: "generated again"))
        let build = try f.ampu(["run"])
        #expect(build.stdout == "hello from greet\napp main\ngenerated again\n")
    }

    @Test("test builds a package's tests with its dev deps and runs them; a failing one fails the run")
    func tests() throws {
        let f = try RaskBuildFixture()
        let environment = plain.merging(["RASK": raskStandIn]) { _, new in new }
        let plan = try AmpuProcess.run(["build", "--plan", "--tests"], environment: environment, directory: f.scratch.path + "/greet")
        #expect(plan.stdout.contains("""
            [3] Compiling greet (tests)
                \(raskStandIn) compile . --emit test -o target/debug/obj/greet-tests.o --depfile target/debug/obj/greet-tests.o.d --dep checks=\(f.scratch.path)/checks -O0 -g
                reads 3 files, writes target/debug/obj/greet-tests.o
                after [1]

            [4] Linking greet (tests)
                cc -o target/debug/tests/greet target/debug/obj/greet-tests.o target/debug/deps/libchecks.a -g
            """))
        let passing = try AmpuProcess.run(["test"], environment: environment, directory: f.scratch.path + "/greet")
        #expect(passing.stdout == "\nrunning 1 test\ntest greet/greet ... ok (2 checks passed)\n\n1 passed, 0 failed\n")
        #expect(passing.status == 0)
        try f.write("greet/greet_test.rk", try f.read("greet/greet_test.rk").replacingOccurrences(of: "func greets_once() -> bool {", with: "func greets_once() -> bool { // STANDIN_FAIL"))
        let failing = try AmpuProcess.run(["test"], environment: environment, directory: f.scratch.path + "/greet")
        #expect(failing.stdout.hasSuffix("0 passed, 1 failed\n"))
        #expect(failing.stdout.contains("FAIL greets_once"))
        #expect(failing.status == 1)
    }

    @Test("a test block written into a source that had none makes the package's test program, and taken out again, none: the kept plan stands while whether a source holds tests does")
    func testsWrittenIn() throws {
        let f = try RaskBuildFixture()
        let environment = plain.merging(["RASK": raskStandIn]) { _, new in new }
        func plan() throws -> [String] {
            try AmpuProcess.run(["build", "--plan", "--tests"], environment: environment, directory: f.scratch.path + "/checks").stdout
                .split(separator: "\n").filter { $0.hasPrefix("[") }.map(String.init)
        }
        #expect(try plan() == ["[1] Compiling checks"])
        let source = try f.read("checks/checks.rk")
        try f.write("checks/checks.rk", source + "\ntest \"expect holds\" {\n    expect(true)\n}\n")
        #expect(try plan() == ["[1] Compiling checks", "[2] Compiling checks (tests)", "[3] Linking checks (tests)"])
        try f.write("checks/checks.rk", source + "\n// no tests\n")
        #expect(try plan() == ["[1] Compiling checks"])
    }

    @Test("a build script's own tests run with ampu test, as the seed's `rask test rask.build` runs them; a failing one fails the run")
    func buildScriptTests() throws {
        let f = try RaskBuildFixture()
        try f.write("app/rask.build", try f.read("app/rask.build") + """

            test "the schema is declared" {
                assert true
            }

            @test
            func writes_types() -> bool {
                return true
            }

            """)
        #expect(try f.ampu(["check"]).stderr == "Checked 1 package, 1 module and 3 imported modules: no problems\n")
        let passing = try f.ampu(["test"])
        #expect(passing.stdout == "\nrunning 1 test\ntest app/build-script ... ok (2 checks passed)\n\n1 passed, 0 failed\n")
        #expect(passing.status == 0)
        try f.write("app/rask.build", try f.read("app/rask.build").replacingOccurrences(of: "func writes_types() -> bool {", with: "func writes_types() -> bool { // STANDIN_FAIL"))
        let failing = try f.ampu(["test"])
        #expect(failing.stdout == """

            running 1 test
            test app/build-script ... FAILED (exit status 1, 1 of 2 checks failed)
            PASS the schema is declared
            FAIL writes_types

            0 passed, 1 failed

            """)
        #expect(failing.status == 1)
    }

    @Test("another compiler named by $RASK plans afresh and builds everything again with it")
    func anotherCompiler() throws {
        let f = try RaskBuildFixture()
        // Twice: the first build's script writes .rk-gen/, which the plan kept after the second reads.
        #expect(try f.ampu(["build"]).status == 0)
        #expect(try f.ampu(["build"]).status == 0)
        let other = f.scratch.path + "/bin/rask"
        try FileManager.default.createDirectory(atPath: f.scratch.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: raskStandIn, toPath: other)
        let again = try AmpuProcess.run(["build", "-j1", "-v"], environment: plain.merging(["RASK": other]) { _, new in new }, directory: f.app)
        #expect(again.stderr.contains("     Running `\(other) compile \(f.scratch.path)/greet --emit lib"))
        #expect(again.status == 0)
    }

    @Test("Ninja builds the build.ninja of a Rask plan: the build script in its context, the program the same; then nothing to do; a declared file, a new file in a declared glob's directory and the build file each run the script again")
    func ninja() throws {
        try #require(installed("ninja"), "ninja is not installed: scripts/install-deps installs it (ninja-build)")
        let f = try RaskBuildFixture()
        #expect(try f.ampu(["gen", "ninja"]).stderr == "       Wrote build.ninja (5 edges)\n")
        let built = try runTool(["ninja", "-j2"], environment: plain, directory: f.app)
        #expect(built.status == 0, "ninja failed:\n\(built.stdout)")
        #expect(try f.runProgram() == "hello from greet\napp main\ngenerated from the schema\n")
        #expect(f.scriptRuns() == ["run features= profile=debug"])
        // What Ninja keeps of the script's dependency file: the files it declared, under the edge's output.
        let deps = try runTool(["ninja", "-t", "deps", "target/debug/build/app/build-script.d"], environment: plain, directory: f.app)
        #expect(deps.stdout.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) } == ["\(f.app)/schema/user.json", "\(f.app)/schema"])
        // What the script generated is in the workspace now: build.ninja is written again with
        // it (as ampu's second build keeps a plan that reads it), under the variables it was
        // first written with (RASK, which Ninja's environment here lacks).
        let again = try runTool(["ninja"], environment: plain, directory: f.app)
        #expect(again.stdout == "[0/1] Regenerating build.ninja\nninja: no work to do.\n")
        #expect(again.stderr == "       Wrote build.ninja (5 edges)\n")
        #expect(try runTool(["ninja"], environment: plain, directory: f.app).stdout == "ninja: no work to do.\n")
        // As under ampu build (the seed's trigger table): a declared file runs the script again,
        // and the package is compiled again with what it generated.
        try f.write("app/schema/user.json", "{\"edited\": true}\n")
        let edited = try runTool(["ninja", "-v"], environment: plain, directory: f.app)
        #expect(edited.status == 0, "ninja failed:\n\(edited.stdout)")
        #expect(f.scriptRuns().count == 2)
        #expect(try runTool(["ninja"], environment: plain, directory: f.app).stdout == "ninja: no work to do.\n")
        try f.write("app/schema/order.json", "{ \"id\": \"int\" }\n")
        #expect(try runTool(["ninja"], environment: plain, directory: f.app).status == 0)
        #expect(f.scriptRuns().count == 3)
        try f.write("app/rask.build", try f.read("app/rask.build") + "\n")
        #expect(try runTool(["ninja"], environment: plain, directory: f.app).status == 0)
        #expect(f.scriptRuns().count == 4)
        #expect(try runTool(["ninja"], environment: plain, directory: f.app).stdout == "ninja: no work to do.\n")
    }

    @Test("run builds and runs the program; a missing compiler is named with the way to get it")
    func runAndMissingCompiler() throws {
        let f = try RaskBuildFixture()
        let run = try f.ampu(["run"])
        #expect(run.stdout == "hello from greet\napp main\ngenerated from the schema\n")
        #expect(run.status == 0)
        let fresh = try RaskBuildFixture()
        let missing = try AmpuProcess.run(["build"], environment: plain, directory: fresh.app)
        #expect(missing.stderr == """
            error[B001]: the Rask compiler was not found: $RASK is not set and no 'rask' is on PATH
              = note: PATH is /usr/bin:/bin
              = help: install rask and put its directory on PATH, or set RASK=/path/to/rask

            error: could not build; the plan has errors (above)

            """)
        #expect(missing.status == 1)
    }
}

/// The real Rask projects in ../shared beside the repository.
let raskProjects = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/corpora/rask").path

@Suite("ampu build on the real Rask workspace")
struct RaskCorpusBuildTests {
    @Test("the workspace era of lsm_database: its root builds nothing of its own, the library (and its tests) before the program that links it",
          .enabled(if: FileManager.default.fileExists(atPath: raskProjects), "skipped: ../shared/corpora/rask is absent"))
    func workspace() throws {
        let scratch = try ScratchDirectory()
        let copy = scratch.path + "/lsm_database"
        try FileManager.default.copyItem(atPath: raskProjects + "/lsm_database-workspace@2e65d3345b", toPath: copy)
        let plan = try AmpuProcess.run(["build", "--plan", "--tests"], environment: plain.merging(["RASK": raskStandIn]) { _, new in new }, directory: copy)
        #expect(plan.stdout == """
            Plan for the 'debug' profile [unoptimized + debuginfo]: 5 actions in target/debug

            [1] Compiling lsm
                \(raskStandIn) compile lsm --emit lib -o target/debug/deps/liblsm.a --depfile target/debug/deps/liblsm.a.d -O0 -g
                reads 9 files, writes target/debug/deps/liblsm.a

            [2] Compiling lsm (tests)
                \(raskStandIn) compile lsm --emit test -o target/debug/obj/lsm-tests.o --depfile target/debug/obj/lsm-tests.o.d -O0 -g
                reads 9 files, writes target/debug/obj/lsm-tests.o

            [3] Linking lsm (tests)
                cc -o target/debug/tests/lsm target/debug/obj/lsm-tests.o -g
                reads 1 file, writes target/debug/tests/lsm
                after [2]

            [4] Compiling lsm-cli
                \(raskStandIn) compile lsm-cli --emit obj -o target/debug/obj/lsm-cli.o --depfile target/debug/obj/lsm-cli.o.d --dep lsm=lsm -O0 -g
                reads 2 files, writes target/debug/obj/lsm-cli.o
                after [1]

            [5] Linking lsm-cli
                cc -o target/debug/lsm-cli target/debug/obj/lsm-cli.o target/debug/deps/liblsm.a -g
                reads 2 files, writes target/debug/lsm-cli
                after [1] [4]

            """)
        #expect(plan.status == 0)
    }
}
