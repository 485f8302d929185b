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
    /// Failures of the compiler's own that a second run gets past (Elm's race over elm-stuff,
    /// and the torn files a stopped run leaves there).
    public var transientFailures: [TransientFailure] = []

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    public init(document: String, summary: String, problems: [Diagnostic], compile: BuildAction?, missingCompiler: Diagnostic?) {
        self.document = document
        self.summary = summary
        self.problems = problems
        self.compile = compile
        self.missingCompiler = missingCompiler
    }
}

/// A compiler's known fault of its own, not the program's: told by a line of its standard
/// error that holds every one of `texts`; `note` says so before the compiler runs again, after
/// `cleared` (paths from where it runs: its own cache, which the failed run may have left torn)
/// is removed.
public struct TransientFailure: Sendable, Hashable {
    public var texts: [String]
    public var note: String
    public var cleared: [String]

    public init(texts: [String], note: String, cleared: [String] = []) {
        self.texts = texts
        self.note = note
        self.cleared = cleared
    }

    /// Whether a run that failed with this standard error failed so.
    public func matches(_ stderr: [UInt8]) -> Bool {
        stderr.split(separator: UInt8(ascii: "\n")).contains { line in
            let text = String(decoding: line, as: UTF8.self)
            return texts.allSatisfy { text.contains($0) }
        }
    }
}

extension WholeProgramPlan {
    /// The compiler run where it builds, its output passed on as it comes, a line at a time with
    /// what it redrew in place settled (`RedrawnLines`: this is for output that is not a
    /// terminal; a terminal is handed to the compiler whole). Run once more when it fails with
    /// one of `transientFailures` (`again` is told its note first, and what it clears is
    /// removed). The last run's result.
    public func runCompiler(_ compile: BuildAction, environment: [String: String], timeout: Double, interrupt: Int32?,
                            again: (String) -> Void) throws(ProcessRunner.Failure) -> ProcessRunner.Result {
        // Its standard error is held until it ends: a failure of its own, run again, is said in
        // the note alone rather than in the compiler's words too.
        func run(passing echo: ProcessRunner.Echo) throws(ProcessRunner.Failure) -> ProcessRunner.Result {
            var lines = (out: RedrawnLines(), err: RedrawnLines())
            let result = try ProcessRunner.run(compile.commandLine, directory: compile.directory, environment: environment, timeout: timeout,
                                               interrupt: interrupt, watch: { stream, bytes in
                guard echo.contains(stream) else { return }
                if stream == .standardOutput { ProcessRunner.writeAll(1, lines.out.feed(bytes)[...]) } else { ProcessRunner.writeAll(2, lines.err.feed(bytes)[...]) }
            })
            if echo.contains(.standardOutput) { ProcessRunner.writeAll(1, lines.out.finish()[...]) }
            if echo.contains(.standardError) { ProcessRunner.writeAll(2, lines.err.finish()[...]) }
            return result
        }
        var result = try run(passing: transientFailures.isEmpty ? [.standardOutput, .standardError] : .standardOutput)
        if result.status != 0, !result.timedOut, !result.interrupted, let transient = transientFailures.first(where: { $0.matches(result.stderr) }) {
            again(transient.note)
            let fileSystem = LocalFileSystem()
            for path in transient.cleared { try? fileSystem.removeItem(Paths.join(compile.directory, path)) }
            result = try run(passing: .standardOutput)
        }
        if !transientFailures.isEmpty {
            var lines = RedrawnLines()
            ProcessRunner.writeAll(2, (lines.feed(result.stderr[...]) + lines.finish())[...])
        }
        return result
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
