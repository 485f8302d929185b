import Synchronization

/// Resolves Rask imports for one workspace (a directory is a package, seed 002 and DESIGN.md).
/// The first name of `import a.b.c` is, in this order: a dep the importing package's block
/// declares (and the selected features leave in), a sub-package (a directory of the importing
/// package), or a module of the standard library. The names after it go down into
/// sub-packages while there are directories of those names; what is left names something
/// inside (`http.Request`). The files an import brings in are the `.rk` sources of the package
/// directory it reaches.
final class RaskImportResolver: ImportResolver {
    /// The modules of Rask's standard library (`stdlib/*.rk` of the compiler), and `build`,
    /// which a build script has without importing it.
    static let standardLibrary: Set<String> = [
        "async", "bits", "build", "builtins", "char", "cli", "collections", "encoding", "error_context", "fmt", "fs", "http", "io", "json",
        "math", "memory", "net", "num", "ops", "option", "os", "path", "random", "range", "reflect", "result", "sequence", "sim", "std",
        "string", "sync", "thread", "time",
    ]
    static let stdlibCategory = ImportCategory("stdlib", uncheckedNote: "Part of Rask's standard library, which comes with the compiler: not checked.")

    let cache: DirectoryCache
    let root: String
    private let rootPath: String
    /// The members and their path dependencies, by package directory.
    private let packages: LocalPackages
    /// The features of each package's block, and the platform of each dep with `target:`, by
    /// manifest path: the workspace's read once here, any other when first asked.
    private let blocks: Mutex<[String: (features: RaskFeatures, targets: [String: String])]>
    /// Where the packages rask.lock chose are, by name: a registry's version directory, or a git
    /// package's checkout in the package cache.
    private let locked: [String: String]
    /// The registry directories on this machine: `$AMPU_REGISTRY`, and those rask.lock names.
    private let registries: [String]
    /// The features other packages ask of a package with `with: [...]`, by its directory.
    private let requested: [String: [String]]

    /// The root package's features the imports are checked against.
    let selection: FeatureSelection
    /// A `--features` name the root package does not declare.
    let environmentDiagnostics: [Diagnostic]
    var libraryRoots: [String] { [] }

    init(setup: ImportResolverSetup) {
        cache = setup.directories
        root = setup.rootManifest.directory
        rootPath = setup.rootManifest.path
        packages = LocalPackages(setup, ecosystem: RaskEcosystem())
        var locked: [String: String] = [:]
        var registries: [String] = []
        if let named = SourcePackageProvider.environmentRegistry(setup.environment, root: root) { registries.append(named) }
        if let lock = try? LockFile.read(in: root, format: RaskLock.format, fileSystem: setup.fileSystem) {
            let cacheRoot = RaskLock.format.cacheRoot(environment: setup.environment)
            for p in lock.packages {
                guard let dir = p.directory(cacheRoot: cacheRoot) else { continue }
                locked[p.name] = dir
                if p.source.hasPrefix("registry+") {
                    let registry = Paths.parent(Paths.parent(dir))
                    if !registries.contains(registry) { registries.append(registry) }
                }
            }
        }
        self.locked = locked
        self.registries = registries
        selection = setup.features
        // Each block read once: its features, and what it asks of its deps' with `with:`.
        var requested: [String: [String]] = [:]
        var blocks: [String: (features: RaskFeatures, targets: [String: String])] = [:]
        for manifest in setup.packages.packages + [setup.rootManifest] where blocks[manifest.path] == nil {
            let block = RaskPackageDocument(parsing: manifest.source).package
            blocks[manifest.path] = (RaskFeatures(block), RaskEcosystem.targets(of: block))
            for dep in (block?.dependencies ?? []) + (block?.groups.flatMap(\.dependencies) ?? []) {
                guard let with = dep.property("with")?.value.list, let spec = manifest.dependency(named: dep.name.value),
                      let dir = Self.directory(of: spec, declaredIn: manifest, locked: locked, cache: setup.directories) else { continue }
                requested[dir, default: []] += with.compactMap(\.string)
            }
        }
        self.requested = requested
        environmentDiagnostics = blocks[setup.rootManifest.path]!.features.unknown(setup.features, in: setup.rootManifest)
        self.blocks = Mutex(blocks)
    }

    private func show(_ path: String) -> String { Paths.display(path, from: root) }

    // MARK: Packages

    func origin(ofFile path: String, member: PackageManifest?) -> ModuleOrigin { packages.origin(ofFile: path, member: member) }

    func packageManifest(in directory: String) -> PackageManifest? { packages.manifest(in: directory) }

    /// A path dep's directory, or where rask.lock puts a registry or git dep (when it is there).
    func directory(of dependency: DependencySpec, declaredIn manifest: PackageManifest) -> String? {
        Self.directory(of: dependency, declaredIn: manifest, locked: locked, cache: cache)
    }

    private static func directory(of dependency: DependencySpec, declaredIn manifest: PackageManifest, locked: [String: String],
                                  cache: DirectoryCache) -> String? {
        if let path = dependency.path { return Paths.join(manifest.directory, path.value) }
        if let dir = locked[LockFile.name(of: dependency)], cache.isDirectory(dir) { return dir }
        return nil
    }

    /// Every version in the registry directories (`<registry>/<name>/<version>/`).
    func availablePackages() -> [AvailablePackage] {
        var out: [AvailablePackage] = []
        for registry in registries {
            for name in cache.entries(of: registry) ?? [] {
                let dir = Paths.join(registry, name)
                for entry in cache.entries(of: dir) ?? [] {
                    guard let version = Version(entry), cache.isDirectory(Paths.join(dir, entry)) else { continue }
                    out.append(AvailablePackage(name: name, version: version, description: nil, directory: Paths.join(dir, entry)))
                }
            }
        }
        return out
    }

    /// The features of a package's block and its deps' platforms (read once per manifest).
    private func block(of manifest: PackageManifest) -> (features: RaskFeatures, targets: [String: String]) {
        if let known = blocks.withLock({ $0[manifest.path] }) { return known }
        let block = RaskPackageDocument(parsing: manifest.source).package
        let facts = (RaskFeatures(block), RaskEcosystem.targets(of: block))
        blocks.withLock { $0[manifest.path] = facts }
        return facts
    }

    // MARK: Resolution

    func resolve(_ statement: ImportStatement, inFile file: String, origin: ModuleOrigin) -> ImportOutcome {
        let names = statement.path.split(separator: ".").map(String.init)
        guard let first = names.first else { return ImportOutcome(category: nil) }
        let manifest = origin.manifestPath.flatMap { packageManifest(in: Paths.parent($0)) }
        if let manifest, let dep = manifest.dependency(named: first) {
            let (features, targets) = block(of: manifest)
            // The selection is the root package's; a dependency takes its defaults and what the
            // packages depending on it ask `with:`.
            let isRoot = manifest.path == rootPath
            let enabled = isRoot ? features.enabled(named: selection.names, defaults: selection.defaults)
                : features.enabled(named: requested[manifest.directory] ?? [])
            if !features.isIn(first, enabled: enabled) {
                let gate = features.gate(of: first) ?? []
                let turnOn = isRoot ? "turn it on with --features \(gate[0])"
                    : "ask for it where '\(manifest.displayName)' is declared: { with: [\"\(gate[0])\"] }"
                return ImportOutcome(category: .thirdParty, diagnostics: [.error(
                    "dependency '\(first)' is off: it comes only with feature \(gate.map { "'\($0)'" }.joined(separator: " or ")), which is not enabled",
                    .raskDependencyNotEnabled, at: statement.literalRange, label: "not in this build",
                    help: [turnOn + ", or mark the feature `default: true` in \(show(manifest.path))"])])
            }
            var diagnostics: [Diagnostic] = []
            if let platform = targets[first], platform != selection.platform {
                diagnostics.append(.warning(
                    "dependency '\(first)' is only for \(platform) (`target: \"\(platform)\"`), and this is checked for \(selection.platform)",
                    .raskDependencyOtherPlatform, at: statement.literalRange, label: "not on \(selection.platform)",
                    help: ["a build for \(selection.platform) does not have it: import it only where \(platform) is built, or check for \(platform) with `ampu check --target \(platform)`"]))
            }
            let reference = PackageReference(name: first, declaredIn: manifest.path, directory: directory(of: dep, declaredIn: manifest),
                                             isWholePackage: names.count == 1)
            guard let dir = reference.directory else { return ImportOutcome(category: .thirdParty, diagnostics: diagnostics, package: reference) }
            return ImportOutcome(category: .thirdParty, targets: sources(of: descend(dir, names.dropFirst())), diagnostics: diagnostics, package: reference)
        }
        let local = Paths.join(origin.boundary, first)
        if cache.isDirectory(local) {
            return ImportOutcome(category: .local, targets: sources(of: descend(local, names.dropFirst())))
        }
        if Self.standardLibrary.contains(first) { return ImportOutcome(category: Self.stdlibCategory) }
        return ImportOutcome(category: .thirdParty, diagnostics: [undeclared(first, statement: statement, manifest: manifest, origin: origin)])
    }

    /// Down into the sub-packages `names` lead to, while there are directories of those names.
    private func descend(_ directory: String, _ names: ArraySlice<String>) -> String {
        var dir = directory
        for name in names {
            let next = Paths.join(dir, name)
            guard cache.isDirectory(next) else { break }
            dir = next
        }
        return dir
    }

    /// The sources of one package directory (not those of its sub-packages), the build file left out.
    private func sources(of directory: String) -> [String] {
        (cache.entries(of: directory) ?? []).sorted()
            .filter { Paths.fileExtension($0) == "rk" && !RaskEcosystem.manifestNames.contains($0) }
            .map { Paths.join(directory, $0) }
    }

    private func undeclared(_ name: String, statement: ImportStatement, manifest: PackageManifest?, origin: ModuleOrigin) -> Diagnostic {
        let near = Spelling.closest(to: name, in: Self.standardLibrary.sorted() + (manifest?.dependencies.map(\.name.value) ?? []))
        var help = near.map { ["did you mean '\($0)'?"] } ?? []
        // The name is the import's first word, written bare (`import jsn.parse`): the fix
        // rewrites that word.
        let start = statement.literalRange.lowerBound
        let fix = near.flatMap { near -> Diagnostic.Fix? in
            guard statement.literalRange.count == statement.path.utf8.count, statement.path.hasPrefix(name) else { return nil }
            return Diagnostic.Fix(title: "Import '\(near)'", edits: [TextEdit(range: SourceRange(start, start + name.utf8.count), newText: near)])
        }
        if let manifest {
            if cache.fileSystem.exists(manifest.path) {
                help.append("declare it in the package block of \(show(manifest.path)): dep \"\(name)\" { path: \"…\" }, or make '\(name)' a directory of this package")
            } else {
                help.append("this package has no build file: add \(show(manifest.path)) with package \"\(manifest.displayName)\" \"0.1.0\" { dep \"\(name)\" { path: \"…\" } }, or make '\(name)' a directory of this package")
            }
            return .error("package '\(name)' is not declared in the package block of '\(manifest.displayName)'", .undeclaredDependency,
                          at: statement.literalRange, label: "not a dep, a sub-package or the standard library", help: help, fix: fix)
        }
        help.append("make '\(name)' a directory beside this file, or put the file in a package that declares it")
        return .error("package '\(name)' is not a sub-package or in the standard library", .undeclaredDependency,
                      at: statement.literalRange, label: "unknown package", help: help, fix: fix)
    }

    // MARK: Completion

    func candidates(forPrefix prefix: String, inFile file: String, origin: ModuleOrigin) -> [ImportCandidate] {
        let manifest = origin.manifestPath.flatMap { packageManifest(in: Paths.parent($0)) }
        guard let dot = prefix.lastIndex(of: ".") else {
            var out: [ImportCandidate] = []
            for dep in (manifest?.dependencies ?? []).sorted(by: { $0.name.value < $1.name.value }) {
                out.append(ImportCandidate(path: dep.name.value, kind: .package, category: .thirdParty, detail: dep.sourceSummary))
            }
            for name in (cache.entries(of: origin.boundary) ?? []).sorted() where !name.hasPrefix(".") && cache.isDirectory(Paths.join(origin.boundary, name)) {
                out.append(ImportCandidate(path: name, kind: .directory, category: .local, detail: "a sub-package: " + show(Paths.join(origin.boundary, name)) + "/"))
            }
            for name in Self.standardLibrary.sorted() where name != "build" {
                out.append(ImportCandidate(path: name, kind: .package, category: Self.stdlibCategory, detail: "the standard library"))
            }
            return out
        }
        let names = prefix[..<dot].split(separator: ".").map(String.init)
        guard let first = names.first else { return [] }
        let base: String
        if let manifest, let dep = manifest.dependency(named: first), let dir = directory(of: dep, declaredIn: manifest) {
            base = dir
        } else if cache.isDirectory(Paths.join(origin.boundary, first)) {
            base = Paths.join(origin.boundary, first)
        } else {
            return []
        }
        let dir = names.dropFirst().reduce(base) { Paths.join($0, $1) }
        let written = String(prefix[..<dot])
        return (cache.entries(of: dir) ?? []).sorted().filter { !$0.hasPrefix(".") && cache.isDirectory(Paths.join(dir, $0)) }.map {
            ImportCandidate(path: written + "." + $0, kind: .directory, category: .local, detail: "a sub-package: " + show(Paths.join(dir, $0)) + "/")
        }
    }
}
