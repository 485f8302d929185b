/// What `check` and the server can say about the workspace's git dependencies (the root's and
/// every member's, one lock for them all) from the package cache alone (nothing is fetched, so nothing waits for the network):
///
/// - a lock that records every dependency at an allowed version is a solution already; each
///   package it records must then be checked out where the compiler reads it, or the build
///   fails (M022);
/// - otherwise versions are solved again with the tags the cache's mirrors hold, and a
///   requirement that cannot be met is an error on the requirements that caused it (M021),
///   with the solver's explanation. A dependency the cache does not have is left to M020.
///
/// A repository on this machine named by a relative path, or (to be resolved again) not there,
/// is M031 (`LocalRepositoryCheck`).
public enum ResolutionCheck {
    public struct Outcome: Hashable, Sendable {
        public var diagnostics: [Diagnostic]
        /// The versions the cache knows of each dependency, by package: what completion offers.
        public var knownVersions: [String: [Version]]
        /// The tags and branches the cache's mirror of each git dependency has, by package:
        /// what completion offers for `tag` and `branch`.
        public var knownReferences: [String: GitReferences]

        public init(diagnostics: [Diagnostic] = [], knownVersions: [String: [Version]] = [:], knownReferences: [String: GitReferences] = [:]) {
            self.diagnostics = diagnostics
            self.knownVersions = knownVersions
            self.knownReferences = knownReferences
        }
    }

    /// What a repository's mirror names commits by.
    public struct GitReferences: Hashable, Sendable {
        /// Newest versions first, then the tags that name none.
        public var tags: [String]
        public var branches: [String]

        public init(tags: [String], branches: [String]) {
            self.tags = tags
            self.branches = branches
        }
    }

    /// Whether the workspace has anything to resolve: a git dependency of the root or of a
    /// member, and an ecosystem with a lock.
    public static func applies(to snapshot: WorkspaceSnapshot) -> Bool {
        snapshot.ecosystem.lockFileName != nil && manifests(of: snapshot).contains { !gitDependencies(of: $0).isEmpty }
    }

    /// The root manifest, then every other member's: the one lock beside the root is theirs.
    static func manifests(of snapshot: WorkspaceSnapshot) -> [PackageManifest] {
        [snapshot.rootManifest] + otherMembers(of: snapshot)
    }

    static func otherMembers(of snapshot: WorkspaceSnapshot) -> [PackageManifest] {
        snapshot.members.filter { $0.path != snapshot.rootManifest.path }
    }

    /// A manifest's git dependencies, each with the package it is.
    static func gitDependencies(of manifest: PackageManifest) -> [(DependencySpec, String)] {
        manifest.dependencies.compactMap { dep -> (DependencySpec, String)? in
            guard case .git(let url, _) = dep.source else { return nil }
            return (dep, SourcePackageProvider.location(of: dep, url: url.value))
        }
    }

    /// - Parameter versions: also learn the versions of dependencies the lock makes it
    ///   unnecessary to solve, and the tags and branches of every mirror (the server wants
    ///   them for completion; `check` does not).
    public static func run(_ snapshot: WorkspaceSnapshot, cache: GitCache, versions: Bool = false) -> Outcome {
        let manifest = snapshot.rootManifest
        let manifests = manifests(of: snapshot)
        let git = manifests.map { (manifest: $0, dependencies: gitDependencies(of: $0)) }
        guard git.contains(where: { !$0.dependencies.isEmpty }), let lockName = snapshot.ecosystem.lockFileName else { return Outcome() }
        let members = otherMembers(of: snapshot)
        let provider = SourcePackageProvider(cache: cache, ecosystem: snapshot.ecosystem, root: manifest, members: members, offline: true)
        var outcome = Outcome()
        let settled = snapshot.lock.map { lock in git.allSatisfy { $0.dependencies.allSatisfy { dep, _ in
            lock.package(for: dep).map { dep.requirement?.value.versionSet.contains($0.version) ?? true } ?? false
        } } } ?? false
        let local = manifests.flatMap { LocalRepositoryCheck.diagnostics(of: $0, syntax: snapshot.ecosystem.manifestSyntax, cache: cache, resolving: !settled) }
        if settled, let lock = snapshot.lock {
            outcome.diagnostics = git.flatMap { m in
                unfetched(lock, roots: m.dependencies, cache: cache, lockName: lockName).map { $0.inFile(m.manifest.path) }
            }
            if versions {
                _ = try? provider.dependencies(of: provider.rootName, at: provider.rootVersion)
                for (_, package) in git.flatMap(\.dependencies) { _ = try? provider.versions(of: package) }
            }
        } else {
            do {
                _ = try provider.solving { () throws(ResolutionError) in
                    var solver = PubGrubSolver(provider: provider, root: provider.rootName, version: provider.rootVersion, members: provider.memberNames)
                    return try solver.solve()
                }
            } catch {
                // Not in the cache is left to M020 (`ampu update` fetches it); so is a cached
                // manifest that cannot be read (`ampu update` fetches again and says which).
                // A tag or branch the cached copy lacks is said, with `ampu update` to fetch.
                switch error {
                case .noSolution, .missingReference:
                    if let d = diagnostic(for: error, in: manifest, members: members, fromCache: true, place: provider.place(of:)) { outcome.diagnostics = [d] }
                default: break
                }
            }
        }
        outcome.diagnostics = local + outcome.diagnostics
        outcome.knownVersions = provider.knownVersions
        if versions {
            for (_, package) in git.flatMap(\.dependencies) where outcome.knownReferences[package] == nil {
                guard let tags = try? cache.tags(package) else { continue }
                outcome.knownReferences[package] = GitReferences(tags: SourcePackageProvider.newestFirst(tags.map(\.tag)),
                                                                 branches: (try? cache.branches(package)) ?? [])
            }
        }
        return outcome
    }

    /// A failed resolution as a diagnostic in the manifest that asked for what failed. A
    /// requirement no set of versions meets is M021, on the last requirement the explanation
    /// starts from (the root's own, else a member's), the others as related places; a package
    /// that cannot be had is an error on the dependency that asks for it. Nil when no manifest
    /// of the workspace names the package itself.
    /// - Parameter members: the workspace's members besides the root, which the solver took as
    ///   packages the root depends on.
    /// - Parameter fromCache: the versions were the cache's alone (`check`, the server).
    /// - Parameter place: where a fact the failure rests on is written in another manifest.
    public static func diagnostic(for error: ResolutionError, in manifest: PackageManifest, members: [PackageManifest] = [], fromCache: Bool,
                                  place: (DependencyFact) -> Diagnostic.Related? = { _ in nil }) -> Diagnostic? {
        /// A dependency as the package it is.
        func packageOf(_ dep: DependencySpec) -> String {
            guard case .git(let url, _) = dep.source else { return dep.name.value }
            return SourcePackageProvider.location(of: dep, url: url.value)
        }
        let memberNames = Set(members.map(\.displayName))
        switch error {
        case .noSolution(let explanation, let involving, let facts):
            // The requirements the explanation starts from: the root's own, then the members'.
            var culprits: [(file: String, dep: DependencySpec)] = manifest.dependencies.filter { involving.contains(packageOf($0)) }.map { (manifest.path, $0) }
            var elsewhere: [Diagnostic.Related] = []
            for fact in facts {
                if memberNames.contains(fact.depender), let member = members.first(where: { $0.displayName == fact.depender }),
                   let dep = member.dependencies.first(where: { packageOf($0) == fact.dependency }) {
                    culprits.append((member.path, dep))
                } else if let related = place(fact) {
                    elsewhere.append(related)
                }
            }
            let placed: (file: String, dep: DependencySpec)
            if let last = culprits.last { placed = last } else if let first = manifest.dependencies.first { placed = (manifest.path, first) } else { return nil }
            return Diagnostic(
                severity: .error, code: DiagnosticCode.unsolvableDependencies.rawValue,
                message: "no versions of the dependencies meet every requirement",
                range: placed.dep.requirement?.range ?? placed.dep.name.range,
                related: culprits.dropLast().map {
                    Diagnostic.Related(file: $0.file, range: $0.dep.requirement?.range ?? $0.dep.name.range, message: "'\($0.dep.name.value)' takes part")
                } + elsewhere,
                label: culprits.count > 1 ? "cannot be met together with the other requirements" : "cannot be met",
                notes: explanation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                help: [fromCache ? "the versions are the tags in the package cache; change a requirement, or run `ampu update` to fetch newer tags"
                                 : "change a requirement so that one version fits them all"]).inFile(placed.file)
        case .missingReference(let package, _, let reference, _, _):
            // On the tag, branch or rev that names it, with the one most likely meant as the fix.
            guard let (file, place) = ([manifest] + members).lazy.compactMap({ m -> (String, Located<DependencySource.GitReference>)? in
                guard let dep = m.dependencies.first(where: { d in
                    guard packageOf(d) == package, case .git(_, let r?) = d.source else { return false }
                    switch r.value { case .tag(let t), .branch(let t), .rev(let t): return t == reference }
                }), case .git(_, let r?) = dep.source else { return nil }
                return (m.path, r)
            }).first else { return nil }
            var d = Diagnostic(severity: .error, code: DiagnosticCode.missingGitReference.rawValue, message: "\(error)", range: place.range,
                               label: fromCache ? "not in the cached copy" : "not in the repository", help: error.help)
            if case .missingReference(_, let kind, _, _, _) = error, let meant = error.likelyMeant {
                d.fix = Diagnostic.Fix(title: "Change the \(kind) to '\(meant)'", edits: [TextEdit(range: place.range, newText: TOMLLiteral.renderString(meant))])
            }
            return d.inFile(file)
        case .unavailable(let package, _, _), .notCached(let package):
            guard let (file, dep) = ([manifest] + members).lazy.compactMap({ m in
                m.dependencies.first { packageOf($0) == package }.map { (m.path, $0) }
            }).first else { return nil }
            return Diagnostic(severity: .error, message: "\(error)", range: dep.range, label: "required here", help: error.help).inFile(file)
        }
    }

    /// M022 for each package the lock records whose checkout is not in the cache, placed on the
    /// root dependency it is (or that leads to it).
    private static func unfetched(_ lock: LockFile, roots: [(DependencySpec, String)], cache: GitCache, lockName: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (dep, package) in roots {
            // The root dependency and everything the lock says it depends on, once each.
            var seen: Set<String> = [package]
            var pending = [package]
            var missing: [LockFile.Package] = []
            while let name = pending.popLast() {
                guard let locked = lock.package(named: name) else { continue }
                if let commit = locked.commit, locked.source.hasPrefix("git+"),
                   let checkout = try? cache.checkout(of: name, commit: commit), !LocalFileSystem().isDirectory(checkout) {
                    missing.append(locked)
                }
                for next in locked.dependencies where seen.insert(next).inserted { pending.append(next) }
            }
            for locked in missing.sorted(by: { ($0.name != package ? 1 : 0, $0.name) < ($1.name != package ? 1 : 0, $1.name) }) {
                let what = locked.name == package ? "'\(dep.name.value)'" : "'\(locked.name)', which '\(dep.name.value)' depends on,"
                out.append(Diagnostic(
                    severity: .warning, code: DiagnosticCode.unfetchedDependency.rawValue,
                    message: "\(what) is not in the package cache",
                    range: dep.name.range,
                    label: "\(lockName) has \(locked.version) (commit \(locked.commit!.prefix(12))), not fetched",
                    notes: ["the compiler reads it from \((try? cache.checkout(of: locked.name, commit: locked.commit!)) ?? cache.root)"],
                    help: ["run `ampu fetch` to fetch what \(lockName) records"]))
            }
        }
        return out
    }
}
