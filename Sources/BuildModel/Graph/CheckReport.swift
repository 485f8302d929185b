/// Everything `check` finds in a workspace, in a stable order: manifests, environment, files,
/// modules (by path, then position), and import cycles.
public struct CheckReport: Sendable {
    public var snapshot: WorkspaceSnapshot
    public var diagnostics: [Diagnostic]

    public init(snapshot: WorkspaceSnapshot) {
        self.snapshot = snapshot
        var all = snapshot.diagnostics
        for path in snapshot.modulePaths { all += snapshot.modules[path]!.diagnostics }
        all += ImportCycles.diagnostics(in: snapshot)
        diagnostics = all.enumerated().sorted { a, b in
            let fa = a.element.file ?? "", fb = b.element.file ?? ""
            if fa != fb { return fa.utf8.lexicographicallyPrecedes(fb.utf8) }
            if a.element.range != b.element.range { return a.element.range < b.element.range }
            return a.offset < b.offset
        }.map(\.element)
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var packageCount: Int { snapshot.members.count }
    public var moduleCount: Int { snapshot.modules.values.count { $0.memberManifest != nil } }
}
