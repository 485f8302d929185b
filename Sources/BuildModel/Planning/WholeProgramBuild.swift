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
