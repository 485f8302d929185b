import BuildModel

/// `ampu update`: choose the newest versions the manifest's dependencies allow (with -p, only
/// for those named: the others keep their locked versions where they still fit), fetch them
/// into the cache, and write the lock file.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Resolve the dependencies and write the lock file (asthra.lock, rask.lock).",
        discussion: """
            Versions are the repositories' tags (vX.Y.Z or X.Y.Z); a tag, branch or commit in the manifest pins one. \
            Repositories are fetched with the git command line, so git's own configuration applies \
            (url.<base>.insteadOf to use a mirror). Checkouts go to $ASTHRA_CACHE, else ~/.asthra/cache, \
            laid out as the Asthra compiler reads them: <cache>/<import path>/<commit>/ (Rask's to $RASK_CACHE, \
            else ~/.rask/cache, in the same layout).
            """
    )

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    @Option(name: [.customShort("p"), .customLong("package")], help: "Update only this package; keep the others at their locked versions.")
    var packages: [String] = []

    @Option(name: .customLong("precise"), help: "With one -p: update that package to exactly this version.")
    var precise: String?

    @Option(name: .customLong("registry"), help: "A registry directory (<registry>/<name>/<version>/) for dependencies by name and version; else $AMPU_REGISTRY.")
    var registry: String?

    @Flag(name: .customLong("minimal-versions"), help: "Choose the oldest versions that fit instead of the newest.")
    var minimalVersions = false

    @OptionGroup var lockOptions: LockOptions

    func run() throws {
        let fileSystem = LocalFileSystem()
        let environment = Environment.current
        let (_, manifestFile, ecosystem, manifest, members) = ManifestTarget.loadWorkspace(manifestPath, fileSystem: fileSystem)
        guard let format = ecosystem.lockFormat else {
            fail("\(ecosystem.name) has no lock file: \(ecosystem.withoutLockFile)")
        }
        guard let cacheRoot = format.cacheRoot(environment: environment) else { fail(format.noCacheMessage) }
        let lockName = format.fileName
        let lockPath = Paths.join(Paths.parent(manifestFile), lockName)
        refuseBrokenManifests([manifest] + members, lockName: lockName)
        let previous: LockFile?
        do { previous = try LockFile.read(in: Paths.parent(manifestFile), format: format, fileSystem: fileSystem) } catch { fail("\(error)") }
        // -p takes a package as the lock names it, or a dependency's key in the manifest.
        let named = packages.map { SourcePackageProvider.package(named: $0, in: manifest) }
        if let unknown = named.first(where: { p in previous.map { $0.package(named: p) == nil } ?? false }) {
            if ([manifest] + members).contains(where: { $0.package != nil && $0.displayName == unknown }) {
                fail("'\(unknown)' is a package of this workspace, not a dependency: \(lockName) records what the workspace's packages depend on",
                     help: ["name one of its dependencies (`ampu tree` lists them), or run `ampu update` for all"])
            }
            LockedWorkspace.notLocked(unknown, in: previous!)
        }
        var pinned: (String, Version)?
        if let precise {
            guard named.count == 1 else { fail("--precise needs exactly one -p PACKAGE") }
            guard let version = Version(precise) else { fail("'\(precise)' is not a version (MAJOR.MINOR.PATCH)") }
            pinned = (named[0], version)
        }
        // As `cargo update`: every package moves to the newest version that fits, or with -p
        // only those named (the others stay at their locked versions while they fit).
        let keep = named.isEmpty ? [] : Set(previous?.packages.map(\.name) ?? []).subtracting(named)
        let cache = GitCache(root: cacheRoot, git: GitCLI(environment: environment))
        let registryDirectory = SourcePackageProvider.registry(given: registry, environment: environment, root: Paths.parent(manifestFile), fileSystem: fileSystem)
        if let registryDirectory, !fileSystem.isDirectory(registryDirectory) {
            fail("the registry '\(registryDirectory)' is not a directory", help: ["a registry holds <name>/<version>/ directories, each a package"])
        }
        let writer = LockWriter(manifest: manifest, members: members, ecosystem: ecosystem, lockPath: lockPath,
                                forbidding: lockOptions.forbidding, offline: lockOptions.cacheOnly)
        let outcome = writer.solve(previous: previous, cache: cache, keep: keep, preference: minimalVersions ? .lowest : .highest, precise: pinned,
                                   registry: registryDirectory)
        // With no lock before, the names -p gives are known only now: one the new lock does
        // not have is refused, and nothing is written.
        if previous == nil, let unknown = named.first(where: { outcome.lock.package(named: $0) == nil }) {
            LockedWorkspace.notLocked(unknown, in: outcome.lock)
        }
        writer.record(outcome, previous: previous, otherwise: "run `ampu update` without \(lockOptions.forbidding ?? "") to write it")
    }

    private func fail(_ message: String, help: [String] = []) -> Never { ManifestTarget.fail(message, help: help) }

    /// A manifest of the workspace with errors is not solved from: what it asks for cannot be
    /// known, and a lock written without it would drop what it needs. Its errors are shown as
    /// `check` shows them, and nothing is written.
    private func refuseBrokenManifests(_ manifests: [PackageManifest], lockName: String) {
        let errors = manifests.flatMap { m in m.diagnostics.filter { $0.severity == .error }.map { $0.inFile(m.path) } }
        guard !errors.isEmpty else { return }
        LockWriter.render(errors, known: Dictionary(manifests.map { ($0.path, $0.source) }) { a, _ in a })
        fail("\(lockName) is not updated: \(errors.count == 1 ? "a manifest has an error" : "the manifests have \(errors.count) errors")",
             help: ["fix \(errors.count == 1 ? "it" : "them") (`ampu check` shows every problem), then run `ampu update` again"])
    }
}
