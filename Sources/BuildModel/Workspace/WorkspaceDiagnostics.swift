/// Every diagnostic of a snapshot, by file: the manifests', the environment's and each module's,
/// and import cycles kept apart, so that an edit of one source recomputes only what it can
/// change. `ampu check` prints them in order; the language server publishes them file by file.
public struct WorkspaceDiagnostics: Sendable {
    /// Manifest, environment, file and module diagnostics by file, each list in range order.
    private var own: [String: [Diagnostic]] = [:]
    /// Import cycles by the file of the import that starts each one.
    private var cycles: [String: [Diagnostic]] = [:]
    /// What resolving the dependencies found (`ResolutionCheck`), which comes later than the
    /// rest in the server: it runs off the request path.
    private var resolution: [String: [Diagnostic]] = [:]
    /// Where diagnostics without a file are filed: the root manifest.
    private let rootManifest: String
    /// Resolving found an error: it says why the lock cannot be written, and the warnings that
    /// a git dependency is not locked yet (M026, "run `ampu update`") are left out.
    private var resolutionFailed = false

    public init(_ snapshot: WorkspaceSnapshot) {
        rootManifest = snapshot.rootManifest.path
        for d in snapshot.diagnostics { own[d.file ?? rootManifest, default: []].append(d) }
        for path in snapshot.modulePaths {
            let diagnostics = snapshot.modules[path]!.diagnostics
            guard !diagnostics.isEmpty else { continue }
            // Alone, a module's list is shared rather than copied (it can be 400,000 long).
            if own[path] == nil { own[path] = diagnostics } else { own[path]! += diagnostics }
        }
        for (path, list) in own where !Self.isInOrder(list) { own[path] = Self.inOrder(list) }
        indexCycles(snapshot)
    }

    /// Every file that has diagnostics.
    public var files: Set<String> { Set(own.keys).union(cycles.keys).union(resolution.keys) }

    public func hasDiagnostics(for path: String) -> Bool {
        own[path] != nil || cycles[path] != nil || resolution[path] != nil
    }

    /// The diagnostics of one file, by position (in the order they were found where two share one).
    public func diagnostics(for path: String) -> [Diagnostic] {
        var mine = own[path] ?? []
        if resolutionFailed { mine.removeAll { $0.code == DiagnosticCode.unlockedDependency.rawValue } }
        let later = (cycles[path] ?? []) + (resolution[path] ?? [])
        return later.isEmpty ? mine : Self.inOrder(mine + later)
    }

    /// Replaces what resolution found; the files whose diagnostics changed.
    @discardableResult
    public mutating func setResolution(_ diagnostics: [Diagnostic]) -> Set<String> {
        var touched = Set(resolution.keys)
        resolution = [:]
        for d in diagnostics { resolution[d.file ?? rootManifest, default: []].append(d) }
        touched.formUnion(resolution.keys)
        let failed = diagnostics.contains { $0.severity == .error }
        if failed != resolutionFailed {
            resolutionFailed = failed
            touched.formUnion(own.filter { $0.value.contains { $0.code == DiagnosticCode.unlockedDependency.rawValue } }.keys)
        }
        return touched
    }

    /// Every diagnostic: by file (in byte order of the paths), then by position.
    public var all: [Diagnostic] {
        files.sorted(by: Paths.precedes).flatMap(diagnostics(for:))
    }

    /// After `WorkspaceLoader.update` made `snapshot` from `previous` by reading `path` again
    /// (and `loaded`, the files it reached for the first time, and leaving out those nothing
    /// reaches any more): the files whose diagnostics may have changed.
    public mutating func update(_ snapshot: WorkspaceSnapshot, from previous: WorkspaceSnapshot, edited path: String,
                                loaded: [String]) -> Set<String> {
        var touched = Set(loaded)
        for file in loaded {
            let diagnostics = snapshot.modules[file]?.diagnostics ?? []
            own[file] = diagnostics.isEmpty ? nil : (Self.isInOrder(diagnostics) ? diagnostics : Self.inOrder(diagnostics))
        }
        if snapshot.modules.count < previous.modules.count + loaded.count(where: { previous.modules[$0] == nil }) {
            for file in own.keys where previous.modules[file] != nil && snapshot.modules[file] == nil {
                own[file] = nil
                touched.insert(file)
            }
        }
        // A file the imports reach now and could not be read, or no longer reach: its F002
        // came or went with them.
        for file in previous.unreadableTargets.symmetricDifference(snapshot.unreadableTargets) {
            let diagnostics = snapshot.diagnostics.filter { ($0.file ?? rootManifest) == file } + (snapshot.modules[file]?.diagnostics ?? [])
            own[file] = diagnostics.isEmpty ? nil : Self.inOrder(diagnostics)
            touched.insert(file)
        }
        // Cycles can only change when what the edited file imports changed; where one is
        // shown, when the edited file is on one (its imports may have moved).
        if previous.modules[path].map(Self.targets) != snapshot.modules[path].map(Self.targets)
            || cycles.values.contains(where: { $0.contains { $0.file == path || $0.related.contains { $0.file == path } } }) {
            touched.formUnion(cycles.keys)
            indexCycles(snapshot)
            touched.formUnion(cycles.keys)
        }
        return touched
    }

    private static func targets(_ module: Module) -> Set<String> {
        Set(module.imports.flatMap(\.outcome.targets))
    }

    private mutating func indexCycles(_ snapshot: WorkspaceSnapshot) {
        cycles = [:]
        for d in ImportCycles.diagnostics(in: snapshot) { cycles[d.file ?? rootManifest, default: []].append(d) }
    }

    private static func isInOrder(_ list: [Diagnostic]) -> Bool {
        list.indices.dropFirst().allSatisfy { !(list[$0].range < list[$0 - 1].range) }
    }

    /// Sorted by range; equal ranges keep their order.
    private static func inOrder(_ list: [Diagnostic]) -> [Diagnostic] {
        list.enumerated().sorted { a, b in
            a.element.range != b.element.range ? a.element.range < b.element.range : a.offset < b.offset
        }.map(\.element)
    }
}
