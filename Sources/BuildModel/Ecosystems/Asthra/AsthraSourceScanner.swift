/// Finds the `package` declaration and the `import` statements of an Asthra source file.
///
/// `package main;` / `package stdlib::hash;` and `import "path";` / `import "path" as name;`
/// are recognised at the top level (outside braces, brackets and parentheses); comments and
/// string literals never produce statements. Malformed statements are reported and skipped.
struct AsthraSourceScanner {
    private var lexer: AsthraLexer
    private var scan = SourceScan()
    private var lookahead: AsthraLexer.Token?
    /// Where the last token taken (`next`) ends.
    private var lastEnd = 0

    static func scan(_ source: SourceText) -> SourceScan {
        var scanner = AsthraSourceScanner(lexer: AsthraLexer(source.bytes))
        scanner.run()
        return scanner.scan
    }

    private init(lexer: AsthraLexer) { self.lexer = lexer }

    private mutating func next() -> AsthraLexer.Token {
        let t: AsthraLexer.Token
        if let ahead = lookahead {
            lookahead = nil
            t = ahead
        } else {
            t = lexer.next()
        }
        if t.kind != .end { lastEnd = t.range.upperBound }
        return t
    }

    /// Whether a line ends between two offsets (in the whitespace or a comment between tokens).
    private func lineBreak(from start: Int, to end: Int) -> Bool {
        start < end && lexer.bytes[start..<end].contains { $0 == 0x0A || $0 == 0x0D }
    }

    private mutating func peek() -> AsthraLexer.Token {
        if let t = lookahead { return t }
        let t = lexer.next()
        lookahead = t
        return t
    }

    /// Words the grammar keeps for itself: not names an import may be bound to.
    static let keywords: Set<String> = [
        "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "import", "in", "let",
        "match", "mut", "none", "package", "priv", "pub", "return", "self", "spawn", "struct", "true", "unsafe", "void", "while",
    ]

    /// The first declaration (`pub fn main`, `struct …`): imports after it are in the wrong place.
    private var firstDeclaration: SourceRange?

    private mutating func run() {
        var depth = 0
        while true {
            let token = next()
            switch token.kind {
            case .end:
                if let comment = lexer.unterminatedComment {
                    scan.diagnostics.append(.error("unterminated block comment", .malformedImport, at: comment, help: ["close it with */"]))
                }
                return
            case .punctuation(let b):
                if b == 0x7B || b == 0x28 || b == 0x5B { depth += 1 }
                if (b == 0x7D || b == 0x29 || b == 0x5D) && depth > 0 { depth -= 1 }
            case .identifier where depth == 0:
                if lexer.isIdentifier(token, "import") {
                    let count = scan.imports.count
                    importStatement(token)
                    if let declaration = firstDeclaration, scan.imports.count > count {
                        var d = Diagnostic.warning(
                            "import after the first declaration; today's compiler reads imports only at the top of the file, after `package`",
                            .importAfterDeclaration, at: scan.imports[count].literalRange,
                            help: ["move the import above the first declaration"])
                        d.related = [Diagnostic.Related(range: declaration, message: "the first declaration")]
                        scan.diagnostics.append(d)
                    }
                } else if lexer.isIdentifier(token, "package") {
                    packageDeclaration(token)
                } else if firstDeclaration == nil {
                    firstDeclaration = token.range
                }
            default:
                break
            }
        }
    }

    private func describe(_ token: AsthraLexer.Token) -> String {
        switch token.kind {
        case .end: "the end of the file"
        case .string: "a string"
        case .character: "a character literal"
        default:
            token.range.count == 1 && lexer.bytes[token.range.lowerBound] == 0x0A ? "a newline" : "'\(lexer.text(token.range))'"
        }
    }

    /// Skips to the `;` ending a broken statement (or the end of the line it stands on).
    private mutating func recover() {
        while true {
            let t = peek()
            if t.kind == .end || lineBreak(from: lastEnd, to: t.range.lowerBound) { return }
            if case .punctuation(let b) = t.kind, b == 0x3B { _ = next(); return }
            if case .punctuation(let b) = t.kind, b == 0x7B || b == 0x7D { return }
            if lexer.isIdentifier(t, "import") || lexer.isIdentifier(t, "package") { return }
            _ = next()
        }
    }

    private mutating func importStatement(_ keyword: AsthraLexer.Token) {
        let pathToken = peek()
        if pathToken.kind == .character, pathToken.range.count >= 2, lexer.bytes[pathToken.range.upperBound - 1] == 0x27 {
            // `import 'std/io';`: the path in single quotes; the fix swaps the quotes.
            let inner = String(lexer.text(SourceRange(pathToken.range.lowerBound + 1, pathToken.range.upperBound - 1)))
            let quoted = "\"" + inner.replacingBackslashQuotes + "\""
            scan.diagnostics.append(.error(
                "an import path is written in double quotes, not single quotes", .malformedImport, at: pathToken.range,
                help: ["write it as: import \(quoted);"],
                fix: Diagnostic.Fix(title: "Use double quotes", edits: [TextEdit(range: pathToken.range, newText: quoted)], certain: true)))
            _ = next()
            recover()
            return
        }
        guard case .string(let terminated) = pathToken.kind else {
            // `import stdlib/string;`: suggest the quoted form. A bare path is the words up to
            // the end of its line (or a `;`, a brace, `as`, the next statement).
            var end = keyword.range.upperBound
            var words: [String] = []
            // `import stdlib/io";`: a quote right after the words closes the path it never opened.
            var closed = false
            while true {
                let t = peek()
                if t.kind == .end || lineBreak(from: end, to: t.range.lowerBound) { break }
                if case .string = t.kind {
                    closed = !words.isEmpty && t.range.lowerBound == end
                    break
                }
                if case .punctuation(let b) = t.kind, b == 0x3B || b == 0x7B || b == 0x7D { break }
                if lexer.isIdentifier(t, "as") || lexer.isIdentifier(t, "import") || lexer.isIdentifier(t, "package") { break }
                words.append(String(lexer.text(t.range)))
                end = t.range.upperBound
                _ = next()
            }
            let range = words.isEmpty ? pathToken.range : SourceRange(pathToken.range.lowerBound, end)
            let path = words.joined()
            if closed {
                scan.diagnostics.append(.error("import path '\(path)' has no opening quote", .malformedImport, at: range,
                                               help: ["open it with a double quote: import \"\(path)\""],
                                               fix: Diagnostic.Fix(title: "Add the opening quote", edits: [TextEdit(range: .at(range.lowerBound), newText: "\"")], certain: true)))
                recover()
                return
            }
            var help = ["an import names its path in double quotes"]
            var fix: Diagnostic.Fix?
            if !words.isEmpty {
                help = ["write the path in double quotes: import \"\(path)\";"]
                fix = Diagnostic.Fix(title: "Quote the import path", edits: [TextEdit(range: range, newText: "\"\(path)\"")], certain: true)
            }
            // Nothing after `import` on its line: the line's end is what was found.
            let lineEnds = words.isEmpty && pathToken.kind != .end && lineBreak(from: keyword.range.upperBound, to: pathToken.range.lowerBound)
            let found = lineEnds ? "the end of the line" : words.isEmpty ? describe(pathToken) : "'\(lexer.text(range))'"
            scan.diagnostics.append(.error("expected a string after 'import', found \(found)", .malformedImport,
                                           at: lineEnds ? .at(keyword.range.upperBound) : range, help: help, fix: fix))
            recover()
            return
        }
        _ = next()
        guard terminated else {
            scan.diagnostics.append(.error("unterminated string in import", .malformedImport, at: pathToken.range, help: ["close the path with a double quote: import \"stdlib/io\";"]))
            recover()
            return
        }
        let literal = pathToken.range
        let isBlock = literal.count >= 6 && lexer.bytes[literal.lowerBound + 1] == 0x22 && lexer.bytes[literal.lowerBound + 2] == 0x22
        let isRaw = lexer.bytes[literal.lowerBound] == 0x72
        let quote = isBlock ? 3 : 1
        let inner = SourceRange(literal.lowerBound + quote + (isRaw ? 1 : 0), literal.upperBound - quote)
        guard !isBlock else {
            scan.diagnostics.append(.error("an import path is a one-line string", .malformedImport, at: literal, help: ["write it as import \"path\";"]))
            recover()
            return
        }
        var path: String
        switch decode(inner, raw: isRaw) {
        case .success(let p): path = p
        case .failure(let failure):
            scan.diagnostics.append(failure.diagnostic)
            recover()
            return
        }
        if path.isEmpty {
            scan.diagnostics.append(.error("empty import path", .malformedImport, at: literal, help: ["name a module, such as \"stdlib/io\" or \"./utils\""]))
            recover()
            return
        }
        var statement = ImportStatement(path: path, literalRange: literal, pathRange: inner, range: SourceRange(keyword.range.lowerBound, literal.upperBound))
        if lexer.isIdentifier(peek(), "as") {
            let asToken = next()
            let name = peek()
            guard name.kind == .identifier, let first = lexer.bytes[name.range.lowerBound...].first, AsthraLexer.isIdentifierStart(first), !lexer.isIdentifier(name, "import") else {
                scan.diagnostics.append(.error("expected a name after 'as', found \(describe(name))", .malformedImport, at: name.kind == .end ? asToken.range : name.range,
                                               help: ["write import \"\(path)\" as name;"]))
                recover()
                return
            }
            _ = next()
            statement.alias = Located(String(lexer.text(name.range)), range: name.range)
            if Self.keywords.contains(statement.alias!.value) {
                scan.diagnostics.append(.warning(
                    "'\(statement.alias!.value)' is a keyword; today's compiler does not accept it as an import's name", .keywordAlias,
                    at: name.range, help: ["choose another name, such as '\(statement.alias!.value)_mod'"]))
            }
            statement.range = SourceRange(statement.range.lowerBound, name.range.upperBound)
        }
        let end = peek()
        if case .punctuation(0x3B) = end.kind {
            _ = next()
            statement.range = SourceRange(statement.range.lowerBound, end.range.upperBound)
        } else {
            let at = SourceRange.at(statement.range.upperBound)
            scan.diagnostics.append(.error("expected ';' after the import, found \(describe(end))", .malformedImport, at: at,
                                           help: ["end the import with ';'"],
                                           fix: Diagnostic.Fix(title: "Insert ';'", edits: [TextEdit(range: at, newText: ";")], certain: true)))
        }
        statement.removalRange = ImportStatement.lineRange(of: statement.range, in: lexer.bytes)
        scan.imports.append(statement)
    }

    /// The path between the quotes, with `\"`, `\\`, `\n`, `\t`, `\r`, `\0` and `\'` decoded.
    private func decode(_ range: SourceRange, raw: Bool) -> Result<String, ScanFailure> {
        let slice = lexer.bytes[range.range]
        guard !raw, slice.contains(0x5C) else {
            return .success(String(decoding: slice, as: UTF8.self))
        }
        var out: [UInt8] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let b = lexer.bytes[i]
            if b != 0x5C {
                out.append(b)
                i += 1
                continue
            }
            let e = i + 1 < range.upperBound ? lexer.bytes[i + 1] : 0
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x27: out.append(0x27)
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x30: out.append(0x00)
            default:
                return .failure(ScanFailure(diagnostic: .error("unknown escape '\\\(Character(UnicodeScalar(e)))' in import path", .malformedImport,
                                       at: SourceRange(i, min(i + 2, range.upperBound)), help: ["import paths use '/' between segments; remove the backslash"])))
            }
            i += 2
        }
        return .success(String(decoding: out, as: UTF8.self))
    }

    private mutating func packageDeclaration(_ keyword: AsthraLexer.Token) {
        var parts: [String] = []
        var range: SourceRange?
        while true {
            let name = peek()
            guard name.kind == .identifier else {
                scan.diagnostics.append(.error("expected a package name, found \(describe(name))", .malformedPackageDeclaration,
                                               at: name.kind == .end ? keyword.range : name.range,
                                               help: ["write package name; or package outer::inner;"]))
                recover()
                return
            }
            _ = next()
            parts.append(String(lexer.text(name.range)))
            range = range.map { $0.union(name.range) } ?? name.range
            if peek().kind == .pathSeparator { _ = next(); continue }
            break
        }
        guard let range else { return }
        let end = peek()
        if case .punctuation(0x3B) = end.kind {
            _ = next()
        } else {
            let at = SourceRange.at(range.upperBound)
            scan.diagnostics.append(.error("expected ';' after the package declaration, found \(describe(end))", .malformedPackageDeclaration,
                                           at: at, help: ["end the declaration with ';'"],
                                           fix: Diagnostic.Fix(title: "Insert ';'", edits: [TextEdit(range: at, newText: ";")], certain: true)))
        }
        if scan.declaration == nil {
            scan.declaration = Located(parts.joined(separator: "::"), range: range, keyRange: keyword.range)
        } else {
            scan.diagnostics.append(.error("a second package declaration", .malformedPackageDeclaration, at: range,
                                           help: ["a file declares its package once, at the top; remove this one"]))
        }
    }
}

/// A statement that could not be read, and why.
struct ScanFailure: Error {
    var diagnostic: Diagnostic
}

extension String {
    /// A single-quoted path's text made fit for double quotes: `\'` unescaped, `"` escaped.
    fileprivate var replacingBackslashQuotes: String {
        var out = ""
        var escaped = false
        for c in self {
            if escaped {
                out += c == "'" ? "'" : "\\" + String(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out += c == "\"" ? "\\\"" : String(c)
            }
        }
        return escaped ? out + "\\" : out
    }
}
