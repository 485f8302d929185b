/// A TOML file laid out one way, as taplo and tombi lay it out by default, with nothing but its
/// layout changed: every token is kept as written (strings, numbers, comments, line breaks),
/// only the space between them and the blank lines are set, and a multi-line array gets a
/// comma after its last element. What it means is unchanged, and formatting twice gives what
/// formatting once gave.
///
/// - no indentation before a key, a table header or a comment at the top level;
/// - one space on each side of `=`, none around the dots of a key or inside a header's brackets
///   (`[a.b]`), one after each comma and none before it;
/// - `[1, 2]` and `{ a = 1 }` on one line (no trailing comma there), `[]` and `{}` when empty;
/// - in an array over several lines, the author's line breaks kept, each line indented four
///   spaces a level, the closing bracket at the level of the line that opened it, and a comma
///   after the last element when the bracket is on a line of its own;
/// - a comment after a value keeps the spaces before it (aligned comments stay aligned), at
///   least one;
/// - no space at the end of a line, at most one blank line in a row, none at the start, and one
///   line break at the end (CR LF where the file uses it).
///
/// A file with a syntax error is not formatted (nil): where its parts begin and end is not known.
public enum TOMLFormatter {
    static let indent: [UInt8] = Array("    ".utf8)

    public static func format(_ source: SourceText, version: TOMLVersion = .v1_0) -> [UInt8]? {
        format(TOMLSyntaxTree.parse(source, version: version))
    }

    public static func format(_ tree: TOMLSyntaxTree) -> [UInt8]? {
        guard !tree.diagnostics.contains(where: { $0.severity == .error }), !tree.tokens.contains(where: { $0.kind == .error }) else { return nil }
        var writer = Writer(tree: tree)
        writer.run()
        return writer.out
    }

    /// An open bracket of a value: an array or an inline table, and whether it spans lines.
    private struct Open {
        var isArray: Bool
        var multiline: Bool
        /// Where the output stands after the container's last element or comma: where a missing
        /// trailing comma goes, or a single-line one is taken out.
        var afterLast: Int?
        var lastWasComma = false
        /// The level of indentation of the line that opened it.
        var level: Int
    }

    private struct Writer {
        let tree: TOMLSyntaxTree
        let bytes: [UInt8]
        var out: [UInt8] = []
        /// Token indices inside a table header's brackets.
        var inHeader: [Bool]
        /// For each opening bracket of a value, whether its matching bracket is on another line.
        var spansLines: [Int: Bool] = [:]
        var open: [Open] = []
        var newline: [UInt8]

        init(tree: TOMLSyntaxTree) {
            self.tree = tree
            bytes = tree.source.bytes
            out.reserveCapacity(bytes.count + bytes.count / 8)
            inHeader = [Bool](repeating: false, count: tree.tokens.count)
            for case .header(let h) in tree.statements {
                for i in h.tokens where h.range.contains(tree.tokens[i].range.lowerBound) { inHeader[i] = true }
            }
            newline = tree.tokens.contains { $0.kind == .newline && tree.source.bytes[$0.range.lowerBound] == 0x0D } ? [0x0D, 0x0A] : [0x0A]
            // A line break inside a bracket is inside every bracket around it too: each is
            // marked on the innermost one and handed outward when it closes (linear however
            // deep they nest).
            var stack: [(start: Int, spans: Bool)] = []
            for (i, token) in tree.tokens.enumerated() where !inHeader[i] {
                switch token.kind {
                case .leftBracket, .leftBrace: stack.append((i, false))
                case .rightBracket, .rightBrace:
                    guard let (start, spans) = stack.popLast() else { break }
                    spansLines[start] = spans
                    if spans, !stack.isEmpty { stack[stack.count - 1].spans = true }
                case .newline:
                    if !stack.isEmpty { stack[stack.count - 1].spans = true }
                default: break
                }
            }
        }

        func text(_ token: TOMLToken) -> ArraySlice<UInt8> { bytes[token.range.range] }

        /// The indentation level of a line inside value brackets: one for each open multi-line one.
        var level: Int { open.last.map { $0.multiline ? $0.level + 1 : $0.level } ?? 0 }

        mutating func run() {
            let tokens = tree.tokens
            var previous: TOMLToken?  // the last token written on this line, nil at a line's start
            var blankLines = 0
            var wroteLine = false  // something other than a blank line was written
            var spaceBefore: ArraySlice<UInt8> = []
            for (i, token) in tokens.enumerated() {
                switch token.kind {
                case .whitespace:
                    spaceBefore = text(token)
                    continue
                case .newline:
                    if previous == nil {
                        if wroteLine { blankLines += 1 }
                    } else {
                        out += text(token)
                        previous = nil
                    }
                    spaceBefore = []
                    continue
                default:
                    break
                }
                if previous == nil {
                    // A line's first token: the blank lines before it (one at most), then its indentation.
                    if blankLines > 0 { out += newline }
                    blankLines = 0
                    let closes = (token.kind == .rightBracket || token.kind == .rightBrace) && !inHeader[i]
                    let depth = closes ? (open.last?.level ?? 0) : level
                    for _ in 0..<depth { out += TOMLFormatter.indent }
                } else {
                    out += separator(previous!, token, at: i, space: spaceBefore)
                }
                spaceBefore = []
                write(token, at: i)
                previous = token
                wroteLine = true
            }
            // No space at the end; one line break.
            while let last = out.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { out.removeLast() }
            if !out.isEmpty { out += newline }
        }

        /// What goes between two tokens of one line.
        func separator(_ a: TOMLToken, _ b: TOMLToken, at index: Int, space: ArraySlice<UInt8>) -> [UInt8] {
            if b.kind == .comment { return space.isEmpty ? [0x20] : Array(space) }
            if inHeader[index] { return [] }
            switch (a.kind, b.kind) {
            case (.equals, _), (_, .equals), (.comma, _): return [0x20]
            case (_, .comma), (.dot, _), (_, .dot): return []
            case (.leftBracket, .rightBracket), (.leftBrace, .rightBrace): return []
            case (.leftBracket, _), (_, .rightBracket): return []
            case (.leftBrace, _), (_, .rightBrace): return [0x20]
            default: return space.isEmpty ? [] : [0x20]
            }
        }

        mutating func write(_ token: TOMLToken, at index: Int) {
            if inHeader[index] {
                out += text(token)
                return
            }
            switch token.kind {
            case .leftBracket, .leftBrace:
                open.append(Open(isArray: token.kind == .leftBracket, multiline: spansLines[index] ?? false, level: level))
                out += text(token)
            case .rightBracket, .rightBrace:
                if let container = open.popLast(), let at = container.afterLast {
                    let ownLine = out.suffix(from: at).contains(0x0A)
                    if container.isArray && container.multiline && ownLine && !container.lastWasComma {
                        out.insert(0x2C, at: at)
                    } else if container.lastWasComma && !(container.multiline && ownLine) {
                        // `[1, 2, ]` on one line: the comma goes (`{ a = 1, }`, TOML 1.1's, too).
                        out.remove(at: at - 1)
                        while let last = out.last, last == 0x20 { out.removeLast() }
                        if !container.isArray { out.append(0x20) }
                    }
                }
                out += text(token)
                markElement()
            case .comma:
                out += text(token)
                if !open.isEmpty {
                    open[open.count - 1].afterLast = out.count
                    open[open.count - 1].lastWasComma = true
                }
            case .comment:
                out += text(token)
            default:
                out += text(token)
                markElement()
            }
        }

        /// A value ended: it is the container's last element so far.
        mutating func markElement() {
            guard !open.isEmpty else { return }
            open[open.count - 1].afterLast = out.count
            open[open.count - 1].lastWasComma = false
        }
    }
}
