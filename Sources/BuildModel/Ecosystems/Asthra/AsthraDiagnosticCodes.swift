/// The diagnostic codes only Asthra reports (its manifest's history, its library roots and access rules).
extension DiagnosticCode {
    public static let legacyProjectTable = DiagnosticCode("M014", "`[project]` instead of `[package]` (warning; it is read as `[package]`).")
    public static let unknownImportPrefix = DiagnosticCode("I002", "An import path that is none of stdlib/, std/, internal/, system/, a domain, ./ or ../, and names no module of the project root or the standard library.")
    public static let internalImport = DiagnosticCode("I006", "User or third-party code importing `internal/…`.")
    public static let libraryImportsOutside = DiagnosticCode("I007", "Standard-library or internal code importing third-party or user code.")
    public static let libraryRootsNotFound = DiagnosticCode("I009", "A configured standard-library location (`[toolchain]`, `ASTHRA_HOME`) that does not exist or has no `stdlib/`.")
    public static let malformedPackageDeclaration = DiagnosticCode("I011", "A `package` declaration that is not `package name;` or `package a::b;`.")
    public static let importEscapesRoot = DiagnosticCode("I012", "An import path whose `..` segments climb out of the root they start in (`stdlib/../internal/x`).")

    public static let ambiguousBareImport = DiagnosticCode("I013", "A bare import (`import \"models\";`) that both the project and the standard library have; the project's module is used (warning).")

    public static let importAfterDeclaration = DiagnosticCode("I014", "An import after the first declaration; today's compiler reads imports only at the top of the file (warning).")
    public static let keywordAlias = DiagnosticCode("I015", "An import's `as` name that is a keyword (`as fn`), which today's compiler rejects (warning).")
    public static let ambiguousModuleFile = DiagnosticCode("I016", "A module that exists as both `x.asthra` and `x.ast`; `x.asthra` is used (warning).")
    public static let missingTargetPath = DiagnosticCode("M019", "An `entry`, `[[bin]]` or `[lib]` path that does not exist (warning); a file spelt like it is the fix.")
    public static let duplicateProgram = DiagnosticCode("M029", "Two programs of a package with one name (two `[[bin]]`, or one named like the program `entry` makes): each is written to `target/<profile>/<name>`.")

    static let asthra: [DiagnosticCode] = [
        .legacyProjectTable, .unknownImportPrefix, .internalImport, .libraryImportsOutside, .libraryRootsNotFound, .malformedPackageDeclaration, .importEscapesRoot,
        .ambiguousBareImport, .importAfterDeclaration, .keywordAlias, .ambiguousModuleFile, .missingTargetPath, .duplicateProgram,
    ]
}
