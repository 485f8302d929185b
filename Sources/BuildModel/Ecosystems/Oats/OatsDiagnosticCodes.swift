extension DiagnosticCode {
    // Oats
    public static let oatsExternalDependency = DiagnosticCode("O001", "An Oats dependency by version only: Oats cannot fetch packages yet (\"External dependencies not yet supported\"); give it a `path`.")
    public static let oatsMissingEntry = DiagnosticCode("O002", "An Oats package whose `entry` (default `src/main.oats`) does not exist.")

    /// The codes only Oats reports, in README order.
    static let oats: [DiagnosticCode] = [.oatsExternalDependency, .oatsMissingEntry]
}
