import BuildModel

/// Completion in a manifest: table names in headers, the keys a table allows (those not yet
/// written), dependency names from the package cache, versions of a known dependency, and the
/// values of enumerated keys.
enum ManifestCompletion {
    static func items(_ q: FeatureQuery, at offset: Int) -> [JSONValue] {
        let document = q.tomlDocument
        guard let place = TOMLCursor.place(in: document, at: offset) else { return [] }
        let schema = q.ecosystem.manifestSchema
        switch place {
        case .header(_, let range):
            let r = q.lspRange(range)
            let written = Set(document.syntax.statements.compactMap { s -> [String]? in
                if case .header(let h) = s, !h.isArrayOfTables { return h.key.names }
                return nil
            })
            return schema.tables.filter { !$0.path.isEmpty && !$0.path.contains("*") && !written.contains($0.path) }.map { t in
                let name = t.path.joined(separator: ".")
                return Completion.item(label: name, kind: .module, detail: t.displayName,
                                       documentation: q.documentation(t.summary), newText: name, range: r)
            }
        case .key(let table, _, let range):
            let r = q.lspRange(range)
            if let t = schema.table(table), t.hasFreeKeys, table.first?.hasSuffix("dependencies") == true {
                return dependencyNames(q, range: r, existing: document.table(at: table))
            }
            guard let t = schema.table(table) else { return [] }
            let existing = document.table(at: table)
            return t.keys.filter { existing?.entries[$0.name] == nil }.map { key in
                let text = key.kind == .table ? key.name : "\(TOMLLiteral.renderKey(key.name)) = \(key.example ?? "\"\"")"
                return Completion.item(label: key.name, kind: .property, detail: key.kind.rawValue,
                                       documentation: q.documentation(key.documentation), newText: text, range: r)
            }
        case .value(let key, _, let range):
            let r = q.lspRange(range)
            if let versions = dependencyVersions(q, key: key) {
                return versions.map { Completion.item(label: $0, kind: .value, detail: "version requirement", newText: $0, range: r) }
            }
            guard let k = schema.key(key), !k.allowedValues.isEmpty else { return [] }
            return k.allowedValues.map { v in
                let text = k.kind == .string ? TOMLLiteral.renderString(v) : v
                return Completion.item(label: text, kind: .enumMember, detail: k.name, newText: text, range: r)
            }
        }
    }

    /// Packages in the cache not yet declared, each completed as `"name" = "^version"`.
    private static func dependencyNames(_ q: FeatureQuery, range: JSONValue, existing: TOMLTable?) -> [JSONValue] {
        guard let resolver = q.snapshot?.resolver else { return [] }
        return resolver.availablePackages().filter { existing?.entries[$0.name] == nil }.map { p in
            let requirement = p.version.map { "^\($0)" } ?? "*"
            let text = "\(TOMLLiteral.renderKey(p.name)) = \(TOMLLiteral.renderString(requirement))"
            let doc = [p.description, p.version.map { "version \($0) in the package cache" }].compactMap { $0 }.joined(separator: "\n\n")
            return Completion.item(label: p.name, kind: .module, detail: p.version.map { "\($0)" } ?? "cached package",
                                   documentation: q.documentation(doc), newText: text, range: range)
        }
    }

    /// Requirements for a dependency whose version the cache knows (`name = "…"` or `version = "…"`).
    private static func dependencyVersions(_ q: FeatureQuery, key: [String]) -> [String]? {
        guard key.count >= 2, key[0].hasSuffix("dependencies"), key.count == 2 || (key.count == 3 && key[2] == "version"),
              let package = q.snapshot?.resolver.availablePackages().first(where: { $0.name == key[1] }),
              let version = package.version else { return nil }
        let v = "\(version)"
        return ["^\(v)", "~\(v)", "=\(v)"].map(TOMLLiteral.renderString)
    }
}
