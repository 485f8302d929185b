/// What an editor can fold in a TOML file, from its syntax: each table from its header to its
/// last entry, each array or inline table written over several lines (its closing bracket left
/// shown when it starts a line), and each run of two or more lines that are comments alone.
/// Tables go by where they are written, not by their keys: `[a]` and a later `[a.b]` fold apart.
public enum TOMLFolding {
    public static func regions(_ tree: TOMLSyntaxTree) -> [FoldingRegion] {
        let source = tree.source
        var out: [FoldingRegion] = []
        // Tables: a header, to the last key/value line before the next header.
        var header: TOMLTableHeaderSyntax?
        var lastEntry: TOMLKeyValueSyntax?
        func closeTable() {
            if let h = header, let kv = lastEntry, let r = FoldingRegion.lines(from: h.range.lowerBound, through: kv.range.upperBound, in: source, bracketed: false) {
                out.append(r)
            }
        }
        var inHeader = Set<Int>()
        for statement in tree.statements {
            switch statement {
            case .header(let h):
                closeTable()
                (header, lastEntry) = (h, nil)
                inHeader.formUnion(h.tokens)
            case .keyValue(let kv):
                lastEntry = kv
            }
        }
        closeTable()
        // Brackets of values over several lines, and comment lines.
        var open: [Int] = []
        var commentLines: [Int] = []
        var lineStarts = true  // only whitespace since the last line break
        for (i, token) in tree.tokens.enumerated() {
            switch token.kind {
            case .leftBracket, .leftBrace:
                if !inHeader.contains(i) { open.append(token.range.lowerBound) }
            case .rightBracket, .rightBrace:
                if !inHeader.contains(i), let start = open.popLast(),
                   let r = FoldingRegion.lines(from: start, through: token.range.upperBound, in: source) { out.append(r) }
            case .comment where lineStarts:
                commentLines.append(source.lines.line(containing: token.range.lowerBound))
            default:
                break
            }
            if token.kind == .newline { lineStarts = true } else if token.kind != .whitespace { lineStarts = false }
        }
        var run: [Int] = []
        for line in commentLines + [Int.min] {
            if let last = run.last, line == last + 1 { run.append(line); continue }
            if run.count >= 2 { out.append(FoldingRegion(startLine: run[0], endLine: run[run.count - 1], kind: .comment)) }
            run = [line]
        }
        return out.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }
}
