import Testing
@testable import BuildModel

@Suite("Line index")
struct LineIndexTests {
    @Test("lines split at LF, CRLF and a lone CR")
    func lineStarts() {
        let index = LineIndex(bytes: Array("a\nbc\r\nd\re".utf8))
        #expect(index.lineStarts == [0, 2, 6, 8])
        #expect(index.contentRange(ofLine: 1) == 2..<4)
        #expect(index.contentRange(ofLine: 3) == 8..<9)
    }

    @Test("offset to position and back in every encoding", arguments: [
        // text, offset, utf8 column, utf16 column, utf32 column
        ("héllo", 3, 3, 2, 2),
        ("a😀b", 5, 5, 3, 2),
        ("a😀b", 6, 6, 4, 3),
        ("日本", 6, 6, 2, 2),
    ])
    func columns(text: String, offset: Int, utf8: Int, utf16: Int, utf32: Int) {
        let index = LineIndex(bytes: Array(text.utf8))
        #expect(index.position(of: offset, in: .utf8) == LinePosition(line: 0, column: utf8))
        #expect(index.position(of: offset, in: .utf16) == LinePosition(line: 0, column: utf16))
        #expect(index.position(of: offset, in: .utf32) == LinePosition(line: 0, column: utf32))
        #expect(index.offset(of: LinePosition(line: 0, column: utf8), in: .utf8) == offset)
        #expect(index.offset(of: LinePosition(line: 0, column: utf16), in: .utf16) == offset)
        #expect(index.offset(of: LinePosition(line: 0, column: utf32), in: .utf32) == offset)
    }

    @Test("each line counts its own columns: a wide character on one line changes no column of the lines around it")
    func linesOfEachKind() {
        // Line 1 holds "😀" (4 bytes, 2 UTF-16 units, 1 scalar); lines 0 and 2 are ASCII, line 2
        // after a CRLF and line 3 after a lone CR.
        let text = "ab\nx😀y\r\ncd\ref"
        let index = LineIndex(bytes: Array(text.utf8))
        let y = Array(text.utf8).firstIndex(of: UInt8(ascii: "y"))!
        let d = Array(text.utf8).firstIndex(of: UInt8(ascii: "d"))!
        let f = Array(text.utf8).firstIndex(of: UInt8(ascii: "f"))!
        for (encoding, yColumn) in [(ColumnEncoding.utf8, 5), (.utf16, 3), (.utf32, 2)] {
            #expect(index.position(of: 1, in: encoding) == LinePosition(line: 0, column: 1))
            #expect(index.position(of: y, in: encoding) == LinePosition(line: 1, column: yColumn))
            #expect(index.position(of: d, in: encoding) == LinePosition(line: 2, column: 1))
            #expect(index.position(of: f, in: encoding) == LinePosition(line: 3, column: 1))
            #expect(index.offset(of: LinePosition(line: 1, column: yColumn), in: encoding) == y)
            #expect(index.offset(of: LinePosition(line: 2, column: 1), in: encoding) == d)
            // Past the end of an ASCII line: its end, before the CRLF.
            #expect(index.offset(of: LinePosition(line: 2, column: 9), in: encoding) == d + 1)
            #expect(index.offset(of: LinePosition(line: 3, column: 1), in: encoding) == f)
        }
    }

    @Test("a UTF-16 column inside a surrogate pair snaps to the character's start")
    func surrogatePair() {
        let index = LineIndex(bytes: Array("x😀y".utf8))
        #expect(index.offset(of: LinePosition(line: 0, column: 2), in: .utf16) == 1)
        #expect(index.offset(of: LinePosition(line: 0, column: 3), in: .utf16) == 5)
    }

    @Test("a byte offset inside a character snaps back to its first byte")
    func offsetInsideCharacter() {
        let index = LineIndex(bytes: Array("é!".utf8))
        #expect(index.position(of: 1, in: .utf16) == LinePosition(line: 0, column: 0))
        #expect(index.position(of: 1, in: .utf8) == LinePosition(line: 0, column: 0))
        #expect(index.offset(of: LinePosition(line: 0, column: 1), in: .utf8) == 0)
    }

    @Test("CRLF: the CR belongs to the line break, not to the line")
    func crlf() {
        let index = LineIndex(bytes: Array("ab\r\ncd".utf8))
        #expect(index.position(of: 2) == LinePosition(line: 0, column: 2))
        #expect(index.position(of: 3) == LinePosition(line: 0, column: 2))
        #expect(index.position(of: 4) == LinePosition(line: 1, column: 0))
        #expect(index.offset(of: LinePosition(line: 0, column: 99)) == 2)
        #expect(index.offset(of: LinePosition(line: 1, column: 1)) == 5)
    }

    @Test("a byte order mark is not a column")
    func bom() {
        let index = LineIndex(bytes: [0xEF, 0xBB, 0xBF] + Array("ab\nc".utf8))
        #expect(index.lineStarts == [3, 6])
        #expect(index.position(of: 0) == LinePosition(line: 0, column: 0))
        #expect(index.position(of: 4) == LinePosition(line: 0, column: 1))
        #expect(index.offset(of: LinePosition(line: 0, column: 0)) == 3)
    }

    @Test("positions past the end clamp: a column to its line's end, a line to the text's end")
    func pastTheEnd() {
        let index = LineIndex(bytes: Array("ab\ncd".utf8))
        #expect(index.offset(of: LinePosition(line: 0, column: 10)) == 2)
        #expect(index.offset(of: LinePosition(line: 7, column: 0)) == 5)
        #expect(index.offset(of: LinePosition(line: -1, column: 3)) == 0)
        #expect(index.position(of: 99) == LinePosition(line: 1, column: 2))
    }

    @Test("invalid UTF-8 counts one column per byte")
    func invalidUTF8() {
        let index = LineIndex(bytes: [0x61, 0xFF, 0xC3, 0x62])
        #expect(index.position(of: 4, in: .utf16) == LinePosition(line: 0, column: 4))
        #expect(index.offset(of: LinePosition(line: 0, column: 3), in: .utf16) == 3)
    }

    @Test("the empty text has one line")
    func empty() {
        let index = LineIndex(bytes: [])
        #expect(index.lineCount == 1)
        #expect(index.position(of: 0) == LinePosition(line: 0, column: 0))
        #expect(index.offset(of: LinePosition(line: 3, column: 3)) == 0)
    }

    @Test("SourceText prints one-based compiler locations and finds its newline")
    func sourceText() {
        let text = SourceText("a = 1\r\nbé = 2\r\n")
        #expect(text.location(of: 10) == "2:3")
        #expect(text.preferredNewline == "\r\n")
        #expect(SourceText("x").preferredNewline == "\n")
        #expect(text.text(SourceRange(7, 10)) == "bé")
    }
}
