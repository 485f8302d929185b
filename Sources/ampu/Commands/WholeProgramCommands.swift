import BuildModel
#if canImport(Glibc)
import Glibc
#endif

/// `ampu elm plan|check`: seed 001's build driver for Elm applications and packages.
struct WholeProgramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "elm",
        abstract: "Plan an Elm build (packages, module order, problems), and hand it to `elm make`.",
        subcommands: [WholeProgramPlanCommand.self, WholeProgramCheckCommand.self]
    )
}

/// `ampu elm plan [--use-cached] [-q] PATH…`: the plan as JSON on stdout.
struct WholeProgramPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the build plan of Elm entry files as JSON.",
        discussion: """
            Finds elm.json in the current directory or a parent, takes the packages from the package \
            cache (ELM_HOME, default ~/.elm), and prints the packages in build order, the modules the \
            entry files reach in build order and in parallel levels, the foreign modules they use, and \
            every problem found. With no PATH, the entries are the modules that define `main`. Exits 1 \
            when there is a problem that stops a build.
            """
    )

    @Flag(name: .customLong("use-cached"), help: "Mark the modules the last `elm make` compiled that have not changed since (elm-stuff/0.19.1/d.dat).")
    var useCached = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Print nothing on stderr.")
    var quiet = false

    @Argument(name: "paths", help: "Entry files, such as src/Main.elm.")
    var paths: [String] = []

    func run() throws {
        let plan = WholeProgramSession(lang: "elm", quiet: quiet).plan(paths, useCached: useCached)
        Terminal.standardOutput.write(plan.document)
        Terminal.exitNow(plan.hasErrors ? 1 : 0)
    }
}

/// `ampu elm check [-y|-n] [-q] PATH…`: the plan for people, then `elm make` when asked.
struct WholeProgramCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Show the build plan of Elm entry files, then build them with `elm make`.",
        discussion: """
            Prints what the build will do and every problem found, and asks whether to proceed; yes \
            runs `elm make` on the same entry files in the project's directory and shows its output. \
            Exits 1 when there is a problem, also with --no.
            """
    )

    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Build without asking.")
    var yes = false

    @Flag(name: [.customShort("n"), .customLong("no")], help: "Show the plan only: do not ask, do not build.")
    var no = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Print nothing on stderr.")
    var quiet = false

    @Argument(name: "paths", help: "Entry files, such as src/Main.elm.")
    var paths: [String] = []

    func validate() throws {
        if yes && no { throw ValidationError("--yes and --no cannot be given together") }
    }

    func run() throws {
        WholeProgramSession(lang: "elm", quiet: quiet).check(paths, answer: yes ? true : no ? false : nil)
    }
}

/// Loads the project of a whole-program language, plans it and hands it to its compiler: what
/// `ampu elm` and `ampu build` in such a project share.
struct WholeProgramSession {
    var lang: String
    var quiet: Bool
    var manifestPath: String? = nil

    func plan(_ paths: [String], useCached: Bool) -> WholeProgramPlan {
        let fileSystem = LocalFileSystem()
        guard let ecosystem = EcosystemRegistry.standard.ecosystem(named: lang) as? any WholeProgramBuilding else {
            fail("ampu has no whole-program build for \(lang)")
        }
        let environment = Environment.current
        let snapshot: WorkspaceSnapshot
        do throws(WorkspaceError) {
            snapshot = try WorkspaceLoader(ecosystem: ecosystem, fileSystem: fileSystem, environment: environment)
                .load(from: fileSystem.currentDirectory, manifestPath: manifestPath)
        } catch {
            let renderer = DiagnosticRenderer(format: .human, colors: Terminal.standardError.supportsColor)
            Terminal.standardError.write(renderer.render([error.diagnostic], sources: [:], defaultFile: ""))
            Terminal.exitNow(1)
        }
        let entries = paths.map { fileSystem.absolute($0) }
        let plan = ecosystem.planWholeProgram(snapshot, entries: entries, useCached: useCached, environment: environment, fileSystem: fileSystem)
        if !quiet {
            let errors = plan.problems.count { $0.severity == .error }
            Terminal.standardError.write("Planned \(Paths.display(snapshot.rootManifest.path, from: fileSystem.currentDirectory)): "
                                         + (errors == 0 ? "no errors" : "\(errors) error\(errors == 1 ? "" : "s")") + "\n")
        }
        return plan
    }

    /// Prints the summary; then builds when `answer` is yes, asks when it is nil.
    func check(_ paths: [String], answer: Bool?) -> Never {
        let plan = self.plan(paths, useCached: true)
        Terminal.standardOutput.write(plan.summary)
        if plan.hasErrors { Terminal.exitNow(1) }
        guard answer != false else { Terminal.exitNow(0) }
        if answer == nil {
            Terminal.standardOutput.write("Do you want to proceed with build? [Y/n] ")
            guard let reply = readLine(strippingNewline: true) else {
                Terminal.standardOutput.write("\n")
                Terminal.exitNow(0)
            }
            let answer = reply.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
            guard ["", "y", "yes"].contains(String(answer).lowercased()) else { Terminal.exitNow(0) }
        }
        guard let compile = plan.compile else {
            let renderer = DiagnosticRenderer(format: .human, colors: Terminal.standardError.supportsColor)
            Terminal.standardError.write(renderer.render([plan.missingCompiler!], sources: [:], defaultFile: ""))
            Terminal.exitNow(1)
        }
        // On a terminal the compiler has it to itself (elm colours its messages only there):
        // the build is handed over. Elsewhere (CI, scripts, editors) ampu waits for it, so that
        // a failure of the compiler's own (`transientFailures`) gets a second run.
        if Terminal.standardOutput.isTerminal && Terminal.standardError.isTerminal {
            guard chdir(compile.directory) == 0 else { fail("cannot enter \(compile.directory)") }
            Terminal.exec(compile.commandLine)
        }
        let result: ProcessRunner.Result
        do {
            result = try plan.runCompiler(compile, environment: Environment.current, timeout: Self.timeout, interrupt: Interruption.shared.descriptor) { note in
                if !quiet { Terminal.standardError.write("note: \(note)\n") }
            }
        } catch {
            fail("\(error)")
        }
        if result.timedOut { fail("`\(compile.description)` did not finish in \(Int(Self.timeout)) s, and was stopped") }
        Terminal.exitNow(result.interrupted ? 130 : result.status)
    }

    /// How long the compiler may take over one build.
    static let timeout = 1800.0

    private func fail(_ message: String) -> Never {
        Terminal.standardError.write("error: \(message)\n")
        Terminal.exitNow(1)
    }
}
