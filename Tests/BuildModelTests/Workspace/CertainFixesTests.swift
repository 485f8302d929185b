import Testing
@testable import BuildModel

@Suite("the fixes ampu fix makes unasked")
struct CertainFixesTests {
    func problem(_ file: String, _ edits: [TextEdit], certain: Bool = true) -> Diagnostic {
        Diagnostic(severity: .error, message: "a problem", file: file, range: edits.first?.range ?? .at(0),
                   fix: Diagnostic.Fix(title: "fix it", edits: edits, certain: certain))
    }

    @Test("certain fixes only, in the workspace's files only, whole or not at all: one that overlaps a fix taken waits (the first in the text is made), the same edit twice is made once, one whose own edits clash is none")
    func chosen() {
        let insert = TextEdit(range: .at(10), newText: ";")
        let diagnostics = [
            problem("/ws/b.ast", [insert]),
            problem("/ws/b.ast", [insert]),                                                     // the same edit, asked again
            problem("/ws/b.ast", [TextEdit(range: SourceRange(2, 6), newText: "\"x\"")]),
            problem("/ws/b.ast", [TextEdit(range: SourceRange(4, 8), newText: "")]),             // overlaps the one before
            problem("/ws/b.ast", [TextEdit(range: SourceRange(20, 22), newText: "y")], certain: false),
            problem("/ws/a.toml", [TextEdit(range: SourceRange(0, 3), newText: "z"),
                                   TextEdit(file: "/ws/b.ast", range: SourceRange(30, 31), newText: "")]),  // two files: counted in each
            problem("/ws/a.toml", [TextEdit(range: SourceRange(5, 6), newText: "w"),
                                   TextEdit(file: "/cache/dep/lib.ast", range: SourceRange(0, 1), newText: "")]),  // not the workspace's
            problem("/ws/a.toml", [TextEdit(range: .at(40), newText: "1"),
                                   TextEdit(file: "/ws/b.ast", range: .at(10), newText: ":")]),  // both insert at one place in b
            problem("/ws/a.toml", [TextEdit(range: SourceRange(50, 55), newText: "x"),
                                   TextEdit(range: SourceRange(53, 58), newText: "y")]),         // its own edits clash
        ]
        let chosen = CertainFixes.chosen(diagnostics, editable: ["/ws/a.toml", "/ws/b.ast"])
        // Weighed by where each starts: a.toml's first (the fix that also inserts ':' at b's 10
        // is taken before b's own ';' there, which then clashes).
        #expect(chosen == [
            CertainFixes.FileEdits(file: "/ws/a.toml", edits: [TextEdit(range: SourceRange(0, 3), newText: "z"), TextEdit(range: .at(40), newText: "1")], fixes: 2),
            CertainFixes.FileEdits(file: "/ws/b.ast", edits: [TextEdit(range: SourceRange(30, 31), newText: ""), TextEdit(range: .at(10), newText: ":"),
                                                              TextEdit(range: SourceRange(2, 6), newText: "\"x\"")], fixes: 3),
        ])
    }

    @Test("git's porcelain status as changes: staged, not staged, both, unknown to git; a rename's old path is no change")
    func workingTree() {
        let status = "M  asthra.toml\u{0} M src/a.ast\u{0}MM src/b.ast\u{0}?? src/new.ast\u{0}R  src/c.ast\u{0}src/old.ast\u{0}"
        #expect(WorkingTreeChanges.changes(fromStatus: status, top: "/repo") == [
            .init(path: "/repo/asthra.toml", staged: true, unstaged: false),
            .init(path: "/repo/src/a.ast", staged: false, unstaged: true),
            .init(path: "/repo/src/b.ast", staged: true, unstaged: true),
            .init(path: "/repo/src/new.ast", staged: false, unstaged: true),
            .init(path: "/repo/src/c.ast", staged: true, unstaged: false),
        ])
        #expect(WorkingTreeChanges.changes(fromStatus: "", top: "/repo") == [])
    }

    @Test("thousands of fixes in one file, given in no order: each made once, and of two that overlap the first in the text")
    func many() {
        let count = 2_000
        var diagnostics: [Diagnostic] = []
        for i in (0..<count).reversed() { diagnostics.append(problem("/ws/big.ast", [TextEdit(range: .at(i * 10), newText: ";")])) }
        // Each one's twin is made once; a deletion beside each is made, one overlapping that is not.
        for i in 0..<count { diagnostics.append(problem("/ws/big.ast", [TextEdit(range: .at(i * 10), newText: ";")])) }
        for i in 0..<count { diagnostics.append(problem("/ws/big.ast", [TextEdit(range: SourceRange(i * 10 + 2, i * 10 + 5), newText: "")])) }
        for i in 0..<count { diagnostics.append(problem("/ws/big.ast", [TextEdit(range: SourceRange(i * 10 + 1, i * 10 + 3), newText: "")])) }
        let chosen = CertainFixes.chosen(diagnostics, editable: ["/ws/big.ast"])
        #expect(chosen.count == 1)
        #expect(chosen.first?.fixes == 2 * count)
        #expect(chosen.first?.edits.count == 2 * count)
    }

    static let workspace = [
        "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
        "/w/src/main.asthra": "package main;\n\nimport 'stdlib/io';\nimport \"stdlib/io\";\n",
    ]

    func check(_ fs: InMemoryFileSystem) -> CheckReport {
        CheckReport(snapshot: try! WorkspaceLoader(ecosystem: AsthraEcosystem(), fileSystem: fs, environment: [:]).load(from: "/w"))
    }

    @Test("made in rounds: the single quotes fixed, then the import they made a repeat of taken out, each file written whole")
    func rounds() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/w", files: Self.workspace)
        let made = CertainFixes.make(from: check(fs), fileSystem: fs) { check(fs) }
        #expect(made.fixed == ["/w/src/main.asthra": 2])
        #expect(made.changedMeanwhile == [])
        #expect(made.failure == nil)
        #expect(made.report.diagnostics == [])
        #expect(String(decoding: try fs.readFile("/w/src/main.asthra"), as: UTF8.self) == "package main;\n\nimport \"stdlib/io\";\n")
    }

    @Test("a file changed while it was checked (an editor saved it) is not written over with the fixes of its old text: said, and fixed as the next check reads it")
    func changedMeanwhile() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/w", files: Self.workspace)
        let saved = Array("package main;\n\nimport 'stdlib/fmt';\n".utf8)
        let first = check(fs)
        try fs.writeFile("/w/src/main.asthra", saved)
        let made = CertainFixes.make(from: first, fileSystem: fs) { check(fs) }
        #expect(made.changedMeanwhile == ["/w/src/main.asthra"])
        #expect(made.fixed == ["/w/src/main.asthra": 1])
        #expect(String(decoding: try fs.readFile("/w/src/main.asthra"), as: UTF8.self) == "package main;\n\nimport \"stdlib/fmt\";\n")
    }

    @Test("a fix that does not take its problem away (the same code and message on the same text after it) is made once, not in every round")
    func stubborn() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/w", files: ["/w/asthra.toml": Self.workspace["/w/asthra.toml"]!, "/w/src/main.asthra": "package main;\n"])
        func stubbornCheck() -> CheckReport {
            var report = check(fs)
            report.diagnostics = [Diagnostic(severity: .error, code: "X001", message: "a problem its fix leaves", file: "/w/src/main.asthra", range: .at(13),
                                             fix: Diagnostic.Fix(title: "Insert ';'", edits: [TextEdit(range: .at(13), newText: ";")], certain: true))]
            return report
        }
        let made = CertainFixes.make(from: stubbornCheck(), fileSystem: fs) { stubbornCheck() }
        #expect(made.fixed == ["/w/src/main.asthra": 1])
        #expect(String(decoding: try fs.readFile("/w/src/main.asthra"), as: UTF8.self) == "package main;;\n")
        #expect(made.report.diagnostics.map(\.code) == ["X001"])
    }

    @Test("a file that cannot be written stops the fixes there: the files written before it are counted, it is named with why, and it is left as it was")
    func writeFails() throws {
        let base = InMemoryFileSystem(currentDirectory: "/w", files: [
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"1.0\"\n",
            "/w/src/main.asthra": "package main;\n\nimport 'stdlib/io';\n",
        ])
        let fs = RefusesWrites(base, refusing: "/w/src/main.asthra")
        let made = CertainFixes.make(from: check(base), fileSystem: fs) { check(base) }
        #expect(made.fixed == ["/w/asthra.toml": 1])
        #expect(made.failure?.file == "/w/src/main.asthra")
        #expect(made.failure?.error == .permissionDenied("/w/src/main.asthra"))
        #expect(String(decoding: try base.readFile("/w/asthra.toml"), as: UTF8.self) == "[package]\nname = \"app\"\nversion = \"1.0.0\"\n")
        #expect(String(decoding: try base.readFile("/w/src/main.asthra"), as: UTF8.self) == "package main;\n\nimport 'stdlib/io';\n")
    }
}

/// A file system that refuses to write one file, as a read-only file or a full disk would.
private final class RefusesWrites: FileSystem {
    let base: InMemoryFileSystem
    let refused: String

    init(_ base: InMemoryFileSystem, refusing path: String) {
        self.base = base
        refused = path
    }

    var currentDirectory: String { base.currentDirectory }
    func status(_ path: String) -> FileStatus? { base.status(path) }
    func linkStatus(_ path: String) -> FileStatus? { base.linkStatus(path) }
    func readFile(_ path: String) throws(FileSystemError) -> [UInt8] { try base.readFile(path) }
    func readFileAndStatus(_ path: String) throws(FileSystemError) -> (bytes: [UInt8], status: FileStatus?) { try base.readFileAndStatus(path) }
    func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        if base.absolute(path) == refused { throw .permissionDenied(path) }
        try base.writeFile(path, bytes)
    }
    func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] { try base.contentsOfDirectory(path) }
    func createDirectory(_ path: String) throws(FileSystemError) { try base.createDirectory(path) }
    func removeItem(_ path: String) throws(FileSystemError) { try base.removeItem(path) }
    func realPath(_ path: String) throws(FileSystemError) -> String { try base.realPath(path) }
}
