import Foundation
import Testing
import TestSupport

/// What ampu vendors of a git package against what `git archive` makes of the same commit:
/// random file trees (nested directories, dotfiles, executable files, empty files, links to
/// files and directories inside the package, a link to a file the package does not have) in a repository a workspace depends on; after
/// `ampu update` and `ampu vendor`, the vendored copy must hold exactly the archive's files,
/// with the same bytes, the same executable bits and the same links.
@Suite("ampu vendor against git archive", .serialized)
struct VendorDifferentialTests {
    /// Every file, directory and link under `root`, each as a line: kind, path, and its bytes,
    /// executable bit or link target.
    static func listing(_ root: String) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in (fm.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []).sorted() {
            let full = root + "/" + path
            let attributes = try fm.attributesOfItem(atPath: full)
            switch attributes[.type] as? FileAttributeType {
            case .typeSymbolicLink?: out.append("link \(path) -> \(try fm.destinationOfSymbolicLink(atPath: full))")
            case .typeDirectory?: out.append("dir \(path)")
            default:
                let executable = ((attributes[.posixPermissions] as? Int ?? 0) & 0o100) != 0
                out.append("file \(path)\(executable ? " (x)" : "") \(String(decoding: try Data(contentsOf: URL(fileURLWithPath: full)), as: UTF8.self).debugDescription)")
            }
        }
        return out
    }

    @Test("the vendored copy is the commit's archive, file for file", arguments: Array(UInt64(1)...12))
    func agree(seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        let remotes = try GitFixture()
        let names = ["a", "b", ".hidden", "data", "src", "x y", "ünï"]
        var files: [String: String] = [:]
        for _ in 0..<(3 + random.next(8)) {
            let path = "pkg/" + (0...random.next(3)).map { _ in names[random.next(names.count)] }.joined(separator: "/")
            // A name is a file or a directory, not both.
            guard !files.keys.contains(where: { $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") }) else { continue }
            files[path] = random.chance(4) ? "" : "text \(random.next(1000))\n"
        }
        let repository = try remotes.repository("json", versions: ["1.0.0"]) { v in
            var tree = GitFixture.asthraPackage("json", v)
            for (path, text) in files { tree[path] = text }
            return tree
        }
        // Executable bits and links inside the package, committed as a second version.
        var extra: [String] = []
        for (path, _) in files.sorted(by: { $0.key < $1.key }) where random.chance(3) {
            try remotes.git(["update-index", "--chmod=+x", path], in: repository)
            extra.append("+x \(path)")
        }
        if let target = files.keys.sorted().first {
            try FileManager.default.createSymbolicLink(atPath: repository + "/link-to-file", withDestinationPath: target)
            try FileManager.default.createSymbolicLink(atPath: repository + "/link-to-dir", withDestinationPath: "src")
            extra.append("links")
        }
        // A link to what the package does not have (a file a build makes): it leaves nothing.
        if random.chance(2) {
            try FileManager.default.createSymbolicLink(atPath: repository + "/pkg-generated", withDestinationPath: "pkg/out/generated.txt")
            extra.append("dangling link")
        }
        try remotes.git(["add", "-A"], in: repository)
        try remotes.git(["commit", "--quiet", "-m", "1.1.0"], in: repository)
        try remotes.git(["tag", "v1.1.0"], in: repository)
        let commit = try remotes.commit("json", "v1.1.0")

        try remotes.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.1\" }\n")
        try remotes.write("app/src/main.asthra", "package main;\n")
        let app = remotes.root + "/app"
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        try #require(update.status == 0, "\(update.stderr)")
        let vendor = try AmpuProcess.run(["vendor"], environment: remotes.env, directory: app)
        try #require(vendor.status == 0, "\(vendor.stderr)")

        let archive = remotes.root + "/archive"
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        try remotes.git(["archive", "--output", remotes.root + "/archive.tar", commit], in: repository)
        let untar = try runTool(["tar", "-xf", remotes.root + "/archive.tar", "-C", archive], directory: remotes.root)
        try #require(untar.status == 0)
        let vendored = app + "/vendor/github.com/user/json/" + commit
        #expect(try Self.listing(vendored) == (try Self.listing(archive)), "seed \(seed): \(files.keys.sorted()) \(extra)")
    }
}
