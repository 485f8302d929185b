import Foundation
import Testing
import TestSupport

/// Rask's incremental builds against builds from nothing, as for the other languages: a library
/// `app` with a library `core` inside it (`dep "core" { path: "core" }`), each of `.rk` files in
/// its directory and in `sub/`, and app with a build script that writes a source into .rk-gen/
/// and may declare the files of `data/` as what it reads; edited at random — a file's text, a
/// file added or removed, the text the script writes, the script's declared files and those
/// files — and built after each step, and from a copy with no target/. The stand-in writes, as
/// each library, what it read (its arguments, each source and generated source, with its
/// SHA-256), and its depfile as the compiler does: the two builds must agree.
@Suite("Rask incremental builds against builds from nothing", .serialized)
struct RaskIncrementalPropertyTests {
    final class Project {
        let scratch: ScratchDirectory
        var root: String { scratch.path + "/app" }
        /// Each package's files, by path inside the package.
        var files: [String: [String]] = ["app": ["lib.rk"], "core": ["core.rk"]]
        var generated = "first"
        var declares = false
        var data: [String] = []
        var counter = 0

        init() throws {
            scratch = try ScratchDirectory()
            try writeBuildFiles()
            try scratch.write("app/lib.rk", "public func app_lib() {\n    print(\"first\")\n}\n")
            try scratch.write("app/core/core.rk", "public func core() {\n    print(\"first\")\n}\n")
        }

        func directory(_ package: String) -> String { package == "app" ? "app" : "app/core" }

        func writeBuildFiles() throws {
            let declaration = declares ? "    try ctx.declare_dependency(\"data/*.txt\")\n" : ""
            try scratch.write("app/rask.build", """
                package "app" "0.1.0" {
                    dep "core" { path: "core" }
                }

                func build(ctx: BuildContext) -> () or Error {
                \(declaration)    try ctx.write_source("gen.rk", "func gen() {\\n    print(\\"\(generated)\\")\\n}\\n")
                }

                """)
            try scratch.write("app/core/rask.build", "package \"core\" \"0.1.0\" {}\n")
        }

        /// One random edit; what it was.
        func step(_ random: inout SeededRandom) throws -> String {
            let package = ["app", "core"][random.next(2)]
            let names = files[package]!
            let name = names[random.next(names.count)]
            counter += 1
            switch random.next(7) {
            case 0, 1:
                try scratch.write("\(directory(package))/\(name)", "func f\(counter)() {\n    print(\"edit \(counter)\")\n}\n")
                return "edit \(package)/\(name)"
            case 2:
                let added = (random.next(2) == 0 ? "sub/" : "") + "m\(counter).rk"
                files[package]!.append(added)
                try scratch.write("\(directory(package))/\(added)", "func m\(counter)() {\n    print(\"new\")\n}\n")
                return "add \(package)/\(added)"
            case 3:
                guard names.count > 1 else { return "nothing" }
                files[package]!.removeAll { $0 == name }
                try FileManager.default.removeItem(atPath: "\(scratch.path)/\(directory(package))/\(name)")
                return "remove \(package)/\(name)"
            case 4:
                generated = "generated \(counter)"
                try writeBuildFiles()
                return "the script writes '\(generated)'"
            case 5:
                declares.toggle()
                try writeBuildFiles()
                return declares ? "the script declares data/*.txt" : "the script declares nothing"
            default:
                if let last = data.last, random.next(2) == 0 {
                    data.removeLast()
                    try FileManager.default.removeItem(atPath: "\(root)/data/\(last)")
                    return "remove data/\(last)"
                }
                let file = random.next(2) == 0 || data.isEmpty ? "d\(counter).txt" : data[random.next(data.count)]
                if !data.contains(file) { data.append(file) }
                try scratch.write("app/data/\(file)", "data \(counter)\n")
                return "write data/\(file)"
            }
        }

        /// The libraries under target/ (each the stand-in's account of what it read).
        static func libraries(_ root: String) -> [String: String] { textFiles(in: root + "/target/debug/deps", ending: ".a") }
    }

    @Test("after every random edit, the incremental build and a build from nothing agree", arguments: [UInt64(11), 29, 404])
    func agree(seed: UInt64) throws {
        let project = try Project()
        var random = SeededRandom(state: seed)
        let environment = plain.merging(["RASK": raskStandIn, "RASK_STANDIN_DIGEST": "1"]) { $1 }
        try incrementalAgreesWithFresh(root: project.root, scratch: project.scratch, environment: environment,
                                       buildDirectory: "target", outputs: Project.libraries) { try project.step(&random) }
    }
}
