#if canImport(Glibc)
import Glibc
#endif
import BuildModel

/// `ampu compile-commands`: writes compile_commands.json for the plan without building.
struct CompileCommandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile-commands",
        abstract: "Write compile_commands.json (an entry per C and per Asthra source) without building."
    )

    @OptionGroup var options: BuildOptions

    @Option(name: .customLong("output"), help: "Where to write it (default: compile_commands.json at the workspace root; - for standard output).")
    var output: String?

    func run() throws {
        let session = BuildSession(options: options)
        let plan = session.plan(partial: true).plan
        // A plan with errors and nothing in it would only empty the file clangd reads.
        if plan.hasErrors && plan.actions.isEmpty { Terminal.exitNow(1) }
        let (bytes, count) = CompileCommands.database(of: plan)
        session.export(bytes, to: output, defaultName: "compile_commands.json", plan: plan, what: "\(count) \(count == 1 ? "entry" : "entries")")
        Terminal.exitNow(plan.hasErrors ? 1 : 0)
    }
}

/// `ampu gen ninja`: the plan as a build.ninja that Ninja builds to the same outputs.
struct GenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Write the build for another tool: `ampu gen ninja` writes build.ninja.",
        subcommands: [GenNinjaCommand.self]
    )
}

struct GenNinjaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ninja",
        abstract: "Write build.ninja for the plan, at the workspace root (or --output); then `ninja` builds it."
    )

    @OptionGroup var options: BuildOptions

    @Option(name: .customLong("output"), help: "Where to write it (default: build.ninja at the workspace root; - for standard output).")
    var output: String?

    func run() throws {
        let session = BuildSession(options: options)
        let prepared = session.plan()
        let plan = prepared.plan
        let fileSystem = LocalFileSystem()
        // A build script's edge runs this ampu again to give Ninja its dependency file.
        let ampu = BuildSession.executablePath(fileSystem) ?? CommandLine.arguments[0]
        // Written to a file, it is written again by Ninja, as this command wrote it, when what
        // the plan was made from changes (the plan's own records under target/ are not that) or
        // ampu does.
        let path = output.map { fileSystem.absolute($0) } ?? Paths.join(plan.root, "build.ninja")
        var regeneration: NinjaFile.Regeneration?
        if output != "-", let madeFrom = PlanCache(targetDirectory: plan.targetDirectory, profile: plan.profile.name, stats: StatCache(fileSystem: fileSystem)).madeFrom(),
           let ecosystem = EcosystemRegistry.standard.ecosystem(forManifest: prepared.rootManifest.path) {
            // With the variables the plan depends on as they are now (Ninja may run elsewhere, as
            // CMake's cache keeps what it found), so that the same file is written; ampu itself
            // an input too: another ampu may write another file.
            regeneration = NinjaFile.Regeneration(rerunning: [ampu] + CommandLine.arguments.dropFirst(), in: fileSystem.currentDirectory,
                                                  variables: PlanCache.variables(of: ecosystem), environment: session.environment,
                                                  output: path, madeFrom: madeFrom, targetDirectory: plan.targetDirectory)
        }
        let bytes = Array(NinjaFile.text(of: plan, rewritingDepfiles: [ampu, "debug", "ninja-depfile"], regeneration: regeneration).utf8)
        let edges = session.count(plan.actions.count, "edge")
        // The same bytes are not written again: Ninja, which runs this when an input changed,
        // then sees its file unchanged and does not load it again (`restat`).
        if output != "-", (try? fileSystem.readFile(path)) == bytes {
            session.status("Fresh", "\(plan.display(path)) (\(edges))")
            return
        }
        session.export(bytes, to: output, defaultName: "build.ninja", plan: plan, what: edges)
        // Written under a temporary name and renamed, it is older than its directory: made newer,
        // so that Ninja does not take a directory the plan read as changed since.
        if output != "-" { _ = utimensat(AT_FDCWD, path, nil, 0) }
    }
}
