/// The kinds of token in a TOML file. Every byte of the input belongs to exactly one token.
public enum TOMLTokenKind: UInt8, Sendable, Hashable {
    case whitespace, newline, comment
    case bareKey
    case basicString, literalString, multilineBasicString, multilineLiteralString
    case integer, float, boolean, dateTime
    case equals, dot, comma
    case leftBracket, rightBracket, doubleLeftBracket, doubleRightBracket
    case leftBrace, rightBrace
    /// Bytes the parser could not make sense of; a diagnostic says why.
    case error

    public var isTrivia: Bool { self == .whitespace || self == .newline || self == .comment }
}

/// 12 bytes: files are read whole into memory, so 32-bit offsets are plenty.
public struct TOMLToken: Hashable, Sendable {
    public var kind: TOMLTokenKind
    private var start: UInt32
    private var end: UInt32

    public init(_ kind: TOMLTokenKind, _ range: SourceRange) {
        self.kind = kind
        self.start = UInt32(truncatingIfNeeded: range.lowerBound)
        self.end = UInt32(truncatingIfNeeded: range.upperBound)
    }

    public var range: SourceRange { SourceRange(Int(start), Int(end)) }
}

/// Which TOML the parser accepts.
public enum TOMLVersion: String, Sendable, CaseIterable {
    /// TOML 1.0.0, the default.
    case v1_0 = "1.0"
    /// TOML 1.1.0: newlines and trailing commas in inline tables, `\e` and `\xHH` escapes,
    /// times without seconds.
    case v1_1 = "1.1"
}
