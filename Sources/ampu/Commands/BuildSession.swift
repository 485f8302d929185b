import ArgumentParser
import BuildModel

/// The options every building command shares (`build`, `run`, `test`, `compile-commands`, `gen`).
struct BuildOptions: ParsableArguments {
    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    @Flag(help: "Build with the release profile (optimised, no debug information).")
    var release = false

    @Option(help: "Build with this profile: debug, release or a [profile.NAME] of the manifest.")
    var profile: String?

    @Option(name: [.customShort("j", allowingJoined: true), .customLong("jobs")], help: "How many actions run at once (default: [build] parallel_jobs, else one per core).")
    var jobs: Int?

    @Flag(name: .customLong("keep-going"), help: "Keep starting actions after one fails.")
    var keepGoing = false

    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Say why each action ran and show its command line.")
    var verbose = false

    @Option(name: .customLong("message-format"), help: "How to print diagnostics: human, short or json.")
    var messageFormat: MessageFormat = .human

    var profileName: String { profile ?? (release ? "release" : "debug") }

    func validate() throws {
        if release && profile != nil && profile != "release" { throw ValidationError("--release and --profile \(profile!) ask for two profiles; give one") }
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1") }
    }
}

/// Loading, checking and planning a build, and running a plan with progress and messages:
/// what `build`, `run` and `test` share. The work is `BuildModel`'s; this draws it.
struct BuildSession {
    let options: BuildOptions
    let fileSystem = LocalFileSystem()
    let environment = Environment.current
    var stream: Terminal { options.messageFormat == .json ? .standardOutput : .standardError }

    /// What a build works from: the root manifest and the plan.
    struct Prepared {
        var rootManifest: PackageManifest
        var plan: BuildPlan
        /// Statuses taken while the plan was checked, for the fingerprints to reuse.
        var stats: StatCache
        /// Whether the plan is the last build's, kept in target/cache (nothing was loaded).
        var cached: Bool
        /// Nothing changed since a build that left everything built: `plan` is empty and there
        /// is nothing to run.
        var nothingToDo = false
        /// After a complete build: the only actions that may have to run (the others need not
        /// read their fingerprints).
        var onlyThese: Set<Int>? = nil
        /// The kept plan's digest, when the plan is kept.
        var planDigest: String? = nil
        /// Whether the kept plan's check looks at a file already: the ecosystem's sources (every
        /// module is one of them).
        var watched: @Sendable (String) -> Bool = { _ in false }
    }

    /// The plan: the last build's when nothing it was made from changed; else the workspace
    /// loaded, checked (check's errors stop here) and planned (its errors too, unless `partial`:
    /// then what can be built still is, and the errors are shown first).
    /// - Parameter shortcut: a build with nothing to do may say so without reading its plan.
    func plan(partial: Bool = false, shortcut: Bool = false) -> Prepared {
        let stats = StatCache(fileSystem: fileSystem)
        let found: (path: String, ecosystem: any Ecosystem)
        do throws(WorkspaceError) {
            found = try EcosystemRegistry.standard.manifest(from: fileSystem.currentDirectory, manifestPath: options.manifestPath, fileSystem: fileSystem)
        } catch {
            show([error.diagnostic], sources: [:], root: nil, defaultFile: "")
            Terminal.exitNow(1)
        }
        let rootPath = WorkspaceLocator(ecosystem: found.ecosystem, fileSystem: fileSystem).workspaceRoot(for: found.path)
        let key = PlanCache.key(ecosystem: found.ecosystem.name, manifest: rootPath, profile: options.profileName, environment: environment,
                                tool: Self.toolIdentity(fileSystem))
        if let root = found.ecosystem.loadManifest(in: Paths.parent(rootPath), fileSystem: fileSystem), !root.hasErrors {
            let target = Paths.join(root.directory, root.build.outputDirectory?.value ?? "target")
            let cache = PlanCache(targetDirectory: target, profile: options.profileName, stats: stats)
            switch cache.validate(key: key, ecosystem: found.ecosystem) {
            case .success(let kept):
                if shortcut, kept.untouched, case .success(let profile) = ProfileSettings.resolve(options.profileName, in: root.build, manifest: root.path),
                   CompleteBuild(targetDirectory: target, profile: options.profileName, stats: stats).holds(planDigest: kept.digest, environment: environment) {
                    return Prepared(rootManifest: root, plan: BuildPlan(root: root.directory, profile: profile, targetDirectory: target),
                                    stats: stats, cached: true, nothingToDo: true)
                }
                if let plan = kept.plan() {
                    var prepared = Prepared(rootManifest: root, plan: plan, stats: stats, cached: true)
                    prepared.watched = { [ecosystem = found.ecosystem] in ecosystem.isSourceFile($0) }
                    prepared.planDigest = kept.digest
                    if CompleteBuild(targetDirectory: target, profile: options.profileName, stats: stats)
                        .holds(planDigest: kept.digest, environment: environment, except: Set(kept.changedFiles)) {
                        prepared.onlyThese = CompleteBuild.affected(by: kept.changedFiles, in: plan)
                    }
                    return prepared
                }
            case .failure(let miss):
                // AMPU_DEBUG_PLAN=1 says why the plan is made afresh.
                if environment["AMPU_DEBUG_PLAN"] != nil { Terminal.standardError.write("plan cache: \(miss.line)\n") }
            }
        }
        let snapshot: WorkspaceSnapshot
        do throws(WorkspaceError) {
            let loader = WorkspaceLoader(ecosystem: found.ecosystem, fileSystem: fileSystem, environment: environment)
            snapshot = try loader.load(from: fileSystem.currentDirectory, manifestPath: found.path)
        } catch {
            show([error.diagnostic], sources: [:], root: nil, defaultFile: "")
            Terminal.exitNow(1)
        }
        let report = CheckReport(snapshot: snapshot, resolution: [])
        show(report.diagnostics, sources: snapshot.sources, root: snapshot.root, defaultFile: snapshot.rootManifest.path)
        if report.errorCount > 0 {
            finish(error: "could not build: `ampu check` found \(count(report.errorCount, "error"))")
        }
        let request: BuildRequest
        switch BuildRequest.make(snapshot, profile: options.profileName, environment: environment, fileSystem: fileSystem) {
        case .success(let made): request = made
        case .failure(let diagnostic):
            show([diagnostic], sources: snapshot.sources, root: snapshot.root, defaultFile: snapshot.rootManifest.path)
            Terminal.exitNow(1)
        }
        let plan = request.plan()
        show(plan.diagnostics, sources: snapshot.sources, root: snapshot.root, defaultFile: snapshot.rootManifest.path)
        if plan.hasErrors && !partial { Terminal.exitNow(1) }
        let cache = PlanCache(targetDirectory: plan.targetDirectory, profile: options.profileName, stats: stats)
        var digest: String?
        if !plan.hasErrors && report.warningCount == 0 && plan.diagnostics.isEmpty {
            // Kept only when there is nothing to say: a kept plan is used without a word.
            digest = cache.save(plan, snapshot: snapshot, key: key)
        } else {
            try? fileSystem.removeItem(cache.file)
        }
        // The fingerprints hash what the load has already read, instead of reading it again.
        stats.remember(sources: snapshot.sources)
        var prepared = Prepared(rootManifest: snapshot.rootManifest, plan: plan, stats: stats, cached: false)
        prepared.planDigest = digest
        prepared.watched = { [ecosystem = found.ecosystem] in ecosystem.isSourceFile($0) }
        return prepared
    }

    /// This program's own path, size and time: a new ampu plans afresh.
    static func toolIdentity(_ fileSystem: LocalFileSystem) -> String {
        guard let path = try? fileSystem.realPath("/proc/self/exe"), let s = fileSystem.status(path) else { return ToolInfo.version }
        return "\(path) \(s.size) \(s.modificationTime)"
    }

    /// Runs the plan under the target directory's lock; compile_commands.json is written first.
    /// Returns whether every action succeeded (and the plan had no error).
    @discardableResult
    func execute(_ prepared: Prepared, timings: Bool = false) -> Bool {
        let plan = prepared.plan
        let started = Clock.now()
        if prepared.nothingToDo {
            status("Finished", "`\(plan.profile.name)` profile [\(plan.profile.summary)] in \(format2(Clock.now() - started))s")
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
            // Written only when it changes: editors watch it, and an unchanged build changes nothing.
            let path = Paths.join(plan.root, "compile_commands.json")
            if !prepared.cached || !fileSystem.exists(path) {
                let text = Array(CompileCommands.json(of: plan).utf8)
                if (try? fileSystem.readFile(path)) != text { try fileSystem.writeFile(path, text) }
            }
        } catch {
            show([Diagnostic(severity: .warning, message: "cannot write compile_commands.json: \(error)", range: .at(0)).unplaced], sources: [:], root: nil, defaultFile: "")
        }
        let jobs = options.jobs ?? prepared.rootManifest.build.jobs.map { Int($0.value) } ?? Clock.cores
        let timeout = Double(prepared.rootManifest.build.timeout?.value ?? 300)
        // The record of a complete build goes first: it comes back only if this one completes.
        let complete = CompleteBuild(targetDirectory: plan.targetDirectory, profile: plan.profile.name, stats: prepared.stats)
        complete.forget()
        let fingerprints = FingerprintStore(targetDirectory: plan.targetDirectory, stats: prepared.stats)
        let executor = BuildExecutor(
            plan: plan, store: fingerprints,
            options: .init(jobs: jobs, keepGoing: options.keepGoing, timeout: timeout, environment: environment, interruption: .shared,
                           onlyThese: prepared.onlyThese))
        let progress = BuildProgress(total: plan.actions.count, terminal: .standardError)
        let summary = executor.run { event in
            switch event {
            case .started(let action, _):
                progress.started(action)
            case .finished(let action, let record):
                progress.finished(action) {
                    if options.verbose, record.outcome != .upToDate, let why = record.staleness {
                        status("Dirty", "\(action.description.drop { $0 != " " }.dropFirst()): \(why.display(plan))")
                        status("Running", "`\(action.shellCommand)`")
                    }
                    if record.outcome != .upToDate && !record.isFailure { status(verb(of: action), String(action.description.drop { $0 != " " }.dropFirst())) }
                    if record.isFailure { report(record, of: action, plan: plan, timeout: timeout) }
                }
            }
        }
        progress.clear()
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
        let elapsed = String(format2(Clock.now() - started))
        if summary.succeeded && !plan.hasErrors {
            if let digest = prepared.planDigest {
                complete.save(plan, planDigest: digest, fingerprints: fingerprints, environment: environment, watched: prepared.watched)
            }
            status("Finished", "`\(plan.profile.name)` profile [\(plan.profile.summary)] in \(elapsed)s")
            return true
        }
        let failed = summary.failures.count
        let skipped = summary.notStarted
        var words = ["could not build"]
        if failed > 0 { words.append("\(count(failed, "action")) failed") }
        if skipped > 0 { words.append("\(skipped) not started") }
        if plan.hasErrors { words.append("the plan has errors (above)") }
        Terminal.standardError.write(paint("error", "1;31") + ": " + words.joined(separator: "; ") + "\n")
        return false
    }

    /// Writes a file made from the plan (atomically) at `output`, `-` for standard output, or
    /// `defaultName` at the workspace root, and says so.
    func export(_ text: String, to output: String?, defaultName: String, plan: BuildPlan, what: String) {
        if output == "-" {
            Terminal.standardOutput.write(text)
            return
        }
        let path = output.map { fileSystem.absolute($0) } ?? Paths.join(plan.root, defaultName)
        do { try fileSystem.writeFile(path, Array(text.utf8)) } catch { finish(error: "cannot write '\(path)': \(error)") }
        status("Wrote", "\(plan.display(path)) (\(what))")
    }

    // MARK: Drawing

    func show(_ diagnostics: [Diagnostic], sources: [String: SourceText], root: String?, defaultFile: String) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(format: options.messageFormat, colors: stream.supportsColor, root: root)
        stream.write(renderer.render(diagnostics, sources: sources, defaultFile: defaultFile))
    }

    /// A failed action: the compiler's diagnostics drawn as check draws them, other output as
    /// it was, then what failed (B002, B003, B004).
    private func report(_ record: BuildExecutor.Record, of action: BuildAction, plan: BuildPlan, timeout: Double) {
        let parsed = CompilerMessages.parse(record.stderr + record.stdout, directory: action.directory, fileSystem: fileSystem)
        show(parsed.diagnostics, sources: parsed.sources, root: plan.root, defaultFile: "")
        if !parsed.otherLines.isEmpty && options.messageFormat != .json {
            stream.write(parsed.otherLines.map { $0 + "\n" }.joined())
        }
        let code: DiagnosticCode
        let message: String
        var help: [String] = []
        switch record.outcome {
        case .failed(let status):
            code = .actionFailed
            message = "\(action.description) failed: '\(Paths.lastComponent(action.arguments[0]))' exited with status \(status)"
        case .timedOut:
            code = .actionTimedOut
            message = "\(action.description) ran for more than \(Int(timeout)) second\(timeout == 1 ? "" : "s") and was stopped"
            help = ["raise `timeout` under [build] if it needs longer; a compiler that never ends may be looping on its input"]
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
        show([d], sources: [:], root: plan.root, defaultFile: "")
    }

    /// Cargo's status line: the verb right-aligned in twelve columns, green on a terminal.
    func status(_ verb: String, _ text: String) {
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
