/// What a build is asked for: a loaded workspace, the profile, and the machine it runs on.
/// `BuildRequest.plan()` hands it to the workspace's ecosystem, which turns it into actions.
public struct BuildRequest: Sendable {
    public var snapshot: WorkspaceSnapshot
    public var profile: ProfileSettings
    /// The process environment: `PATH`, the compiler's variable, `CC`.
    public var environment: [String: String]
    public var fileSystem: any FileSystem
    /// `target/` (absolute): `[build] output_dir` of the root manifest, else `target` beside it.
    public var targetDirectory: String
    /// What the command line says over the manifest.
    public var overrides = BuildOverrides()

    /// The request for `profile` (`debug`, `release` or a `[profile.NAME]` of the root
    /// manifest; nil: the command line names none, and the manifest decides), or the
    /// diagnostic saying why there is no such profile.
    public static func make(_ snapshot: WorkspaceSnapshot, profile named: String?, environment: [String: String],
                            fileSystem: any FileSystem, overrides: BuildOverrides = BuildOverrides()) -> Result<BuildRequest, Diagnostic> {
        let root = snapshot.rootManifest
        let name = ProfileSettings.name(named, in: root.build)
        switch ProfileSettings.resolve(name, in: root.build, manifest: root.path, syntax: snapshot.ecosystem.manifestSyntax, plain: named == nil) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let profile):
            let target = root.targetDirectory(overridden: overrides.targetDirectory)
            var request = BuildRequest(snapshot: snapshot, profile: overrides.applied(to: profile), environment: environment, fileSystem: fileSystem, targetDirectory: target)
            request.overrides = overrides
            return .success(request)
        }
    }

    /// The plan: the ecosystem's actions, checked to be in order.
    public func plan() -> BuildPlan {
        var plan = snapshot.ecosystem.planBuild(self)
        let (shared, writers) = Self.sharedOutputs(plan)
        let (overwriting, overwriters) = Self.overwrittenSources(plan, snapshot: snapshot)
        if !shared.isEmpty || !overwriting.isEmpty {
            // Neither of two such actions runs, nor one that would write over a source, nor what
            // needs them: the rest is still built.
            var out = writers.union(overwriters)
            var grew = true
            while grew {
                grew = false
                for action in plan.actions where !out.contains(action.id) && action.dependencies.contains(where: out.contains) {
                    out.insert(action.id)
                    grew = true
                }
            }
            plan = plan.part(building: plan.actions.map(\.id).filter { !out.contains($0) })
            plan.diagnostics += shared + overwriting
        }
        if plan.actions.isEmpty && !plan.hasErrors {
            let (notes, help) = snapshot.ecosystem.nothingToBuild(snapshot.rootManifest)
            plan.diagnostics.append(Diagnostic(severity: .warning, code: DiagnosticCode.nothingToBuild.rawValue,
                                               message: "nothing to build: the workspace has no program, library or test this build makes",
                                               file: snapshot.rootManifest.path, range: snapshot.rootManifest.package?.range ?? .at(0),
                                               notes: notes, help: help))
        }
        return plan
    }

    /// Two actions that write one file would each overwrite what the other wrote, and what
    /// reads it would get whichever ran last: an error for each such pair, at the first file
    /// they share (programs of two packages named alike, in every ecosystem).
    /// (Also the actions that do so.)
    static func sharedOutputs(_ plan: BuildPlan) -> (diagnostics: [Diagnostic], actions: Set<Int>) {
        var writer: [String: Int] = [:]
        var pairs: [(first: Int, second: Int, file: String)] = []
        for action in plan.actions {
            for output in action.outputs {
                guard let first = writer[output] else {
                    writer[output] = action.id
                    continue
                }
                if !pairs.contains(where: { $0.first == first && $0.second == action.id }) { pairs.append((first, action.id, output)) }
            }
        }
        let diagnostics = pairs.map { pair in
            Diagnostic(severity: .error, code: DiagnosticCode.sharedOutput.rawValue,
                       message: "\(plan.actions[pair.first].description) and \(plan.actions[pair.second].description) both write '\(plan.display(pair.file))'",
                       range: .at(0), help: ["rename one of the two targets, so that each is written to a file of its own"]).unplaced
        }
        return (diagnostics, Set(pairs.flatMap { [$0.first, $0.second] }))
    }

    /// An action whose output is a file the workspace is made of (one of its own sources, another
    /// source, a manifest, the lock file) would write over it: an Aria target's `output` is any
    /// path the build file gives. An error for each, and the actions that would.
    static func overwrittenSources(_ plan: BuildPlan, snapshot: WorkspaceSnapshot) -> (diagnostics: [Diagnostic], actions: Set<Int>) {
        let lock = snapshot.ecosystem.lockFileName.map { Paths.join(snapshot.root, $0) }
        var diagnostics: [Diagnostic] = []
        var actions = Set<Int>()
        for action in plan.actions {
            for file in action.outputs {
                let what: String
                if action.inputs.contains(file) { what = "one of the sources it reads" }
                else if snapshot.modules[file] != nil { what = "a source of the workspace" }
                else if snapshot.sources[file] != nil || file == lock { what = "a file the workspace is made of" }
                else { continue }
                actions.insert(action.id)
                diagnostics.append(Diagnostic(severity: .error, code: DiagnosticCode.outputOverwritesSource.rawValue,
                                              message: "\(action.description) would write over '\(plan.display(file))', \(what)", range: .at(0),
                                              help: ["give it an output of its own, under the build directory (where the build puts it when none is given)"]).unplaced)
                break
            }
        }
        return (diagnostics, actions)
    }

    /// The compiler a plan runs, found by `$variable` or by `defaultName` in PATH; when it is
    /// not there, nil, and `plan` gets the diagnostic saying so (`install` says how to get it).
    public func compiler(_ tool: String, variable: String, defaultName: String, install: String, missingIn plan: inout BuildPlan) -> String? {
        let root = snapshot.rootManifest
        if let found = ToolLocator.find(configured: nil, variable: variable, defaultName: defaultName, manifestDirectory: root.directory,
                                        environment: environment, fileSystem: fileSystem) {
            return found
        }
        plan.diagnostics.append(ToolLocator.notFound(tool, variable: variable, defaultName: defaultName, install: install, environment: environment,
                                                     file: root.path).unplaced)
        return nil
    }

    /// An empty plan for this request, for an ecosystem to add its actions to.
    public func emptyPlan() -> BuildPlan {
        var plan = BuildPlan(root: snapshot.root, profile: profile, targetDirectory: targetDirectory)
        plan.usesProfile = snapshot.ecosystem.usesProfiles
        return plan
    }
}

extension Ecosystem {
    /// By default an ecosystem cannot build yet: the plan holds one error that says so.
    public func planBuild(_ request: BuildRequest) -> BuildPlan {
        var plan = request.emptyPlan()
        plan.diagnostics.append(Diagnostic(severity: .error, message: "ampu cannot build \(name) packages yet; `ampu check` checks them",
                                           file: request.snapshot.rootManifest.path, range: .at(0)).unplaced)
        return plan
    }
}
