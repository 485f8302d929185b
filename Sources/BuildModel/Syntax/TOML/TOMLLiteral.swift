/// A value to write into a TOML file, rendered the way a person would write it.
public indirect enum TOMLLiteral: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case dateTime(TOMLDateTime)
    case array([TOMLLiteral])
    /// `{ key = value, … }`, keys in the given order.
    case inlineTable([(String, TOMLLiteral)])

    public static func == (a: TOMLLiteral, b: TOMLLiteral) -> Bool { a.rendered == b.rendered }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }

    /// The TOML text of the value.
    public var rendered: String {
        switch self {
        case .string(let s): Self.renderString(s)
        case .integer(let i): String(i)
        case .float(let d):
            d.isNaN ? "nan" : d.isInfinite ? (d < 0 ? "-inf" : "inf") : Self.renderFloat(d)
        case .boolean(let b): b ? "true" : "false"
        case .dateTime(let dt): dt.description
        case .array(let items): "[" + items.map(\.rendered).joined(separator: ", ") + "]"
        case .inlineTable(let pairs):
            pairs.isEmpty ? "{}" : "{ " + pairs.map { Self.renderKey($0.0) + " = " + $0.1.rendered }.joined(separator: ", ") + " }"
        }
    }

    static func renderFloat(_ d: Double) -> String {
        let s = d.description
        return s.contains(".") || s.contains("e") ? s : s + ".0"
    }

    /// A key bare when it can be, else quoted.
    public static func renderKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.utf8.allSatisfy(TOMLKeySyntax.isBareKeyByte)
        return bare ? key : renderString(key)
    }

    /// A basic string with the escapes TOML needs.
    public static func renderString(_ s: String) -> String {
        // Most strings need no escape: quoted as they are.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
