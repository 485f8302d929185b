/// The diagnostic codes only Elm reports (documented in the README once Elm is registered).
extension DiagnosticCode {
    public static let missingSourceDirectory = DiagnosticCode("E001", "A `source-directories` entry that does not exist, or is not a directory.")
    public static let sourceDirectoryOutside = DiagnosticCode("E002", "A `source-directories` entry outside the project's directory (warning: `elm make` accepts it, a published package cannot).")
    public static let invalidSourceDirectory = DiagnosticCode("E003", "A `source-directories` entry that is no clean relative path (`src//x`, `./src/`, empty).")

    static let elm: [DiagnosticCode] = [.missingSourceDirectory, .sourceDirectoryOutside, .invalidSourceDirectory]
}
