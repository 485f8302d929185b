/// How a build starts, for every front end: the plan kept from the last build when nothing it
/// was made from changed (and, after a complete build, whether there is anything to do at all);
/// else the workspace loaded, checked and planned, and the plan kept for next time.
public struct BuildSetup: Sendable {
    public var fileSystem: any FileSystem
    public var environment: [String: String]
    /// `debug`, `release` or a `[profile.NAME]`; nil when the command line names none (the
    /// root manifest's `[build] profile`, else `debug`, with `[build]`'s own settings).
    public var profile: String?
    /// What identifies this program's build of ampu (its path, size and time): a new ampu plans afresh.
    public var tool: String
    /// What the command line says over the manifest.
    public var overrides = BuildOverrides()
    /// Called with a workspace loaded afresh, before it is checked and planned: the front end
    /// brings the lock file up to date there (`LockRefresh`). True when it wrote the lock or
    /// fetched into the cache: the workspace is then loaded again.
    public var refreshLock: (@Sendable (WorkspaceSnapshot) -> Bool)?
    /// The process ends when the build does (the command line): what the load made is kept
    /// until it exits, for the system to take back at once, rather than freed object by object
    /// on another thread while the compilers need the CPU (a 10,000-module workspace's full
    /// build is about 5 % faster on two cores). Else it is freed on another thread.
    public var endsWithBuild = false

    public init(fileSystem: any FileSystem, environment: [String: String], profile: String?, tool: String) {
        self.fileSystem = fileSystem
        self.environment = environment
        self.profile = profile
        self.tool = tool
    }

    /// Diagnostics for the front end to show, with the texts they point into.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var sources: [String: SourceText] = [:]
        /// Paths are shown relative to it; nil before a workspace is found.
        public var root: String?
        public var defaultFile = ""
    }

    public enum Outcome: Sendable {
        /// The build can go on; the report holds `check`'s warnings and the plan's diagnostics.
        case ready(PreparedBuild, Report)
        /// It cannot: what to show, and a closing line when one sums it up.
        case stopped(Report, summary: String?)
    }

    /// Whether the kept plan's check looks at a file: a source (by its name) it scanned.
    static func watched(by ecosystem: any Ecosystem, unscanned: Set<String>) -> @Sendable (String) -> Bool {
        { ecosystem.isSourceFile($0) && !unscanned.contains($0) }
    }

    /// - Parameters:
    ///   - partial: a plan with errors still goes on (what can be built is), its errors shown.
    ///   - shortcut: a build with nothing to do may say so without reading its plan.
    ///   - narrow: after a complete build, the plan may be only the actions the changed files
    ///     reach (the rest of the kept plan is not read); for a build that runs it and nothing else.
    ///   - part: the part of the plan the build will be about (the front end narrows the plan
    ///     to it, `PreparedBuild.choosing`): a record of a complete build of that part (or of its
    ///     packages with their tests) stands for it too; one of the whole plan does only while
    ///     the part names no packages (the names are checked against the plan when a record of
    ///     the part is written).
    ///   - miss: told why the kept plan could not be used.
    public func prepare(from directory: String, manifestPath: String?, partial: Bool = false, shortcut: Bool = false, narrow: Bool = false,
                        part: BuildPart? = nil, miss: (PlanCache.Miss) -> Void = { _ in }) -> Outcome {
        let stats = StatCache(fileSystem: fileSystem)
        let found: (path: String, ecosystem: any Ecosystem)
        do throws(WorkspaceError) {
            found = try EcosystemRegistry.standard.manifest(from: directory, manifestPath: manifestPath, fileSystem: fileSystem)
        } catch {
            return .stopped(Report(diagnostics: [error.diagnostic]), summary: nil)
        }
        let rootPath = WorkspaceLocator(ecosystem: found.ecosystem, fileSystem: fileSystem).workspaceRoot(for: found.path)
        let rootManifest = found.ecosystem.loadManifest(in: Paths.parent(rootPath), fileSystem: fileSystem)
        // The kept plan is this profile's, with the settings it resolves to (a build that names
        // none takes [build]'s): `ampu build` and `ampu build --profile debug` share a plan when
        // they build alike.
        let profile = ProfileSettings.name(self.profile, in: rootManifest?.build ?? BuildSettings())
        let settings = rootManifest.flatMap { root in
            try? ProfileSettings.resolve(profile, in: root.build, manifest: root.path, syntax: found.ecosystem.manifestSyntax, plain: self.profile == nil).get()
        }
        let described = settings.map { "\(profile) -O\($0.optimization)\($0.debugInfo ? " -g" : "") \($0.lto ?? "")" } ?? profile
        let key = PlanCache.key(ecosystem: found.ecosystem, manifest: rootPath, profile: described + " " + overrides.description,
                                environment: environment, tool: tool)
        if let root = rootManifest, !root.hasErrors {
            let target = root.targetDirectory(overridden: overrides.targetDirectory)
            let complete = CompleteBuild(targetDirectory: target, profile: profile, stats: stats)
            let stands: ([UInt8]) -> Bool = { record in part.map { $0.packages.isEmpty } ?? true || CompleteBuild.isOfPart(record) }
            switch PlanCache(targetDirectory: target, profile: profile, stats: stats).validate(key: key, ecosystem: found.ecosystem, searchPath: environment["PATH"] ?? "/usr/bin:/bin") {
            case .success(let kept):
                // Nothing to do: every action's outputs stand, and compile_commands.json is this plan's.
                if shortcut, kept.untouched, let resolved = settings,
                   let record = complete.standing(planDigest: kept.digest, environment: environment, part: part), stands(record),
                   CompileCommandsRecord(root: root.directory, targetDirectory: target, fileSystem: fileSystem).current()?.plan == kept.digest {
                    var prepared = PreparedBuild(rootManifest: root, plan: BuildPlan(root: root.directory, profile: overrides.applied(to: resolved), targetDirectory: target),
                                                 stats: stats, cached: true, watched: Self.watched(by: found.ecosystem, unscanned: kept.unscanned))
                    prepared.plan.usesProfile = found.ecosystem.usesProfiles
                    prepared.nothingToDo = true
                    prepared.completeRecord = record
                    prepared.planDigest = kept.digest
                    prepared.keptProducts = kept.products
                    return .ready(prepared, kept.report(root: root))
                }
                guard let record = kept.record() else {
                    miss(PlanCache.Miss(line: "the actions' file"))
                    break
                }
                let standing = complete.standing(planDigest: kept.digest, environment: environment, except: Set(kept.changedFiles), part: part).flatMap { stands($0) ? $0 : nil }
                // Every action's fingerprint is looked at, or those of a quarter of the modules'
                // actions and more (a checkout that touched them): with the statuses taken already.
                if standing == nil || kept.changedFiles.count * 4 > kept.moduleStatuses.count { kept.rememberStatuses(in: stats) }
                // The actions that read a changed file, and those after them: all a build after
                // a complete one must look at.
                let reached = standing == nil ? nil : PlanRecord.actions(reaching: kept.changedFiles, in: record[...])
                let narrowed = narrow && reached != nil
                if let plan = PlanRecord.plan(from: record[...], only: narrowed ? reached : nil) {
                    var prepared = PreparedBuild(rootManifest: root, plan: plan, stats: stats, cached: true,
                                                 watched: Self.watched(by: found.ecosystem, unscanned: kept.unscanned))
                    prepared.planDigest = kept.digest
                    if let reached, let standing {
                        prepared.completeRecord = standing
                        if narrowed { prepared.wholeRecord = record } else { prepared.onlyThese = reached }
                    }
                    return .ready(prepared, kept.report(root: root))
                }
            case .failure(let why):
                miss(why)
            }
        }
        var snapshot: WorkspaceSnapshot
        // The programs the load and the plan look up in PATH are noted, to be kept with the plan.
        let lookups = ProgramLookups(base: fileSystem)
        let loader = WorkspaceLoader(ecosystem: found.ecosystem, fileSystem: lookups, environment: environment, features: overrides.features)
        do throws(WorkspaceError) {
            snapshot = try loader.load(from: directory, manifestPath: found.path)
            if let refreshLock, refreshLock(snapshot) { snapshot = try loader.load(from: directory, manifestPath: found.path) }
        } catch {
            return .stopped(Report(diagnostics: [error.diagnostic]), summary: nil)
        }
        let check = CheckReport(snapshot: snapshot, resolution: [])
        var report = Report(diagnostics: check.diagnostics, sources: snapshot.sources, root: snapshot.root, defaultFile: snapshot.rootManifest.path)
        if check.errorCount > 0 {
            return .stopped(report, summary: "could not build: `ampu check` found \(check.errorCount) error\(check.errorCount == 1 ? "" : "s")")
        }
        let request: BuildRequest
        switch BuildRequest.make(snapshot, profile: self.profile, environment: environment, fileSystem: lookups, overrides: overrides) {
        case .success(let made): request = made
        case .failure(let diagnostic):
            report.diagnostics.append(diagnostic)
            return .stopped(report, summary: nil)
        }
        let plan = request.plan()
        report.diagnostics += plan.diagnostics
        if let (path, holds) = PlanRecord.unrecordable(plan) {
            let whole = path == plan.root
            let shown = (whole ? path : Paths.display(path, from: plan.root)).replacing("\n", with: "\\n").replacing("\r", with: "\\r").replacing("\t", with: "\\t")
            report.diagnostics.append(Diagnostic(
                severity: .warning, message: "\(whole ? "the workspace's path" : "the path") '\(shown)' holds \(holds), which ampu's records of a build cannot hold", range: .at(0),
                notes: [holds == "a tab" ? "so each build loads and plans the workspace afresh"
                        : "so each build loads and plans the workspace afresh, and runs again each action that reads or writes that path"],
                help: ["rename it, or move the workspace, to a path without line breaks or tabs"]).unplaced)
        }
        // A plan with errors builds nothing (`ampu run`, `ampu test`), and says so as `ampu build`
        // closes; not where the command does not apply (a language whose compiler builds the
        // whole program: its one error says so).
        if plan.hasErrors && !partial {
            return .stopped(report, summary: found.ecosystem is any WholeProgramBuilding ? nil : "could not build; " + BuildPlan.errorsShownAbove)
        }
        let unscanned = PlanCache.unscanned(plan, snapshot: snapshot)
        var prepared = PreparedBuild(rootManifest: snapshot.rootManifest, plan: plan, stats: stats, cached: false,
                                     watched: Self.watched(by: snapshot.ecosystem, unscanned: unscanned))
        // The files the load read are taken as they were read: the kept plan records the times
        // they had then, and the fingerprints hash what the load holds instead of reading it again.
        stats.remember(sources: snapshot.sources)
        let cache = PlanCache(targetDirectory: plan.targetDirectory, profile: profile, stats: stats)
        // Kept with its warnings, to be shown again while the files they point into stand; not
        // kept when one of them depends on the machine (a compiler that may be installed next).
        let machineCodes = EcosystemRegistry.standard.toolchainCodes
        let placed = report.diagnostics.map { $0.file == nil ? $0.inFile(report.defaultFile) : $0 }
        if !plan.hasErrors && placed.allSatisfy({ KeptWarnings.keepable($0, machineCodes: machineCodes) }) {
            do {
                prepared.planDigest = try cache.save(plan, snapshot: snapshot, key: key, warnings: placed, unscanned: unscanned, programs: lookups.lookups)
            } catch {
                // A file where the target directory goes stops the build itself, saying so.
                let targetStands = fileSystem.status(plan.targetDirectory).map { $0.kind == .directory } ?? true
                if targetStands {
                    report.diagnostics.append(Diagnostic(
                        severity: .warning, message: "cannot keep the plan for the next build: \(error)", range: .at(0),
                        notes: ["until it can be kept, each build loads and plans the workspace afresh"],
                        help: ["make room on the disk, or remove what is in the way of '\(Paths.display(cache.file, from: snapshot.root))'"]).unplaced)
                }
            }
        } else {
            try? fileSystem.removeItem(cache.file)
        }
        // What the load made is not freed while the caller waits (`endsWithBuild`).
        BackgroundRelease.release((consume snapshot, consume check, consume request), endsWithBuild ? .untilExit : .background)
        return .ready(prepared, report)
    }
}

/// A build ready to run: its plan, and what the setup learnt that makes running it cheaper.
public struct PreparedBuild: Sendable {
    public var rootManifest: PackageManifest
    public var plan: BuildPlan
    /// Statuses taken while the plan was checked, for the fingerprints to reuse.
    public var stats: StatCache
    /// Whether the plan is the last build's, kept in target/cache (nothing was loaded).
    public var cached: Bool
    /// Nothing changed since a build that left everything built: `plan` is empty and there is
    /// nothing to run.
    public var nothingToDo = false
    /// After a complete build: the only actions that may have to run (the others need not read
    /// their fingerprints).
    public var onlyThese: Set<Int>?
    /// The kept plan's digest, when the plan is kept.
    public var planDigest: String?
    /// Whether a run in which every action succeeds (or was up to date) leaves the record of a
    /// complete build of the plan (or of `part`): not when the plan is a part of the kept plan
    /// that no record stands for (`narrowed`, `building`).
    var recordsCompletion = true
    /// The part of the kept plan `plan` is, when a complete build of it is recorded as one
    /// (`choosing`); nil when it is the whole plan, or a part that is not recorded.
    public var part: BuildPart?
    /// Whether what the test programs' actions said is shown again (`replayedOutput`): not in
    /// a build without tests (`choosing`).
    var showsTests = true
    /// The whole plan, when `plan` is a part of it (`ampu build NAME`): the compile database is
    /// written from it.
    public var wholePlan: BuildPlan?
    /// The kept plan's record, when `plan` is only the part of it the changed files reach
    /// (`prepare(narrow:)`): the whole plan, when something needs it.
    var wholeRecord: [UInt8]?
    /// The kept plan's programs and tests, when there is nothing to do (`plan` is empty): what
    /// `products` gives then.
    var keptProducts: (programs: [BuildPlan.Product], tests: [BuildPlan.Product])?
    /// The record of the complete build this one starts from: when every action succeeds, the
    /// new record is that one with the files of the actions that ran brought up to date.
    var completeRecord: [UInt8]?
    /// Whether the kept plan's check looks at a file already: a source it scanned. A source it
    /// did not scan (`PlanCache.unscanned`) is an input the record of a complete build must
    /// look at.
    var watched: @Sendable (String) -> Bool

    init(rootManifest: PackageManifest, plan: BuildPlan, stats: StatCache, cached: Bool, watched: @escaping @Sendable (String) -> Bool) {
        self.rootManifest = rootManifest
        self.plan = plan
        self.stats = stats
        self.cached = cached
        self.watched = watched
    }

    /// `-j` when none is given: `[build] parallel_jobs`, else `cores`.
    public func jobs(default cores: Int) -> Int { rootManifest.build.jobs.map { Int($0.value) } ?? cores }

    /// Seconds one action may run: `[build] timeout`, else 300.
    public var timeout: Double { Double(rootManifest.build.timeout?.value ?? 300) }

    /// Writes `compile_commands.json` at the workspace root (atomically, and only when it
    /// changed: editors watch it). What it was written from is noted (`CompileCommandsRecord`):
    /// a kept plan's database is there already, and a plan made again with the same commands
    /// (after an edited import) leaves it without making it again.
    public func writeCompileCommands(fileSystem: any FileSystem) throws(FileSystemError) {
        let record = CompileCommandsRecord(root: plan.root, targetDirectory: plan.targetDirectory, fileSystem: fileSystem)
        let noted = record.current()
        if cached, let planDigest, noted?.plan == planDigest { return }
        let whole = wholePlan ?? wholeRecord.flatMap { BuildPlan(record: $0) } ?? plan
        let digest = CompileCommands.digest(of: whole)
        if noted?.commands != digest {
            let text = CompileCommands.database(of: whole).bytes
            if !((try? fileSystem.readFile(record.database)).map { Bytes.equal($0, text) } ?? false) { try fileSystem.writeFile(record.database, text) }
        }
        record.write(commands: digest, plan: planDigest)
    }

    /// Only what the targets (or packages) `names` need: the plan narrowed to them. A narrowed
    /// build is not a complete one: it leaves no record that everything is built.
    /// `idle`: the packages of `names` with nothing to build (a library today's Asthra compiler
    /// builds into each program that imports it), left out, not refused: `nothingToBuild(names)`
    /// says so.
    private func selecting(_ names: [String], idle: Set<String>) -> Result<PreparedBuild, Diagnostic> {
        var failure: Diagnostic?
        let part = narrowed { whole in
            switch whole.selecting(names.filter { !idle.contains($0) }) {
            case .success(let part): return part
            case .failure(let d): failure = d; return whole
            }
        }
        return failure.map { .failure($0) } ?? .success(part)
    }

    /// A warning for each of `names` that is a package of the workspace with no action in the
    /// plan, with the ecosystem's reason and what to add (as for a workspace with nothing to
    /// build, B009).
    public func nothingToBuild(_ names: [String]) -> [Diagnostic] {
        // A record of a part is kept only when every package it names builds something.
        guard !nothingToDo, wholeRecord == nil else { return [] }
        let idle = idlePackages(names)
        guard !idle.isEmpty, let ecosystem = EcosystemRegistry.standard.ecosystem(forManifest: rootManifest.path) else { return [] }
        let (notes, help) = ecosystem.nothingToBuild(rootManifest)
        return idle.map { name in
            Diagnostic(severity: .warning, code: DiagnosticCode.nothingToBuild.rawValue, message: "nothing to build for package '\(name)': it has no program, library or test this build makes",
                       range: .at(0), notes: notes, help: help).unplaced
        }
    }

    /// Those of `names` that are packages of the workspace (the root and its members) with no
    /// action in the whole plan.
    private func idlePackages(_ names: [String]) -> [String] {
        let building = Set(whole.actions.map(\.package))
        let missing = names.filter { !building.contains($0) }
        guard !missing.isEmpty else { return [] }
        let packages = Set(workspacePackages)
        return missing.filter(packages.contains)
    }

    /// What `--workspace` names, as `selecting` takes names: the workspace's packages (the root
    /// and its members) that have actions, in plan order; where a build names targets rather
    /// than packages (Aria's build.abc, `Ecosystem.buildsTargets`), every target.
    public var workspaceNames: [String] {
        let names = plannedPackages
        if buildsTargets { return names }
        let packages = Set(workspacePackages)
        return names.filter(packages.contains)
    }

    /// Every package (or Aria target) with actions in the whole plan, in plan order: those of
    /// the workspace and the dependencies it builds (what `ampu clean -p` may name).
    public var plannedPackages: [String] {
        var seen = Set<String>()
        return whole.actions.map(\.package).filter { seen.insert($0).inserted }
    }

    /// Whether the build names targets rather than packages (Aria's build.abc).
    public var buildsTargets: Bool { EcosystemRegistry.standard.ecosystem(forManifest: rootManifest.path)?.buildsTargets ?? false }

    /// The whole plan, also when `plan` is a part of it.
    private var whole: BuildPlan { wholePlan ?? wholeRecord.flatMap { BuildPlan(record: $0) } ?? plan }

    /// The names of the root package and the members.
    private var workspacePackages: [String] {
        guard let ecosystem = EcosystemRegistry.standard.ecosystem(forManifest: rootManifest.path) else { return [] }
        let locator = WorkspaceLocator(ecosystem: ecosystem, fileSystem: stats.fileSystem)
        return ([rootManifest] + locator.memberManifests(of: rootManifest)).compactMap { $0.package?.name?.value }
    }

    /// The build of `part`: the packages it names and what they need (as `selecting`), without
    /// the test programs and what only they need unless it has them, as `cargo build` leaves
    /// tests to `cargo test`. A complete build of it is recorded as one of that part, so that
    /// the next build of it may have nothing to do; not when a package named has nothing to
    /// build (`nothingToBuild` warns of it, on every build). When there is nothing to do (a
    /// record that stands for the part said so), or after a complete build when the plan is
    /// only what the changed files reach (they and everything after them, so that the part of
    /// them is what the part needs run), the part is taken from the plan as it is.
    public func choosing(_ part: BuildPart) -> Result<PreparedBuild, Diagnostic> {
        var chosen = self
        chosen.showsTests = part.tests
        guard !nothingToDo, !part.isWhole else { return .success(chosen) }
        if wholeRecord != nil {
            if !part.packages.isEmpty {
                chosen.plan = plan.part(packages: part.packages)
            }
        } else if !part.packages.isEmpty {
            let idle = Set(idlePackages(part.packages))
            switch selecting(part.packages, idle: idle) {
            case .success(let selected): chosen = selected
            case .failure(let problem): return .failure(problem)
            }
            // Recorded only when every package named builds something.
            guard idle.isEmpty else { return .success(chosen.leavingOutTests(part, recorded: false)) }
            chosen.recordsCompletion = recordsCompletion
        }
        return .success(chosen.leavingOutTests(part, recorded: true))
    }

    /// Without the test programs, unless `part` has them; `recorded`: a complete build is
    /// recorded as one of `part`.
    private func leavingOutTests(_ part: BuildPart, recorded: Bool) -> PreparedBuild {
        var copy = self
        var covered: BuildPart? = part
        if !part.tests, let without = plan.withoutTests() {
            if wholeRecord == nil {
                // The ids `onlyThese` names are the whole plan's.
                copy.widen()
                copy.wholePlan = copy.wholePlan ?? copy.plan
            }
            copy.plan = without
        } else if !part.tests, part.packages.isEmpty, wholeRecord.map({ !PlanRecord.hasTests($0) }) ?? true {
            // The whole plan has no test program: its build is all of it.
            covered = nil
        }
        copy.part = recorded ? covered : nil
        if !recorded { copy.recordsCompletion = false }
        return copy
    }

    /// Only what some products need (the program `ampu run` runs): the plan narrowed to their
    /// actions and what those need, as `selecting` narrows it. When they need all of it, the
    /// build is the plan's own (its complete build is recorded, as `ampu build`'s is), and when
    /// there is nothing to do, it stays so. After a complete build, when the plan is what the
    /// changed files reach, it is those of its actions the products need (none, when the
    /// changes do not reach them), the rest of the kept plan not read.
    public func building(_ wanted: (BuildPlan.Product) -> Bool) -> PreparedBuild {
        if nothingToDo { return self }
        let part = plan.part(building: (plan.programs + plan.tests).filter(wanted).map(\.action))
        if part.actions.count == plan.actions.count { return self }
        // Without the kept record, `narrowed` keeps `plan` as it is.
        guard wholeRecord != nil else { return narrowed { _ in part } }
        var copy = self
        copy.plan = part
        copy.recordsCompletion = false
        return copy
    }

    /// The programs and test programs of the packages (or targets) `names` (of all, when none
    /// is named), as the whole plan has them: also when `plan` holds only what must run
    /// (nothing, or what the changed files reach). For their names and paths: `building` finds
    /// their actions.
    public func products(of names: [String]) -> (programs: [BuildPlan.Product], tests: [BuildPlan.Product]) {
        var all = (programs: plan.programs, tests: plan.tests)
        if let record = wholeRecord, let kept = PlanRecord.products(in: record[...]) {
            all = kept
        } else if nothingToDo, let kept = keptProducts {
            all = kept
        }
        guard !names.isEmpty else { return all }
        return (all.programs.filter { names.contains($0.package) }, all.tests.filter { names.contains($0.package) })
    }

    /// The build of a part of the whole plan: compile_commands.json is still the whole plan's,
    /// and a part is not a complete build (it leaves no record that everything is built).
    private func narrowed(_ part: (BuildPlan) -> BuildPlan) -> PreparedBuild {
        var copy = self
        copy.widen()
        copy.wholePlan = copy.wholePlan ?? copy.plan
        copy.plan = part(copy.plan)
        copy.recordsCompletion = false
        copy.nothingToDo = false
        return copy
    }

    /// The whole plan again, every action looked at: for what needs more than the actions the
    /// changed files reach.
    mutating func widen() {
        if let record = wholeRecord, let whole = BuildPlan(record: record) { plan = whole }
        wholeRecord = nil
        onlyThese = nil
        completeRecord = nil
    }

    /// Every action of `kind` runs again, changed or not (`--force` for build scripts): their
    /// fingerprints go, and the build is not taken to have nothing to do.
    public mutating func runAgain(_ kind: BuildAction.Kind) {
        let fingerprints = FingerprintStore(targetDirectory: plan.targetDirectory, stats: stats)
        if plan.actions.contains(where: { $0.kind == kind }) {
            // What they generate may change: every action is looked at again.
            widen()
        }
        for action in plan.actions where action.kind == kind { fingerprints.remove(for: action) }
    }

    /// What running the plan would do, running nothing (`--dry-run`). When something would run,
    /// the record of a complete build goes: the kept plan has taken in the changes, and the next
    /// build must not take their absence for a build with nothing to do.
    public func wouldRun(environment: [String: String]) -> [(action: BuildAction, why: FingerprintStore.Staleness?)] {
        let fingerprints = FingerprintStore(targetDirectory: plan.targetDirectory, stats: stats)
        let running = BuildExecutor(plan: plan, store: fingerprints, options: .init(jobs: 1, environment: environment, onlyThese: onlyThese)).wouldRun()
        if !running.isEmpty { CompleteBuild(targetDirectory: plan.targetDirectory, profile: plan.profile.name, stats: stats).forget() }
        return running
    }

    /// Runs the plan: the record of a complete build is removed first and written again only
    /// when every action succeeds and its fingerprint is written.
    public func run(jobs: Int, keepGoing: Bool, environment: [String: String], interruption: Interruption?,
                    onEvent: (BuildExecutor.Event) -> Void) -> BuildExecutor.Summary {
        let complete = CompleteBuild(targetDirectory: plan.targetDirectory, profile: plan.profile.name, stats: stats)
        complete.forget()
        let fingerprints = FingerprintStore(targetDirectory: plan.targetDirectory, stats: stats)
        let executor = BuildExecutor(plan: plan, store: fingerprints, options: .init(
            jobs: jobs, keepGoing: keepGoing, timeout: timeout, environment: environment, interruption: interruption, onlyThese: onlyThese))
        let summary = executor.run(onEvent)
        if summary.succeeded && !plan.hasErrors && summary.unrecorded.isEmpty && recordsCompletion, let planDigest {
            // The actions whose fingerprints keep what they said (up to date, they said it again).
            let said = Set(summary.records.compactMap { $0 }.filter { !$0.isFailure && !$0.stderr.isEmpty }.map(\.action))
            if let previous = completeRecord {
                let ran = onlyThese.map { only in plan.actions.filter { only.contains($0.id) } } ?? plan.actions
                // `plan` holds every action that needs one that ran (what the changes reach),
                // so its own tests tell which of those only tests need.
                complete.save(updating: previous, ran: ran, fingerprints: fingerprints, watched: watched, said: said,
                              forTests: CompleteBuild.onlyForTests(said, in: plan), part: part)
            } else {
                complete.save(plan, planDigest: planDigest, fingerprints: fingerprints, environment: environment, watched: watched, said: said, part: part)
            }
        }
        return summary
    }

    /// What the actions this build will not look at wrote on standard error when they last
    /// ran (a compiler's warnings), each with the directory it ran in, to be shown again as
    /// those of the actions it finds up to date are (`BuildExecutor.Record.stderr`): after a
    /// complete build, the actions no changed file reaches, or all of them when there is
    /// nothing to do; in a build without tests, not those only the test programs need. Read
    /// from their fingerprints only when the record names some.
    public func replayedOutput() -> [(directory: String, text: String)] {
        guard let record = completeRecord else { return [] }
        let said = CompleteBuild.said(in: record)
        guard !said.isEmpty else { return [] }
        let looked = nothingToDo ? [] : Set(plan.actions.filter { onlyThese?.contains($0.id) ?? true }.map { FingerprintStore.id(of: $0) })
        let log = FingerprintStore(targetDirectory: plan.targetDirectory, stats: stats).log
        return said.filter { !looked.contains($0.id) && (showsTests || !$0.forTests) }.compactMap { entry in
            log.fingerprint(entry.id).flatMap { $0.said.isEmpty ? nil : (entry.directory, $0.said) }
        }
    }
}

extension PlanCache.Kept {
    /// The kept plan's warnings, to be shown as they were when it was made.
    func report(root: PackageManifest) -> BuildSetup.Report {
        BuildSetup.Report(diagnostics: warnings, sources: warningSources, root: root.directory, defaultFile: root.path)
    }
}
