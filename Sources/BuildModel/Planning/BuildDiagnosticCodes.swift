/// The codes of planning and running a build, for every ecosystem.
extension DiagnosticCode {
    public static let toolNotFound = DiagnosticCode("B001", "The compiler or another program a build runs is not where `[toolchain]`, its environment variable or PATH says; a program spelt like a configured path is the fix.")
    public static let actionFailed = DiagnosticCode("B002", "A compile, archive or link that failed (its exit status, or the signal that ended it when it crashed: `signal 11, SIGSEGV`); its output follows, the compiler's own diagnostics shown like check's.")
    public static let actionTimedOut = DiagnosticCode("B003", "A compile or link that ran past its time (`[build] timeout`, 300 seconds by default) and was stopped.")
    public static let missingOutput = DiagnosticCode("B004", "An action that succeeded without writing a file it should have, or whose file could not be put in place (a directory where it goes).")
    public static let emptyGlob = DiagnosticCode("B005", "A `[native] sources` pattern that matches no file (warning, from `ampu check` and the editor as from a build); a close pattern that matches (a directory or extension respelt: `csrc/*.c` for `crsc/*.c`) is offered as the fix.")
    public static let unknownProfile = DiagnosticCode("B006", "A profile that is not `debug`, `release` or a `[profile.NAME]`, or profiles that inherit from each other in a circle (reported by `ampu check` too, at the `inherits` that closes it).")
    public static let packageImportCycle = DiagnosticCode("B007", "Packages whose modules import each other, so that neither can be built first, printed as a path.")
    public static let invalidCommandTemplate = DiagnosticCode("B008", "A `[toolchain] command` that cannot be expanded (an unknown placeholder, a list inside a word), or a build file's command that cannot be split into words without a shell (Aria's `pre_build`).")
    public static let nothingToBuild = DiagnosticCode("B009", "A workspace with no program, library or test to build (warning); the note says why (today's Asthra compiler builds no library alone) and the help what to add.")
    public static let nativeNotLinked = DiagnosticCode("B010", "Native C sources with the `current` compiler preset, which links programs itself and cannot take the native library (warning).")

    public static let actionOutOfMemory = DiagnosticCode("B011", "A program whose memory passed its limit (a Rask build script's `build_max_memory`, 1GB by default) and was stopped.")

    public static let sharedOutput = DiagnosticCode("B012", "Two actions of a plan that write one file (programs of two packages with one name): each would overwrite what the other wrote.")

    public static let outputOverwritesSource = DiagnosticCode("B013", "An action whose output is a source or a manifest of the workspace (an Aria target whose `output` names a source file): the build would write over it, so it does not run.")

    static let build: [DiagnosticCode] = [
        .toolNotFound, .actionFailed, .actionTimedOut, .missingOutput, .emptyGlob, .unknownProfile, .packageImportCycle, .invalidCommandTemplate, .nothingToBuild, .nativeNotLinked, .actionOutOfMemory,
        .sharedOutput, .outputOverwritesSource,
    ]
}
