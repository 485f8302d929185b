/// An immutable picture of a workspace: its manifests, its modules and what they import.
public struct WorkspaceSnapshot: Sendable {
    public var ecosystem: any Ecosystem
    /// The workspace root directory; paths in output are shown relative to it.
    public var root: String
    public var rootManifest: PackageManifest
    /// Every package of the workspace (the root too when it has `[package]`), root first.
    public var members: [PackageManifest]
    /// The members and the packages they depend on by path, in a graph a build orders.
    public var packages: PackageGraph
    /// The lock file beside the root manifest, when there is one that reads.
    public var lock: LockFile?
    /// Modules by absolute path, sorted by path.
    public var modules: [String: Module]
    public var modulePaths: [String]
    /// Which module imports which, by interned id.
    public var importGraph: ImportGraph
    /// Problems outside any module: manifests, the environment, unreadable files.
    public var diagnostics: [Diagnostic]
    /// The texts of every file a diagnostic may point into (manifests and modules), by path.
    public var sources: [String: SourceText]
    /// The resolver the modules were resolved with: the library roots, the rules.
    public var resolver: any ImportResolver
    /// The directory listings the load read (the source walk and import resolution): with the
    /// files in `sources`, everything the snapshot was made from.
    public var directories: DirectoryCache? = nil
    /// Files that imports reach and that could not be read (each has its F002 in
    /// `diagnostics`): an edit that stops reaching one takes its F002 away, as a fresh load,
    /// which would not read it, has none.
    public var unreadableTargets: Set<String> = []

    /// The members' source modules (library and dependency files left out).
    public var memberModules: [Module] {
        modulePaths.compactMap { modules[$0] }.filter { $0.memberManifest != nil }
    }

    /// The member package a file belongs to: the member with the deepest directory holding it,
    /// unless the file is in one of the language's library roots.
    public func member(containing path: String) -> PackageManifest? {
        if resolver.libraryRoots.contains(where: { Paths.isWithin(path, $0) }) { return nil }
        guard let member = members.filter({ Paths.isWithin(path, $0.directory) }).max(by: { $0.directory.utf8.count < $1.directory.utf8.count }) else {
            return nil
        }
        // Nor when it is in a package of its own inside the member (a directory below the
        // member's with a manifest of the language), which the member's source walk skips.
        if let directories {
            var dir = Paths.parent(path)
            while dir.utf8.count > member.directory.utf8.count && Paths.isWithin(dir, member.directory) {
                if let names = directories.entries(of: dir), ecosystem.manifestFileNames.contains(where: names.contains) { return nil }
                dir = Paths.parent(dir)
            }
        }
        return member
    }

    /// The members a workspace entry (`members`, `default-members`) written in the manifest
    /// in `directory` names: those a pattern matches, else the one in that directory.
    public func members(named entry: String, from directory: String) -> [PackageManifest] {
        let named = Paths.join(directory, entry)
        if WorkspaceLocator.isPattern(named) { return members.filter { WorkspaceLocator.directory($0.directory, matches: named) } }
        return members.filter { $0.directory == named }
    }

    /// The manifest at `path`, when it is one of the workspace's: the root, a member's, or a
    /// path dependency's (an edit of any of them changes the workspace).
    public func manifest(at path: String) -> PackageManifest? {
        if rootManifest.path == path { return rootManifest }
        return packages.packages.first { $0.path == path }
    }
}
