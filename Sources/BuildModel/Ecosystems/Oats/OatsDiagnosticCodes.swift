extension DiagnosticCode {
    // Oats
    public static let oatsExternalDependency = DiagnosticCode("O001", "An Oats dependency by version only: Oats cannot fetch packages yet (\"External dependencies not yet supported\"); give it a `path`.")
    public static let oatsMissingEntry = DiagnosticCode("O002", "An Oats package whose `entry` (default `src/main.oats`) does not exist; a file spelt like it is the fix.")

    public static let oatsRuntimeMissing = DiagnosticCode("O003", "The Oats runtime library `libruntime.a` is in none of the places a program's link looks (`$OATS_RUNTIME`, `target/release/`, beside `oatsc`).")

    /// The codes only Oats reports, in README order.
    static let oats: [DiagnosticCode] = [.oatsExternalDependency, .oatsMissingEntry, .oatsRuntimeMissing]
}
