/// Everything `check` finds in a workspace, in a stable order: by file, then by position (the
/// order of `WorkspaceDiagnostics`, which the language server publishes from too).
public struct CheckReport: Sendable {
    public var snapshot: WorkspaceSnapshot
    public var diagnostics: [Diagnostic]

    /// - Parameter resolution: what `ResolutionCheck` found, filed with the rest.
    public init(snapshot: WorkspaceSnapshot, resolution: [Diagnostic] = []) {
        self.snapshot = snapshot
        var index = WorkspaceDiagnostics(snapshot)
        if !resolution.isEmpty { index.setResolution(resolution) }
        diagnostics = index.all
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var packageCount: Int { snapshot.members.count }
    public var moduleCount: Int { snapshot.modules.values.count { $0.memberManifest != nil } }
    /// Modules of libraries and dependencies the members' imports reached, scanned and checked too.
    public var libraryModuleCount: Int { snapshot.modules.count - moduleCount }
}
