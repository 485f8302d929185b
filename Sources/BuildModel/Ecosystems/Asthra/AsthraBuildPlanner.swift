/// An Asthra workspace as build actions, with either of the compiler's command lines:
/// - `current` (today's compiler, the default): one action per program and test,
///   `asthra MAIN -o OUT [-g]`; the compiler follows the imports and links with `cc` itself.
/// - `seed`: one library per package, planned in dependency order, `asthra SRCS… -o
///   deps/lib<name>.a -I DIR… -O<n> [-g] [--target T]`, each program's main file compiled to an
///   object the same way and linked with `cc` against the libraries. A compile reads the
///   packages it imports through `-I` (their sources; its command line names no library), so
///   it waits for no other compile, as the seed's `build_parallel` starts each package as soon
///   as a job is free: only a link waits for the libraries. On one job they compile in
///   dependency order (the plan's).
/// In both, `[native]` C sources are compiled with `cc` into `deps/lib<name>_native.a`. An
/// action's inputs are the files its sources import, followed through the snapshot's import graph.
struct AsthraBuildPlanner {
    let request: BuildRequest
    var plan: BuildPlan
    let template: CommandTemplate
    let isSeed: Bool
    let compiler: String?
    var units: [Unit] = []
    /// The command line could not be made for an action (B008, said once).
    var commandFailed = false
    /// Every module some unit compiles (library roots' are the compiler's own).
    var compiledModules: Set<String> = []

    var snapshot: WorkspaceSnapshot { request.snapshot }

    /// A package the build compiles: a member, a path dependency or a fetched one.
    struct Unit {
        var name: String
        var directory: String
        var manifest: PackageManifest?
        var isMember: Bool
        /// Its modules, sorted.
        var modules: [String] = []
        /// Units its modules import, by index.
        var dependencies: Set<Int> = []
        var libraryName: String { NativeCompilation.libraryName(name) }
    }

    static func plan(_ request: BuildRequest) -> BuildPlan {
        let root = request.snapshot.rootManifest
        let toolchain = root.toolchain
        let isSeed = toolchain.preset?.value == "seed"
        let words = toolchain.command.isEmpty ? (isSeed ? AsthraCommandLine.seedPreset : AsthraCommandLine.currentPreset) : toolchain.command.map(\.value)
        var plan = request.emptyPlan()
        var compiler: String?
        switch ToolLocator.locate("the Asthra compiler", configured: toolchain.compiler, key: "toolchain.compiler", manifest: root, variable: "ASTHRA",
                                  defaultName: "asthra", environment: request.environment, fileSystem: request.fileSystem) {
        case .success(let found): compiler = found
        case .failure(let diagnostic): plan.diagnostics.append(diagnostic)
        }
        var planner = AsthraBuildPlanner(request: request, plan: plan, template: CommandTemplate(words), isSeed: isSeed, compiler: compiler)
        planner.run()
        return planner.plan
    }

    private mutating func run() {
        findUnits()
        guard let order = unitOrder() else { return }
        let native = NativeCompilation(environment: request.environment, launcher: snapshot.rootManifest.toolchain.launcher?.value, ecosystem: snapshot.ecosystem)
        var archives: [Int: NativeCompilation.Archive] = [:]
        for u in order {
            if let manifest = units[u].manifest, let settings = manifest.native,
               let archive = native.plan(settings, package: units[u].name, libraryName: units[u].libraryName, manifest: manifest, into: &plan, fileSystem: request.fileSystem) {
                archives[u] = archive
            }
        }
        if !isSeed, !archives.isEmpty, let first = archives.keys.min(), let settings = units[first].manifest?.native {
            plan.diagnostics.append(Diagnostic(
                severity: .warning, code: DiagnosticCode.nativeNotLinked.rawValue,
                message: "the native C code of '\(units[first].name)' is built into \(plan.display(archives[first]!.path)) but not linked: the current compiler links programs itself",
                file: units[first].manifest!.path, range: settings.range,
                help: ["set `preset = \"seed\"` under [toolchain] to link programs with `cc` against the package libraries"]))
        }
        guard compiler != nil else { return }
        var libraries: [Int: (path: String, action: Int)] = [:]
        if isSeed {
            for u in order { if let lib = libraryAction(u, order: order) { libraries[u] = lib } }
        }
        for u in order where units[u].isMember {
            for (name, entry) in programs(of: u) {
                guard snapshot.modules[entry] != nil else { continue }
                let output = Paths.join(plan.profileDirectory, name)
                if let id = program(name, kind: "bin", entry: entry, output: output, unit: u, libraries: libraries, archives: archives, order: order) {
                    plan.programs.append(BuildPlan.Product(name: name, package: units[u].name, path: output, action: id))
                }
            }
            for test in testModules(of: u) {
                let name = Paths.stem(test)
                // Each package's tests apart: `smoke` of two packages, or a test named like a
                // program, would otherwise be written to one file.
                let output = Paths.join(plan.profileDirectory, "tests", units[u].libraryName, name)
                if let id = program(name, kind: "test", entry: test, output: output, unit: u, libraries: libraries, archives: archives, order: order) {
                    plan.tests.append(BuildPlan.Product(name: name, package: units[u].name, path: output, action: id))
                }
            }
        }
    }

    // MARK: Packages

    /// The members and path dependencies, then the fetched packages imports reach; each module
    /// given to the deepest package directory holding it (library roots belong to none).
    private mutating func findUnits() {
        let memberPaths = Set(snapshot.members.map(\.path))
        for manifest in snapshot.packages.packages {
            units.append(Unit(name: manifest.displayName, directory: manifest.directory, manifest: manifest, isMember: memberPaths.contains(manifest.path)))
        }
        var known = Set(units.map(\.directory))
        for path in snapshot.modulePaths {
            for resolved in snapshot.modules[path]!.imports {
                guard let package = resolved.outcome.package, let directory = package.directory, known.insert(directory).inserted else { continue }
                // Named as its own manifest names it (`github.com/user/json`), as the seed names
                // its library (`libgithub_com_user_json.a`), whatever key declared it.
                let manifest = snapshot.resolver.packageManifest(in: directory)
                units.append(Unit(name: manifest?.package?.name?.value ?? package.name, directory: directory, manifest: manifest, isMember: false))
            }
        }
        // Each module belongs to the deepest package directory above it: found by walking up
        // its parents (a dictionary lookup each), not by testing every package.
        var unitAt: [String: Int] = [:]
        for (u, unit) in units.enumerated() where unitAt[unit.directory] == nil { unitAt[unit.directory] = u }
        let libraryRoots = Set(snapshot.resolver.libraryRoots)
        // By the import graph's ids: the edges between packages come from its successors,
        // without hashing the 60,000 target paths of a large workspace again.
        let graph = snapshot.importGraph
        var unitOf = [Int](repeating: -1, count: graph.paths.count)
        var compiled: [String] = []
        for path in snapshot.modulePaths {
            guard let id = graph.ids[path] else { continue }
            var dir = Paths.parent(path)
            while true {
                if libraryRoots.contains(dir) { break }
                if let u = unitAt[dir] {
                    units[u].modules.append(path)
                    unitOf[id] = u
                    compiled.append(path)
                    break
                }
                let up = Paths.parent(dir)
                if up == dir { break }
                dir = up
            }
        }
        compiledModules = Set(compiled)
        for (id, u) in unitOf.enumerated() where u >= 0 {
            for target in graph.successors[id] where unitOf[target] >= 0 && unitOf[target] != u { units[u].dependencies.insert(unitOf[target]) }
        }
    }

    /// Packages in dependency order; nil (with B007) when their modules import each other.
    private mutating func unitOrder() -> [Int]? {
        var graph = Digraph(nodeCount: units.count)
        for (u, unit) in units.enumerated() { graph.setSuccessors(of: u, unit.dependencies.sorted()) }
        if let order = graph.dependencyOrder() { return order }
        // A path that ends where it starts (`Digraph.cycles`): `a → b → a`.
        let cycle = graph.cycles().first ?? []
        let names = cycle.map { units[$0].name }.joined(separator: " → ")
        let first = cycle.first.flatMap { units[$0].manifest }
        plan.diagnostics.append(Diagnostic(
            severity: .error, code: DiagnosticCode.packageImportCycle.rawValue, message: "packages import each other, so neither can be built first: \(names)",
            file: first?.path ?? snapshot.rootManifest.path, range: first?.package?.range ?? .at(0),
            help: ["move what both need into a package of its own that both import"]))
        return nil
    }

    /// A package's programs: its `entry` and `[[bin]]` targets, and its `src/main.asthra` (or
    /// `src/main.ast`) named after the package, as Cargo builds a package's `src/main.rs`
    /// beside its `[[bin]]`s: unless one of them (or `entry`) has that name or that file.
    private func programs(of u: Int) -> [(name: String, entry: String)] {
        let unit = units[u]
        guard let package = unit.manifest?.package else { return [] }
        let declared = package.targets.filter { $0.kind == .bin }.map { ($0.name.value, Paths.join(unit.directory, $0.path.value)) }
        let name = Paths.lastComponent(unit.name)
        guard let main = snapshot.ecosystem.sourceExtensions.lazy.map({ Paths.join(unit.directory, "src", "main." + $0) }).first(where: { snapshot.modules[$0] != nil }),
              !declared.contains(where: { $0.0 == name || Paths.normalize($0.1) == main }) else { return declared }
        return [(name, main)] + declared
    }

    /// Test programs: the package's modules under `tests/`.
    private func testModules(of u: Int) -> [String] {
        let tests = Paths.join(units[u].directory, "tests")
        return units[u].modules.filter { Paths.isWithin($0, tests) }
    }

    /// Every file `roots` read: themselves and what they import, however deep.
    private func closure(of roots: [String]) -> [String] {
        let graph = snapshot.importGraph
        var seen = Set<Int>()
        var stack = roots.compactMap { graph.ids[$0] }
        var out = Set(roots)
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            out.insert(graph.paths[id])
            stack += graph.successors[id]
        }
        return out.sorted()
    }

    /// The units `u` needs, however indirectly, in dependency order.
    private func transitiveDependencies(of u: Int, order: [Int]) -> [Int] {
        var needed = Set<Int>()
        var stack = Array(units[u].dependencies)
        while let v = stack.popLast() { if needed.insert(v).inserted { stack += units[v].dependencies } }
        return order.filter { needed.contains($0) }
    }

    // MARK: Actions

    /// The command line for `inputs` → `output`, or nil with B008 when the template cannot be expanded.
    private mutating func command(inputs: [String], output: String, includes: [String], hasImports: Bool) -> [String]? {
        let profile = plan.profile
        var target: [String] = []
        if let t = snapshot.rootManifest.build.target?.value, t != "native" { target = ["--target", t] }
        // Today's compiler fails with -g on a program that imports anything: ask for debug
        // information only where it can give it.
        let debug = profile.debugInfo && (isSeed || !hasImports) ? ["-g"] : []
        let values: [String: [String]] = [
            "compiler": [compiler!], "input": inputs.map { plan.display($0) }, "output": [plan.display(output)],
            "includes": includes.flatMap { ["-I", plan.display($0)] }, "opt": ["-O\(profile.optimization)"], "debug": debug, "target": target,
        ]
        do {
            return try template.expand(values)
        } catch {
            if !commandFailed {
                commandFailed = true
                let root = snapshot.rootManifest
                plan.diagnostics.append(AsthraCommandLine.diagnostic(error, command: root.toolchain.command).inFile(root.path))
            }
            return nil
        }
    }

    /// Seed: the package's library from its modules other than programs and tests.
    private mutating func libraryAction(_ u: Int, order: [Int]) -> (path: String, action: Int)? {
        let unit = units[u]
        let entries = Set(programs(of: u).map(\.entry))
        let tests = Set(testModules(of: u))
        let sources = unit.modules.filter { !entries.contains($0) && !tests.contains($0) }
        guard !sources.isEmpty else { return nil }
        let output = Paths.join(plan.profileDirectory, "deps", "lib\(unit.libraryName).a")
        let dependencies = transitiveDependencies(of: u, order: order).sorted { units[$0].directory < units[$1].directory }
        guard let arguments = command(inputs: sources, output: output, includes: [unit.directory] + dependencies.map { units[$0].directory }, hasImports: true) else { return nil }
        let id = plan.add(BuildAction(
            kind: .compile, package: unit.name, description: "Compiling \(unit.name)", arguments: arguments, directory: plan.root,
            inputs: closure(of: sources), outputs: [output], compiledFiles: sources))
        return (output, id)
    }

    /// A program or test from its main file: one compile (current), or a compile to an object
    /// and a link with `cc` (seed).
    private mutating func program(_ name: String, kind: String, entry: String, output: String, unit u: Int, libraries: [Int: (path: String, action: Int)],
                                  archives: [Int: NativeCompilation.Archive], order: [Int]) -> Int? {
        let unit = units[u]
        let inputs = closure(of: [entry])
        let hasImports = !(snapshot.modules[entry]?.imports.isEmpty ?? true)
        let dependencies = transitiveDependencies(of: u, order: order)
        if !isSeed {
            guard let arguments = command(inputs: [entry], output: output, includes: [], hasImports: hasImports) else { return nil }
            return plan.add(BuildAction(
                kind: .compile, package: unit.name, description: "Compiling \(unit.name) (\(kind) \"\(name)\")", arguments: arguments, directory: plan.root,
                inputs: inputs, outputs: [output], compiledFiles: inputs.filter { compiledModules.contains($0) }))
        }
        let object = Paths.join(plan.profileDirectory, "build", unit.libraryName, kind == "test" ? "tests/\(name).o" : name + ".o")
        let needed = [u] + dependencies.reversed()
        let includes = [unit.directory] + dependencies.map { units[$0].directory }
        guard let arguments = command(inputs: [entry], output: object, includes: includes, hasImports: hasImports) else { return nil }
        let compile = plan.add(BuildAction(
            kind: .compile, package: unit.name, description: "Compiling \(unit.name) (\(kind) \"\(name)\")", arguments: arguments, directory: plan.root,
            inputs: inputs, outputs: [object], compiledFiles: [entry]))
        let libs = needed.compactMap { libraries[$0] }
        let natives = needed.compactMap { archives[$0] }
        let linkInputs = [object] + libs.map(\.path) + natives.map(\.path)
        let linker = NativeCompilation.compiler(environment: request.environment)
        return plan.add(BuildAction(
            kind: .link, package: unit.name, description: "Linking \(unit.name) (\(kind) \"\(name)\")",
            arguments: [linker] + linkInputs.map { plan.display($0) } + natives.flatMap(\.linkFlags) + ["-o", plan.display(output)],
            directory: plan.root, inputs: linkInputs, outputs: [output],
            dependencies: [compile] + libs.map(\.action) + natives.map(\.action)))
    }
}

extension AsthraEcosystem {
    public func planBuild(_ request: BuildRequest) -> BuildPlan { AsthraBuildPlanner.plan(request) }
}
