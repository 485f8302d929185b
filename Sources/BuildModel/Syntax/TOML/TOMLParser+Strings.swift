extension TOMLParser {
    /// Any of the four string forms, starting at a quote; emits its token.
    mutating func parseString() -> (String, TOMLStringStyle) {
        let quote = b[pos]
        let multiline = at(pos + 1) == quote && at(pos + 2) == quote
        let style: TOMLStringStyle =
            quote == 0x22 ? (multiline ? .multilineBasic : .basic) : (multiline ? .multilineLiteral : .literal)
        let start = pos
        let value: String
        switch style {
        case .basic: value = scanBasicString()
        case .literal: value = scanLiteralString()
        case .multilineBasic: value = scanMultilineString(escapes: true)
        case .multilineLiteral: value = scanMultilineString(escapes: false)
        }
        let kind: TOMLTokenKind =
            switch style {
            case .basic: .basicString
            case .literal: .literalString
            case .multilineBasic: .multilineBasicString
            case .multilineLiteral: .multilineLiteralString
            }
        emit(kind, from: start)
        return (value, style)
    }

    /// Checks one content byte of a string at `pos`; returns how many bytes it spans.
    mutating func checkStringByte(allowNewline: Bool) -> Int {
        let c = b[pos]
        if c >= 0x80 {
            if let length = utf8Length(at: pos) { return length }
            reportInvalidUTF8(at: pos)
            return 1
        }
        if c == 0x09 || c >= 0x20 && c != 0x7F { return 1 }
        if allowNewline && c == 0x0A { return 1 }
        if allowNewline && c == 0x0D {
            if at(pos + 1) == 0x0A { return 2 }
            report("a carriage return in a string must be followed by a line feed", SourceRange(pos, pos + 1),
                code: TOMLDiagnosticCode.controlCharacter, help: ["write it as \\r"])
            return 1
        }
        report("control character \(Self.codePoint(c)) must be escaped in a string", SourceRange(pos, pos + 1),
            code: TOMLDiagnosticCode.controlCharacter, help: ["write it as \\u\(Self.codePoint(c).dropFirst(2))"])
        return 1
    }

    mutating func scanBasicString() -> String {
        let open = pos
        pos += 1
        // Decoded bytes, only once an escape makes them differ from the source.
        var out: [UInt8]?
        var plainFrom = pos
        while true {
            guard pos < n, b[pos] != 0x0A, !(b[pos] == 0x0D && at(pos + 1) == 0x0A) else {
                report("unterminated string: missing the closing '\"'", SourceRange(open, pos),
                    code: TOMLDiagnosticCode.unterminatedString, help: ["add '\"' at the end of the string"])
                guard var decoded = out else { return text(plainFrom, pos) }
                decoded.append(contentsOf: b[plainFrom..<pos])
                return String(decoding: decoded, as: UTF8.self)
            }
            let c = b[pos]
            if c == 0x22 {
                pos += 1
                guard var decoded = out else { return text(plainFrom, pos - 1) }
                decoded.append(contentsOf: b[plainFrom..<(pos - 1)])
                return String(decoding: decoded, as: UTF8.self)
            }
            if c == 0x5C {
                var decoded = out ?? []
                decoded.append(contentsOf: b[plainFrom..<pos])
                scanEscape(into: &decoded, multiline: false)
                out = decoded
                plainFrom = pos
                continue
            }
            if c >= 0x20 && c < 0x7F {
                pos += 1
            } else {
                pos += checkStringByte(allowNewline: false)
            }
        }
    }

    mutating func scanLiteralString() -> String {
        let open = pos
        pos += 1
        let from = pos
        while true {
            guard pos < n, b[pos] != 0x0A, !(b[pos] == 0x0D && at(pos + 1) == 0x0A) else {
                report("unterminated string: missing the closing \"'\"", SourceRange(open, pos),
                    code: TOMLDiagnosticCode.unterminatedString, help: ["add \"'\" at the end of the string"])
                return text(from, pos)
            }
            let c = b[pos]
            if c == 0x27 {
                pos += 1
                return text(from, pos - 1)
            }
            if c >= 0x20 && c < 0x7F {
                pos += 1
            } else {
                pos += checkStringByte(allowNewline: false)
            }
        }
    }

    /// `"""…"""` or `'''…'''`: a newline right after the opening delimiter is dropped;
    /// up to two quotes may sit right before the closing delimiter.
    mutating func scanMultilineString(escapes: Bool) -> String {
        let open = pos
        let quote = b[pos]
        pos += 3
        if at(pos) == 0x0A {
            pos += 1
        } else if at(pos) == 0x0D && at(pos + 1) == 0x0A {
            pos += 2
        }
        var out: [UInt8] = []
        var plainFrom = pos
        while true {
            guard pos < n else {
                let delimiter = quote == 0x22 ? "\"\"\"" : "'''"
                report("unterminated multi-line string: missing the closing \(delimiter)", SourceRange(open, open + 3),
                    code: TOMLDiagnosticCode.unterminatedString, help: ["add \(delimiter) where the string ends"])
                out.append(contentsOf: b[plainFrom..<pos])
                return String(decoding: out, as: UTF8.self)
            }
            let c = b[pos]
            if c == quote {
                var run = 0
                while pos + run < n && b[pos + run] == quote { run += 1 }
                if run >= 3 {
                    if run > 5 {
                        report("too many quotes at the end of a multi-line string", SourceRange(pos + 5, pos + run),
                            help: ["escape quotes inside the string, or end it with at most two extra quotes"])
                    }
                    let content = min(run - 3, 2)
                    out.append(contentsOf: b[plainFrom..<(pos + content)])
                    pos += run
                    return String(decoding: out, as: UTF8.self)
                }
                pos += run
                continue
            }
            if escapes && c == 0x5C {
                out.append(contentsOf: b[plainFrom..<pos])
                scanEscape(into: &out, multiline: true)
                plainFrom = pos
                continue
            }
            pos += checkStringByte(allowNewline: true)
        }
    }

    /// A backslash escape at `pos`, decoded into `out`.
    mutating func scanEscape(into out: inout [UInt8], multiline: Bool) {
        let start = pos
        pos += 1
        guard pos < n else {
            report("a backslash at the end of the file", SourceRange(start, pos), code: TOMLDiagnosticCode.invalidEscape)
            return
        }
        let c = b[pos]
        switch c {
        case 0x62: out.append(0x08); pos += 1
        case 0x74: out.append(0x09); pos += 1
        case 0x6E: out.append(0x0A); pos += 1
        case 0x66: out.append(0x0C); pos += 1
        case 0x72: out.append(0x0D); pos += 1
        case 0x22: out.append(0x22); pos += 1
        case 0x5C: out.append(0x5C); pos += 1
        case 0x65 where version == .v1_1: out.append(0x1B); pos += 1
        case 0x78 where version == .v1_1: scanUnicodeEscape(from: start, digits: 2, into: &out)
        case 0x75: scanUnicodeEscape(from: start, digits: 4, into: &out)
        case 0x55: scanUnicodeEscape(from: start, digits: 8, into: &out)
        case let w where multiline && (w == 0x20 || w == 0x09 || w == 0x0A || w == 0x0D):
            // A line-ending backslash: drop white space and newlines up to the next content.
            var probe = pos
            while probe < n && (b[probe] == 0x20 || b[probe] == 0x09) { probe += 1 }
            guard probe < n && (b[probe] == 0x0A || (b[probe] == 0x0D && at(probe + 1) == 0x0A)) else {
                report("a backslash followed by white space must end the line", SourceRange(start, probe),
                    code: TOMLDiagnosticCode.invalidEscape, help: ["remove the white space after '\\', or write '\\\\' for a backslash"])
                pos = probe
                return
            }
            pos = probe
            while pos < n && (b[pos] == 0x20 || b[pos] == 0x09 || b[pos] == 0x0A || (b[pos] == 0x0D && at(pos + 1) == 0x0A)) {
                pos += b[pos] == 0x0D ? 2 : 1
            }
        default:
            let length = c >= 0x80 ? (utf8Length(at: pos) ?? 1) : 1
            let shown = c == 0x0A || c == 0x0D ? "\\ at the end of a line" : "'\\\(text(pos, min(pos + length, n)))'"
            let escapes = version == .v1_1 ? "\\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uXXXX \\UXXXXXXXX" : "\\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX"
            report("invalid escape sequence \(shown)", SourceRange(start, min(pos + length, n)),
                code: TOMLDiagnosticCode.invalidEscape,
                help: ["valid escapes are \(escapes); write '\\\\' for a backslash"])
            if c != 0x0A && c != 0x0D { pos += length }
        }
    }

    mutating func scanUnicodeEscape(from start: Int, digits: Int, into out: inout [UInt8]) {
        pos += 1
        var value: UInt32 = 0
        var count = 0
        while count < digits, pos < n, let d = ASCII.hexValue(b[pos]) {
            value = value << 4 | UInt32(d)
            pos += 1
            count += 1
        }
        let letter = digits == 2 ? "x" : digits == 4 ? "u" : "U"
        guard count == digits else {
            report("'\\\(letter)' needs exactly \(digits) hexadecimal digits", SourceRange(start, pos),
                code: TOMLDiagnosticCode.invalidEscape, help: ["write it as \\\(letter)\(String(repeating: "X", count: digits))"])
            return
        }
        guard let scalar = Unicode.Scalar(value) else {
            report("'\(text(start, pos))' is not a Unicode scalar value", SourceRange(start, pos),
                code: TOMLDiagnosticCode.invalidEscape, help: ["surrogates (D800–DFFF) and values above 10FFFF cannot be escaped"])
            return
        }
        out.append(contentsOf: String(Character(scalar)).utf8)
    }
}
