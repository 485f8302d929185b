import Foundation
import Testing

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
                reads 1 file, writes target/common_pkg.o, target/common_pkg.oats.meta

            [2] Compiling utils
                \(oatscStandIn) --package-root \(f.scratch.path)/utils --extern-pkg common=target/common_pkg.oats.meta -o target/utils_pkg.o
                reads 2 files, writes target/utils_pkg.o, target/utils_pkg.oats.meta
                after [1]

            [3] Compiling app
                \(oatscStandIn) --package-root \(f.app) --extern-pkg common=target/common_pkg.oats.meta --extern-pkg utils=target/utils_pkg.oats.meta -o target/app_pkg.o
                reads 5 files, writes target/app_pkg.o, target/app_pkg.oats.meta
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
            error[B002]: Compiling utils failed: 'oatsc' exited with status 139
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

        let noCompiler = try f.ampu(["build"], extra: ["OATSC": ""])
        #expect(noCompiler.stderr.hasPrefix("error[B001]: the Oats compiler was not found: $OATSC is not set and no 'oatsc' is on PATH\n"))
        #expect(noCompiler.status == 1)
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
