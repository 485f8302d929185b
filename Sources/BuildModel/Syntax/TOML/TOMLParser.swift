/// A hand-written, error-tolerant TOML parser over bytes. It never stops at an
/// error: every byte ends up in a token, and every problem in a diagnostic.
struct TOMLParser {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    let version: TOMLVersion
    let source: SourceText
    var pos = 0
    var tokens: [TOMLToken] = []
    var diagnostics: [Diagnostic] = []
    var statements: [TOMLStatement] = []
    var lineStart = 0
    var lineStartToken = 0
    /// How deep arrays and inline tables nest right now.
    var depth = 0
    static let maximumDepth = 128

    static func parse(_ source: SourceText, version: TOMLVersion) -> TOMLSyntaxTree {
        source.bytes.withUnsafeBufferPointer { buffer in
            var parser = TOMLParser(b: buffer, n: buffer.count, version: version, source: source)
            parser.tokens.reserveCapacity(buffer.count / 4 + 4)
            // At most one statement per line: reserving that much saves copying large values as the array grows.
            var lines = 1
            for byte in buffer where byte == 0x0A { lines += 1 }
            parser.statements.reserveCapacity(lines)
            parser.parseDocument()
            return TOMLSyntaxTree(
                source: source, tokens: parser.tokens, statements: parser.statements, diagnostics: parser.diagnostics)
        }
    }

    // MARK: - Helpers

    @inline(__always) func at(_ i: Int) -> UInt8? { i < n ? b[i] : nil }

    @inline(__always) func isBareKeyByte(_ c: UInt8) -> Bool { TOMLKeySyntax.isBareKeyByte(c) }

    @inline(__always) var atLineEnd: Bool {
        pos >= n || b[pos] == 0x0A || (b[pos] == 0x0D && pos + 1 < n && b[pos + 1] == 0x0A)
    }

    mutating func emit(_ kind: TOMLTokenKind, from start: Int) {
        if pos > start { tokens.append(TOMLToken(kind, SourceRange(start, pos))) }
    }

    mutating func report(
        _ message: String, _ range: SourceRange, code: String = TOMLDiagnosticCode.syntax, help: [String] = []
    ) {
        diagnostics.append(Diagnostic(severity: .error, code: code, message: message, range: range, help: help))
    }

    /// A printable description of the byte at `i` for messages: `'x'`, `a newline`, `the end of the file`.
    func describe(_ i: Int) -> String {
        guard i < n else { return "the end of the file" }
        switch b[i] {
        case 0x0A, 0x0D: return "a newline"
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D:
            // A word is named whole: "found 'is'", not "found 'i'".
            var end = i + 1
            while end < n, end - i < 40, TOMLKeySyntax.isBareKeyByte(b[end]) { end += 1 }
            return "'\(text(i, end))'"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(b[i])))'"
        default:
            if let length = utf8Length(at: i) {
                return "'\(String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + length)]), as: UTF8.self))'"
            }
            return "byte 0x\(String(b[i], radix: 16, uppercase: true))"
        }
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }

    /// The length of a well-formed UTF-8 sequence at `i`, or nil.
    func utf8Length(at i: Int) -> Int? {
        UTF8Validation.sequenceLength(in: b, at: i)
    }

    // MARK: - Trivia

    mutating func skipWhitespace() {
        let start = pos
        while pos < n && (b[pos] == 0x20 || b[pos] == 0x09) { pos += 1 }
        emit(.whitespace, from: start)
    }

    /// A comment from `#` to the end of the line (not the newline).
    mutating func skipComment() {
        guard pos < n && b[pos] == 0x23 else { return }
        let start = pos
        pos += 1
        while pos < n {
            let c = b[pos]
            if c == 0x0A { break }
            if c == 0x0D {
                if pos + 1 < n && b[pos + 1] == 0x0A { break }
                report("a carriage return must be followed by a line feed", SourceRange(pos, pos + 1),
                    code: TOMLDiagnosticCode.encoding, help: ["save the file with LF or CRLF line endings"])
                pos += 1
                continue
            }
            if c < 0x20 && c != 0x09 || c == 0x7F {
                report("control character \(Self.codePoint(c)) is not allowed in a comment", SourceRange(pos, pos + 1),
                    code: TOMLDiagnosticCode.controlCharacter, help: ["remove it"])
                pos += 1
                continue
            }
            if c >= 0x80 {
                guard let length = utf8Length(at: pos) else {
                    reportInvalidUTF8(at: pos)
                    pos += 1
                    continue
                }
                pos += length
                continue
            }
            pos += 1
        }
        emit(.comment, from: start)
    }

    /// Consumes one line break; a lone CR is an error token.
    @discardableResult
    mutating func consumeNewline() -> Bool {
        guard pos < n else { return false }
        let start = pos
        if b[pos] == 0x0A {
            pos += 1
        } else if b[pos] == 0x0D && pos + 1 < n && b[pos + 1] == 0x0A {
            pos += 2
        } else if b[pos] == 0x0D {
            pos += 1
            report("a carriage return must be followed by a line feed", SourceRange(start, pos),
                code: TOMLDiagnosticCode.encoding, help: ["save the file with LF or CRLF line endings"])
            emit(.error, from: start)
            return true
        } else {
            return false
        }
        emit(.newline, from: start)
        lineStart = pos
        lineStartToken = tokens.count
        return true
    }

    mutating func reportInvalidUTF8(at i: Int) {
        report("invalid UTF-8 byte 0x\(String(b[i], radix: 16, uppercase: true))", SourceRange(i, i + 1),
            code: TOMLDiagnosticCode.encoding, help: ["TOML files must be UTF-8; re-save the file as UTF-8"])
    }

    /// Everything up to the end of the line becomes one error token.
    mutating func recoverToLineEnd() {
        let start = pos
        while pos < n && b[pos] != 0x0A && !(b[pos] == 0x0D && pos + 1 < n && b[pos + 1] == 0x0A) { pos += 1 }
        emit(.error, from: start)
    }

    static func codePoint(_ c: UInt8) -> String {
        let hex = String(c, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    // MARK: - Document

    mutating func parseDocument() {
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
            pos = 3
            emit(.whitespace, from: 0)
            lineStart = 3
        }
        while pos < n {
            let c = b[pos]
            switch c {
            case 0x20, 0x09: skipWhitespace()
            case 0x23: skipComment()
            case 0x0A, 0x0D: consumeNewline()
            case 0x5B: parseHeader()
            case 0x22, 0x27: parseKeyValueStatement()
            default:
                if isBareKeyByte(c) {
                    parseKeyValueStatement()
                } else if c == 0x3D {
                    report("expected a key before '='", SourceRange(pos, pos + 1), help: ["write the key first: name = value"])
                    recoverToLineEnd()
                } else {
                    if c >= 0x80 && utf8Length(at: pos) == nil {
                        reportInvalidUTF8(at: pos)
                    } else {
                        report("expected a key or a [table] header, found \(describe(pos))", SourceRange(pos, pos + 1),
                            help: ["bare keys may contain only A-Z a-z 0-9 _ -; quote other keys: \"my key\" = 1"])
                    }
                    recoverToLineEnd()
                }
            }
        }
    }

    /// After a statement: white space, a comment, then a newline or the end of the file.
    mutating func finishLine(after what: @autoclosure () -> String) {
        skipWhitespace()
        skipComment()
        if pos < n && !atLineEnd && b[pos] != 0x0D {
            report("expected a newline after \(what()), found \(describe(pos))", SourceRange(pos, pos + 1),
                help: ["put each key/value pair and table header on its own line"])
            recoverToLineEnd()
        }
        consumeNewline()
    }

    mutating func parseHeader() {
        let statementToken = lineStartToken
        let lineBegin = lineStart
        let start = pos
        let isArray = at(pos + 1) == 0x5B
        pos += isArray ? 2 : 1
        emit(isArray ? .doubleLeftBracket : .leftBracket, from: start)
        skipWhitespace()
        let keyStart = pos
        let key = parseKey(context: isArray ? "array-of-tables header" : "table header")
        if key == nil {
            report("expected a table name after '\(isArray ? "[[" : "[")'", SourceRange(keyStart, min(keyStart + 1, n)),
                help: ["name the table: [\(isArray ? "[" : "")package\(isArray ? "]" : "")]"])
        }
        let close = isArray ? "]]" : "]"
        if at(pos) == 0x5D && (!isArray || at(pos + 1) == 0x5D) {
            let closeStart = pos
            pos += isArray ? 2 : 1
            emit(isArray ? .doubleRightBracket : .rightBracket, from: closeStart)
        } else if let key {
            let found = isArray && at(pos) == 0x5D ? "a single ']'" : describe(pos)
            let what = isArray ? "array-of-tables header" : "table header"
            report("expected '\(close)' to close the \(what), found \(found)", SourceRange(pos, min(pos + 1, n)),
                help: ["write the header as \(isArray ? "[[" : "[")\(key.dottedName)\(close)"])
        }
        let range = SourceRange(start, pos)
        finishLine(after: "the table header")
        if let key {
            statements.append(.header(TOMLTableHeaderSyntax(
                key: key, isArrayOfTables: isArray, range: range,
                lineRange: SourceRange(lineBegin, pos), tokens: statementToken..<tokens.count)))
        }
    }

    mutating func parseKeyValueStatement() {
        let statementToken = lineStartToken
        let lineBegin = lineStart
        guard var pair = parseKeyValue() else {
            recoverToLineEnd()
            consumeNewline()
            return
        }
        finishLine(after: "the value of '\(pair.key.dottedName)'")
        pair.lineRange = SourceRange(lineBegin, pos)
        pair.tokens = statementToken..<tokens.count
        statements.append(.keyValue(pair))
    }

    /// `key = value`; the line around it is left to the caller.
    mutating func parseKeyValue() -> TOMLKeyValueSyntax? {
        let start = pos
        let firstToken = tokens.count
        guard let key = parseKey(context: "key") else {
            report("expected a key, found \(describe(pos))", SourceRange(pos, min(pos + 1, n)))
            return nil
        }
        if at(pos) == 0x3D {
            let eq = pos
            pos += 1
            emit(.equals, from: eq)
            skipWhitespace()
        } else {
            let found = describe(pos)
            report("expected '=' after key '\(key.dottedName)', found \(found)", SourceRange(pos, min(pos + 1, n)),
                help: ["write a value for the key: \(key.dottedName) = \"...\""])
            let value = TOMLValueSyntax(kind: .invalid, range: .at(pos))
            if !atLineEnd { recoverToLineEnd() }
            return TOMLKeyValueSyntax(key: key, value: value, range: SourceRange(start, pos),
                lineRange: SourceRange(start, pos), tokens: firstToken..<tokens.count)
        }
        let value: TOMLValueSyntax
        if let v = parseValue() {
            value = v
        } else {
            report("expected a value after '=', found \(describe(pos))", SourceRange(pos, min(pos + 1, n)),
                help: ["give the key a value, for example \(key.dottedName) = \"text\""])
            value = TOMLValueSyntax(kind: .invalid, range: .at(pos))
        }
        return TOMLKeyValueSyntax(key: key, value: value, range: SourceRange(start, pos),
            lineRange: SourceRange(start, pos), tokens: firstToken..<tokens.count)
    }

    // MARK: - Keys

    /// A dotted key; white space after it is consumed. Nil when no key starts here.
    mutating func parseKey(context: String) -> TOMLKeySyntax? {
        let start = pos
        guard let first = parseSimpleKey() else { return nil }
        var rest: [TOMLKeySegment] = []
        var tooDeep = false
        var end = pos
        while true {
            skipWhitespace()
            guard at(pos) == 0x2E else { break }
            let dot = pos
            pos += 1
            emit(.dot, from: dot)
            skipWhitespace()
            guard let segment = parseSimpleKey() else {
                report("expected a key after '.', found \(describe(pos))", SourceRange(pos, min(pos + 1, n)),
                    help: ["remove the trailing '.' or name the next key part"])
                break
            }
            end = pos
            // Like values, keys nest at most `maximumDepth` deep: every part is a table the
            // document model has to make. The rest is still read (the tokens stay lossless).
            if rest.count + 1 < Self.maximumDepth {
                rest.append(segment)
            } else if !tooDeep {
                tooDeep = true
                report("a dotted key has more than \(Self.maximumDepth) parts", segment.range,
                    code: TOMLDiagnosticCode.syntax, help: ["use fewer levels of tables; the key is ignored"])
            }
        }
        var key = TOMLKeySyntax(first: first, rest: rest, range: SourceRange(start, end))
        key.exceedsDepthLimit = tooDeep
        return key
    }

    mutating func parseSimpleKey() -> TOMLKeySegment? {
        guard pos < n else { return nil }
        let start = pos
        let c = b[pos]
        if isBareKeyByte(c) {
            while pos < n && isBareKeyByte(b[pos]) { pos += 1 }
            emit(.bareKey, from: start)
            return TOMLKeySegment(name: text(start, pos), range: SourceRange(start, pos), isQuoted: false)
        }
        if c == 0x22 || c == 0x27 {
            let (value, style) = parseString()
            if style == .multilineBasic || style == .multilineLiteral {
                report("a key cannot be a multi-line string", SourceRange(start, pos),
                    help: ["use a single-line string: \"key\""])
            }
            return TOMLKeySegment(name: value, range: SourceRange(start, pos), isQuoted: true)
        }
        return nil
    }

    // MARK: - Values

    mutating func parseValue() -> TOMLValueSyntax? {
        guard pos < n else { return nil }
        let start = pos
        switch b[pos] {
        case 0x22, 0x27:
            let (value, style) = parseString()
            return TOMLValueSyntax(kind: .string(value, style), range: SourceRange(start, pos))
        case 0x5B, 0x7B:
            if depth >= Self.maximumDepth {
                report("arrays and inline tables nest deeper than \(Self.maximumDepth) levels", SourceRange(start, start + 1),
                    help: ["flatten the value"])
                recoverToLineEnd()
                return TOMLValueSyntax(kind: .invalid, range: SourceRange(start, pos))
            }
            depth += 1
            defer { depth -= 1 }
            return b[start] == 0x5B ? parseArray() : parseInlineTable()
        case 0x0A, 0x0D, 0x23, 0x2C, 0x5D, 0x7D:
            return nil
        default:
            return parseWord()
        }
    }

    /// White space, newlines and comments inside an array.
    mutating func skipArrayTrivia() {
        while pos < n {
            switch b[pos] {
            case 0x20, 0x09: skipWhitespace()
            case 0x23: skipComment()
            case 0x0A, 0x0D: consumeNewline()
            default: return
            }
        }
    }

    mutating func parseArray() -> TOMLValueSyntax {
        let start = pos
        pos += 1
        emit(.leftBracket, from: start)
        var items: [TOMLValueSyntax] = []
        while true {
            skipArrayTrivia()
            guard pos < n else {
                report("unterminated array: expected ']'", SourceRange(start, start + 1), help: ["close the array with ']'"])
                break
            }
            if b[pos] == 0x5D {
                pos += 1
                emit(.rightBracket, from: pos - 1)
                break
            }
            guard let item = parseValue() else {
                report("expected a value or ']' in the array, found \(describe(pos))", SourceRange(pos, pos + 1),
                    help: ["separate array elements with ',' and close the array with ']'"])
                let bad = pos
                if b[pos] == 0x2C || b[pos] == 0x7D || b[pos] == 0x5D {
                    pos += 1
                } else {
                    while pos < n && ![0x2C, 0x5D, 0x0A, 0x0D].contains(b[pos]) { pos += 1 }
                }
                emit(.error, from: bad)
                continue
            }
            items.append(item)
            skipArrayTrivia()
            if at(pos) == 0x2C {
                pos += 1
                emit(.comma, from: pos - 1)
                continue
            }
            if at(pos) == 0x5D {
                pos += 1
                emit(.rightBracket, from: pos - 1)
                break
            }
            report("expected ',' or ']' after an array element, found \(describe(pos))", SourceRange(pos, min(pos + 1, n)),
                help: ["separate array elements with ','"])
            break
        }
        return TOMLValueSyntax(kind: .array(items), range: SourceRange(start, pos))
    }

    /// Trivia allowed between the parts of an inline table (newlines and comments only in TOML 1.1).
    mutating func skipInlineTableTrivia() {
        if version == .v1_1 { skipArrayTrivia() } else { skipWhitespace() }
    }

    mutating func parseInlineTable() -> TOMLValueSyntax {
        let start = pos
        pos += 1
        emit(.leftBrace, from: start)
        var pairs: [TOMLKeyValueSyntax] = []
        skipInlineTableTrivia()
        if at(pos) == 0x7D {
            pos += 1
            emit(.rightBrace, from: pos - 1)
            return TOMLValueSyntax(kind: .inlineTable([]), range: SourceRange(start, pos))
        }
        while true {
            guard pos < n, !atLineEnd, b[pos] != 0x0D, var pair = parseKeyValue() else {
                reportInlineTableBreak(start)
                break
            }
            pair.lineRange = pair.range
            pairs.append(pair)
            skipInlineTableTrivia()
            if at(pos) == 0x2C {
                let comma = pos
                pos += 1
                emit(.comma, from: comma)
                skipInlineTableTrivia()
                if at(pos) == 0x7D {
                    if version == .v1_0 {
                        report("a trailing comma is not allowed in an inline table", SourceRange(comma, comma + 1),
                            help: ["remove the ',' before '}'"])
                    }
                    pos += 1
                    emit(.rightBrace, from: pos - 1)
                    break
                }
                continue
            }
            if at(pos) == 0x7D {
                pos += 1
                emit(.rightBrace, from: pos - 1)
                break
            }
            reportInlineTableBreak(start)
            break
        }
        return TOMLValueSyntax(kind: .inlineTable(pairs), range: SourceRange(start, pos))
    }

    mutating func reportInlineTableBreak(_ start: Int) {
        if pos >= n || atLineEnd || b[pos] == 0x0D {
            if version == .v1_0 && pos < n {
                report("an inline table must end on the line it starts on", SourceRange(pos, pos),
                    help: ["close it with '}' on this line, or use a [table] section for longer tables"])
            } else {
                report("unterminated inline table: expected '}'", SourceRange(start, start + 1),
                    help: ["close the inline table with '}'"])
            }
        } else {
            report("expected ',' or '}' in the inline table, found \(describe(pos))", SourceRange(pos, pos + 1),
                help: ["separate pairs with ',' and close the table with '}'"])
        }
    }
}
