import ArgumentParser
import BuildModel

/// `ampu update`: choose the newest versions the manifest's git dependencies allow (the locked
/// ones where they still fit), fetch them into the cache, and write the lock file.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Resolve the dependencies and write the lock file (asthra.lock, rask.lock).",
        discussion: """
            Versions are the repositories' tags (vX.Y.Z or X.Y.Z); a tag, branch or commit in the manifest pins one. \
            Repositories are fetched with the git command line, so git's own configuration applies \
            (url.<base>.insteadOf to use a mirror). Checkouts go to $ASTHRA_CACHE, else ~/.asthra/cache, \
            laid out as the Asthra compiler reads them: <cache>/<import path>/<commit>/.
            """
    )

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    @Option(name: [.customShort("p"), .customLong("package")], help: "Update only this package; keep the others at their locked versions.")
    var packages: [String] = []

    @Option(help: "With one -p: update that package to exactly this version.")
    var precise: String?

    @Option(help: "A registry directory (<registry>/<name>/<version>/) for dependencies by name and version; else $AMPU_REGISTRY.")
    var registry: String?

    @Flag(name: .customLong("minimal-versions"), help: "Choose the oldest versions that fit instead of the newest.")
    var minimalVersions = false

    @Flag(name: .customLong("locked"), help: "Fail instead of writing when the lock file would change.")
    var locked = false

    @Flag(name: .customLong("offline"), help: "Use only what the cache holds: fetch nothing.")
    var offline = false

    @Flag(name: .customLong("frozen"), help: "Both --locked and --offline.")
    var frozen = false

    func run() throws {
        let fileSystem = LocalFileSystem()
        let environment = Environment.current
        let (_, manifestFile, ecosystem, manifest, members) = ManifestTarget.loadWorkspace(manifestPath, fileSystem: fileSystem)
        guard let format = ecosystem.lockFormat else {
            fail("\(ecosystem.name) has no lock file: \(ecosystem.withoutLockFile)")
        }
        guard let cacheRoot = GitCache.defaultRoot(environment: environment) else {
            fail("no package cache: set ASTHRA_CACHE or HOME")
        }
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
            fail("'\(unknown)' is not in \(lockName)", help: ["`ampu tree` lists the locked packages"])
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
        // --registry is taken from where ampu runs, as any path on its command line.
        let registryDirectory = registry.flatMap { $0.isEmpty ? nil : Paths.normalize(fileSystem.absolute($0)) }
            ?? SourcePackageProvider.environmentRegistry(environment, root: Paths.parent(manifestFile))
        if let registryDirectory, !fileSystem.isDirectory(registryDirectory) {
            fail("the registry '\(registryDirectory)' is not a directory", help: ["a registry holds <name>/<version>/ directories, each a package"])
        }
        let outcome: LockUpdate.Outcome
        let progress = ProgressLine()
        do {
            outcome = try LockUpdate.resolve(manifest, members: members, ecosystem: ecosystem, cache: cache, previous: previous,
                                          preference: minimalVersions ? .lowest : .highest, keep: keep, offline: offline || frozen,
                                          precise: pinned, registry: registryDirectory, progress: progress.report)
        } catch {
            progress.finish()
            failResolution(error, manifest: manifest, members: members)
        }
        progress.finish()
        let lock = outcome.lock
        // What the lock leaves out, at its line: "Locked 0 packages" must not pass for success.
        render(outcome.warnings)
        let changes = Self.changes(from: previous ?? LockFile(packages: [], format: format), to: lock)
        if (locked || frozen) && (previous == nil || lock.rendered != previous!.rendered) {
            let flag = frozen ? "--frozen" : "--locked"
            fail("\(lockName) needs updating, and \(flag) forbids it", help: (changes.isEmpty ? ["it would be written for the first time"] : changes) + ["run `ampu update` without \(flag) to write it"])
        }
        for line in changes { Terminal.standardError.write(line + "\n") }
        if previous?.rendered != lock.rendered {
            do { try fileSystem.writeFile(lockPath, lock.rendered) } catch { fail("\(error)") }
        }
        Terminal.standardError.write("Locked \(lock.packages.count) package\(lock.packages.count == 1 ? "" : "s") in \(lockName)\n")
    }

    /// `Adding`, `Updating` and `Removing` lines, by name.
    static func changes(from old: LockFile, to new: LockFile) -> [String] {
        var lines: [String] = []
        for p in new.packages {
            if let before = old.package(named: p.name) {
                if before.version != p.version { lines.append("  Updating \(p.name) v\(before.version) -> v\(p.version)") }
            } else {
                lines.append("    Adding \(p.name) v\(p.version)")
            }
        }
        for p in old.packages where new.package(named: p.name) == nil { lines.append("  Removing \(p.name) v\(p.version)") }
        return lines
    }

    private func fail(_ message: String, help: [String] = []) -> Never { ManifestTarget.fail(message, help: help) }

    /// Diagnostics on standard error with the lines they point at: the texts in `known`, the
    /// other files read.
    private func render(_ diagnostics: [Diagnostic], known: [String: SourceText] = [:]) {
        guard let first = diagnostics.first?.file else { return }
        let fileSystem = LocalFileSystem()
        var sources = known
        for file in Set(diagnostics.flatMap { [$0.file] + $0.related.map(\.file) }.compactMap { $0 }) where sources[file] == nil {
            sources[file] = try? fileSystem.readText(file)
        }
        let renderer = DiagnosticRenderer(format: .human, colors: Terminal.standardError.supportsColor, root: fileSystem.currentDirectory)
        Terminal.standardError.write(renderer.render(diagnostics, sources: sources, defaultFile: first))
    }

    /// A manifest of the workspace with errors is not solved from: what it asks for cannot be
    /// known, and a lock written without it would drop what it needs. Its errors are shown as
    /// `check` shows them, and nothing is written.
    private func refuseBrokenManifests(_ manifests: [PackageManifest], lockName: String) {
        let errors = manifests.flatMap { m in m.diagnostics.filter { $0.severity == .error }.map { $0.inFile(m.path) } }
        guard !errors.isEmpty else { return }
        render(errors, known: Dictionary(manifests.map { ($0.path, $0.source) }) { a, _ in a })
        fail("\(lockName) is not updated: \(errors.count == 1 ? "a manifest has an error" : "the manifests have \(errors.count) errors")",
             help: ["fix \(errors.count == 1 ? "it" : "them") (`ampu check` shows every problem), then run `ampu update` again"])
    }

    /// A resolution error, at the manifest line that asked for what failed when there is one
    /// (the root's, or a member's).
    private func failResolution(_ error: ResolutionError, manifest: PackageManifest, members: [PackageManifest]) -> Never {
        guard let diagnostic = ResolutionCheck.diagnostic(for: error, in: manifest, members: members, fromCache: offline || frozen),
              let file = diagnostic.file, let text = try? LocalFileSystem().readText(file) else { fail("\(error)") }
        render([diagnostic], known: [file: text])
        Terminal.exitNow(1)
    }
}
