/// One part of a key: `a`, `"b c"` or `'d'`.
public struct TOMLKeySegment: Hashable, Sendable {
    public var name: String
    public var range: SourceRange
    public var isQuoted: Bool
}

/// A bare, quoted or dotted key as written.
public struct TOMLKeySyntax: Hashable, Sendable {
    /// The first part; most keys have no other, so `rest` stays an empty (unallocated) array.
    public var first: TOMLKeySegment
    public var rest: [TOMLKeySegment]
    public var range: SourceRange
    /// The key has more parts than `TOMLParser.maximumDepth`; only the first ones are kept, the
    /// parser reported it, and the statement defines nothing.
    public var exceedsDepthLimit = false

    public init(first: TOMLKeySegment, rest: [TOMLKeySegment] = [], range: SourceRange) {
        self.first = first
        self.rest = rest
        self.range = range
    }

    public var segments: [TOMLKeySegment] { [first] + rest }
    public var count: Int { rest.count + 1 }
    public var last: TOMLKeySegment { rest.last ?? first }
    public var isDotted: Bool { !rest.isEmpty }
    public subscript(index: Int) -> TOMLKeySegment { index == 0 ? first : rest[index - 1] }
    public var names: [String] { [first.name] + rest.map(\.name) }
    /// The key as a user reads it: `a.b."c d"`.
    public var dottedName: String { TOMLKeySyntax.render(names) }

    /// A byte a bare key may hold: `A-Za-z0-9_-`.
    @inline(__always)
    public static func isBareKeyByte(_ c: UInt8) -> Bool {
        ASCII.isAlphanumeric(c) || c == 0x5F || c == 0x2D
    }

    /// Renders key parts, quoting those that are not bare.
    public static func render(_ names: [String]) -> String {
        names.map(TOMLLiteral.renderKey).joined(separator: ".")
    }
}

/// How a string value was written.
public enum TOMLStringStyle: Hashable, Sendable {
    case basic, literal, multilineBasic, multilineLiteral
}

/// A value as written, with its range.
public struct TOMLValueSyntax: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case string(String, TOMLStringStyle)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        indirect case dateTime(TOMLDateTime)
        case array([TOMLValueSyntax])
        case inlineTable([TOMLKeyValueSyntax])
        /// Missing or malformed; a diagnostic says why.
        case invalid
    }

    public var kind: Kind
    public var range: SourceRange
}

/// `key = value`, at the top level or inside an inline table.
public struct TOMLKeyValueSyntax: Hashable, Sendable {
    public var key: TOMLKeySyntax
    public var value: TOMLValueSyntax
    /// From the key to the end of the value.
    public var range: SourceRange
    /// The whole line: indentation, the pair, a trailing comment and the newline.
    /// Inside an inline table, the same as `range`.
    public var lineRange: SourceRange
    /// The tokens of `lineRange`, as indices into the tree's token list.
    public var tokens: Range<Int>
}

/// `[a.b]` or `[[a.b]]`.
public struct TOMLTableHeaderSyntax: Hashable, Sendable {
    public var key: TOMLKeySyntax
    public var isArrayOfTables: Bool
    /// From the opening to the closing bracket.
    public var range: SourceRange
    public var lineRange: SourceRange
    public var tokens: Range<Int>
}

/// A top-level line of a TOML file that means something.
public enum TOMLStatement: Hashable, Sendable {
    case keyValue(TOMLKeyValueSyntax)
    case header(TOMLTableHeaderSyntax)

    public var lineRange: SourceRange {
        switch self {
        case .keyValue(let kv): kv.lineRange
        case .header(let h): h.lineRange
        }
    }
}

/// The concrete syntax tree of a TOML file: every byte as a token, the statements
/// over them, and every problem found. Printing the tokens gives back the input.
public struct TOMLSyntaxTree: Sendable {
    public let source: SourceText
    public let tokens: [TOMLToken]
    public let statements: [TOMLStatement]
    public let diagnostics: [Diagnostic]

    public init(source: SourceText, tokens: [TOMLToken], statements: [TOMLStatement], diagnostics: [Diagnostic]) {
        self.source = source
        self.tokens = tokens
        self.statements = statements
        self.diagnostics = diagnostics
    }

    /// Parses `source` into a syntax tree only, without building the document model.
    public static func parse(_ source: SourceText, version: TOMLVersion = .v1_0) -> TOMLSyntaxTree {
        TOMLParser.parse(source, version: version)
    }

    /// The bytes of every token in order: the input, byte for byte.
    public func printed() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.bytes.count)
        for token in tokens { out.append(contentsOf: source.bytes[token.range.range]) }
        return out
    }

    /// The index of the token holding `offset` (the last token for the end of the text).
    public func tokenIndex(at offset: Int) -> Int? {
        guard !tokens.isEmpty else { return nil }
        var lo = 0
        var hi = tokens.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if tokens[mid].range.lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
