/// The tokens of a Rask build file (`rask.build`, `build.rk`) as the package block needs them:
/// names, strings (`"…"` with escapes, `'…'`), numbers, punctuation; comments (`//`, nested
/// `/* */`) and blanks (line ends included) are skipped. It never fails: a string without its
/// closing quote ends at its line's end and is reported by the parser.
struct RaskLexer {
    enum Kind: Equatable, Sendable {
        case name, string, number, punctuation(UInt8), end
        /// A string whose closing quote is missing.
        case unterminated
    }

    struct Token: Sendable {
        var kind: Kind
        var range: SourceRange
    }

    let bytes: [UInt8]
    private(set) var at = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func isNameStart(_ b: UInt8) -> Bool { ASCII.isLetter(b) || b == 0x5F || b >= 0x80 }
    static func isNameByte(_ b: UInt8) -> Bool { ASCII.isAlphanumeric(b) || b == 0x5F || b >= 0x80 }

    mutating func next() -> Token {
        skipBlanks()
        guard at < bytes.count else { return Token(kind: .end, range: .at(bytes.count)) }
        let start = at
        let b = bytes[at]
        if Self.isNameStart(b) {
            while at < bytes.count, Self.isNameByte(bytes[at]) { at += 1 }
            return Token(kind: .name, range: SourceRange(start, at))
        }
        if ASCII.isDigit(b) || (b == 0x2D && at + 1 < bytes.count && ASCII.isDigit(bytes[at + 1])) {
            at += 1
            while at < bytes.count, ASCII.isAlphanumeric(bytes[at]) || bytes[at] == 0x2E || bytes[at] == 0x5F { at += 1 }
            return Token(kind: .number, range: SourceRange(start, at))
        }
        if b == 0x22 || b == 0x27 {
            at += 1
            while at < bytes.count, bytes[at] != b, bytes[at] != 0x0A {
                at += bytes[at] == 0x5C && at + 1 < bytes.count && bytes[at + 1] != 0x0A ? 2 : 1
            }
            guard at < bytes.count, bytes[at] == b else { return Token(kind: .unterminated, range: SourceRange(start, at)) }
            at += 1
            return Token(kind: .string, range: SourceRange(start, at))
        }
        at += 1
        return Token(kind: .punctuation(b), range: SourceRange(start, at))
    }

    private mutating func skipBlanks() {
        while at < bytes.count {
            let b = bytes[at]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { at += 1; continue }
            guard b == 0x2F, at + 1 < bytes.count else { return }
            if bytes[at + 1] == 0x2F {
                while at < bytes.count && bytes[at] != 0x0A { at += 1 }
            } else if bytes[at + 1] == 0x2A {
                // Block comments nest.
                var depth = 0
                while at < bytes.count {
                    if bytes[at] == 0x2F && at + 1 < bytes.count && bytes[at + 1] == 0x2A { depth += 1; at += 2; continue }
                    if bytes[at] == 0x2A && at + 1 < bytes.count && bytes[at + 1] == 0x2F {
                        depth -= 1
                        at += 2
                        if depth == 0 { break }
                        continue
                    }
                    at += 1
                }
            } else {
                return
            }
        }
    }

    /// A string token's text: its quotes removed, escapes decoded.
    func text(of token: Token) -> String {
        let r = token.range
        guard token.kind == .string || token.kind == .unterminated else { return String(decoding: bytes[r.lowerBound..<r.upperBound], as: UTF8.self) }
        let end = token.kind == .string ? r.upperBound - 1 : r.upperBound
        guard bytes[(r.lowerBound + 1)..<end].contains(0x5C) else { return String(decoding: bytes[(r.lowerBound + 1)..<end], as: UTF8.self) }
        var out: [UInt8] = []
        var i = r.lowerBound + 1
        while i < end {
            if bytes[i] == 0x5C, i + 1 < end {
                let e = bytes[i + 1]
                out.append(e == 0x6E ? 0x0A : e == 0x74 ? 0x09 : e == 0x72 ? 0x0D : e)
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
