/// What both of build.abc's forms share: the reader's position, comments, and values (strings,
/// numbers, booleans, bare words, arrays, and in the seed's form objects).
struct ABCSyntax {
    let bytes: [UInt8]
    var at = 0
    var diagnostics: [Diagnostic] = []
    /// `#` and `;` start comments (the INI form); `//` always does.
    let hashComments: Bool

    static let depthLimit = 128

    /// Letters, digits, `_`, `-`, `.`: what a bare key or word is made of.
    static func isKeyByte(_ b: UInt8) -> Bool { ASCII.isAlphanumeric(b) || b == 0x5F || b == 0x2D || b == 0x2E || b >= 0x80 }

    mutating func problem(_ message: String, _ code: DiagnosticCode, at range: SourceRange, label: String? = nil, help: [String] = []) {
        diagnostics.append(.error(message, code, at: range, label: label, help: help))
    }

    var atEnd: Bool { at >= bytes.count }

    /// What is at `i`, for messages.
    func describe(_ i: Int) -> String {
        guard i < bytes.count else { return "the end of the file" }
        let b = bytes[i]
        if b == 0x0A || b == 0x0D { return "the end of the line" }
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 || b == 0x09 { return "a space" }
        return b < 0x80 ? "byte 0x" + String(b, radix: 16, uppercase: true) : "a non-ASCII character"
    }

    func isCommentStart(_ i: Int) -> Bool {
        guard i < bytes.count else { return false }
        if hashComments && (bytes[i] == 0x23 || bytes[i] == 0x3B) { return true }
        return bytes[i] == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x2F
    }

    /// Spaces and comments on this line, not its end.
    mutating func skipBlanks() {
        while at < bytes.count {
            if bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0D { at += 1; continue }
            if isCommentStart(at) { while at < bytes.count && bytes[at] != 0x0A { at += 1 }; continue }
            break
        }
    }

    /// Spaces, comments and line ends.
    mutating func skipSpace() {
        while at < bytes.count {
            skipBlanks()
            guard at < bytes.count, bytes[at] == 0x0A else { return }
            at += 1
        }
    }

    /// A quoted string at `at` (`"` or `'`), escapes decoded in `"…"`; nil when it has no end.
    mutating func string() -> ABCDocument.Node {
        let start = at
        let quote = bytes[at]
        at += 1
        var out: [UInt8] = []
        while at < bytes.count {
            let b = bytes[at]
            if b == quote {
                at += 1
                return ABCDocument.Node(value: .string(String(decoding: out, as: UTF8.self)), range: SourceRange(start, at))
            }
            if b == 0x0A { break }
            if b == 0x5C, quote == 0x22, at + 1 < bytes.count {
                let e = bytes[at + 1]
                switch e {
                case 0x22, 0x5C, 0x2F, 0x27: out.append(e)
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                default:
                    problem("unknown escape '\\\(Character(Unicode.Scalar(e)))' in a string", .abcString, at: SourceRange(at, at + 2),
                            label: "not an escape", help: ["write \\\\ for a backslash"])
                    out += [b, e]
                }
                at += 2
                continue
            }
            out.append(b)
            at += 1
        }
        problem("this string has no closing quote", .abcString, at: SourceRange(start, at), label: "opened here",
                help: ["close it with \(quote == 0x22 ? "\"" : "'") on the same line"])
        return ABCDocument.Node(value: .invalid, range: SourceRange(start, at))
    }

    /// A bare word: a number, `true`/`false`, or a word.
    mutating func word() -> ABCDocument.Node {
        let start = at
        while at < bytes.count, Self.isKeyByte(bytes[at]) || bytes[at] == 0x2B || bytes[at] == 0x2F { at += 1 }
        let text = String(decoding: bytes[start..<at], as: UTF8.self)
        let range = SourceRange(start, at)
        if text == "true" || text == "false" { return ABCDocument.Node(value: .bool(text == "true"), range: range) }
        if let first = text.utf8.first, ASCII.isDigit(first) || (first == 0x2D && text.count > 1), Double(text) != nil {
            return ABCDocument.Node(value: .number(text), range: range)
        }
        return ABCDocument.Node(value: .word(text), range: range)
    }

    /// A value at `at`: `object` reads `{ … }` (the seed's form only).
    mutating func value(depth: Int, object: ((inout ABCSyntax, Int) -> ABCDocument.Node)?) -> ABCDocument.Node {
        guard at < bytes.count, bytes[at] != 0x0A, !isCommentStart(at) else {
            problem("expected a value, found \(describe(at))", .abcSyntax, at: .at(at), label: "a value goes here",
                    help: ["write a string (\"src/main.aria\"), a number, true or false, or an array [\"a\", \"b\"]"])
            return ABCDocument.Node(value: .invalid, range: .at(at))
        }
        if depth >= Self.depthLimit {
            problem("values nested more than \(Self.depthLimit) deep", .abcSyntax, at: SourceRange(at, at + 1))
            let start = at
            at = bytes.count
            return ABCDocument.Node(value: .invalid, range: SourceRange(start, at))
        }
        switch bytes[at] {
        case 0x22, 0x27: return string()
        case 0x5B: return array(depth: depth, object: object)
        case 0x7B:
            if let object { return object(&self, depth + 1) }
            problem("an inline table is not part of the INI form", .abcSyntax, at: SourceRange(at, at + 1),
                    help: ["write it as a section of its own: [section.name]"])
            let start = at
            while at < bytes.count && bytes[at] != 0x0A { at += 1 }
            return ABCDocument.Node(value: .invalid, range: SourceRange(start, at))
        default:
            if Self.isKeyByte(bytes[at]) { return word() }
            let start = at
            problem("expected a value, found \(describe(at))", .abcSyntax, at: SourceRange(at, at + 1), label: "not a value")
            at += 1
            return ABCDocument.Node(value: .invalid, range: SourceRange(start, at))
        }
    }

    /// `[ a, b, ]` over any number of lines, comments between elements.
    mutating func array(depth: Int, object: ((inout ABCSyntax, Int) -> ABCDocument.Node)?) -> ABCDocument.Node {
        let start = at
        at += 1
        var elements: [ABCDocument.Node] = []
        while true {
            skipSpace()
            guard at < bytes.count else {
                problem("this array has no closing ']'", .abcSyntax, at: SourceRange(start, start + 1), label: "opened here", help: ["close it with ]"])
                return ABCDocument.Node(value: .array(elements), range: SourceRange(start, at))
            }
            if bytes[at] == 0x5D {
                at += 1
                return ABCDocument.Node(value: .array(elements), range: SourceRange(start, at))
            }
            let element = value(depth: depth + 1, object: object)
            elements.append(element)
            skipSpace()
            if at < bytes.count, bytes[at] == 0x2C { at += 1; continue }
            if at < bytes.count, bytes[at] == 0x5D { continue }
            guard at < bytes.count else { continue }
            problem("expected ',' or ']' after an array element, found \(describe(at))", .abcSyntax, at: SourceRange(at, at + 1),
                    label: "a comma goes here", help: ["separate elements with commas: [\"a\", \"b\"]"])
            // Skip what cannot be read, up to the next comma, bracket or line.
            while at < bytes.count, bytes[at] != 0x2C, bytes[at] != 0x5D, bytes[at] != 0x0A { at += 1 }
            if at < bytes.count, bytes[at] == 0x2C { at += 1 }
        }
    }
}
