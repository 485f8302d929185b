/// Codes of the diagnostics the TOML layer reports (documented in the README).
public enum TOMLDiagnosticCode {
    /// The file is not valid UTF-8, or has a bare carriage return.
    public static let encoding = "T001"
    /// Something other than what the grammar allows at this place.
    public static let syntax = "T002"
    /// A string without its closing quote.
    public static let unterminatedString = "T003"
    /// A backslash escape TOML does not know.
    public static let invalidEscape = "T004"
    /// A control character that must be escaped.
    public static let controlCharacter = "T005"
    /// A malformed or out-of-range number.
    public static let invalidNumber = "T006"
    /// A malformed or impossible date or time.
    public static let invalidDateTime = "T007"
    /// A key given a value twice.
    public static let duplicateKey = "T008"
    /// A table defined twice, or a key used both as a table and as a value.
    public static let tableConflict = "T009"
    /// A bare word that is no TOML value.
    public static let invalidValue = "T010"
}
