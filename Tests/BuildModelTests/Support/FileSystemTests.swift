import Foundation
import Testing
@testable import BuildModel

/// The same behaviour from the real file system (in a temporary directory) and the in-memory one.
@Suite("File systems")
final class FileSystemTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case local, inMemory
        var testDescription: String { rawValue }
    }

    /// The temporary directories this test made, removed when it ends.
    private var made: [String] = []

    deinit { for dir in made { try? FileManager.default.removeItem(atPath: dir) } }

    /// A fresh, empty directory and a file system rooted there.
    func make(_ kind: Kind) throws -> (any FileSystem, String) {
        switch kind {
        case .inMemory:
            return (InMemoryFileSystem(currentDirectory: "/work"), "/work")
        case .local:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-fs-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            made.append(dir)
            return (LocalFileSystem(currentDirectory: dir), dir)
        }
    }

    @Test("write, read, status and listing", arguments: Kind.allCases)
    func basics(kind: Kind) throws {
        let (fs, root) = try make(kind)
        try fs.createDirectory("a/b")
        try fs.writeFile("a/b/x.txt", "hello")
        try fs.writeFile("a/y.txt", Array("é".utf8))
        #expect(try fs.readFile("\(root)/a/b/x.txt") == Array("hello".utf8))
        #expect(fs.status("a/b/x.txt")?.kind == .file)
        #expect(fs.status("a/b/x.txt")?.size == 5)
        #expect(fs.status("a/b")?.kind == .directory)
        #expect(fs.status("a/nothing") == nil)
        #expect(try fs.contentsOfDirectory("a") == ["b", "y.txt"])
        try fs.writeFile("a/b/x.txt", "replaced")
        #expect(try fs.readText("a/b/x.txt").string == "replaced")
        try fs.removeItem("a/b")
        #expect(!fs.exists("a/b/x.txt"))
        #expect(try fs.contentsOfDirectory("a") == ["y.txt"])
    }

    @Test("a tree with a name that is not UTF-8 (no String holds it) is counted and removed whole")
    func nameNotUTF8() throws {
        let (fs, root) = try make(.local)
        try fs.createDirectory("out/sub")
        try fs.writeFile("out/sub/ok", "12345")
        let name = Array((root + "/out/sub/bad").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0]
        let fd = open(name, O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0 && write(fd, "abc", 3) == 3)
        close(fd)
        try FileManager.default.createSymbolicLink(atPath: root + "/out/link", withDestinationPath: "sub")
        let link = fs.linkStatus("out/link")!.size
        #expect(fs.treeUsage("out") == (files: 3, bytes: 8 + link))
        #expect(fs.treeUsage("out/sub/ok") == (files: 1, bytes: 5))
        #expect(fs.treeUsage("out/none") == (files: 0, bytes: 0))
        try fs.removeItem("out/link")
        #expect(fs.exists("out/sub/ok"), "a link goes, not what it points to")
        try fs.removeItem("out")
        #expect(!fs.exists("out"))
        try fs.removeItem("out")
    }

    @Test("errors name the path", arguments: Kind.allCases)
    func errors(kind: Kind) throws {
        let (fs, root) = try make(kind)
        try fs.writeFile("f", "x")
        #expect(throws: FileSystemError.notFound("\(root)/missing")) { try fs.readFile("missing") }
        #expect(throws: FileSystemError.isADirectory(root)) { try fs.readFile(root) }
        #expect(FileSystemError.notFound("/p/asthra.toml").description == "'/p/asthra.toml' does not exist")
        // A file in a directory that is not there: the directory is what is missing.
        #expect(throws: FileSystemError.notFound("\(root)/nowhere")) { try fs.writeFile("nowhere/f", "x") }
        #expect(throws: FileSystemError.notFound("\(root)/nowhere")) { try fs.writeRecord("nowhere/f", Array("x".utf8)) }
        #expect(throws: FileSystemError.notFound("\(root)/nowhere")) { try fs.appendFile("nowhere/f", Array("x".utf8)) }
    }

    @Test("symbolic links resolve, and loops are reported", arguments: Kind.allCases)
    func links(kind: Kind) throws {
        let (fs, root) = try make(kind)
        try fs.createDirectory("real")
        try fs.writeFile("real/f", "data")
        func link(_ path: String, _ target: String) throws {
            if let memory = fs as? InMemoryFileSystem {
                try memory.createSymbolicLink(path, to: target)
            } else {
                try FileManager.default.createSymbolicLink(atPath: "\(root)/\(path)", withDestinationPath: target)
            }
        }
        try link("alias", "real")
        try link("loop1", "loop2")
        try link("loop2", "loop1")
        #expect(try fs.readFile("alias/f") == Array("data".utf8))
        #expect(fs.linkStatus("alias")?.kind == .symbolicLink)
        #expect(fs.status("alias")?.kind == .directory)
        #expect(try fs.realPath("alias/f") == "\(try fs.realPath(root))/real/f")
        #expect(throws: FileSystemError.symlinkLoop("\(root)/loop1")) { try fs.readFile("loop1") }
        #expect(fs.status("loop1") == nil)
    }

    @Test("a local write is atomic: no temporary file is left and the mode is kept")
    func atomicWrite() throws {
        let (fs, root) = try make(.local)
        try fs.writeFile("lock", "one")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(root)/lock")
        try fs.writeFile("lock", "two")
        #expect(try fs.contentsOfDirectory(root) == ["lock"])
        #expect(try fs.readText("lock").string == "two")
        let mode = try FileManager.default.attributesOfItem(atPath: "\(root)/lock")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("in-memory files given at creation")
    func seeded() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/p", files: ["/p/asthra.toml": "[package]\n", "src/main.ast": "package main;"])
        #expect(try fs.contentsOfDirectory("/p") == ["asthra.toml", "src"])
        #expect(try fs.readText("/p/src/main.ast").string == "package main;")
    }
}
