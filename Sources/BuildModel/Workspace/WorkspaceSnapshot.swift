/// An immutable picture of a workspace: its manifests, its modules and what they import.
public struct WorkspaceSnapshot: Sendable {
    public var ecosystem: any Ecosystem
    /// The workspace root directory; paths in output are shown relative to it.
    public var root: String
    public var rootManifest: PackageManifest
    /// Every package of the workspace (the root too when it has `[package]`), root first.
    public var members: [PackageManifest]
    /// Modules by absolute path, sorted by path.
    public var modules: [String: Module]
    public var modulePaths: [String]
    /// Problems outside any module: manifests, the environment, unreadable files.
    public var diagnostics: [Diagnostic]
    /// The texts of every file a diagnostic may point into (manifests and modules), by path.
    public var sources: [String: SourceText]

    /// The members' source modules (library and dependency files left out).
    public var memberModules: [Module] {
        modulePaths.compactMap { modules[$0] }.filter { $0.memberManifest != nil }
    }
}
