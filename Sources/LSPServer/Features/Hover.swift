import BuildModel

/// `textDocument/hover`: on an import, what it is and what it resolves to (for a dependency,
/// the package's name, version and description); in a manifest, what a key means and the
/// values it takes, for a dependency its source and requirement, and for a workspace member the
/// package it names.
enum Hover {
    static func answer(_ q: FeatureQuery) throws(ResponseError) -> JSONValue {
        let offset = try q.requireOffset()
        let found = q.isManifest ? manifestHover(q, at: offset) : importHover(q, at: offset)
        guard let (markdown, range) = found else { return .null }
        return ["contents": q.markup(markdown, markdownAllowed: q.client.markdownHover), "range": q.lspRange(range)]
    }

    private static func importHover(_ q: FeatureQuery, at offset: Int) -> (String, SourceRange)? {
        guard let snapshot = q.snapshot, let module = snapshot.modules[q.path],
              let resolved = module.imports.first(where: { $0.statement.range.touches(offset) }) else { return nil }
        return (snapshot.hoverText(for: resolved, in: module), resolved.statement.literalRange)
    }

    private static func manifestHover(_ q: FeatureQuery, at offset: Int) -> (String, SourceRange)? {
        if let own = q.ecosystem.manifestNavigation(q.manifest)?.hover(at: offset, fileSystem: q.fileSystem, environment: q.environment) {
            return (own.text, own.range)
        }
        if let entry = Definition.memberEntries(of: q.manifest).first(where: { $0.range.touches(offset) }), let text = memberHover(q, entry) {
            return (text, entry.range)
        }
        guard let element = q.manifestDocument.element(at: offset) else { return nil }
        let path = element.path
        let range = element.onKey ? element.keyRange : element.valueRange
        let schema = q.ecosystem.manifestSchema(for: q.manifest)
        // A dependency: its source and requirement, and the package when it is on disk.
        if path.count >= 2, schema.isDependencyTable(Array(path.dropLast())) {
            let manifest = q.manifest
            let section = path.dropLast().joined(separator: ".")
            guard let dep = manifest.dependencies.first(where: { $0.name.value == path[path.count - 1] && $0.section == section }) else { return nil }
            let text = q.snapshot?.hoverText(for: dep, declaredIn: manifest) ?? WorkspaceSnapshot.dependencyHeading(dep)
            return (text, range)
        }
        return schema.hoverText(for: path).map { ($0, range) }
    }

    /// On a workspace member (in `members` or `default-members`): the package it names, or every
    /// package a pattern matches, by name and version with its manifest; nil when it names none
    /// (a diagnostic says so).
    private static func memberHover(_ q: FeatureQuery, _ entry: Located<String>) -> String? {
        guard let snapshot = q.snapshot, snapshot.rootManifest.path == q.path else { return nil }
        let matched = snapshot.members(named: entry.value, from: snapshot.root)
        guard !matched.isEmpty else { return nil }
        let lines = matched.map { m in
            "**\(m.displayName)**" + (m.package?.version.map { " \($0.value)" } ?? "") + " — `\(Paths.relative(m.path, from: snapshot.root))`"
        }
        if WorkspaceLocator.isPattern(entry.value) {
            return "Workspace members matching `\(entry.value)` (\(matched.count)):\n\n" + lines.map { "- " + $0 }.joined(separator: "\n")
        }
        return "Workspace member " + lines[0]
    }
}
