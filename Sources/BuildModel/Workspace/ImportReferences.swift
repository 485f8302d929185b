/// The imports of a workspace that lead to one place: a module file, a package, or a
/// dependency as one manifest declares it. What an editor's "find references" lists, and what
/// `ampu remove` warns is still imported (`DependencyUses`).
public enum ImportReferences {
    public enum Target: Hashable, Sendable {
        /// Any of these module files (an import of a directory brings in each of its files).
        case modules(Set<String>)
        /// The package in this directory, named as a dependency: imported whole or by a module.
        case package(directory: String)
        /// The dependency `name` as the manifest `declaredIn` declares it.
        case dependency(name: String, declaredIn: String)

        func matches(_ outcome: ImportOutcome) -> Bool {
            switch self {
            case .modules(let files): outcome.targets.contains(where: files.contains)
            case .package(let directory): outcome.package?.directory == directory
            case .dependency(let name, let manifest): outcome.package.map { $0.name == name && $0.declaredIn == manifest } ?? false
            }
        }
    }

    /// What an import leads to: the package, when it names a whole one; else the files it
    /// brings in; else the dependency it names (not on this machine). Nil when it leads nowhere.
    public static func target(of outcome: ImportOutcome) -> Target? {
        if let package = outcome.package, package.isWholePackage {
            return package.directory.map { .package(directory: $0) } ?? .dependency(name: package.name, declaredIn: package.declaredIn)
        }
        if !outcome.targets.isEmpty { return .modules(Set(outcome.targets)) }
        return outcome.package.map { .dependency(name: $0.name, declaredIn: $0.declaredIn) }
    }

    /// Each import of the workspace's modules that leads to `target`, by file, in source order.
    public static func imports(leadingTo target: Target, in snapshot: WorkspaceSnapshot) -> [(file: String, statement: ImportStatement)] {
        var found: [(file: String, statement: ImportStatement)] = []
        for path in snapshot.modulePaths {
            for resolved in snapshot.modules[path]?.imports ?? [] where target.matches(resolved.outcome) {
                found.append((path, resolved.statement))
            }
        }
        return found
    }
}
