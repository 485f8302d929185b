import BuildModel

/// `ampu check`: every manifest and import diagnostic of the workspace, without building.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the workspace's manifests and imports without building.",
        discussion: """
            Finds the manifest (asthra.toml) in the current directory or a parent (or uses --manifest-path), \
            loads the workspace and its members, and reports manifest errors, malformed and \
            unresolved imports, access-rule violations and import cycles; and, from the package cache \
            alone (nothing is fetched), git dependencies whose requirements cannot be met together \
            and locked packages that are not fetched. Exits 1 when there is an error.
            """
    )

    @Option(name: .customLong("manifest-path"), help: "The manifest (asthra.toml) to use instead of searching upward.")
    var manifestPath: String?

    @Option(name: .customLong("message-format"), help: "How to print diagnostics: human, short or json.")
    var messageFormat: MessageFormat = .human

    @OptionGroup var features: FeatureOptions

    @Option(name: .customLong("target"), help: "The platform to check for: linux, macos or windows (default: this one); a Rask dep with `target:` is only there.")
    var target: String?

    @Flag(name: .customLong("access-control"), help: "Check the imports only (the I codes): their form, where they lead and the access rules; manifest and resolution problems are not reported.")
    var accessControl = false

    func run() throws {
        let check = WorkspaceCheck(manifestPath: manifestPath, messageFormat: messageFormat, features: features.selection(target: target), accessControl: accessControl)
        let report = check.report()
        check.show(report)
        // Leave without tearing down the snapshot: freeing 10,000 modules one by one costs more
        // than the operating system reclaiming the whole heap at once.
        Terminal.exitNow(report.errorCount > 0 ? 1 : 0)
    }
}

/// The workspace loaded and checked, as `ampu check` and `ampu fix` check it: manifests and
/// imports, and the dependencies from the package cache alone (nothing is fetched).
struct WorkspaceCheck {
    var manifestPath: String?
    var messageFormat: MessageFormat
    var features: FeatureSelection
    /// The imports only (the `I` codes).
    var accessControl = false
    let fileSystem = LocalFileSystem()

    /// What the check finds; a workspace that cannot be loaded is said, and ends the program.
    func report() -> CheckReport {
        let snapshot: WorkspaceSnapshot
        do throws(WorkspaceError) {
            let (loader, manifest) = try EcosystemRegistry.standard.loader(
                from: fileSystem.currentDirectory, manifestPath: manifestPath, fileSystem: fileSystem, environment: Environment.current,
                features: features)
            snapshot = try loader.load(from: fileSystem.currentDirectory, manifestPath: manifest)
        } catch {
            let renderer = DiagnosticRenderer(format: messageFormat, colors: Terminal.standardError.supportsColor)
            let out = messageFormat == .json ? Terminal.standardOutput : Terminal.standardError
            out.write(renderer.render([error.diagnostic], sources: [:], defaultFile: ""))
            Terminal.exitNow(1)
        }
        let environment = Environment.current
        let resolution = accessControl ? [] : snapshot.ecosystem.lockFormat?.cacheRoot(environment: environment).map {
            ResolutionCheck.run(snapshot, cache: GitCache(root: $0, git: GitCLI(environment: environment))).diagnostics
        } ?? []
        var report = CheckReport(snapshot: snapshot, resolution: resolution)
        if accessControl { report.diagnostics = report.diagnostics.filter { $0.code?.hasPrefix("I") == true } }
        return report
    }

    /// The diagnostics in the message format, then (for people) the closing line.
    func show(_ report: CheckReport) {
        let snapshot = report.snapshot
        let stream = messageFormat == .json ? Terminal.standardOutput : Terminal.standardError
        let renderer = DiagnosticRenderer(format: messageFormat, colors: stream.supportsColor, root: snapshot.root)
        // Related places outside the workspace (a dependency's manifest in the cache) need their text too.
        var sources = snapshot.sources
        for d in report.diagnostics {
            for r in d.related { if let f = r.file, sources[f] == nil, let t = try? fileSystem.readText(f) { sources[f] = t } }
        }
        stream.write(renderer.render(report.diagnostics, sources: sources, defaultFile: snapshot.rootManifest.path))
        if messageFormat != .json {
            Terminal.standardError.write(CheckSummary(report: report, colors: Terminal.standardError.supportsColor, importsOnly: accessControl).text)
        }
    }
}

/// The closing line of `check`: what was checked and what was found.
struct CheckSummary {
    var report: CheckReport
    var colors: Bool
    /// `--access-control`: only the imports were checked.
    var importsOnly = false

    private func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    var text: String {
        // What was scanned: the packages' own modules, and the library and dependency modules
        // their imports reached (checked too).
        var scope = "\(count(report.packageCount, "package")), \(count(report.moduleCount, "module"))"
        if report.libraryModuleCount > 0 { scope += " and \(count(report.libraryModuleCount, "imported module"))" }
        if importsOnly { scope += " (imports only)" }
        let errors = report.errorCount
        let warnings = report.warningCount
        if errors > 0 {
            let label = colors ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
            return "\(label): check failed: \(count(errors, "error")), \(count(warnings, "warning")) in \(scope)\n"
        }
        let label = colors ? "\u{1B}[1;32mChecked\u{1B}[0m" : "Checked"
        return "\(label) \(scope): " + (warnings > 0 ? "\(count(warnings, "warning"))" : "no problems") + "\n"
    }
}
