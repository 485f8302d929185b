
/// `ampu update`'s work, for the CLI and the server alike: solve the root manifest's git, path
/// and registry dependencies (and theirs) with PubGrub (the previous lock's versions tried first)
/// or, where the ecosystem says so, minimal version selection; fetch every chosen
/// commit into the cache, and describe the result as a lock file.
public enum LockUpdate {
    public struct Outcome: Sendable {
        public var lock: LockFile
        /// What the lock leaves out and why, each at the manifest line that asked for it: a
        /// dependency by name and version met with no registry given.
        public var warnings: [Diagnostic]
    }

    /// - Parameter members: the workspace's members besides the root: their dependencies are
    ///   solved with the root's, into the one lock beside the root manifest.
    public static func resolve(_ manifest: PackageManifest, members: [PackageManifest] = [], ecosystem: any Ecosystem, cache: GitCache, previous: LockFile?,
                               preference: PubGrubSolver.Preference = .highest, keep: Set<String>? = nil, offline: Bool = false,
                               precise: (package: String, version: Version)? = nil,
                               registry: String? = nil, progress: (@Sendable (String) -> Void)? = nil) throws(ResolutionError) -> Outcome {
        let provider = SourcePackageProvider(cache: cache, ecosystem: ecosystem, root: manifest, members: members, offline: offline, registry: registry,
                                             progress: progress)
        // Locked versions are preferred: all of them (nil), or those `keep` names (none, when
        // everything is updated; all but the named ones for `update -p`).
        var preferred: [String: Version] = [:]
        for p in previous?.packages ?? [] where keep?.contains(p.name) ?? true { preferred[p.name] = p.version }
        provider.prefetch()
        let solving: any PackageProvider = precise.map { Precise(base: provider, package: $0.package, version: $0.version, pin: provider.pin(of:)) } ?? provider
        let chosen = try provider.solving { () throws(ResolutionError) -> [String: Version] in
            switch ecosystem.versionSelection {
            case .pubGrub:
                var solver = PubGrubSolver(provider: solving, root: provider.rootName, version: provider.rootVersion,
                                           preference: preference, preferred: preferred, members: provider.memberNames)
                return try solver.solve()
            case .minimal:
                // The lock and `--minimal-versions` change nothing: the minimums decide.
                return try MinimalVersionSelection(provider: solving, root: provider.rootName, version: provider.rootVersion).solve()
            }
        }
        guard let format = ecosystem.lockFormat else { preconditionFailure("\(ecosystem.name) has no lock file to resolve into") }
        var packages: [LockFile.Package] = []
        var checkouts: [(package: LockFile.Package, commit: String)] = []
        var dependenciesOf: [String: [String]] = [:]
        for (name, version) in chosen where name != provider.rootName {
            dependenciesOf[name] = try provider.dependencies(of: name, at: version).map(\.package)
        }
        // A member is solved as a package, but locked only as a path dependency of another.
        let reached = Set(dependenciesOf.values.joined())
        for (name, version) in chosen where name != provider.rootName && (!provider.isMember(name) || reached.contains(name)) {
            let dependencies = dependenciesOf[name]!
            if let directory = provider.directory(of: name) {
                // A directory beside the project: recorded relative to it, never copied.
                var checksum: String?
                if format.checksumsPathPackages {
                    do { checksum = try format.checksum(of: directory, fileSystem: LocalFileSystem()) } catch {
                        throw .unavailable(package: name, reason: "\(error)")
                    }
                }
                packages.append(LockFile.Package(name: name, version: version, source: "path+" + Paths.relative(directory, from: manifest.directory),
                                                 checksum: checksum, dependencies: dependencies))
                continue
            }
            if let directory = provider.registryDirectory(of: name, version: version) {
                // Used where it is, as a path is; its files' checksum guards against a change.
                let checksum: String
                do { checksum = try format.checksum(of: directory, fileSystem: LocalFileSystem()) } catch {
                    throw .unavailable(package: name, reason: "\(error)")
                }
                packages.append(LockFile.Package(name: name, version: version, source: "registry+" + provider.registry!,
                                                 checksum: checksum, dependencies: dependencies))
                continue
            }
            guard let (commit, tag) = provider.commit(of: name, version: version) else { continue }
            checkouts.append((LockFile.Package(name: name, version: version, source: "git+" + provider.url(of: name), commit: commit,
                                               tag: tag, dependencies: dependencies), commit))
        }
        // Every chosen commit checked out where the compiler reads it, several at once, and
        // the checksum of its files taken.
        let sums = ResultSlots<Result<String, ResolutionError>>(count: checkouts.count)
        let wanted = checkouts
        do throws(GitCache.Failure) {
            try cache.locked { () throws(GitCache.Failure) in
                Parallel.forEach(Array(wanted.indices), width: GitCache.parallelism) { i, _ in
                    let (package, commit) = wanted[i]
                    do {
                        let checkout = try cache.materializeLocked(package.name, commit: commit)
                        sums[i] = .success(try format.checksum(of: checkout, fileSystem: LocalFileSystem()))
                    } catch {
                        sums[i] = .failure(.unavailable(package: package.name, reason: "\(error)"))
                    }
                }
            }
        } catch {
            throw .unavailable(package: checkouts.first?.package.name ?? provider.rootName, reason: "\(error)")
        }
        for (i, (package, _)) in checkouts.enumerated() {
            var package = package
            switch sums[i] {
            case .success(let sum)?: package.checksum = sum
            case .failure(let error)?: throw error
            case nil: break
            }
            packages.append(package)
        }
        // What the previous lock kept for a package beyond ampu's keys (the Rask compiler's
        // `capabilities`) stays with the package, whatever version it is now: the compiler
        // compares what it finds with what it recorded.
        for i in packages.indices {
            if let old = previous?.package(named: packages[i].name) { packages[i].carried = old.carried }
        }
        return Outcome(lock: LockFile(packages: packages, format: format), warnings: provider.dependenciesWithoutRegistry.map { entry in
            Diagnostic(severity: .warning, message: "dependency '\(entry.dependency.name.value)' was not resolved: no registry is given",
                       file: entry.manifest, range: entry.dependency.name.range, label: "by name and version",
                       notes: ["a dependency by name and version comes from a registry; without one, only a copy put in the package cache by hand serves it"],
                       help: ["run `ampu update --registry DIR` (or set AMPU_REGISTRY), or give it a `path` or `git` source"])
        })
    }
}

/// `--precise`: one package offered at one version only, which must exist.
private struct Precise: PackageProvider {
    let base: any PackageProvider
    let package: String
    let version: Version
    /// What pins a package in a manifest (`tag 'v1.1.0'`), when something does (asked when
    /// the solver has read the manifests).
    let pin: @Sendable (String) -> String?

    func versions(of package: String) throws(ResolutionError) -> [Version] {
        let all = try base.versions(of: package)
        guard package == self.package else { return all }
        guard all.contains(version) else {
            let known = all.sorted().map { "\($0)" }.joined(separator: ", ")
            throw .unavailable(package: package, reason: "it has no version \(version) (it has \(known.isEmpty ? "none" : known))",
                               help: pin(package).map { ["it is pinned to \($0): change that in the manifest to move it to another version"] } ?? [])
        }
        return [version]
    }

    func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement] {
        try base.dependencies(of: package, at: version)
    }

    func wording(of versions: VersionSet) -> String { base.wording(of: versions) }
}
