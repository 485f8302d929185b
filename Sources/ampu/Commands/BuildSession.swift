import BuildModel

/// The options every building command shares (`build`, `run`, `test`, `compile-commands`, `gen`).
struct BuildOptions: ParsableArguments {
    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    @Flag(name: .customLong("release"), help: "Build with the release profile (optimised, no debug information).")
    var release = false

    @Option(name: .customLong("profile"), help: "Build with this profile: debug, release or a [profile.NAME] of the manifest.")
    var profile: String?

    // Taken whatever it looks like, so that `-j -1` is a count and not an unknown option.
    @Option(name: [.customShort("j", allowingJoined: true), .customLong("jobs")], parsing: .unconditional,
            help: "How many actions run at once (default: [build] parallel_jobs, else one per core); a negative N is that many fewer than the cores.")
    var jobs: Int?

    @Flag(name: .customLong("keep-going"), help: "Keep starting actions after one fails.")
    var keepGoing = false

    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Say why each action ran and show its command line.")
    var verbose = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Print no status lines (Compiling, Finished, Running) and no progress bar; warnings and errors still.")
    var quiet = false

    @Option(name: .customLong("message-format"), help: "How to print diagnostics: human, short or json.")
    var messageFormat: MessageFormat = .human

    @OptionGroup var features: FeatureOptions

    @Option(name: [.customShort("p"), .customLong("package")], help: ArgumentHelp("Only this package (or Aria target) and what it needs; may be given more than once.", valueName: "name"))
    var packages: [String] = []

    @Flag(name: .customLong("force"), help: "Run every build script again, changed or not (Rask).")
    var force = false

    @Flag(name: .customLong("build-verbose"), help: "Say what each build script does as it runs (Rask).")
    var buildVerbose = false

    @OptionGroup var lock: LockOptions

    @OptionGroup var targetDirectory: TargetDirectoryOption

    /// The profile the command line names; nil: none (the manifest's, else debug).
    var profileName: String? { profile ?? (release ? "release" : nil) }

    func validate() throws {
        if verbose && quiet { throw ValidationError("-v and -q ask for more and for less; give one") }
        if release && profile != nil && profile != "release" { throw ValidationError("--release and --profile \(profile!) ask for two profiles; give one") }
        if jobs == 0 { throw ValidationError("-j 0 runs nothing: give at least 1, or a negative N for that many fewer than the cores") }
    }

    /// The -j asked for, as Cargo reads it: a negative count is that many fewer than the cores
    /// (at least one).
    func jobCount(cores: Int) -> Int? {
        jobs.map { $0 < 0 ? max(1, cores + $0) : $0 }
    }
}

/// `--target-dir DIR`, as Cargo's: where the build's output and records go instead of the
/// manifest's target directory; else `AMPU_TARGET_DIR`, as Cargo reads `CARGO_TARGET_DIR`. A
/// relative path is taken from the current directory.
struct TargetDirectoryOption: ParsableArguments {
    @Option(name: .customLong("target-dir"), help: ArgumentHelp("The directory for the build's output and records, instead of target/ (else $AMPU_TARGET_DIR).", valueName: "dir"))
    var path: String?

    func validate() throws {
        if path?.isEmpty == true { throw ValidationError("--target-dir needs a directory") }
    }

    /// The directory asked for, absolute; nil: the manifest's.
    func resolved(environment: [String: String], fileSystem: any FileSystem) -> String? {
        guard let asked = path ?? environment["AMPU_TARGET_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        return fileSystem.absolute(asked)
    }
}

/// `--workspace` and `--exclude`, as Cargo's: every package of the workspace, but those.
struct WorkspaceSelection: ParsableArguments {
    @Flag(name: .customLong("workspace"), help: "Every package of the workspace, from anywhere (in a member's directory, only that member is built; at a root that is a package, only it, unless default-members says otherwise).")
    var workspace = false

    @Option(name: .customLong("exclude"), help: ArgumentHelp("With --workspace: not this package (it is still built when another needs it); may be given more than once.", valueName: "name"))
    var exclude: [String] = []

    func validate() throws {
        if !exclude.isEmpty && !workspace { throw ValidationError("--exclude can only be used together with --workspace") }
    }
}

/// Loading, checking and planning a build, and running a plan with progress and messages:
/// what `build`, `run` and `test` share. The work is `BuildModel`'s; this draws it.
struct BuildSession {
    let options: BuildOptions
    let fileSystem = LocalFileSystem()
    let environment = Environment.current
    /// What the command line says over the manifest (toasty's options).
    var overrides = BuildOverrides()
    /// What the workspace is loaded from: the disk, or the disk with a manifest made up for a
    /// single file (toasty's single-file mode).
    var workspaceFiles: any FileSystem = LocalFileSystem()
    var stream: Terminal { options.messageFormat == .json ? .standardOutput : .standardError }

    /// The plan, as `BuildSetup` prepares it; what it reports is shown here, and a setup that
    /// stops ends the program with status 1.
    /// - Parameters:
    ///   - partial: a plan with errors still goes on, its errors shown first.
    ///   - shortcut: a build with nothing to do may say so without reading its plan.
    ///   - narrow: after a complete build, the plan may be only what the changed files reach.
    ///   - part: the part of the plan the command will build (`BuildSetup.prepare`).
    /// - Parameter runsTools: false for a command that only shows the plan (`tree`, `graph`): a
    ///   compiler that is not there is not its concern, and is not reported.
    /// - Parameter warnings: false for a command that only reads the plan (`clean -p`): errors
    ///   alone are shown.
    func plan(partial: Bool = false, shortcut: Bool = false, narrow: Bool = false, part: BuildPart? = nil, runsTools: Bool = true, warnings: Bool = true) -> PreparedBuild {
        var setup = BuildSetup(fileSystem: workspaceFiles, environment: environment, profile: options.profileName, tool: Self.toolIdentity(fileSystem))
        setup.overrides = overrides
        setup.overrides.features = options.features.selection
        setup.overrides.targetDirectory = options.targetDirectory.resolved(environment: environment, fileSystem: fileSystem)
        setup.endsWithBuild = true
        // A command that only shows the plan writes no lock and fetches nothing.
        if runsTools { setup.refreshLock = { [options, environment] snapshot in Self.refreshLock(snapshot, options: options, environment: environment) } }
        let outcome = setup.prepare(from: fileSystem.currentDirectory, manifestPath: options.manifestPath, partial: partial, shortcut: shortcut, narrow: narrow,
                                    part: part) { miss in
            // AMPU_DEBUG_PLAN=1 says why the plan is made afresh.
            if environment["AMPU_DEBUG_PLAN"] != nil { Terminal.standardError.write("plan cache: \(miss.line)\n") }
        }
        switch outcome {
        case .ready(let prepared, let report):
            let toolchain = EcosystemRegistry.standard.toolchainCodes
            let shown = (runsTools ? report.diagnostics : report.diagnostics.filter { !toolchain.contains($0.code ?? "") })
                .filter { warnings || $0.severity == .error }
            show(shown, sources: report.sources, root: report.root, defaultFile: report.defaultFile)
            return prepared
        case .stopped(let report, let summary):
            show(report.diagnostics, sources: report.sources, root: report.root, defaultFile: report.defaultFile)
            if let summary { finish(error: summary) }
            Terminal.exitNow(1)
        }
    }

    /// The lock file brought up to date before a plan is made, as `cargo build` does
    /// (`LockRefresh`): resolved and written when it is missing or out of date, its packages
    /// fetched when the cache lacks them. True when something was written.
    static func refreshLock(_ snapshot: WorkspaceSnapshot, options: BuildOptions, environment: [String: String]) -> Bool {
        let registry = SourcePackageProvider.environmentRegistry(environment, root: snapshot.root)
        guard let format = snapshot.ecosystem.lockFormat, let cacheRoot = format.cacheRoot(environment: environment),
              let due = LockRefresh.due(snapshot, registry: registry, cacheRoot: cacheRoot) else { return false }
        let cache = GitCache(root: cacheRoot, git: GitCLI(environment: environment))
        let offline = options.lock.cacheOnly
        switch due {
        case .resolve:
            let flag = options.lock.forbidding
            let writer = LockWriter(manifest: snapshot.rootManifest, members: snapshot.members.filter { $0.path != snapshot.rootManifest.path },
                                    ecosystem: snapshot.ecosystem, lockPath: Paths.join(snapshot.root, format.fileName), forbidding: flag, offline: offline,
                                    quiet: options.quiet)
            writer.write(previous: snapshot.lock, cache: cache, keep: nil, registry: registry,
                         otherwise: "run `ampu update` to write it, or build without \(flag ?? "")")
        case .fetch:
            guard let lock = snapshot.lock else { return false }
            let progress = ProgressLine()
            do {
                let fetched = try LockFetch.fetch(lock, cache: cache, offline: offline, progress: progress.report)
                progress.finish()
                for name in fetched where !options.quiet { Terminal.standardError.write("   Fetched \(name) v\(lock.package(named: name)!.version)\n") }
            } catch {
                progress.finish()
                ManifestTarget.fail("\(error)")
            }
        }
        return true
    }

    /// The packages a command builds: those named; with `--workspace`, none named (every one;
    /// `selecting` takes out those `--exclude` names); else those Cargo would choose
    /// from where it runs (`WorkspaceLocator.defaultPackages`): the member whose directory it
    /// is, or at the root the `default-members`, or the root package; else none named, and the
    /// whole workspace is built.
    func chosen(_ names: [String], selection: WorkspaceSelection? = nil) -> [String] {
        guard names.isEmpty,
              let found = try? EcosystemRegistry.standard.manifest(from: fileSystem.currentDirectory, manifestPath: options.manifestPath, fileSystem: fileSystem)
        else { return names }
        if selection?.workspace == true { return [] }
        let locator = WorkspaceLocator(ecosystem: found.ecosystem, fileSystem: fileSystem)
        guard let packages = locator.defaultPackages(from: fileSystem.currentDirectory, manifestPath: found.path) else { return [] }
        if packages.isEmpty {
            finish(error: "no package to build: `default-members` in \(Paths.relative(found.path, from: fileSystem.currentDirectory)) names none\n"
                   + "  = help: name the members to build there, or choose here: `--workspace` for all of them, `-p NAME` for one")
        }
        return packages
    }

    /// Only the packages (or targets) `names` and what they need (`PreparedBuild.choosing`), and
    /// without the test programs unless `tests`; an unknown name ends the program with the
    /// names there are. With `excluding` (`--workspace --exclude`), every package of the
    /// workspace (or Aria target) but those.
    func selecting(_ names: [String], in prepared: PreparedBuild, excluding: [String] = [], tests: Bool = true) -> PreparedBuild {
        var names = names
        if !excluding.isEmpty {
            if !names.isEmpty { finish(error: "--exclude takes packages out of --workspace's; with names given (\(names.joined(separator: ", "))), only those are built") }
            let all = prepared.workspaceNames
            for name in excluding where !all.contains(name) {
                let guess = Spelling.closest(to: name, in: all).map { "; did you mean '\($0)'?" } ?? ""
                show([Diagnostic(severity: .warning, message: "--exclude names '\(name)', which is not in the workspace\(guess)", range: .at(0),
                                 help: ["the names are: " + all.joined(separator: ", ")]).unplaced], sources: [:], root: nil, defaultFile: "")
            }
            names = all.filter { !excluding.contains($0) }
            if names.isEmpty { finish(error: "nothing to build: --exclude leaves none of the workspace's (\(all.joined(separator: ", ")))") }
        }
        switch prepared.choosing(BuildPart(packages: names, tests: tests)) {
        case .success(let part):
            show(prepared.nothingToBuild(names), sources: [:], root: prepared.plan.root, defaultFile: "")
            return part
        case .failure(let problem):
            show([problem], sources: [:], root: prepared.plan.root, defaultFile: "")
            Terminal.exitNow(1)
        }
    }

    /// Only the programs and test programs named (`--bin`, `--test`) and what they need; a
    /// name that is none ends the program with the names there are.
    func only(programs: [String], tests: [String], in prepared: PreparedBuild) -> PreparedBuild {
        let plan = prepared.plan
        var wanted = Set<String>()
        for (names, products, kind) in [(programs, plan.programs, "program"), (tests, plan.tests, "test program")] {
            for name in names {
                let found = products.filter { $0.name == name }
                if found.isEmpty {
                    let all = products.map(\.name)
                    let guess = Spelling.closest(to: name, in: all).map { "; did you mean '\($0)'?" } ?? ""
                    finish(error: "no \(kind) named '\(name)'\(guess)" + (all.isEmpty ? " (there is none)" : " (there are: \(all.joined(separator: ", ")))"))
                }
                wanted.formUnion(found.map(\.path))
            }
        }
        return prepared.building { wanted.contains($0.path) }
    }

    /// This program's own file, as the kernel knows it (nil where there is no `/proc`).
    static func executablePath(_ fileSystem: LocalFileSystem) -> String? {
        try? fileSystem.realPath("/proc/self/exe")
    }

    /// This program's own path, size and time: a new ampu plans afresh.
    static func toolIdentity(_ fileSystem: LocalFileSystem) -> String {
        guard let path = executablePath(fileSystem), let s = fileSystem.status(path) else { return ToolInfo.version }
        return "\(path) \(s.size) \(s.modificationTime)"
    }

    /// Runs the plan under the target directory's lock; compile_commands.json is written first.
    /// Returns whether every action succeeded (and the plan had no error).
    @discardableResult
    func execute(_ prepared: PreparedBuild, timings: Bool = false) -> Bool {
        var prepared = prepared
        if options.force { prepared.runAgain(.buildScript) }
        let plan = prepared.plan
        let narration = options.buildVerbose ? BuildScriptNarration(plan: plan, manifest: prepared.rootManifest) : nil
        // What up-to-date actions said when they last ran (a compiler's warnings), shown again
        // as Cargo shows a fresh crate's: those the build will not look at, first.
        // Each compiler diagnostic once a build, as rustc shows each once a compilation: two
        // programs whose compiles read one module get its warnings from both.
        var shown = Set<Diagnostic>()
        for (directory, text) in prepared.replayedOutput() { showOutput(text, directory: directory, plan: plan, shown: &shown) }
        if prepared.nothingToDo {
            status("Finished", finished(plan, seconds: format2(Clock.now() - Clock.start)))
            return true
        }
        let lock: BuildLock
        do {
            lock = try BuildLock(targetDirectory: plan.targetDirectory, fileSystem: fileSystem) {
                status("Blocking", "waiting for file lock on build directory")
            }
        } catch {
            finish(error: "\(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            try prepared.writeCompileCommands(fileSystem: fileSystem)
        } catch {
            show([Diagnostic(severity: .warning, message: "cannot write compile_commands.json: \(error)", range: .at(0)).unplaced], sources: [:], root: nil, defaultFile: "")
        }
        let jobs = options.jobCount(cores: Clock.cores) ?? prepared.jobs(default: Clock.cores)
        let timeout = prepared.timeout
        let progress = BuildProgress(total: plan.actions.count, terminal: .standardError, quiet: options.quiet)
        let summary = prepared.run(jobs: jobs, keepGoing: options.keepGoing, environment: environment, interruption: .shared) { event in
            switch event {
            case .started(let action, _):
                progress.started(action)
            case .finished(let action, let record):
                progress.finished(action) {
                    if let narration, record.outcome != .upToDate { Terminal.standardError.write(narration.lines(for: action, record)) }
                    if options.verbose, record.outcome != .upToDate, let why = record.staleness {
                        status("Dirty", "\(action.description.drop { $0 != " " }.dropFirst()): \(why.display(plan))")
                        status("Running", "`\(action.shellCommand)`")
                    }
                    if !record.isFailure {
                        if record.outcome != .upToDate { status(verb(of: action), String(action.description.drop { $0 != " " }.dropFirst())) }
                        // What it said on its standard error (a compiler's warnings), as Ninja and
                        // Cargo show it, and again while it is up to date; its standard output is
                        // its own (`Compiled successfully`).
                        showOutput(record.stderr, directory: action.directory, plan: plan, shown: &shown)
                    }
                    if record.isFailure { report(record, of: action, plan: plan, timeout: timeout, shown: &shown) }
                }
            }
        }
        progress.clear()
        if !summary.unrecorded.isEmpty {
            let failed = summary.unrecorded
            // One reason for all (the log cannot be written) is said once; else each action's.
            let reasons = Set(failed.map(\.reason))
            let notes = reasons.count == 1 ? [failed[0].reason] : failed.map { "\($0.action): \($0.reason)" }
            show([Diagnostic(severity: .warning, message: "cannot record what \(count(failed.count, "action")) ran on; the next build runs \(failed.count == 1 ? "it" : "them") again",
                             range: .at(0), notes: notes).unplaced], sources: [:], root: nil, defaultFile: "")
        }
        if timings {
            let path = Paths.join(plan.targetDirectory, "timings", "ampu-timing.html")
            try? fileSystem.createDirectory(Paths.parent(path))
            try? fileSystem.writeFile(Paths.join(Paths.parent(path), "ampu-timing.json"), Array(TimingsReport.json(plan: plan, summary: summary, jobs: jobs).utf8))
            if (try? fileSystem.writeFile(path, Array(TimingsReport.html(plan: plan, summary: summary, jobs: jobs).utf8))) != nil {
                status("Timing", "report saved to \(plan.display(path))")
            }
        }
        if summary.interrupted {
            Terminal.standardError.write(paint("error", "1;31") + ": build interrupted; finished outputs are kept, the others are not written\n")
            Terminal.exitNow(130)
        }
        let elapsed = String(format2(Clock.now() - Clock.start))
        if summary.succeeded && !plan.hasErrors {
            status("Finished", finished(plan, seconds: elapsed))
            return true
        }
        let failed = summary.failures.count
        let skipped = summary.notStarted
        var words = ["could not build"]
        if failed > 0 { words.append("\(count(failed, "action")) failed") }
        if skipped > 0 { words.append("\(skipped) not started") }
        if plan.hasErrors { words.append(BuildPlan.errorsShownAbove) }
        Terminal.standardError.write(paint("error", "1;31") + ": " + words.joined(separator: "; ") + "\n")
        return false
    }

    /// Cargo's closing line: the profile and what it means, when the language has profiles.
    private func finished(_ plan: BuildPlan, seconds: String) -> String {
        plan.usesProfile ? "`\(plan.profile.name)` profile [\(plan.profile.summary)] in \(seconds)s" : "in \(seconds)s"
    }

    /// Writes a file made from the plan (atomically) at `output`, `-` for standard output, or
    /// `defaultName` at the workspace root, and says so.
    func export(_ bytes: [UInt8], to output: String?, defaultName: String, plan: BuildPlan, what: String) {
        if output == "-" {
            Terminal.standardOutput.write(String(decoding: bytes, as: UTF8.self))
            return
        }
        let path = output.map { fileSystem.absolute($0) } ?? Paths.join(plan.root, defaultName)
        do { try fileSystem.writeFile(path, bytes) } catch { finish(error: "cannot write '\(path)': \(error)") }
        status("Wrote", "\(plan.display(path)) (\(what))")
    }

    // MARK: Drawing

    func show(_ diagnostics: [Diagnostic], sources: [String: SourceText], root: String?, defaultFile: String) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(format: options.messageFormat, colors: stream.supportsColor, root: root)
        stream.write(renderer.render(diagnostics, sources: sources, defaultFile: defaultFile))
    }

    /// An action's output: the compiler's diagnostics drawn as check draws them, but for those
    /// in `shown` (drawn already for another action), and other lines as they were.
    private func showOutput(_ text: String, directory: String, plan: BuildPlan, shown: inout Set<Diagnostic>) {
        guard !text.isEmpty else { return }
        let parsed = CompilerMessages.parse(text, directory: directory, fileSystem: fileSystem)
        show(parsed.diagnostics.filter { shown.insert($0).inserted }, sources: parsed.sources, root: plan.root, defaultFile: "")
        if !parsed.otherLines.isEmpty && options.messageFormat != .json {
            stream.write(parsed.otherLines.map { $0 + "\n" }.joined())
        }
    }

    /// A failed action: its output (`showOutput`), then what failed (B002, B003, B004).
    private func report(_ record: BuildExecutor.Record, of action: BuildAction, plan: BuildPlan, timeout: Double, shown: inout Set<Diagnostic>) {
        showOutput(record.stderr + record.stdout, directory: action.directory, plan: plan, shown: &shown)
        let code: DiagnosticCode
        let message: String
        var help: [String] = []
        switch record.outcome {
        case .failed(let status):
            code = .actionFailed
            message = "\(action.description) failed: '\(Paths.lastComponent(action.arguments[0]))' exited with status \(status)"
        case .signalled(let signal):
            code = .actionFailed
            message = "\(action.description) failed: '\(Paths.lastComponent(action.arguments[0]))' was ended by \(ProcessRunner.describe(signal: signal))"
        case .timedOut:
            code = .actionTimedOut
            if let limit = action.limit {
                message = limit.message
                help = limit.help
            } else {
                message = "\(action.description) ran for more than \(Int(timeout)) second\(timeout == 1 ? "" : "s") and was stopped"
                help = ["raise `timeout` under [build] if it needs longer; a compiler that never ends may be looping on its input"]
            }
        case .memoryExceeded:
            code = .actionOutOfMemory
            message = action.memoryLimit?.message ?? "\(action.description) used more memory than it may and was stopped"
            help = action.memoryLimit?.help ?? []
        case .outputNotPlaced(let path, let reason):
            code = .missingOutput
            message = "\(action.description) succeeded but its output could not be put in place of '\(plan.display(path))': \(reason)"
            help = ["remove '\(plan.display(path))' (`ampu clean` removes the whole build directory), then build again"]
        case .missingOutput(let path):
            code = .missingOutput
            message = "\(action.description) succeeded but did not write '\(plan.display(path))'"
            help = ["check the compiler's command line (`ampu build --plan`): it must write the file named after -o"]
        case .cannotStart(let why):
            code = .toolNotFound
            message = "\(action.description) could not run: \(why)"
        case .interrupted, .upToDate, .succeeded:
            return
        }
        var d = Diagnostic(severity: .error, code: code.rawValue, message: message, range: .at(0), help: help).unplaced
        d.notes = ["the command was: " + action.shellCommand]
        if record.outputLeftOut > 0 {
            d.notes.append("its output went on for \(record.outputLeftOut) bytes more, not kept (the first \(BuildExecutor.outputKept >> 20) MiB of each stream are): run the command to see it all")
        }
        show([d], sources: [:], root: plan.root, defaultFile: "")
    }

    /// Cargo's status line: the verb right-aligned in twelve columns, green on a terminal.
    func status(_ verb: String, _ text: String) {
        if options.quiet { return }
        let padded = String(repeating: " ", count: max(0, 12 - verb.count)) + verb
        Terminal.standardError.write(paint(padded, "1;32") + " " + text + "\n")
    }

    private func verb(of action: BuildAction) -> String { String(action.description.prefix { $0 != " " }) }

    func finish(error message: String) -> Never {
        Terminal.standardError.write(paint("error", "1;31") + ": " + message + "\n")
        Terminal.exitNow(1)
    }

    private func paint(_ text: String, _ code: String) -> String {
        Terminal.standardError.supportsColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    private func format2(_ t: Double) -> String {
        let hundredths = Int((t * 100).rounded())
        return "\(hundredths / 100).\(String(hundredths % 100 + 100).dropFirst())"
    }
}
