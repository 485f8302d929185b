/// `ampu add` of a git dependency as `cargo add --git` takes one: the repository is fetched into
/// the package cache (read from the cache alone when offline) before the manifest is written,
/// and the entry is refused unless the repository has the tag, branch or commit it pins, a
/// version tag its requirement allows, and there a package of that name. Only that repository
/// is asked: the rest of the manifest is not resolved.
extension DependencyEdit {
    /// Where the repositories of `ampu add` are read: the ecosystem's package cache.
    public struct GitAccess: Sendable {
        public var cache: GitCache
        /// Only the cache's copy: nothing is fetched.
        public var offline: Bool
        /// Told each repository's location as its fetch starts.
        public var progress: (@Sendable (String) -> Void)?

        public init(cache: GitCache, offline: Bool = false, progress: (@Sendable (String) -> Void)? = nil) {
            self.cache = cache
            self.offline = offline
            self.progress = progress
        }
    }

    /// Checks the git dependency `name` of the edited manifest against its repository, through
    /// the resolver's own provider (the rules `ampu update` applies).
    static func checkGit(_ name: String, in edited: PackageManifest, ecosystem: any Ecosystem, access: GitAccess,
                         fileSystem: any FileSystem) throws(Failure) {
        guard let dep = edited.dependencies.first(where: { d in
            guard d.name.value == name, case .git = d.source else { return false }
            return true
        }), case .git(let url, let reference) = dep.source else { return }
        let location = SourcePackageProvider.location(of: dep, url: url.value)
        // The resolver knows a repository by its location: two entries for one are one package.
        if let other = edited.dependencies.first(where: { d in
            guard d.name.value != name, case .git(let u, _) = d.source else { return false }
            return SourcePackageProvider.location(of: d, url: u.value) == location
        }) {
            throw .refused("'\(other.name.value)' is \(location) already, and one repository is one dependency",
                           help: ["edit '\(other.name.value)' in the manifest instead, or `ampu remove \(other.name.value)` first"])
        }
        let provider = SourcePackageProvider(cache: access.cache, ecosystem: ecosystem, root: edited, offline: access.offline,
                                             fileSystem: fileSystem, progress: access.progress)
        let versions: [Version]
        do throws(ResolutionError) {
            // The root's requirements tell the provider each repository's URL and pin.
            _ = try provider.dependencies(of: provider.rootName, at: provider.rootVersion)
            versions = try provider.versions(of: location)
        } catch {
            throw .source(error)
        }
        let fitting = versions.filter(SourcePackageProvider.versions(of: dep).contains)
        guard let chosen = fitting.filter({ !$0.isPrerelease }).max() ?? fitting.max() else {
            let why = noVersion(url: SourcePackageProvider.fetchURL(of: url.value), requirement: dep.requirement?.value.description,
                                versions: versions, reference: reference?.value, cached: access.offline)
            throw .refused(why, help: access.offline ? ["run it again without --offline to fetch what the repository has now"] : [])
        }
        do throws(ResolutionError) {
            // Reads the manifest there: a repository without one, or holding another package, is refused.
            _ = try provider.dependencies(of: location, at: chosen)
        } catch {
            throw .source(error)
        }
    }

    /// Why no version of a repository will do: the pinned commit's is not one the requirement
    /// allows, the repository has no version tags, or none the requirement allows.
    /// - Parameter cached: only the package cache's copy was looked at.
    static func noVersion(url: String, requirement: String?, versions: [Version], reference: DependencySource.GitReference?, cached: Bool) -> String {
        let repository = cached ? "the package cache's copy of \(url)" : url
        let has = versions.sorted(by: >).prefix(8).map(\.description).joined(separator: ", ") + (versions.count > 8 ? ", …" : "")
        if let reference, let requirement, let version = versions.first {
            let pin = switch reference { case .tag(let t): "tag '\(t)'"; case .branch(let b): "branch '\(b)'"; case .rev(let r): "commit '\(r)'" }
            return "the \(pin) of \(repository) is version \(version), which does not match \(requirement)"
        }
        if let requirement, !versions.isEmpty {
            return "no tag of \(repository) is a version that matches \(requirement) (its versions are \(has))"
        }
        return "\(repository) has no tags that name versions (v1.2.3 or 1.2.3): pin a commit with --tag, --branch or --rev"
    }
}
