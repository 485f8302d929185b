extension DiagnosticCode {
    // Aria (A001–A005 are the build.abc reader's, in Syntax/ABC)
    public static let ariaDuplicateTarget = DiagnosticCode("A006", "Two targets of one build.abc with the same name.")
    public static let ariaUnknownTarget = DiagnosticCode("A007", "A `deps`/`depends_on` entry that is neither a target of the build.abc nor a project directory beside it, or a keyword form's dependency directory that is not there; the closest name is suggested.")
    public static let ariaTargetCycle = DiagnosticCode("A008", "Targets that depend on each other in a circle, through `deps` or `use` statements, printed as a path `app → core → app`.")
    public static let ariaCompilerMissing = DiagnosticCode("A009", "A compiler path written in build.abc that does not exist on this machine; ampu uses `$ARIAC` or `ariac` on PATH instead (warning).")
    public static let ariaEmptyGlob = DiagnosticCode("A010", "A `sources` pattern that matches no file (warning); a close pattern that matches (`src/**/*.aria` for `src/**/*.aira`) is offered as the fix.")

    /// The codes only Aria reports, in README order.
    static let aria: [DiagnosticCode] = [
        .abcSyntax, .abcString, .abcDuplicateKey, .abcUnsupportedForm, .abcVariable,
        .ariaDuplicateTarget, .ariaUnknownTarget, .ariaTargetCycle, .ariaCompilerMissing, .ariaEmptyGlob,
    ]
}
