import Foundation
import Testing
import TestSupport

/// An incremental build ends where a build from nothing ends. A small workspace of two
/// libraries is edited at random, step by step (a module's text, its imports, a module added,
/// removed or only touched, the workspace's optimisation); after each step `ampu build` runs on it, and on
/// a copy of its sources with no target/. The stand-in compiler writes, as each library, what
/// it read (its arguments, and each file with its SHA-256): the two builds must agree on
/// whether they succeed and on every library, byte for byte. A build that missed a change
/// (or rebuilt from a stale plan) leaves a library that names old contents.
@Suite("incremental builds against builds from nothing", .serialized)
struct IncrementalBuildPropertyTests {

    /// A module: its imports (other modules of its package) and a line of text.
    struct Module { var imports: [String]; var text: String }

    final class Workspace {
        let scratch: ScratchDirectory
        var modules: [String: [String: Module]] = ["core": [:], "util": [:]]
        /// `[build] optimization_level` of the workspace, when set.
        var level: Int?
        var counter = 0
        var root: String { scratch.path + "/ws" }

        init() throws {
            scratch = try ScratchDirectory()
            try writeRoot()
            for package in ["core", "util"] {
                var text = "[package]\nname = \"\(package)\"\nversion = \"0.1.0\"\n"
                if package == "util" { text += "\n[dependencies]\ncore = { path = \"../core\" }\n" }
                try scratch.write("ws/\(package)/asthra.toml", text)
                for name in ["lib", "a", "b"] { try put(package, name, Module(imports: [], text: "first")) }
            }
        }

        func writeRoot() throws {
            let build = level.map { "\n[build]\noptimization_level = \($0)\n" } ?? ""
            try scratch.write("ws/asthra.toml", "[workspace]\nmembers = [\"core\", \"util\"]\n\n[toolchain]\npreset = \"seed\"\n" + build)
        }

        func put(_ package: String, _ name: String, _ module: Module) throws {
            modules[package]![name] = module
            let imports = module.imports.map { "import \"./\($0)\";\n" }.joined()
            try scratch.write("ws/\(package)/src/\(name).asthra", "package \(package);\n\n\(imports)\n// \(module.text)\n")
        }

        /// One random edit; what it was.
        func step(_ random: inout SeededRandom) throws -> String {
            let package = ["core", "util"][random.next(2)]
            let names = modules[package]!.keys.sorted()
            let name = names[random.next(names.count)]
            var module = modules[package]![name]!
            counter += 1
            switch random.next(8) {
            case 0, 1:
                module.text = "edit \(counter)"
                try put(package, name, module)
                return "edit \(package)/\(name)"
            case 2:
                // The same length: only the bytes tell.
                module.text = module.text.hasPrefix("x") ? "y" + module.text.dropFirst() : "x" + module.text.dropFirst()
                try put(package, name, module)
                return "same-size edit \(package)/\(name)"
            case 3:
                let other = names[random.next(names.count)]
                guard other != name, !module.imports.contains(other) else { return "nothing" }
                module.imports.append(other)
                try put(package, name, module)
                return "\(package)/\(name) imports \(other)"
            case 4:
                guard !module.imports.isEmpty else { return "nothing" }
                let dropped = module.imports.removeLast()
                try put(package, name, module)
                return "\(package)/\(name) no longer imports \(dropped)"
            case 5:
                let added = "m\(counter)"
                try put(package, added, Module(imports: random.next(2) == 0 ? [name] : [], text: "new"))
                return "add \(package)/\(added)"
            case 6:
                guard name != "lib" else { return "nothing" }
                modules[package]![name] = nil
                try FileManager.default.removeItem(atPath: "\(root)/\(package)/src/\(name).asthra")
                return "remove \(package)/\(name)"
            default:
                if random.next(2) == 0 {
                    try put(package, name, module)
                    return "touch \(package)/\(name)"
                }
                level = level == nil ? 2 : nil
                try writeRoot()
                return "optimization_level \(level.map(String.init) ?? "unset")"
            }
        }

        /// The libraries under a workspace's target/ (each the stand-in's account of what it read).
        static func libraries(_ root: String) -> [String: String] { textFiles(in: root + "/target/debug/deps", ending: ".a") }
    }

    @Test("after every random edit, the incremental build and a build from nothing agree", arguments: [UInt64(7), 31, 2026])
    func agree(seed: UInt64) throws {
        let ws = try Workspace()
        var random = SeededRandom(state: seed)
        try incrementalAgreesWithFresh(root: ws.root, scratch: ws.scratch, environment: plain.merging(["ASTHRA": standIn, "ASTHRA_STANDIN_DIGEST": "1"]) { $1 },
                                       buildDirectory: "target", outputs: Workspace.libraries) { try ws.step(&random) }
    }

    @Test("so they do with a release build and compile_commands.json between each edit and the debug build", arguments: [UInt64(5), 12])
    func agreeBesideRelease(seed: UInt64) throws {
        let ws = try Workspace()
        var random = SeededRandom(state: seed)
        var turn = 0
        try incrementalAgreesWithFresh(root: ws.root, scratch: ws.scratch, environment: plain.merging(["ASTHRA": standIn, "ASTHRA_STANDIN_DIGEST": "1"]) { $1 },
                                       buildDirectory: "target", between: ["build", "--release"], outputs: Workspace.libraries) {
            turn += 1
            // Now and then the compile database of the release plan is asked for as well.
            if turn % 3 == 0 { _ = try AmpuProcess.run(["compile-commands", "--release"], environment: plain.merging(["ASTHRA": standIn]) { $1 }, directory: ws.root) }
            return try ws.step(&random)
        }
    }
}

/// Edits a project twelve times by `step` (which says what it did); after each edit, `ampu
/// build` runs on the project and on a copy of it without `buildDirectory`: the two must end the
/// same (the status, and `outputs` of each, two outputs when they build), and most steps must
/// leave a project that builds, so that outputs were compared. `between`: another build's
/// arguments, run on the project after each edit and before its build (another profile, whose
/// records sit beside this one's).
func incrementalAgreesWithFresh(root: String, scratch: ScratchDirectory, environment: [String: String], buildDirectory: String,
                                between: [String]? = nil, outputs: (String) -> [String: String], step: () throws -> String) throws {
    var steps: [String] = []
    var built = 0
    for _ in 0..<12 {
        steps.append(try step())
        if let between { _ = try AmpuProcess.run(between, environment: environment, directory: root) }
        let incremental = try AmpuProcess.run(["build"], environment: environment, directory: root)
        let fresh = scratch.path + "/fresh-\(steps.count)"
        try FileManager.default.copyItem(atPath: root, toPath: fresh)
        try? FileManager.default.removeItem(atPath: fresh + "/" + buildDirectory)
        let fromNothing = try AmpuProcess.run(["build"], environment: environment, directory: fresh)
        let history = steps.joined(separator: "; ")
        #expect(incremental.status == fromNothing.status, "after \(history):\n\(incremental.stderr)\n\(fromNothing.stderr)")
        if incremental.status == 0 && fromNothing.status == 0 {
            built += 1
            #expect(outputs(root) == outputs(fresh), "after \(history)")
            #expect(outputs(root).count == 2, "after \(history)")
        }
        try FileManager.default.removeItem(atPath: fresh)
    }
    #expect(built >= 6, "\(steps)")
}

/// The files of `directory` whose names end in `suffix`, with their texts (each a stand-in's
/// account of what it read): what the incremental property tests compare.
func textFiles(in directory: String, ending suffix: String) -> [String: String] {
    var out: [String: String] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(suffix) {
        out[name] = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }
    return out
}
