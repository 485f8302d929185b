import Foundation
import Testing
import TestSupport
import BuildModel

/// The test fixtures: small real workspaces and the stand-in compiler.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path
/// The Asthra compiler cannot be installed here: this stand-in honours both command lines,
/// follows imports and fails on markers (see its header). Every ampu code path is the real one.
let standIn = fixtures + "/standin/asthra"

/// A fixture workspace copied into a scratch directory (builds write target/ beside it), with
/// the stand-in compiler and a log of every run of it.
final class BuildFixture {
    let scratch: ScratchDirectory
    /// The workspace's directory under the scratch one.
    let directory: String
    var root: String { scratch.path + "/" + directory }
    var log: String { scratch.path + "/compiler.log" }

    init(_ name: String, directory: String = "ws") throws {
        scratch = try ScratchDirectory()
        self.directory = directory
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: scratch.path + "/" + directory).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixtures + "/build/" + name, toPath: scratch.path + "/" + directory)
    }

    var environment: [String: String] { plain.merging(["ASTHRA": standIn, "ASTHRA_STANDIN_LOG": log]) { _, new in new } }

    func ampu(_ arguments: [String], in sub: String = "", extra: [String: String] = [:]) throws -> AmpuProcess.Result {
        try AmpuProcess.run(arguments, environment: environment.merging(extra) { _, new in new }, directory: sub.isEmpty ? root : root + "/" + sub)
    }

    /// The compiler runs logged so far: each run's sources and -o, relative to the workspace.
    var compilerRuns: [String] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return (object["argv"] as! [String]).joined(separator: " ")
        }
    }

    /// ampu with these arguments in the workspace, not started yet: for a test that signals it
    /// while it runs.
    func process(_ arguments: [String]) -> Process {
        let p = Process()
        p.executableURL = AmpuProcess.executable
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: root)
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        return p
    }

    func write(_ relative: String, _ text: String) throws { try scratch.write(directory + "/" + relative, text) }
    func read(_ relative: String) throws -> String { try scratch.read(directory + "/" + relative) }
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + relative) }

    /// Every file under target/, relative to it, sorted.
    func targetFiles() -> [String] {
        let base = root + "/target"
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        return e.compactMap { $0 as? String }.filter { !FileManager.default.isDirectory(base + "/" + $0) && $0 != ".ampu-lock" }.sorted()
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }
}

/// A build's closing line with its time replaced: the only part of the output that varies.
func timeless(_ text: String) -> String {
    text.replacing(/in \d+\.\d\ds/, with: "in [time]")
}

@Suite("ampu build, run, test and clean", .serialized)
struct BuildCommandTests {
    @Test("a workspace builds in dependency order with the seed's command line, its tests with --tests; the second build starts no process")
    func seedBuild() throws {
        let ws = try BuildFixture("seed")
        // The test programs are `ampu test`'s, as Cargo's are.
        let first = try ws.ampu(["build", "-j1"])
        #expect(timeless(first.stderr) == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
               Compiling app
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(first.status == 0)
        #expect(ws.compilerRuns == [
            "util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a.ampu-tmp -I util -O0 -g",
            "app/src/greeting.ast -o target/debug/deps/libapp.a.ampu-tmp -I app -I util -O0 -g",
            "app/src/main.ast -o target/debug/build/app/app.o.ampu-tmp -I app -I util -O0 -g",
        ])
        #expect(ws.targetFiles().filter { !$0.hasPrefix("cache/") } == [
            "debug/app", "debug/build/app/app.o",
            "debug/build/util/native/csrc/clamp.c.d", "debug/build/util/native/csrc/clamp.c.o",
            "debug/deps/libapp.a", "debug/deps/libutil.a", "debug/deps/libutil_native.a",
        ])
        let second = try ws.ampu(["build"])
        #expect(timeless(second.stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        #expect(ws.compilerRuns.count == 3, "a no-op build ran the compiler")
        // --tests builds them too, and only them: the rest is up to date.
        let tests = try ws.ampu(["build", "-j1", "--tests"])
        #expect(timeless(tests.stderr) == """
               Compiling app (test "broken")
               Compiling app (test "smoke")
                 Linking app (test "broken")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(tests.status == 0)
        #expect(ws.compilerRuns.dropFirst(3) == [
            "app/tests/broken.ast -o target/debug/build/app/tests/broken.o.ampu-tmp -I app -I util -O0 -g",
            "app/tests/smoke.ast -o target/debug/build/app/tests/smoke.o.ampu-tmp -I app -I util -O0 -g",
        ])
        #expect(ws.targetFiles().filter { !$0.hasPrefix("cache/") } == [
            "debug/app", "debug/build/app/app.o", "debug/build/app/tests/broken.o", "debug/build/app/tests/smoke.o",
            "debug/build/util/native/csrc/clamp.c.d", "debug/build/util/native/csrc/clamp.c.o",
            "debug/deps/libapp.a", "debug/deps/libutil.a", "debug/deps/libutil_native.a",
            "debug/tests/app/broken", "debug/tests/app/smoke",
        ])
        // A complete build of everything stands for either build after it.
        for argv in [["build"], ["build", "--tests"], ["build"]] {
            #expect(timeless(try ws.ampu(argv).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        }
        #expect(ws.compilerRuns.count == 5, "a no-op build ran the compiler")
    }

    @Test("a package's library compiles beside the library of a package it imports: the compile reads that package's sources through -I, not its library, so only the link waits for both")
    func librariesCompileAtOnce() throws {
        let ws = try BuildFixture("seed")
        // util's compile goes on only once app's has started: were app's to wait for util's
        // library, util's would give up after 5 seconds and the build would fail.
        try ws.write("util/src/lib.ast", try ws.read("util/src/lib.ast") + "// STANDIN_COMPILE_WAIT_FOR: app-started\n")
        try ws.write("app/src/greeting.ast", try ws.read("app/src/greeting.ast") + "// STANDIN_COMPILE_TOUCH: app-started\n")
        let build = try ws.ampu(["build", "-j2"])
        #expect(build.status == 0)
        // In whichever order the two jobs take them.
        #expect(timeless(build.stderr).split(separator: "\n").sorted() == [
            "     Linking app (bin \"app\")",
            "    Finished `debug` profile [unoptimized + debuginfo] in [time]",
            "   Archiving util (native)",
            "   Compiling app",
            "   Compiling app (bin \"app\")",
            "   Compiling util",
            "   Compiling util (native csrc/clamp.c)",
        ])
        // The plan says the same: a compile waits for nothing, the link for all it links.
        let plan = try ws.ampu(["build", "--plan"]).stdout
        #expect(plan.split(separator: "\n").filter { $0.hasPrefix("    after") } == ["    after [1]", "    after [2] [3] [4] [5]"])
    }

    @Test("a build that names no profile takes [build] optimization and debug_info, as the seed's asthra.toml writes them; one that names a profile does not")
    func buildSettings() throws {
        let ws = try BuildFixture("seed")
        try ws.write("asthra.toml", try ws.read("asthra.toml") + "\n[build]\noptimization = \"release\"\ndebug_info = false\n")
        let plain = try ws.ampu(["build", "-j1", "-p", "util"])
        #expect(timeless(plain.stderr) == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
                Finished `debug` profile [optimized] in [time]

            """)
        #expect(ws.compilerRuns == ["util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a.ampu-tmp -I util -O3"])
        // Named, the debug profile is as it is built in; the two plans are kept apart.
        let named = try ws.ampu(["build", "-j1", "-p", "util", "--profile", "debug"])
        #expect(timeless(named.stderr) == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(ws.compilerRuns.last == "util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a.ampu-tmp -I util -O0 -g")
        // The documentation's spelling, a level.
        try ws.write("asthra.toml", try ws.read("asthra.toml").replacing("optimization = \"release\"", with: "optimization_level = 1"))
        #expect(try ws.ampu(["build", "-j1", "-p", "util"]).status == 0)
        #expect(ws.compilerRuns.last == "util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a.ampu-tmp -I util -O1")
    }

    @Test("a fingerprint that cannot be written is a warning, not a failure, its one cause said once; the next build runs what it concerns again")
    func unrecordedFingerprints() throws {
        let ws = try BuildFixture("seed")
        try ws.write("target/cache/fingerprints", "not a directory\n")
        let first = try ws.ampu(["build", "--tests", "-j1"])
        #expect(first.status == 0)
        let shown = timeless(first.stderr).replacing(ws.root + "/", with: "")
        #expect(shown == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
               Compiling app
               Compiling app (bin "app")
               Compiling app (test "broken")
                 Linking app (bin "app")
                 Linking app (test "broken")
               Compiling app (test "smoke")
                 Linking app (test "smoke")
            warning: cannot record what 10 actions ran on; the next build runs them again
              = note: 'target/cache/fingerprints' is not a directory

                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        // Nothing recorded, no complete build either: all of it runs again.
        try FileManager.default.removeItem(atPath: ws.root + "/target/cache/fingerprints")
        #expect(ws.compilerRuns.count == 5)
        let second = try ws.ampu(["build", "--tests", "-j1"])
        #expect(second.status == 0)
        #expect(ws.compilerRuns.count == 10)
        #expect(timeless(try ws.ampu(["build", "--tests"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
    }

    @Test("an edited source rebuilds exactly what reads it; a touched one with the same bytes rebuilds nothing")
    func incremental() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "--tests", "-j1"]).status == 0)
        try ws.write("app/src/greeting.ast", try ws.read("app/src/greeting.ast") + "// a comment\n")
        // The program imports the greeting; the tests link the package's library, which holds it.
        let edited = try ws.ampu(["build", "--tests", "-j1", "--verbose"])
        #expect(timeless(edited.stderr) == """
                   Dirty app: 'app/src/greeting.ast' changed
                 Running `\(standIn) app/src/greeting.ast -o target/debug/deps/libapp.a -I app -I util -O0 -g`
               Compiling app
                   Dirty app (bin "app"): 'app/src/greeting.ast' changed
                 Running `\(standIn) app/src/main.ast -o target/debug/build/app/app.o -I app -I util -O0 -g`
               Compiling app (bin "app")
                   Dirty app (test "broken"): 'target/debug/deps/libapp.a' changed
                 Running `cc target/debug/build/app/tests/broken.o target/debug/deps/libapp.a target/debug/deps/libutil.a target/debug/deps/libutil_native.a -lm -o target/debug/tests/app/broken`
                 Linking app (test "broken")
                   Dirty app (bin "app"): 'target/debug/build/app/app.o' changed
                 Running `cc target/debug/build/app/app.o target/debug/deps/libapp.a target/debug/deps/libutil.a target/debug/deps/libutil_native.a -lm -o target/debug/app`
                 Linking app (bin "app")
                   Dirty app (test "smoke"): 'target/debug/deps/libapp.a' changed
                 Running `cc target/debug/build/app/tests/smoke.o target/debug/deps/libapp.a target/debug/deps/libutil.a target/debug/deps/libutil_native.a -lm -o target/debug/tests/app/smoke`
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        let header = ws.root + "/util/csrc/include/clamp.h"
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: header)
        let touched = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(touched.stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        try ws.write("util/csrc/include/clamp.h", try ws.read("util/csrc/include/clamp.h") + "/* changed */\n")
        // The header is known from the compile's dependency file, so the C file compiles again;
        // a comment leaves the object's bytes as they were, so nothing after it runs.
        let header2 = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(header2.stderr) == """
               Compiling util (native csrc/clamp.c)
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        try ws.write("util/csrc/clamp.c", try ws.read("util/csrc/clamp.c") + "\nint util_version(void) { return 2; }\n")
        let code = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(code.stderr) == """
               Compiling util (native csrc/clamp.c)
               Archiving util (native)
                 Linking app (bin "app")
                 Linking app (test "broken")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
    }

    @Test("the kept plan is used only while what it was made from stands: new files, new imports and manifest edits plan afresh")
    func keptPlan() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        #expect(ws.exists("target/cache/plan-debug"))
        // A save through a temporary file and a rename, as editors do: the directory's time
        // changes, its names do not, and neither do the imports.
        try ws.write("app/src/.greeting.ast.swp", "package greeting;\n// saved\n")
        try FileManager.default.removeItem(atPath: ws.root + "/app/src/greeting.ast")
        try FileManager.default.moveItem(atPath: ws.root + "/app/src/.greeting.ast.swp", toPath: ws.root + "/app/src/greeting.ast")
        let planBefore = try ws.read("target/cache/plan-debug")
        let saved = try ws.ampu(["build", "-j1"])
        #expect(timeless(saved.stderr).hasPrefix("   Compiling app\n   Compiling app (bin \"app\")\n"))
        // The new times are kept beside the plan, which is not written again; the next build
        // finds nothing changed.
        #expect(try ws.read("target/cache/plan-debug") == planBefore)
        let times = try ws.read("target/cache/plan-debug.times")
        #expect(times.hasPrefix("ampu-plan-times 1\nplan\t"))
        #expect(times.contains("\t\(ws.root)/app/src/greeting.ast\n"))
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        // A new module joins its package's library.
        try ws.write("util/src/extra.ast", "package extra;\n")
        let added = try ws.ampu(["build", "-j1"])
        #expect(timeless(added.stderr).hasPrefix("   Compiling util\n"))
        #expect(ws.compilerRuns.last { $0.hasPrefix("util/") } == "util/src/extra.ast util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a.ampu-tmp -I util -O0 -g")
        // A new import makes the imported file an input.
        try ws.write("app/src/greeting.ast", "package greeting;\nimport \"./words\";\n")
        try ws.write("app/src/words.ast", "package words;\n")
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        try ws.write("app/src/words.ast", "package words;\n// more words\n")
        let imported = try ws.ampu(["build", "-j1"])
        #expect(timeless(imported.stderr).hasPrefix("   Compiling app\n"))
        // A manifest edit: the C compile gets the new flag.
        try ws.write("util/asthra.toml", try ws.read("util/asthra.toml") + "flags = [\"-DUTIL_FAST\"]\n")
        let flagged = try ws.ampu(["build", "--plan"])
        #expect(flagged.stdout.contains("cc -O0 -g -I util/csrc/include -DUTIL_FAST -MD"))
        #expect(try ws.ampu(["build"]).status == 0)
        // An error check finds in a file whose imports stay: the build stops as check would.
        try ws.write("app/src/words.ast", "package words\n")
        let broken = try ws.ampu(["build"])
        #expect(broken.stderr.hasPrefix("error[I011]: "))
        #expect(broken.stderr.hasSuffix("error: could not build: `ampu check` found 1 error\n"))
        #expect(broken.status == 1)
    }

    @Test("a build or a run with nothing to do does not read the kept plan's actions (a run finds its program beside them); one with something to do that finds them gone, or another plan's, makes the plan afresh")
    func keptActions() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        let actions = try ws.read("target/cache/plan-debug.actions")
        try FileManager.default.removeItem(atPath: ws.root + "/target/cache/plan-debug.actions")
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        let run = try ws.ampu(["run", "-j1"])
        #expect(timeless(run.stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n     Running `target/debug/app`\n")
        #expect(run.stdout == "hello from app\n")
        #expect(!ws.exists("target/cache/plan-debug.actions"))
        // The tests were not built: the plan is made again, and they are built and run. Then,
        // with nothing to do, they run without the actions.
        #expect(try ws.ampu(["test", "-j1"]).stdout.hasSuffix("\n1 passed, 1 failed\n"))
        #expect(try ws.read("target/cache/plan-debug.actions") == actions)
        try FileManager.default.removeItem(atPath: ws.root + "/target/cache/plan-debug.actions")
        let tests = try ws.ampu(["test", "-j1"])
        #expect(tests.stdout.hasSuffix("\n1 passed, 1 failed\n"))
        #expect(!ws.exists("target/cache/plan-debug.actions"))
        // An edit: the plan is made again, as it was, and only what the edit reaches runs.
        try ws.write("app/src/greeting.ast", try ws.read("app/src/greeting.ast") + "// edited\n")
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == """
               Compiling app
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(try ws.read("target/cache/plan-debug.actions") == actions)
        // Another plan's actions beside this plan's file, as a build stopped between writing
        // the two leaves them: not taken for this plan's.
        try ws.write("target/cache/plan-debug.actions", actions.replacingOccurrences(of: "-O0", with: "-O3"))
        try ws.write("app/src/greeting.ast", try ws.read("app/src/greeting.ast") + "// again\n")
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        #expect(ws.compilerRuns.suffix(2) == [
            "app/src/greeting.ast -o target/debug/deps/libapp.a.ampu-tmp -I app -I util -O0 -g",
            "app/src/main.ast -o target/debug/build/app/app.o.ampu-tmp -I app -I util -O0 -g",
        ])
        #expect(try ws.read("target/cache/plan-debug.actions") == actions)
        // A damaged copy of the program's line: the plan is made again.
        let kept = try ws.read("target/cache/plan-debug")
        try ws.write("target/cache/plan-debug", kept.replacingOccurrences(of: "\nprogram\tapp\t", with: "\nprogram\t"))
        let damaged = try ws.ampu(["build", "-j1"], extra: ["AMPU_DEBUG_PLAN": "1"])
        #expect(timeless(damaged.stderr) == "plan cache: products\n    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        #expect(try ws.read("target/cache/plan-debug") == kept)
    }

    @Test("a build under another PATH keeps the plan while the compiler is found where it was; one found elsewhere makes the plan afresh and runs every compile again")
    func keptPlanAndPath() throws {
        let ws = try BuildFixture("seed")
        let tools = ws.scratch.path + "/tools", first = ws.scratch.path + "/first"
        for dir in [tools, first] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: standIn, toPath: tools + "/asthra")
        // The compiler from PATH alone, as on a machine with asthra installed.
        var env = ws.environment
        env["ASTHRA"] = nil
        env["AMPU_DEBUG_PLAN"] = "1"
        func build(_ path: String) throws -> String {
            env["PATH"] = path
            let result = try AmpuProcess.run(["build", "-j1"], environment: env, directory: ws.root)
            #expect(result.status == 0)
            return timeless(result.stderr)
        }
        #expect(try build(tools + ":/usr/bin:/bin").hasPrefix("plan cache: no file\n   Compiling util (native csrc/clamp.c)\n"))
        let runs = ws.compilerRuns.count
        // A directory more at the front (a virtual environment, a profiler): nothing to do, and
        // nothing loaded.
        #expect(try build(first + ":" + tools + ":/usr/bin:/bin") == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        // A compiler in that directory: found first, so the plan is made afresh and every
        // Asthra compile runs again with it.
        try FileManager.default.copyItem(atPath: standIn, toPath: first + "/asthra")
        try (try String(contentsOfFile: first + "/asthra", encoding: .utf8) + "# another compiler\n").write(toFile: first + "/asthra", atomically: false, encoding: .utf8)
        var st = stat()
        #expect(stat(tools + "/asthra", &st) == 0)
        let kept = "x\t\(st.st_size)\t\(Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))\tasthra\t\(tools)/asthra"
        let shadowed = try build(first + ":" + tools + ":/usr/bin:/bin")
        #expect(shadowed == """
            plan cache: \(kept)
               Compiling util
               Compiling app
               Compiling app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(ws.compilerRuns.count == runs + 3)
    }

    @Test("a compile that succeeds with a warning: the warning is drawn as check draws its own, under the compile's line")
    func warningOfACompileThatSucceeds() throws {
        let ws = try BuildFixture("seed")
        try ws.write("util/asthra.toml", try ws.read("util/asthra.toml") + "flags = [\"-Wall\"]\n")
        try ws.write("util/csrc/clamp.c", try ws.read("util/csrc/clamp.c") + "int util_more(void) { int unused = 3; return 1; }\n")
        let result = try ws.ampu(["build", "--tests", "-j1"], extra: ["LC_ALL": "C"])
        #expect(timeless(result.stderr) == """
               Compiling util (native csrc/clamp.c)
            warning: unused variable 'unused' [-Wunused-variable]
             --> util/csrc/clamp.c:6:27
              |
            6 | int util_more(void) { int unused = 3; return 1; }
              |                           ^^^^^^
              |
              = note: in function 'util_more'

               Compiling util
               Archiving util (native)
               Compiling app
               Compiling app (bin "app")
               Compiling app (test "broken")
                 Linking app (bin "app")
                 Linking app (test "broken")
               Compiling app (test "smoke")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(result.status == 0)
    }

    @Test("the warnings of a compile that is up to date are shown again by every build that does not run it, until a run says nothing")
    func warningsShownAgain() throws {
        let ws = try BuildFixture("seed")
        try ws.write("util/asthra.toml", try ws.read("util/asthra.toml") + "flags = [\"-Wall\"]\n")
        let clamp = try ws.read("util/csrc/clamp.c")
        try ws.write("util/csrc/clamp.c", clamp + "int util_more(void) { int unused = 3; return 1; }\n")
        let environment = ["LC_ALL": "C"]
        #expect(try ws.ampu(["build", "--tests", "-j1"], extra: environment).status == 0)
        let warning = """
            warning: unused variable 'unused' [-Wunused-variable]
             --> util/csrc/clamp.c:6:27
              |
            6 | int util_more(void) { int unused = 3; return 1; }
              |                           ^^^^^^
              |
              = note: in function 'util_more'


            """
        let finished = "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n"
        // Nothing to do: the record of the complete build names the compile that said something.
        var result = try ws.ampu(["build", "--tests", "-j1"], extra: environment)
        #expect(timeless(result.stderr) == warning + finished)
        #expect(result.status == 0)
        // Only what an edit of app reaches runs; the native compile is not looked at, and its
        // warning still shown, before what runs.
        try ws.write("app/src/main.ast", try ws.read("app/src/main.ast") + "// edited\n")
        result = try ws.ampu(["build", "--tests", "-j1"], extra: environment)
        let ran = """
               Compiling app (bin "app")
                 Linking app (bin "app")

            """
        #expect(timeless(result.stderr) == warning + ran + finished)
        // The same, with every action of the plan looked at (`--timings`) after another edit,
        // and with a build of util alone, which finds the compile up to date by its fingerprint.
        try ws.write("app/src/main.ast", try ws.read("app/src/main.ast") + "// again\n")
        result = try ws.ampu(["build", "--tests", "-j1", "--timings"], extra: environment)
        #expect(timeless(result.stderr) == warning + ran + "      Timing report saved to target/timings/ampu-timing.html\n" + finished)
        result = try ws.ampu(["build", "--tests", "-j1", "util"], extra: environment)
        #expect(timeless(result.stderr) == warning + finished)
        // With -q, no status line: the warning alone; `run -q` adds only what the program prints.
        #expect(try ws.ampu(["build", "--tests", "-j1", "-q"], extra: environment).stderr == warning)
        let quietRun = try ws.ampu(["run", "-q"], extra: environment)
        #expect(quietRun.stderr == warning && quietRun.stdout == "hello from app\n")
        // A run that says nothing ends it.
        try ws.write("util/csrc/clamp.c", clamp + "int util_more(void) { return 1; }\n")
        result = try ws.ampu(["build", "--tests", "-j1"], extra: environment)
        #expect(timeless(result.stderr) == """
               Compiling util (native csrc/clamp.c)
               Archiving util (native)
                 Linking app (bin "app")
                 Linking app (test "broken")
                 Linking app (test "smoke")

            """ + finished)
        result = try ws.ampu(["build", "--tests", "-j1"], extra: environment)
        #expect(timeless(result.stderr) == finished)
        #expect(result.status == 0)
    }

    @Test("what a test program's compile said is shown again by builds with tests alone, as `cargo build` does not show a test's warnings")
    func testWarningsLeftToTests() throws {
        let ws = try BuildFixture("seed")
        try ws.write("app/tests/smoke.ast", try ws.read("app/tests/smoke.ast") + "// STANDIN_WARNING\n")
        let warning = """
            warning: unused variable 'STANDIN_WARNING'
             --> app/tests/smoke.ast:9:4
              |
            9 | // STANDIN_WARNING
              |    ^^^^^^^^^^^^^^^

            """
        let finished = "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n"
        var result = try ws.ampu(["build", "--tests", "-j1"])
        #expect(result.status == 0)
        #expect(timeless(result.stderr).contains("   Compiling app (test \"smoke\")\n" + warning))
        // The record of the whole build stands for a build without tests: nothing to do, and
        // nothing of the test's said; a build with tests says it again.
        result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == finished)
        result = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(result.stderr) == warning + "\n" + finished)
        // The test edited: a build with tests runs its compile again, and the record it leaves
        // still says that what the compile said is the test's.
        try ws.write("app/tests/smoke.ast", try ws.read("app/tests/smoke.ast") + "// edited\n")
        result = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(result.stderr) == """
               Compiling app (test "smoke")
            \(warning)
                 Linking app (test "smoke")

            """ + finished)
        result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == finished)
        // An edit the program's compile reads: the record becomes one of the build without
        // tests, which keeps nothing the test said, on this build or the next.
        try ws.write("app/src/main.ast", try ws.read("app/src/main.ast") + "// edited\n")
        result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == """
               Compiling app (bin "app")
                 Linking app (bin "app")

            """ + finished)
        result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == finished)
        // The test's compile is up to date; its fingerprint still keeps what it said.
        result = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(result.stderr) == warning + "\n" + finished)
    }

    @Test("a compiler that writes without end: the first 4 MiB of its output are shown, and the error says how much more there was")
    func endlessOutput() throws {
        let ws = try BuildFixture("seed")
        // 5,000,000 bytes of lines of 23 bytes: 182,361 whole lines fit in 4 MiB.
        try ws.scratch.write("spam", "#!/bin/sh\nyes 'spam: not a diagnostic' | head -c 5000000 >&2\nexit 1\n")
        #expect(chmod(ws.scratch.path + "/spam", 0o755) == 0)
        let result = try ws.ampu(["build", "--tests", "-j1"], extra: ["ASTHRA": ws.scratch.path + "/spam"])
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "   Compiling util (native csrc/clamp.c)")
        #expect(lines.dropFirst().prefix { $0 == "spam: not a diagnostic" }.count == 182_361)
        #expect(lines.dropFirst(182_362).joined(separator: "\n") == """
            error[B002]: Compiling util failed: 'spam' exited with status 1
              = note: the command was: \(ws.scratch.path)/spam util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a -I util -O0 -g
              = note: its output went on for 805697 bytes more, not kept (the first 4 MiB of each stream are): run the command to see it all

            error: could not build; 1 action failed; 8 not started

            """)
        #expect(result.status == 1)
    }

    @Test("a directory where an output goes: the action's error says so (B004) and how to go on, and the directory is left as it was")
    func directoryWhereOutputGoes() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "--tests", "-j1"]).status == 0)
        try FileManager.default.removeItem(atPath: ws.root + "/target/debug/deps/libutil.a")
        try ws.write("target/debug/deps/libutil.a/kept.txt", "mine\n")
        try ws.write("util/src/lib.ast", try ws.read("util/src/lib.ast") + "// edited\n")
        let result = try ws.ampu(["build", "--tests", "-j1"])
        #expect(result.stderr == """
            error[B004]: Compiling util succeeded but its output could not be put in place of 'target/debug/deps/libutil.a': a directory is in the way
              = note: the command was: \(standIn) util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a -I util -O0 -g
              = help: remove 'target/debug/deps/libutil.a' (`ampu clean` removes the whole build directory), then build again

            error: could not build; 1 action failed; 6 not started

            """)
        #expect(result.status == 1)
        #expect(try ws.read("target/debug/deps/libutil.a/kept.txt") == "mine\n")
    }

    @Test("a file where the build directory goes is an error that names it and says how to go on")
    func targetIsAFile() throws {
        let ws = try BuildFixture("seed")
        try ws.write("target", "not a directory\n")
        let result = try ws.ampu(["build", "-j1"])
        #expect(result.stderr == """
            error: cannot make the build directory: '\(ws.root)/target' is in the way, and is not a directory
              = help: remove or rename '\(ws.root)/target', then build again

            """)
        #expect(result.status == 1)
        #expect(try ws.read("target") == "not a directory\n")
    }

    @Test("a plan made with warnings is kept with them: each build shows them again, until a file they point into changes")
    func keptPlanWarnings() throws {
        let ws = try BuildFixture("seed")
        try ws.write("app/src/greeting.ast", "package greeting;\nimport \"util\";\nimport \"util\";\n")
        let debug = ["AMPU_DEBUG_PLAN": "1"]
        let warning = """
            warning[I010]: 'util' is imported twice
             --> app/src/greeting.ast:3:8
              |
            2 | import "util";
              |        ------ first imported here
            3 | import "util";
              |        ^^^^^^
              |
              = help: remove the second import


            """
        let first = try ws.ampu(["build", "--tests", "-j1"], extra: debug)
        #expect(timeless(first.stderr).hasPrefix("plan cache: no file\n" + warning + "   Compiling util (native csrc/clamp.c)\n"))
        #expect(first.status == 0)
        // Nothing changed: the kept plan, its warning shown again, nothing run.
        let again = try ws.ampu(["build", "--tests", "-j1"], extra: debug)
        #expect(timeless(again.stderr) == warning + "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        // The same warning, placed where the text is now: the file it points into changed, so the
        // plan is made afresh although its imports did not change.
        try ws.write("app/src/greeting.ast", "package greeting;\n// moved down\nimport \"util\";\nimport \"util\";\n")
        let moved = try ws.ampu(["build", "--tests", "-j1"], extra: debug)
        #expect(timeless(moved.stderr) == """
            plan cache: a file the warnings point into changed
            warning[I010]: 'util' is imported twice
             --> app/src/greeting.ast:4:8
              |
            3 | import "util";
              |        ------ first imported here
            4 | import "util";
              |        ^^^^^^
              |
              = help: remove the second import

               Compiling app
               Compiling app (bin "app")
                 Linking app (bin "app")
                 Linking app (test "broken")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        // Mended: no word, and none kept.
        try ws.write("app/src/greeting.ast", "package greeting;\nimport \"util\";\n")
        #expect(timeless(try ws.ampu(["build", "--tests", "-j1"]).stderr).hasPrefix("   Compiling app\n"))
        #expect(!ws.exists("target/cache/plan-debug.warnings"))
        #expect(timeless(try ws.ampu(["build", "--tests", "-j1"], extra: debug).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
    }

    @Test("many edited modules with the same imports: their times go into the plan itself, and the file beside it goes")
    func keptPlanTimesFolded() throws {
        let ws = try BuildFixture("seed")
        let names = (0..<70).map { String(format: "gen%02d", $0) }
        for name in names { try ws.write("util/src/\(name).ast", "package \(name);\n") }
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        let planBefore = try ws.read("target/cache/plan-debug")
        try ws.write("util/src/gen00.ast", "package gen00;\n// edited\n")
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        #expect(ws.exists("target/cache/plan-debug.times"))
        #expect(try ws.read("target/cache/plan-debug") == planBefore)
        for name in names { try ws.write("util/src/\(name).ast", "package \(name);\n// edited again\n") }
        let edited = try ws.ampu(["build", "-j1"])
        #expect(timeless(edited.stderr).hasPrefix("   Compiling util\n"))
        #expect(!ws.exists("target/cache/plan-debug.times"))
        #expect(try ws.read("target/cache/plan-debug") != planBefore)
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
    }

    @Test("after a complete build: a removed output or a new compiler makes the next build run what they concern")
    func completeBuild() throws {
        let ws = try BuildFixture("seed")
        let compiler = ws.scratch.path + "/bin/asthra"
        try FileManager.default.createDirectory(atPath: ws.scratch.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: standIn, toPath: compiler)
        let env = ["ASTHRA": compiler]
        #expect(try ws.ampu(["build", "-j1"], extra: env).status == 0)
        #expect(ws.exists("target/cache/complete-debug"))
        #expect(timeless(try ws.ampu(["build"], extra: env).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        try FileManager.default.removeItem(atPath: ws.root + "/target/debug/app")
        #expect(timeless(try ws.ampu(["build", "-j1"], extra: env).stderr) == """
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        // A C source edited in place (its directory unchanged): not a file the plan was made
        // from, but an input all the same.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ws.root + "/util/csrc/clamp.c"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("int util_more(void) { return 1; }\n".utf8))
        try handle.close()
        #expect(timeless(try ws.ampu(["build", "-j1"], extra: env).stderr).hasPrefix("   Compiling util (native csrc/clamp.c)\n   Archiving util (native)\n"))
        // A new compiler (its size and time) runs every compile again.
        try FileManager.default.removeItem(atPath: compiler)
        try FileManager.default.copyItem(atPath: standIn, toPath: compiler)
        try (try String(contentsOfFile: compiler, encoding: .utf8) + "# a newer version\n").write(toFile: compiler, atomically: false, encoding: .utf8)
        let rebuilt = try ws.ampu(["build", "-j1"], extra: env)
        #expect(timeless(rebuilt.stderr).hasPrefix("   Compiling util\n   Compiling app\n"))
        // A failed build leaves no record of a complete one.
        try ws.write("app/src/greeting.ast", "package greeting;\nlet x = STANDIN_ERROR;\n")
        #expect(try ws.ampu(["build"], extra: env).status == 1)
        #expect(!ws.exists("target/cache/complete-debug"))
    }

    @Test("a plan made afresh leaves compile_commands.json as it is while the compile commands are the same (an edited import), and writes it when they change")
    func compileDatabaseKept() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        let path = ws.root + "/compile_commands.json"
        let debug = try ws.read("compile_commands.json")
        let written = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        // An import more: the plan is made again, from the load; the commands stay.
        try ws.write("app/src/greeting.ast", "package greeting;\nimport \"util\";\n\npub fn say(n: i32) -> void {\n    return ();\n}\n")
        #expect(timeless(try ws.ampu(["build", "-j1"], extra: ["AMPU_DEBUG_PLAN": "1"]).stderr).hasPrefix("plan cache: m\t"))
        #expect(try ws.read("compile_commands.json") == debug)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date == written)
        // Other commands (the release profile's): written again.
        #expect(try ws.ampu(["build", "-j1", "--release"]).status == 0)
        let release = try ws.read("compile_commands.json")
        #expect(release != debug && release.contains("\"-O3\"") && !debug.contains("\"-O3\""))
        // And back.
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        #expect(try ws.read("compile_commands.json") == debug)
    }

    @Test("after a complete build, an edited module's build takes from the kept plan only what the edit reaches, and leaves the record and compile_commands.json a whole build leaves")
    func narrowedBuild() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "--tests", "-j1"]).status == 0)
        let commands = try ws.read("compile_commands.json")
        // Written again from the whole plan, though the build reads only a part of it.
        try FileManager.default.removeItem(atPath: ws.root + "/compile_commands.json")
        try ws.write("util/src/helpers.ast", try ws.read("util/src/helpers.ast") + "// edited\n")
        #expect(timeless(try ws.ampu(["build", "--tests", "-j1"]).stderr) == """
               Compiling util
               Compiling app (bin "app")
                 Linking app (test "broken")
                 Linking app (bin "app")
               Compiling app (test "smoke")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(try ws.read("compile_commands.json") == commands)
        let updated = try ws.read("target/cache/complete-debug")
        // The record a build that looks at every action writes, line for line.
        try FileManager.default.removeItem(atPath: ws.root + "/target/cache/complete-debug")
        #expect(timeless(try ws.ampu(["build", "--tests", "-j1"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        let whole = try ws.read("target/cache/complete-debug")
        #expect(updated.split(separator: "\n").sorted() == whole.split(separator: "\n").sorted())
        #expect(updated.contains("\nin\t") && updated.contains("\nout\t"))
        // And from it, the next build has nothing to do.
        #expect(timeless(try ws.ampu(["build", "--tests", "-j1"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
    }

    @Test("a build of one member, from its directory or with -p, is recorded as one: the next has nothing to do, an edit runs what it reaches there; a name not in the plan is an error after any build")
    func recordedPackage() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "-j1"], in: "util").status == 0)
        #expect(ws.compilerRuns == ["util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a.ampu-tmp -I util -O0 -g"])
        let record = try ws.read("target/cache/complete-debug")
        #expect(record.contains("\npart\t") && !record.contains("/app/"))
        // From the directory, or by name from the root: the same part, nothing to do.
        for (argv, directory) in [(["build"], "util"), (["build", "-p", "util"], "")] {
            #expect(timeless(try ws.ampu(argv, in: directory).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        }
        // Not the whole workspace: the rest is built, and the record is the whole plan's.
        #expect(timeless(try ws.ampu(["build", "--workspace", "-j1"]).stderr) == """
               Compiling app
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        try ws.write("util/src/helpers.ast", try ws.read("util/src/helpers.ast") + "// edited\n")
        #expect(timeless(try ws.ampu(["build", "-j1"], in: "util").stderr) == """
               Compiling util
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(timeless(try ws.ampu(["build", "-j1"], in: "util").stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        // What the edit reached beyond the member is built by a build that has it.
        #expect(timeless(try ws.ampu(["build", "--workspace", "-j1"]).stderr) == """
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        // After a complete build of everything, a name that is not there is still an error.
        #expect(try ws.ampu(["build", "--tests"]).status == 0)
        let typo = try ws.ampu(["build", "-p", "utl"])
        #expect(typo.status == 1)
        #expect(typo.stderr == """
            error: nothing to build is named 'utl'
              = help: did you mean 'util'?
              = help: the names are: util, app


            """)
    }

    @Test("whatever part was built before and whatever changed, a build leaves its part up to date: its fingerprints alone find nothing to run (a seeded walk of builds and edits)")
    func recordsNeverSkip() throws {
        let ws = try BuildFixture("seed")
        // xorshift64*, seeded: the same walk on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Int((state &* 0x2545_F491_4F6C_DD1D) >> 33) % n
        }
        let builds: [([String], String)] = [(["build"], ""), (["build"], "util"), (["build"], "app"), (["build", "-p", "util"], ""),
                                           (["build", "--tests"], ""), (["build", "--workspace"], "app"), (["build", "--tests"], "app")]
        let edited = ["util/src/helpers.ast", "app/src/greeting.ast", "app/src/main.ast", "app/tests/smoke.ast", "util/csrc/clamp.c", "util/csrc/include/clamp.h"]
        let record = ws.root + "/target/cache/complete-debug", aside = ws.scratch.path + "/record"
        var log: [String] = []
        for step in 0..<120 {
            switch next(4) {
            case 0:
                let file = edited[next(edited.count)]
                try ws.write(file, try ws.read(file) + (file.hasSuffix(".ast") ? "// \(step)\n" : "/* \(step) */\n"))
                log.append("edit \(file)")
            case 1 where step % 5 == 0:
                // A new module of util's library: the plan is made afresh.
                try ws.write("util/src/extra\(step).ast", "package util;\n")
                log.append("new util/src/extra\(step).ast")
            default:
                let (argv, directory) = builds[next(builds.count)]
                let built = try ws.ampu(argv + ["-j2"], in: directory)
                log.append("\(directory.isEmpty ? "." : directory): ampu \(argv.joined(separator: " "))")
                #expect(built.status == 0, "\(log)\n\(built.stderr)")
                // Without the record, the same build looks at every fingerprint of its part.
                let kept = FileManager.default.fileExists(atPath: record)
                if kept { try FileManager.default.moveItem(atPath: record, toPath: aside) }
                let dry = try ws.ampu(argv + ["--dry-run"], in: directory)
                #expect(dry.stdout == "" && dry.stderr.contains("Dry run 0 of "), "after: \(log.joined(separator: "; "))\n\(dry.stdout)\(dry.stderr)")
                if kept { try FileManager.default.moveItem(atPath: aside, toPath: record) }
            }
        }
        #expect(log.filter { $0.contains("ampu") }.count >= 50, "the walk builds often: \(log)")
    }

    @Test("in a workspace with no test program, a build without tests is a build of everything, and its record stands for every build")
    func noTestsIsWhole() throws {
        let ws = try BuildFixture("seed")
        try FileManager.default.removeItem(atPath: ws.root + "/app/tests")
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        try ws.write("app/src/main.ast", try ws.read("app/src/main.ast") + "// edited\n")
        // After an edit, only what it reaches: still the whole plan's record.
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        for argv in [["build", "--tests"], ["build"]] {
            #expect(timeless(try ws.ampu(argv).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        }
        #expect(try !ws.read("target/cache/complete-debug").contains("\npart\t"))
    }

    @Test("a build without the tests after a complete one: an edited test is left to a build with them, which runs it; the record then stands for the part built")
    func narrowedWithoutTests() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "--tests", "-j1"]).status == 0)
        let runs = ws.compilerRuns.count
        try ws.write("app/tests/smoke.ast", try ws.read("app/tests/smoke.ast") + "// edited\n")
        try ws.write("app/src/main.ast", try ws.read("app/src/main.ast") + "// edited\n")
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == """
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(try ws.read("target/cache/complete-debug").contains("\npart\tall without-tests\n"))
        // Nothing left for a build without the tests…
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        // …and the edited test for one with them.
        #expect(timeless(try ws.ampu(["build", "--tests", "-j1"]).stderr) == """
               Compiling app (test "smoke")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(ws.compilerRuns.count == runs + 2)
        #expect(try !ws.read("target/cache/complete-debug").contains("\npart\t"))
    }

    @Test("today's compiler: one compile per program, imports followed by the compiler; run passes the arguments, and shows the command as a shell where it runs would take it")
    func today() throws {
        let ws = try BuildFixture("today")
        let run = try ws.ampu(["run", "--", "a", "b c", "it's"])
        #expect(timeless(run.stderr) == """
               Compiling today (bin "today")
                Finished `debug` profile [unoptimized + debuginfo] in [time]
                 Running `target/debug/today a 'b c' 'it'\\''s'`

            """)
        #expect(run.stdout == "42\n")
        #expect(run.status == 0)
        // -g only where the compiler can take it: this program imports.
        #expect(ws.compilerRuns == ["main.ast -o target/debug/today.ampu-tmp"])
        // From elsewhere, the program's path is shown as a shell there would need it.
        try ws.write("docs/notes.txt", "notes\n")
        #expect(try ws.ampu(["run"], in: "docs").stderr.hasSuffix("     Running `\(ws.root)/target/debug/today`\n"))
        #expect(try ws.ampu(["run"], in: "target/debug").stderr.hasSuffix("     Running `./today`\n"))
        let release = try ws.ampu(["build", "--release"])
        #expect(timeless(release.stderr) == """
               Compiling today (bin "today")
                Finished `release` profile [optimized] in [time]

            """)
    }

    @Test("run builds only what its program needs of what an edit reaches, and nothing for an edit of a test; right after a build of what they run (with the tests, for run too), run and test have nothing to do and read no fingerprint, as build")
    func runAndTestAfterBuild() throws {
        let ws = try BuildFixture("seed")
        let finished = "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n"
        let running = "     Running `target/debug/app`\n"
        #expect(try ws.ampu(["build", "-q"]).status == 0)
        // The program's library changed: its compile, the program's, its link; not the tests'.
        try ws.write("app/src/greeting.ast", try ws.read("app/src/greeting.ast") + "// edited\n")
        var run = try ws.ampu(["run", "-j1"])
        #expect(timeless(run.stderr) == """
               Compiling app
               Compiling app (bin "app")
                 Linking app (bin "app")

            """ + finished + running)
        #expect(run.stdout == "hello from app\n")
        // A test changed: nothing the program needs.
        try ws.write("app/tests/smoke.ast", try ws.read("app/tests/smoke.ast") + "// edited\n")
        run = try ws.ampu(["run", "-j1"])
        #expect(timeless(run.stderr) == finished + running)
        #expect(run.stdout == "hello from app\n")
        let test = try ws.ampu(["test", "-j1"])
        #expect(timeless(test.stderr) == """
               Compiling app (test "broken")
               Compiling app (test "smoke")
                 Linking app (test "broken")
                 Linking app (test "smoke")

            """ + finished)
        #expect(test.stdout.hasSuffix("\n1 passed, 1 failed\n"))
        // Everything is built: with the fingerprints gone, a command that read them would run
        // every compile again. None does.
        let runs = ws.compilerRuns.count
        try FileManager.default.removeItem(atPath: ws.root + "/target/cache/fingerprints/log")
        run = try ws.ampu(["run", "-j1"])
        #expect(timeless(run.stderr) == finished + running)
        #expect(run.stdout == "hello from app\n")
        #expect(timeless(try ws.ampu(["test", "-j1"]).stderr) == finished)
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == finished)
        #expect(ws.compilerRuns.count == runs)
        // In a member's directory, about that package: after its tests are built, run (without
        // them) has nothing to do either.
        #expect(try ws.ampu(["test", "-q", "-j1"], in: "app").stdout.hasSuffix("\n1 passed, 1 failed\n"))
        let again = ws.compilerRuns.count
        try FileManager.default.removeItem(atPath: ws.root + "/target/cache/fingerprints/log")
        run = try ws.ampu(["run", "-j1"], in: "app")
        #expect(timeless(run.stderr) == finished + "     Running `\(ws.root)/target/debug/app`\n")
        #expect(run.stdout == "hello from app\n")
        #expect(timeless(try ws.ampu(["build", "-j1"], in: "app").stderr) == finished)
        #expect(ws.compilerRuns.count == again)
    }

    @Test("a package without entry or [[bin]] builds src/main.asthra as its program, named after it, as ampu new writes it; with the seed's command line its library leaves that file out")
    func defaultProgram() throws {
        let dir = try ScratchDirectory()
        let env = plain.merging(["ASTHRA": standIn]) { _, new in new }
        #expect(try AmpuProcess.run(["new", "hello"], environment: env, directory: dir.path).status == 0)
        let run = try AmpuProcess.run(["run", "--", "a"], environment: env, directory: dir.path + "/hello")
        #expect(timeless(run.stderr) == """
               Compiling hello (bin "hello")
                Finished `debug` profile [unoptimized + debuginfo] in [time]
                 Running `target/debug/hello a`

            """)
        #expect(run.stdout == "hello from main.asthra\n")  // what the stand-in's programs print
        #expect(run.status == 0)

        try dir.write("hello/src/util.asthra", "package hello;\n\npub fn twice(x: i32) -> i32 { return x + x; }\n")
        try dir.write("hello/asthra.toml", try dir.read("hello/asthra.toml") + "\n[toolchain]\npreset = \"seed\"\n")
        let seed = try AmpuProcess.run(["build", "--plan"], environment: env, directory: dir.path + "/hello")
        #expect(seed.stdout.replacing(standIn, with: "asthra") == """
            Plan for the 'debug' profile [unoptimized + debuginfo]: 3 actions in target/debug

            [1] Compiling hello
                asthra src/util.asthra -o target/debug/deps/libhello.a -I . -O0 -g
                reads 1 file, writes target/debug/deps/libhello.a

            [2] Compiling hello (bin "hello")
                asthra src/main.asthra -o target/debug/build/hello/hello.o -I . -O0 -g
                reads 1 file, writes target/debug/build/hello/hello.o

            [3] Linking hello (bin "hello")
                cc target/debug/build/hello/hello.o target/debug/deps/libhello.a -o target/debug/hello
                reads 2 files, writes target/debug/hello
                after [1] [2]

            """)

        // A declared program is built beside the default one, as Cargo builds src/main.rs
        // beside its [[bin]]s; one of the package's name takes the default's place, and
        // main.asthra is then part of the library.
        let manifest = try dir.read("hello/asthra.toml")
        try dir.write("hello/asthra.toml", manifest + "\n[[bin]]\nname = \"tool\"\npath = \"src/util.asthra\"\n")
        let declared = try AmpuProcess.run(["build", "--plan"], environment: env, directory: dir.path + "/hello")
        #expect(declared.stdout.replacing(standIn, with: "asthra").split(separator: "\n").filter { $0.hasPrefix("    asthra") } == [
            "    asthra src/main.asthra -o target/debug/build/hello/hello.o -I . -O0 -g",
            "    asthra src/util.asthra -o target/debug/build/hello/tool.o -I . -O0 -g",
        ])
        try dir.write("hello/asthra.toml", manifest + "\n[[bin]]\nname = \"hello\"\npath = \"src/util.asthra\"\n")
        let replaced = try AmpuProcess.run(["build", "--plan"], environment: env, directory: dir.path + "/hello")
        #expect(replaced.stdout.replacing(standIn, with: "asthra").split(separator: "\n").filter { $0.hasPrefix("    asthra") } == [
            "    asthra src/main.asthra -o target/debug/deps/libhello.a -I . -O0 -g",
            "    asthra src/util.asthra -o target/debug/build/hello/hello.o -I . -O0 -g",
        ])
    }

    @Test("run with several programs asks which, unless `default-run` says, as Cargo's does; one it does not name is said so")
    func defaultRun() throws {
        let dir = try ScratchDirectory()
        let env = plain.merging(["ASTHRA": standIn]) { _, new in new }
        #expect(try AmpuProcess.run(["new", "hello", "--vcs", "none"], environment: env, directory: dir.path).status == 0)
        let manifest = try dir.read("hello/asthra.toml") + "\n[[bin]]\nname = \"tool\"\npath = \"src/tool.asthra\"\n"
        try dir.write("hello/asthra.toml", manifest)
        try dir.write("hello/src/tool.asthra", "package main;\n\npub fn main(none) -> void {}\n")
        let which = try AmpuProcess.run(["run"], environment: env, directory: dir.path + "/hello")
        #expect(which.stderr == "error: the workspace has 2 programs; say which with --bin: hello, tool\n")
        #expect(which.status == 1)
        try dir.write("hello/asthra.toml", manifest.replacingOccurrences(of: "[package]\n", with: "[package]\ndefault-run = \"tool\"\n"))
        let chosen = try AmpuProcess.run(["run"], environment: env, directory: dir.path + "/hello")
        #expect(chosen.stdout == "hello from tool.asthra\n")
        #expect(try AmpuProcess.run(["run", "--bin", "hello"], environment: env, directory: dir.path + "/hello").stdout == "hello from main.asthra\n")
        let typo = try AmpuProcess.run(["run", "--bin", "tol"], environment: env, directory: dir.path + "/hello")
        #expect(typo.stderr == "error: no program named 'tol'; did you mean 'tool'? (the workspace has: hello, tool)\n")
        #expect(typo.status == 1)
        let far = try AmpuProcess.run(["run", "--bin", "server"], environment: env, directory: dir.path + "/hello")
        #expect(far.stderr == "error: no program named 'server' (the workspace has: hello, tool)\n")
        try dir.write("hello/asthra.toml", manifest.replacingOccurrences(of: "[package]\n", with: "[package]\ndefault-run = \"tol\"\n"))
        let wrong = try AmpuProcess.run(["run"], environment: env, directory: dir.path + "/hello")
        #expect(wrong.stderr == "error: `default-run` names 'tol', which is not a program of the workspace: hello, tool\n")
        #expect(wrong.status == 1)
    }

    @Test("a library alone has nothing for today's compiler to build: the warning says why and what to do; with the seed's command line it is built")
    func libraryAlone() throws {
        let dir = try ScratchDirectory()
        let env = plain.merging(["ASTHRA": standIn]) { _, new in new }
        #expect(try AmpuProcess.run(["new", "mylib", "--lib"], environment: env, directory: dir.path).status == 0)
        let build = try AmpuProcess.run(["build"], environment: env, directory: dir.path + "/mylib")
        #expect(timeless(build.stderr) == """
            warning[B009]: nothing to build: the workspace has no program, library or test this build makes
             --> asthra.toml:1:2
              |
            1 | [package]
              |  ^^^^^^^
              |
              = note: today's compiler (`preset = "current"`) builds programs and tests; a library is compiled into each program that imports it
              = help: add src/main.asthra (a program named after the package), `entry = "src/app.ast"` under [package] or a [[bin]] with `name` and `path`, or tests under tests/
              = help: or set `preset = "seed"` under [toolchain] to build each package's library on its own

                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(build.status == 0)
        try dir.write("mylib/asthra.toml", try dir.read("mylib/asthra.toml") + "\n[toolchain]\npreset = \"seed\"\n")
        let seed = try AmpuProcess.run(["build"], environment: env, directory: dir.path + "/mylib")
        #expect(timeless(seed.stderr) == """
               Compiling mylib
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/mylib/target/debug/deps/libmylib.a"))
    }

    @Test("native C under today's compiler is compiled into the package's library, with a warning (B010) that no program links it and what to do; with the seed's command line the program links it")
    func nativeWithTodaysCompiler() throws {
        let dir = try ScratchDirectory()
        let env = plain.merging(["ASTHRA": standIn]) { _, new in new }
        #expect(try AmpuProcess.run(["new", "app", "--vcs", "none"], environment: env, directory: dir.path).status == 0)
        try dir.write("app/asthra.toml", try dir.read("app/asthra.toml") + "\n[native]\nsources = [\"csrc/*.c\"]\n")
        try dir.write("app/csrc/f.c", "int f(void) { return 1; }\n")
        // One slot: the program does not wait for the native archive under today's compiler, so at -j2
        // the order of those two lines is the order the two processes happen to end in.
        let build = try AmpuProcess.run(["build", "-j1"], environment: env, directory: dir.path + "/app")
        #expect(timeless(build.stderr) == """
            warning[B010]: the native C code of 'app' is built into target/debug/deps/libapp_native.a but not linked: the current compiler links programs itself
             --> asthra.toml:8:2
              |
            8 | [native]
              |  ^^^^^^
              |
              = help: set `preset = "seed"` under [toolchain] to link programs with `cc` against the package libraries

               Compiling app (native csrc/f.c)
               Compiling app (bin "app")
               Archiving app (native)
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(build.status == 0)
        try dir.write("app/asthra.toml", try dir.read("app/asthra.toml") + "\n[toolchain]\npreset = \"seed\"\n")
        let seed = try AmpuProcess.run(["build", "--plan"], environment: env, directory: dir.path + "/app")
        #expect(seed.stderr == "")
        #expect(seed.stdout.hasSuffix("""
            [4] Linking app (bin "app")
                cc target/debug/build/app/app.o target/debug/deps/libapp_native.a -o target/debug/app
                reads 2 files, writes target/debug/app
                after [2] [3]

            """), "the program is linked with the native library: \(seed.stdout)")
    }

    @Test("a command line the values cannot make (a list inside a word) is B008 once, on that word, however many actions it fails")
    func commandLineNotMade() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", """
            [workspace]
            members = ["one", "two"]

            [toolchain]
            preset = "seed"
            command = ["{compiler}", "--src={input}", "-o", "{output}"]

            """)
        for name in ["one", "two"] {
            try dir.write("\(name)/asthra.toml", "[package]\nname = \"\(name)\"\nversion = \"0.1.0\"\n")
            try dir.write("\(name)/src/a.asthra", "package \(name);\n")
            try dir.write("\(name)/src/b.asthra", "package \(name);\n")
        }
        let env = plain.merging(["ASTHRA": standIn]) { _, new in new }
        let build = try AmpuProcess.run(["build"], environment: env, directory: dir.path)
        #expect(build.stderr == """
            error[B008]: the compiler's command line cannot be made: '{input}' stands for several words and cannot be part of '--src={input}'; write it as a word of its own
             --> asthra.toml:6:26
              |
            6 | command = ["{compiler}", "--src={input}", "-o", "{output}"]
              |                          ^^^^^^^^^^^^^^^
              |
              = note: the placeholders are {compiler}, {input}, {output}, {includes}, {opt}, {debug} and {target}

            error: could not build; the plan has errors (above)

            """)
        #expect(build.status == 1)
    }

    @Test("a compiler ended by a signal (it crashed) is said so, not as an exit status")
    func compilerCrashed() throws {
        let dir = try ScratchDirectory()
        try dir.write("crasher", "#!/bin/sh\nkill -SEGV $$\n")
        #expect(chmod(dir.path + "/crasher", 0o755) == 0)
        try dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[toolchain]\ncompiler = \"../crasher\"\n")
        try dir.write("app/src/main.asthra", "package main;\n\npub fn main(none) -> void {}\n")
        let build = try AmpuProcess.run(["build"], environment: plain, directory: dir.path + "/app")
        #expect(build.stderr == """
            error[B002]: Compiling app (bin "app") failed: 'crasher' was ended by signal 11, SIGSEGV
              = note: the command was: \(dir.path)/crasher src/main.asthra -o target/debug/app -g

            error: could not build; 1 action failed

            """)
        #expect(build.status == 1)
    }

    @Test("a test program ended by a signal (it crashed) fails saying which, with what it printed")
    func testCrashed() throws {
        let dir = try ScratchDirectory()
        let env = plain.merging(["ASTHRA": standIn]) { _, new in new }
        #expect(try AmpuProcess.run(["new", "app", "--vcs", "none"], environment: env, directory: dir.path).status == 0)
        try dir.write("app/tests/crash.asthra", "package main;\n// STANDIN_OUTPUT: before the crash\n// STANDIN_ABORT\npub fn main(none) -> void {}\n")
        let test = try AmpuProcess.run(["test"], environment: env, directory: dir.path + "/app")
        #expect(test.stdout == """

            running 1 test
            test app/crash ... FAILED (signal 6, SIGABRT)
            before the crash

            0 passed, 1 failed

            """)
        #expect(test.status == 1)
    }

    @Test("run builds only what its program needs; -p/--package picks packages for build, run and test, as Cargo's does")
    func packageSelection() throws {
        let ws = try BuildFixture("seed")
        let run = try ws.ampu(["run", "-p", "app"])
        #expect(run.status == 0)
        // The library the program links and the program; not the package's tests (in whichever
        // order two jobs take them: no compile waits for another).
        #expect(ws.compilerRuns.sorted() == [
            "app/src/greeting.ast -o target/debug/deps/libapp.a.ampu-tmp -I app -I util -O0 -g",
            "app/src/main.ast -o target/debug/build/app/app.o.ampu-tmp -I app -I util -O0 -g",
            "util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a.ampu-tmp -I util -O0 -g",
        ])
        let unknown = try ws.ampu(["build", "--package", "ap"])
        #expect(unknown.stderr == "error: nothing to build is named 'ap'\n  = help: did you mean 'app'?\n  = help: the names are: util, app\n\n")
        #expect(unknown.status == 1)
        let tests = try ws.ampu(["test", "-p", "util"])
        #expect(tests.stdout == "\nrunning 0 tests\n\n0 passed, 0 failed\n")
        #expect(tests.status == 0)
        let noProgram = try ws.ampu(["run", "-p", "util"])
        #expect(noProgram.stderr == "error: 'util' has no program to run; add src/main.asthra (a program named after the package), `entry = \"src/app.ast\"` under [package] or a [[bin]] with `name` and `path`\n")
        #expect(noProgram.status == 1)
    }

    @Test("ampu test builds and runs each test program and ends with the counts")
    func test() throws {
        let ws = try BuildFixture("seed")
        let result = try ws.ampu(["test", "-j1"])
        #expect(result.stdout == """

            running 2 tests
            test app/broken ... FAILED (exit status 3)
            expected 4, found 5
            test app/smoke ... ok

            1 passed, 1 failed

            """)
        #expect(result.status == 1)
        let filtered = try ws.ampu(["test", "smoke"])
        #expect(filtered.stdout == "\nrunning 1 test\ntest app/smoke ... ok\n\n1 passed, 0 failed, 1 filtered out\n")
        #expect(filtered.status == 0)
    }

    @Test("ampu test --test NAME builds and runs that test program alone, as cargo test --test; a name that is none is said with the names there are")
    func testNamed() throws {
        let ws = try BuildFixture("seed")
        let result = try ws.ampu(["test", "--test", "smoke", "-j1"])
        #expect(timeless(result.stderr) == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
               Compiling app
               Compiling app (test "smoke")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(result.stdout == "\nrunning 1 test\ntest app/smoke ... ok\n\n1 passed, 0 failed\n")
        #expect(result.status == 0)
        let unknown = try ws.ampu(["test", "--test", "smoek"])
        #expect(unknown.stderr == "error: no test program named 'smoek'; did you mean 'smoke'? (there are: broken, smoke)\n")
        #expect(unknown.status == 1)
    }

    @Test("ampu test runs the test programs at once, at most -j, as cargo test runs tests in parallel; the results are shown in the tests' order")
    func testsInParallel() throws {
        let ws = try BuildFixture("seed")
        // Each test waits for the other to have started: run one after the other, the first
        // would give up waiting.
        try ws.write("app/tests/broken.ast", try ws.read("app/tests/broken.ast") + "// STANDIN_TOUCH: broken.started\n// STANDIN_WAIT_FOR: smoke.started\n")
        try ws.write("app/tests/smoke.ast", try ws.read("app/tests/smoke.ast") + "// STANDIN_TOUCH: smoke.started\n// STANDIN_WAIT_FOR: broken.started\n")
        let result = try ws.ampu(["test", "-j2"])
        #expect(result.stdout == """

            running 2 tests
            test app/broken ... FAILED (exit status 3)
            expected 4, found 5
            test app/smoke ... ok

            1 passed, 1 failed

            """)
        #expect(result.status == 1)
    }

    @Test("ampu test keeps how long each test program ran, and the next run starts the one that ran longest first")
    func longestTestFirst() throws {
        let ws = try BuildFixture("seed")
        // `turtle`, last by name, is slow.
        try ws.write("app/tests/turtle.ast", "package main;\n\n// STANDIN_TOUCH: turtle.started\n// STANDIN_SLEEP: 1\npub fn main(none) -> void {\n    return ();\n}\n")
        let expected = """

            running 3 tests
            test app/broken ... FAILED (exit status 3)
            expected 4, found 5
            test app/smoke ... ok
            test app/turtle ... ok

            2 passed, 1 failed

            """
        #expect(try ws.ampu(["test", "-j2"]).stdout == expected)
        let record = try ws.read("target/cache/test-times")
        let lines = record.split(separator: "\n")
        #expect(lines.first == "ampu-test-times 1" && lines.last == "end")
        let times = Dictionary(uniqueKeysWithValues: lines.dropFirst().dropLast().map { line in
            let fields = line.split(separator: "\t", maxSplits: 1)
            return ("target/" + String(fields[1]).components(separatedBy: "/target/").last!, Int(fields[0])!)
        })
        #expect(times.keys.sorted() == ["target/debug/tests/app/broken", "target/debug/tests/app/smoke", "target/debug/tests/app/turtle"])
        #expect(times["target/debug/tests/app/turtle"]! >= 1_000_000)
        #expect(times["target/debug/tests/app/smoke"]! < times["target/debug/tests/app/turtle"]!)
        // Now the other two wait for `turtle` to have started: in their own order they would
        // take both slots and give up waiting, as it could not start.
        try FileManager.default.removeItem(atPath: ws.root + "/turtle.started")
        for name in ["broken", "smoke"] {
            try ws.write("app/tests/\(name).ast", try ws.read("app/tests/\(name).ast") + "// STANDIN_WAIT_FOR: turtle.started\n")
        }
        #expect(try ws.ampu(["test", "-j2"]).stdout == expected)
    }

    @Test("ampu test passes the arguments after -- to each test program, as cargo test passes them to its tests")
    func testArguments() throws {
        let ws = try BuildFixture("seed")
        try ws.write("app/tests/broken.ast", try ws.read("app/tests/broken.ast") + "// STANDIN_ARGS\n")
        let result = try ws.ampu(["test", "broken", "--", "a", "b c"])
        #expect(result.stdout == """

            running 1 test
            test app/broken ... FAILED (exit status 3)
            expected 4, found 5
            arg: a
            arg: b c

            0 passed, 1 failed, 1 filtered out

            """)
        #expect(result.status == 1)
        // --no-run names each test's command with them.
        let listed = try ws.ampu(["test", "--no-run", "smoke", "--", "a", "b c"])
        #expect(timeless(listed.stderr).hasSuffix("  Executable app/smoke (`target/debug/tests/app/smoke a 'b c'`)\n"))
    }

    @Test("ampu test --no-run builds the test programs and says how to run each, running none, as cargo test --no-run")
    func testNoRun() throws {
        let ws = try BuildFixture("seed")
        let result = try ws.ampu(["test", "--no-run", "-j1"])
        #expect(result.stdout == "")
        #expect(timeless(result.stderr) == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
               Compiling app
               Compiling app (bin "app")
               Compiling app (test "broken")
                 Linking app (bin "app")
                 Linking app (test "broken")
               Compiling app (test "smoke")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]
              Executable app/broken (`target/debug/tests/app/broken`)
              Executable app/smoke (`target/debug/tests/app/smoke`)

            """)
        // The failing test was not run: the build succeeded.
        #expect(result.status == 0)
        // From the package's directory, with a filter: the one test, its whole path (it is not
        // under the directory), as Cargo shows it.
        let filtered = try ws.ampu(["test", "--no-run", "smoke"], in: "app")
        #expect(timeless(filtered.stderr) == """
                Finished `debug` profile [unoptimized + debuginfo] in [time]
              Executable app/smoke (`\(ws.root)/target/debug/tests/app/smoke`)

            """)
        #expect(filtered.status == 0)
    }

    /// The output of `ampu test` on a test that prints `STANDIN_SPAM` lines: the lines before
    /// them, how many were kept, and the text after them.
    static func splitAtSpam(_ stdout: String) -> (head: [Substring], spam: Int, rest: String) {
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let head = Array(lines.prefix { $0 != "spam" })
        let spam = lines.dropFirst(head.count).prefix { $0 == "spam" }.count
        return (head, spam, lines.dropFirst(head.count + spam).joined(separator: "\n"))
    }

    @Test("a test that prints without end is shown its first 4 MiB, and how much more it printed, not all of it held in memory")
    func testThatPrintsWithoutEnd() throws {
        let ws = try BuildFixture("seed")
        // 20 bytes, then 1,000,000 lines of 5: whole lines up to 4 MiB are kept.
        try ws.write("app/tests/loud.ast", "package main;\n\n// STANDIN_OUTPUT: hello from loud.ast\n// STANDIN_SPAM: 1000000\n// STANDIN_EXIT: 1\npub fn main(none) -> void {\n    return ();\n}\n")
        let result = try ws.ampu(["test", "loud"])
        let (head, spam, rest) = Self.splitAtSpam(result.stdout)
        #expect(head == ["", "running 1 test", "test app/loud ... FAILED (exit status 1)", "hello from loud.ast"])
        let kept = (4 * 1024 * 1024 - 20) / 5
        #expect(spam == kept)
        #expect(rest == """
            (its output went on for \(5_000_000 - kept * 5) bytes more, not kept: the first 4 MiB of each stream are)

            0 passed, 1 failed, 2 filtered out

            """)
        #expect(result.status == 1)
    }

    @Test("a test that runs past --timeout is stopped and fails, with what it printed and how to give it longer; --timeout 0 is refused")
    func testPastItsTime() throws {
        let ws = try BuildFixture("seed")
        try ws.write("app/tests/slow.ast", "package main;\n\n// STANDIN_OUTPUT: PASS: started\n// STANDIN_SLEEP: 60\npub fn main(none) -> void {\n    return ();\n}\n")
        let result = try ws.ampu(["test", "--timeout", "1"])
        #expect(result.stdout == """

            running 3 tests
            test app/broken ... FAILED (exit status 3)
            expected 4, found 5
            test app/slow ... FAILED (ran past 1 second)
            PASS: started
            (it was stopped: `ampu test --timeout SECONDS` gives tests longer than 1 second)
            test app/smoke ... ok

            1 passed, 2 failed

            """)
        #expect(result.status == 1)
        let refused = try ws.ampu(["test", "--timeout", "0"])
        #expect(refused.stderr.hasPrefix("error: --timeout 0 gives a test no time: give a number of seconds, 1 or more\n"))
        #expect(refused.status == 64)
    }

    @Test("a failed check printed past the output that is kept still fails the test, and its line is shown after the note")
    func failedCheckPastWhatIsKept() throws {
        let ws = try BuildFixture("seed")
        // Exits 0; the FAIL line comes after 5,000,000 bytes, past the 4 MiB kept.
        try ws.write("app/tests/late.ast", "package main;\n\n// STANDIN_OUTPUT: PASS: the first check\n// STANDIN_SPAM: 1000000\n// STANDIN_AFTER: FAIL: the last check\n// STANDIN_AFTER: PASS: after it\npub fn main(none) -> void {\n    return ();\n}\n")
        let result = try ws.ampu(["test", "late"])
        let (head, spam, rest) = Self.splitAtSpam(result.stdout)
        #expect(head == ["", "running 1 test", "test app/late ... FAILED (1 of 3 checks failed)", "PASS: the first check"])
        let kept = (4 * 1024 * 1024 - 22) / 5
        #expect(spam == kept)
        #expect(rest == """
            (its output went on for \(5_000_000 - kept * 5 + 36) bytes more, not kept: the first 4 MiB of each stream are)
            the failed check in what was not kept:
                FAIL: the last check

            0 passed, 1 failed, 2 filtered out

            """)
        #expect(result.status == 1)
    }

    @Test("two programs of one package with one name are an error (M029) at the second name, before anything is compiled: they would be written to one file")
    func twoProgramsWithOneName() throws {
        let ws = try BuildFixture("seed")
        try ws.write("app/asthra.toml", try ws.read("app/asthra.toml") + "\n[[bin]]\nname = \"tool\"\npath = \"src/greeting.ast\"\n\n[[bin]]\nname = \"app\"\npath = \"src/greeting.ast\"\n")
        let result = try ws.ampu(["build", "-j1"])
        #expect(result.stderr == """
            error[M029]: two programs of package 'app' are named 'app'
              --> app/asthra.toml:14:8
               |
            4  | entry = "src/main.ast"
               | ----- `entry` makes a program named after the package
            ...
            14 | name = "app"
               |        ^^^^^ named again here
               |
               = help: rename one of them: each program is written to target/<profile>/app, and one would overwrite the other

            error: could not build: `ampu check` found 1 error

            """)
        #expect(result.status == 1)
        #expect(ws.compilerRuns.isEmpty)
        // Two [[bin]] of one name: the first is named as the first.
        try ws.write("app/asthra.toml", try ws.read("app/asthra.toml").replacing("name = \"app\"\npath", with: "name = \"tool\"\npath"))
        let check = try ws.ampu(["check"])
        #expect(check.stderr.hasPrefix("""
            error[M029]: two programs of package 'app' are named 'tool'
              --> app/asthra.toml:14:8
               |
            10 | name = "tool"
               |        ------ the first program named 'tool'
            ...
            14 | name = "tool"
               |        ^^^^^^ named again here

            """))
    }

    @Test("programs of two packages with one name would be written to one file: an error (B012), and neither link runs, while the rest is built")
    func programsOfTwoPackagesWithOneName() throws {
        let ws = try BuildFixture("seed")
        try ws.write("util/asthra.toml", try ws.read("util/asthra.toml") + "\n[[bin]]\nname = \"app\"\npath = \"src/helpers.ast\"\n")
        let result = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(result.stderr) == """
            error[B012]: Linking util (bin "app") and Linking app (bin "app") both write 'target/debug/app'
              = help: rename one of the two targets, so that each is written to a file of its own

               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
               Compiling app
               Compiling util (bin "app")
               Compiling app (bin "app")
               Compiling app (test "broken")
               Compiling app (test "smoke")
                 Linking app (test "broken")
                 Linking app (test "smoke")
            error: could not build; the plan has errors (above)

            """)
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: ws.root + "/target/debug/app"))
    }

    @Test("a test named like a program, and tests of two packages with one name, are each built to a file of their own")
    func testsNamedAlike() throws {
        let ws = try BuildFixture("seed")
        try ws.write("app/tests/app.ast", "package main;\n\n// STANDIN_OUTPUT: the app test\npub fn main(none) -> void {\n    return ();\n}\n")
        try ws.write("util/tests/smoke.ast", "package main;\n\n// STANDIN_OUTPUT: util smoke\npub fn main(none) -> void {\n    return ();\n}\n")
        let tests = try ws.ampu(["test", "-j1"])
        #expect(tests.stdout == """

            running 4 tests
            test util/smoke ... ok
            test app/app ... ok
            test app/broken ... FAILED (exit status 3)
            expected 4, found 5
            test app/smoke ... ok

            3 passed, 1 failed

            """)
        let run = try ws.ampu(["run", "-j1"])
        #expect(run.stdout == "hello from app\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.root + "/target/debug/tests").sorted() == ["app", "util"])
    }

    @Test("a plan that cannot be kept (a directory where its file goes) is a warning on each build, which plans afresh, not a silent slowdown")
    func planThatCannotBeKept() throws {
        let ws = try BuildFixture("seed")
        try ws.write("target/cache/plan-debug/kept.txt", "mine\n")
        let warning = """
            warning: cannot keep the plan for the next build: '\(ws.root)/target/cache/plan-debug' is a directory, expected a file
              = note: until it can be kept, each build loads and plans the workspace afresh
              = help: make room on the disk, or remove what is in the way of 'target/cache/plan-debug'


            """
        let first = try ws.ampu(["build", "-j1"])
        #expect(timeless(first.stderr).hasPrefix(warning + "   Compiling util (native csrc/clamp.c)\n"))
        #expect(first.status == 0)
        let second = try ws.ampu(["build", "-j1"])
        #expect(timeless(second.stderr) == warning + "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        #expect(try ws.read("target/cache/plan-debug/kept.txt") == "mine\n")
    }

    @Test("a path that the build's records cannot hold is a warning on each build: with a tab the plan is made afresh; with a line break what reads it also runs again")
    func pathsTheRecordsCannotHold() throws {
        let ws = try BuildFixture("seed")
        try ws.write("util/csrc/ta\tb.c", "int tab(void) { return 1; }\n")
        let tab = """
            warning: the path 'util/csrc/ta\\tb.c' holds a tab, which ampu's records of a build cannot hold
              = note: so each build loads and plans the workspace afresh
              = help: rename it, or move the workspace, to a path without line breaks or tabs


            """
        let first = try ws.ampu(["build", "-j1"])
        #expect(timeless(first.stderr).hasPrefix(tab + "   Compiling util (native csrc/clamp.c)\n   Compiling util (native csrc/ta\tb.c)\n"))
        #expect(first.status == 0)
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == tab + "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")

        try FileManager.default.removeItem(atPath: ws.root + "/util/csrc/ta\tb.c")
        try ws.write("util/csrc/line\nbreak.c", "int line(void) { return 2; }\n")
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        let again = try ws.ampu(["build", "-j1"])
        #expect(timeless(again.stderr) == """
            warning: the path 'util/csrc/line\\nbreak.c' holds a line break, which ampu's records of a build cannot hold
              = note: so each build loads and plans the workspace afresh, and runs again each action that reads or writes that path
              = help: rename it, or move the workspace, to a path without line breaks or tabs

               Compiling util (native csrc/line
            break.c)
               Archiving util (native)
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
    }

    @Test("a compiler error is drawn as check draws it, then what failed; nothing after it starts")
    func compileError() throws {
        let ws = try BuildFixture("seed")
        try ws.write("util/src/helpers.ast", "package helpers;\n\npub fn twice(n: i32) -> i32 {\n    return STANDIN_ERROR;\n}\n")
        let result = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(result.stderr) == """
               Compiling util (native csrc/clamp.c)
            error: use of undeclared identifier 'STANDIN_ERROR'
             --> util/src/helpers.ast:4:12
              |
            4 |     return STANDIN_ERROR;
              |            ^^^^^^^^^^^^^

            error[B002]: Compiling util failed: 'asthra' exited with status 1
              = note: the command was: \(standIn) util/src/helpers.ast util/src/lib.ast -o target/debug/deps/libutil.a -I util -O0 -g

            error: could not build; 1 action failed; 8 not started

            """)
        #expect(result.status == 1)
        #expect(!ws.targetFiles().contains { $0.hasSuffix(".ampu-tmp") || $0 == "debug/deps/libutil.a" })
        let json = try ws.ampu(["build", "--tests", "-j1", "--message-format", "json"])
        let lines = json.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(json.stdout.hasPrefix(#"{"file":"util/src/helpers.ast","line":4,"column":12,"#))
        // The action's failure is about no file.
        #expect(lines.last?.hasPrefix(#"{"file":null,"severity":"error","code":"B002","message":"Compiling util failed: 'asthra' exited with status 1","#) == true,
                "\(json.stdout)")
    }

    @Test("--keep-going builds what does not depend on the failure")
    func keepGoing() throws {
        let ws = try BuildFixture("seed")
        try ws.write("app/tests/broken.ast", "package main;\nlet x = STANDIN_ERROR;\n")
        let result = try ws.ampu(["build", "--tests", "-j1", "--keep-going"])
        #expect(result.status == 1)
        #expect(timeless(result.stderr).hasSuffix("error: could not build; 1 action failed; 1 not started\n"))
        #expect(ws.exists("target/debug/app") && ws.exists("target/debug/tests/app/smoke") && !ws.exists("target/debug/tests/app/broken"))
    }

    @Test("a module two programs' compiles read: what the compiler says of it is shown once a build, as rustc shows a diagnostic once")
    func sharedModuleDiagnosticsOnce() throws {
        let ws = try BuildFixture("today")
        try ws.write("asthra.toml", try ws.read("asthra.toml") + "\n[[bin]]\nname = \"other\"\npath = \"other.ast\"\n")
        try ws.write("other.ast", "package main;\n\nimport \"./math_lib\" as mlib;\n\npub fn main(none) -> void {\n    return ();\n}\n")
        try ws.write("math_lib.ast", "package math_lib;\n\npub fn answer(none) -> i32 {\n    let STANDIN_WARNING = 1;\n    return 42;\n}\n")
        let warning = """
            warning: unused variable 'STANDIN_WARNING'
             --> math_lib.ast:4:9
              |
            4 |     let STANDIN_WARNING = 1;
              |         ^^^^^^^^^^^^^^^

            """
        let finished = "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n"
        var result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == """
               Compiling today (bin "today")
            \(warning)
               Compiling today (bin "other")

            """ + finished)
        #expect(result.status == 0)
        // Nothing to do: what both compiles said is shown again, once.
        result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == warning + "\n" + finished)
        // An error there: each failed compile is reported, the error once.
        try ws.write("math_lib.ast", "package math_lib;\n\npub fn answer(none) -> i32 {\n    return STANDIN_ERROR;\n}\n")
        result = try ws.ampu(["build", "-j1", "--keep-going"])
        #expect(timeless(result.stderr) == """
            error: use of undeclared identifier 'STANDIN_ERROR'
             --> math_lib.ast:4:12
              |
            4 |     return STANDIN_ERROR;
              |            ^^^^^^^^^^^^^

            error[B002]: Compiling today (bin "today") failed: 'asthra' exited with status 1
              = note: the command was: \(standIn) main.ast -o target/debug/today

            error[B002]: Compiling today (bin "other") failed: 'asthra' exited with status 1
              = note: the command was: \(standIn) other.ast -o target/debug/other

            error: could not build; 2 actions failed

            """)
        #expect(result.status == 1)
        let json = try ws.ampu(["build", "-j1", "--keep-going", "--message-format", "json"])
        #expect(json.stdout.split(separator: "\n").filter { $0.contains("STANDIN_ERROR") }.count == 1)
    }

    @Test("a compiler that hangs is stopped at the timeout; one that writes nothing is an error")
    func timeoutAndMissingOutput() throws {
        let ws = try BuildFixture("today")
        try ws.write("asthra.toml", try ws.read("asthra.toml") + "\n[build]\ntimeout = 1\n")
        try ws.write("math_lib.ast", "package math_lib;\n// STANDIN_LOOP\n")
        let hung = try ws.ampu(["build"])
        #expect(timeless(hung.stderr) == """
            error[B003]: Compiling today (bin "today") ran for more than 1 second and was stopped
              = note: the command was: \(standIn) main.ast -o target/debug/today
              = help: raise `timeout` under [build] if it needs longer; a compiler that never ends may be looping on its input

            error: could not build; 1 action failed

            """)
        try ws.write("math_lib.ast", "package math_lib;\n// STANDIN_NO_OUTPUT\n")
        let silent = try ws.ampu(["build"])
        #expect(timeless(silent.stderr) == """
            error[B004]: Compiling today (bin "today") succeeded but did not write 'target/debug/today'
              = note: the command was: \(standIn) main.ast -o target/debug/today
              = help: check the compiler's command line (`ampu build --plan`): it must write the file named after -o

            error: could not build; 1 action failed

            """)
    }

    @Test("no compiler: the message says where it looked and how to fix it, and the C code is still built")
    func noCompiler() throws {
        let ws = try BuildFixture("seed")
        let result = try AmpuProcess.run(["build", "-j1"], environment: plain, directory: ws.root)
        #expect(timeless(result.stderr) == """
            error[B001]: the Asthra compiler was not found: asthra.toml has no `toolchain.compiler`, $ASTHRA is not set, and no 'asthra' is on PATH
              = note: PATH is /usr/bin:/bin
              = help: install it and put its directory on PATH, set ASTHRA=/path/to/asthra, or add `compiler = "/path/to/asthra"` under [toolchain] in asthra.toml

               Compiling util (native csrc/clamp.c)
               Archiving util (native)
            error: could not build; the plan has errors (above)

            """)
        #expect(result.status == 1)
        // `ampu run` and `ampu test` build nothing of that plan, and close as the build does.
        for command in ["run", "test"] {
            let stopped = try AmpuProcess.run([command, "-j1"], environment: plain, directory: ws.root)
            #expect(stopped.stderr == """
                error[B001]: the Asthra compiler was not found: asthra.toml has no `toolchain.compiler`, $ASTHRA is not set, and no 'asthra' is on PATH
                  = note: PATH is /usr/bin:/bin
                  = help: install it and put its directory on PATH, set ASTHRA=/path/to/asthra, or add `compiler = "/path/to/asthra"` under [toolchain] in asthra.toml

                error: could not build; the plan has errors (above)

                """, "\(command)")
            #expect(stopped.status == 1, "\(command)")
        }
        try ws.write("asthra.toml", try ws.read("asthra.toml") + "compiler = \"bin/asthrac\"\n")
        let configured = try AmpuProcess.run(["build", "--plan"], environment: plain, directory: ws.root)
        #expect(configured.stderr == """
            error[B001]: the Asthra compiler 'bin/asthrac' does not exist
             --> asthra.toml:7:12
              |
            7 | compiler = "bin/asthrac"
              |            ^^^^^^^^^^^^^ set here
              |
              = note: the path is relative to asthra.toml
              = help: correct the path, or remove `toolchain.compiler` to use $ASTHRA or 'asthra' from PATH

            error: could not build; the plan has errors (above)

            """)
        // A program spelt like the path is offered; a file that cannot be run is not one.
        try ws.write("bin/asthra", "#!/bin/sh\n")
        try ws.write("bin/asthrac.txt", "")
        #expect(chmod(ws.root + "/bin/asthra", 0o755) == 0)
        let respelt = try AmpuProcess.run(["build", "--plan"], environment: plain, directory: ws.root)
        #expect(respelt.stderr.hasPrefix("""
            error[B001]: the Asthra compiler 'bin/asthrac' does not exist
             --> asthra.toml:7:12
              |
            7 | compiler = "bin/asthrac"
              |            ^^^^^^^^^^^^^ set here
              |
              = note: the path is relative to asthra.toml
              = help: did you mean 'bin/asthra'?
              = help: correct the path, or remove `toolchain.compiler` to use $ASTHRA or 'asthra' from PATH

            """))
    }

    @Test("a [native] pattern that matches no file is a warning at it, with the close pattern that does match")
    func nativePatternMatchingNothing() throws {
        let ws = try BuildFixture("seed")
        try ws.write("util/asthra.toml", try ws.read("util/asthra.toml").replacingOccurrences(of: "sources = [\"csrc/*.c\"]", with: "sources = [\"crsc/*.c\"]"))
        let plan = try ws.ampu(["build", "--plan"])
        #expect(plan.status == 0)
        #expect(plan.stderr == """
            warning[B005]: 'crsc/*.c' matches no file in package 'util'
             --> util/asthra.toml:9:12
              |
            9 | sources = ["crsc/*.c"]
              |            ^^^^^^^^^^ no file matches
              |
              = help: did you mean 'csrc/*.c'?
              = help: the pattern is relative to the package root; correct it or remove it


            """)
    }

    @Test("in a member's directory, build, run and test are about that member (and what it needs), as Cargo chooses; --workspace builds the rest")
    func memberDirectory() throws {
        let ws = try BuildFixture("seed")
        let util = try ws.ampu(["build", "-j1"], in: "util")
        #expect(timeless(util.stderr) == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(util.status == 0)
        let run = try ws.ampu(["run", "-j1"], in: "util")
        #expect(run.stderr == "error: 'util' has no program to run; add src/main.asthra (a program named after the package), `entry = \"src/app.ast\"` under [package] or a [[bin]] with `name` and `path`\n")
        #expect(run.status == 1)
        // A program of another member, asked for by name: where it is.
        let elsewhere = try ws.ampu(["run", "-j1", "--bin", "app"], in: "util")
        #expect(elsewhere.stderr == """
            error: no program named 'app' in 'util', the package chosen here
              = help: it is a program of package 'app': `ampu run -p app --bin app`

            """)
        #expect(elsewhere.status == 1)
        let whole = try ws.ampu(["build", "-j1", "--workspace"], in: "util")
        #expect(timeless(whole.stderr).hasPrefix("   Compiling app\n"), "util is built already")
        #expect(whole.status == 0)
        #expect(try ws.ampu(["run", "-j1", "-p", "app", "--bin", "app"], in: "util").stdout == "hello from app\n")
        let tests = try ws.ampu(["test", "-j1"], in: "app/src")
        #expect(tests.stdout == "\nrunning 2 tests\ntest app/broken ... FAILED (exit status 3)\nexpected 4, found 5\ntest app/smoke ... ok\n\n1 passed, 1 failed\n")
        #expect(try ws.ampu(["test", "-j1"], in: "util").stdout == "\nrunning 0 tests\n\n0 passed, 0 failed\n")
    }

    @Test("at the root of a workspace that is a package, build, run and test are about that package, as Cargo's; --workspace and default-members choose others")
    func rootPackage() throws {
        let ws = try BuildFixture("rooted")
        let root = try ws.ampu(["build", "-j1"])
        #expect(timeless(root.stderr) == """
               Compiling util
               Compiling hub (bin "hub")
                 Linking hub (bin "hub")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(root.status == 0)
        let run = try ws.ampu(["run", "-j1"])
        #expect(run.stdout == "hello from hub\n")
        #expect(timeless(run.stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n     Running `target/debug/hub`\n")
        let whole = try ws.ampu(["build", "-j1", "--workspace"])
        #expect(timeless(whole.stderr) == """
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)

        // default-members says what the root is about instead.
        let manifest = try ws.read("asthra.toml")
        try ws.write("asthra.toml", manifest.replacingOccurrences(of: "members = [\"app\", \"util\"]\n", with: "members = [\"app\", \"util\"]\ndefault-members = [\"app\"]\n"))
        #expect(try ws.ampu(["run", "-j1"]).stdout == "hello from app\n")
        try ws.write("asthra.toml", manifest.replacingOccurrences(of: "members = [\"app\", \"util\"]\n", with: "members = [\"app\", \"util\"]\ndefault-members = [\".\", \"ap*\"]\n"))
        #expect(try ws.ampu(["run", "-j1"]).stderr == "error: packages 'hub' and 'app' have 2 programs; say which with --bin: hub, app\n")
        try ws.write("asthra.toml", manifest.replacingOccurrences(of: "members = [\"app\", \"util\"]\n", with: "members = [\"app\", \"util\"]\ndefault-members = []\n"))
        let none = try ws.ampu(["build", "-j1"])
        #expect(none.stderr == """
            error: no package to build: `default-members` in asthra.toml names none
              = help: name the members to build there, or choose here: `--workspace` for all of them, `-p NAME` for one

            """)
        #expect(none.status == 1)
        #expect(try ws.ampu(["build", "-j1", "-p", "app"]).status == 0, "a package named is built whatever default-members says")
    }

    @Test("--workspace --exclude builds every package but those (still built when another needs them), as Cargo's; a name that is no package is a warning")
    func exclude() throws {
        let ws = try BuildFixture("rooted")
        let build = try ws.ampu(["build", "-j1", "--workspace", "--exclude", "hub", "--exclude", "hbu"])
        #expect(timeless(build.stderr) == """
            warning: --exclude names 'hbu', which is not in the workspace; did you mean 'hub'?
              = help: the names are: util, hub, app

               Compiling util
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(build.status == 0)
        let all = try ws.ampu(["build", "--workspace", "--exclude", "hub", "--exclude", "app", "--exclude", "util"])
        #expect(all.stderr == "error: nothing to build: --exclude leaves none of the workspace's (util, hub, app)\n")
        #expect(all.status == 1)
        #expect(try ws.ampu(["build", "--workspace", "--exclude", "hub", "-p", "app"]).stderr
                == "error: --exclude takes packages out of --workspace's; with names given (app), only those are built\n")
        let alone = try ws.ampu(["test", "--exclude", "app"])
        #expect(alone.stderr.hasPrefix("error: --exclude can only be used together with --workspace\n"))
        #expect(alone.status != 0)
    }

    @Test("build --bin and --test build only those programs and what they need, as cargo build --bin; a name that is none is said with the names there are")
    func onlyProducts() throws {
        let ws = try BuildFixture("seed")
        let test = try ws.ampu(["build", "-j1", "--test", "smoke"])
        #expect(timeless(test.stderr) == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
               Compiling app
               Compiling app (test "smoke")
                 Linking app (test "smoke")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(test.status == 0)
        #expect(!ws.exists("target/debug/app"), "the program is not built")
        let program = try ws.ampu(["build", "-j1", "--bin", "app"])
        #expect(timeless(program.stderr) == """
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        let typo = try ws.ampu(["build", "--bin", "ap"])
        #expect(typo.stderr == "error: no program named 'ap'; did you mean 'app'? (there are: app)\n")
        #expect(typo.status == 1)
        #expect(try ws.ampu(["build", "--test", "nope"]).stderr == "error: no test program named 'nope' (there are: broken, smoke)\n")
    }

    @Test("a default member that is not a member is an error at it (M030), with the members and the one meant")
    func defaultMemberNotAMember() throws {
        let ws = try BuildFixture("rooted")
        try ws.scratch.write("ws/other/asthra.toml", "[package]\nname = \"other\"\nversion = \"0.1.0\"\n")
        let manifest = try ws.read("asthra.toml")
        try ws.write("asthra.toml", manifest.replacingOccurrences(of: "members = [\"app\", \"util\"]\n", with: "members = [\"app\", \"util\"]\ndefault-members = [\"utl\", \"other\", \"o*\"]\n"))
        let check = try ws.ampu(["check"])
        #expect(check.stderr == """
            error[M030]: default member 'utl' is not a member of the workspace
              --> asthra.toml:12:20
               |
            12 | default-members = ["utl", "other", "o*"]
               |                    ^^^^^
               |
               = help: the members are: '.' (the root package), app, util
               = help: did you mean 'util'?

            error[M030]: default member 'other' is not a member of the workspace
              --> asthra.toml:12:27
               |
            12 | default-members = ["utl", "other", "o*"]
               |                           ^^^^^^^
               |
               = help: the members are: '.' (the root package), app, util
               = help: add "other" to `members` as well

            error[M030]: default member pattern 'o*' matches 'other', which is not a member of the workspace
              --> asthra.toml:12:36
               |
            12 | default-members = ["utl", "other", "o*"]
               |                                    ^^^^
               |
               = help: the members are: '.' (the root package), app, util
               = help: add it to `members`, or write a pattern that names members only

            error: check failed: 3 errors, 0 warnings in 3 packages, 3 modules

            """)
        #expect(check.status == 1)
        let json = try ws.ampu(["check", "--message-format", "json"])
        #expect(json.stdout.split(separator: "\n").first == #"""
            {"file":"asthra.toml","line":12,"column":20,"endLine":12,"endColumn":25,"severity":"error","code":"M030","message":"default member 'utl' is not a member of the workspace","help":["the members are: '.' (the root package), app, util","did you mean 'util'?"],"related":[],"fix":{"title":"Use 'util'","edits":[{"file":"asthra.toml","line":12,"column":20,"endLine":12,"endColumn":25,"newText":"\"util\""}],"certain":false}}
            """#, "the fix writes the member meant")
        #expect(json.stdout.split(separator: "\n").dropFirst().first == #"""
            {"file":"asthra.toml","line":12,"column":27,"endLine":12,"endColumn":34,"severity":"error","code":"M030","message":"default member 'other' is not a member of the workspace","help":["the members are: '.' (the root package), app, util","add \"other\" to `members` as well"],"related":[],"fix":{"title":"Add 'other' to the workspace's members","edits":[{"file":"asthra.toml","line":11,"column":25,"endLine":11,"endColumn":25,"newText":", \"other\""}],"certain":false}}
            """#, "a package there that members does not name: the fix adds it")
    }

    @Test("a C source added where `[native] sources` looks is built by the next build, and one taken away is left out: the kept plan stands while the names there do")
    func nativeSourcesFollowTheirDirectories() throws {
        let ws = try BuildFixture("seed")
        let finished = "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n"
        #expect(try ws.ampu(["build", "-j1"]).status == 0)
        try ws.write("util/csrc/extra.c", "int extra(void) { return 2; }\n")
        var result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == """
               Compiling util (native csrc/extra.c)
               Archiving util (native)
                 Linking app (bin "app")

            """ + finished)
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == finished)
        try FileManager.default.removeItem(atPath: ws.root + "/util/csrc/extra.c")
        result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == """
               Archiving util (native)
                 Linking app (bin "app")

            """ + finished)
        #expect(try ws.ampu(["build", "--plan"]).stdout.contains("    ar rcs target/debug/deps/libutil_native.a target/debug/build/util/native/csrc/clamp.c.o\n"))
        // A pattern naming one file that is not there yet: a warning, kept with the plan while
        // the file's directory has no such name; once it is there, it is built.
        try ws.write("util/asthra.toml", try ws.read("util/asthra.toml").replacing(#"sources = ["csrc/*.c"]"#, with: #"sources = ["csrc/*.c", "gen/later.c"]"#))
        let warning = """
            warning[B005]: 'gen/later.c' matches no file in package 'util'
             --> util/asthra.toml:9:24
              |
            9 | sources = ["csrc/*.c", "gen/later.c"]
              |                        ^^^^^^^^^^^^^ no file matches
              |
              = help: the pattern is relative to the package root; correct it or remove it


            """
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == warning + finished)
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == warning + finished)
        try ws.write("util/gen/later.c", "int later(void) { return 3; }\n")
        result = try ws.ampu(["build", "-j1"])
        #expect(timeless(result.stderr) == """
               Compiling util (native gen/later.c)
               Archiving util (native)
                 Linking app (bin "app")

            """ + finished)
        #expect(timeless(try ws.ampu(["build", "-j1"]).stderr) == finished)
    }

    @Test("a root package's `**/*.c` takes its own C files: not what lies in target/, nor a member's (as its own sources are walked)")
    func nativeGlobSkipsOutputAndMembers() throws {
        let ws = try BuildFixture("rooted")
        try ws.write("asthra.toml", try ws.read("asthra.toml") + "\n[native]\nsources = [\"**/*.c\"]\n")
        try ws.write("csrc/hub.c", "int hub(void) { return 1; }\n")
        try ws.write("util/csrc/util.c", "int util(void) { return 2; }\n")
        try ws.write("target/old/generated.c", "int generated(void) { return 3; }\n")
        let plan = try ws.ampu(["build", "--plan"])
        #expect(plan.status == 0)
        #expect(plan.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }.joined(separator: "\n") == """
            [1] Compiling hub (native csrc/hub.c)
            [2] Archiving hub (native)
            [3] Compiling util
            [4] Compiling hub (bin "hub")
            [5] Linking hub (bin "hub")
            """)
    }

    @Test("clean removes target/, one profile, the libraries or the fingerprints, and says how many files and bytes went")
    func clean() throws {
        let ws = try BuildFixture("today")
        #expect(try ws.ampu(["build"]).status == 0)
        #expect(try ws.ampu(["build", "--release"]).status == 0)
        /// What is under `sub`, counted as Cargo counts it: files (not directories) and their bytes.
        func usage(_ sub: String) throws -> (files: Int, bytes: Int) {
            var files = 0, bytes = 0
            for case let name as String in FileManager.default.enumerator(atPath: ws.root + "/" + sub)! {
                let attributes = try FileManager.default.attributesOfItem(atPath: ws.root + "/" + sub + "/" + name)
                guard attributes[.type] as? FileAttributeType != .typeDirectory else { continue }
                files += 1
                bytes += (attributes[.size] as! NSNumber).intValue
            }
            return (files, bytes)
        }
        func removed(_ sub: String, more: (files: Int, bytes: Int) = (0, 0)) throws -> String {
            let (files, bytes) = try usage(sub)
            return "     Removed \(files + more.files) file\(files + more.files == 1 ? "" : "s"), \(OutputRemoval.size(bytes + more.bytes)) total (\(sub))\n"
        }
        let release = try removed("target/release")
        #expect(release.hasPrefix("     Removed 1 file, "), "the program alone")
        #expect(try ws.ampu(["clean", "--profile", "release"]).stderr == release)
        #expect(ws.exists("target/debug/today") && !ws.exists("target/release"))
        let cache = try removed("target/cache")
        #expect(try ws.ampu(["clean", "--cache"]).stderr == cache)
        // Today's compiler builds no libraries: there are none to remove, and the message says what was looked for.
        #expect(try ws.ampu(["clean", "--deps"]).stderr == "     Nothing to remove (target/*/deps does not exist)\n")
        let rebuilt = try ws.ampu(["build"])
        #expect(timeless(rebuilt.stderr).hasPrefix("   Compiling today (bin \"today\")\n"), "without fingerprints everything runs again")
        let target = try removed("target")
        // A dry run counts the same and removes nothing, as `cargo clean --dry-run`.
        let dry = try ws.ampu(["clean", "--dry-run"])
        #expect(dry.stderr == target.replacingOccurrences(of: "Removed", with: "Summary") + "warning: no files deleted due to --dry-run\n")
        #expect(try removed("target") == target)
        #expect(try ws.ampu(["clean"]).stderr == target)
        #expect(!ws.exists("target"))
        #expect(try ws.ampu(["build", "-q"]).status == 0)
        let quiet = try ws.ampu(["clean", "-q"])
        #expect(quiet.stderr == "" && quiet.status == 0 && !ws.exists("target"))
        #expect(try ws.ampu(["clean"]).stderr == "     Nothing to remove (target does not exist)\n")
        // A file a program wrote under target/ with a name that is not UTF-8 goes with the rest,
        // and is counted.
        #expect(try ws.ampu(["build", "-q"]).status == 0)
        let built = try removed("target", more: (1, 3))
        let name = Array((ws.root + "/target/debug/out").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0]
        let fd = open(name, O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0 && write(fd, "abc", 3) == 3)
        close(fd)
        let cleaned = try ws.ampu(["clean"])
        #expect(cleaned.stderr == built)
        #expect(cleaned.status == 0 && !ws.exists("target"))
    }

    @Test("clean -p removes what one package's actions wrote and their fingerprints, as cargo clean -p: the next build runs those again, and nothing else")
    func cleanPackage() throws {
        let ws = try BuildFixture("seed")
        #expect(try ws.ampu(["build", "--tests", "-j1"]).status == 0)
        // util's library, its C object with the dependency file cc wrote beside it, and their archive.
        let outputs = ["target/debug/deps/libutil.a", "target/debug/build/util/native/csrc/clamp.c.o", "target/debug/build/util/native/csrc/clamp.c.d",
                       "target/debug/deps/libutil_native.a"]
        var bytes = 0
        for output in outputs { bytes += (try FileManager.default.attributesOfItem(atPath: ws.root + "/" + output)[.size] as! NSNumber).intValue }
        // A dry run counts each file once (the dependency file is an output too) and keeps them
        // all, the fingerprints included: the next build has nothing to do.
        let dry = try ws.ampu(["clean", "-p", "util", "-n"])
        #expect(dry.stderr == "     Summary 4 files, \(OutputRemoval.size(bytes)) total (the output of 'util')\nwarning: no files deleted due to --dry-run\n")
        #expect(outputs.allSatisfy { ws.exists($0) })
        #expect(timeless(try ws.ampu(["build", "--tests"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        let clean = try ws.ampu(["clean", "-p", "util"])
        #expect(clean.stderr == "     Removed 4 files, \(OutputRemoval.size(bytes)) total (the output of 'util')\n")
        #expect(clean.status == 0)
        #expect(outputs.allSatisfy { !ws.exists($0) } && ws.exists("target/debug/app"))
        // util's actions run again; what reads their outputs finds them as they were.
        let rebuilt = try ws.ampu(["build", "--tests", "-j1"])
        #expect(timeless(rebuilt.stderr) == """
               Compiling util (native csrc/clamp.c)
               Compiling util
               Archiving util (native)
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(try ws.ampu(["clean", "-p", "util", "--profile", "release"]).stderr == "     Nothing to remove (the output of 'util' does not exist)\n")
        let unknown = try ws.ampu(["clean", "-p", "utl"])
        #expect(unknown.stderr == "error: no package named 'utl' is built in the 'debug' profile; did you mean 'util'? (the packages are: util, app)\n")
        #expect(unknown.status == 1)
        let both = try ws.ampu(["clean", "-p", "util", "--cache"])
        #expect(both.stderr.hasPrefix("error: -p removes what a package's actions wrote; --cache removes more: give one\n"))
    }

    @Test("profiles: [profile.NAME] inherits and overrides; an unknown one is named with the ones there are")
    func profiles() throws {
        let ws = try BuildFixture("today")
        try ws.write("asthra.toml", try ws.read("asthra.toml") + "\n[profile.bench]\ninherits = \"release\"\ndebug = true\n")
        let plan = try ws.ampu(["build", "--plan", "--profile", "bench"])
        #expect(plan.stdout.hasPrefix("Plan for the 'bench' profile [optimized + debuginfo]: 1 action in target/bench\n"))
        let unknown = try ws.ampu(["build", "--profile", "bnech"])
        #expect(unknown.stderr == """
            error[B006]: no profile named 'bnech'
              = help: did you mean 'bench'?
              = help: define it as [profile.bnech] with `inherits = "release"`, or use one of: debug, release, bench


            """)
        #expect(unknown.status == 1)
    }
}
