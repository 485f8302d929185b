/// The diagnostic codes only Elm reports. A module not found is the shared I003, one from an
/// indirect dependency I004, an import cycle I008.
extension DiagnosticCode {
    public static let missingSourceDirectory = DiagnosticCode("E001", "A `source-directories` entry that does not exist, or is not a directory; a directory spelt like it is the fix.")
    public static let sourceDirectoryOutside = DiagnosticCode("E002", "A `source-directories` entry outside the project's directory (warning: `elm make` accepts it, a published package cannot).")
    public static let invalidSourceDirectory = DiagnosticCode("E003", "A `source-directories` entry that is no clean relative path (`src//x`, `./src/`, empty).")

    public static let packageNotDownloaded = DiagnosticCode("E004", "A dependency at a version the package cache (`ELM_HOME`) does not have; a package the cache has no release of at all, spelt like one it has, gets that name as the fix.")
    public static let indirectMismatch = DiagnosticCode("E005", "A package the dependencies need that no list names (the test dependencies are verified with the rest, as elm does), or that `\"indirect\"` lists at another version.")
    public static let unneededIndirect = DiagnosticCode("E006", "A package `\"indirect\"` lists that no direct dependency needs (warning: `elm make` accepts it while what it needs is listed too).")
    public static let missingCorePackage = DiagnosticCode("E011", "An application without elm/core in `\"direct\"`, or without elm/json in its dependencies: `elm make` needs both (elm/json for flags and ports); a package without elm/core in `\"dependencies\"`.")

    public static let brokenCachedPackage = DiagnosticCode("E007", "A release in the package cache whose elm.json cannot be read or is not valid, or that has no `src` directory.")
    public static let ambiguousModule = DiagnosticCode("E008", "A module two places provide: two source directories (at each file's declaration, and at imports), or, at an import, a local module and a package, or two packages.")
    public static let moduleNameMismatch = DiagnosticCode("E009", "A `module` declaration that does not match the file's path under its source directory (`src/Page/Home.elm` must be `module Page.Home`).")
    public static let badEntryFile = DiagnosticCode("E010", "An entry file given to `ampu elm` that does not exist, is not a `.elm` file under a source directory, or declares no module.")
    public static let portModuleInPackage = DiagnosticCode("E013", "A `port module` in a package: elm allows ports only in applications; the fix declares it a plain `module`.")
    public static let elmPackageField = DiagnosticCode("E012", "An elm.json field elm refuses before it builds: an `elm-version` without 0.19.1 (an application's must be 0.19.1); an application's empty `source-directories`; a package's `summary` of 80 bytes or more, `license` that is not an OSI-approved SPDX identifier elm knows (the closest is the fix), or exposed module that is no module name or not in `src/`.")

    static let elm: [DiagnosticCode] = [.missingSourceDirectory, .sourceDirectoryOutside, .invalidSourceDirectory, .packageNotDownloaded, .indirectMismatch,
                                        .unneededIndirect, .missingCorePackage, .brokenCachedPackage, .ambiguousModule, .moduleNameMismatch, .badEntryFile, .elmPackageField, .portModuleInPackage]
}
