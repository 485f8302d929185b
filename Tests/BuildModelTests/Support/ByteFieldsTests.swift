import Testing
@testable import BuildModel

/// The record files' splitting: lines, tab-separated fields and lists, and the search for a
/// marker, at the edges where an off-by-one would hide (the first and last byte, a separator
/// at either end, a limit).
@Suite("Byte fields of the build's records")
struct ByteFieldsTests {
    func text(_ parts: [ArraySlice<UInt8>]) -> [String] { parts.map(ByteFields.string) }

    @Test("lines: empty ones are skipped, the last needs no line break")
    func lines() {
        let bytes = Array("\nfirst\n\nsecond\tfield\nlast".utf8)
        #expect(text(ByteFields.lines(bytes[...])) == ["first", "second\tfield", "last"])
        #expect(text(ByteFields.lines(Array("only\n".utf8)[...])) == ["only"])
        #expect(ByteFields.lines([][...]).isEmpty)
    }

    @Test("fields: empty ones are kept, and the last holds the rest of the line")
    func fields() {
        let line = Array("in\t12\t\tpath with\ttab".utf8)[...]
        #expect(text(ByteFields.fields(line, count: 4)) == ["in", "12", "", "path with\ttab"])
        #expect(text(ByteFields.fields(line, count: 9)) == ["in", "12", "", "path with", "tab"])
        #expect(text(ByteFields.fields(Array("\t".utf8)[...], count: 3)) == ["", ""])
    }

    @Test("a slice keeps its place in the record: fields of a line in the middle")
    func slices() {
        let bytes = Array("head\na\u{1F}b\u{1F}\u{1F}c\ntail".utf8)
        let middle = ByteFields.lines(bytes[...])[1]
        let items = ByteFields.pieces(middle, separator: 0x1F, limit: .max, keepEmpty: true)
        #expect(text(items) == ["a", "b", "", "c"])
        #expect(items.first?.startIndex == 5)
    }

    @Test("find: the first occurrence, at the start, at the very end, or none")
    func find() {
        let bytes = Array("pplan\nplan\n".utf8)
        #expect(ByteFields.find(Array("plan\n".utf8), in: bytes) == 1)
        #expect(ByteFields.find(Array("pp".utf8), in: bytes) == 0)
        #expect(ByteFields.find(Array("n\n".utf8), in: bytes) == 4)
        #expect(ByteFields.find(Array("\nplan\n".utf8), in: bytes) == 5)
        #expect(ByteFields.find(Array("plan\n\n".utf8), in: bytes) == nil)
        #expect(ByteFields.find(Array("longer than the bytes".utf8), in: bytes) == nil)
    }

    @Test("offsets: fields as positions, as many as each line's first byte asks for")
    func offsets() {
        let bytes = Array("skip\nm\t1\t2\tdigest\tpath\twith tab\n\nf\t3\t4\tpath\n".utf8)
        let lines = ByteFields.offsets(bytes, in: 5..<bytes.count) { $0 == UInt8(ascii: "m") ? 5 : 4 }
        let read = lines.map { line in (0..<line.count).map { ByteFields.string(bytes[line.range($0)]) } }
        #expect(read == [["m", "1", "2", "digest", "path\twith tab"], ["f", "3", "4", "path"]])
    }
}
