/// What both of build.abc's forms share: the reader's position, comments, and values (strings,
/// numbers, booleans, bare words, arrays, and in the seed's form objects).
struct ABCSyntax {
    let bytes: [UInt8]
    var at = 0
    var diagnostics: [Diagnostic] = []
    /// `#` and `;` start comments (the INI form); `//` always does.
    let hashComments: Bool
    /// The values read so far.
    var builder: ABCBuilder

    init(bytes: [UInt8], hashComments: Bool) {
        self.bytes = bytes
        self.hashComments = hashComments
        builder = ABCBuilder(bytes: bytes)
    }

    static let depthLimit = 128

    /// Letters, digits, `_`, `-`, `.`: what a bare key or word is made of.
    @inline(__always)
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

    @inline(__always)
    func isCommentStart(_ i: Int) -> Bool {
        guard i < bytes.count else { return false }
        if hashComments && (bytes[i] == 0x23 || bytes[i] == 0x3B) { return true }
        return bytes[i] == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x2F
    }

    /// Spaces and comments on this line, not its end.
    mutating func skipBlanks() {
        at = Self.blanksEnd(bytes, from: at, hashComments: hashComments, lineEnds: false)
    }

    /// Spaces, comments and line ends.
    mutating func skipSpace() {
        at = Self.blanksEnd(bytes, from: at, hashComments: hashComments, lineEnds: true)
    }

    /// Where the spaces and comments from `i` end (line ends too, when asked).
    static func blanksEnd(_ bytes: [UInt8], from i: Int, hashComments: Bool, lineEnds: Bool) -> Int {
        bytes.withUnsafeBufferPointer { p in
            var i = i
            let n = p.count
            while i < n {
                let b = p[i]
                if b == 0x20 || b == 0x09 || b == 0x0D || (lineEnds && b == 0x0A) { i += 1; continue }
                if (hashComments && (b == 0x23 || b == 0x3B)) || (b == 0x2F && i + 1 < n && p[i + 1] == 0x2F) {
                    while i < n && p[i] != 0x0A { i += 1 }
                    continue
                }
                break
            }
            return i
        }
    }

    /// A quoted string at `at` (`"` or `'`): its range, and its text when escapes make it differ
    /// from the bytes between the quotes; nil when it has no end (reported).
    mutating func quoted() -> (range: SourceRange, decoded: String?)? {
        let start = at
        let quote = bytes[at]
        at += 1
        // Most strings have no escape: their text is the bytes between the quotes.
        let end = bytes.withUnsafeBufferPointer { p in
            var end = at
            while end < p.count, p[end] != quote, p[end] != 0x5C, p[end] != 0x0A { end += 1 }
            return end
        }
        if end < bytes.count, bytes[end] == quote {
            at = end + 1
            return (SourceRange(start, at), nil)
        }
        var out: [UInt8] = Array(bytes[at..<end])
        at = end
        while at < bytes.count {
            let b = bytes[at]
            if b == quote {
                at += 1
                return (SourceRange(start, at), String(decoding: out, as: UTF8.self))
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
        return nil
    }

    /// A quoted string at `at` as a value.
    mutating func string() -> Int32 {
        guard let (range, decoded) = quoted() else { return builder.add(.invalid, SourceRange(at, at)) }
        let id = builder.add(.string, range)
        builder.slots[Int(id)].quoted = true
        if let decoded { builder.decoded[id] = decoded }
        return id
    }

    /// A bare word: a number, `true`/`false`, or a word.
    mutating func word() -> Int32 {
        let start = at
        while at < bytes.count, Self.isKeyByte(bytes[at]) || bytes[at] == 0x2B || bytes[at] == 0x2F { at += 1 }
        let text = bytes[start..<at]
        let range = SourceRange(start, at)
        if text.elementsEqual("true".utf8) { return builder.add(.trueValue, range) }
        if text.elementsEqual("false".utf8) { return builder.add(.falseValue, range) }
        if let first = text.first, ASCII.isDigit(first) || (first == 0x2D && text.count > 1), Double(String(decoding: text, as: UTF8.self)) != nil {
            return builder.add(.number, range)
        }
        return builder.add(.word, range)
    }

    /// A value at `at`: `object` reads `{ … }` (the seed's form only).
    mutating func value(depth: Int, object: ((inout ABCSyntax, Int) -> Int32)?) -> Int32 {
        guard at < bytes.count, bytes[at] != 0x0A, !isCommentStart(at) else {
            problem("expected a value, found \(describe(at))", .abcSyntax, at: .at(at), label: "a value goes here",
                    help: ["write a string (\"src/main.aria\"), a number, true or false, or an array [\"a\", \"b\"]"])
            return builder.add(.invalid, .at(at))
        }
        if depth >= Self.depthLimit {
            problem("values nested more than \(Self.depthLimit) deep", .abcSyntax, at: SourceRange(at, at + 1))
            let start = at
            at = bytes.count
            return builder.add(.invalid, SourceRange(start, at))
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
            return builder.add(.invalid, SourceRange(start, at))
        default:
            if Self.isKeyByte(bytes[at]) { return word() }
            let start = at
            problem("expected a value, found \(describe(at))", .abcSyntax, at: SourceRange(at, at + 1), label: "not a value")
            at += 1
            return builder.add(.invalid, SourceRange(start, at))
        }
    }

    /// `[ a, b, ]` over any number of lines, comments between elements.
    mutating func array(depth: Int, object: ((inout ABCSyntax, Int) -> Int32)?) -> Int32 {
        let start = at
        at += 1
        let id = builder.add(.array, SourceRange(start, at))
        while true {
            skipSpace()
            guard at < bytes.count else {
                problem("this array has no closing ']'", .abcSyntax, at: SourceRange(start, start + 1), label: "opened here", help: ["close it with ]"])
                builder.grow(id, toHold: Int32(start), Int32(at))
                return id
            }
            if bytes[at] == 0x5D {
                at += 1
                builder.grow(id, toHold: Int32(start), Int32(at))
                return id
            }
            let element = value(depth: depth + 1, object: object)
            builder.append(element, to: id)
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
