import BuildModel

/// ampu run as `toasty` (a link named so), with the command line of Oats's build tool (seed 004):
/// `toasty [--verbose] build|run|new`. Builds go through the same plan, scheduler and records
/// as `ampu build` in an Oats package.
struct Toasty: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toasty",
        abstract: "Build, run and create Oats packages (ampu under the name of Oats's toasty).",
        version: "toasty (\(ToolInfo.name) \(ToolInfo.version))",
        subcommands: [ToastyBuild.self, ToastyRun.self, ToastyNew.self]
    )

    @OptionGroup var global: ToastyGlobal
}

struct ToastyGlobal: ParsableArguments {
    @Flag(name: .customLong("verbose"), help: "Show manifest discovery, the package graph, the build order, and each compile and link command.")
    var verbose = false
}

/// The options `toasty build` and `toasty run` share.
struct ToastyBuildOptions: ParsableArguments {
    @Argument(name: "source", help: "A single .oats file to build instead of the package (single-file mode); default: $OATS_SRC_FILE, else the package of the nearest Oats.toml.")
    var source: String?

    @Option(name: [.customShort("o"), .customLong("out-dir")], help: "Where the executable goes (default: target/, or the current directory in single-file mode).")
    var outDir: String?

    @Option(name: .customLong("out-name"), help: "The executable's name (default: the package's, or the file's).")
    var outName: String?

    @Option(name: .customLong("linker"), help: "The program that links (default: [build] linker, $CC, clang, cc).")
    var linker: String?

    @Flag(name: .customLong("release"), help: "Build with the release profile.")
    var release = false

    @Option(name: .customLong("opt-level"), help: "none, default or aggressive.")
    var optLevel: String?

    @Option(name: .customLong("lto"), help: "Link-time optimisation: none, thin or full.")
    var lto: String?

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Print only errors.")
    var quiet = false

    func validate() throws {
        if let optLevel, !["none", "default", "aggressive"].contains(optLevel) {
            throw ValidationError("--opt-level must be none, default or aggressive, not '\(optLevel)'")
        }
        if let lto, !["none", "thin", "full"].contains(lto) { throw ValidationError("--lto must be none, thin or full, not '\(lto)'") }
    }
}

struct ToastyBuild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the package (and its dependencies), or a single file.")

    @OptionGroup var global: ToastyGlobal
    @OptionGroup var options: ToastyBuildOptions

    func run() throws {
        let session = try ToastySession(options: options, verbose: global.verbose)
        Terminal.exitNow(session.build(needsProgram: false) != nil ? 0 : 1)
    }
}

struct ToastyRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Build, then run the program with the arguments after --.")

    @OptionGroup var global: ToastyGlobal
    @OptionGroup var options: ToastyBuildOptions

    @Argument(name: "arguments", parsing: .postTerminator, help: "Arguments for the program.")
    var arguments: [String] = []

    func run() throws {
        let session = try ToastySession(options: options, verbose: global.verbose)
        guard let program = session.build(needsProgram: true) else { Terminal.exitNow(1) }
        Terminal.exec([program] + arguments)
    }
}

struct ToastyNew: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a new Oats package in a new directory.")

    @Argument(name: "name", help: "The package name; also the directory to create.")
    var name: String

    @Flag(name: .customLong("lib"), help: "Create a library instead of a program.")
    var library = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Print only errors.")
    var quiet = false

    func run() throws {
        try NewCommand.parse([name, "--lang", "oats"] + (library ? ["--lib"] : [])).run()
    }
}

/// A toasty build: the package of the nearest Oats.toml, or one file with a manifest made up
/// for it, planned with the command line's options and run as `ampu build` runs.
struct ToastySession {
    var session: BuildSession
    let verbose: Bool
    let quiet: Bool

    init(options: ToastyBuildOptions, verbose: Bool) throws {
        var flags = options.release ? ["--release"] : []
        if verbose { flags.append("-v") }
        session = BuildSession(options: try BuildOptions.parse(flags))
        self.verbose = verbose
        quiet = options.quiet
        let fileSystem = session.fileSystem
        var overrides = BuildOverrides(outputName: options.outName, linker: options.linker,
                                       optimization: options.optLevel.map { ["none": 0, "default": 2, "aggressive": 3][$0]! }, lto: options.lto)
        overrides.outputDirectory = options.outDir.map(fileSystem.absolute)
        let source = options.source ?? session.environment["OATS_SRC_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let manifest = EcosystemRegistry.standard.ecosystem(named: "oats").flatMap {
            WorkspaceLocator(ecosystem: $0, fileSystem: fileSystem).nearestManifest(from: fileSystem.currentDirectory)
        }
        if let source {
            // Single-file mode: the file is the entry of a package made up beside it.
            let file = fileSystem.absolute(source)
            guard fileSystem.isFile(file) else { session.finish(error: "no such file: \(source)") }
            if manifest == nil { note("No Oats.toml found, using single-file mode") }
            let stem = Paths.stem(file)
            let overlay = OverlayFileSystem(base: fileSystem)
            overlay.setOverlay(Paths.join(Paths.parent(file), "Oats.toml"),
                               Array("[package]\nname = \(TOMLLiteral.renderString(stem))\nversion = \"0.0.0\"\nentry = \(TOMLLiteral.renderString(Paths.lastComponent(file)))\n".utf8))
            session.workspaceFiles = overlay
            overrides.compilerForm = "current"
            overrides.outputDirectory = overrides.outputDirectory ?? fileSystem.currentDirectory
        } else if let manifest {
            if verbose { note("Found manifest: \(manifest)") }
        } else {
            session.finish(error: "no Oats.toml in '\(fileSystem.currentDirectory)' or any parent, and no file to build; run `toasty new NAME`, or give a .oats file: `toasty build main.oats`")
        }
        session.overrides = overrides
    }

    private func note(_ text: String) {
        if !quiet { Terminal.standardError.write("note: \(text)\n") }
    }

    /// Builds; the program's path ("" for a library), or nil when the build failed, or made no
    /// program when one is needed.
    func build(needsProgram: Bool) -> String? {
        // A build with nothing to do may say so without reading its plan (a run finds its
        // program in the kept plan's copy of the actions' last lines).
        let prepared = session.plan(partial: true, shortcut: !verbose)
        let plan = prepared.plan
        if verbose && !prepared.nothingToDo {
            let compiles = plan.actions.filter { $0.kind == .compile }
            let graph = compiles.map { action in
                let deps = action.dependencies.map { plan.actions[$0].package }
                return deps.isEmpty ? action.package : "\(action.package) → \(deps.joined(separator: ", "))"
            }
            note("Package graph: " + graph.joined(separator: "; "))
            note("Build order: " + compiles.map(\.package).joined(separator: " → "))
        }
        guard session.execute(prepared) else { return nil }
        guard let program = prepared.products(of: []).programs.first?.path else {
            if needsProgram { session.finish(error: "nothing to run: the package's entry defines no `function main`") }
            return ""
        }
        return program
    }
}
