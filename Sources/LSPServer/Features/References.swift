import BuildModel

/// `textDocument/references`: the imports that lead where the cursor points. On an import, the
/// imports of the same module (or package, for a whole one); elsewhere in a source, the imports
/// of that file; in a manifest, on a dependency the imports of it in that package, and on the
/// package's name the imports of the package from other packages; in every workspace the server
/// has (other folders' too). With `includeDeclaration`,
/// the module's declaration (or the dependency's entry, or the package's name) comes first.
/// Null where the cursor points at nothing imports can lead to (an import that leads nowhere).
enum References {
    static func answer(_ q: FeatureQuery) throws(ResponseError) -> JSONValue {
        let offset = try q.requireOffset()
        guard let snapshot = q.snapshot, let (target, declarations) = target(q, at: offset, in: snapshot) else { return .null }
        let withDeclaration = q.params["context"]?["includeDeclaration"]?.boolValue ?? false
        // In the server's other workspaces too (a folder beside this one that imports it through
        // a path dependency); an import two workspaces hold comes once.
        var seen = Set<[String]>()
        let found = ([snapshot] + q.others).flatMap { ImportReferences.imports(leadingTo: target, in: $0) }
            .filter { seen.insert([$0.file, "\($0.statement.literalRange.lowerBound)"]).inserted }
        return .array((withDeclaration ? declarations : []).map { q.location($0.file, $0.range) }
                      + found.map { q.location($0.file, $0.statement.literalRange) })
    }

    /// What the cursor points at, and where that is declared.
    private static func target(_ q: FeatureQuery, at offset: Int, in snapshot: WorkspaceSnapshot)
        -> (ImportReferences.Target, [(file: String, range: SourceRange)])? {
        if q.isManifest {
            let manifest = q.manifest
            if let dep = manifest.dependencies.first(where: { $0.name.range.touches(offset) || $0.range.touches(offset) }) {
                return (.dependency(name: dep.name.value, declaredIn: q.path), [(q.path, dep.name.range)])
            }
            if let name = manifest.package?.name, name.range.touches(offset) {
                return (.package(directory: Paths.parent(q.path)), [(q.path, name.range)])
            }
            return nil
        }
        guard let module = snapshot.modules[q.path] else { return nil }
        let statements = module.importStatements(limit: .max)
        guard statements.contains(where: { $0.range.touches(offset) }) else {
            return (.modules([q.path]), [(q.path, module.declaration?.range ?? .at(0))])
        }
        // On an import: where it leads (an import repeated, or leading nowhere, leads nowhere).
        guard let resolved = module.imports.first(where: { $0.statement.range.touches(offset) }),
              let target = ImportReferences.target(of: resolved.outcome) else { return nil }
        switch target {
        case .modules(let files):
            return (target, files.sorted().map { ($0, snapshot.modules[$0]?.declaration?.range ?? .at(0)) })
        case .package(let directory):
            guard let manifest = snapshot.resolver.packageManifest(in: directory) else { return (target, []) }
            return (target, [(manifest.path, manifest.package?.name?.range ?? .at(0))])
        case .dependency(let name, let declaredIn):
            let entry = snapshot.packages.packages.first { $0.path == declaredIn }?.dependencies.first { $0.name.value == name }
            return (target, entry.map { [(declaredIn, $0.name.range)] } ?? [])
        }
    }
}
