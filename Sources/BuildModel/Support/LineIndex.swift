/// How a column counts characters on a line.
public enum ColumnEncoding: String, Sendable, CaseIterable {
    /// Bytes of UTF-8 (what terminals and compilers print, after adding 1).
    case utf8 = "utf-8"
    /// UTF-16 code units (the LSP default; a character outside the BMP counts 2).
    case utf16 = "utf-16"
    /// Unicode scalars.
    case utf32 = "utf-32"
}

/// A zero-based line and column.
public struct LinePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: LinePosition, b: LinePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// `line:column`, one-based, as compilers print it.
    public var description: String { "\(line + 1):\(column + 1)" }
}

/// Converts between byte offsets and line/column positions of one text.
///
/// Line breaks are `\n`, `\r\n` and a lone `\r` (the LSP's three). A UTF-8 byte
/// order mark at the start is not part of line 0's columns. Offsets inside a
/// multi-byte character snap back to its first byte; columns past the end of a
/// line clamp to the line's end, and lines past the last clamp to the end of the text.
/// Invalid UTF-8 counts one column per byte, in every encoding.
public struct LineIndex: Sendable {
    public let bytes: [UInt8]
    /// Offset of the first byte of every line; `lineStarts[0]` is after any BOM.
    public let lineStarts: [Int]
    /// Whether each line holds a byte outside ASCII. On a line with none, a column in every
    /// encoding is the byte's distance from the line's start, with no walk along the line: a
    /// manifest of ten thousand entries on one line with an error at each is not read across
    /// once per error.
    private let beyondASCII: [Bool]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 32 + 1)
        var beyond: [Bool] = []
        beyond.reserveCapacity(bytes.count / 32 + 1)
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        starts.append(bom)
        bytes.withUnsafeBufferPointer { buf in
            var i = bom
            let n = buf.count
            var wide = false
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(i + 1)
                    beyond.append(wide)
                    wide = false
                } else if b == 0x0D {
                    if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                    beyond.append(wide)
                    wide = false
                } else if b >= 0x80 {
                    wide = true
                }
                i += 1
            }
            beyond.append(wide)
        }
        self.lineStarts = starts
        self.beyondASCII = beyond
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of `line` without its line break.
    public func contentRange(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > start && bytes[end - 1] == 0x0A { end -= 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The line holding `offset` (clamped into the text).
    public func line(containing offset: Int) -> Int {
        let offset = max(0, min(offset, bytes.count))
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    public func position(of offset: Int, in encoding: ColumnEncoding = .utf16) -> LinePosition {
        let offset = max(0, min(offset, bytes.count))
        let line = line(containing: offset)
        let content = contentRange(ofLine: line)
        let target = min(max(offset, content.lowerBound), content.upperBound)
        if !beyondASCII[line] { return LinePosition(line: line, column: target - content.lowerBound) }
        if encoding == .utf8 {
            return LinePosition(line: line, column: snapToCharacterStart(target, lineStart: content.lowerBound) - content.lowerBound)
        }
        var column = 0
        var i = content.lowerBound
        while i < target {
            let (length, units) = characterAt(i, end: content.upperBound)
            if i + length > target { break }
            column += encoding == .utf16 ? units : 1
            i += length
        }
        return LinePosition(line: line, column: column)
    }

    /// The byte offset of `position`; see the type's notes for clamping.
    public func offset(of position: LinePosition, in encoding: ColumnEncoding = .utf16) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineStarts.count { return bytes.count }
        let content = contentRange(ofLine: position.line)
        let wanted = max(0, position.column)
        if encoding == .utf8 || !beyondASCII[position.line] {
            // `wanted` comes from a client and may be as large as Int.max: compare before adding.
            let raw = wanted >= content.count ? content.upperBound : content.lowerBound + wanted
            return snapToCharacterStart(raw, lineStart: content.lowerBound)
        }
        var column = 0
        var i = content.lowerBound
        while i < content.upperBound && column < wanted {
            let (length, units) = characterAt(i, end: content.upperBound)
            let width = encoding == .utf16 ? units : 1
            if column + width > wanted { break }  // inside a surrogate pair: stay at its start
            column += width
            i += length
        }
        return i
    }

    /// Length in bytes and UTF-16 units of the character at `i`.
    private func characterAt(_ i: Int, end: Int) -> (length: Int, utf16Units: Int) {
        let b = bytes[i]
        let length: Int
        switch b {
        case 0x00..<0x80: return (1, 1)
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return (1, 1)
        }
        if i + length > end { return (1, 1) }
        for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (1, 1) }
        return (length, length == 4 ? 2 : 1)
    }

    private func snapToCharacterStart(_ offset: Int, lineStart: Int) -> Int {
        var o = offset
        var steps = 0
        while o > lineStart && o < bytes.count && bytes[o] & 0xC0 == 0x80 && steps < 3 {
            o -= 1
            steps += 1
        }
        // Only snap when we landed inside a well-formed character.
        if o != offset {
            let (length, _) = characterAt(o, end: bytes.count)
            if o + length <= offset { return offset }
        }
        return o
    }
}
