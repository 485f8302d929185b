import BuildModel

/// The manifest a dependency command works on, read; or an error printed and exit 1.
enum ManifestTarget {
    static func load(_ manifestPath: String?, fileSystem: LocalFileSystem) -> (path: String, ecosystem: any Ecosystem, manifest: PackageManifest) {
        do throws(WorkspaceError) {
            let found = try EcosystemRegistry.standard.manifest(from: fileSystem.currentDirectory, manifestPath: manifestPath, fileSystem: fileSystem)
            do {
                return (found.path, found.ecosystem, found.ecosystem.readManifest(try fileSystem.readText(found.path)))
            } catch {
                fail("\(error)")
            }
        } catch {
            // Drawn as `check` draws it: the same error has one face in every command.
            let renderer = DiagnosticRenderer(format: .human, colors: Terminal.standardError.supportsColor)
            Terminal.standardError.write(renderer.render([error.diagnostic], sources: [:], defaultFile: ""))
            Terminal.exitNow(1)
        }
    }

    /// The nearest manifest, and the root of the workspace holding it with the root's other
    /// members: the lock file is the workspace's, beside its root manifest (as Cargo keeps one
    /// Cargo.lock for a workspace).
    static func loadWorkspace(_ manifestPath: String?, fileSystem: LocalFileSystem)
        -> (nearest: PackageManifest, path: String, ecosystem: any Ecosystem, manifest: PackageManifest, members: [PackageManifest]) {
        let (nearestPath, ecosystem, nearest) = load(manifestPath, fileSystem: fileSystem)
        let locator = WorkspaceLocator(ecosystem: ecosystem, fileSystem: fileSystem)
        let rootPath = locator.workspaceRoot(for: nearestPath)
        guard rootPath != nearestPath else { return (nearest, nearestPath, ecosystem, nearest, locator.memberManifests(of: nearest)) }
        do {
            // Read already by `workspaceRoot`: the locator's cache has it parsed.
            let root = locator.manifests.manifest(try fileSystem.readText(rootPath), ecosystem: ecosystem)
            return (nearest, rootPath, ecosystem, root, locator.memberManifests(of: root))
        } catch {
            fail("\(error)")
        }
    }

    static func fail(_ message: String, notes: [String] = [], help: [String] = []) -> Never {
        Terminal.standardError.write("error: \(message)\n" + notes.map { "  = note: \($0)\n" }.joined() + help.map { "  = help: \($0)\n" }.joined())
        Terminal.exitNow(1)
    }
}

extension ManifestTarget {
    /// Each of `items` edited into the manifest in turn, each edit made on the text the one
    /// before left; written once, atomically, when all of them succeed (else nothing is
    /// written, and the failure is printed); then what each did.
    static func edit<Item>(_ path: String, ecosystem: any Ecosystem, manifest: PackageManifest, fileSystem: LocalFileSystem, _ items: [Item],
                           _ make: (Item, PackageManifest) throws -> DependencyEdit.Edit) {
        guard let (text, report) = edited(manifest, ecosystem: ecosystem, items, make) else { return }
        write(path, text, report: report, fileSystem: fileSystem)
    }

    /// The manifest's new text with each of `items` edited in, and a line for each edit; nil
    /// when there is nothing to edit. A failure is printed and ends the program.
    static func edited<Item>(_ manifest: PackageManifest, ecosystem: any Ecosystem, _ items: [Item],
                             _ make: (Item, PackageManifest) throws -> DependencyEdit.Edit) -> (text: [UInt8], report: [String])? {
        var current = manifest
        var text: [UInt8]?
        var report: [String] = []
        do {
            for item in items {
                let edit = try make(item, current)
                text = edit.text
                report += edit.report
                current = ecosystem.readManifest(SourceText(path: manifest.path, bytes: edit.text))
            }
        } catch let error as DependencyEdit.Failure {
            ManifestTarget.fail("\(error)", notes: error.notes, help: error.help)
        } catch {
            ManifestTarget.fail("\(error)")
        }
        return text.map { ($0, report) }
    }

    /// The manifest written (atomically), then what was done to it.
    static func write(_ path: String, _ text: [UInt8], report: [String], fileSystem: LocalFileSystem) {
        do { try fileSystem.writeFile(path, text) } catch { ManifestTarget.fail("\(error)") }
        for line in report { Terminal.standardError.write(line + "\n") }
    }
}

/// `ampu add DEP[@REQ]...`: dependencies added to the manifest, the rest of it kept as it is.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a dependency to the manifest.",
        discussion: """
            DEP is a package name, or an import path such as github.com/user/json (a git dependency keyed by its last \
            segment, as `asthra add` writes it); @REQ adds a version requirement. The manifest keeps its formatting; \
            an entry the manifest would reject is not written. A git dependency's repository is fetched into the package \
            cache first, and the entry is written only when the repository has the tag, branch or commit, a version \
            the requirement allows, and there a package of that name. The lock file follows, as with cargo add: \
            solved again from the edited manifest, locked versions kept where they fit; a dependency that leaves no \
            solution is refused, and nothing is written.
            """
    )

    @Argument(name: "dependencies", help: "The dependencies, each with an optional @requirement.")
    var dependencies: [String]

    @Option(name: .customLong("path"), help: "A package on disk, relative to the manifest.")
    var path: String?

    @Option(name: .customLong("git"), help: "A git repository (a URL, an import path such as github.com/user/json, or a path on this machine; a relative one, from the manifest, is written absolute).")
    var git: String?

    @Option(name: .customLong("tag"), help: "With --git: the tag to use.")
    var tag: String?

    @Option(name: .customLong("branch"), help: "With --git: the branch to follow.")
    var branch: String?

    @Option(name: .customLong("rev"), help: "With --git: the commit to use.")
    var rev: String?

    @Flag(name: .customLong("dev"), help: "Add it to [dev-dependencies] (Rask: scope \"dev\").")
    var dev = false

    @Option(name: .customLong("feature"), help: "Rask: add it to this feature's block (made when missing).")
    var feature: String?

    @Option(name: .customLong("registry"), help: "A registry directory (<registry>/<name>/<version>/) to take a dependency by name from; else $AMPU_REGISTRY.")
    var registry: String?

    @Flag(name: .customLong("offline"), help: "Check a git dependency against the package cache's copy of its repository, without fetching.")
    var offline = false

    @Option(name: .customLong("manifest-path"), help: "The manifest to edit instead of searching upward.")
    var manifestPath: String?

    func run() throws {
        let fileSystem = LocalFileSystem()
        let (path, ecosystem, manifest) = ManifestTarget.load(manifestPath, fileSystem: fileSystem)
        let pins = [tag.map { _ in "--tag" }, branch.map { _ in "--branch" }, rev.map { _ in "--rev" }].compactMap { $0 }
        if pins.count > 1 { ManifestTarget.fail("\(pins.joined(separator: " and ")) do not go together", help: ["a git dependency follows one tag, branch or commit: give one"]) }
        let reference: DependencySource.GitReference? = tag.map { .tag($0) } ?? branch.map { .branch($0) } ?? rev.map { .rev($0) }
        if reference != nil && git == nil && !dependencies.allSatisfy({ $0.contains("/") }) { ManifestTarget.fail("--tag, --branch and --rev go with --git") }
        if dev && feature != nil { ManifestTarget.fail("--dev and --feature do not go together", help: ["a feature's dev dep is written { scope: \"dev\" } inside its block"]) }
        if dependencies.count > 1 && (self.path != nil || git != nil) {
            ManifestTarget.fail("--path and --git name the place of one dependency, and \(dependencies.count) are given", help: ["add each of them with its own `ampu add`"])
        }
        let requests = dependencies.map { dependency in
            // git would read a relative path from wherever it runs: the manifest gets the absolute one.
            let git = git.map { GitCLI.resolvingRelativePath($0, from: manifest.directory) }
            var request = DependencyEdit.Request.parse(dependency, path: self.path, git: git, reference: reference, dev: dev)
            request.feature = feature
            return request
        }
        let environment = Environment.current
        var access: DependencyEdit.GitAccess?
        let progress = ProgressLine()
        if let format = ecosystem.lockFormat, requests.contains(where: { if case .git = $0.source { true } else { false } }) {
            guard let root = format.cacheRoot(environment: environment) else { ManifestTarget.fail(format.noCacheMessage) }
            access = DependencyEdit.GitAccess(cache: GitCache(root: root, git: GitCLI(environment: environment)), offline: offline, progress: progress.report)
        }
        let edit = ManifestTarget.edited(manifest, ecosystem: ecosystem, requests) { request, manifest in
            defer { progress.finish() }
            return try DependencyEdit.adding(request, to: manifest, ecosystem: ecosystem, environment: environment, fileSystem: fileSystem,
                                             registry: registry, git: access)
        }
        guard let (text, report) = edit else { return }
        // As `cargo add`: the lock follows the manifest. Solved before anything is written, so
        // that a dependency the others leave no version for is refused with the reason.
        let locking = AddedLock(manifestPath: path, text: text, ecosystem: ecosystem, registry: registry, offline: offline,
                                environment: environment, fileSystem: fileSystem)
        let solved = locking?.solve()
        ManifestTarget.write(path, text, report: report, fileSystem: fileSystem)
        if let locking, let solved { locking.record(solved) }
    }
}

/// The workspace's lock solved again after `ampu add` edited a manifest, from the manifests as
/// they are about to be written; nil when `LockRefresh.dueAfterEdit` says the lock is not
/// `add`'s to touch.
struct AddedLock {
    let writer: LockWriter
    let previous: LockFile?
    let cache: GitCache
    let registry: String?
    /// The edited manifest's path and new text.
    let manifestPath: String
    let text: SourceText

    init?(manifestPath path: String, text: [UInt8], ecosystem: any Ecosystem, registry: String?, offline: Bool,
          environment: [String: String], fileSystem: LocalFileSystem) {
        guard let format = ecosystem.lockFormat, let cacheRoot = format.cacheRoot(environment: environment) else { return nil }
        let (_, rootPath, _, root, members) = ManifestTarget.loadWorkspace(path, fileSystem: fileSystem)
        let source = SourceText(path: path, bytes: text)
        let changed = ecosystem.readManifest(source)
        let (newRoot, newMembers) = rootPath == path ? (changed, members) : (root, members.map { $0.path == path ? changed : $0 })
        let directory = Paths.parent(rootPath)
        // A lock that cannot be read is left for `update` to say so, as `remove` leaves it.
        let previous: LockFile?
        do { previous = try LockFile.read(in: directory, format: format, fileSystem: fileSystem) } catch { return nil }
        let lockPath = Paths.join(directory, format.fileName)
        let registry = SourcePackageProvider.registry(given: registry, environment: environment, root: directory, fileSystem: fileSystem)
        guard LockRefresh.dueAfterEdit([newRoot] + newMembers, lockExists: previous != nil, registry: registry) else { return nil }
        writer = LockWriter(manifest: newRoot, members: newMembers, ecosystem: ecosystem, lockPath: lockPath, forbidding: nil, offline: offline)
        self.previous = previous
        self.cache = GitCache(root: cacheRoot, git: GitCLI(environment: environment))
        self.registry = registry
        manifestPath = path
        self.text = source
    }

    /// The solved lock; a failure is shown on the edited text and ends the program, with
    /// nothing written.
    func solve() -> LockUpdate.Outcome {
        // Every locked version stays where it still fits: only what the edit asks for moves.
        writer.solve(previous: previous, cache: cache, keep: previous.map { Set($0.packages.map(\.name)) }, registry: registry, edited: [manifestPath: text],
                     unchanged: ["nothing was written: \(Paths.lastComponent(manifestPath)) and \(Paths.lastComponent(writer.lockPath)) are as they were"])
    }

    func record(_ outcome: LockUpdate.Outcome) {
        writer.record(outcome, previous: previous, otherwise: "", edited: [manifestPath: text])
    }
}

/// `ampu remove DEP...`: dependencies removed from the manifest, each line with it.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a dependency from the manifest.")

    @Argument(name: "dependencies", help: "The dependencies' names as the manifest declares them.")
    var dependencies: [String]

    @Option(name: .customLong("manifest-path"), help: "The manifest to edit instead of searching upward.")
    var manifestPath: String?

    func run() throws {
        let fileSystem = LocalFileSystem()
        let (path, ecosystem, manifest) = ManifestTarget.load(manifestPath, fileSystem: fileSystem)
        // The workspace as it is before the removal: its imports still resolve into the dependency.
        let before = try? WorkspaceLoader(ecosystem: ecosystem, fileSystem: fileSystem, environment: Environment.current).load(from: manifest.directory, manifestPath: path)
        ManifestTarget.edit(path, ecosystem: ecosystem, manifest: manifest, fileSystem: fileSystem, dependencies) { dependency, manifest in
            try DependencyEdit.removing(dependency, from: manifest, ecosystem: ecosystem, environment: Environment.current, fileSystem: fileSystem)
        }
        pruneLock(fileSystem: fileSystem)
        guard let before else { return }
        let warnings = dependencies.compactMap { DependencyUses.warning(removing: $0, declaredIn: path, in: before) }
        let renderer = DiagnosticRenderer(format: .human, colors: Terminal.standardError.supportsColor, root: before.root)
        Terminal.standardError.write(renderer.render(warnings, sources: before.sources, defaultFile: path))
    }

    /// As `cargo remove`: the workspace's lock file keeps only what its manifests, as they are
    /// now, still lead to. A lock that cannot be read is left for `update` to say so.
    private func pruneLock(fileSystem: LocalFileSystem) {
        let (_, rootPath, ecosystem, root, members) = ManifestTarget.loadWorkspace(manifestPath, fileSystem: fileSystem)
        guard let format = ecosystem.lockFormat, let lock = try? LockFile.read(in: Paths.parent(rootPath), format: format, fileSystem: fileSystem) else { return }
        let kept = lock.keeping(reachableFrom: [root] + members)
        guard kept != lock else { return }
        do { try fileSystem.writeFile(Paths.join(Paths.parent(rootPath), format.fileName), Array(kept.rendered.utf8)) } catch { ManifestTarget.fail("\(error)") }
        for line in LockWriter.changes(from: lock, to: kept) { Terminal.standardError.write(line + "\n") }
    }
}
