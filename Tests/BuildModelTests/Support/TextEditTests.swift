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
}
