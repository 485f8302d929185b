import BuildModel

/// One loaded workspace and the diagnostics of each of its files, kept current edit by edit.
struct WorkspaceState: Sendable {
    let loader: WorkspaceLoader
    /// Where the workspace was looked for (a folder, or the directory of an opened file).
    let start: String
    private(set) var snapshot: WorkspaceSnapshot
    /// Manifest, environment and module diagnostics by file; import cycles apart.
    private var fileDiagnostics: [String: [Diagnostic]] = [:]
    private var cycleDiagnostics: [String: [Diagnostic]] = [:]

    init(loader: WorkspaceLoader, start: String) throws(WorkspaceError) {
        self.loader = loader
        self.start = start
        self.snapshot = try loader.load(from: start)
        index()
    }

    var root: String { snapshot.root }

    /// Every file of the workspace that has diagnostics now.
    var filesWithDiagnostics: Set<String> { Set(fileDiagnostics.keys).union(cycleDiagnostics.keys) }

    func hasDiagnostics(for path: String) -> Bool {
        fileDiagnostics[path] != nil || cycleDiagnostics[path] != nil
    }

    func diagnostics(for path: String) -> [Diagnostic] {
        let own = fileDiagnostics[path] ?? []
        guard let cycles = cycleDiagnostics[path] else { return own }
        return (own + cycles).sorted { $0.range < $1.range }
    }

    /// Whether `path` is part of this workspace: one of its manifests, a module, or a file
    /// inside one of its packages.
    func owns(_ path: String) -> Bool {
        snapshot.modules[path] != nil || snapshot.manifest(at: path) != nil || snapshot.member(containing: path) != nil
    }

    func isManifest(_ path: String) -> Bool {
        snapshot.manifest(at: path) != nil || snapshot.ecosystem.manifestFileNames.contains(Paths.lastComponent(path))
    }

    /// Loads everything again (a manifest changed, files appeared or went); the files whose
    /// diagnostics may have changed.
    mutating func reload() throws(WorkspaceError) -> Set<String> {
        let before = filesWithDiagnostics
        snapshot = try loader.load(from: start)
        index()
        return before.union(filesWithDiagnostics)
    }

    /// One source file's new text; the files whose diagnostics may have changed.
    mutating func update(file path: String, bytes: [UInt8]) -> Set<String> {
        let oldTargets = snapshot.modules[path].map(Self.targets)
        let (next, loaded) = loader.update(snapshot, file: path, bytes: bytes)
        snapshot = next
        var touched = Set(loaded)
        for file in loaded {
            let diagnostics = snapshot.modules[file]?.diagnostics ?? []
            fileDiagnostics[file] = diagnostics.isEmpty ? nil : diagnostics
        }
        // Cycles can only change when what the file imports changed.
        if oldTargets != snapshot.modules[path].map(Self.targets) {
            touched.formUnion(cycleDiagnostics.keys)
            indexCycles()
            touched.formUnion(cycleDiagnostics.keys)
        }
        return touched
    }

    private static func targets(_ module: Module) -> Set<String> {
        Set(module.imports.flatMap(\.outcome.targets))
    }

    private mutating func index() {
        fileDiagnostics = [:]
        for d in snapshot.diagnostics {
            fileDiagnostics[d.file ?? snapshot.rootManifest.path, default: []].append(d)
        }
        for (path, module) in snapshot.modules where !module.diagnostics.isEmpty {
            // Alone, a module's list is shared rather than copied (it can be 400,000 long).
            if fileDiagnostics[path] == nil { fileDiagnostics[path] = module.diagnostics } else { fileDiagnostics[path]! += module.diagnostics }
        }
        for (path, list) in fileDiagnostics where !Self.isInOrder(list) { fileDiagnostics[path] = list.sorted { $0.range < $1.range } }
        indexCycles()
    }

    private static func isInOrder(_ list: [Diagnostic]) -> Bool {
        list.indices.dropFirst().allSatisfy { !(list[$0].range < list[$0 - 1].range) }
    }

    private mutating func indexCycles() {
        cycleDiagnostics = [:]
        for d in ImportCycles.diagnostics(in: snapshot) {
            cycleDiagnostics[d.file ?? snapshot.rootManifest.path, default: []].append(d)
        }
    }
}
