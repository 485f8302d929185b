/// Reads a Rask build file's package block; scans the rest (see `RaskPackageDocument`).
struct RaskPackageParser {
    typealias Token = RaskLexer.Token
    typealias Document = RaskPackageDocument

    var lexer: RaskLexer
    var diagnostics: [Diagnostic] = []
    var package: Document.Package?
    var extraPackages: [SourceRange] = []
    var strayDependencies: [SourceRange] = []
    var buildFunction: SourceRange?
    /// The tokens read ahead and not yet taken (at most two: `peek(1)`).
    private var ahead: (Token?, Token?) = (nil, nil)

    /// Lists and sub-blocks nested deeper than this are not read (a fuzzer's input).
    static let depthLimit = 64

    init(bytes: [UInt8]) { lexer = RaskLexer(bytes: bytes) }

    private mutating func next() -> Token {
        guard let first = ahead.0 else { return lexer.next() }
        ahead = (ahead.1, nil)
        return first
    }

    /// The token `k` (0 or 1) places ahead, not taken.
    private mutating func peek(_ k: Int = 0) -> Token {
        if ahead.0 == nil { ahead.0 = lexer.next() }
        if k == 0 { return ahead.0! }
        precondition(k == 1, "the parser looks at most two tokens ahead")
        if ahead.1 == nil { ahead.1 = lexer.next() }
        return ahead.1!
    }

    private func text(_ t: Token) -> String { lexer.text(of: t) }

    private func isName(_ t: Token, _ word: String) -> Bool {
        t.kind == .name && lexer.bytes[t.range.lowerBound..<t.range.upperBound].elementsEqual(word.utf8)
    }

    private mutating func problem(_ message: String, at range: SourceRange, label: String? = nil, help: [String] = []) {
        diagnostics.append(.error(message, .raskSyntax, at: range, label: label, help: help))
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .end: "the end of the file"
        case .string, .unterminated: "a string"
        case .number: "the number \(text(t))"
        case .name: "'\(text(t))'"
        case .punctuation(let b): "'\(Character(Unicode.Scalar(b)))'"
        }
    }

    // MARK: The file

    /// The top of the file: the package block is read; `func build`, a second block and a
    /// stray `dep` are noted; everything else (the build logic) is only counted in braces.
    mutating func run() {
        var depth = 0
        var previous: Token?
        while true {
            let t = next()
            switch t.kind {
            case .end: return
            case .unterminated where depth == 0 && package == nil:
                diagnostics.append(.error("this string has no closing quote", .raskString, at: t.range, label: "opened here", help: ["close it with \" on the same line"]))
            case .punctuation(0x7B): depth += 1
            case .punctuation(0x7D): depth = max(0, depth - 1)
            case .name where isName(t, "package") && (peek().kind == .string || peek().kind == .unterminated) && (depth == 0 || startsLine(t)):
                // A block at the top, or at the start of a line after build logic whose braces
                // do not balance: a syntax error there never hides the block.
                if package == nil { package = packageBlock(keyword: t) } else { extraPackages.append(t.range); skipBlock() }
                depth = 0
            case .name where depth == 0:
                if isName(t, "dep"), peek().kind == .string {
                    strayDependencies.append(t.range)
                } else if isName(t, "build"), let p = previous, isName(p, "func") {
                    buildFunction = t.range
                }
            default: break
            }
            previous = t
        }
    }

    /// Whether only blanks are before the token on its line.
    private func startsLine(_ t: Token) -> Bool {
        var i = t.range.lowerBound
        while i > 0 {
            let b = lexer.bytes[i - 1]
            if b == 0x0A { return true }
            if b != 0x20 && b != 0x09 { return false }
            i -= 1
        }
        return true
    }

    /// Past a `package "x" … { … }` that is not read (a second block).
    @discardableResult
    private mutating func skipBlock() -> Int {
        var depth = 0
        while true {
            let t = next()
            switch t.kind {
            case .end: return t.range.upperBound
            case .punctuation(0x7B): depth += 1
            case .punctuation(0x7D):
                depth -= 1
                if depth <= 0 { return t.range.upperBound }
            default: break
            }
        }
    }

    // MARK: The block

    private mutating func packageBlock(keyword: Token) -> Document.Package {
        let nameToken = next()
        let name = located(nameToken)
        var version: Located<String>?
        if peek().kind == .string || peek().kind == .unterminated { version = located(next()) }
        var block = Document.Package(keyword: keyword.range, name: name, version: version, range: keyword.range)
        guard case .punctuation(0x7B) = peek().kind else {
            let t = peek()
            problem("expected '{' after the package's name\(version == nil ? "" : " and version"), found \(describe(t))", at: t.range,
                    label: "'{' expected here", help: ["write package \"\(name.value)\" \"0.1.0\" { … }"])
            return block
        }
        let open = next()
        var group = Document.Group(keyword: Located("package", range: keyword.range), name: name, range: open.range)
        let close = items(into: &group, open: open, depth: 1)
        block.entries = group.entries
        block.dependencies = group.dependencies
        block.groups = group.groups
        block.range = SourceRange(keyword.range.lowerBound, close)
        return block
    }

    /// A string token as a located string; a missing one is reported.
    private mutating func located(_ t: Token) -> Located<String> {
        switch t.kind {
        case .string: return Located(text(t), range: t.range)
        case .unterminated:
            diagnostics.append(.error("this string has no closing quote", .raskString, at: t.range, label: "opened here", help: ["close it with \" on the same line"]))
            return Located(text(t), range: t.range)
        default:
            problem("expected a name in quotes, found \(describe(t))", at: t.range, label: "a name goes here", help: ["write it in quotes: \"name\""])
            return Located("", range: t.range)
        }
    }

    /// The items of a block after its `{`, into `group`, up to the closing `}`: the offset
    /// after it (the end of the file when it is missing, which is reported).
    private mutating func items(into group: inout Document.Group, open: Token, depth: Int) -> Int {
        while true {
            let t = peek()
            switch t.kind {
            case .end:
                problem("this block has no closing '}'", at: open.range, label: "opened here", help: ["close it with }"])
                return t.range.upperBound
            case .punctuation(0x7D):
                _ = next()
                return t.range.upperBound
            case .punctuation(0x2C):
                _ = next()  // a separator between entries
            case .name:
                _ = next()
                if peek().kind == .punctuation(0x3A) {
                    _ = next()
                    let value = value(depth: depth)
                    group.entries.append(Document.Entry(key: Located(text(t), range: t.range), value: value))
                } else if isName(t, "dep") {
                    group.dependencies.append(dependency(keyword: t, depth: depth))
                } else if isName(t, "feature") || isName(t, "scope") || isName(t, "profile") {
                    if let g = self.group(keyword: t, depth: depth) { group.groups.append(g) }
                } else {
                    problem("expected an entry (key: value, dep, feature, scope or profile), found \(describe(t))", at: t.range,
                            label: "not an entry", help: ["write key: value, or dep \"name\" \"version\""])
                    recover()
                }
            default:
                _ = next()
                problem("expected an entry (key: value, dep, feature, scope or profile), found \(describe(t))", at: t.range, label: "not an entry")
                recover()
            }
        }
    }

    /// Past what cannot be read, to the next name that may start an entry (`key:`, `dep`,
    /// `feature`, `scope`, `profile`) or the block's end.
    private mutating func recover() {
        var depth = 0
        while true {
            let t = peek()
            switch t.kind {
            case .end: return
            case .punctuation(0x7B), .punctuation(0x5B): depth += 1
            case .punctuation(0x7D), .punctuation(0x5D):
                if depth == 0 { return }
                depth -= 1
            case .name where depth == 0:
                if isName(t, "dep") || isName(t, "feature") || isName(t, "scope") || isName(t, "profile") { return }
                if peek(1).kind == .punctuation(0x3A) { return }
            default: break
            }
            _ = next()
        }
    }

    /// `dep "name" ["version"] [{ key: value … }]` after `dep`.
    private mutating func dependency(keyword: Token, depth: Int) -> Document.Dependency {
        let nameToken = next()
        let name = located(nameToken)
        var version: Located<String>?
        if peek().kind == .string || peek().kind == .unterminated { version = located(next()) }
        var dep = Document.Dependency(name: name, version: version, properties: [], range: SourceRange(keyword.range.lowerBound, (version?.range ?? name.range).upperBound))
        guard peek().kind == .punctuation(0x7B) else { return dep }
        // A dep's block holds no dep, but one written there is read (and refused below): as
        // deep as groups may nest, and no deeper.
        if depth >= Self.depthLimit {
            problem("blocks nested more than \(Self.depthLimit) deep", at: peek().range)
            dep.range = SourceRange(keyword.range.lowerBound, skipBlock())
            return dep
        }
        let open = next()
        var group = Document.Group(keyword: Located("dep", range: keyword.range), name: name, range: open.range)
        let close = items(into: &group, open: open, depth: depth + 1)
        dep.properties = group.entries
        for d in group.dependencies { problem("a dep cannot hold another dep", at: d.range, label: "inside dep \"\(name.value)\"") }
        for g in group.groups { problem("a dep cannot hold a \(g.keyword.value)", at: g.keyword.range, label: "inside dep \"\(name.value)\"") }
        dep.range = SourceRange(keyword.range.lowerBound, close)
        return dep
    }

    /// `feature|scope|profile "name" [{ … }]` after its keyword.
    private mutating func group(keyword: Token, depth: Int) -> Document.Group? {
        let name = located(next())
        var group = Document.Group(keyword: Located(text(keyword), range: keyword.range), name: name, range: SourceRange(keyword.range.lowerBound, name.range.upperBound))
        guard peek().kind == .punctuation(0x7B) else { return group }
        if depth >= Self.depthLimit {
            problem("blocks nested more than \(Self.depthLimit) deep", at: peek().range)
            skipBlock()
            return nil
        }
        let open = next()
        group.hasBlock = true
        let close = items(into: &group, open: open, depth: depth + 1)
        group.range = SourceRange(keyword.range.lowerBound, close)
        return group
    }

    // MARK: Values

    private mutating func value(depth: Int) -> Document.Value {
        let t = peek()
        switch t.kind {
        case .string:
            _ = next()
            return Document.Value(kind: .string(text(t)), range: t.range)
        case .unterminated:
            _ = next()
            diagnostics.append(.error("this string has no closing quote", .raskString, at: t.range, label: "opened here", help: ["close it with \" on the same line"]))
            return Document.Value(kind: .string(text(t)), range: t.range)
        case .number:
            _ = next()
            return Document.Value(kind: .number(text(t)), range: t.range)
        case .name:
            _ = next()
            if isName(t, "true") || isName(t, "false") { return Document.Value(kind: .bool(isName(t, "true")), range: t.range) }
            return Document.Value(kind: .word(text(t)), range: t.range)
        case .punctuation(0x5B):
            _ = next()
            guard depth < Self.depthLimit else {
                problem("lists nested more than \(Self.depthLimit) deep", at: t.range)
                // The list it opens is skipped whole, up to its `]` (or the `}` or the end that
                // comes first): what is in it is not read, and not reported item by item.
                var open = 1
                var end = t.range.upperBound
                while open > 0 {
                    let e = peek()
                    if e.kind == .end || e.kind == .punctuation(0x7D) { break }
                    _ = next()
                    end = e.range.upperBound
                    if e.kind == .punctuation(0x5B) { open += 1 } else if e.kind == .punctuation(0x5D) { open -= 1 }
                }
                return Document.Value(kind: .invalid, range: SourceRange(t.range.lowerBound, end))
            }
            var elements: [Document.Value] = []
            while true {
                let e = peek()
                switch e.kind {
                case .punctuation(0x5D):
                    _ = next()
                    return Document.Value(kind: .list(elements), range: SourceRange(t.range.lowerBound, e.range.upperBound))
                case .end:
                    problem("this list has no closing ']'", at: t.range, label: "opened here", help: ["close it with ]"])
                    return Document.Value(kind: .list(elements), range: SourceRange(t.range.lowerBound, e.range.lowerBound))
                case .punctuation(0x2C):
                    _ = next()
                case .punctuation(0x7D):
                    problem("this list has no closing ']'", at: t.range, label: "opened here", help: ["close it with ] before the }"])
                    return Document.Value(kind: .list(elements), range: SourceRange(t.range.lowerBound, e.range.lowerBound))
                default:
                    elements.append(value(depth: depth + 1))
                }
            }
        default:
            problem("expected a value (a string, a number, true, false or a list), found \(describe(t))", at: t.range, label: "a value goes here")
            // What closes a list or block is left for it; anything else is taken.
            if t.kind != .end && t.kind != .punctuation(0x7D) && t.kind != .punctuation(0x5D) { _ = next() }
            return Document.Value(kind: .invalid, range: SourceRange(t.range.lowerBound, t.range.lowerBound))
        }
    }
}
