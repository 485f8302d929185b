import OrderedCollections

/// A TOML value of the document model, with where it was written.
public struct TOMLValue: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        indirect case dateTime(TOMLDateTime)
        case array([TOMLValue])
        /// `[[name]]` sections.
        case arrayOfTables([TOMLTable])
        case table(TOMLTable)
    }

    public var kind: Kind
    /// The value's text; for a table, its header or the first key that made it.
    public var range: SourceRange

    public init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    public var integer: Int64? { if case .integer(let i) = kind { i } else { nil } }
    public var boolean: Bool? { if case .boolean(let b) = kind { b } else { nil } }
    public var table: TOMLTable? { if case .table(let t) = kind { t } else { nil } }
    public var array: [TOMLValue]? { if case .array(let a) = kind { a } else { nil } }

    /// "string", "integer", "table"…: how messages name the type.
    public var typeName: String {
        switch kind {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .dateTime(let dt): dt.kind == .localTime ? "time" : dt.kind == .localDate ? "date" : "date-time"
        case .array: "array"
        case .arrayOfTables: "array of tables"
        case .table: "table"
        }
    }
}

/// A key of a table with its value.
public struct TOMLEntry: Hashable, Sendable {
    public var key: String
    /// Where this key was written (the part of a dotted key that names it).
    public var keyRange: SourceRange
    public var value: TOMLValue
}

/// A table of the document model: its entries in the order written.
public struct TOMLTable: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        case root
        /// `[name]`
        case header
        /// Created by a header of a sub-table (`[a.b]` creates `a`).
        case implicit
        /// Created by a dotted key (`a.b = 1` creates `a`).
        case dotted
        /// `{ … }`
        case inline
        /// One `[[name]]` section.
        case arrayElement
    }

    public var origin: Origin
    /// The header, inline table or key that made the table.
    public var range: SourceRange
    public var entries: OrderedDictionary<String, TOMLEntry>

    public init(origin: Origin, range: SourceRange, entries: OrderedDictionary<String, TOMLEntry> = [:]) {
        self.origin = origin
        self.range = range
        self.entries = entries
    }

    public subscript(key: String) -> TOMLValue? { entries[key]?.value }

    /// The value at a path of keys, going through tables (and the last element of arrays of tables).
    public func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first, let value = entries[first]?.value else { return nil }
        if path.count == 1 { return value }
        switch value.kind {
        case .table(let t): return t.value(at: Array(path.dropFirst()))
        case .arrayOfTables(let ts): return ts.last?.value(at: Array(path.dropFirst()))
        default: return nil
        }
    }
}
