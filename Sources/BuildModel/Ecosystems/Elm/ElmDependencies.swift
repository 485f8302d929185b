/// The packages an Elm project builds against, as the package cache holds them: for an
/// application the exact versions its elm.json lists (`"direct"` and `"indirect"`), for a package
/// the versions PubGrub picks for its constraints. Each release's own elm.json says what it
/// depends on and which modules it exposes. Test dependencies are left out: `elm make` does not
/// build them.
public struct ElmDependencies: Sendable {
    public struct Release: Sendable {
        public var name: String
        public var version: Version
        /// `…/packages/AUTHOR/PROJECT/VERSION`.
        public var directory: String
        /// Named by the project itself rather than needed by another package.
        public var isDirect: Bool
        /// The packages of the set it depends on, by name.
        public var dependencies: [String]
        public var exposedModules: [String]
        /// Where its modules are: `directory/src`.
        public var sourceDirectory: String { Paths.join(directory, "src") }
    }

    /// `ELM_HOME/0.19.1/packages`; nil when neither `ELM_HOME` nor `HOME` says where it is.
    public let cacheDirectory: String?
    /// Every package of the set, by name.
    public let releases: [String: Release]
    /// The packages of the set that expose each module, by module name.
    public let exposers: [String: [String]]
    /// What the cache lacks: a release not downloaded, an unreadable elm.json, no `src`.
    public let problems: [Diagnostic]
    /// The direct dependencies whose modules are not known (not downloaded, damaged, or not
    /// solvable): an import not found may be one of theirs.
    public let unknownDirect: [String]

    /// The modules every Elm module imports without saying so (elm/core's defaults).
    public static let implicitImports = ["Basics", "Char", "Debug", "List", "Maybe", "Platform", "Platform.Cmd", "Platform.Sub", "Result", "String", "Tuple"]

    public init(project: PackageManifest, environment: [String: String], fileSystem: any FileSystem) {
        let cache = ElmPackageCache.directory(environment: environment)
        cacheDirectory = cache
        var versions: [(name: String, version: Version, direct: Bool, at: DependencySpec?)] = []
        var problems: [Diagnostic] = []
        let isPackage = project.package?.name != nil
        if !isPackage {
            for dep in project.dependencies where dep.scope == .normal || dep.scope == .indirect {
                guard let version = dep.requirement?.value.versionSet.singleVersion else { continue }
                versions.append((dep.name.value, version, dep.scope == .normal, dep))
            }
        } else if let cache {
            var solver = PubGrubSolver(provider: ElmPackageCache(directory: cache, fileSystem: fileSystem, application: project),
                                       root: project.displayName, version: ElmPackageCache.rootVersion)
            let solution = (try? solver.solve()) ?? [:]
            for (name, version) in solution.sorted(by: { $0.key < $1.key }) where name != project.displayName {
                let dep = project.dependency(named: name, scope: .normal)
                versions.append((name, version, dep != nil, dep))
            }
        }
        let names = Set(versions.map(\.name))
        var releases: [String: Release] = [:]
        var exposers: [String: [String]] = [:]
        for (name, version, direct, dep) in versions {
            guard let cache else { continue }
            let directory = Paths.join(cache, name, "\(version)")
            let manifestPath = Paths.join(directory, "elm.json")
            // A release not downloaded is the application check's to report (E004), at its version.
            guard fileSystem.isDirectory(directory) else { continue }
            let at = dep.map { (project.path, $0.range) } ?? (project.path, project.package?.range ?? .at(0))
            guard let bytes = try? fileSystem.readFile(manifestPath) else {
                problems.append(.error("cannot read the elm.json of \(name) \(version) in the package cache", .brokenCachedPackage, at: at.1,
                                       label: "its release is damaged", notes: ["looked for \(manifestPath)"],
                                       help: ["delete \(directory) and run `elm make` with a network to download it again"]).inFile(at.0))
                continue
            }
            let manifest = ElmManifestReader.read(SourceText(path: manifestPath, bytes: bytes))
            if manifest.hasErrors {
                let first = manifest.diagnostics.first { $0.severity == .error }!
                problems.append(.error("the elm.json of \(name) \(version) in the package cache is not valid", .brokenCachedPackage, at: at.1,
                                       label: "its release is damaged", notes: ["\(manifestPath): \(first.message)"],
                                       help: ["delete \(directory) and run `elm make` with a network to download it again"]).inFile(at.0))
                continue
            }
            if !fileSystem.isDirectory(Paths.join(directory, "src")) {
                problems.append(.error("\(name) \(version) in the package cache has no src directory", .brokenCachedPackage, at: at.1,
                                       label: "its release is damaged", notes: ["looked for \(Paths.join(directory, "src"))"],
                                       help: ["delete \(directory) and run `elm make` with a network to download it again"]).inFile(at.0))
            }
            let exposed = manifest.exposedModules.map(\.value)
            for module in exposed { exposers[module, default: []].append(name) }
            releases[name] = Release(name: name, version: version, directory: directory, isDirect: direct,
                                     dependencies: manifest.dependencies.filter { $0.scope == .normal && names.contains($0.name.value) }.map(\.name.value).sorted(),
                                     exposedModules: exposed)
        }
        self.releases = releases
        unknownDirect = project.dependencies.filter { $0.scope == .normal && releases[$0.name.value] == nil }.map(\.name.value).sorted()
        self.exposers = exposers.mapValues { $0.sorted() }
        self.problems = problems
    }

    /// The direct dependencies that expose `module`.
    public func directExposers(of module: String) -> [Release] {
        (exposers[module] ?? []).compactMap { releases[$0] }.filter(\.isDirect)
    }

    /// The packages in the order they are built, each after the ones it depends on (by name
    /// where the order leaves a choice).
    public var buildOrder: [Release] {
        let sorted = releases.values.sorted { $0.name < $1.name }
        let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.name, $0) })
        var graph = Digraph(nodeCount: sorted.count)
        for (i, release) in sorted.enumerated() {
            graph.setSuccessors(of: i, release.dependencies.compactMap { index[$0] })
        }
        return (graph.dependencyOrder() ?? Array(0..<sorted.count)).map { sorted[$0] }
    }
}
