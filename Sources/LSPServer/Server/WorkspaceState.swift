import BuildModel

/// One loaded workspace and the diagnostics of each of its files, kept current edit by edit.
struct WorkspaceState: Sendable {
    let loader: WorkspaceLoader
    /// Where the workspace was looked for (a folder, or the directory of an opened file).
    let start: String
    private(set) var snapshot: WorkspaceSnapshot
    private var index: WorkspaceDiagnostics

    /// - Parameter manifest: the manifest found from `start`, when the caller has looked already.
    init(loader: WorkspaceLoader, start: String, manifest: String? = nil) throws(WorkspaceError) {
        self.loader = loader
        self.start = start
        self.snapshot = try loader.load(from: start, manifestPath: manifest)
        self.index = WorkspaceDiagnostics(snapshot)
    }

    var root: String { snapshot.root }

    /// Every file of the workspace that has diagnostics now.
    var filesWithDiagnostics: Set<String> { index.files }

    func hasDiagnostics(for path: String) -> Bool { index.hasDiagnostics(for: path) }

    func diagnostics(for path: String) -> [Diagnostic] { index.diagnostics(for: path) }

    /// Whether `path` is part of this workspace: one of its manifests, a module, or a file
    /// inside one of its packages.
    func owns(_ path: String) -> Bool {
        snapshot.modules[path] != nil || snapshot.manifest(at: path) != nil || snapshot.member(containing: path) != nil
    }

    func isManifest(_ path: String) -> Bool { snapshot.ecosystem.isManifestFile(path) }

    /// Loads everything again (a manifest changed, files appeared or went); the files whose
    /// diagnostics may have changed.
    mutating func reload() throws(WorkspaceError) -> Set<String> {
        let before = filesWithDiagnostics
        snapshot = try loader.load(from: start)
        index = WorkspaceDiagnostics(snapshot)
        return before.union(filesWithDiagnostics)
    }

    /// One source file's new text; the files whose diagnostics may have changed.
    mutating func update(file path: String, bytes: [UInt8]) -> Set<String> {
        let previous = snapshot
        let (next, loaded) = loader.update(snapshot, file: path, bytes: bytes)
        snapshot = next
        return index.update(next, from: previous, edited: path, loaded: loaded)
    }
}
