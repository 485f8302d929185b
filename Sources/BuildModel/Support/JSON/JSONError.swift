/// Why bytes could not be read as JSON, or a value could not be written.
public enum JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input ended inside a value.
    case truncated(offset: Int)
    /// A syntax error at a byte offset, with json-c's words for it.
    case syntax(offset: Int, reason: String)
    case invalidUTF8(offset: Int)
    case tooDeep(limit: Int)
    /// An integer outside Int64, or a number outside Double's range.
    case numberOutOfRange(String)
    /// Something other than white space after the value.
    case trailingCharacters(offset: Int)
    /// A value that JSON cannot express (NaN, infinity).
    case unrepresentable(String)
    /// `NaN`, `Infinity`: words json-c reads but JSON does not have.
    case invalidLiteral(String)
    /// An object key with U+0000, which json-c cannot hold.
    case unsupportedKey(offset: Int)

    public var description: String {
        switch self {
        case .truncated(let o): "unexpected end of JSON input at byte \(o)"
        case .syntax(let o, let reason): "invalid JSON at byte \(o): \(reason)"
        case .invalidUTF8(let o): "invalid UTF-8 in a JSON string near byte \(o)"
        case .tooDeep(let limit): "JSON nested deeper than \(limit) levels"
        case .numberOutOfRange(let what): "JSON number out of range: \(what)"
        case .trailingCharacters(let o): "unexpected characters after the JSON value at byte \(o)"
        case .unrepresentable(let what): "\(what) cannot be written as JSON"
        case .invalidLiteral(let word): "'\(word)' is not valid JSON; numbers must be finite"
        case .unsupportedKey(let o): "an object key at byte \(o) contains U+0000, which ampu's JSON reader cannot keep"
        }
    }
}
