/// TOML's manifest syntax, for every ecosystem whose manifest is a TOML file.
public struct TOMLManifestSyntax: ManifestSyntax {
    public init() {}

    public func renderKey(_ key: String) -> String { TOMLLiteral.renderKey(key) }
    public func renderString(_ value: String) -> String { TOMLLiteral.renderString(value) }
    public func renderEntry(key: String, value: String) -> String { "\(TOMLLiteral.renderKey(key)) = \(value)" }
    public func document(_ source: SourceText) -> any ManifestDocument { TOMLManifestDocument(TOMLDocument(parsing: source)) }
    public func formatted(_ source: SourceText) -> [UInt8]? { TOMLFormatter.format(source) }
    public var formats: Bool { true }
}

/// A TOML manifest asked by the server's features: the cursor's place from `TOMLCursor`, the
/// outline from the document's tables, edits from `TOMLEditor`.
public struct TOMLManifestDocument: ManifestDocument {
    public let document: TOMLDocument

    public init(_ document: TOMLDocument) { self.document = document }

    public var source: SourceText { document.source }

    public func place(at offset: Int) -> ManifestPlace? {
        switch TOMLCursor.place(in: document, at: offset) {
        case .header(let partial, let range): .section(partial: partial, range: range)
        case .key(let table, let partial, let range): .key(table: table, partial: partial, range: range)
        case .value(let key, let partial, let range): .value(key: key, partial: partial, range: range)
        case nil: nil
        }
    }

    public func element(at offset: Int) -> ManifestElement? {
        guard let (path, entry, onKey) = TOMLCursor.element(in: document, at: offset) else { return nil }
        let isTable = if case .table = entry.value.kind { true } else { false }
        return ManifestElement(path: path, keyRange: entry.keyRange, valueRange: entry.value.range, onKey: onKey, isTable: isTable)
    }

    public var writtenSections: Set<[String]> {
        Set(document.syntax.statements.compactMap { s -> [String]? in
            if case .header(let h) = s, !h.isArrayOfTables { return h.key.names }
            return nil
        })
    }

    public func keys(in path: [String]) -> Set<String>? {
        document.table(at: path).map { Set($0.entries.keys) }
    }

    public func outline(budget: inout Int) -> [ManifestSymbol] {
        Self.symbols(document.root, budget: &budget)
    }

    public func foldingRegions() -> [FoldingRegion] { TOMLFolding.regions(document.syntax) }

    private static func symbols(_ table: TOMLTable, budget: inout Int) -> [ManifestSymbol] {
        var out: [ManifestSymbol] = []
        for (key, entry) in table.entries {
            guard budget > 0 else { break }
            budget -= 1
            switch entry.value.kind {
            case .table(let t):
                let children = symbols(t, budget: &budget)
                let range = children.reduce(entry.keyRange.union(t.range)) { $0.union($1.range) }
                out.append(ManifestSymbol(name: key, detail: nil, kind: .table, range: range, selection: entry.keyRange, children: children))
            case .arrayOfTables(let tables):
                for (i, t) in tables.enumerated() {
                    if i > 0 {
                        guard budget > 0 else { break }
                        budget -= 1
                    }
                    let children = symbols(t, budget: &budget)
                    let range = children.reduce(t.range) { $0.union($1.range) }
                    out.append(ManifestSymbol(name: "\(key)[\(i)]", detail: nil, kind: .tableArrayElement, range: range, selection: t.range, children: children))
                }
            default:
                let kind: ManifestSymbol.Kind = switch entry.value.kind {
                case .string: .string
                case .integer, .float: .number
                case .boolean: .boolean
                case .array: .array
                default: .other
                }
                out.append(ManifestSymbol(name: key, detail: entry.value.string, kind: kind,
                                          range: entry.keyRange.union(entry.value.range), selection: entry.keyRange))
            }
        }
        return out
    }

    public func insertion(of key: String, string value: String, in path: [String], after anchor: [String]?) -> [TextEdit]? {
        guard !document.hasErrors else { return nil }
        return try? TOMLEditor(document).insertKey(key, value: .string(value), inTable: path, newTableAfter: anchor)
    }

    public func insertion(of key: String, table value: [(String, String)], in path: [String], after anchor: [String]?) -> [TextEdit]? {
        guard !document.hasErrors else { return nil }
        return try? TOMLEditor(document).insertKey(key, value: .inlineTable(value.map { ($0.0, .string($0.1)) }), inTable: path, newTableAfter: anchor)
    }

    public func appending(string value: String, toArrayAt path: [String]) -> [TextEdit]? {
        guard !document.hasErrors else { return nil }
        return try? TOMLEditor(document).append(.string(value), toArrayAt: path)
    }

    public func strings(inArrayAt path: [String]) -> [Located<String>] {
        (document.value(at: path)?.array ?? []).compactMap { v in v.string.map { Located($0, range: v.range) } }
    }

    public func removal(of path: [String]) -> [TextEdit]? {
        guard !document.hasErrors else { return nil }
        let editor = TOMLEditor(document)
        if let edits = try? editor.removeKey(at: path) { return edits }
        // A table of its own (`[dependencies.json]` with `version = "1.0"` under it).
        return try? editor.removeTable(at: path)
    }
}
