/// The diagnostic codes only Elm reports (documented in the README once Elm is registered).
extension DiagnosticCode {
    public static let missingSourceDirectory = DiagnosticCode("E001", "A `source-directories` entry that does not exist, or is not a directory.")
    public static let sourceDirectoryOutside = DiagnosticCode("E002", "A `source-directories` entry outside the project's directory (warning: `elm make` accepts it, a published package cannot).")
    public static let invalidSourceDirectory = DiagnosticCode("E003", "A `source-directories` entry that is no clean relative path (`src//x`, `./src/`, empty).")

    public static let packageNotDownloaded = DiagnosticCode("E004", "A dependency at a version the package cache (`ELM_HOME`) does not have.")
    public static let indirectMismatch = DiagnosticCode("E005", "A package the direct dependencies need that `\"indirect\"` does not list, or lists at another version.")
    public static let unneededIndirect = DiagnosticCode("E006", "A package `\"indirect\"` lists that no direct dependency needs (warning).")

    static let elm: [DiagnosticCode] = [.missingSourceDirectory, .sourceDirectoryOutside, .invalidSourceDirectory, .packageNotDownloaded, .indirectMismatch, .unneededIndirect]
}
