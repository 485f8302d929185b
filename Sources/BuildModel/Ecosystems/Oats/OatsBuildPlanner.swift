/// An Oats workspace as build actions (seed 004): every package compiled by `oatsc` on its own,
/// after the packages it depends on (independent ones at the same time), into
/// `target/NAME_pkg.o` and its interface `target/NAME_pkg.oats.meta`; then, when the root
/// package defines `main`, its objects and the runtime `libruntime.a` linked into `target/NAME`.
///
/// `oatsc` takes one of two command lines (`[build] compiler-cli`, else what `oatsc --help`
/// offers):
/// - `seed`: `oatsc --package-root DIR --extern-pkg DEP=META… -o target/NAME_pkg.o`, which
///   writes the meta beside the object. A package depends on its dependencies' metas, not on
///   their objects: a dependency rebuilt with the same interface does not rebuild it.
/// - `current` (oatsc today): `oatsc ENTRY --extern-oats DEP=SYMBOLS… --out-name NAME_pkg
///   --emit-object-only`, run in `target/`. Today's oatsc writes no meta, and reads a META that
///   is no file as a list of exported functions: ampu passes each dependency's exports so.
struct OatsBuildPlanner {
    let request: BuildRequest
    var plan: BuildPlan
    let compiler: String
    let form: String

    var snapshot: WorkspaceSnapshot { request.snapshot }

    static func plan(_ request: BuildRequest) -> BuildPlan {
        var plan = request.emptyPlan()
        let root = request.snapshot.rootManifest
        // Without a compiler the plan is still made (`ampu tree` and `graph` show it), with the
        // error, and every action blocked.
        let compiler = request.compiler("the Oats compiler", variable: "OATSC", defaultName: "oatsc",
                                        install: "install oatsc and put its directory on PATH", missingIn: &plan)
        let form = request.overrides.compilerForm ?? root.toolchain.preset?.value ?? compiler.map { detectForm($0, environment: request.environment) } ?? "seed"
        var planner = OatsBuildPlanner(request: request, plan: plan, compiler: compiler ?? "oatsc", form: form)
        planner.run()
        if compiler == nil { planner.plan.blocked.formUnion(planner.plan.actions.indices) }
        return planner.plan
    }

    /// The command line `oatsc --help` documents: the seed's package mode when it offers
    /// `--package-root`, today's file mode when it offers `--extern-oats`, else the seed's.
    static func detectForm(_ compiler: String, environment: [String: String]) -> String {
        guard let help = try? ProcessRunner.run([compiler, "--help"], environment: environment, timeout: 10) else { return "seed" }
        let text = help.stdoutText + help.stderrText
        if text.contains("--package-root") { return "seed" }
        if text.contains("--extern-oats") { return "current" }
        return "seed"
    }

    /// `common-lib` → `target/common_lib_pkg`.
    func stem(of package: PackageManifest) -> String {
        Paths.join(plan.targetDirectory, package.displayName.replacing("-", with: "_") + "_pkg")
    }

    private mutating func run() {
        guard let order = snapshot.packages.dependencyOrder else { return }  // the cycle is M018 already
        var compiled: [String: (action: Int, meta: String)] = [:]
        var objects: [(path: String, action: Int)] = []
        for package in order {
            guard let entryPath = entry(of: package) else { continue }
            let dependencies = package.dependencies.compactMap { dep -> (name: String, manifest: PackageManifest)? in
                guard let dir = snapshot.resolver.directory(of: dep, declaredIn: package), let m = snapshot.packages.packages.first(where: { $0.directory == dir }) else { return nil }
                return (dep.name.value, m)
            }
            let object = stem(of: package) + ".o"
            let meta = stem(of: package) + ".oats.meta"
            let sources = modules(of: package)
            var arguments: [String]
            var inputs = sources
            var outputs = [object]
            var directory = plan.root
            if form == "current" {
                arguments = [compiler, entryPath]
                for (name, dep) in dependencies {
                    let depEntry = entry(of: dep)
                    let exports = depEntry.flatMap { snapshot.modules[$0]?.exports } ?? []
                    arguments += ["--extern-oats", "\(name)=\(exports.joined(separator: ","))"]
                    if let depEntry { inputs.append(depEntry) }
                }
                arguments += ["--out-name", Paths.lastComponent(stem(of: package)), "--emit-object-only"]
                directory = plan.targetDirectory
            } else {
                arguments = [compiler, "--package-root", package.directory]
                // The compiler finds the entry (and the package's name) in the manifest.
                inputs.append(package.path)
                for (name, dep) in dependencies {
                    let depMeta = stem(of: dep) + ".oats.meta"
                    arguments += ["--extern-pkg", "\(name)=\(plan.display(depMeta))"]
                    inputs.append(depMeta)
                }
                arguments += ["-o", plan.display(object)]
                outputs.append(meta)
            }
            let id = plan.add(BuildAction(
                kind: .compile, package: package.displayName, description: "Compiling \(package.displayName)", arguments: arguments, directory: directory,
                inputs: inputs, outputs: outputs, compiledFiles: [entryPath],
                dependencies: dependencies.compactMap { compiled[$0.manifest.path]?.action }))
            compiled[package.path] = (id, meta)
            objects.append((object, id))
        }
        link(objects: objects)
    }

    /// A package's entry file: its `entry`, or the default the reader filled in.
    private func entry(of package: PackageManifest) -> String? {
        package.package?.targets.first.map { Paths.join(package.directory, $0.path.value) }
    }

    /// The package's own source files: those under it and under no package inside it.
    private func modules(of package: PackageManifest) -> [String] {
        let others = snapshot.packages.packages.map(\.directory).filter { $0 != package.directory && Paths.isWithin($0, package.directory) }
        return snapshot.modulePaths.filter { path in Paths.isWithin(path, package.directory) && !others.contains { Paths.isWithin(path, $0) } }
    }

    /// The root package linked with the runtime, when it is a program.
    private mutating func link(objects: [(path: String, action: Int)]) {
        let root = snapshot.rootManifest
        guard !objects.isEmpty, let entry = entry(of: root), snapshot.modules[entry]?.definesEntryPoint == true else { return }
        guard let runtime = runtimeLibrary() else { return }
        let linker = request.overrides.linker ?? root.toolchain.linker?.value ?? OatsBuildPlanner.defaultLinker(request.environment, fileSystem: request.fileSystem)
        let output = Paths.join(request.overrides.outputDirectory ?? plan.targetDirectory, request.overrides.outputName ?? root.displayName)
        var flags = ["-O\(min(plan.profile.optimization, 3))"]
        if plan.profile.debugInfo { flags.append("-g") }
        if let lto = plan.profile.lto { flags.append(Paths.lastComponent(linker).contains("clang") ? "-flto=\(lto)" : "-flto") }
        let id = plan.add(BuildAction(
            kind: .link, package: root.displayName, description: "Linking \(root.displayName)",
            arguments: [linker, "-o", plan.display(output)] + objects.map { plan.display($0.path) } + [plan.display(runtime)] + flags,
            directory: plan.root, inputs: objects.map(\.path) + [runtime], outputs: [output], dependencies: objects.map(\.action)))
        plan.programs.append(BuildPlan.Product(name: Paths.lastComponent(output), package: root.displayName, path: output, action: id))
    }

    /// `$CC`, else `clang` on PATH, else `cc`.
    static func defaultLinker(_ environment: [String: String], fileSystem: any FileSystem) -> String {
        if let cc = environment["CC"], !cc.isEmpty { return cc }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return ToolLocator.find("clang", base: "/", path: path, fileSystem: fileSystem) != nil ? "clang" : "cc"
    }

    /// The Oats runtime, `libruntime.a`: `$OATS_RUNTIME` (the file, or a directory holding it),
    /// then `target/release/libruntime.a` as the seed links it, then beside `oatsc`
    /// (`libruntime.a`, `../lib/libruntime.a`); nil with an error naming every place looked at.
    private mutating func runtimeLibrary() -> String? {
        var places: [String] = []
        if let named = request.environment["OATS_RUNTIME"], !named.isEmpty {
            let path = request.fileSystem.absolute(named)
            places.append(request.fileSystem.isDirectory(path) ? Paths.join(path, "libruntime.a") : path)
        }
        places.append(Paths.join(plan.targetDirectory, "release", "libruntime.a"))
        let bin = Paths.parent(compiler)
        places += [Paths.join(bin, "libruntime.a"), Paths.normalize(Paths.join(bin, "..", "lib", "libruntime.a"))]
        if let found = places.firstIndex(where: { request.fileSystem.isFile($0) }) {
            // The plan stands while the places before it still hold none and it is there.
            plan.readFiles.formUnion(places[...found])
            return places[found]
        }
        let root = snapshot.rootManifest
        plan.diagnostics.append(Diagnostic(
            severity: .error, code: DiagnosticCode.oatsRuntimeMissing.rawValue,
            message: "the Oats runtime library libruntime.a was not found, so '\(root.displayName)' cannot be linked",
            file: root.path, range: root.package?.range ?? .at(0), notes: ["looked in: " + places.map { plan.display($0) }.joined(separator: ", ")],
            help: ["set OATS_RUNTIME=/path/to/libruntime.a, or put the runtime in target/release/ as the seed's toasty does"]))
        return nil
    }
}
