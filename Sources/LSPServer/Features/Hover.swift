import BuildModel

/// `textDocument/hover`: on an import, what it is and what it resolves to (for a dependency,
/// the package's name, version and description); in a manifest, what a key means and the
/// values it takes, and for a dependency its source and requirement.
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
        let statement = resolved.statement
        let outcome = resolved.outcome
        let kind = outcome.category.map { "\($0.rawValue) import" } ?? "import"
        var lines = ["**\(kind)** `\(statement.path)`"]
        if let alias = statement.alias { lines[0] += " as `\(alias.value)`" }
        if let package = outcome.package {
            lines.append(packageSummary(package, snapshot: snapshot))
        }
        switch outcome.targets.count {
        case 0:
            if let problem = module.problem(of: resolved) { lines.append("Not resolved: \(problem.message)") }
            else if let note = outcome.category?.uncheckedNote { lines.append(note) }
        case 1: lines.append("Resolves to `\(Paths.display(outcome.targets[0], from: snapshot.root))`")
        default:
            lines.append("Resolves to \(outcome.targets.count) files: " + outcome.targets.map { "`\(Paths.display($0, from: snapshot.root))`" }.joined(separator: ", "))
        }
        return (lines.joined(separator: "\n\n"), statement.literalRange)
    }

    /// `Package **mathlib** 0.1.0 — Vectors.` and where it is declared.
    static func packageSummary(_ package: PackageReference, snapshot: WorkspaceSnapshot) -> String {
        var text = "Package **\(package.name)**"
        if let dir = package.directory, let manifest = snapshot.resolver.packageManifest(in: dir) {
            if let name = manifest.package?.name?.value, name != package.name { text = "Package **\(name)** (`\(package.name)`)" }
            if let v = manifest.package?.version?.value { text += " \(v)" }
            if let d = manifest.package?.description?.value, !d.isEmpty { text += " — \(d)" }
        }
        if let declaring = snapshot.resolver.packageManifest(in: Paths.parent(package.declaredIn)),
           let dep = declaring.dependency(named: package.name) {
            text += "\n\nDeclared in `\(Paths.display(package.declaredIn, from: snapshot.root))` [\(dep.section)]: \(dep.sourceSummary)"
        }
        return text
    }

    private static func manifestHover(_ q: FeatureQuery, at offset: Int) -> (String, SourceRange)? {
        guard let element = q.manifestDocument.element(at: offset) else { return nil }
        let path = element.path
        let range = element.onKey ? element.keyRange : element.valueRange
        let schema = q.ecosystem.manifestSchema
        // A dependency: its source and requirement, and the package when it is on disk.
        if path.count >= 2, schema.isDependencyTable(Array(path.dropLast())) {
            let manifest = q.manifest
            let section = path.dropLast().joined(separator: ".")
            guard let dep = manifest.dependencies.first(where: { $0.name.value == path[path.count - 1] && $0.section == section }) else { return nil }
            var text = "**dependency** `\(dep.name.value)` [\(dep.section)]\n\n\(dep.sourceSummary)"
            if let snapshot = q.snapshot, let dir = snapshot.resolver.directory(of: dep, declaredIn: manifest),
               let package = snapshot.resolver.packageManifest(in: dir) {
                var about = "Package **\(package.displayName)**"
                if let v = package.package?.version?.value { about += " \(v)" }
                if let d = package.package?.description?.value, !d.isEmpty { about += " — \(d)" }
                text += "\n\n" + about + "\n\nAt `\(Paths.display(package.path, from: snapshot.root))`"
            }
            return (text, range)
        }
        let keyPath = schemaPath(path, schema: schema)
        guard let key = schema.key(keyPath) ?? schema.key(path) else { return nil }
        var text = key.documentation
        if key.kind == .table, let table = schema.table(keyPath) ?? schema.table(path) {
            text = "**[\(path.joined(separator: "."))]**\n\n\(key.summary)"
            if !table.keys.isEmpty { text += "\n\nKeys: " + table.keys.map { "`\($0.name)`" }.joined(separator: ", ") }
        }
        return (text, range)
    }

    /// The schema's path for a key path: a name the user chose (a dependency, a profile) read as `*`.
    private static func schemaPath(_ path: [String], schema: ManifestSchema) -> [String] {
        var out: [String] = []
        for part in path {
            out.append(schema.table(out)?.hasFreeKeys == true ? "*" : part)
        }
        return out
    }
}
