/// How a manifest format is written: what the model's fixes and the language server's manifest
/// features need to read a manifest and edit it without knowing whether it is TOML, JSON or
/// another syntax. Each ecosystem names its format; TOML's is shared.
public protocol ManifestSyntax: Sendable {
    /// A key as the format writes it (TOML quotes `github.com/a/b`, JSON quotes every key).
    func renderKey(_ key: String) -> String
    /// A string value as the format writes it, quotes and escapes included.
    func renderString(_ value: String) -> String
    /// A new entry of a table, `key = value` in TOML (`value` already rendered).
    func renderEntry(key: String, value: String) -> String
    /// The text as a document the features can ask.
    func document(_ source: SourceText) -> any ManifestDocument
    /// Where `ampu add` puts a dependency: the path its insertion names, and how messages name
    /// the place (`[dependencies]`; Rask's `the package block`); with `feature`, that feature's
    /// block, nil when the format has none.
    func dependencySection(dev: Bool, feature: String?) -> (path: [String], title: String)?
    /// How messages name the section a read dependency is in (`DependencySpec.section`).
    func sectionTitle(_ section: String) -> String
    /// A dependency as this format writes it, for `ampu add` to say what it wrote; `source` the
    /// pairs of its place (`path`, `git`, `tag`…), `requirement` its version.
    func renderDependency(name: String, requirement: String?, source: [(String, String)]) -> String
    /// How the manifest defines a profile `name` that starts from `base`, for messages.
    func profileDefinition(_ name: String, inheriting base: String) -> String
    /// Why `ampu add` and `ampu remove` cannot edit this format's dependencies, when they
    /// cannot; nil when they can.
    var dependencyEditsRefused: String? { get }
    /// The text laid out as the format's formatter lays it out (`TOMLFormatter`), meaning the
    /// same; nil when the text has a syntax error or the format has no formatter.
    func formatted(_ source: SourceText) -> [UInt8]?
    /// Whether the format has a formatter (`ampu fmt`, the server's formatting).
    var formats: Bool { get }
}

extension ManifestSyntax {
    public func dependencySection(dev: Bool, feature: String?) -> (path: [String], title: String)? {
        guard feature == nil else { return nil }
        let section = dev ? "dev-dependencies" : "dependencies"
        return ([section], "[\(section)]")
    }

    public func sectionTitle(_ section: String) -> String { "[\(section)]" }

    public var dependencyEditsRefused: String? { nil }

    public func formatted(_ source: SourceText) -> [UInt8]? { nil }

    public var formats: Bool { false }

    public func profileDefinition(_ name: String, inheriting base: String) -> String { "[profile.\(name)] with `inherits = \"\(base)\"`" }

    /// TOML's and JSON's way: `name = "^1.0"`, or an inline table when it has a place.
    public func renderDependency(name: String, requirement: String?, source: [(String, String)]) -> String {
        if source.isEmpty { return renderEntry(key: name, value: renderString(requirement ?? "*")) }
        let pairs = source + (requirement.map { [("version", $0)] } ?? [])
        return renderEntry(key: name, value: "{ " + pairs.map { renderEntry(key: $0.0, value: renderString($0.1)) }.joined(separator: ", ") + " }")
    }
}

extension ManifestDocument {
    public func foldingRegions() -> [FoldingRegion] {
        var budget = FoldingRegion.limit
        return FoldingRegion.regions(of: outline(budget: &budget), in: source).sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }
}

/// A manifest's text as the server's features see it: what the cursor is on, what is written,
/// its outline, and edits that keep the rest of the file as it is. Paths are key paths from
/// the top (`["dependencies", "mathlib", "path"]`), the shape `ManifestSchema` describes.
public protocol ManifestDocument: Sendable {
    var source: SourceText { get }
    /// What is being typed at `offset`; it reads half-typed text the parser cannot make sense of.
    func place(at offset: Int) -> ManifestPlace?
    /// The complete key or value holding `offset` (the innermost one).
    func element(at offset: Int) -> ManifestElement?
    /// The tables written as sections of their own (TOML's `[headers]`).
    var writtenSections: Set<[String]> { get }
    /// The keys written in the table at `path`; nil when there is no such table.
    func keys(in path: [String]) -> Set<String>?
    /// The tables and keys as a tree, at most `budget` symbols (children included).
    func outline(budget: inout Int) -> [ManifestSymbol]
    /// What an editor can fold, in the order of the lines: by default each entry of the
    /// outline written over several lines.
    func foldingRegions() -> [FoldingRegion]
    /// Edits that add `key` with a string value to the table at `path`, creating the table when
    /// it is missing (after the section `after` names, where the format has sections); nil when
    /// the file cannot take it (it has errors, the key is there).
    func insertion(of key: String, string value: String, in path: [String], after anchor: [String]?) -> [TextEdit]?
    /// The same for a value of several keys written inline (`{ git = "…", tag = "…" }`).
    func insertion(of key: String, table value: [(String, String)], in path: [String], after anchor: [String]?) -> [TextEdit]?
    /// Edits that remove the key at `path` with its value (its whole line when it stands alone);
    /// nil when the file cannot take it (it has errors, there is no such key).
    func removal(of path: [String]) -> [TextEdit]?
    /// A new entry as this file writes it, when that is not the syntax's usual way (build.abc's
    /// brace form writes `key: value`); nil by default.
    func entryText(key: String, value: String) -> String?
    /// Edits that add a string at the end of the array at `path` (the key made when missing);
    /// nil when the file cannot take it, or its format has no such arrays (the default).
    func appending(string value: String, toArrayAt path: [String]) -> [TextEdit]?
    /// The strings of the array at `path`, each with its range (its quotes included); none when
    /// there is no such array, or the format has none (the default).
    func strings(inArrayAt path: [String]) -> [Located<String>]
}

extension ManifestDocument {
    public func entryText(key: String, value: String) -> String? { nil }
    public func appending(string value: String, toArrayAt path: [String]) -> [TextEdit]? { nil }
    public func strings(inArrayAt path: [String]) -> [Located<String>] { [] }
}

/// What is being typed at a cursor in a manifest.
public enum ManifestPlace: Hashable, Sendable {
    /// The name of a section (inside TOML's `[…]`): `partial` so far, replacing `range`.
    case section(partial: String, range: SourceRange)
    /// A key of the table at `table`.
    case key(table: [String], partial: String, range: SourceRange)
    /// The value of the key at `key`: `partial` is the text so far (a quote included).
    case value(key: [String], partial: String, range: SourceRange)
}

/// A key and its value, complete, under a cursor.
public struct ManifestElement: Hashable, Sendable {
    public var path: [String]
    public var keyRange: SourceRange
    public var valueRange: SourceRange
    /// The cursor is on the key rather than on the value.
    public var onKey: Bool
    /// The value is a table (written as a section or inline).
    public var isTable: Bool

    public init(path: [String], keyRange: SourceRange, valueRange: SourceRange, onKey: Bool, isTable: Bool) {
        self.path = path
        self.keyRange = keyRange
        self.valueRange = valueRange
        self.onKey = onKey
        self.isTable = isTable
    }
}

/// One entry of a manifest's outline.
public struct ManifestSymbol: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case table, tableArrayElement, string, number, boolean, array, other }
    public var name: String
    /// A string value, shown beside the name.
    public var detail: String?
    public var kind: Kind
    public var range: SourceRange
    /// The key.
    public var selection: SourceRange
    public var children: [ManifestSymbol]

    public init(name: String, detail: String?, kind: Kind, range: SourceRange, selection: SourceRange, children: [ManifestSymbol] = []) {
        self.name = name
        self.detail = detail
        self.kind = kind
        self.range = range
        self.selection = selection
        self.children = children
    }
}
