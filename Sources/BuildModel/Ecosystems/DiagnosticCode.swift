/// The stable codes of manifest, import and workspace diagnostics, each documented in the README.
/// (TOML syntax codes T001–T010 live with the TOML parser.)
public enum DiagnosticCode: String, CaseIterable, Sendable {
    // Manifests
    case unknownKey = "M001"
    case wrongType = "M002"
    case invalidPackageName = "M003"
    case invalidVersion = "M004"
    case invalidRequirement = "M005"
    case missingKey = "M006"
    case missingPathDependency = "M007"
    case pathDependencyNameMismatch = "M008"
    case conflictingGitReferences = "M009"
    case pathAndGit = "M010"
    case duplicateDependency = "M011"
    case dependencyWithoutSource = "M012"
    case invalidValue = "M013"
    case legacyProjectTable = "M014"
    case emptyManifest = "M015"
    case missingWorkspaceMember = "M016"
    case selfDependency = "M017"
    // Imports
    case malformedImport = "I001"
    case unknownImportPrefix = "I002"
    case unresolvedImport = "I003"
    case undeclaredDependency = "I004"
    case importLeavesPackage = "I005"
    case internalImport = "I006"
    case libraryImportsOutside = "I007"
    case importCycle = "I008"
    case libraryRootsNotFound = "I009"
    case duplicateImport = "I010"
    case malformedPackageDeclaration = "I011"
    case importEscapesRoot = "I012"
    // Workspace and files
    case noManifest = "W001"
    case unreadableFile = "W002"
    case invalidUTF8 = "W003"
    case symlinkLoop = "W004"
    case notARegularFile = "W005"
    case fileTooLarge = "W006"

    /// One line for the README's table.
    public var summary: String {
        switch self {
        case .unknownKey: "A key the manifest format does not have; the closest known key is suggested."
        case .wrongType: "A value of the wrong type (a number where a string belongs)."
        case .invalidPackageName: "A package name that is empty, reserved, or holds characters other than letters, digits, '_', '-', '.' and '/'."
        case .invalidVersion: "A version that is not MAJOR.MINOR.PATCH."
        case .invalidRequirement: "A version requirement that cannot be read."
        case .missingKey: "A required key is missing (`name` and `version` in `[package]`)."
        case .missingPathDependency: "A `path` dependency whose directory or manifest does not exist."
        case .pathDependencyNameMismatch: "A `path` dependency whose manifest names another package."
        case .conflictingGitReferences: "A `git` dependency with more than one of `tag`, `branch` and `rev`."
        case .pathAndGit: "A dependency with both `path` and `git`."
        case .duplicateDependency: "The same dependency declared twice (also under another spelling, or in both dependency tables)."
        case .dependencyWithoutSource: "A dependency table with no `version`, `path` or `git`, or `tag`/`branch`/`rev` without `git`."
        case .invalidValue: "A value outside the allowed set (an unknown build target, an optimisation level above 3)."
        case .legacyProjectTable: "`[project]` instead of `[package]` (warning; it is read as `[package]`)."
        case .emptyManifest: "A manifest with neither `[package]` nor `[workspace]`."
        case .missingWorkspaceMember: "A workspace member directory without a manifest, or a pattern that matches nothing."
        case .selfDependency: "A package that lists itself as a dependency (`app = { path = \".\" }`)."
        case .malformedImport: "An import statement that is not `import \"path\";` or `import \"path\" as name;`."
        case .unknownImportPrefix: "An import path that is none of stdlib/, std/, internal/, system/, a domain, ./ or ../."
        case .unresolvedImport: "An import naming a module that does not exist; the closest existing module is suggested."
        case .undeclaredDependency: "A third-party import whose package is not in `[dependencies]`."
        case .importLeavesPackage: "A local import (`../…`) that reaches outside its package."
        case .internalImport: "User or third-party code importing `internal/…`."
        case .libraryImportsOutside: "Standard-library or internal code importing third-party or user code."
        case .importCycle: "Modules that import each other, printed as a path `a → b → a`."
        case .libraryRootsNotFound: "The standard library could not be found (reported once; stdlib imports are then not resolved)."
        case .duplicateImport: "The same path imported twice in one file (warning)."
        case .malformedPackageDeclaration: "A `package` declaration that is not `package name;` or `package a::b;`."
        case .importEscapesRoot: "An import path whose `..` segments climb out of the root they start in (`stdlib/../internal/x`)."
        case .noManifest: "No manifest in the directory or any parent."
        case .unreadableFile: "A file or directory that cannot be read."
        case .invalidUTF8: "A source file that is not valid UTF-8."
        case .symlinkLoop: "A symbolic link that leads back to itself; the directory is skipped."
        case .notARegularFile: "A FIFO, socket or device named like a source file; it is skipped (warning)."
        case .fileTooLarge: "A file larger than the language server analyses; it gets this one diagnostic instead."
        }
    }
}

extension Diagnostic {
    static func error(_ message: String, _ code: DiagnosticCode, at range: SourceRange, help: [String] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(severity: .error, code: code.rawValue, message: message, range: range, help: help, fix: fix)
    }

    static func warning(_ message: String, _ code: DiagnosticCode, at range: SourceRange, help: [String] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, code: code.rawValue, message: message, range: range, help: help, fix: fix)
    }
}
