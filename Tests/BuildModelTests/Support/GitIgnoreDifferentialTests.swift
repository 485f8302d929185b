import Foundation
import Testing
import TestSupport
@testable import BuildModel

/// `.gitignore` as git itself reads it: random rules over a random tree of files, in a real
/// repository; every file `git ls-files --others --ignored --exclude-standard` lists must be
/// one `GitIgnore` ignores (itself or through a directory above it), and no other.
@Suite("GitIgnore against git", .serialized)
struct GitIgnoreDifferentialTests {

    static let names = ["a", "b", "c.o", "d.txt", ".h", "x", "y", "ab", "#n", "!m", "e.o.txt"]
    static let rules = ["*.o", "a", "/a", "a/", "x/*", "x/**", "**/b", "x/**/c.o", "!a", "!*.txt", "[ab]", "?", "d.*", "\\#n", "\\!m",
                        "x/y/", "/x/y", "*.txt", "!x/y/d.txt", ".*", "!.h", "**/x/", "y", "a/**", "!b", "ab*", "*b", "x/y/**/*.o", "# comment",
                        "", "[!a]", "[a-c]*", "e.o.txt ", "**", "!**/c.o"]

    func git(_ arguments: [String], in directory: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": directory, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("random rules over random trees: the files git ignores are those GitIgnore ignores")
    func agree() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            Issue.record("git is not installed: scripts/install-deps installs it")
            return
        }
        var random = SeededRandom(state: 11)
        var ignoredSeen = 0
        for round in 0..<300 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-gitignore-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: root) }
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            _ = try git(["init", "--quiet"], in: root)
            let paths = try random.fileTree(in: root, names: Self.names, least: 6, spread: 10)
            let text = (0..<(1 + random.next(5))).map { _ in Self.rules[random.next(Self.rules.count)] }.joined(separator: "\n") + "\n"
            try text.write(toFile: root + "/.gitignore", atomically: true, encoding: .utf8)
            let byGit = Set(try git(["ls-files", "--others", "--ignored", "--exclude-standard", "-z"], in: root).split(separator: "\0").map(String.init))
            let ignore = GitIgnore(text)
            let ours = Set((paths + [".gitignore"]).filter { ignore.ignoresAnyPart(of: $0) })
            #expect(ours == byGit, "round \(round): rules\n\(text)files \(paths)\ngit ignores \(byGit.sorted()), GitIgnore \(ours.sorted())")
            ignoredSeen += byGit.count
        }
        #expect(ignoredSeen > 100)
    }
}
