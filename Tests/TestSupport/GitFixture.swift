import Foundation

/// Real git repositories in a temporary directory, for tests of git dependencies: each is
/// reached through a `file://` URL, or as `github.com/user/<name>` through an `insteadOf` in a
/// test-local git config (the way a user points ampu at a mirror). Removed afterwards.
public final class GitFixture: @unchecked Sendable {
    public let root: String
    /// What git (and ampu) run with: the test-local config, an author, a cache inside `root`.
    public let env: [String: String]

    public init(extra: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-git-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/remotes/user", withIntermediateDirectories: true)
        let config = root + "/gitconfig"
        try "[url \"file://\(root)/remotes/\"]\n\tinsteadOf = https://github.com/\n[init]\n\tdefaultBranch = main\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        env = ["PATH": "/usr/bin:/bin", "HOME": root, "ASTHRA_CACHE": root + "/cache", "GIT_CONFIG_GLOBAL": config, "GIT_CONFIG_NOSYSTEM": "1",
               "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"]
            .merging(extra) { $1 }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Runs git in `dir`; its standard output, trimmed. A failure throws with git's message.
    @discardableResult
    public func git(_ args: [String], in dir: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(command: "git " + args.joined(separator: " "), message: String(decoding: message, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var command: String
        public var message: String
        public var description: String { "\(command): \(message)" }
    }

    /// Writes a file under `root` (directories made as needed).
    public func write(_ relative: String, _ text: String) throws {
        let full = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    /// A repository `remotes/<owner>/<name>.git` (github.com/<owner>/<name>) with one commit per
    /// version, each tagged `vX.Y.Z`; its directory.
    @discardableResult
    public func repository(_ name: String, owner: String = "user", versions: [String], files: (String) -> [String: String]) throws -> String {
        let dir = root + "/remotes/\(owner)/\(name).git"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try git(["init", "--quiet"], in: dir)
        for v in versions {
            for (path, text) in files(v) { try write("remotes/\(owner)/\(name).git/" + path, text) }
            try git(["add", "-A"], in: dir)
            try git(["commit", "--quiet", "-m", v], in: dir)
            try git(["tag", "v" + v], in: dir)
        }
        return dir
    }

    /// The commit a tag (or any ref) of a repository made by `repository` is at.
    public func commit(_ name: String, _ ref: String) throws -> String {
        try git(["rev-parse", ref + "^{commit}"], in: root + "/remotes/user/\(name).git")
    }

    /// An Asthra package's files at a version: `asthra.toml` naming it `github.com/user/<name>`
    /// with these dependency lines, and a library module.
    public static func asthraPackage(_ name: String, _ version: String, dependencies: [String] = []) -> [String: String] {
        var manifest = "[package]\nname = \"github.com/user/\(name)\"\nversion = \"\(version)\"\n"
        if !dependencies.isEmpty { manifest += "\n[dependencies]\n" + dependencies.map { $0 + "\n" }.joined() }
        return ["asthra.toml": manifest, "src/lib.asthra": "package \(name);\n"]
    }
}
