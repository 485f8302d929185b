/// What a manifest may contain: its tables and their keys, each with what it means and the
/// values it takes. The reader checks against it; completion and hover explain from it.
public struct ManifestSchema: Sendable {
    public var tables: [ManifestTable]

    public init(tables: [ManifestTable]) {
        self.tables = tables
    }

    /// The table a header path names (`["profile", "release"]` finds `profile.*`).
    public func table(_ path: [String]) -> ManifestTable? {
        tables.first { $0.matches(path) }
    }

    /// The key at `path` (`["package", "name"]`), or the table itself as a key of its parent.
    public func key(_ path: [String]) -> ManifestKey? {
        guard let last = path.last else { return nil }
        if let key = table(Array(path.dropLast()))?.keys.first(where: { $0.name == last }) { return key }
        if let t = table(path) { return ManifestKey(name: last, kind: .table, summary: t.summary) }
        return nil
    }

    /// What hover says of the key or table at `path` (names the user chose, such as a profile's,
    /// read as `*`): its documentation, or a table's summary and keys.
    public func hoverText(for path: [String]) -> String? {
        var schemaPath: [String] = []
        for part in path { schemaPath.append(table(schemaPath)?.hasFreeKeys == true ? "*" : part) }
        guard let key = key(schemaPath) ?? key(path) else { return nil }
        guard key.kind == .table, let t = table(schemaPath) ?? table(path) else { return key.documentation }
        var text = "**[\(path.joined(separator: "."))]**\n\n\(key.summary)"
        if !t.keys.isEmpty { text += "\n\nKeys: " + t.keys.map { "`\($0.name)`" }.joined(separator: ", ") }
        return text
    }

    /// Whether the table at `path` lists dependencies.
    public func isDependencyTable(_ path: [String]) -> Bool {
        if case .dependencies = table(path)?.role { return true }
        return false
    }

    /// The keys a table allows, in the order the schema lists them.
    public func keys(_ path: [String]) -> [ManifestKey] {
        table(path)?.keys ?? []
    }
}

/// One table of a manifest: `[package]`, `[profile.*]` (any name), `[[bin]]`.
public struct ManifestTable: Sendable {
    /// The header path; `*` matches any one name.
    public var path: [String]
    public var summary: String
    public var keys: [ManifestKey]
    public var isArrayOfTables: Bool
    /// Keys are names the user chooses (dependencies, profiles); `keys` lists none.
    public var hasFreeKeys: Bool
    /// What the table is for, when the features treat it specially; the name is the format's.
    public var role: Role?

    /// What a table is for, whatever the manifest calls it.
    public enum Role: Hashable, Sendable {
        /// Its keys are dependencies of this scope (`[dependencies]`, elm.json's `"direct"`).
        case dependencies(DependencyScope)
    }

    public init(_ path: [String], summary: String, keys: [ManifestKey] = [], isArrayOfTables: Bool = false, hasFreeKeys: Bool = false, role: Role? = nil) {
        self.path = path
        self.summary = summary
        self.keys = keys
        self.isArrayOfTables = isArrayOfTables
        self.hasFreeKeys = hasFreeKeys || role != nil
        self.role = role
    }

    func matches(_ other: [String]) -> Bool {
        other.count == path.count && zip(path, other).allSatisfy { $0 == "*" || $0 == $1 }
    }

    public var displayName: String {
        let name = path.joined(separator: ".")
        return isArrayOfTables ? "[[\(name)]]" : "[\(name)]"
    }
}

/// One key: its value type, what it means, the values it may take and an example.
public struct ManifestKey: Sendable {
    public enum Kind: String, Sendable {
        case string, integer, boolean, stringArray = "array of strings", table
        /// A dependency: a requirement string or an inline table.
        case dependency = "requirement string or table"
    }

    public var name: String
    public var kind: Kind
    public var summary: String
    /// The only values allowed, when the key is an enumeration.
    public var allowedValues: [String]
    /// A value to offer when completing the key (`"0.1.0"`, `true`).
    public var example: String?
    /// In a dependency's table, the key holding its version requirement.
    public var isRequirement: Bool
    /// `allowedValues` are the common ones, offered by completion; others of the form the
    /// summary describes are allowed too (`x86_64-freebsd`).
    public var valuesAreCommonOnes: Bool
    /// Its values name directories relative to the manifest (header directories, source
    /// directories), which completion offers (`PackagePathCandidates.directories`).
    public var namesDirectories: Bool

    public init(name: String, kind: Kind, summary: String, allowedValues: [String] = [], example: String? = nil, isRequirement: Bool = false,
                valuesAreCommonOnes: Bool = false, namesDirectories: Bool = false) {
        self.namesDirectories = namesDirectories
        self.name = name
        self.kind = kind
        self.summary = summary
        self.allowedValues = allowedValues
        self.example = example
        self.isRequirement = isRequirement
        self.valuesAreCommonOnes = valuesAreCommonOnes
    }

    /// Markdown for hover: what it is, its type, its values.
    public var documentation: String {
        var text = "**\(name)** (\(kind.rawValue))\n\n\(summary)"
        if !allowedValues.isEmpty {
            text += (valuesAreCommonOnes ? "\n\nCommon values: " : "\n\nAllowed values: ") + allowedValues.map { "`\($0)`" }.joined(separator: ", ")
        }
        if let example { text += "\n\nExample: `\(name) = \(example)`" }
        return text
    }
}
