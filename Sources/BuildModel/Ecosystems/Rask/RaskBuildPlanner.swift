/// A Rask workspace as build actions, in the seed's lifecycle (002, "Build Lifecycle"), for
/// each package after the packages it needs:
/// 1. the package block is read and 2. its deps resolved: the workspace load did both;
/// 3. its `scope "build"` deps are compiled like any package, before the build script;
/// 4. when its build file defines `func build`, the build script is compiled
///    (`rask compile rask.build -o target/<profile>/build/<name>/build-script [--dep N=DIR]…`)
/// 5. and run (`RaskBuildScript` says how), writing generated sources to `.rk-gen/`;
/// 6. the package is compiled with them (`rask compile DIR --emit lib|obj -o OUT --depfile OUT.d`,
///    the depfile naming every file it read): a library
///    to `target/<profile>/deps/lib<name>.a`, the root package, when it has `func main`, to
///    `target/<profile>/obj/<name>.o`;
/// 7. which `cc` links with every library into `target/<profile>/<name>`.
/// A workspace package with tests (`test "…" { }`, `@test`) is compiled once more with
/// `--emit test` and its dev deps, and linked into `target/<profile>/tests/<name>`, which
/// `ampu test` runs.
struct RaskBuildPlanner {
    let request: BuildRequest
    var plan: BuildPlan
    let compiler: String
    /// The load's directory listings (what a kept plan is checked against), else fresh ones.
    let directories: DirectoryCache

    var snapshot: WorkspaceSnapshot { request.snapshot }
    var fileSystem: any FileSystem { request.fileSystem }

    static func plan(_ request: BuildRequest) -> BuildPlan {
        var plan = request.emptyPlan()
        guard let compiler = request.compiler("the Rask compiler", variable: "RASK", defaultName: "rask",
                                              install: "install rask and put its directory on PATH", missingIn: &plan) else { return plan }
        var planner = RaskBuildPlanner(request: request, plan: plan, compiler: compiler,
                                       directories: request.snapshot.directories ?? DirectoryCache(fileSystem: request.fileSystem))
        planner.run()
        return planner.plan
    }

    /// A package to build: its manifest, the features it is built with, and the packages it
    /// needs (its own deps, and those of its build script).
    struct Unit {
        var manifest: PackageManifest
        /// Its package block, read once.
        var block: RaskPackageDocument.Package?
        var hasBuildScript: Bool
        var features: Set<String> = []
        var dependencies: [(name: String, unit: Int)] = []
        var buildDependencies: [(name: String, unit: Int)] = []
        /// A workspace package's `scope "dev"` deps: its tests link them.
        var devDependencies: [(name: String, unit: Int)] = []
    }

    /// What a package's compile makes: a library, a program's object, or its tests' object.
    enum Emit: String {
        case lib, obj, test
    }

    private mutating func run() {
        let units = collect()
        let graph = {
            var g = Digraph(nodeCount: units.count)
            for (i, u) in units.enumerated() { g.setSuccessors(of: i, (u.dependencies + u.buildDependencies + u.devDependencies).map(\.unit)) }
            return g
        }()
        guard let order = graph.dependencyOrder() else { return }  // a cycle of path deps is reported by check (M018)
        var library: [Int: (path: String, action: Int)] = [:]
        let members = Set(snapshot.members.map(\.directory))
        for index in order {
            let unit = units[index]
            let own = sources(of: unit.manifest)
            let generated = generatedSources(of: unit.manifest)
            // A workspace's root with no sources of its own (`members` only) builds nothing.
            if own.isEmpty && !unit.hasBuildScript && generated.isEmpty { continue }
            var script: (action: Int, depfile: String)?
            let member = members.contains(unit.manifest.directory)
            if unit.hasBuildScript {
                let made = buildScript(unit, units: units, libraries: library)
                script = (made.ran, made.depfile)
                // The build file's own tests, as the seed runs them: `rask test rask.build`.
                if member && hasTests(unit.manifest.path) {
                    plan.tests.append(BuildPlan.Product(name: "build-script", package: unit.manifest.displayName, path: unit.manifest.path,
                                                        action: made.compiled, runner: [compiler, "test"]))
                }
            }
            let program = member && own.contains { snapshot.modules[$0]?.definesEntryPoint == true }
            let files = (own: own, generated: generated)
            let made = compile(unit, program ? .obj : .lib, files: files, units: units, libraries: library, script: script)
            if program {
                link(unit, object: made, libraries: needed(by: index, units: units, order: order, tests: false).reversed().compactMap { library[$0] }, tests: false)
            } else {
                library[index] = made
            }
            // A workspace package whose sources hold `test "…"` blocks or `@test` functions.
            if member && own.contains(where: hasTests) {
                let object = compile(unit, .test, files: files, units: units, libraries: library, script: script)
                link(unit, object: object, libraries: needed(by: index, units: units, order: order, tests: true).reversed().compactMap { library[$0] }, tests: true)
            }
        }
    }

    /// The packages a program links: those its deps reach (and, for its tests, its dev deps;
    /// not its build script's), in `order`.
    private func needed(by unit: Int, units: [Unit], order: [Int], tests: Bool) -> [Int] {
        var reached = Set<Int>()
        var pending = (units[unit].dependencies + (tests ? units[unit].devDependencies : [])).map(\.unit)
        while let next = pending.popLast() {
            if reached.insert(next).inserted { pending += units[next].dependencies.map(\.unit) }
        }
        return order.filter(reached.contains)
    }

    /// The workspace's packages (the root first) and every package their selected deps reach
    /// (build deps too; dev deps are for tests), each with its features: the root's as the
    /// command line says, another's defaults plus what its dependents ask with `with: […]`.
    private func collect() -> [Unit] {
        func unit(_ manifest: PackageManifest) -> Unit {
            let document = RaskPackageDocument(parsing: manifest.source)
            return Unit(manifest: manifest, block: document.package, hasBuildScript: document.buildFunction != nil)
        }
        let root = snapshot.rootManifest
        var units = [unit(root)]
        var index = [root.directory: 0]
        for member in snapshot.members where index[member.directory] == nil {
            index[member.directory] = units.count
            units.append(unit(member))
        }
        var asked: [String: Set<String>] = [:]
        let memberCount = units.count
        var next = 0
        while next < units.count {
            let manifest = units[next].manifest
            let selection = next == 0 ? request.overrides.features : FeatureSelection.standard
            let block = units[next].block
            let entries = (block?.dependencies ?? []) + (block?.groups.flatMap(\.dependencies) ?? [])
            for dep in snapshot.ecosystem.selectedDependencies(of: manifest, features: selection, platform: HostPlatform.name).dependencies
                where dep.scope != .dev || next < memberCount {
                guard let directory = snapshot.resolver.directory(of: dep, declaredIn: manifest),
                      let other = snapshot.packages.packages.first(where: { $0.directory == directory })
                        ?? snapshot.ecosystem.loadManifest(in: directory, fileSystem: fileSystem) else { continue }
                let with = entries.first { $0.name.value == dep.name.value }?.property("with")?.value.list?.compactMap(\.string) ?? []
                asked[directory, default: []].formUnion(with)
                let target: Int
                if let known = index[directory] {
                    target = known
                } else {
                    target = units.count
                    index[directory] = target
                    units.append(unit(other))
                }
                switch dep.scope {
                case .build: units[next].buildDependencies.append((dep.name.value, target))
                case .dev: units[next].devDependencies.append((dep.name.value, target))
                default: units[next].dependencies.append((dep.name.value, target))
                }
            }
            next += 1
        }
        for i in units.indices {
            let selection = i == 0 ? request.overrides.features : .standard
            let asking = asked[units[i].manifest.directory] ?? []
            units[i].features = RaskFeatures(units[i].block).enabled(named: selection.names + asking.sorted(), defaults: selection.defaults)
        }
        return units
    }

    /// `target/<profile>/build/<name>/`: the build script's binary, its depfile and `out_dir`.
    private func scriptDirectory(_ unit: Unit) -> String {
        Paths.join(plan.profileDirectory, "build", unit.manifest.displayName)
    }

    /// Steps 4 and 5: the build script compiled, then run.
    private mutating func buildScript(_ unit: Unit, units: [Unit], libraries: [Int: (path: String, action: Int)]) -> (compiled: Int, ran: Int, depfile: String) {
        let manifest = unit.manifest
        let name = manifest.displayName
        let directory = scriptDirectory(unit)
        let binary = Paths.join(directory, "build-script")
        var arguments = [compiler, "compile", plan.display(manifest.path), "-o", plan.display(binary)]
        for (dep, i) in unit.buildDependencies { arguments += ["--dep", "\(dep)=\(plan.display(units[i].manifest.directory))"] }
        let compiled = plan.add(BuildAction(
            kind: .compile, package: name, description: "Compiling \(name) (build script)", arguments: arguments, directory: plan.root,
            inputs: [manifest.path] + unit.buildDependencies.compactMap { libraries[$0.unit]?.path }, outputs: [binary],
            compiledFiles: [manifest.path], dependencies: unit.buildDependencies.compactMap { libraries[$0.unit]?.action }))
        let script = RaskBuildScript(manifest: manifest, block: unit.block, profile: plan.profile, features: unit.features, outputDirectory: Paths.join(directory, "out"),
                                     depfile: Paths.join(directory, "build-script.d"))
        let ran = plan.add(BuildAction(
            kind: .buildScript, package: name, description: "Running \(name) (build script)", arguments: [binary], environment: script.environment,
            directory: manifest.directory, inputs: [manifest.path, binary], outputs: [script.depfile], depfile: script.depfile,
            dependencies: [compiled], limit: script.limit, memoryLimit: script.memoryLimit))
        return (compiled, ran, script.depfile)
    }

    /// Step 6: the package's sources, generated ones included, compiled after its deps and its
    /// build script.
    private mutating func compile(_ unit: Unit, _ emit: Emit, files: (own: [String], generated: [String]), units: [Unit],
                                  libraries: [Int: (path: String, action: Int)], script: (action: Int, depfile: String)?) -> (path: String, action: Int) {
        let manifest = unit.manifest
        let name = manifest.displayName
        let output = switch emit {
        case .lib: Paths.join(plan.profileDirectory, "deps", "lib\(name).a")
        case .obj: Paths.join(plan.profileDirectory, "obj", "\(name).o")
        case .test: Paths.join(plan.profileDirectory, "obj", "\(name)-tests.o")
        }
        let deps = unit.dependencies + (emit == .test ? unit.devDependencies : [])
        // The compiler says in a depfile every file it read, generated ones included: a build
        // script's next run that changes one compiles the package again.
        let depfile = output + ".d"
        var arguments = [compiler, "compile", plan.display(manifest.directory), "--emit", emit.rawValue, "-o", plan.display(output),
                         "--depfile", plan.display(depfile)]
        for (dep, i) in deps { arguments += ["--dep", "\(dep)=\(plan.display(units[i].manifest.directory))"] }
        if !unit.features.isEmpty { arguments += ["--features", unit.features.sorted().joined(separator: ",")] }
        arguments.append("-O\(plan.profile.optimization)")
        if plan.profile.debugInfo { arguments.append("-g") }
        let (own, generated) = files
        var inputs = own + generated + deps.compactMap { libraries[$0.unit]?.path }
        var after = deps.compactMap { libraries[$0.unit]?.action }
        // The build script's depfile names the files it generated: a new one changes it.
        if let script {
            inputs.append(script.depfile)
            after.append(script.action)
        }
        let id = plan.add(BuildAction(
            kind: .compile, package: name, description: "Compiling \(name)\(emit == .test ? " (tests)" : "")", arguments: arguments, directory: plan.root,
            inputs: inputs.sorted(), outputs: [output], depfile: depfile, compiledFiles: own + generated, dependencies: after))
        return (output, id)
    }

    /// Step 7: the program linked by `cc` (`$CC`) with the libraries, dependents before what
    /// they depend on.
    private mutating func link(_ unit: Unit, object: (path: String, action: Int), libraries: [(path: String, action: Int)], tests: Bool) {
        let name = unit.manifest.displayName
        let output = tests ? Paths.join(plan.profileDirectory, "tests", name) : Paths.join(plan.profileDirectory, name)
        let linker = NativeCompilation.compiler(environment: request.environment)
        var arguments = [linker, "-o", plan.display(output), plan.display(object.path)] + libraries.map { plan.display($0.path) }
        if plan.profile.debugInfo { arguments.append("-g") }
        let id = plan.add(BuildAction(
            kind: .link, package: name, description: "Linking \(name)\(tests ? " (tests)" : "")", arguments: arguments, directory: plan.root,
            inputs: [object.path] + libraries.map(\.path), outputs: [output], dependencies: [object.action] + libraries.map(\.action)))
        let product = BuildPlan.Product(name: name, package: name, path: output, action: id)
        if tests { plan.tests.append(product) } else { plan.programs.append(product) }
    }

    /// The package's own `.rk` files: under its directory, not in a package inside it, not
    /// the build file.
    private func sources(of manifest: PackageManifest) -> [String] {
        let walker = SourceWalker(ecosystem: snapshot.ecosystem, package: manifest, cache: directories, excluded: [])
        return walker.walk(manifest.directory).files.filter { snapshot.ecosystem.isSource($0, of: manifest) }.sorted()
    }

    /// Whether a source holds tests, as its scan found; the build file, read by the same rule.
    private func hasTests(_ path: String) -> Bool {
        if let module = snapshot.modules[path] { return module.holdsTests }
        guard let source = snapshot.sources[path] ?? (try? fileSystem.readText(path)) else { return false }
        return RaskSourceScanner.holdsTests(source)
    }

    /// What an earlier run of the build script left in `.rk-gen/`. The listing is the load's:
    /// a kept plan is made again when the script writes a new file there.
    private func generatedSources(of manifest: PackageManifest) -> [String] {
        let directory = Paths.join(manifest.directory, RaskBuildScript.generatedDirectory)
        return (directories.entries(of: directory) ?? []).filter { Paths.fileExtension($0) == "rk" }.map { Paths.join(directory, $0) }.sorted()
    }

}
