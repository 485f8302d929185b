/// A language whose own compiler builds a program from its entry files in one run (Elm's
/// `elm make`). ampu does not split such a build into actions: it works out the plan the
/// compiler will follow and every problem it can see first, shows them, and hands the build to
/// the compiler (`ampu elm plan`, `ampu elm check`, and `ampu build` for such a manifest).
public protocol WholeProgramBuilding: Ecosystem {
    /// The plan of a loaded workspace for `entries` (absolute paths; empty: every module that
    /// defines the entry point).
    func planWholeProgram(_ snapshot: WorkspaceSnapshot, entries: [String], useCached: Bool, environment: [String: String],
                          fileSystem: any FileSystem) -> WholeProgramPlan
}

/// What `WholeProgramBuilding` works out.
public struct WholeProgramPlan: Sendable {
    /// The plan as the language's tools read it (seed 001's JSON for Elm), ending in a newline.
    public var document: String
    /// The plan for people, ending in a newline.
    public var summary: String
    /// Every problem found, located; errors stop the build.
    public var problems: [Diagnostic]
    /// The compiler's run: its argument vector and directory; nil when the compiler is not
    /// installed (`missingCompiler` says how to get it).
    public var compile: BuildAction?
    public var missingCompiler: Diagnostic?

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    public init(document: String, summary: String, problems: [Diagnostic], compile: BuildAction?, missingCompiler: Diagnostic?) {
        self.document = document
        self.summary = summary
        self.problems = problems
        self.compile = compile
        self.missingCompiler = missingCompiler
    }
}

extension WholeProgramBuilding {
    /// Its compiler builds the whole program (`ampu build` runs it): the commands that run an
    /// action plan (`run`, `test`, `compile-commands`, `gen ninja`) say that they do not apply.
    public func planBuild(_ request: BuildRequest) -> BuildPlan {
        var plan = request.emptyPlan()
        plan.diagnostics.append(Diagnostic(
            severity: .error, message: "this command does not apply to \(name): its compiler builds the whole program, and `ampu build` runs it",
            file: request.snapshot.rootManifest.path, range: .at(0),
            help: ["use `ampu build` (and `ampu check`); ampu has no run, test, compile-commands or build.ninja for \(name)"]).unplaced)
        return plan
    }
}
