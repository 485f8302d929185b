import BuildModel

/// `ampu clean`: removes build output, all of it or the part asked for, as the seed lists.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove build output (target/).",
        discussion: """
            With no option, removes target/ (the same as --all), and what the build wrote beside the sources \
            (a Rask build script's .rk-gen/ in each workspace package). --profile P removes target/P; --deps removes \
            the libraries in target/*/deps; --cache removes target/cache (fingerprints: the next build runs \
            everything again) but keeps the libraries; -p NAME removes what that package's actions wrote, and their \
            fingerprints. The package cache (~/.asthra/cache) is never touched.
            """
    )

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    @Option(name: .customLong("profile"), help: "Remove only this profile's output (debug, release, …).")
    var profile: String?

    @Flag(name: .customLong("deps"), help: "Remove only the libraries (target/*/deps).")
    var deps = false

    @Flag(name: .customLong("cache"), help: "Remove only the build cache (target/cache).")
    var cache = false

    @Flag(name: .customLong("all"), help: "Remove everything under target/ (the default).")
    var all = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Say nothing unless something goes wrong.")
    var quiet = false

    @Option(name: [.customShort("p"), .customLong("package")], help: ArgumentHelp("Remove only what this package's actions wrote (of the profile --profile names, else the default one), as cargo clean -p; may be given more than once.", valueName: "name"))
    var packages: [String] = []

    @OptionGroup var targetDirectory: TargetDirectoryOption

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Count what would be removed, and remove nothing.")
    var dryRun = false

    func validate() throws {
        if !packages.isEmpty && (deps || cache || all) {
            throw ValidationError("-p removes what a package's actions wrote; --\(deps ? "deps" : cache ? "cache" : "all") removes more: give one")
        }
    }

    func run() throws {
        if !packages.isEmpty { cleanPackages() }
        let fileSystem = LocalFileSystem()
        let (found, ecosystem, _) = ManifestTarget.load(manifestPath, fileSystem: fileSystem)
        // A member's build output is the workspace's: target/ beside the root manifest.
        let locator = WorkspaceLocator(ecosystem: ecosystem, fileSystem: fileSystem)
        let path = locator.workspaceRoot(for: found)
        let manifest = ManifestTarget.load(path, fileSystem: fileSystem).manifest
        let root = Paths.parent(path)
        let target = manifest.targetDirectory(overridden: targetDirectory.resolved(environment: Environment.current, fileSystem: fileSystem))
        let members = locator.memberDirectories(of: manifest).directories
        if let (message, help) = OutputRemoval.refusal(target: target, workspace: root, members: members, home: Environment.current["HOME"], fileSystem: fileSystem) {
            ManifestTarget.fail(message, help: [help])
        }
        var doomed: [String] = []
        if all || (profile == nil && !deps && !cache) {
            doomed = [target] + ecosystem.generatedDirectories(ofWorkspace: manifest, fileSystem: fileSystem)
        } else {
            if let profile {
                guard !profile.contains("/"), profile != "..", profile != "cache" else { ManifestTarget.fail("'\(profile)' is not a profile name") }
                doomed.append(Paths.join(target, profile))
            }
            if deps {
                let found = ((try? fileSystem.contentsOfDirectory(target)) ?? []).filter { $0 != "cache" }.map { Paths.join(target, $0, "deps") }
                    .filter(fileSystem.isDirectory)
                // None built: the message names what was looked for.
                doomed += found.isEmpty ? [Paths.join(target, "*/deps")] : found
            }
            if cache { doomed.append(Paths.join(target, "cache")) }
        }
        func shown(_ paths: [String]) -> String { paths.map { Paths.relative($0, ifWithin: root) }.joined(separator: ", ") }
        let lock = dryRun ? nil : locking(target, fileSystem: fileSystem)
        defer { withExtendedLifetime(lock) {} }
        var removed: [String] = []
        var removal = OutputRemoval(dryRun: dryRun)
        for d in doomed where fileSystem.linkStatus(d) != nil {
            do throws(FileSystemError) { try removal.remove(d, fileSystem: fileSystem) } catch { ManifestTarget.fail("cannot remove '\(shown([d]))': \(error)") }
            removed.append(d)
        }
        if quiet { return }
        Terminal.standardError.write(removed.isEmpty ? "     Nothing to remove (\(shown(doomed)) \(doomed.count == 1 ? "does" : "do") not exist)\n"
                                     : said(removal, what: shown(removed)))
    }

    /// `Removed 12 files, 41.6KiB total (target)`; of a dry run, as Cargo says it, `Summary …`
    /// and a warning that nothing went.
    private func said(_ removal: OutputRemoval, what: String) -> String {
        removal.dryRun ? "     Summary \(removal.summary) (\(what))\nwarning: no files deleted due to --dry-run\n"
                       : "     Removed \(removal.summary) (\(what))\n"
    }

    /// `-p NAME...`: the outputs of those packages' actions in the profile's plan, and their
    /// fingerprints; a name the plan does not build is an error with the one meant.
    private func cleanPackages() -> Never {
        var arguments = ["-q"]
        if let manifestPath { arguments += ["--manifest-path", manifestPath] }
        if let profile { arguments += ["--profile", profile] }
        if let path = targetDirectory.path { arguments += ["--target-dir", path] }
        let session = BuildSession(options: (try? BuildOptions.parse(arguments)) ?? BuildOptions())
        let prepared = session.plan(partial: true, runsTools: false, warnings: false)
        let planned = prepared.plannedPackages
        // Aria's build names targets, and has no profiles.
        let noun = prepared.buildsTargets ? "target" : "package"
        let profile = prepared.plan.usesProfile ? " in the '\(prepared.plan.profile.name)' profile" : ""
        for name in packages where !planned.contains(name) {
            let guess = Spelling.closest(to: name, in: planned).map { "; did you mean '\($0)'?" } ?? ""
            session.finish(error: "no \(noun) named '\(name)' is built\(profile)\(guess)" + (planned.isEmpty ? "" : " (the \(noun)s are: \(planned.joined(separator: ", ")))"))
        }
        let fileSystem = LocalFileSystem()
        let target = prepared.plan.targetDirectory
        let lock = dryRun ? nil : locking(target, fileSystem: fileSystem)
        var removal = OutputRemoval(dryRun: dryRun)
        let removed: [String]
        do throws(FileSystemError) {
            removed = try prepared.removeOutputs(of: Set(packages), removal: &removal)
        } catch {
            ManifestTarget.fail("cannot remove the output of \(packages.joined(separator: ", ")): \(error)")
        }
        withExtendedLifetime(lock) {}
        if !quiet {
            let whose = packages.map { "'\($0)'" }.joined(separator: ", ")
            Terminal.standardError.write(removed.isEmpty ? "     Nothing to remove (the output of \(whose) does not exist)\n"
                                         : said(removal, what: "the output of \(whose)"))
        }
        Terminal.exitNow(0)
    }

    /// The target directory's lock, when it is there: as a build does, a clean waits for a build
    /// running in that directory to end, saying so.
    private func locking(_ target: String, fileSystem: LocalFileSystem) -> BuildLock? {
        guard fileSystem.isDirectory(target) else { return nil }
        do {
            return try BuildLock(targetDirectory: target, fileSystem: fileSystem) {
                if !quiet { Terminal.standardError.write("    Blocking waiting for file lock on build directory\n") }
            }
        } catch {
            ManifestTarget.fail("\(error)")
        }
    }
}
