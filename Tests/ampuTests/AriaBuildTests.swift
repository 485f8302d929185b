import Foundation
import Testing
import TestSupport
import BuildModel

/// ariac cannot be installed here: this stand-in writes small valid LLVM IR that the real `lli`
/// runs, logs its argv with times, and fails on a marker (see its header).
let ariacStandIn = fixtures + "/standin/ariac"

/// Tests/Fixtures/aria/app in a scratch directory: a library (`core`, two files), a C library
/// (`ffi`), a program using both (`app`, which reaches core only by `use`) and a test.
final class AriaFixture {
    let scratch: ScratchDirectory
    var app: String { scratch.path + "/app" }
    var log: String { scratch.path + "/ariac.log" }

    init() throws {
        scratch = try ScratchDirectory()
        try FileManager.default.copyItem(atPath: fixtures + "/aria/app", toPath: app)
    }

    var environment: [String: String] { plain.merging(["ARIAC": ariacStandIn, "ARIAC_STANDIN_LOG": log, "CC": "cc"]) { _, new in new } }

    func ampu(_ arguments: [String], extra: [String: String] = [:]) throws -> AmpuProcess.Result {
        try AmpuProcess.run(arguments, environment: environment.merging(extra) { _, new in new }, directory: app)
    }

    func write(_ relative: String, _ text: String) throws { try scratch.write("app/" + relative, text) }
    func read(_ relative: String) throws -> String { try scratch.read("app/" + relative) }

    /// What the stand-in compiled, one entry per run, in the order they ended: the output and
    /// the times.
    func runs() throws -> [(output: String, start: Double, end: Double)] {
        guard FileManager.default.fileExists(atPath: log) else { return [] }
        return try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let argv = object["argv"] as! [String]
            let output = argv[argv.firstIndex(of: "-o")! + 1].replacingOccurrences(of: ".ampu-tmp", with: "")
            return (output, object["start"] as! Double, object["end"] as! Double)
        }
    }
}

@Suite("ampu for Aria projects")
struct AriaBuildTests {
    @Test("the plan: Kahn's order, ariac's command line (-I from what a target needs), cc and ar for the C library; the test target with --tests")
    func plan() throws {
        let f = try AriaFixture()
        let plan = try f.ampu(["build", "--plan", "--tests"])
        #expect(plan.status == 0)
        let withoutTests = try f.ampu(["build", "--plan"])
        #expect(withoutTests.status == 0)
        #expect(withoutTests.stdout == plan.stdout.replacingOccurrences(of: "Plan: 5 actions", with: "Plan: 4 actions")
            .replacingOccurrences(of: "\n[5] Compiling test-core\n    \(ariacStandIn) tests/test_core.aria -o .aria_make/build/test-core.ll -I .aria_make/build\n    reads 4 files, writes .aria_make/build/test-core.ll\n    after [1]\n", with: ""))
        #expect(plan.stdout == """
            Plan: 5 actions

            [1] Compiling core
                \(ariacStandIn) lib/core.aria lib/strings.aria -o .aria_make/build/core.ll -O2
                reads 2 files, writes .aria_make/build/core.ll

            [2] Compiling ffi (ffi/seven.c)
                cc -O2 -MD -MF .aria_make/build/obj/ffi/ffi/seven.c.d -c ffi/seven.c -o .aria_make/build/obj/ffi/ffi/seven.c.o
                reads 1 file, writes .aria_make/build/obj/ffi/ffi/seven.c.o, .aria_make/build/obj/ffi/ffi/seven.c.d

            [3] Archiving ffi
                ar rcs .aria_make/build/libffi.a .aria_make/build/obj/ffi/ffi/seven.c.o
                reads 1 file, writes .aria_make/build/libffi.a
                after [2]

            [4] Compiling app
                \(ariacStandIn) src/main.aria -o .aria_make/build/app.ll -I .aria_make/build -I lib
                reads 5 files, writes .aria_make/build/app.ll
                after [1] [3]

            [5] Compiling test-core
                \(ariacStandIn) tests/test_core.aria -o .aria_make/build/test-core.ll -I .aria_make/build
                reads 4 files, writes .aria_make/build/test-core.ll
                after [1]

            """)
    }

    @Test("build, run with lli (the library's IR and the C archive given to it), test with the summary; compile_commands.json in the seed's shape, the test target's too")
    func buildRunTest() throws {
        let f = try AriaFixture()
        let build = try f.ampu(["build"])
        #expect(build.status == 0, "\(build.stderr)")
        // The test target is `ampu test`'s.
        #expect(try f.runs().map(\.output).sorted() == [".aria_make/build/app.ll", ".aria_make/build/core.ll"])
        #expect(try f.read("compile_commands.json") == """
            [
              {"directory": "\(f.app)", "command": "\(ariacStandIn) lib/core.aria -o .aria_make/build/core.ll -O2", "file": "lib/core.aria"},
              {"directory": "\(f.app)", "command": "\(ariacStandIn) lib/strings.aria -o .aria_make/build/core.ll -O2", "file": "lib/strings.aria"},
              {"directory": "\(f.app)", "command": "cc -O2 -MD -MF .aria_make/build/obj/ffi/ffi/seven.c.d -c ffi/seven.c -o .aria_make/build/obj/ffi/ffi/seven.c.o", "file": "ffi/seven.c"},
              {"directory": "\(f.app)", "command": "\(ariacStandIn) src/main.aria -o .aria_make/build/app.ll -I .aria_make/build -I lib", "file": "src/main.aria"},
              {"directory": "\(f.app)", "command": "\(ariacStandIn) tests/test_core.aria -o .aria_make/build/test-core.ll -I .aria_make/build", "file": "tests/test_core.aria"}
            ]

            """)
        let run = try f.ampu(["run"])
        #expect(run.status == 0)
        #expect(run.stdout == "hello from app\n")
        #expect(timeless(run.stderr) == """
                Finished in [time]
                 Running `/usr/bin/lli --extra-module=\(f.app)/.aria_make/build/core.ll --extra-archive=\(f.app)/.aria_make/build/libffi.a .aria_make/build/app.ll`

            """)
        let test = try f.ampu(["test"])
        #expect(test.status == 0)
        #expect(test.stdout == "\nrunning 1 test\ntest app/test-core ... ok (2 checks passed)\n\n1 passed, 0 failed\n")
        #expect(try f.runs().map(\.output).sorted() == [".aria_make/build/app.ll", ".aria_make/build/core.ll", ".aria_make/build/test-core.ll"])
        // A failing check fails the test, whatever its exit status.
        try f.write("tests/test_core.aria", try f.read("tests/test_core.aria").replacingOccurrences(of: "PASS: greeting", with: "FAIL: greeting"))
        let failing = try f.ampu(["test"])
        #expect(failing.status == 1)
        #expect(failing.stdout == "\nrunning 1 test\ntest app/test-core ... FAILED (1 of 2 checks failed)\nPASS: core_answer\nFAIL: greeting\n\n0 passed, 1 failed\n")
        // clean -p takes a target, as the build does: what its actions wrote goes, and the next build makes it again.
        let size = (try FileManager.default.attributesOfItem(atPath: f.app + "/.aria_make/build/core.ll")[.size] as! NSNumber).intValue
        #expect(try f.ampu(["clean", "-p", "core"]).stderr == "     Removed 1 file, \(OutputRemoval.size(size)) total (the output of 'core')\n")
        #expect(!FileManager.default.fileExists(atPath: f.app + "/.aria_make/build/core.ll"))
        #expect(try f.ampu(["clean", "-p", "core"]).stderr == "     Nothing to remove (the output of 'core' does not exist)\n")
        let unknown = try f.ampu(["clean", "-p", "cor"])
        #expect(unknown.stderr == "error: no target named 'cor' is built; did you mean 'core'? (the targets are: core, ffi, app, test-core)\n")
        #expect(timeless(try f.ampu(["build"]).stderr) == "   Compiling core\n    Finished in [time]\n")
        // clean removes the build directory, outputs and records.
        #expect(try f.ampu(["clean"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: f.app + "/.aria_make"))
    }

    @Test("incremental: nothing runs again until a file runs; an edit to a library file rebuilds what uses it, not the rest")
    func incremental() throws {
        let f = try AriaFixture()
        #expect(try f.ampu(["build", "--tests"]).status == 0)
        #expect(try f.runs().count == 3)
        // A complete build of everything stands for a build without the tests, and one of those for the next.
        for _ in 0..<2 {
            let again = try f.ampu(["build"])
            #expect(timeless(again.stderr) == "    Finished in [time]\n")
            #expect(try f.runs().count == 3)
        }
        try f.write("lib/strings.aria", try f.read("lib/strings.aria") + "// edited\n")
        let dry = try f.ampu(["build", "--dry-run"])
        #expect(dry.stdout == """
            # Compiling core: 'lib/strings.aria' changed
            \(ariacStandIn) lib/core.aria lib/strings.aria -o .aria_make/build/core.ll -O2
            # Compiling app: 'lib/strings.aria' changed
            \(ariacStandIn) src/main.aria -o .aria_make/build/app.ll -I .aria_make/build -I lib

            """)
        #expect(dry.stderr == "     Dry run 2 of 4 actions would run; nothing was run\n")
        #expect(try f.runs().count == 3)
        let rebuilt = try f.ampu(["build", "-v"])
        #expect(rebuilt.status == 0)
        #expect(try f.runs().dropFirst(3).map(\.output).sorted() == [".aria_make/build/app.ll", ".aria_make/build/core.ll"])
        #expect(rebuilt.stderr.contains("       Dirty core: 'lib/strings.aria' changed\n"))
        #expect(!rebuilt.stderr.contains("ffi"))
        // The test target is left for `ampu test`, which runs it on what changed.
        #expect(timeless(try f.ampu(["build"]).stderr) == "    Finished in [time]\n")
        let test = try f.ampu(["test"])
        #expect(test.status == 0)
        #expect(try f.runs().dropFirst(5).map(\.output) == [".aria_make/build/test-core.ll"])
    }

    @Test("a C file added where a c_library's sources look is built by the next build, and one taken away is left out")
    func cLibrarySourcesFollowTheirDirectory() throws {
        let f = try AriaFixture()
        #expect(try f.ampu(["build", "-j1"]).status == 0)
        try f.write("ffi/eight.c", "long eight(void) { return 8; }\n")
        #expect(timeless(try f.ampu(["build", "-j1"]).stderr) == """
               Compiling ffi (ffi/eight.c)
               Archiving ffi
               Compiling app
                Finished in [time]

            """)
        #expect(timeless(try f.ampu(["build", "-j1"]).stderr) == "    Finished in [time]\n")
        try FileManager.default.removeItem(atPath: f.app + "/ffi/eight.c")
        #expect(timeless(try f.ampu(["build", "-j1"]).stderr) == """
               Archiving ffi
               Compiling app
                Finished in [time]

            """)
        #expect(try f.ampu(["build", "--plan"]).stdout.contains("    ar rcs .aria_make/build/libffi.a .aria_make/build/obj/ffi/ffi/seven.c.o\n"))
    }

    @Test("-j2: independent targets overlap, a target waits for what it needs")
    func parallel() throws {
        let f = try AriaFixture()
        let build = try f.ampu(["build", "-j2", "--tests"], extra: ["ARIAC_STANDIN_SLEEP": "0.4"])
        #expect(build.status == 0, "\(build.stderr)")
        let runs = Dictionary(uniqueKeysWithValues: try f.runs().map { ($0.output, $0) })
        let core = runs[".aria_make/build/core.ll"]!, app = runs[".aria_make/build/app.ll"]!, test = runs[".aria_make/build/test-core.ll"]!
        #expect(app.start >= core.end && test.start >= core.end)
        #expect(app.start < test.end && test.start < app.end)
    }

    @Test("ampu build NAME builds it and what it needs; an unknown name is an error with the closest one")
    func selection() throws {
        let f = try AriaFixture()
        let core = try f.ampu(["build", "core"])
        #expect(core.status == 0)
        #expect(timeless(core.stderr) == "   Compiling core\n    Finished in [time]\n")
        let app = try f.ampu(["build", "app"])
        #expect(timeless(app.stderr) == "   Compiling ffi (ffi/seven.c)\n   Archiving ffi\n   Compiling app\n    Finished in [time]\n")
        let wrong = try f.ampu(["build", "cor"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "error: nothing to build is named 'cor'\n  = help: did you mean 'core'?\n  = help: the names are: core, ffi, app, test-core\n\n")
        // --workspace --exclude takes targets out here: the build file's names are targets.
        let fresh = try AriaFixture()
        let excluded = try fresh.ampu(["build", "-j1", "--workspace", "--exclude", "test-core", "--exclude", "cor"])
        #expect(timeless(excluded.stderr) == """
            warning: --exclude names 'cor', which is not in the workspace; did you mean 'core'?
              = help: the names are: core, ffi, app, test-core

               Compiling core
               Compiling ffi (ffi/seven.c)
               Archiving ffi
               Compiling app
                Finished in [time]

            """)
    }

    @Test("tree and graph show the targets and what each needs, `use` edges included")
    func tree() throws {
        let f = try AriaFixture()
        #expect(try f.ampu(["tree"]).stdout == "app\n├── core\n└── ffi\ntest-core\n└── core\n")
        #expect(try f.ampu(["graph"]).stdout == """
            digraph build {
              "core";
              "ffi";
              "app";
              "app" -> "core";
              "app" -> "ffi";
              "test-core";
              "test-core" -> "core";
            }

            """)
    }

    @Test("a circle of targets made by use statements between files that make no circle themselves: one error, the path and each step")
    func cycle() throws {
        let f = try AriaFixture()
        try f.write("build.abc", try f.read("build.abc").replacingOccurrences(of: "sources = [\"src/main.aria\"]", with: "sources = [\"src/*.aria\"]"))
        try f.write("src/extra.aria", "// Used by the library: the program's target is needed by the library's.\npub func:extra = int64() { pass(1i64); };\n")
        try f.write("lib/strings.aria", "use \"../src/extra.aria\".*;\n" + (try f.read("lib/strings.aria")))
        let build = try f.ampu(["build"])
        #expect(build.status == 1)
        #expect(build.stderr.hasPrefix("""
            error[A008]: targets depend on each other in a circle: core → app → core
             --> build.abc:6:9
              |
            6 | [target.core]
              |         ^^^^ the circle starts here
              |
              = note: 'core' needs 'app': lib/strings.aria uses src/extra.aria
              = note: 'app' needs 'core': src/main.aria uses lib/core.aria
              = help: no target can be built first; remove one of these dependencies, or move the code both need into a library of its own

            """))
    }

    @Test("check: an unknown dependency (the closest target or project beside it), a pattern matching nothing, a compiler path not here, a use not found")
    func check() throws {
        let f = try AriaFixture()
        try f.write("build.abc", try f.read("build.abc")
            .replacingOccurrences(of: "deps = [\"ffi\"]", with: "deps = [\"fii\"]")
            .replacingOccurrences(of: "sources = [\"ffi/*.c\"]\n", with: "sources = [\"ffi/*.c\"]\ndeps = [\"ff\"]\n")
            .replacingOccurrences(of: "sources = [\"tests/test_core.aria\"]", with: "sources = [\"tests/*.npk\"]")
            .replacingOccurrences(of: "sources = [\"ffi/*.c\"]", with: "sources = [\"fii/*.cc\"]")
            .replacingOccurrences(of: "version = \"0.1.0\"", with: "version = \"0.1.0\"\ncompiler = \"/nowhere/ariac\""))
        try f.write("src/main.aria", (try f.read("src/main.aria")).replacingOccurrences(of: "use \"core.aria\"", with: "use \"cores.aria\""))
        // With the standard library here, a use found nowhere is an error (without it, it might be there).
        try FileManager.default.createDirectory(atPath: f.scratch.path + "/stdlib", withIntermediateDirectories: true)
        let stdlib = ["ARIA_STDLIB": f.scratch.path + "/stdlib"]
        let check = try f.ampu(["check", "--message-format", "short"], extra: stdlib)
        #expect(check.status == 1)
        #expect(check.stderr == """
            build.abc:5:12: warning[A009]: the compiler '/nowhere/ariac' is not on this machine
            build.abc:14:12: warning[A010]: 'fii/*.cc' matches no file
            build.abc:15:9: error[A007]: target 'ffi' depends on 'ff', which is neither a target of this file nor a project beside it
            build.abc:21:9: error[A007]: target 'app' depends on 'fii', which is neither a target of this file nor a project beside it
            build.abc:26:12: warning[A010]: 'tests/*.npk' matches no file
            src/main.aria:2:5: error[I003]: cannot find module 'cores.aria'
            error: check failed: 3 errors, 3 warnings in 1 package, 3 modules

            """)
        let human = try f.ampu(["check"], extra: stdlib).stderr
        #expect(human.contains("= help: did you mean 'ffi'?"))
        // Never the target itself: 'ff' in ffi is no misspelt 'ffi'.
        #expect(human.contains("""
            error[A007]: target 'ffi' depends on 'ff', which is neither a target of this file nor a project beside it
              --> build.abc:15:9
               |
            15 | deps = ["ff"]
               |         ^^^^ no such target or project
               |
               = help: the targets here are: core, ffi, app, test-core
            """), "\(human)")
        // A pattern close to one that matches is offered; one close to none is not.
        #expect(human.contains("""
            warning[A010]: 'fii/*.cc' matches no file
              --> build.abc:14:12
               |
            14 | sources = ["fii/*.cc"]
               |            ^^^^^^^^^^ no file matches
               |
               = help: did you mean 'ffi/*.c'?
               = help: source patterns are relative to the directory of build.abc; correct it or remove it
            """))
        #expect(human.contains("""
            warning[A010]: 'tests/*.npk' matches no file
              --> build.abc:26:12
               |
            26 | sources = ["tests/*.npk"]
               |            ^^^^^^^^^^^^^ no file matches
               |
               = help: source patterns are relative to the directory of build.abc; correct it or remove it
            """))
        #expect(human.contains("""
            error[I003]: cannot find module 'cores.aria'
             --> src/main.aria:2:5
              |
            2 | use "cores.aria".*;
              |     ^^^^^^^^^^^^
              |
              = help: did you mean 'core.aria'?
              = help: there is no 'cores.npk' or 'cores.aria' in: src/, lib/, ../stdlib/
            """))
    }

    @Test("a quoted use not found: the first directory on its way that is not there, and the one spelt like it; else the file, with the closest name")
    func missingQuotedUse() throws {
        let f = try AriaFixture()
        try f.write("src/main.aria", try f.read("src/main.aria") + """
            use "../../libc/src/io.npk".*;
            use "../lib/strngs.aria".*;
            use "../lbi/strings.aria".*;

            """)
        let check = try f.ampu(["check"])
        #expect(check.status == 1)
        #expect(check.stderr == """
            error[I003]: cannot find module '../../libc/src/io.npk'
              --> src/main.aria:13:5
               |
            13 | use "../../libc/src/io.npk".*;
               |     ^^^^^^^^^^^^^^^^^^^^^^^
               |
               = help: there is no directory '../libc'

            error[I003]: cannot find module '../lib/strngs.aria'
              --> src/main.aria:14:5
               |
            14 | use "../lib/strngs.aria".*;
               |     ^^^^^^^^^^^^^^^^^^^^
               |
               = help: did you mean '../lib/strings.aria'?
               = help: there is no 'strngs.npk' or 'strngs.aria' in: lib/

            error[I003]: cannot find module '../lbi/strings.aria'
              --> src/main.aria:15:5
               |
            15 | use "../lbi/strings.aria".*;
               |     ^^^^^^^^^^^^^^^^^^^^^
               |
               = help: did you mean '../lib/strings.aria'?
               = help: there is no directory 'lbi'

            error: check failed: 3 errors, 0 warnings in 1 package, 4 modules

            """)
    }

    @Test("no ariac: the error once, the C library still built, the compiles and what needs them not started; tree does not mention it")
    func noCompiler() throws {
        let f = try AriaFixture()
        // --dry-run says the same: what would run is the C library alone.
        let dry = try f.ampu(["build", "--dry-run"], extra: ["ARIAC": ""])
        #expect(dry.stdout == """
            # Compiling ffi (ffi/seven.c): not built before
            cc -O2 -MD -MF .aria_make/build/obj/ffi/ffi/seven.c.d -c ffi/seven.c -o .aria_make/build/obj/ffi/ffi/seven.c.o
            # Archiving ffi: not built before
            ar rcs .aria_make/build/libffi.a .aria_make/build/obj/ffi/ffi/seven.c.o

            """)
        let build = try f.ampu(["build", "-j1"], extra: ["ARIAC": ""])
        #expect(build.status == 1)
        #expect(build.stderr.replacing(/\d+\.\d+s/, with: "[time]") == """
            error[B001]: the Aria compiler was not found: $ARIAC is not set and no 'ariac' is on PATH
              = note: PATH is \(f.environment["PATH"]!)
              = help: install ariac and put its directory on PATH, or set ARIAC=/path/to/ariac

               Compiling ffi (ffi/seven.c)
               Archiving ffi
            error: could not build; 2 not started; the plan has errors (above)

            """)
        #expect(try f.runs().isEmpty)
        #expect(FileManager.default.fileExists(atPath: f.app + "/.aria_make/build/libffi.a"))
        // A target named, and the tests: what cannot run is not started there either.
        let app = try f.ampu(["build", "app"], extra: ["ARIAC": ""])
        #expect(app.status == 1)
        #expect(app.stderr.hasSuffix("error: could not build; 2 not started; the plan has errors (above)\n"))
        // ampu test builds nothing of a plan that cannot run whole, and closes as a build does.
        let test = try f.ampu(["test"], extra: ["ARIAC": ""])
        #expect(test.status == 1)
        #expect(test.stderr == """
            error[B001]: the Aria compiler was not found: $ARIAC is not set and no 'ariac' is on PATH
              = note: PATH is \(f.environment["PATH"]!)
              = help: install ariac and put its directory on PATH, or set ARIAC=/path/to/ariac

            error: could not build; the plan has errors (above)

            """)
        #expect(try f.runs().isEmpty)
        // Showing the targets needs no compiler, and does not speak of one.
        let tree = try f.ampu(["tree"], extra: ["ARIAC": ""])
        #expect(tree.status == 0)
        #expect(tree.stderr == "")
        #expect(tree.stdout == "app\n├── core\n└── ffi\ntest-core\n└── core\n")
    }

    @Test("a compile that fails: the compiler's located message drawn as check draws it, then what failed")
    func compileError() throws {
        let f = try AriaFixture()
        try f.write("lib/strings.aria", "// STANDIN_ERROR\n")
        let build = try f.ampu(["build", "core"])
        #expect(build.status == 1)
        #expect(build.stderr.contains("""
            error: the stand-in compiler was asked to fail here
             --> lib/strings.aria:1:4
            """))
        #expect(build.stderr.contains("error[B002]: Compiling core failed: 'ariac' exited with status 1"))
    }

    @Test("pre_build and post_build commands around the compile, a custom target's command, without a shell unless it asks for one")
    func commands() throws {
        let f = try AriaFixture()
        try f.write("build.abc", try f.read("build.abc") + """

            [target.stamp]
            type = "custom"
            command = "sh -c 'echo made > .aria_make/stamp.txt'"
            output = ".aria_make/stamp.txt"
            pre_build = ["mkdir -p .aria_make/gen"]
            post_build = ["cp .aria_make/stamp.txt '.aria_make/gen/stamp copy.txt'"]

            """)
        let build = try f.ampu(["build", "stamp"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try f.read(".aria_make/gen/stamp copy.txt") == "made\n")
        try f.write("build.abc", try f.read("build.abc").replacingOccurrences(of: "sh -c 'echo made > .aria_make/stamp.txt'", with: "echo made > .aria_make/stamp.txt"))
        let refused = try f.ampu(["build", "stamp", "--message-format", "short"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("build.abc:28:11: error[B008]: the command command of target 'stamp' cannot be split into words: '>' needs a shell"))
    }

    @Test("[project] gitignore = true: source patterns leave out what .gitignore ignores")
    func gitignore() throws {
        let f = try AriaFixture()
        try f.write(".gitignore", "/.aria_make/\nlib/strings.aria\n")
        #expect(try f.ampu(["build", "--plan"]).stdout.contains("\(ariacStandIn) lib/core.aria lib/strings.aria -o .aria_make/build/core.ll -O2\n"))
        try f.write("build.abc", try f.read("build.abc").replacingOccurrences(of: "version = \"0.1.0\"", with: "version = \"0.1.0\"\ngitignore = true"))
        #expect(try f.ampu(["build", "--plan"]).stdout.contains("\(ariacStandIn) lib/core.aria -o .aria_make/build/core.ll -O2\n"))
        // The kept plan stands while .gitignore does: edited, taken away or written again, the
        // next plan follows it.
        try f.write(".gitignore", "/.aria_make/\n")
        #expect(try f.ampu(["build", "--plan"]).stdout.contains("\(ariacStandIn) lib/core.aria lib/strings.aria -o .aria_make/build/core.ll -O2\n"))
        try f.write(".gitignore", "/.aria_make/\nlib/core.aria\n")
        #expect(try f.ampu(["build", "--plan"]).stdout.contains("\(ariacStandIn) lib/strings.aria -o .aria_make/build/core.ll -O2\n"))
        try FileManager.default.removeItem(atPath: f.app + "/.gitignore")
        #expect(try f.ampu(["build", "--plan"]).stdout.contains("\(ariacStandIn) lib/core.aria lib/strings.aria -o .aria_make/build/core.ll -O2\n"))
        try f.write(".gitignore", "lib/strings.aria\n")
        #expect(try f.ampu(["build", "--plan"]).stdout.contains("\(ariacStandIn) lib/core.aria -o .aria_make/build/core.ll -O2\n"))
    }

    @Test("ampu new --lang aria: a program that runs, a library whose test passes")
    func new() throws {
        let dir = try ScratchDirectory()
        let env = plain.merging(["ARIAC": ariacStandIn]) { _, new in new }
        #expect(try AmpuProcess.run(["new", "hello", "--lang", "aria"], environment: env, directory: dir.path).stderr == "Created program package 'hello' in \(dir.path)/hello\n")
        #expect(try dir.read("hello/build.abc") == """
            [project]
            name = "hello"
            version = "0.1.0"

            [target.hello]
            type = "binary"
            sources = ["src/main.aria"]
            deps = []
            flags = []

            """)
        let run = try AmpuProcess.run(["run"], environment: env, directory: dir.path + "/hello")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try AmpuProcess.run(["new", "mylib", "--lib", "--lang", "aria"], environment: env, directory: dir.path).status == 0)
        let test = try AmpuProcess.run(["test"], environment: env, directory: dir.path + "/mylib")
        #expect(test.stdout == "\nrunning 1 test\ntest mylib/test-mylib ... ok\n\n1 passed, 0 failed\n")
        // A library has nothing to run but its test, which is `ampu test`'s, also by name.
        let nothing = try AmpuProcess.run(["run"], environment: env, directory: dir.path + "/mylib")
        #expect(nothing.stderr == "error: the workspace has no program to run, only test programs (test-mylib): `ampu test` builds and runs them\n")
        #expect(nothing.status == 1)
        let named = try AmpuProcess.run(["run", "--bin", "test-mylib"], environment: env, directory: dir.path + "/mylib")
        #expect(named.stderr == "error: 'test-mylib' is a test program: `ampu test` builds and runs it\n")
        #expect(named.status == 1)
        // Without the test, what to add, in build.abc's words.
        try dir.write("mylib/build.abc", "[project]\nname = \"mylib\"\nversion = \"0.1.0\"\n\n[target.mylib]\ntype = \"library\"\nsources = [\"src/mylib.aria\"]\n")
        let bare = try AmpuProcess.run(["run"], environment: env, directory: dir.path + "/mylib")
        #expect(bare.stderr == "error: the workspace has no program to run; add a target with `type = \"binary\"` and its `sources` to build.abc\n")
    }

    @Test("a build.abc in the keyword form: its library built from its sources; a needed project that is not there named at its line, an optional one not needed")
    func keywordForm() throws {
        let dir = try ScratchDirectory()
        try dir.write("math/build.abc", "[project]\nname = \"math\"\n")
        try dir.write("tilemap/src/tilemap.npk", "pub func:width = int32() { pass(16i32); };\n")
        try dir.write("tilemap/build.abc", """
            LIBRARY "tilemap"

            SOURCES:
                src/tilemap.npk

            DEPENDENCIES:
                ../math
                ../physics (optional)

            """)
        let log = dir.path + "/ariac.log"
        let env = plain.merging(["ARIAC": ariacStandIn, "ARIAC_STANDIN_LOG": log]) { _, new in new }
        let build = try AmpuProcess.run(["build"], environment: env, directory: dir.path + "/tilemap")
        #expect(build.status == 0)
        #expect(timeless(build.stderr) == "   Compiling tilemap\n    Finished in [time]\n")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/tilemap/.aria_make/build/tilemap.ll"))
        let argv = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["argv"] as! [String]
        }
        #expect(argv == [["src/tilemap.npk", "-o", ".aria_make/build/tilemap.ll.ampu-tmp"]])
        try FileManager.default.removeItem(atPath: dir.path + "/math")
        let check = try AmpuProcess.run(["check", "--message-format", "short"], environment: env, directory: dir.path + "/tilemap")
        #expect(check.status == 1)
        #expect(check.stderr == """
            build.abc:7:5: error[A007]: target 'tilemap' depends on the project in '../math', which is not a directory
            error: check failed: 1 error, 0 warnings in 1 package, 1 module

            """)
    }

    @Test("an output that names a source or the build file: an error (B013), the file as it was, nothing run for it")
    func outputOverSource() throws {
        let f = try AriaFixture()
        let main = try f.read("src/main.aria")
        try f.write("build.abc", try f.read("build.abc").replacingOccurrences(of: "[target.app]\n", with: "[target.app]\noutput = \"src/main.aria\"\n"))
        let build = try f.ampu(["build"])
        #expect(build.status == 1)
        // As with two targets writing one file (B012): what does not need it is built.
        #expect(timeless(build.stderr) == """
            error[B013]: Compiling app would write over 'src/main.aria', one of the sources it reads
              = help: give it an output of its own, under the build directory (where the build puts it when none is given)

               Compiling ffi (ffi/seven.c)
               Archiving ffi
            error: could not build; the plan has errors (above)

            """)
        #expect(try f.read("src/main.aria") == main)
        #expect(try f.runs().isEmpty)
        try f.write("build.abc", try f.read("build.abc").replacingOccurrences(of: "output = \"src/main.aria\"", with: "output = \"../app/build.abc\""))
        let manifest = try f.ampu(["build", "--plan"])
        #expect(manifest.stderr.hasPrefix("error[B013]: Compiling app would write over 'build.abc', a file the workspace is made of\n"))
        // Another target's source, which the test reaches by `use`: the compile would succeed
        // and its output would replace the library's file.
        let strings = try f.read("lib/strings.aria")
        try f.write("build.abc", try f.read("build.abc").replacingOccurrences(of: "output = \"../app/build.abc\"\n", with: "")
            .replacingOccurrences(of: "[target.test-core]\n", with: "[target.test-core]\noutput = \"lib/strings.aria\"\n"))
        let test = try f.ampu(["test"])
        #expect(test.status == 1)
        #expect(test.stderr.hasPrefix("error[B013]: Compiling test-core would write over 'lib/strings.aria', one of the sources it reads\n"))
        #expect(try f.read("lib/strings.aria") == strings)
    }

    @Test("the real aria-make and nitpick projects in ../shared: read with no false errors")
    func corpus() throws {
        let corpus = URL(fileURLWithPath: fixtures).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpora/aria").path
        guard FileManager.default.fileExists(atPath: corpus) else {
            print("skipped: ../shared/corpora/aria is not here")
            return
        }
        var errors: [String] = []
        var projects = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted() where FileManager.default.fileExists(atPath: corpus + "/" + name + "/build.abc") {
            projects += 1
            let check = try AmpuProcess.run(["check", "--message-format", "short"], environment: plain, directory: corpus + "/" + name)
            errors += check.stderr.split(separator: "\n").filter { $0.contains(": error[") }.map { "\(name)/\($0)" }
        }
        #expect(projects == 31)
        // Every one is a `use` path that leaves the corpus (its README: nitpick-libc and
        // nitpick-thread were not copied). The keyword form's two (nitpick-cli, nitpick-tilemap)
        // are read with none.
        #expect(errors == [
            "nitpick-dust/src/nitpick_dust.npk:2:5: error[I003]: cannot find module '../../../../nitpick-libc/src/_constants.npk'",
            "nitpick-dust/src/nitpick_dust.npk:3:5: error[I003]: cannot find module '../../../../nitpick-libc/src/_fs_readdir.npk'",
            "nitpick-dust/src/nitpick_dust.npk:4:5: error[I003]: cannot find module '../../../../nitpick-libc/src/_stat.npk'",
            "nitpick-fs/tests/test_nitpick_fs.npk:3:5: error[I003]: cannot find module '../../nitpick-thread/src/nitpick_thread.npk'",
        ])
    }
}
