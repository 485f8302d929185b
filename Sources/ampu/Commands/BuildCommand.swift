import BuildModel

/// `ampu build`: the workspace's programs and libraries (with `--tests`, its test programs),
/// incrementally, in parallel.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Compile the workspace's packages and their programs (with --tests, their test programs too).",
        discussion: """
            Checks the workspace first (check's errors stop the build), plans the compiles, native C \
            compiles, archives and links, and runs them at most -j at a time, each as soon as what it \
            reads is built. An action whose inputs, command line and compiler are unchanged does not \
            run again. Output goes to target/<profile>/; compile_commands.json is written at the \
            workspace root on every build.
            """
    )

    @OptionGroup var options: BuildOptions

    @Flag(name: .customLong("plan"), help: "Print the plan instead of running it.")
    var plan = false

    @Option(name: .customLong("format"), help: "With --plan: text or json.")
    var format: PlanFormat = .text

    @Flag(name: .customLong("timings"), help: "Write an HTML report of when each action ran (target/timings/ampu-timing.html).")
    var timings = false

    @Flag(name: .customLong("dry-run"), help: "Print the commands that would run, and why, without running them.")
    var dryRun = false

    @Argument(name: "names", help: "Build only these targets (an Aria build.abc's) or packages, and what they need.")
    var names: [String] = []

    @OptionGroup var selection: WorkspaceSelection

    @Option(name: .customLong("bin"), help: ArgumentHelp("Build only this program (and what it needs), as cargo build --bin; may be given more than once.", valueName: "name"))
    var programs: [String] = []

    @Option(name: .customLong("test"), help: ArgumentHelp("Build only this test program (and what it needs); may be given more than once.", valueName: "name"))
    var tests: [String] = []

    @Flag(name: .customLong("tests"), help: "Build the test programs too, as `ampu test` does (without it, as cargo build, they are left to `ampu test`).")
    var allTests = false

    enum PlanFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        // A language whose compiler builds the whole program (Elm) gets its plan and its compiler.
        let fileSystem = LocalFileSystem()
        if let found = try? EcosystemRegistry.standard.manifest(from: fileSystem.currentDirectory, manifestPath: options.manifestPath, fileSystem: fileSystem),
           found.ecosystem is any WholeProgramBuilding {
            let session = WholeProgramSession(lang: found.ecosystem.name.lowercased(), quiet: false, manifestPath: found.path)
            if plan {
                let whole = session.plan([], useCached: true)
                Terminal.standardOutput.write(format == .json ? whole.document : whole.summary)
                Terminal.exitNow(whole.hasErrors ? 1 : 0)
            }
            session.check([], answer: true)
        }
        let session = BuildSession(options: options)
        let selected = session.chosen(names + options.packages, selection: selection)
        // Test programs are `ampu test`'s, unless asked for, as Cargo's are.
        let part = BuildPart(packages: selected, tests: allTests || !tests.isEmpty)
        // A build of the part and nothing else may find it has nothing to do without reading the
        // plan, or read only what the changed files reach.
        let runsItAll = !plan && !timings && !dryRun && !options.force && programs.isEmpty && tests.isEmpty && selection.exclude.isEmpty
        var prepared = session.selecting(selected, in: session.plan(partial: !plan, shortcut: runsItAll, narrow: runsItAll, part: part),
                                         excluding: selection.exclude, tests: part.tests)
        if !programs.isEmpty || !tests.isEmpty {
            prepared = session.only(programs: programs, tests: allTests ? prepared.plan.tests.map(\.name) : tests, in: prepared)
        }
        let built = prepared.plan
        if dryRun {
            let running = prepared.wouldRun(environment: session.environment)
            for (action, why) in running {
                Terminal.standardOutput.write("# \(action.description)\(why.map { ": " + $0.display(built) } ?? ": after an action above")\n\(action.shellCommand)\n")
            }
            session.status("Dry run", "\(running.count) of \(session.count(built.actions.count, "action")) would run; nothing was run")
            Terminal.exitNow(built.hasErrors ? 1 : 0)
        }
        if plan {
            switch format {
            case .text: Terminal.standardOutput.write(built.text)
            case .json: Terminal.standardOutput.write(((try? JSON.serializeToString(built.json, pretty: true)) ?? "{}") + "\n")
            }
            Terminal.exitNow(0)
        }
        Terminal.exitNow(session.execute(prepared, timings: timings) ? 0 : 1)
    }
}

/// `ampu run [--bin NAME] [-- ARGS]`: builds, then runs one program with the arguments.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Build, then run a program of the workspace with the arguments after --."
    )

    @OptionGroup var options: BuildOptions

    @Option(name: .customLong("bin"), help: "The program to run, when the workspace has more than one.")
    var bin: String?

    @Argument(name: "arguments", parsing: .postTerminator, help: "Arguments for the program.")
    var arguments: [String] = []

    func run() throws {
        let session = BuildSession(options: options)
        let packages = session.chosen(options.packages)
        // As `ampu build` from here, without the test programs: right after it (or after this
        // command built all the program needs), there is nothing to do, said without reading
        // the plan; after an edit, only what the changed files reach is looked at.
        let everything = session.plan(shortcut: true, narrow: true, part: BuildPart(packages: packages, tests: false))
        let prepared = session.selecting(packages, in: everything, tests: false)
        let products = everything.products(of: packages)
        // Without --bin, the root package's `default-run` says which of several, as Cargo's does.
        let defaultRun = prepared.rootManifest.package?.defaultRun?.value
        let wanted = bin ?? (products.programs.count > 1 ? defaultRun : nil)
        let programs = products.programs.filter { wanted == nil || $0.name == wanted }
        let quoted = packages.map { "'\($0)'" }
        let whole = switch quoted.count {
        case 0: "the workspace"
        case 1: quoted[0]
        default: "packages " + quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
        }
        let has = quoted.count > 1 ? "have" : "has"
        guard programs.count == 1, let program = programs.first else {
            let names = products.programs.map(\.name)
            let tests = products.tests.map(\.name)
            // A program of another package than this directory's: where it is, as Cargo says.
            if let bin, options.packages.isEmpty, !packages.isEmpty, !names.contains(bin),
               let elsewhere = everything.products(of: []).programs.first(where: { $0.name == bin }) {
                session.finish(error: "no program named '\(bin)' in \(whole), the \(quoted.count > 1 ? "packages" : "package") chosen here\n"
                               + "  = help: it is a program of package '\(elsewhere.package)': `ampu run -p \(elsewhere.package) --bin \(bin)`")
            }
            // A test program is `ampu test`'s, as Cargo's are: said so by name, not "add a program".
            if let bin, tests.contains(bin) {
                session.finish(error: "'\(bin)' is a test program: `ampu test` builds and runs it" + (names.isEmpty ? "" : " (the programs to run are: \(names.joined(separator: ", ")))"))
            }
            if names.isEmpty {
                if !tests.isEmpty {
                    session.finish(error: "\(whole) \(has) no program to run, only test programs (\(tests.joined(separator: ", "))): `ampu test` builds and runs them")
                }
                let how = EcosystemRegistry.standard.ecosystem(forManifest: prepared.rootManifest.path)?.howToAddProgram ?? "add a program to the package"
                session.finish(error: "\(whole) \(has) no program to run; \(how)")
            }
            if let bin {
                let guess = Spelling.closest(to: bin, in: names).map { "; did you mean '\($0)'?" } ?? ""
                session.finish(error: "no program named '\(bin)'\(guess) (\(whole) \(has): \(names.joined(separator: ", ")))")
            }
            if let defaultRun { session.finish(error: "`default-run` names '\(defaultRun)', which is not a program of \(whole): \(names.joined(separator: ", "))") }
            session.finish(error: "\(whole) \(has) \(names.count) programs; say which with --bin: \(names.joined(separator: ", "))")
        }
        // Only what the program needs is built, as `cargo run` does.
        guard session.execute(prepared.building { $0.path == program.path }) else { Terminal.exitNow(1) }
        let command = program.commandLine(arguments)
        session.status("Running", "`\(program.shownCommand(arguments, from: LocalFileSystem().currentDirectory))`")
        Terminal.exec(command)
    }
}

/// `ampu test`: builds the test programs (each module under a package's tests/) and runs them.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Build and run the test programs: each module under a package's tests/ directory.",
        discussion: "A test passes when its program exits with status 0 and prints no line starting with FAIL (lines starting with PASS and FAIL are counted as checks). Ends with 'N passed, N failed'; exits 1 when any failed."
    )

    @OptionGroup var options: BuildOptions

    @Argument(name: "filter", help: "Run only the tests whose names contain this text.")
    var filter: String?

    @Option(name: .customLong("timeout"), help: ArgumentHelp("Stop a test program that runs longer than this, and count it failed.", valueName: "seconds"))
    var timeout: Int = 300

    @Option(name: .customLong("test"), help: ArgumentHelp("Build and run only this test program (and build what it needs), as cargo test --test; may be given more than once.", valueName: "name"))
    var only: [String] = []

    @Flag(name: .customLong("no-run"), help: "Build the test programs but do not run them, as cargo test --no-run; each one's command is printed.")
    var noRun = false

    @Argument(name: "arguments", parsing: .postTerminator, help: "Arguments for each test program.")
    var arguments: [String] = []

    @OptionGroup var selection: WorkspaceSelection

    func validate() throws {
        if timeout < 1 { throw ValidationError("--timeout \(timeout) gives a test no time: give a number of seconds, 1 or more") }
    }

    func run() throws {
        let session = BuildSession(options: options)
        let selected = session.chosen(options.packages, selection: selection)
        // With the test programs: right after a build of them all (`ampu test`, `ampu build
        // --tests`), nothing to do, said without reading the plan; after an edit, only what the
        // changed files reach is looked at.
        let runsItAll = selection.exclude.isEmpty && only.isEmpty
        let everything = session.plan(shortcut: runsItAll, narrow: runsItAll, part: BuildPart(packages: selected, tests: true))
        var prepared = session.selecting(selected, in: everything, excluding: selection.exclude)
        if !only.isEmpty { prepared = session.only(programs: [], tests: only, in: prepared) }
        let plan = prepared.plan
        guard session.execute(prepared) else { Terminal.exitNow(1) }
        let all = runsItAll ? everything.products(of: selected).tests : plan.tests
        let tests = all.filter { filter == nil || $0.name.contains(filter!) }
        if noRun {
            // As cargo test --no-run names each test executable it built: here, how to run it.
            let here = LocalFileSystem().currentDirectory
            for test in tests { session.status("Executable", "\(test.package)/\(test.name) (`\(test.shownCommand(arguments, from: here))`)") }
            Terminal.exitNow(0)
        }
        var passed = 0, failed = 0
        let out = Terminal.standardOutput
        out.write("\nrunning \(tests.count) test\(tests.count == 1 ? "" : "s")\n")
        // At most -j at once, as cargo test runs tests in parallel, the longest last time first;
        // the results in the tests' order.
        let jobs = options.jobCount(cores: Clock.cores) ?? prepared.jobs(default: Clock.cores)
        TestRuns.run(tests, arguments: arguments, in: plan.root, environment: session.environment, timeout: Double(timeout),
                     jobs: jobs, timesIn: plan.targetDirectory, known: Set(everything.products(of: []).tests.map(\.path)),
                     interruption: Interruption.shared) { index, outcome in
            let test = tests[index]
            let run: TestRun
            switch outcome {
            case .success(let done): run = done
            case .failure(let error):
                out.write("test \(test.package)/\(test.name) ... FAILED (\(error))\n")
                failed += 1
                return
            case nil: Terminal.exitNow(130)
            }
            if run.result.interrupted { Terminal.exitNow(130) }
            if run.passed {
                passed += 1
                out.write("test \(test.package)/\(test.name) ... ok\(run.checks.summary.map { " (\($0))" } ?? "")\n")
                return
            }
            failed += 1
            out.write("test \(test.package)/\(test.name) ... FAILED (\(run.why))\n")
            let output = run.output
            if !output.isEmpty { out.write(output.hasSuffix("\n") ? output : output + "\n") }
            if run.result.leftOut > 0 {
                out.write("(its output went on for \(run.result.leftOut) bytes more, not kept: the first \(BuildExecutor.outputKept >> 20) MiB of each stream are)\n")
            }
            let (count, lines) = run.failuresLeftOut
            if count > 0 {
                let shown = count > lines.count ? ", the first \(lines.count)" : ""
                out.write("\(count == 1 ? "the failed check" : "the \(count) failed checks") in what was not kept\(shown):\n")
                for line in lines { out.write("    \(line)\n") }
            }
            if run.result.timedOut {
                out.write("(it was stopped: `ampu test --timeout SECONDS` gives tests longer than \(timeout) second\(timeout == 1 ? "" : "s"))\n")
            }
        }
        // As cargo test: the tests the filter left out are counted too.
        let filteredOut = all.count - tests.count
        out.write("\n\(passed) passed, \(failed) failed\(filteredOut > 0 ? ", \(filteredOut) filtered out" : "")\n")
        Terminal.exitNow(failed == 0 ? 0 : 1)
    }
}
