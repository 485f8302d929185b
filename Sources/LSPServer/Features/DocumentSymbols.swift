import BuildModel

/// `textDocument/documentSymbol`: a manifest's tables and keys as a tree; a source file's
/// declaration and imports. Flat `SymbolInformation` for clients without hierarchy support.
enum DocumentSymbols {
    /// LSP `SymbolKind` values used here.
    enum Kind: Int64 {
        case module = 2, namespace = 3, package = 4, property = 7, string = 15, number = 16, boolean = 17, array = 18, object = 19
    }

    struct Symbol {
        var name: String
        var detail: String?
        var kind: Kind
        var range: SourceRange
        var selection: SourceRange
        var children: [Symbol] = []
    }

    /// At most this many symbols (children included) are listed: an outline of a generated
    /// file with 300,000 entries would cost the client more than it helps, and the server
    /// hundreds of megabytes to write.
    static let limit = 10_000

    static func answer(_ q: FeatureQuery) -> JSONValue {
        var budget = limit
        let symbols = q.isManifest ? manifestSymbols(q, budget: &budget) : sourceSymbols(q, budget: &budget)
        if q.client.hierarchicalSymbols { return .array(symbols.map { hierarchical($0, q) }) }
        var flat: [JSONValue] = []
        let uri = JSONValue.string(DocumentURI.uri(q.path))
        func add(_ s: Symbol, container: String?) {
            var pairs: [(String, JSONValue)] = [("name", .string(s.name)), ("kind", .int(s.kind.rawValue)),
                                                ("location", ["uri": uri, "range": q.lspRange(s.range)])]
            if let container { pairs.append(("containerName", .string(container))) }
            flat.append(.init(pairs: pairs))
            for c in s.children { add(c, container: s.name) }
        }
        for s in symbols { add(s, container: nil) }
        return .array(flat)
    }

    private static func hierarchical(_ s: Symbol, _ q: FeatureQuery) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("name", .string(s.name))]
        if let d = s.detail { pairs.append(("detail", .string(d))) }
        pairs += [("kind", .int(s.kind.rawValue)), ("range", q.lspRange(s.range)), ("selectionRange", q.lspRange(s.selection))]
        if !s.children.isEmpty { pairs.append(("children", .array(s.children.map { hierarchical($0, q) }))) }
        return .init(pairs: pairs)
    }

    private static func manifestSymbols(_ q: FeatureQuery, budget: inout Int) -> [Symbol] {
        q.manifestDocument.outline(budget: &budget).map(symbol)
    }

    private static func symbol(_ s: ManifestSymbol) -> Symbol {
        let kind: Kind = switch s.kind {
        case .table: .object
        case .tableArrayElement, .array: .array
        case .string: .string
        case .number: .number
        case .boolean: .boolean
        case .other: .property
        }
        return Symbol(name: s.name, detail: s.detail, kind: kind, range: s.range, selection: s.selection, children: s.children.map(symbol))
    }

    private static func sourceSymbols(_ q: FeatureQuery, budget: inout Int) -> [Symbol] {
        let (declaration, statements) = q.sourceImports(limit: budget)
        var out: [Symbol] = []
        if let d = declaration {
            out.append(Symbol(name: d.value, detail: "package", kind: .package, range: d.keyRange.union(d.range), selection: d.range))
        }
        for i in statements.prefix(max(0, budget - out.count)) {
            out.append(Symbol(name: i.path, detail: i.alias.map { "as \($0.value)" }, kind: .module, range: i.range, selection: i.literalRange))
        }
        return out
    }
}
