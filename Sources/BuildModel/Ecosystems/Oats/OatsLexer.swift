/// Just enough of Oats's TypeScript-like lexical grammar to find `import` statements:
/// identifiers, string literals ('…' and "…"), template literals (skipped whole, `${…}` included)
/// and punctuation; whitespace and `//` and `/* */` comments skipped.
struct OatsLexer {
    enum Kind: Equatable {
        case identifier
        /// A string literal; `terminated` is false when the line or file ended first.
        case string(terminated: Bool)
        /// A template literal.
        case template
        case punctuation(UInt8)
        case end
    }

    struct Token {
        var kind: Kind
        var range: SourceRange
    }

    let bytes: [UInt8]
    var offset = 0
    /// A block comment that never closed (reported by the scanner).
    var unterminatedComment: SourceRange?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b == 0x24 || b >= 0x80
    }

    static func isIdentifierByte(_ b: UInt8) -> Bool { isIdentifierStart(b) || (b >= 0x30 && b <= 0x39) }

    func text(_ range: SourceRange) -> String {
        String(decoding: bytes[range.range], as: UTF8.self)
    }

    func isIdentifier(_ token: Token, _ word: String) -> Bool {
        token.kind == .identifier && token.range.count == word.utf8.count && bytes[token.range.range].elementsEqual(word.utf8)
    }

    mutating func next() -> Token {
        skipTrivia()
        let n = bytes.count
        guard offset < n else { return Token(kind: .end, range: .at(n)) }
        let start = offset
        let b = bytes[offset]
        if Self.isIdentifierByte(b) {
            offset += 1
            while offset < n && Self.isIdentifierByte(bytes[offset]) { offset += 1 }
            return Token(kind: .identifier, range: SourceRange(start, offset))
        }
        if b == 0x22 || b == 0x27 { return string(from: start, quote: b) }
        if b == 0x60 { return template(from: start) }
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
                while offset < n && bytes[offset] != 0x0A { offset += 1 }
            } else if b == 0x2F && offset + 1 < n && bytes[offset + 1] == 0x2A {
                let start = offset
                offset += 2
                while offset + 1 < n && !(bytes[offset] == 0x2A && bytes[offset + 1] == 0x2F) { offset += 1 }
                if offset + 1 < n {
                    offset += 2
                } else {
                    offset = n
                    unterminatedComment = SourceRange(start, start + 2)
                }
            } else {
                return
            }
        }
    }

    /// A string from its opening quote; it may not span lines (unless a `\` continues it).
    private mutating func string(from start: Int, quote: UInt8) -> Token {
        let n = bytes.count
        offset += 1
        while offset < n {
            let b = bytes[offset]
            if b == quote {
                offset += 1
                return Token(kind: .string(terminated: true), range: SourceRange(start, offset))
            }
            if b == 0x0A { break }
            offset += b == 0x5C && offset + 1 < n ? 2 : 1
        }
        return Token(kind: .string(terminated: false), range: SourceRange(start, offset))
    }

    /// A template literal, its `${…}` substitutions (which may hold strings, templates and
    /// braces of their own) included. Nesting is kept on a stack, not in recursion: a file of
    /// templates nested 200,000 deep must not overflow the stack.
    private mutating func template(from start: Int) -> Token {
        enum Frame { case text, substitution(braces: Int) }
        let n = bytes.count
        var frames: [Frame] = [.text]
        offset += 1
        while offset < n, let top = frames.last {
            switch top {
            case .text:
                let b = bytes[offset]
                if b == 0x60 {
                    offset += 1
                    frames.removeLast()
                } else if b == 0x5C {
                    offset += 2
                } else if b == 0x24 && offset + 1 < n && bytes[offset + 1] == 0x7B {
                    offset += 2
                    frames.append(.substitution(braces: 0))
                } else {
                    offset += 1
                }
            case .substitution(let braces):
                skipTrivia()
                guard offset < n else { break }
                let b = bytes[offset]
                switch b {
                case 0x60:
                    offset += 1
                    frames.append(.text)
                case 0x7B:
                    offset += 1
                    frames[frames.count - 1] = .substitution(braces: braces + 1)
                case 0x7D:
                    offset += 1
                    if braces == 0 { frames.removeLast() } else { frames[frames.count - 1] = .substitution(braces: braces - 1) }
                case 0x22, 0x27:
                    _ = string(from: offset, quote: b)
                default:
                    offset += 1
                }
            }
        }
        return Token(kind: .template, range: SourceRange(start, min(offset, n)))
    }

    /// The value of a string token: its text between the quotes with escapes decoded.
    func stringValue(_ token: Token) -> String {
        let r = token.range
        let end = token.kind == .string(terminated: true) ? r.upperBound - 1 : r.upperBound
        var out: [UInt8] = []
        var i = r.lowerBound + 1
        while i < end {
            let b = bytes[i]
            if b == 0x5C && i + 1 < end {
                let e = bytes[i + 1]
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x30: out.append(0x00)
                case 0x0A: break
                default: out.append(e)
                }
                i += 2
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
