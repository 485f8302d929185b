/// Just enough of Asthra's lexical grammar to find `package` and `import` statements: identifiers,
/// string literals (with escapes and `"""` blocks), punctuation; comments and whitespace skipped.
struct AsthraLexer {
    enum Kind: Equatable {
        case identifier
        /// A string literal; `terminated` is false when the file or line ended first.
        case string(terminated: Bool)
        /// A character literal.
        case character
        case punctuation(UInt8)
        /// `::`
        case pathSeparator
        case end
    }

    struct Token {
        var kind: Kind
        var range: SourceRange
    }

    let bytes: [UInt8]
    var offset = 0
    /// Block comments that never closed (reported by the scanner).
    var unterminatedComment: SourceRange?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
    }

    static func isIdentifierByte(_ b: UInt8) -> Bool { isIdentifierStart(b) || (b >= 0x30 && b <= 0x39) }

    func text(_ range: SourceRange) -> Substring {
        Substring(decoding: bytes[range.range], as: UTF8.self)
    }

    func isIdentifier(_ token: Token, _ word: StaticString) -> Bool {
        guard token.kind == .identifier, token.range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { buffer in
            var i = 0
            while i < buffer.count {
                if bytes[token.range.lowerBound + i] != buffer[i] { return false }
                i += 1
            }
            return true
        }
    }

    mutating func next() -> Token {
        skipTrivia()
        let n = bytes.count
        guard offset < n else { return Token(kind: .end, range: .at(n)) }
        let start = offset
        let b = bytes[offset]
        if Self.isIdentifierStart(b) {
            // r"…" raw strings
            if b == 0x72 && offset + 1 < n && bytes[offset + 1] == 0x22 {
                offset += 1
                return string(from: start, raw: true)
            }
            offset += 1
            while offset < n && Self.isIdentifierByte(bytes[offset]) { offset += 1 }
            return Token(kind: .identifier, range: SourceRange(start, offset))
        }
        if b == 0x22 { return string(from: start, raw: false) }
        if b == 0x27 { return character(from: start) }
        if b == 0x3A && offset + 1 < n && bytes[offset + 1] == 0x3A {
            offset += 2
            return Token(kind: .pathSeparator, range: SourceRange(start, offset))
        }
        if b >= 0x30 && b <= 0x39 {
            while offset < n && Self.isIdentifierByte(bytes[offset]) { offset += 1 }
            return Token(kind: .identifier, range: SourceRange(start, offset))
        }
        offset += 1
        return Token(kind: .punctuation(b), range: SourceRange(start, offset))
    }

    private mutating func skipTrivia() {
        let n = bytes.count
        while offset < n {
            let b = bytes[offset]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                offset += 1
            } else if b == 0x2F && offset + 1 < n && bytes[offset + 1] == 0x2F {
                offset += 2
                while offset < n && bytes[offset] != 0x0A { offset += 1 }
            } else if b == 0x2F && offset + 1 < n && bytes[offset + 1] == 0x2A {
                // Block comments nest, as in the compiler's lexer: `/* a /* b */ c */` is one.
                let start = offset
                offset += 2
                var depth = 1
                while offset + 1 < n && depth > 0 {
                    if bytes[offset] == 0x2A && bytes[offset + 1] == 0x2F {
                        depth -= 1
                        offset += 2
                    } else if bytes[offset] == 0x2F && bytes[offset + 1] == 0x2A {
                        depth += 1
                        offset += 2
                    } else {
                        offset += 1
                    }
                }
                if depth > 0 {
                    offset = n
                    unterminatedComment = SourceRange(start, start + 2)
                }
            } else {
                return
            }
        }
    }

    /// A string from its opening quote at `offset`; `"""` blocks may span lines, others may not.
    private mutating func string(from start: Int, raw: Bool) -> Token {
        let n = bytes.count
        if offset + 2 < n && bytes[offset + 1] == 0x22 && bytes[offset + 2] == 0x22 {
            offset += 3
            while offset + 2 < n {
                if bytes[offset] == 0x22 && bytes[offset + 1] == 0x22 && bytes[offset + 2] == 0x22 {
                    offset += 3
                    return Token(kind: .string(terminated: true), range: SourceRange(start, offset))
                }
                offset += (!raw && bytes[offset] == 0x5C) ? 2 : 1
            }
            offset = n
            return Token(kind: .string(terminated: false), range: SourceRange(start, n))
        }
        offset += 1
        while offset < n {
            let b = bytes[offset]
            if b == 0x22 {
                offset += 1
                return Token(kind: .string(terminated: true), range: SourceRange(start, offset))
            }
            if b == 0x0A { break }
            offset += (!raw && b == 0x5C && offset + 1 < n && bytes[offset + 1] != 0x0A) ? 2 : 1
        }
        return Token(kind: .string(terminated: false), range: SourceRange(start, offset))
    }

    private mutating func character(from start: Int) -> Token {
        let n = bytes.count
        offset += 1
        while offset < n {
            let b = bytes[offset]
            if b == 0x27 { offset += 1; break }
            if b == 0x0A { break }
            offset += (b == 0x5C && offset + 1 < n) ? 2 : 1
        }
        return Token(kind: .character, range: SourceRange(start, offset))
    }
}
