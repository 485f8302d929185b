import BuildModel

/// `textDocument/documentLink`: in a source, each import that goes to one file is a link to it
/// over its path (a whole package's import, to the package's manifest), as go to definition goes;
/// in a manifest, each dependency's `path` whose package is there is a link to its manifest, and
/// each workspace member (`members`, `default-members`) that is no pattern to the member's.
enum DocumentLinks {
    static func answer(_ q: FeatureQuery) -> JSONValue {
        guard let snapshot = q.snapshot else { return .array([]) }
        var links: [(range: SourceRange, file: String)] = []
        if q.isManifest {
            for dep in q.manifest.dependencies {
                guard let path = dep.path, let dir = snapshot.resolver.directory(of: dep, declaredIn: q.manifest),
                      let manifest = snapshot.resolver.packageManifest(in: dir) else { continue }
                links.append((path.range, manifest.path))
            }
            for member in Definition.memberEntries(of: q.manifest) {
                let directory = Paths.join(Paths.parent(q.path), member.value)
                guard !WorkspaceLocator.isPattern(directory), let manifest = Definition.manifestPath(in: directory, q) else { continue }
                links.append((member.range, manifest))
            }
        } else if let module = snapshot.modules[q.path] {
            for resolved in module.imports {
                let files = Definition.files(of: resolved.outcome, in: snapshot)
                if files.count == 1 { links.append((resolved.statement.pathRange, files[0])) }
            }
        }
        return .array(links.map { ["range": q.lspRange($0.range), "target": .string(DocumentURI.uri($0.file))] })
    }
}
