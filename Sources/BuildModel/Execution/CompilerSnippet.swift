/// The two lines gcc and clang draw under a diagnostic's header: the source line as they show
/// it, tabs turned into spaces up to every eighth column, and the marks under it.
///
///     util/csrc/clamp.c:4:22: error: 'nope' undeclared
///         4 |         int unused = nope;
///           |                      ^~~~
///
/// (or the same two lines without the `N |` gutter, as older compilers draw them). The header's
/// column is a byte for clang and a display column for gcc, so it cannot say by itself which
/// byte is meant in a line with tabs or wide characters; the marks can, and they also give the
/// range's width: the run of `~` and `^` around the caret.
enum CompilerSnippet {
    static let tabStop = 8

    /// The byte range within `line` (a source line's bytes, without its end) that the marks
    /// under the shown line point at; nil when the shown line is not `line` as the compiler
    /// draws it (another line, one cut short, another tab width) or no caret is there.
    static func markedRange(shown: Substring, marks: Substring, line: ArraySlice<UInt8>) -> (bytes: Range<Int>, columns: Range<Int>)? {
        guard let drawn = drawn(shown: shown, marks: marks),
              let caret = drawn.marks.firstIndex(of: "^") else { return nil }
        let marks = Array(drawn.marks.utf8)
        let at = drawn.marks.utf8.distance(from: drawn.marks.startIndex, to: caret)
        var low = at, high = at + 1
        while low > 0 && (marks[low - 1] == UInt8(ascii: "~") || marks[low - 1] == UInt8(ascii: "^")) { low -= 1 }
        while high < marks.count && (marks[high] == UInt8(ascii: "~") || marks[high] == UInt8(ascii: "^")) { high += 1 }
        // Each scalar of the line and the display columns it covers.
        var expanded = ""
        var column = 0
        var spans: [(columns: Range<Int>, bytes: Range<Int>)] = []
        var offset = line.startIndex
        guard let text = String(validating: line, as: UTF8.self) else { return nil }
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            let width = scalar == "\t" ? tabStop - column % tabStop : DisplayWidth.of(scalar)
            if scalar == "\t" { expanded += String(repeating: " ", count: width) } else { expanded.unicodeScalars.append(scalar) }
            spans.append((column..<column + width, offset..<offset + size))
            column += width
            offset += size
        }
        guard offset == line.endIndex, trimmedEnd(expanded) == trimmedEnd(Substring(drawn.shown)) else { return nil }
        // The marks may reach one column past the line (a missing ';' is marked there).
        func byte(atColumn c: Int) -> Int? {
            if c >= column { return c == column ? line.endIndex : nil }
            return spans.first { $0.columns.contains(c) }?.bytes.lowerBound
        }
        guard let start = byte(atColumn: low) else { return nil }
        let end = spans.last { $0.columns.lowerBound < high }.map { max($0.bytes.upperBound, start) } ?? start
        return (start..<max(end, start), low..<high)
    }

    /// gcc's label under the marks (`int` below, the type of what is marked), when one stands
    /// under the marked `columns`: a line with a `|` there, then the label from that column.
    ///
    ///       |                             ^~~~~
    ///       |                             |
    ///       |                             int
    static func label(_ bar: Substring, _ text: Substring, under columns: Range<Int>) -> String? {
        guard let at = gutterBar(bar, numbered: false), gutterBar(text, numbered: false) == at else { return nil }
        let stem = Array(after(at, in: bar).utf8), words = after(at, in: text)
        guard let column = stem.firstIndex(of: UInt8(ascii: "|")), columns.contains(column),
              stem.enumerated().allSatisfy({ $0.element == 0x20 || $0.offset == column }),
              words.utf8.prefix(column).allSatisfy({ $0 == 0x20 }), words.utf8.count > column,
              words.utf8.dropFirst(column).first != 0x20 else { return nil }
        let label = Substring(words.utf8.dropFirst(column))
        return label.contains("|") ? nil : String(label)
    }

    /// The shown line and the marks as drawn, without a gutter: both lines have one (`  4 | `
    /// and `    | `, the bar in the same column), or neither does and the marks are only marks.
    private static func drawn(shown: Substring, marks: Substring) -> (shown: Substring, marks: Substring)? {
        if let bar = gutterBar(shown, numbered: true) {
            guard gutterBar(marks, numbered: false) == bar else { return nil }
            return (after(bar, in: shown), after(bar, in: marks))
        }
        guard marks.allSatisfy({ $0 == " " || $0 == "^" || $0 == "~" }) else { return nil }
        return (shown, marks)
    }

    /// The offset of the `|` that ends a gutter of spaces (and, when numbered, a line number).
    private static func gutterBar(_ line: Substring, numbered: Bool) -> Int? {
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        if numbered {
            let digits = i
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            guard i > digits, i < bytes.count, bytes[i] == 0x20 else { return nil }
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "|") else { return nil }
        return i
    }

    /// What follows `| ` at `bar`.
    private static func after(_ bar: Int, in line: Substring) -> Substring {
        let rest = line.utf8.dropFirst(bar + 1)
        return Substring(rest.first == 0x20 ? rest.dropFirst() : rest)
    }

    private static func trimmedEnd(_ text: some StringProtocol) -> Substring {
        var text = Substring(text)
        while text.last == " " { text.removeLast() }
        return text
    }
}
