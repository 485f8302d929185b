import BuildModel

/// The root manifest and its lock file, for the commands that read what `ampu update` chose.
enum LockedWorkspace {
    /// What a name not locked is told: the names that are, or that there are none.
    static func lockedNames(_ lock: LockFile) -> String {
        lock.packages.isEmpty ? "no package is locked: the root has no dependencies"
            : "the packages \(lock.format.fileName) records are: " + lock.packages.map(\.name).joined(separator: ", ")
    }

    /// Stops on a name the lock does not record: the locked name spelt like it (`jsno` for the
    /// key of `github.com/user/json`, `github.com/usr/json` for it whole), or the one locked
    /// name it is the last part of (`json`, where the manifest's key is `github.com/user/json`),
    /// and the names there are.
    static func notLocked(_ name: String, in lock: LockFile) -> Never {
        let names = lock.packages.map(\.name)
        let ending = names.filter { $0.hasSuffix("/" + name) }
        let guess = ending.count == 1 ? ending[0] : Spelling.closestName(to: name, in: names)
        ManifestTarget.fail("'\(name)' is not in \(lock.format.fileName)", help: (guess.map { ["did you mean '\($0)'?"] } ?? []) + [lockedNames(lock)])
    }

    /// The locked graph, and the manifest it is rooted at; the root's dependencies those a
    /// build with these features for their platform takes. At a workspace root, the graph
    /// starts from the root package (when it is one) and from each member (all from the one lock).
    /// - Parameter drawing: for a command that only draws the graph (`tree`, `why`, `graph`): a
    ///   language with no lock file whose manifest says the versions (Elm) is drawn from that.
    static func load(_ manifestPath: String?, features: FeatureSelection = .standard, drawing: Bool = false) -> (tree: DependencyTree, manifest: String) {
        let fileSystem = LocalFileSystem()
        // The tree of the nearest package, from the lock of the workspace holding it.
        let (manifest, rootPath, ecosystem, root, members) = ManifestTarget.loadWorkspace(manifestPath, fileSystem: fileSystem)
        guard let format = ecosystem.lockFormat else {
            if drawing, let resolved = ecosystem as? any ResolvesWithoutLock {
                return (resolved.dependencyTree(of: manifest, environment: Environment.current, fileSystem: fileSystem), manifest.path)
            }
            ManifestTarget.fail("\(ecosystem.name) has no lock file: \(ecosystem.withoutLockFile)")
        }
        do {
            // A package with no dependencies has nothing to lock: its tree is itself.
            let unlocked = ([manifest] + members).allSatisfy(\.dependencies.isEmpty) ? LockFile(packages: [], format: format) : nil
            guard let lock = try LockFile.read(in: Paths.parent(rootPath), format: format, fileSystem: fileSystem) ?? unlocked
                    ?? directoriesOnly(root: root, members: members, ecosystem: ecosystem) else {
                ManifestTarget.fail("there is no \(format.fileName) beside \(Paths.relative(rootPath, from: fileSystem.currentDirectory))",
                                    help: ["run `ampu update` to resolve the dependencies and write it"])
            }
            // At the workspace root: the root (when it is a package) and every member.
            let atRoot = manifest.path == rootPath ? (manifest.package != nil ? [manifest] : []) + members.filter { $0.path != manifest.path } : []
            let roots = atRoot.isEmpty ? [manifest] : atRoot
            return (DependencyTree(roots: roots.map { ($0, selected(of: $0, ecosystem: ecosystem, features: features)) }, lock: lock), manifest.path)
        } catch {
            ManifestTarget.fail("\(error)")
        }
    }

    /// What the lock of a workspace whose dependencies are all directories would record, solved
    /// here and not written (a build writes none for it either); nil when a dependency comes
    /// from elsewhere, or the solve fails: then `ampu update` is the way.
    private static func directoriesOnly(root: PackageManifest, members: [PackageManifest], ecosystem: any Ecosystem) -> LockFile? {
        let all = [root] + members
        guard all.allSatisfy({ $0.dependencies.allSatisfy { if case .path = $0.source { true } else { false } } }),
              let cacheRoot = ecosystem.lockFormat?.cacheRoot(environment: Environment.current) else { return nil }
        let cache = GitCache(root: cacheRoot, git: GitCLI(environment: Environment.current))
        guard let outcome = try? LockUpdate.resolve(root, members: members.filter { $0.path != root.path }, ecosystem: ecosystem, cache: cache,
                                                    previous: nil, offline: true),
              outcome.lock.packages.allSatisfy({ $0.source.hasPrefix("path+") }) else { return nil }
        return outcome.lock
    }

    /// The dependencies of a manifest the features select (an error in that selection ends
    /// the command).
    private static func selected(of manifest: PackageManifest, ecosystem: any Ecosystem, features: FeatureSelection) -> [DependencySpec] {
        let selected = ecosystem.selectedDependencies(of: manifest, features: features, platform: features.platform)
        if !selected.problems.isEmpty {
            let renderer = DiagnosticRenderer(format: .human, colors: Terminal.standardError.supportsColor, root: manifest.directory)
            Terminal.standardError.write(renderer.render(selected.problems, sources: [manifest.path: manifest.source], defaultFile: manifest.path))
            Terminal.exitNow(1)
        }
        return selected.dependencies
    }
}

/// For an ecosystem with no lock file (Aria, Oats): the build's units and what each needs,
/// from its plan; nil when the ecosystem has a lock file.
enum BuildUnits {
    static func load(_ manifestPath: String?) -> BuildUnitGraph? {
        let fileSystem = LocalFileSystem()
        let (path, ecosystem, _) = ManifestTarget.load(manifestPath, fileSystem: fileSystem)
        guard ecosystem.lockFileName == nil, !(ecosystem is any WholeProgramBuilding) else { return nil }
        guard let options = try? BuildOptions.parse(["--manifest-path", path]) else { return nil }
        return BuildUnitGraph(BuildSession(options: options).plan(partial: true, runsTools: false).plan)
    }
}

/// `ampu tree`: the locked dependencies as a tree.
struct TreeCommand: ParsableCommand {
    /// `ampu deps [--tree]` is the seed's spelling of it.
    static let configuration = CommandConfiguration(commandName: "tree", abstract: "Show the locked dependencies as a tree (without a lock file: the build's targets).",
                                                    aliases: ["deps"])

    @Flag(name: .customLong("tree"), help: ArgumentHelp("Accepted for `ampu deps --tree`, the specification's spelling; the output is the tree either way.", visibility: .hidden))
    var treeSpelling = false

    @Option(name: .customLong("depth"), help: "Show this many levels below the root.")
    var depth: Int?

    @Option(name: .customLong("invert"), help: "Show what depends on this package instead (as the lock file names it, or by its key in the manifest).")
    var invert: String?

    @Flag(name: .customLong("duplicates"), help: "Show only packages locked under more than one name from one source, and what depends on each.")
    var duplicates = false

    @OptionGroup var features: FeatureOptions

    @Option(name: .customLong("target"), help: "The platform whose dependencies to show: linux, macos or windows (default: this one).")
    var target: String?

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    func run() throws {
        if let units = BuildUnits.load(manifestPath) {
            Terminal.standardOutput.write(units.tree())
            return
        }
        let tree = LockedWorkspace.load(manifestPath, features: features.selection(target: target), drawing: true).tree
        if let invert, tree.package(named: invert) == nil { LockedWorkspace.notLocked(invert, in: tree.lock) }
        if duplicates {
            let text = tree.renderDuplicates()
            if text.isEmpty { Terminal.standardError.write("No source is locked under more than one name.\n") }
            Terminal.standardOutput.write(text)
            return
        }
        Terminal.standardOutput.write(tree.render(depth: depth, invert: invert))
    }
}

/// `ampu why PKG`: every path by which the root comes to depend on a package.
struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "why", abstract: "Show every path from the root to a dependency.")

    @Argument(name: "package", help: "The package, as the lock file names it or by its key in the manifest.")
    var package: String

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    func run() throws {
        let tree = LockedWorkspace.load(manifestPath, drawing: true).tree
        if tree.package(named: package) == nil { LockedWorkspace.notLocked(package, in: tree.lock) }
        guard let text = tree.why(package) else {
            ManifestTarget.fail("nothing depends on '\(package)'", help: [LockedWorkspace.lockedNames(tree.lock)])
        }
        Terminal.standardOutput.write(text)
    }
}

/// `ampu fetch`: the locked packages put in the cache (and checked against their checksums).
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch every package the lock file names into the cache, and check their files.",
        discussion: "A cached package whose files no longer match the lock's checksum is an error that says how to recover."
    )

    @Flag(name: .customLong("offline"), help: "Use only the cache: fail when a package is missing.")
    var offline = false

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    func run() throws {
        let tree = LockedWorkspace.load(manifestPath).tree
        let environment = Environment.current
        guard let root = tree.lock.format.cacheRoot(environment: environment) else { ManifestTarget.fail(tree.lock.format.noCacheMessage) }
        let progress = ProgressLine()
        do {
            let fetched = try LockFetch.fetch(tree.lock, cache: GitCache(root: root, git: GitCLI(environment: environment)), offline: offline,
                                              progress: progress.report)
            progress.finish()
            for name in fetched { Terminal.standardError.write("   Fetched \(name) v\(tree.lock.package(named: name)!.version)\n") }
            let n = tree.lock.packages.count
            Terminal.standardError.write("\(n) package\(n == 1 ? "" : "s") in the cache, as \(tree.lock.format.fileName) records \(n == 1 ? "it" : "them")\n")
        } catch {
            progress.finish()
            ManifestTarget.fail("\(error)")
        }
    }
}

/// `ampu graph`: the locked dependency graph for other tools: Graphviz or JSON.
struct GraphCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, json }

    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Write the locked dependency graph as Graphviz dot or JSON (without a lock file: the build's targets, as dot).")

    @Option(name: .customLong("format"), help: "dot or json.")
    var format: Format = .dot

    @Option(name: .customLong("output"), help: "Write it to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    func run() throws {
        let text: String
        if let units = BuildUnits.load(manifestPath) {
            guard format == .dot else { ManifestTarget.fail("the build graph is written as dot only; leave out --format json") }
            text = units.dot
        } else {
            let tree = LockedWorkspace.load(manifestPath, drawing: true).tree
            switch format {
            case .dot: text = tree.dot
            case .json:
                do { text = String(decoding: try JSON.serialize(tree.json, pretty: true), as: UTF8.self) + "\n" } catch { ManifestTarget.fail("\(error)") }
            }
        }
        if let output {
            // As compile-commands and gen ninja say what they wrote, and where they could not.
            let path = LocalFileSystem().absolute(output)
            do { try LocalFileSystem().writeFile(path, text) } catch { ManifestTarget.fail("cannot write '\(path)': \(error)") }
            Terminal.standardError.write("       Wrote \(output)\n")
        } else {
            Terminal.standardOutput.write(text)
        }
    }
}

/// `ampu list`: what the package caches hold (each ecosystem with a lock file has its own).
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the packages in the cache, with their versions and commits.")

    func run() throws {
        let environment = Environment.current
        let fileSystem = LocalFileSystem()
        let formats = EcosystemRegistry.standard.ecosystems.compactMap(\.lockFormat)
        var roots: [String] = []
        for root in formats.compactMap({ $0.cacheRoot(environment: environment) }) where !roots.contains(root) { roots.append(root) }
        guard let first = roots.first else { ManifestTarget.fail(formats[0].noCacheMessage) }
        // The caches there are; the first, empty, when there is none.
        let present = roots.filter(fileSystem.isDirectory)
        for root in present.isEmpty ? [first] : present {
            let entries = GitCache(root: root, git: GitCLI(environment: environment)).entries()
            for entry in entries {
                // The first ecosystem whose manifest the checkout has, read once.
                let manifest = EcosystemRegistry.standard.ecosystems.lazy.compactMap { $0.loadManifest(in: entry.directory, fileSystem: fileSystem) }.first
                let version = manifest?.package?.version?.value
                Terminal.standardOutput.write("\(entry.location)\(version.map { " v\($0)" } ?? "") (\(entry.commit.prefix(12)))\n")
            }
            Terminal.standardError.write("\(entries.count) package\(entries.count == 1 ? "" : "s") in \(root)\n")
        }
    }
}
