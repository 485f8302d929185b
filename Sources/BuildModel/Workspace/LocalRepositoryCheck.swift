/// A git dependency whose repository is on this machine, found wanting before anything is
/// fetched (M031), as `check` and the server say it:
///
/// - named by a relative path (`git = "../json"`): git reads one from the directory it runs
///   in, so `ampu update` refuses it; the absolute path is the fix when a repository is there;
/// - an absolute path or a `file://` URL where no directory is (after git's `insteadOf`
///   rules): the repository spelt closest is the fix. Only while the dependencies must be
///   resolved again (no lock, or one out of date): a lock whose commits are in the package
///   cache builds without the repository.
///
/// `ampu update` (and whatever writes the lock) refuses the first kind with the same
/// diagnostics before git runs (`resolving: false`).
public enum LocalRepositoryCheck {
    /// How to name such a repository instead, for every message that refuses a relative path.
    static let relativePathHelp = [
        "name the repository by its absolute path or a `file://` URL",
        "to build the package's directory as it is, not a commit of it, make it a `path` dependency",
    ]

    /// - Parameter resolving: the dependencies must be resolved again, so each repository
    ///   will be read.
    public static func diagnostics(of manifest: PackageManifest, syntax: any ManifestSyntax, cache: GitCache, resolving: Bool) -> [Diagnostic] {
        manifest.dependencies.compactMap { dep -> Diagnostic? in
            guard case .git(let url, _) = dep.source else { return nil }
            if GitCLI.isRelativePath(url.value) {
                return relative(dep, url: url, in: manifest, syntax: syntax, cache: cache)
            }
            guard resolving, case .noRepository(let directory, let sentFrom, let meant)? = cache.missingRepository(url.value) else { return nil }
            let label = sentFrom == nil ? "there is no directory '\(directory)'" : "git's `insteadOf` rules send it to '\(directory)', where there is no directory"
            return .error("the repository of git dependency '\(dep.name.value)' is not on this machine", .localRepository, at: url.range, label: label,
                          help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["fix the path, or make the repository there"],
                          fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: url.range, newText: syntax.renderString($0))]) })
        }.map { $0.inFile(manifest.path) }
    }

    private static func relative(_ dep: DependencySpec, url: Located<String>, in manifest: PackageManifest, syntax: any ManifestSyntax, cache: GitCache) -> Diagnostic {
        let absolute = GitCLI.resolvingRelativePath(url.value, from: manifest.directory)
        let there = cache.isRepository(absolute) || cache.isRepository(absolute + ".git")
        return .error("the repository of git dependency '\(dep.name.value)' is named by a relative path", .localRepository, at: url.range,
                      label: "relative path",
                      notes: ["git reads a relative path from the directory it runs in, which is not always this manifest's"],
                      help: there ? ["name it by its absolute path: \(syntax.renderString(absolute))", relativePathHelp[1]] : relativePathHelp,
                      fix: there ? Diagnostic.Fix(title: "Use the absolute path '\(absolute)'", edits: [TextEdit(range: url.range, newText: syntax.renderString(absolute))], certain: true) : nil)
    }
}
