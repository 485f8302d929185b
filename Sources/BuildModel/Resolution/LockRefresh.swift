/// What a build does about the lock file before it plans, as `cargo build` does: it resolves
/// and writes the lock when there is none while a dependency needs one, or when the lock no
/// longer meets the manifests (M020, a dependency by name the registry can now serve, a
/// dependency added or removed); it
/// fetches what the lock records when a checkout is missing from the cache. Told from the
/// loaded workspace and a directory's existence per locked package: nothing is fetched to
/// find out, and a build whose plan was kept (nothing it was made from changed) never asks.
public enum LockRefresh {
    public enum Due: Hashable, Sendable {
        /// Resolve, then write the lock (its locked versions kept where they still fit).
        case resolve
        /// Fetch the locked packages that are not in the cache.
        case fetch
    }

    /// - Parameters:
    ///   - registry: the registry directory dependencies by name come from, when there is one.
    ///   - cacheRoot: the package cache; nil when there is none (no fetch can be due).
    public static func due(_ snapshot: WorkspaceSnapshot, registry: String?, cacheRoot: String?) -> Due? {
        guard snapshot.ecosystem.lockFormat != nil else { return nil }
        // The members and the packages they reach by path: their git and registry
        // dependencies are the lock's.
        let manifests = [snapshot.rootManifest] + snapshot.packages.packages
        let needsLock = needsLock(manifests, registry: registry)
        let codes = Set(snapshot.diagnostics.compactMap(\.code))
        let fileSystem = LocalFileSystem()
        guard let lock = snapshot.lock else {
            // A lock that cannot be read is the user's to look at (M020 says why), not to overwrite.
            let lockPath = Paths.join(snapshot.rootManifest.directory, snapshot.ecosystem.lockFormat!.fileName)
            return needsLock && fileSystem.status(lockPath) == nil ? .resolve : nil
        }
        if codes.contains(DiagnosticCode.outdatedLock.rawValue) { return .resolve }
        if registry != nil && codes.contains(DiagnosticCode.unavailableDependency.rawValue) { return .resolve }
        if !recordsExactly(lock, manifests: manifests, root: snapshot.rootManifest, registry: registry) { return .resolve }
        guard let cacheRoot else { return nil }
        for package in lock.packages where package.source.hasPrefix("git+") {
            guard let commit = package.commit, let location = try? GitCache.checkedLocation(package.name),
                  let id = try? GitCache.checkedCommit(commit) else { continue }
            if !fileSystem.isDirectory(Paths.join(cacheRoot, "\(location)/\(id)")) { return .fetch }
        }
        return nil
    }

    /// Whether the manifests' dependencies call for a lock file: a git one, or one by name with
    /// a registry to take it from.
    public static func needsLock(_ manifests: [PackageManifest], registry: String?) -> Bool {
        manifests.contains { m in
            m.dependencies.contains { dep in
                switch dep.source {
                case .git: true
                case .registry: registry != nil
                case .path: false
                }
            }
        }
    }

    /// Whether a manifest edit (`ampu add`) is followed by solving the lock again, as `cargo add`
    /// does: when the workspace has a lock or now needs one, and every dependency by name has
    /// the registry it comes from (without it, a solve would drop them from the lock: the lock
    /// is left to the next build or `ampu update` that has it).
    public static func dueAfterEdit(_ manifests: [PackageManifest], lockExists: Bool, registry: String?) -> Bool {
        let byName = manifests.contains { $0.dependencies.contains { if case .registry = $0.source { true } else { false } } }
        if byName && registry == nil { return false }
        return lockExists || needsLock(manifests, registry: registry)
    }

    /// Whether the lock has every dependency the manifests declare (a path one too) and nothing
    /// they no longer reach: `ampu add --path` and `ampu remove` change it, as they change
    /// Cargo.lock. A dependency by name is the lock's only with a registry to take it from,
    /// or when the lock has it already.
    static func recordsExactly(_ lock: LockFile, manifests: [PackageManifest], root: PackageManifest, registry: String?) -> Bool {
        var reached: Set<String> = []
        var pending: [String] = []
        for manifest in manifests {
            for dep in manifest.dependencies {
                let name = LockFile.name(of: dep)
                if case .registry = dep.source, registry == nil && lock.package(named: name) == nil { continue }
                // The root is never in its own lock.
                if root.package != nil && name == root.displayName { continue }
                guard lock.package(named: name) != nil else { return false }
                if reached.insert(name).inserted { pending.append(name) }
            }
        }
        while let name = pending.popLast() {
            for next in lock.package(named: name)?.dependencies ?? [] where reached.insert(next).inserted { pending.append(next) }
        }
        return lock.packages.allSatisfy { reached.contains($0.name) }
    }
}
