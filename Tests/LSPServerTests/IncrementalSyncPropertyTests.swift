import BuildModel
import LSPServer
import Testing
import TestSupport

/// The server's copy of a document after many incremental edits is the document: random
/// edits (ranges in UTF-16, as editors send them, across non-ASCII letters, characters outside
/// the BMP and CRLF line ends; several changes in one notification) are sent to one server, and
/// the text they make is opened in a fresh one. Both must answer the same diagnostics and the
/// same outline, for the manifest and for a source file.
@Suite("incremental document sync against a fresh open")
struct IncrementalSyncPropertyTests {

    /// The LSP position (line, column in UTF-16 units or, when `utf8`, bytes) of a character
    /// boundary of `text`: lines end at `\n`, `\r\n` or `\r`, each one Character in Swift, so
    /// no edit falls inside one.
    static func position(of index: String.Index, in text: String, utf8: Bool) -> JSONValue {
        var line = 0, column = 0
        for c in text[..<index] {
            if c == "\n" || c == "\r\n" || c == "\r" { line += 1; column = 0 } else { column += utf8 ? c.utf8.count : c.utf16.count }
        }
        return ["line": .int(Int64(line)), "character": .int(Int64(column))]
    }

    /// What the server says of a document: its diagnostics (pulled) and its outline.
    static func view(_ client: TestClient, _ path: String) async -> [JSONValue] {
        let document: JSONValue = ["textDocument": ["uri": .string("file://" + path)]]
        let diagnostics = await client.request("textDocument/diagnostic", document)["result"]?["items"] ?? .null
        let symbols = await client.request("textDocument/documentSymbol", document)["result"] ?? .null
        return [diagnostics, symbols]
    }

    static let pieces = ["é", "😀", "\r\n", "\n", "[dependencies]\n", "json = \"^1.0\"\n", "mathlib = { path = \"mathlib\" }", "=", "\"", "{", "}",
                         "# ü 😀\n", "a", " ", "[build]\n", "import \"stdlib/io\";\n", "import \"./nope\";\n", "package main;\n", "ß"]

    @Test("after random edits, a server's copy answers as the same text opened afresh", arguments: [
        (TestWorkspace.manifest, TestWorkspace.manifestText), (TestWorkspace.main, TestWorkspace.mainText + "// naïve 😀\r\nlet x = 1;\n"),
    ], ["utf-16", "utf-8"])
    func sync(document: (path: String, start: String), encoding: String) async {
        let (path, start) = document
        let utf8 = encoding == "utf-8"
        var random = SeededRandom(state: UInt64(path.utf8.count) + (utf8 ? 1 : 0))
        let capabilities: JSONValue = ["general": ["positionEncodings": [.string(encoding)]],
                                       "textDocument": ["diagnostic": [:], "documentSymbol": ["hierarchicalDocumentSymbolSupport": true]]]
        let edited = TestClient(files: TestWorkspace.files)
        let started = await edited.start(capabilities: capabilities)
        #expect(started["result"]?["capabilities"]?["positionEncoding"] == .string(encoding))
        await edited.open(path, start)
        var text = start
        var version: Int64 = 1
        for round in 0..<60 {
            // One to three changes in one notification, each on the text the one before made.
            var changes: [JSONValue] = []
            for _ in 0..<(1 + random.next(3)) {
                let count = text.count
                let a = random.next(count + 1), b = min(count, a + random.next(12))
                let lower = text.index(text.startIndex, offsetBy: a), upper = text.index(text.startIndex, offsetBy: b)
                let insert = random.next(3) == 0 ? "" : Self.pieces[random.next(Self.pieces.count)]
                changes.append(["range": ["start": Self.position(of: lower, in: text, utf8: utf8), "end": Self.position(of: upper, in: text, utf8: utf8)], "text": .string(insert)])
                text.replaceSubrange(lower..<upper, with: insert)
            }
            version += 1
            await edited.notify("textDocument/didChange", ["textDocument": ["uri": .string("file://" + path), "version": .int(version)],
                                                          "contentChanges": .array(changes)])
            guard round % 10 == 9 else { continue }
            let fresh = TestClient(files: TestWorkspace.files)
            await fresh.start(capabilities: capabilities)
            await fresh.open(path, text)
            let (mine, theirs) = (await Self.view(edited, path), await Self.view(fresh, path))
            #expect(mine == theirs, "round \(round), the text:\n\(text)")
            #expect(mine[0] != .null && mine[1] != .null)
        }
    }
}
