/// An Aria project's build as actions, one target after the targets it needs (`deps`, and the
/// targets whose sources its sources `use`), independent ones at the same time:
///
/// - an Aria target (`binary`, `library`, `test`): `ariac SOURCES -o OUTPUT [-I DIR]… FLAGS`,
///   with `-I` the output directory of each target it needs and each `include_dirs`, then
///   `-L`/`-l` from `link_paths`/`link_libraries`, then `libs` as they are;
/// - a `c_library`: each C source compiled by its `compiler` (`$CC`, else `cc`) with a
///   dependency file, then `ar rcs` into its output;
/// - a `custom` target: its `command`;
/// - each `pre_build` command before the target's compile, each `post_build` after it.
///
/// Commands are split into words without a shell (quotes group words; `sh -c "…"` asks for
/// one). Binaries are programs `ampu run` runs with `lli`, given the LLVM IR of every library
/// they need (`--extra-module`) and the archives of C libraries (`--extra-archive`).
struct AriaBuildPlanner {
    let request: BuildRequest
    var plan: BuildPlan
    let project: AriaProject
    let directory: String
    let targets: [AriaTarget]
    /// Each target's sources, absolute, in the order written (each pattern's matches sorted).
    var sources: [[String]] = []
    var edges: [AriaTargetOrder.Edge] = []
    /// The targets each target needs (by its edges), sorted: looked up, not filtered out of
    /// all the edges for each target.
    var needs: [[Int]] = []
    /// Each target's last action: what a target needing it waits for.
    var done: [Int: Int] = [:]

    var snapshot: WorkspaceSnapshot { request.snapshot }

    static func plan(_ request: BuildRequest) -> BuildPlan {
        var plan = request.emptyPlan()
        let manifest = request.snapshot.rootManifest
        let project = AriaProject.read(ABCDocument(parsing: manifest.source), environment: request.environment)
        // What reading with the environment adds (an unset `&{ENV.X}`); the rest `check` reported.
        let known = Set(manifest.diagnostics.map { "\($0.range.lowerBound) \($0.message)" })
        plan.diagnostics += project.diagnostics.filter { !known.contains("\($0.range.lowerBound) \($0.message)") }
        guard !plan.diagnostics.contains(where: { $0.severity == .error }) else { return plan }
        plan.compileDatabase = .command
        var planner = AriaBuildPlanner(request: request, plan: plan, project: project, directory: manifest.directory, targets: project.targets)
        planner.run()
        return planner.plan
    }

    private mutating func run() {
        var ignoring: GitIgnore?
        if project.respectsGitignore?.value == true {
            ignoring = GitIgnore.load(in: directory, fileSystem: request.fileSystem)
            plan.readFiles.insert(Paths.join(directory, ".gitignore"))
        }
        var expansion = AriaSourceExpansion(directory: directory, modulePaths: snapshot.modulePaths, fileSystem: request.fileSystem, ignoring: ignoring)
        sources = targets.map { target in
            var files: [String] = []
            var seen = Set<String>()
            for pattern in target.sources {
                for file in expansion.files(pattern.value) {
                    let path = Paths.join(directory, file)
                    if seen.insert(path).inserted { files.append(path) }
                }
            }
            return files
        }
        plan.listedDirectories = expansion.listed
        edges = AriaTargetOrder.explicitEdges(targets) + implicitEdges()
        let order: [Int]
        switch AriaTargetOrder.order(targets, edges: edges) {
        case .success(let o): order = o
        case .failure(let d): plan.diagnostics.append(d.inFile(snapshot.rootManifest.path)); return
        }
        let needsAriac = targets.contains { [.binary, .library, .test].contains($0.kind) }
        // Without a compiler the plan is still made (`ampu tree` shows it), with the error, and
        // its compiles blocked: the rest (C libraries, commands) is still built.
        var compiler: String?
        if needsAriac {
            compiler = AriaToolchain.compiler(project: project, manifestDirectory: directory, environment: request.environment,
                                              fileSystem: request.fileSystem)
            if compiler == nil {
                plan.diagnostics.append(ToolLocator.notFound("the Aria compiler", variable: "ARIAC", defaultName: "ariac",
                                                             install: "install ariac and put its directory on PATH", environment: request.environment,
                                                             file: snapshot.rootManifest.path).unplaced)
            }
        }
        var needing = [Set<Int>](repeating: [], count: targets.count)
        for edge in edges { needing[edge.from].insert(edge.to) }
        needs = needing.map { $0.sorted() }
        for i in order {
            let target = targets[i]
            let needed = needs[i]
            let waitFor = needed.compactMap { done[$0] }
            switch target.kind {
            case .binary, .library, .test: aria(i, compiler: compiler, needed: needed, waitFor: waitFor)
            case .cLibrary: cLibrary(i, waitFor: waitFor)
            case .custom: custom(i, waitFor: waitFor)
            case nil: break
            }
        }
    }

    /// A target needs another when one of its sources uses (directly, or through files of no
    /// target) a source of the other.
    private func implicitEdges() -> [AriaTargetOrder.Edge] {
        var owner: [String: Int] = [:]
        for (i, files) in sources.enumerated() { for f in files where owner[f] == nil { owner[f] = i } }
        var out: [AriaTargetOrder.Edge] = []
        for (i, files) in sources.enumerated() {
            var seen = Set(files)
            var pending = files
            var found = Set<Int>()
            while let file = pending.popLast() {
                for resolved in snapshot.modules[file]?.imports ?? [] {
                    for used in resolved.outcome.targets where seen.insert(used).inserted {
                        if let j = owner[used], j != i {
                            if found.insert(j).inserted {
                                out.append(AriaTargetOrder.Edge(from: i, to: j, range: targets[i].name.range,
                                                                usingFile: plan.display(file), usedFile: plan.display(used)))
                            }
                        } else {
                            pending.append(used)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Every file the target's compile reads: its sources and all they use, transitively.
    private func readFiles(_ i: Int) -> [String] {
        var seen = Set(sources[i])
        var out = sources[i]
        var pending = sources[i]
        while let file = pending.popLast() {
            for resolved in snapshot.modules[file]?.imports ?? [] {
                for used in resolved.outcome.targets where seen.insert(used).inserted {
                    out.append(used)
                    pending.append(used)
                }
            }
        }
        return out
    }

    private func absolute(_ relative: String) -> String { Paths.join(directory, relative) }

    /// - Parameter compiler: nil when it is not there: the compile is planned, and blocked.
    private mutating func aria(_ i: Int, compiler: String?, needed: [Int], waitFor: [Int]) {
        let target = targets[i]
        guard !sources[i].isEmpty, let output = target.outputPath.map(absolute) else { return }
        var includes: [String] = []
        for j in needed {
            guard let out = targets[j].outputPath.map(absolute) else { continue }
            let dir = plan.display(Paths.parent(out))
            if !includes.contains(dir) { includes.append(dir) }
        }
        for dir in target.includeDirectories.map(\.value) where !includes.contains(dir) { includes.append(dir) }
        var arguments = [compiler ?? "ariac"] + sources[i].map { plan.display($0) } + ["-o", plan.display(output)]
        arguments += includes.flatMap { ["-I", $0] }
        arguments += target.flags.map(\.value)
        arguments += target.linkPaths.flatMap { ["-L", $0.value] } + target.linkLibraries.map { "-l" + $0.value }
        arguments += target.libraries.map(\.value)
        let dependencyOutputs = needed.compactMap { targets[$0].outputPath.map(absolute) }
        let inputs = Array(Set(readFiles(i) + dependencyOutputs)).sorted()
        let before = commands(target.preBuild, of: target, phase: "pre-build", inputs: inputs, after: waitFor)
        let id = plan.add(BuildAction(
            kind: .compile, package: target.name.value, description: "Compiling \(target.name.value)", arguments: arguments,
            environment: environment(of: target), directory: directory, inputs: inputs, outputs: [output], compiledFiles: sources[i],
            dependencies: waitFor + before))
        if compiler == nil { plan.blocked.insert(id) }
        let after = commands(target.postBuild, of: target, phase: "post-build", inputs: [output], after: [id])
        done[i] = after.last ?? id
        guard target.kind != .library else { return }
        let product = BuildPlan.Product(name: target.name.value, package: project.name?.value ?? Paths.lastComponent(directory), path: output, action: id,
                                        runner: runner(for: i))
        if target.isTest { plan.tests.append(product) } else { plan.programs.append(product) }
    }

    /// `lli`, with the IR of every library the program needs and the archives of C libraries.
    private func runner(for i: Int) -> [String] {
        let environment = request.environment
        var out = [ToolLocator.find(configured: nil, variable: "LLI", defaultName: "lli", manifestDirectory: directory, environment: environment,
                                    fileSystem: request.fileSystem) ?? "lli"]
        var seen: Set<Int> = [i]
        var pending = [i]
        var needed: [Int] = []
        while let v = pending.popLast() {
            for j in needs[v] where seen.insert(j).inserted {
                needed.append(j)
                pending.append(j)
            }
        }
        for j in needed.sorted() {
            guard let out2 = targets[j].outputPath.map(absolute) else { continue }
            switch targets[j].kind {
            case .library: out.append("--extra-module=" + out2)
            case .cLibrary: out.append("--extra-archive=" + out2)
            default: break
            }
        }
        return out
    }

    private mutating func cLibrary(_ i: Int, waitFor: [Int]) {
        let target = targets[i]
        guard !sources[i].isEmpty, let output = target.outputPath.map(absolute) else { return }
        let cc = target.compiler?.value ?? NativeCompilation.compiler(environment: request.environment)
        let objects = Paths.join(directory, AriaTarget.buildDirectory, "obj", target.name.value)
        let before = commands(target.preBuild, of: target, phase: "pre-build", inputs: sources[i], after: waitFor)
        var compiles: [Int] = []
        var objectFiles: [String] = []
        let includes = target.includeDirectories.flatMap { ["-I", $0.value] }
        for source in sources[i] {
            let relative = Paths.relative(source, ifWithin: directory)
            let object = Paths.join(objects, relative.replacing("../", with: "__/") + ".o")
            let depfile = Paths.join(objects, relative.replacing("../", with: "__/") + ".d")
            compiles.append(plan.add(BuildAction(
                kind: .compileNative, package: target.name.value, description: "Compiling \(target.name.value) (\(relative))",
                arguments: [cc] + includes + target.flags.map(\.value) + ["-MD", "-MF", plan.display(depfile), "-c", plan.display(source), "-o", plan.display(object)],
                environment: environment(of: target), directory: directory, inputs: [source], outputs: [object, depfile], depfile: depfile,
                compiledFiles: [source], dependencies: waitFor + before)))
            objectFiles.append(object)
        }
        let id = plan.add(BuildAction(
            kind: .archive, package: target.name.value, description: "Archiving \(target.name.value)",
            arguments: ["ar", "rcs", plan.display(output)] + objectFiles.map { plan.display($0) },
            directory: directory, inputs: objectFiles, outputs: [output], dependencies: compiles))
        let after = commands(target.postBuild, of: target, phase: "post-build", inputs: [output], after: [id])
        done[i] = after.last ?? id
    }

    private mutating func custom(_ i: Int, waitFor: [Int]) {
        let target = targets[i]
        let before = commands(target.preBuild, of: target, phase: "pre-build", inputs: sources[i], after: waitFor)
        let outputs = target.outputPath.map { [absolute($0)] } ?? []
        let main = commands(target.command, of: target, phase: "command", inputs: sources[i], outputs: outputs, after: waitFor + before)
        let after = commands(target.postBuild, of: target, phase: "post-build", inputs: outputs, after: main.isEmpty ? waitFor + before : main)
        done[i] = (after + main + before).max() ?? waitFor.max()
    }

    /// Each command as an action, one after the other; their ids.
    private mutating func commands(_ lines: [Located<String>], of target: AriaTarget, phase: String, inputs: [String], outputs: [String] = [],
                                   after: [Int]) -> [Int] {
        var ids: [Int] = []
        var previous = after
        for (n, line) in lines.enumerated() {
            let words: [String]
            switch CommandWords.split(line.value) {
            case .success(let w) where !w.isEmpty: words = w
            case .success: continue
            case .failure(let problem):
                plan.diagnostics.append(Diagnostic(
                    severity: .error, code: DiagnosticCode.invalidCommandTemplate.rawValue,
                    message: "the \(phase) command of target '\(target.name.value)' cannot be split into words: \(problem)", file: snapshot.rootManifest.path,
                    range: line.range, label: "this command", help: ["ampu runs commands without a shell; to use one, write sh -c \"…\""]))
                continue
            }
            let last = n == lines.count - 1
            let id = plan.add(BuildAction(
                kind: .command, package: target.name.value, description: "Running \(target.name.value) (\(phase) `\(Paths.lastComponent(words[0]))`)",
                arguments: words, environment: environment(of: target), directory: directory, inputs: inputs, outputs: last ? outputs : [],
                dependencies: previous))
            ids.append(id)
            previous = [id]
        }
        return ids
    }

    private func environment(of target: AriaTarget) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in target.environment { out[name] = value.value }
        return out
    }
}
