import Testing
@testable import BuildModel

@Suite("Text edits")
struct TextEditTests {
    @Test("edits apply in offset order and leave other bytes alone")
    func apply() throws {
        let bytes = Array("hello world".utf8)
        let edits = [
            TextEdit(range: SourceRange(6, 11), newText: "there"),
            TextEdit.insert(">> ", at: 0),
            TextEdit.delete(SourceRange(4, 5)),
        ]
        #expect(String(decoding: try TextEdit.apply(edits, to: bytes), as: UTF8.self) == ">> hell there")
    }

    @Test("insertions at one offset keep their order")
    func insertOrder() throws {
        let out = try TextEdit.apply([.insert("a", at: 1), .insert("b", at: 1)], to: Array("xy".utf8))
        #expect(String(decoding: out, as: UTF8.self) == "xaby")
    }

    @Test("overlapping and out-of-bounds edits are refused")
    func refused() {
        #expect(throws: TextEdit.ApplyError.overlapping(SourceRange(0, 3), SourceRange(2, 4))) {
            try TextEdit.apply([.delete(SourceRange(0, 3)), .delete(SourceRange(2, 4))], to: Array("abcdef".utf8))
        }
        #expect(throws: TextEdit.ApplyError.outOfBounds(SourceRange(2, 9), length: 3)) {
            try TextEdit.apply([.delete(SourceRange(2, 9))], to: Array("abc".utf8))
        }
        #expect(TextEdit.ApplyError.overlapping(SourceRange(0, 3), SourceRange(2, 4)).description == "edits overlap at 0..<3 and 2..<4")
    }

    @Test("the one edit between two texts covers what lies between their common start and end, each end on a character's first byte")
    func replacing() throws {
        #expect(TextEdit.replacing(Array("same".utf8), with: Array("same".utf8)) == nil)
        #expect(TextEdit.replacing(Array("name = \"mathlib\"".utf8), with: Array("name = \"geometry\"".utf8), file: "/a.toml")
                == TextEdit(file: "/a.toml", range: SourceRange(8, 15), newText: "geometry"))
        // "é" (C3 A9) and "è" (C3 A8) share their first byte: the edit starts on it, not after.
        let old = Array("caf\u{E9} au lait".utf8), new = Array("caf\u{E8} au lait".utf8)
        let edit = try #require(TextEdit.replacing(old, with: new))
        #expect(edit == TextEdit(range: SourceRange(3, 5), newText: "\u{E8}"))
        #expect(try TextEdit.apply([edit], to: old) == new)
        // Only added at the end, or taken away.
        #expect(TextEdit.replacing(Array("ab".utf8), with: Array("abc".utf8)) == TextEdit(range: SourceRange(2, 2), newText: "c"))
        #expect(TextEdit.replacing(Array("abc".utf8), with: Array("ac".utf8)) == TextEdit(range: SourceRange(1, 2), newText: ""))
    }
}
