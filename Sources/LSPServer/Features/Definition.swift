import BuildModel

/// `textDocument/definition`: an import goes to its module file (a package import to the
/// package's manifest); in a manifest, a dependency's name or `path` goes to that package's
/// manifest and a workspace member (in `members` or `default-members`) to its manifest; what
/// the ecosystem's own navigation knows (a name of the same file, another project's manifest)
/// goes there.
enum Definition {
    static func answer(_ q: FeatureQuery) throws(ResponseError) -> JSONValue {
        let offset = try q.requireOffset()
        if q.isManifest, let navigation = q.ecosystem.manifestNavigation(q.manifest) {
            if let range = navigation.definition(at: offset) { return q.location(q.path, range) }
            if let file = navigation.definitionFile(at: offset, fileSystem: q.fileSystem) { return q.location(file, .at(0)) }
        }
        let targets = q.isManifest ? manifestTargets(q, at: offset) : importTargets(q, at: offset)
        switch targets.count {
        case 0: return .null
        case 1: return q.location(targets[0], .at(0))
        default: return .array(targets.map { q.location($0, .at(0)) })
        }
    }

    private static func importTargets(_ q: FeatureQuery, at offset: Int) -> [String] {
        guard let snapshot = q.snapshot, let module = snapshot.modules[q.path],
              let resolved = module.imports.first(where: { $0.statement.range.touches(offset) }) else { return [] }
        return files(of: resolved.outcome, in: snapshot)
    }

    /// The files an import goes to: a whole package's manifest, else the module files it brings
    /// in, else the file of a package's module the workspace does not load (Elm's foreign ones).
    static func files(of outcome: ImportOutcome, in snapshot: WorkspaceSnapshot) -> [String] {
        if let package = outcome.package, package.isWholePackage, let dir = package.directory,
           let manifest = snapshot.resolver.packageManifest(in: dir) {
            return [manifest.path]
        }
        if outcome.targets.isEmpty, let file = outcome.package?.file { return [file] }
        return outcome.targets
    }

    private static func manifestTargets(_ q: FeatureQuery, at offset: Int) -> [String] {
        let manifest = q.manifest
        let directory = Paths.parent(q.path)
        if let dep = manifest.dependencies.first(where: { $0.name.range.touches(offset) || $0.range.touches(offset) }) {
            if let snapshot = q.snapshot, let dir = snapshot.resolver.directory(of: dep, declaredIn: manifest),
               let m = snapshot.resolver.packageManifest(in: dir) {
                return [m.path]
            }
            if let p = dep.path, let m = manifestPath(in: Paths.join(directory, p.value), q) { return [m] }
            return []
        }
        if let member = memberEntries(of: manifest).first(where: { $0.range.touches(offset) }) {
            let path = Paths.join(directory, member.value)
            if WorkspaceLocator.isPattern(path) {
                return q.snapshot?.members(named: member.value, from: directory).map(\.path) ?? []
            }
            return manifestPath(in: path, q).map { [$0] } ?? []
        }
        return []
    }

    /// The entries of `[workspace]` that name members: `members` and `default-members`.
    static func memberEntries(of manifest: PackageManifest) -> [Located<String>] {
        (manifest.workspace?.members ?? []) + (manifest.workspace?.defaultMembers ?? [])
    }

    static func manifestPath(in directory: String, _ q: FeatureQuery) -> String? {
        if let m = q.snapshot?.resolver.packageManifest(in: directory) { return m.path }
        return q.ecosystem.manifestFileNames.map { Paths.join(directory, $0) }.first { q.textOf($0) != nil }
    }
}
