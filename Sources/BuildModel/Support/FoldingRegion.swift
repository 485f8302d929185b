/// Lines of a file an editor can fold into one (`textDocument/foldingRange`): from `startLine`,
/// which stays shown, to `endLine`, 0-based.
public struct FoldingRegion: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A table, block or bracketed value.
        case region
        /// Lines that are comments alone.
        case comment
        /// A source file's imports.
        case imports
    }

    /// At most this many are given for a file (of an outline's symbols, as many): a generated
    /// file's 300,000 would cost the editor more than they help.
    static let limit = 5_000

    public var startLine: Int
    public var endLine: Int
    public var kind: Kind

    public init(startLine: Int, endLine: Int, kind: Kind = .region) {
        self.startLine = startLine
        self.endLine = endLine
        self.kind = kind
    }

    /// The region from the line of `start` to the line of `end` (the last byte's); with
    /// `bracketed` (what it folds ends with its closing bracket), that line kept out when it
    /// starts with the bracket (`}`, `]`, `)`), as editors fold braces. Nil when that leaves no
    /// line to fold.
    static func lines(from start: Int, through end: Int, in source: SourceText, bracketed: Bool = true, kind: Kind = .region) -> FoldingRegion? {
        let lines = source.lines
        let first = lines.line(containing: start)
        var last = lines.line(containing: max(start, end - 1))
        let content = lines.contentRange(ofLine: last)
        if bracketed, let closer = source.bytes[content].first(where: { $0 != 0x20 && $0 != 0x09 }),
           [UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")")].contains(closer) {
            last -= 1
        }
        return last > first ? FoldingRegion(startLine: first, endLine: last, kind: kind) : nil
    }

    /// A source file's imports as one region, from the first import's line to the last's
    /// (blank and comment lines between them included); nil for fewer than two lines.
    public static func imports(_ statements: [ImportStatement], in source: SourceText) -> FoldingRegion? {
        guard let first = statements.map(\.range.lowerBound).min(), let last = statements.map(\.range.upperBound).max() else { return nil }
        let (a, b) = (source.lines.line(containing: first), source.lines.line(containing: max(first, last - 1)))
        return b > a ? FoldingRegion(startLine: a, endLine: b, kind: .imports) : nil
    }

    /// The regions of an outline: each symbol written over several lines, its children's too.
    static func regions(of outline: [ManifestSymbol], in source: SourceText) -> [FoldingRegion] {
        var out: [FoldingRegion] = []
        func walk(_ symbols: [ManifestSymbol]) {
            for s in symbols {
                if let r = lines(from: s.range.lowerBound, through: s.range.upperBound, in: source) { out.append(r) }
                walk(s.children)
            }
        }
        walk(outline)
        return out
    }
}
