/// Seed 001's build plan of an Elm project for some entry files: the packages in build order,
/// the local modules the entries reach in build order and in parallel levels, the foreign
/// modules they use, what the last `elm make` left usable (`--use-cached`), and every problem
/// found on the way, located. Made from a loaded workspace: the modules, their imports and the
/// problems are the ones `ampu check` and the server see.
public struct ElmBuildPlan: Sendable {
    public struct Package: Sendable, Hashable {
        public var name: String
        public var version: Version
        /// The release's `src` directory.
        public var path: String
        public var deps: [String]
        /// Its `artifacts.dat` holds a build against these versions.
        public var cached: Bool
    }

    public struct Module: Sendable, Hashable {
        public var name: String
        public var path: String
        /// The local modules it imports.
        public var deps: [String]
        public var hasMain: Bool
        public var cached: Bool
        /// The source directory it is under, as elm.json writes it.
        public var sourceDirectory: String
    }

    public struct Batch: Sendable, Hashable {
        public var level: Int
        public var modules: [String]
    }

    public struct Problem: Sendable {
        /// The module whose file it is in; nil for elm.json and the package cache.
        public var module: String?
        public var diagnostic: Diagnostic
    }

    public var root: String
    public var sourceDirectories: [String]
    public var useCached: Bool
    /// The entry files as given, and their modules.
    public var entries: [String]
    public var roots: [String]
    public var foreignModules: [(name: String, package: String)]
    public var packageBuildOrder: [Package]
    public var buildOrder: [Module]
    public var parallelBatches: [Batch]
    public var problems: [Problem]
    /// The texts of the files problems are in, for their lines and columns.
    var sources: [String: SourceText]

    public var modulesToBuild: Int { buildOrder.count { !$0.cached } }
    /// Problems that stop a build (warnings do not).
    public var hasErrors: Bool { problems.contains { $0.diagnostic.severity == .error } }

    /// The entry modules of a project when none are named: every module with a top-level `main`.
    public static func defaultEntries(_ snapshot: WorkspaceSnapshot) -> [String] {
        snapshot.memberModules.filter(\.definesEntryPoint).map(\.path).sorted()
    }

    /// - Parameters:
    ///   - entries: the entry files (absolute).
    ///   - useCached: mark the modules the last `elm make` compiled and that have not changed.
    public init(_ snapshot: WorkspaceSnapshot, entries: [String], useCached: Bool, fileSystem: any FileSystem) {
        let manifest = snapshot.rootManifest
        let root = manifest.directory
        self.root = root
        let sourceDirectories = manifest.package?.name != nil ? ["src"] : manifest.sourceDirectories.map(\.value)
        self.sourceDirectories = sourceDirectories
        self.useCached = useCached
        self.entries = entries
        sources = snapshot.sources
        let resolver = snapshot.resolver as? ElmImportResolver
        let directories = resolver?.sourceDirectories ?? ElmEcosystem.sourceDirectories(of: manifest)
        func derivedName(_ path: String) -> String? {
            directories.first { Paths.isWithin(path, $0) }.flatMap { ElmSourceScanner.moduleName(ofFile: path, sourceDirectory: $0) }
        }
        var problems = snapshot.diagnostics.filter { $0.file == nil || $0.file == manifest.path }.map { Problem(module: nil, diagnostic: $0) }

        // The entries, then every local module they reach.
        var roots: [String] = []
        var reached: [String] = []
        var seen: Set<String> = []
        for entry in entries {
            let shown = Paths.display(entry, from: root)
            guard let module = snapshot.modules[entry], let name = derivedName(entry) else {
                let why = !fileSystem.exists(entry) ? "entry file \(shown) not found"
                    : !entry.hasSuffix(".elm") ? "entry file \(shown) is not an Elm module"
                    : "entry file \(shown) is not under a source directory"
                let help = !fileSystem.exists(entry) ? "give the path of a .elm file, relative to the current directory"
                    : "move it under one of \"source-directories\" (\(sourceDirectories.joined(separator: ", "))), or add its directory there"
                problems.append(Problem(module: nil, diagnostic: Diagnostic(severity: .error, code: DiagnosticCode.badEntryFile.rawValue, message: why,
                                                                            file: entry, range: .at(0), help: [help])))
                continue
            }
            if module.declaration == nil, module.diagnostics.contains(where: { $0.severity == .error }) {
                problems.append(Problem(module: name, diagnostic: Diagnostic(
                    severity: .error, code: DiagnosticCode.badEntryFile.rawValue, message: "entry file \(shown) cannot be read: it has no module declaration",
                    file: entry, range: .at(0), help: ["start it with `module \(name) exposing (main)`"])))
            }
            roots.append(name)
            if seen.insert(entry).inserted { reached.append(entry) }
        }
        var next = 0
        while next < reached.count {
            for resolved in snapshot.modules[reached[next]]?.imports ?? [] where resolved.outcome.category == .local {
                for target in resolved.outcome.targets where snapshot.modules[target] != nil && seen.insert(target).inserted { reached.append(target) }
            }
            next += 1
        }
        self.roots = roots

        // The module graph, by name (each name worked out once).
        let named = reached.map { (path: $0, name: derivedName($0) ?? Paths.stem($0)) }.sorted { $0.name < $1.name }
        let paths = named.map(\.path)
        let names = Dictionary(named.map { ($0.path, $0.name) }) { a, _ in a }
        func moduleName(_ path: String) -> String? { names[path] ?? derivedName(path) }
        let index = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })
        var graph = Digraph(nodeCount: paths.count)
        var foreign: [String: String] = [:]
        for (i, path) in paths.enumerated() {
            let module = snapshot.modules[path]!
            var deps: [Int] = []
            for resolved in module.imports {
                if resolved.outcome.category == .local {
                    for target in resolved.outcome.targets { if let j = index[target], !deps.contains(j) { deps.append(j) } }
                } else if let package = resolved.outcome.package, resolved.outcome.diagnostics.isEmpty, module.problem(of: resolved) == nil {
                    foreign[resolved.statement.path] = package.name
                }
            }
            graph.setSuccessors(of: i, deps.sorted())
            problems += module.diagnostics.map { Problem(module: moduleName(path), diagnostic: $0) }
        }
        let reachedSet = Set(paths)
        for cycle in ImportCycles.diagnostics(in: snapshot) where cycle.file.map(reachedSet.contains) ?? false {
            problems.append(Problem(module: cycle.file.flatMap(moduleName), diagnostic: cycle))
        }
        self.problems = problems

        // Packages, and elm/core's modules every module imports without saying so.
        let dependencies = resolver?.dependencies
        packageBuildOrder = (dependencies?.buildOrder ?? []).map { release in
            Package(name: release.name, version: release.version, path: release.sourceDirectory, deps: release.dependencies,
                    cached: dependencies.map { ElmArtifactCache.isBuilt(release, in: $0, fileSystem: fileSystem) } ?? false)
        }
        if !paths.isEmpty, let dependencies {
            for name in ElmDependencies.implicitImports {
                if let release = dependencies.directExposers(of: name).first, foreign[name] == nil { foreign[name] = release.name }
            }
        }
        foreignModules = foreign.sorted { $0.key < $1.key }.map { (name: $0.key, package: $0.value) }

        // Order, levels, and what the last build left.
        let order = graph.dependencyOrder() ?? graph.stronglyConnectedComponents().flatMap { $0 }
        let levels = graph.levels()
        let details = useCached ? ElmBuildDetails.read(ElmBuildDetails.path(in: root), fileSystem: fileSystem) : nil
        let outlineCurrent = details.map { d in fileSystem.status(manifest.path).map { UInt128($0.modificationTime) * 1000 == d.outlineTime } ?? false } ?? false
        var writtenDirectory: [String: String] = [:]
        for dir in manifest.sourceDirectories.reversed() { writtenDirectory[Paths.normalize(Paths.join(root, dir.value))] = dir.value }
        // The files' times at once (statted a directory at a time), and the interfaces elm wrote.
        let statuses = outlineCurrent ? fileSystem.statuses(pathBytes: ArraySlice(paths.map { ArraySlice($0.utf8) })) : []
        let interfaces = outlineCurrent ? Set((try? fileSystem.contentsOfDirectory(Paths.join(root, "elm-stuff", "0.19.1"))) ?? []) : []
        var cached = [Bool](repeating: false, count: paths.count)
        var modules: [Module] = []
        for i in order {
            let path = paths[i]
            let name = moduleName(path) ?? Paths.stem(path)
            if outlineCurrent, let details, let recorded = details.locals[name], recorded.path == path,
               let status = statuses[i], UInt128(status.modificationTime) * 1000 == recorded.time,
               interfaces.contains(String(name.map { $0 == "." ? "-" : $0 }) + ".elmi") {
                let depsNow = Set(graph.successors[i].map { moduleName(paths[$0]) ?? "" })
                let depsThen = Set(recorded.imports.filter { details.locals[$0] != nil })
                cached[i] = depsNow == depsThen && graph.successors[i].allSatisfy { j in
                    cached[j] && (details.locals[moduleName(paths[j]) ?? ""]?.lastChange ?? .max) <= recorded.lastCompile
                }
            }
            let written = directories.first { Paths.isWithin(path, $0) }.flatMap { writtenDirectory[$0] } ?? "src"
            modules.append(Module(name: name, path: path, deps: graph.successors[i].map { moduleName(paths[$0]) ?? "" }, hasMain: snapshot.modules[path]!.definesEntryPoint,
                                  cached: cached[i], sourceDirectory: written))
        }
        buildOrder = modules
        var batches: [Batch] = []
        for i in order {
            let level = levels[i]
            while batches.count <= level { batches.append(Batch(level: batches.count, modules: [])) }
            batches[level].modules.append(moduleName(paths[i]) ?? "")
        }
        parallelBatches = batches.map { Batch(level: $0.level, modules: $0.modules.sorted()) }
    }
}
