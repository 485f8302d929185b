/// Where a new element goes at the end of a bracketed list of a manifest (TOML's
/// `members = ["app"]`, a Rask block's `members: ["lsm"]`), laid out as the list is: on a line
/// of its own, indented as the last element, in a list written one element per line (a comment
/// after the last element stays on its line); after `, ` in a list written on one line. A
/// trailing comma is kept.
enum ListAppend {
    /// - Parameters:
    ///   - rendered: the new element as the format writes it (quotes included).
    ///   - list: the list's range, its brackets included.
    ///   - elements: the ranges of the elements there are.
    ///   - comment: what starts a comment to the end of the line in this format.
    static func edits(_ rendered: String, list: SourceRange, elements: [SourceRange], in source: SourceText, comment: String) -> [TextEdit] {
        let bytes = source.bytes
        let close = list.upperBound - 1
        guard let last = elements.last else { return [TextEdit(range: SourceRange(list.lowerBound + 1, close), newText: rendered)] }
        // What follows the last element: a trailing comma, and the end of its line when `]` is
        // on a later line.
        let marker = Array(comment.utf8)
        var comma: Int?
        var lineEnd: Int?
        var i = last.upperBound
        while i < close && lineEnd == nil {
            if bytes[i...].starts(with: marker) {
                while i < close && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            switch bytes[i] {
            case UInt8(ascii: ","): comma = comma ?? i
            case UInt8(ascii: "\n"): lineEnd = i > 0 && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
            default: break
            }
            i += 1
        }
        let lines = source.lines
        let lastLine = lines.line(containing: last.lowerBound)
        let onLines = elements.count == 1 || lines.line(containing: elements[0].lowerBound) != lastLine
        if onLines, let lineEnd {
            var indentEnd = lines.lineStarts[lastLine]
            while indentEnd < bytes.count && (bytes[indentEnd] == 0x20 || bytes[indentEnd] == 0x09) { indentEnd += 1 }
            let line = source.preferredNewline + source.text(SourceRange(lines.lineStarts[lastLine], indentEnd)) + rendered
            if comma != nil { return [TextEdit(range: .at(lineEnd), newText: line + ",")] }
            return [TextEdit(range: .at(last.upperBound), newText: ","), TextEdit(range: .at(lineEnd), newText: line)]
        }
        if let comma { return [TextEdit(range: .at(comma + 1), newText: " " + rendered + ",")] }
        return [TextEdit(range: .at(last.upperBound), newText: ", " + rendered)]
    }
}
