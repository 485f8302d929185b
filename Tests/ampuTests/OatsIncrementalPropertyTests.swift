import Foundation
import Testing
import TestSupport

/// Oats's incremental builds against builds from nothing, as for Asthra and Aria: a package
/// `app` with a package `core` inside it (`core = { path = "core" }`), each an entry and modules
/// it reaches by relative imports, edited at random — a module's text, an import added or taken
/// out, a module added or removed, a function exported from core's entry or no longer (which
/// changes the metadata app is compiled against), a line of a manifest — and built after each
/// step, in both of oatsc's command lines, and from a copy with no target/. The stand-in writes,
/// as each package's object, what it read (its arguments, the manifest it was pointed at, the
/// entry, the modules its imports reached, the dependencies' metadata, each with its SHA-256):
/// the two builds must agree.
@Suite("Oats incremental builds against builds from nothing", .serialized)
struct OatsIncrementalPropertyTests {
    final class Project {
        let scratch: ScratchDirectory
        var root: String { scratch.path + "/app" }
        /// Each package's modules (its entry is `lib`) and what each imports.
        var imports: [String: [String: [String]]] = ["app": ["lib": []], "core": ["lib": []]]
        var exports: [String] = []
        var description = 0
        var counter = 0

        init() throws {
            scratch = try ScratchDirectory()
            try writeManifests()
            for package in ["app", "core"] { try put(package, "lib", "first") }
        }

        func directory(_ package: String) -> String { package == "app" ? "app" : "app/core" }

        func writeManifests() throws {
            try scratch.write("app/Oats.toml", """
                [package]
                name = "app"
                version = "0.1.0"
                entry = "src/lib.oats"

                [dependencies]
                core = { path = "core" }

                """)
            try scratch.write("app/core/Oats.toml", """
                [package]
                name = "core"
                version = "0.1.0"
                description = "edited \(description) times"
                entry = "src/lib.oats"

                """)
        }

        func put(_ package: String, _ name: String, _ note: String) throws {
            let lines = (imports[package]![name] ?? []).map { "import * as \($0) from \"./\($0)\";\n" }
            let uses = package == "app" && name == "lib" ? "import * as core from \"core\";\n" : ""
            let exported = package == "core" && name == "lib" ? exports.map { "export function \($0)(): number { return 1; }\n" }.joined() : ""
            try scratch.write("\(directory(package))/src/\(name).oats", uses + lines.joined() + exported + "export function \(name)Text(): string { return \"\(note)\"; }\n")
        }

        /// One random edit; what it was.
        func step(_ random: inout SeededRandom) throws -> String {
            let package = ["app", "core"][random.next(2)]
            let names = imports[package]!.keys.sorted()
            let name = names[random.next(names.count)]
            counter += 1
            switch random.next(8) {
            case 0, 1:
                try put(package, name, "edit \(counter)")
                return "edit \(package)/\(name)"
            case 2:
                // A module not yet imported, from any module: never the entry, never itself.
                let candidates = names.filter { $0 != "lib" && $0 != name && !imports[package]![name]!.contains($0) }
                guard !candidates.isEmpty else { return "nothing" }
                let other = candidates[random.next(candidates.count)]
                imports[package]![name]!.append(other)
                try put(package, name, "imports \(other)")
                return "\(package)/\(name) imports \(other)"
            case 3:
                guard let dropped = imports[package]![name]!.popLast() else { return "nothing" }
                try put(package, name, "dropped \(dropped)")
                return "\(package)/\(name) no longer imports \(dropped)"
            case 4:
                let added = "m\(counter)"
                imports[package]![added] = []
                try put(package, added, "new")
                // Reached from a module that is, or not at all (then no build reads it).
                if random.next(3) > 0 {
                    imports[package]![name]!.append(added)
                    try put(package, name, "imports \(added)")
                    return "add \(package)/\(added), imported by \(name)"
                }
                return "add \(package)/\(added)"
            case 5:
                guard name != "lib", !imports[package]!.values.contains(where: { $0.contains(name) }) else { return "nothing" }
                imports[package]![name] = nil
                try FileManager.default.removeItem(atPath: "\(scratch.path)/\(directory(package))/src/\(name).oats")
                return "remove \(package)/\(name)"
            case 6:
                if let last = exports.last, random.next(2) == 0 {
                    exports.removeLast()
                    try put("core", "lib", "exports less")
                    return "core no longer exports \(last)"
                }
                exports.append("f\(counter)")
                try put("core", "lib", "exports more")
                return "core exports f\(counter)"
            default:
                description += 1
                try writeManifests()
                return "core's description"
            }
        }

        /// The objects under target/ (each the stand-in's account of what it read).
        static func objects(_ root: String) -> [String: String] { textFiles(in: root + "/target", ending: ".o") }
    }

    @Test("after every random edit, the incremental build and a build from nothing agree",
          arguments: [(UInt64(5), "seed"), (17, "seed"), (5, "current"), (23, "current")])
    func agree(seed: UInt64, form: String) throws {
        let project = try Project()
        var random = SeededRandom(state: seed)
        let environment = plain.merging(["OATSC": oatscStandIn, "OATSC_STANDIN_DIGEST": "1", "OATSC_STANDIN_FORM": form]) { $1 }
        try incrementalAgreesWithFresh(root: project.root, scratch: project.scratch, environment: environment,
                                       buildDirectory: "target", outputs: Project.objects) { try project.step(&random) }
    }
}
