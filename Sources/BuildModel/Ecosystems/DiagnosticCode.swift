/// A stable diagnostic code such as `M001`, documented in the README with its one-line summary.
/// The codes every ecosystem can report are declared here; an ecosystem declares its own in its
/// folder and lists them in `Ecosystem.diagnosticCodes`. (TOML syntax codes T001–T010 live with
/// the TOML parser.)
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// One line for the README's table.
    public let summary: String

    public init(_ rawValue: String, _ summary: String) {
        self.rawValue = rawValue
        self.summary = summary
    }

    public var description: String { rawValue }

    // Manifests
    public static let unknownKey = DiagnosticCode("M001", "A key the manifest format does not have; the closest known key is suggested.")
    public static let wrongType = DiagnosticCode("M002", "A value of the wrong type (a number where a string belongs).")
    public static let invalidPackageName = DiagnosticCode("M003", "A package name the language does not allow (empty, reserved, or with a character its names cannot hold); a valid spelling is suggested.")
    public static let invalidVersion = DiagnosticCode("M004", "A version that is not MAJOR.MINOR.PATCH; the fix writes the version meant when that can be told (`1.0` → `1.0.0`, `v1.2.3` → `1.2.3`).")
    public static let invalidRequirement = DiagnosticCode("M005", "A version requirement that cannot be read; one in another tool's spelling (`>=1.0 <2.0`, `~> 1.2`, `=> 1.0`, `1.0 - 2.0`) gets this one's as the fix.")
    public static let missingKey = DiagnosticCode("M006", "A required key is missing (`name` and `version` in `[package]`).")
    public static let missingPathDependency = DiagnosticCode("M007", "A `path` dependency whose directory or manifest does not exist; a package directory spelt like it (`../common` for `../comon`) is the fix.")
    public static let pathDependencyNameMismatch = DiagnosticCode("M008", "A `path` dependency whose manifest names another package.")
    public static let conflictingGitReferences = DiagnosticCode("M009", "A `git` dependency with more than one of `tag`, `branch` and `rev`, or a `tag` naming a version that its `version` requirement does not allow.")
    public static let pathAndGit = DiagnosticCode("M010", "A dependency with both `path` and `git`.")
    public static let duplicateDependency = DiagnosticCode("M011", "The same dependency declared twice (also under another spelling, or in both dependency tables).")
    public static let dependencyWithoutSource = DiagnosticCode("M012", "A dependency table with no `version`, `path` or `git`, or `tag`/`branch`/`rev` without `git`.")
    public static let invalidValue = DiagnosticCode("M013", "A value outside the allowed set (an unknown build target, an optimisation level above 3, `inherits` in a built-in profile: `[profile.release]` changes the release profile itself).")
    public static let emptyManifest = DiagnosticCode("M015", "A manifest with neither `[package]` nor `[workspace]`.")
    public static let missingWorkspaceMember = DiagnosticCode("M016", "A workspace member directory without a manifest, or a pattern that matches nothing; a package directory spelt like a missing one is the fix.")
    public static let selfDependency = DiagnosticCode("M017", "A package that lists itself as a dependency (`app = { path = \".\" }`).")
    public static let packageCycle = DiagnosticCode("M018", "Packages whose path dependencies lead back to themselves, printed as a path `app → utils → app`.")
    public static let outdatedLock = DiagnosticCode("M020", "A lock file that is out of date: a git dependency it does not have, has from another repository, at another tag or commit than the manifest pins, or a git or registry dependency it has at a version the manifest no longer allows (warning); or a lock file that cannot be read.")
    public static let unsolvableDependencies = DiagnosticCode("M021", "Git dependencies whose requirements no set of versions meets (or whose pins name different commits of one package), with the solver's explanation; on each requirement that takes part.")
    public static let unfetchedDependency = DiagnosticCode("M022", "A package the lock file records that is not checked out in the package cache, where the compiler reads it (warning); `ampu fetch` fetches it.")
    public static let outsideWorkspace = DiagnosticCode("M024", "A package inside a workspace's directory that the workspace does not list, so it is checked and built on its own (warning); the fix adds it to `members`.")
    public static let missingGitReference = DiagnosticCode("M025", "A git dependency's tag, branch or commit that its repository does not have (checking offline: that the package cache's copy does not have); the closest tag or branch is the fix.")
    public static let unlockedDependency = DiagnosticCode("M026", "A git dependency while there is no lock file yet: no commit of it is chosen, so its imports are not checked (warning); `ampu update` or `ampu build` writes the lock. Left out while resolving the dependencies fails: that error says why.")
    public static let virtualWorkspaceDependencies = DiagnosticCode("M027", "`[dependencies]` in a workspace root with no `[package]`: it has no modules to import them (warning); they belong to the members that do.")
    public static let unusedMemberBuildSettings = DiagnosticCode("M028", "Build settings (`[build]`, `[profile.*]`) in a workspace member: builds take only the workspace root's (warning); move them there.")
    public static let notAWorkspaceMember = DiagnosticCode("M030", "A `default-members` entry that is not a member of the workspace (a directory `members` does not name, or one that does not exist), or a pattern that matches no member.")
    public static let localRepository = DiagnosticCode("M031", "A git dependency whose repository is on this machine but named by a relative path (`git = \"../json\"`), which git would read from the directory it runs in (the absolute path is the fix when a repository is there); or, while the lock must be made again, an absolute path or `file://` URL where no directory is (the repository spelt closest is the fix).")
    public static let unavailableDependency = DiagnosticCode("M023", "A dependency by name and version that is neither locked to a registry copy nor in the package cache (warning); `ampu update` fetches it.")
    // Imports
    public static let malformedImport = DiagnosticCode("I001", "A malformed import statement (a missing path, name, brace or `;`); the message says what was expected.")
    public static let unresolvedImport = DiagnosticCode("I003", "An import naming a module that does not exist; the closest existing module is suggested. When a directory on its path is missing, the first such directory is named, and the path is respelt from there as manifest paths are (each part that is not there becomes the closest name there is, the fewest edits in all: `./utl/frmat` → `./util/format`); the fix is offered only when the module is found there, and never names the importing file itself.")
    public static let undeclaredDependency = DiagnosticCode("I004", "A third-party import whose package is not in `[dependencies]`.")
    public static let importLeavesPackage = DiagnosticCode("I005", "A local import (`../…`) that reaches outside its package.")
    public static let importCycle = DiagnosticCode("I008", "Modules that import each other, printed as a path `a → b → a`.")
    public static let duplicateImport = DiagnosticCode("I010", "The same module imported twice in one file, also under two spellings (`std/x` and `stdlib/x`) (warning).")
    // Workspace and files
    public static let noManifest = DiagnosticCode("F001", "No manifest in the directory or any parent.")
    public static let unreadableFile = DiagnosticCode("F002", "A file or directory that cannot be read (missing, a directory where a file should be, permissions, or a name that is not UTF-8).")
    public static let invalidUTF8 = DiagnosticCode("F003", "A source file that is not valid UTF-8.")
    public static let symlinkLoop = DiagnosticCode("W004", "A symbolic link that leads back to a directory it is in, or to one above the package (`/` included): the directory is skipped; or links that lead to each other and never to a file or a directory: they are skipped.")
    public static let notARegularFile = DiagnosticCode("W005", "A FIFO, socket or device named like a source file; it is skipped (warning).")
    public static let fileTooLarge = DiagnosticCode("W006", "A file larger than the language server analyses; it gets this one diagnostic instead.")

    /// The codes of the core, in README order; with each ecosystem's, `EcosystemRegistry.diagnosticCodes`.
    public static let shared: [DiagnosticCode] = [
        .unknownKey, .wrongType, .invalidPackageName, .invalidVersion, .invalidRequirement, .missingKey, .missingPathDependency, .pathDependencyNameMismatch, .conflictingGitReferences, .pathAndGit, .duplicateDependency, .dependencyWithoutSource, .invalidValue, .emptyManifest, .missingWorkspaceMember, .selfDependency, .packageCycle, .outdatedLock, .unsolvableDependencies, .unfetchedDependency, .unavailableDependency, .outsideWorkspace, .notAWorkspaceMember, .missingGitReference, .unlockedDependency, .localRepository, .malformedImport, .unresolvedImport, .undeclaredDependency, .importLeavesPackage, .importCycle, .duplicateImport, .noManifest, .unreadableFile, .invalidUTF8, .symlinkLoop, .notARegularFile, .fileTooLarge,
    ] + json + build
}

extension Diagnostic {
    static func error(_ message: String, _ code: DiagnosticCode, at range: SourceRange, label: String? = nil, notes: [String] = [],
                      help: [String] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(severity: .error, code: code.rawValue, message: message, range: range, label: label, notes: notes, help: help, fix: fix)
    }

    static func warning(_ message: String, _ code: DiagnosticCode, at range: SourceRange, label: String? = nil, notes: [String] = [],
                        help: [String] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, code: code.rawValue, message: message, range: range, label: label, notes: notes, help: help, fix: fix)
    }
}
