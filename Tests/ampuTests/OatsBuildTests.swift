import Foundation
import Testing
import TestSupport

/// The Oats compiler cannot be built here: this stand-in honours both of oatsc's command lines,
/// writes real objects with `cc` and a `.oats.meta`, and fails on markers (see its header).
let oatscStandIn = fixtures + "/standin/oatsc"

/// The seed's multi-package example (`app`, `common`, `utils`) copied into a scratch directory,
/// with a runtime library built from the stand-in runtime.
final class OatsFixture {
    let scratch: ScratchDirectory
    var app: String { scratch.path + "/app" }
    var runtime: String { scratch.path + "/rt/libruntime.a" }

    init() throws {
        scratch = try ScratchDirectory()
        let examples = URL(fileURLWithPath: fixtures).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/oats").path
        for package in ["app", "common", "utils"] {
            try FileManager.default.copyItem(atPath: examples + "/" + package, toPath: scratch.path + "/" + package)
        }
        try FileManager.default.createDirectory(atPath: scratch.path + "/rt", withIntermediateDirectories: true)
        for argv in [["cc", "-c", fixtures + "/standin/oats-runtime/runtime.c", "-o", scratch.path + "/rt/runtime.o"], ["ar", "rcs", runtime, scratch.path + "/rt/runtime.o"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = argv
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
    }

    var environment: [String: String] { plain.merging(["OATSC": oatscStandIn, "OATS_RUNTIME": runtime, "CC": "cc"]) { _, new in new } }

    func ampu(_ arguments: [String], extra: [String: String] = [:]) throws -> AmpuProcess.Result {
        try AmpuProcess.run(arguments, environment: environment.merging(extra) { _, new in new }, directory: app)
    }

    func write(_ relative: String, _ text: String) throws { try scratch.write(relative, text) }
    func read(_ relative: String) throws -> String { try scratch.read(relative) }
    func append(_ relative: String, _ text: String) throws { try write(relative, try read(relative) + text) }

    /// Every file under app/target/ but the build's own records, sorted.
    func targetFiles() -> [String] {
        let base = app + "/target"
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        return e.compactMap { $0 as? String }.filter { !$0.hasPrefix("cache") && !FileManager.default.isDirectory(base + "/" + $0) && $0 != ".ampu-lock" }.sorted()
    }

    func runProgram() throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: app + "/target/app")
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}

@Suite("ampu build for Oats")
struct OatsBuildTests {
    @Test("the seed's example: the plan, each package in order, the link with the runtime, the seed's target/ layout, a program that runs")
    func build() throws {
        let f = try OatsFixture()
        let plan = try f.ampu(["build", "--plan"])
        #expect(plan.stdout == """
            Plan for the 'debug' profile [unoptimized + debuginfo]: 4 actions in target/debug

            [1] Compiling common
                \(oatscStandIn) --package-root \(f.scratch.path)/common -o target/common_pkg.o
                reads 2 files, writes target/common_pkg.o, target/common_pkg.oats.meta

            [2] Compiling utils
                \(oatscStandIn) --package-root \(f.scratch.path)/utils --extern-pkg common=target/common_pkg.oats.meta -o target/utils_pkg.o
                reads 3 files, writes target/utils_pkg.o, target/utils_pkg.oats.meta
                after [1]

            [3] Compiling app
                \(oatscStandIn) --package-root \(f.app) --extern-pkg common=target/common_pkg.oats.meta --extern-pkg utils=target/utils_pkg.oats.meta -o target/app_pkg.o
                reads 6 files, writes target/app_pkg.o, target/app_pkg.oats.meta
                after [1] [2]

            [4] Linking app
                cc -o target/app target/common_pkg.o target/utils_pkg.o target/app_pkg.o \(f.runtime) -O0 -g
                reads 4 files, writes target/app
                after [1] [2] [3]

            """)
        let built = try f.ampu(["build"])
        #expect(timeless(built.stderr) == """
               Compiling common
               Compiling utils
               Compiling app
                 Linking app
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(built.status == 0)
        #expect(f.targetFiles() == ["app", "app_pkg.o", "app_pkg.oats.meta", "common_pkg.o", "common_pkg.oats.meta", "utils_pkg.o", "utils_pkg.oats.meta"])
        #expect(try f.read("app/target/utils_pkg.oats.meta") == "name = \"utils\"\nfunction oats_pkg_utils(): number;\nfunction format(): number;\n")
        #expect(try f.runProgram() == "common\nutils\napp\n")
        let run = try f.ampu(["run"])
        #expect(run.stdout == "common\nutils\napp\n")
        #expect(timeless(run.stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n     Running `target/app`\n")
    }

    @Test("incremental: a body change recompiles its package and relinks; an interface change recompiles its dependents too; nothing changed, nothing runs")
    func incremental() throws {
        let f = try OatsFixture()
        #expect(try f.ampu(["build"]).status == 0)
        #expect(timeless(try f.ampu(["build", "-v"]).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        try f.append("utils/src/lib.oats", "// a comment changes the object, not the meta\n")
        let body = try f.ampu(["build", "-v"])
        #expect(timeless(body.stderr) == """
                   Dirty utils: '\(f.scratch.path)/utils/src/lib.oats' changed
                 Running `\(oatscStandIn) --package-root \(f.scratch.path)/utils --extern-pkg common=target/common_pkg.oats.meta -o target/utils_pkg.o`
               Compiling utils
                   Dirty app: 'target/utils_pkg.o' changed
                 Running `cc -o target/app target/common_pkg.o target/utils_pkg.o target/app_pkg.o \(f.runtime) -O0 -g`
                 Linking app
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        try f.append("utils/src/lib.oats", "export function extra(): number { return 1; }\n")
        let interface = try f.ampu(["build"])
        #expect(timeless(interface.stderr) == """
               Compiling utils
               Compiling app
                 Linking app
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(try f.runProgram() == "common\nutils\napp\n")
    }

    @Test("the runtime library taken from where OATS_RUNTIME names and put in target/release/: the next build links the one there, as a fresh plan would")
    func runtimeMoves() throws {
        let f = try OatsFixture()
        let named = f.scratch.path + "/elsewhere/libruntime.a"
        try FileManager.default.createDirectory(atPath: f.scratch.path + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: f.runtime, toPath: named)
        let first = try f.ampu(["build"], extra: ["OATS_RUNTIME": named])
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.removeItem(atPath: named)
        try FileManager.default.createDirectory(atPath: f.app + "/target/release", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: f.runtime, toPath: f.app + "/target/release/libruntime.a")
        let moved = try f.ampu(["build"], extra: ["OATS_RUNTIME": named])
        #expect(timeless(moved.stderr) == "     Linking app\n    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        #expect(try f.ampu(["build", "--plan"], extra: ["OATS_RUNTIME": named]).stdout.contains(" target/release/libruntime.a"))
    }

    @Test("the kept plan is made again when what it read of a file changes though the imports did not: main taken out of the entry and put back, an export of a dependency today's oatsc is told of")
    func planFollowsEntryPointAndExports() throws {
        let f = try OatsFixture()
        #expect(try f.ampu(["build"]).status == 0)
        let main = try f.read("app/src/main.oats")
        try f.write("app/src/main.oats", main.replacingOccurrences(of: "export function main()", with: "export function start()"))
        let library = try f.ampu(["build"])
        // A library now: compiled, nothing linked (the plan kept from the last build would link a program without main).
        #expect(timeless(library.stderr) == "   Compiling app\n    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        // Not the text the program was linked from: its object differs, and it is linked again.
        try f.write("app/src/main.oats", main + "// again\n")
        let program = try f.ampu(["build"])
        #expect(timeless(program.stderr) == "   Compiling app\n     Linking app\n    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        #expect(try f.runProgram() == "common\nutils\napp\n")

        let current = ["OATSC_STANDIN_FORM": "current"]
        #expect(try f.ampu(["build"], extra: current).status == 0)
        try f.append("utils/src/lib.oats", "export function extra(): number { return 1; }\n")
        #expect(try f.ampu(["build", "-v"], extra: current).stderr.contains("--extern-oats utils=format,extra --out-name app_pkg"))
    }

    @Test("today's oatsc: detected from its --help, or chosen in [build]; each dependency's exports passed as --extern-oats")
    func currentForm() throws {
        let f = try OatsFixture()
        let detected = try f.ampu(["build", "--plan"], extra: ["OATSC_STANDIN_FORM": "current"])
        #expect(detected.stdout.contains("""
            [3] Compiling app
                \(oatscStandIn) \(f.app)/src/main.oats --extern-oats common= --extern-oats utils=format --out-name app_pkg --emit-object-only
                reads 5 files, writes target/app_pkg.o
                after [1] [2]
            """))
        try f.write("app/Oats.toml", try f.read("app/Oats.toml") + "\n[build]\ncompiler-cli = \"current\"\n")
        let built = try f.ampu(["build"])
        #expect(built.status == 0)
        #expect(f.targetFiles() == ["app", "app_pkg.o", "common_pkg.o", "utils_pkg.o"])
        #expect(try f.runProgram() == "common\nutils\napp\n")
    }

    @Test("bad input: a compile error, a crash, a hang, no meta, no runtime, no compiler; each names the package and what to do")
    func failures() throws {
        let f = try OatsFixture()
        try f.append("utils/src/lib.oats", "// STANDIN_ERROR\n")
        let command = "\(oatscStandIn) --package-root \(f.scratch.path)/utils --extern-pkg common=target/common_pkg.oats.meta -o target/utils_pkg.o"
        let error = try f.ampu(["build"])
        #expect(error.stderr == """
               Compiling common
            error: cannot compile this
             --> ../utils/src/lib.oats:7:4
              |
            7 | // STANDIN_ERROR
              |    ^^^^^^^^^^^^^

            error[B002]: Compiling utils failed: 'oatsc' exited with status 1
              = note: the command was: \(command)

            error: could not build; 1 action failed; 2 not started

            """)
        #expect(error.status == 1)

        try f.write("utils/src/lib.oats", try f.read("utils/src/lib.oats").replacingOccurrences(of: "// STANDIN_ERROR", with: "// STANDIN_NO_META"))
        let noMeta = try f.ampu(["build"])
        #expect(noMeta.stderr == """
            error[B004]: Compiling utils succeeded but did not write 'target/utils_pkg.oats.meta'
              = note: the command was: \(command)
              = help: check the compiler's command line (`ampu build --plan`): it must write the file named after -o

            error: could not build; 1 action failed; 2 not started

            """)
        // Nothing that looks built is left behind.
        #expect(!FileManager.default.fileExists(atPath: f.app + "/target/utils_pkg.o"))

        try f.write("utils/src/lib.oats", try f.read("utils/src/lib.oats").replacingOccurrences(of: "// STANDIN_NO_META", with: "// STANDIN_CRASH"))
        let crash = try f.ampu(["build"])
        #expect(crash.stderr == """
            error[B002]: Compiling utils failed: 'oatsc' was ended by signal 11, SIGSEGV
              = note: the command was: \(command)

            error: could not build; 1 action failed; 2 not started

            """)
        #expect(crash.status == 1)

        try f.write("utils/src/lib.oats", try f.read("utils/src/lib.oats").replacingOccurrences(of: "// STANDIN_CRASH", with: "// STANDIN_LOOP"))
        try f.write("app/Oats.toml", try f.read("app/Oats.toml") + "\n[build]\ntimeout = 1\n")
        let hang = try f.ampu(["build"])
        #expect(hang.stderr == """
            error[B003]: Compiling utils ran for more than 1 second and was stopped
              = note: the command was: \(command)
              = help: raise `timeout` under [build] if it needs longer; a compiler that never ends may be looping on its input

            error: could not build; 1 action failed; 2 not started

            """)
        #expect(hang.status == 1)

        try f.write("utils/src/lib.oats", try f.read("utils/src/lib.oats").replacingOccurrences(of: "// STANDIN_LOOP", with: ""))
        let noRuntime = try f.ampu(["build"], extra: ["OATS_RUNTIME": f.scratch.path + "/nowhere/libruntime.a"])
        #expect(noRuntime.stderr == """
            error[O003]: the Oats runtime library libruntime.a was not found, so 'app' cannot be linked
             --> Oats.toml:1:2
              |
            1 | [package]
              |  ^^^^^^^
              |
              = note: looked in: \(f.scratch.path)/nowhere/libruntime.a, target/release/libruntime.a, \(fixtures)/standin/libruntime.a, \(fixtures)/lib/libruntime.a
              = help: set OATS_RUNTIME=/path/to/libruntime.a, or put the runtime in target/release/ as the seed's toasty does

               Compiling utils
               Compiling app
            error: could not build; the plan has errors (above)

            """)
        #expect(noRuntime.status == 1)
        // A directory holding it serves as well as the file itself.
        let byDirectory = try f.ampu(["build"], extra: ["OATS_RUNTIME": f.scratch.path + "/rt"])
        #expect(timeless(byDirectory.stderr).hasSuffix("     Linking app\n    Finished `debug` profile [unoptimized + debuginfo] in [time]\n"), "\(byDirectory.stderr)")
        #expect(byDirectory.status == 0)

        let noCompiler = try f.ampu(["build"], extra: ["OATSC": ""])
        #expect(noCompiler.stderr == """
            error[B001]: the Oats compiler was not found: $OATSC is not set and no 'oatsc' is on PATH
              = note: PATH is /usr/bin:/bin
              = help: install oatsc and put its directory on PATH, or set OATSC=/path/to/oatsc

            error: could not build; 4 not started; the plan has errors (above)

            """)
        #expect(noCompiler.status == 1)
        // Without it, tree still draws the packages: the plan is made, its compiles blocked.
        let tree = try f.ampu(["tree"], extra: ["OATSC": ""])
        #expect(tree.stdout == "app\n├── common\n└── utils\n    └── common\n")
        #expect(tree.stderr == "")
        // Nor is a missing runtime library tree's or graph's concern.
        let noRuntimeTree = try f.ampu(["tree"], extra: ["OATS_RUNTIME": f.scratch.path + "/nowhere/libruntime.a"])
        #expect(noRuntimeTree.stdout == tree.stdout)
        #expect(noRuntimeTree.stderr == "")
        let noRuntimeGraph = try f.ampu(["graph"], extra: ["OATS_RUNTIME": f.scratch.path + "/nowhere/libruntime.a"])
        #expect(noRuntimeGraph.stderr == "")
        #expect(noRuntimeGraph.status == 0)
    }

    @Test("the seed's troubleshooting rows stop a build with check's errors: a cycle, a missing path, a name mismatch")
    func troubleshooting() throws {
        let f = try OatsFixture()
        try f.write("utils/Oats.toml", try f.read("utils/Oats.toml").replacingOccurrences(of: "common = { path = \"../common\" }", with: "common = { path = \"../common\" }\napp = { path = \"../app\" }"))
        try f.write("app/Oats.toml", try f.read("app/Oats.toml") + "missing = { path = \"../missing\" }\nhelpers = { path = \"../common\" }\n")
        let result = try f.ampu(["build", "--message-format", "short"])
        #expect(result.stderr == """
            Oats.toml:9:1: error[M018]: package cycle: app → utils → app
            Oats.toml:10:20: error[M007]: path dependency 'missing' points to '../missing', which does not exist
            Oats.toml:11:1: error[M008]: path dependency 'helpers' points to a package named 'common'
            error: could not build: `ampu check` found 3 errors

            """)
        #expect(result.status == 1)
    }

    @Test("build.ninja and compile_commands.json for the same plan; ninja builds a program that runs")
    func exports() throws {
        let f = try OatsFixture()
        #expect(try f.ampu(["gen", "ninja"]).status == 0)
        let ninja = Process()
        ninja.executableURL = URL(fileURLWithPath: "/usr/bin/ninja")
        ninja.currentDirectoryURL = URL(fileURLWithPath: f.app)
        ninja.environment = f.environment
        ninja.standardOutput = FileHandle.nullDevice
        try ninja.run()
        ninja.waitUntilExit()
        #expect(ninja.terminationStatus == 0)
        #expect(try f.runProgram() == "common\nutils\napp\n")
        let commands = try f.ampu(["compile-commands", "--output", "-"])
        #expect(commands.stdout.contains(#""arguments": ["\#(oatscStandIn)", "--package-root", "\#(f.scratch.path)/utils", "--extern-pkg", "common=target/common_pkg.oats.meta", "-o", "target/utils_pkg.o"], "file": "\#(f.scratch.path)/utils/src/lib.oats""#))
    }
}

/// ampu run under the name `toasty` (a link, as the README's set-up makes one).
@Suite("toasty")
struct ToastyTests {
    func toasty(_ f: OatsFixture, _ arguments: [String], in directory: String? = nil) throws -> AmpuProcess.Result {
        let link = f.scratch.path + "/bin/toasty"
        if !FileManager.default.fileExists(atPath: link) {
            try FileManager.default.createDirectory(atPath: f.scratch.path + "/bin", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: AmpuProcess.executable.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: link)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? f.app)
        process.environment = ProcessInfo.processInfo.environment.merging(f.environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return AmpuProcess.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("toasty --verbose build: manifest discovery, the graph, the order, each compile and the link")
    func verboseBuild() throws {
        let f = try OatsFixture()
        let result = try toasty(f, ["--verbose", "build"])
        #expect(timeless(result.stderr) == """
            note: Found manifest: \(f.app)/Oats.toml
            note: Package graph: common; utils → common; app → common, utils
            note: Build order: common → utils → app
                   Dirty common: not built before
                 Running `\(oatscStandIn) --package-root \(f.scratch.path)/common -o target/common_pkg.o`
               Compiling common
                   Dirty utils: not built before
                 Running `\(oatscStandIn) --package-root \(f.scratch.path)/utils --extern-pkg common=target/common_pkg.oats.meta -o target/utils_pkg.o`
               Compiling utils
                   Dirty app: not built before
                 Running `\(oatscStandIn) --package-root \(f.app) --extern-pkg common=target/common_pkg.oats.meta --extern-pkg utils=target/utils_pkg.oats.meta -o target/app_pkg.o`
               Compiling app
                   Dirty app: not built before
                 Running `cc -o target/app target/common_pkg.o target/utils_pkg.o target/app_pkg.o \(f.runtime) -O0 -g`
                 Linking app
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(result.status == 0)
        // Right after the build, run finds the program without reading a fingerprint: with them
        // gone, nothing is compiled again.
        try FileManager.default.removeItem(atPath: f.app + "/target/cache/fingerprints/log")
        let run = try toasty(f, ["run"])
        #expect(run.stdout == "common\nutils\napp\n")
        #expect(!run.stderr.contains("Compiling"))
        #expect(run.status == 0)
    }

    @Test("the options: --release, --out-dir, --out-name, --linker, --opt-level, --lto reach the link")
    func options() throws {
        let f = try OatsFixture()
        let result = try toasty(f, ["--verbose", "build", "--release", "--out-dir", "dist", "--out-name", "hello", "--linker", "gcc", "--opt-level", "default", "--lto", "full"])
        #expect(result.stderr.contains("Running `gcc -o dist/hello target/common_pkg.o target/utils_pkg.o target/app_pkg.o \(f.runtime) -O2 -flto`"))
        #expect(result.stderr.contains("Finished `release` profile [optimized] in"))
        #expect(result.status == 0)
        #expect(FileManager.default.isExecutableFile(atPath: f.app + "/dist/hello"))
        let bad = try toasty(f, ["build", "--opt-level", "max"])
        #expect(bad.stderr.contains("--opt-level must be none, default or aggressive, not 'max'"))
        #expect(bad.status != 0)
    }

    @Test("[build] profile is the profile of a build that names none; --profile dev still names the debug one")
    func defaultProfile() throws {
        let f = try OatsFixture()
        try f.append("app/Oats.toml", "\n[build]\nprofile = \"release\"\n")
        let plain = try f.ampu(["build"])
        #expect(timeless(plain.stderr).hasSuffix("    Finished `release` profile [optimized] in [time]\n"), "\(plain.stderr)")
        #expect(plain.status == 0)
        let named = try f.ampu(["build", "--profile", "dev"])
        #expect(timeless(named.stderr).hasSuffix("    Finished `dev` profile [unoptimized + debuginfo] in [time]\n"), "\(named.stderr)")
        #expect(named.status == 0)
    }

    @Test("single-file mode: no Oats.toml, a file built with today's oatsc into the current directory; none at all is an error")
    func singleFile() throws {
        let f = try OatsFixture()
        try f.write("loose/hello.oats", "export function main(): number {\n    return 0;\n}\n")
        let result = try toasty(f, ["build", "hello.oats"], in: f.scratch.path + "/loose")
        #expect(timeless(result.stderr) == """
            note: No Oats.toml found, using single-file mode
               Compiling hello
                 Linking hello
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(result.status == 0)
        let run = try toasty(f, ["run", "hello.oats"], in: f.scratch.path + "/loose")
        #expect(run.stdout == "hello\n")
        try FileManager.default.createDirectory(atPath: f.scratch.path + "/empty", withIntermediateDirectories: true)
        let none = try toasty(f, ["build"], in: f.scratch.path + "/empty")
        #expect(none.stderr == "error: no Oats.toml in '\(f.scratch.path)/empty' or any parent, and no file to build; run `toasty new NAME`, or give a .oats file: `toasty build main.oats`\n")
        #expect(none.status == 1)
    }

    @Test("toasty new makes a package that toasty builds")
    func new() throws {
        let f = try OatsFixture()
        let made = try toasty(f, ["new", "hello_app"], in: f.scratch.path)
        #expect(made.stderr == "Created program package 'hello_app' in \(f.scratch.path)/hello_app\n")
        let built = try toasty(f, ["run"], in: f.scratch.path + "/hello_app")
        #expect(built.stdout == "hello_app\n")
        #expect(built.status == 0)
    }
}

@Suite("Oats corpus")
struct OatsCorpusTests {
    static let corpus = URL(fileURLWithPath: fixtures).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/oats").path

    /// A copy of the corpus beside the example's fixture (for its stand-in and runtime); nil,
    /// saying so, without ../shared.
    func corpusCopy() throws -> (OatsFixture, String)? {
        guard FileManager.default.fileExists(atPath: Self.corpus) else {
            print("skipped: ../shared/corpora/oats is not here")
            return nil
        }
        let f = try OatsFixture()
        let copy = f.scratch.path + "/corpus"
        try FileManager.default.copyItem(atPath: Self.corpus, toPath: copy)
        return (f, copy)
    }

    @Test("the real packages plan without a false error", arguments: ["pkg_test/myapp", "multi_file", "generated/toasty-new/hello_app"])
    func plans(_ package: String) throws {
        guard let (f, copy) = try corpusCopy() else { return }
        let result = try AmpuProcess.run(["build", "--plan"], environment: f.environment, directory: copy + "/" + package)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Compiling"))
    }

    @Test("toasty new --lib's manifest names no entry: the true error, and only it")
    func libraryWithoutEntry() throws {
        guard let (f, copy) = try corpusCopy() else { return }
        let result = try AmpuProcess.run(["build", "--plan", "--message-format", "short"], environment: f.environment, directory: copy + "/generated/toasty-new/hello_lib")
        #expect(result.stderr == "Oats.toml:1:2: error[O002]: the default entry 'src/main.oats' of package 'hello_lib' does not exist\nerror: could not build: `ampu check` found 1 error\n")
        #expect(result.status == 1)
    }
}
