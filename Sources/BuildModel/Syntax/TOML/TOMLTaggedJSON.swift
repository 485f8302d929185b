import OrderedCollections

/// The toml-test interchange form: tables as objects, arrays as arrays, and every
/// scalar as `{"type": …, "value": "…"}`.
public enum TOMLTaggedJSON {
    public static func encode(_ table: TOMLTable) -> JSONValue {
        var object = OrderedDictionary<String, JSONValue>(minimumCapacity: table.entries.count)
        for (key, entry) in table.entries { object[key] = encode(entry.value) }
        return .object(object)
    }

    public static func encode(_ value: TOMLValue) -> JSONValue {
        switch value.kind {
        case .string(let s): return tagged("string", s)
        case .integer(let i): return tagged("integer", String(i))
        case .float(let d):
            let text = d.isNaN ? "nan" : d.isInfinite ? (d < 0 ? "-inf" : "inf") : TOMLLiteral.renderFloat(d)
            return tagged("float", text)
        case .boolean(let b): return tagged("bool", b ? "true" : "false")
        case .dateTime(let dt): return tagged(dt.kind.rawValue, dt.description)
        case .array(let items): return .array(items.map(encode))
        case .arrayOfTables(let tables): return .array(tables.map(encode))
        case .table(let t): return encode(t)
        }
    }

    private static func tagged(_ type: String, _ value: String) -> JSONValue {
        .object(["type": .string(type), "value": .string(value)])
    }
}
