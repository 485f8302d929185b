/// Finds the `import` statements of an Oats source file, at the top level (outside braces,
/// brackets and parentheses):
///
///     import { a, b as c } from "x";    import D from "x";    import * as N from "x";
///     import D, { a } from "x";         import "x";
///
/// The `;` is optional, as in TypeScript. Comments, strings and template literals never
/// produce statements; `import(…)` and `import.meta` are expressions, not statements.
/// Malformed statements are reported and skipped. Oats files declare no module name.
struct OatsSourceScanner {
    private var lexer: OatsLexer
    private var scan = SourceScan()
    private var lookahead: OatsLexer.Token?

    static func scan(_ source: SourceText) -> SourceScan {
        var scanner = OatsSourceScanner(lexer: OatsLexer(source.bytes))
        scanner.run()
        return scanner.scan
    }

    private init(lexer: OatsLexer) { self.lexer = lexer }

    private mutating func next() -> OatsLexer.Token {
        if let t = lookahead {
            lookahead = nil
            return t
        }
        return lexer.next()
    }

    private mutating func peek() -> OatsLexer.Token {
        if let t = lookahead { return t }
        let t = lexer.next()
        lookahead = t
        return t
    }

    private mutating func run() {
        var depth = 0
        // `a.import`, `x.import(…)`: a property, not a statement.
        var afterDot = false
        while true {
            let token = next()
            defer { afterDot = token.kind == .punctuation(0x2E) }
            switch token.kind {
            case .end:
                if let comment = lexer.unterminatedComment {
                    scan.diagnostics.append(.error("unterminated block comment", .malformedImport, at: comment, help: ["close it with */"]))
                }
                return
            case .punctuation(let b):
                if b == 0x7B || b == 0x28 || b == 0x5B { depth += 1 }
                if (b == 0x7D || b == 0x29 || b == 0x5D) && depth > 0 { depth -= 1 }
            case .identifier where depth == 0 && !afterDot && lexer.isIdentifier(token, "function") && lexer.isIdentifier(peek(), "main"):
                scan.definesEntryPoint = true
            case .identifier where depth == 0 && !afterDot && lexer.isIdentifier(token, "import"):
                let following = peek().kind
                if following == .punctuation(0x28) || following == .punctuation(0x2E) { continue }
                importStatement(token)
            default:
                break
            }
        }
    }

    private func describe(_ token: OatsLexer.Token) -> String {
        switch token.kind {
        case .end: "the end of the file"
        case .string: "a string"
        case .template: "a template literal"
        default: "'\(lexer.text(token.range))'"
        }
    }

    private mutating func fail(_ message: String, at token: OatsLexer.Token, keyword: OatsLexer.Token) {
        let range = token.kind == .end ? keyword.range : token.range
        scan.diagnostics.append(.error(message, .malformedImport, at: range,
                                       help: ["write it as: import { name } from \"./module\";  or  import Name from \"./module\";  or  import * as Name from \"./module\";"]))
        recover()
    }

    /// Skips to the `;` ending a broken statement, or to the next statement.
    private mutating func recover() {
        while true {
            let t = peek()
            if t.kind == .end || t.kind == .punctuation(0x7D) { return }
            if t.kind == .punctuation(0x3B) { _ = next(); return }
            if lexer.isIdentifier(t, "import") || lexer.isIdentifier(t, "export") { return }
            _ = next()
        }
    }

    private func isName(_ token: OatsLexer.Token) -> Bool {
        token.kind == .identifier && OatsLexer.isIdentifierStart(lexer.bytes[token.range.lowerBound])
    }

    private mutating func importStatement(_ keyword: OatsLexer.Token) {
        var alias: Located<String>?
        var token = next()
        if lexer.isIdentifier(token, "type") && (isName(peek()) || peek().kind == .punctuation(0x7B) || peek().kind == .punctuation(0x2A)) {
            token = next()
        }
        if case .string = token.kind {
            finish(keyword, literal: token, alias: nil)
            return
        }
        // The default binding: `import D from` or `import D, { … } from`.
        if isName(token) && !lexer.isIdentifier(token, "from") {
            alias = Located(lexer.text(token.range), range: token.range)
            token = next()
            if token.kind == .punctuation(0x2C) {
                token = next()
            } else if !lexer.isIdentifier(token, "from") {
                return fail("expected 'from' and a module path after '\(alias!.value)', found \(describe(token))", at: token, keyword: keyword)
            }
        }
        if token.kind == .punctuation(0x2A) {
            let asToken = next()
            guard lexer.isIdentifier(asToken, "as") else {
                return fail("expected 'as' and a name after '*', found \(describe(asToken))", at: asToken, keyword: keyword)
            }
            let name = next()
            guard isName(name) else {
                return fail("expected a name after 'as', found \(describe(name))", at: name, keyword: keyword)
            }
            alias = Located(lexer.text(name.range), range: name.range)
            token = next()
        } else if token.kind == .punctuation(0x7B) {
            guard closeNamedImports(keyword) else { return }
            token = next()
        } else if alias == nil || token.kind != .identifier {
            return fail("expected '{', '*', a name or a module path after 'import', found \(describe(token))", at: token, keyword: keyword)
        }
        guard lexer.isIdentifier(token, "from") else {
            return fail("expected 'from' and a module path, found \(describe(token))", at: token, keyword: keyword)
        }
        let literal = next()
        guard case .string = literal.kind else {
            return fail("expected a module path in quotes after 'from', found \(describe(literal))", at: literal, keyword: keyword)
        }
        finish(keyword, literal: literal, alias: alias)
    }

    /// `a, b as c }` after the `{`: names, each with an optional `as` rename, commas between
    /// (a trailing one allowed). False when the list is malformed (reported).
    private mutating func closeNamedImports(_ keyword: OatsLexer.Token) -> Bool {
        while true {
            var token = next()
            if token.kind == .punctuation(0x7D) { return true }
            if lexer.isIdentifier(token, "type") && isName(peek()) { token = next() }
            guard isName(token) else {
                fail("expected a name or '}' in the import list, found \(describe(token))", at: token, keyword: keyword)
                return false
            }
            if lexer.isIdentifier(peek(), "as") {
                _ = next()
                let name = next()
                guard isName(name) else {
                    fail("expected a name after 'as', found \(describe(name))", at: name, keyword: keyword)
                    return false
                }
            }
            let separator = next()
            if separator.kind == .punctuation(0x7D) { return true }
            guard separator.kind == .punctuation(0x2C) else {
                fail("expected ',' or '}' in the import list, found \(describe(separator))", at: separator, keyword: keyword)
                return false
            }
        }
    }

    private mutating func finish(_ keyword: OatsLexer.Token, literal: OatsLexer.Token, alias: Located<String>?) {
        guard literal.kind == .string(terminated: true) else {
            scan.diagnostics.append(.error("unterminated string: the module path needs its closing quote", .malformedImport, at: literal.range,
                                           help: ["close the path with the quote it opened with"]))
            return
        }
        var end = literal.range.upperBound
        if peek().kind == .punctuation(0x3B) { end = next().range.upperBound }
        let range = SourceRange(keyword.range.lowerBound, end)
        scan.imports.append(ImportStatement(
            path: lexer.stringValue(literal), literalRange: literal.range,
            pathRange: SourceRange(literal.range.lowerBound + 1, literal.range.upperBound - 1),
            alias: alias, range: range, removalRange: ImportStatement.lineRange(of: range, in: lexer.bytes)))
    }
}
