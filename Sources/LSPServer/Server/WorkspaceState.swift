import BuildModel

/// One loaded workspace and the diagnostics of each of its files, kept current edit by edit.
struct WorkspaceState: Sendable {
    let loader: WorkspaceLoader
    /// Where the workspace was looked for (a folder, or the directory of an opened file).
    let start: String
    private(set) var snapshot: WorkspaceSnapshot
    private var index: WorkspaceDiagnostics
    /// The root manifest and lock text the last resolution was started for (`resolutionInput`).
    var resolutionStarted: [UInt8]?
    /// What the cache knows of each git dependency's versions, from the last resolution.
    private(set) var knownVersions: [String: [Version]] = [:]
    /// The tags and branches the cache's mirror of each git dependency has, from the last resolution.
    private(set) var knownReferences: [String: ResolutionCheck.GitReferences] = [:]
    /// The input and findings of the last resolution that ended, kept across reloads that
    /// leave the input as it was (a source file appeared).
    private var resolution: (input: [UInt8], diagnostics: [Diagnostic])?
    /// The sources `update` added that the last load did not read (an open document not on
    /// disk or outside its package's sources; a file created since the load): a fresh load may
    /// not read them, so they stay only while their documents are open
    /// (`LanguageServer.dropUngiven`).
    private(set) var given: Set<String> = []

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

    /// Whether `path` is the lock file beside the root manifest.
    func isLockFile(_ path: String) -> Bool {
        snapshot.ecosystem.lockFileName.map { path == Paths.join(snapshot.root, $0) } ?? false
    }

    /// What a resolution depends on: the texts of the root manifest and the members' (one
    /// lock serves them all), and the lock's. The same input needs no new resolution.
    var resolutionInput: [UInt8] {
        let root = snapshot.rootManifest.path
        var input: [UInt8] = []
        for path in [root] + snapshot.members.map(\.path).filter({ $0 != root }) {
            input += (snapshot.sources[path]?.bytes ?? []) + [0]
        }
        return input + Array((snapshot.lock?.rendered ?? "").utf8)
    }

    /// What a resolution started for `input` found; the files whose diagnostics changed. A
    /// result for an input that is no longer current is dropped.
    /// `input` nil: nothing to resolve any more; whatever was found goes.
    mutating func resolved(_ outcome: ResolutionCheck.Outcome, for input: [UInt8]?) -> Set<String> {
        if input == nil {
            guard resolution != nil || resolutionStarted != nil else { return [] }
            resolutionStarted = nil
            resolution = nil
            knownVersions = [:]
            knownReferences = [:]
            return index.setResolution([])
        }
        guard input == resolutionStarted, input == resolutionInput else { return [] }
        knownVersions = outcome.knownVersions
        knownReferences = outcome.knownReferences
        resolution = (input!, outcome.diagnostics)
        return index.setResolution(outcome.diagnostics)
    }

    /// Loads everything again (a manifest changed, files appeared or went); the files whose
    /// diagnostics may have changed.
    mutating func reload() throws(WorkspaceError) -> Set<String> {
        let before = filesWithDiagnostics
        snapshot = try loader.load(from: start)
        index = WorkspaceDiagnostics(snapshot)
        given = []
        // A changed manifest or lock puts the last resolution's ranges in the old text: its
        // findings wait for the next one.
        if let resolution, resolution.input == resolutionInput { index.setResolution(resolution.diagnostics) }
        return before.union(filesWithDiagnostics)
    }

    /// One source file's new text; the files whose diagnostics may have changed.
    mutating func update(file path: String, bytes: [UInt8]) -> Set<String> {
        let previous = snapshot
        let (next, loaded) = loader.update(snapshot, file: path, bytes: bytes)
        snapshot = next
        if previous.modules[path] == nil { given.insert(path) }
        // One left out since (a module of no package that nothing reaches now) is given no more.
        given = given.filter { next.modules[$0] != nil }
        return index.update(next, from: previous, edited: path, loaded: loaded)
    }
}
