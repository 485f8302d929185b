import Foundation
import Testing
import TestSupport

/// Aria's incremental builds against builds from nothing, as for Asthra: a build.abc of two
/// targets whose sources are globs (`core/*.aria`, `app/*.aria`; app needs core), edited at
/// random — a file's text, a file added or removed, a `use` of a core file added to an app
/// file or taken out (an edge the build finds in the sources), a target's flags — and built after
/// each step, and from a copy with no .aria_make/. The stand-in writes, as each target's
/// output, what it read (its arguments, its sources and the files its `use` lines reached,
/// each with its SHA-256); the two builds must agree.
@Suite("Aria incremental builds against builds from nothing", .serialized)
struct AriaIncrementalPropertyTests {
    final class Project {
        let scratch: ScratchDirectory
        var root: String { scratch.path + "/p" }
        var files: [String: [String]] = ["core": ["base"], "app": ["main"]]
        var uses: [String: [String]] = [:]
        var flags: [String: Bool] = ["core": false, "app": false]
        var counter = 0

        init() throws {
            scratch = try ScratchDirectory()
            try writeBuildFile()
            try put("core", "base", "first")
            try put("app", "main", "first")
        }

        func writeBuildFile() throws {
            var text = "[project]\nname = \"p\"\nversion = \"0.1.0\"\n"
            for (target, deps) in [("core", ""), ("app", "\"core\"")] {
                text += "\n[target.\(target)]\ntype = \"library\"\nsources = [\"\(target)/*.aria\"]\ndeps = [\(deps)]\n"
                // app finds core's files as real projects do: core's directory among its -I.
                let words = (target == "app" ? ["-I", "core"] : []) + (flags[target]! ? ["-O2"] : [])
                if !words.isEmpty { text += "flags = [\(words.map { "\"\($0)\"" }.joined(separator: ", "))]\n" }
            }
            try scratch.write("p/build.abc", text)
        }

        func put(_ target: String, _ name: String, _ note: String) throws {
            let key = target + "/" + name
            let useLines = (uses[key] ?? []).map { "use \"\($0).aria\".*;\n" }.joined()
            try scratch.write("p/\(key).aria", useLines + "pub func:\(name) = int64() { pass(1i64); };\n// \(note)\n")
        }

        /// One random edit; what it was.
        func step(_ random: inout SeededRandom) throws -> String {
            let target = ["core", "app"][random.next(2)]
            let names = files[target]!
            let name = names[random.next(names.count)]
            counter += 1
            switch random.next(7) {
            case 0, 1:
                try put(target, name, "edit \(counter)")
                return "edit \(target)/\(name)"
            case 2:
                let added = "f\(counter)"
                files[target]!.append(added)
                try put(target, added, "new")
                return "add \(target)/\(added)"
            case 3:
                guard names.count > 1 else { return "nothing" }
                files[target]!.removeAll { $0 == name }
                uses["\(target)/\(name)"] = nil
                try FileManager.default.removeItem(atPath: "\(root)/\(target)/\(name).aria")
                return "remove \(target)/\(name)"
            case 4:
                // An app file comes to use a core file, found through app's `-I core`.
                let app = files["app"]![random.next(files["app"]!.count)]
                let core = files["core"]![random.next(files["core"]!.count)]
                guard !(uses["app/" + app] ?? []).contains(core) else { return "nothing" }
                uses["app/" + app, default: []].append(core)
                try put("app", app, "uses \(core)")
                return "app/\(app) uses core/\(core)"
            case 5:
                let key = target + "/" + name
                guard let dropped = uses[key]?.popLast() else { return "nothing" }
                try put(target, name, "dropped \(dropped)")
                return "\(key) no longer uses \(dropped)"
            default:
                flags[target]!.toggle()
                try writeBuildFile()
                return "flags of \(target): \(flags[target]!)"
            }
        }

        /// The IR of each target (the stand-in's account of what it read).
        static func outputs(_ root: String) -> [String: String] { textFiles(in: root + "/.aria_make/build", ending: ".ll") }
    }

    @Test("after every random edit, the incremental build and a build from nothing agree", arguments: [UInt64(3), 99])
    func agree(seed: UInt64) throws {
        let project = try Project()
        var random = SeededRandom(state: seed)
        try incrementalAgreesWithFresh(root: project.root, scratch: project.scratch, environment: plain.merging(["ARIAC": ariacStandIn, "ARIAC_STANDIN_DIGEST": "1"]) { $1 },
                                       buildDirectory: ".aria_make", outputs: Project.outputs) { try project.step(&random) }
    }
}
