/// The seam every build system plugs into. Workspace discovery, the module graph, `ampu check`
/// and the language server are written once against it; adding a language is adding a folder.
public protocol Ecosystem: Sendable {
    /// The language's name as users write it ("Asthra").
    var name: String { get }
    /// Manifest file names, the preferred one first.
    var manifestFileNames: [String] { get }
    /// Source file extensions without the dot.
    var sourceExtensions: [String] { get }
    /// Extensions of files in another language that a manifest's source patterns match (C
    /// sources): a file of them added or taken away can change what the manifest says (a
    /// pattern that matches nothing). None by default.
    var patternExtensions: [String] { get }
    /// Directory names never searched for sources (build output).
    var ignoredDirectories: Set<String> { get }
    /// The manifest's tables and keys, for completion and hover.
    var manifestSchema: ManifestSchema { get }
    /// The schema of one manifest, when its kind decides its keys (an Elm application's or
    /// package's elm.json); `manifestSchema` by default.
    func manifestSchema(for manifest: PackageManifest) -> ManifestSchema
    /// How the manifest is written (TOML, JSON, …), for edits and the server's manifest features.
    var manifestSyntax: any ManifestSyntax { get }
    /// The lock file beside the root manifest (`asthra.lock`), as the language's own tools
    /// read it; nil when the language has none.
    var lockFormat: LockFormat? { get }
    /// Without a lock format: why the language needs none, for the commands that read a lock.
    var withoutLockFile: String { get }
    /// Why a build of this workspace has nothing to do, and how to give it something: the
    /// notes and help of the warning that says so.
    func nothingToBuild(_ root: PackageManifest) -> (notes: [String], help: [String])
    /// How a package gets a program, for `ampu run` when there is none.
    var howToAddProgram: String { get }
    /// The diagnostic codes only this ecosystem reports (beyond `DiagnosticCode.shared`).
    var diagnosticCodes: [DiagnosticCode] { get }
    /// Those of them that say a tool or library a build runs with is missing (Oats' runtime
    /// library): not the concern of a command that only shows the plan (`tree`, `graph`).
    var toolchainCodes: [DiagnosticCode] { get }
    /// The environment variables its loading and planning read (`ASTHRA_HOME`, `OATSC`): a
    /// kept plan is used again only while they are unchanged. None by default.
    var environmentVariables: [String] { get }
    /// Whether builds have profiles (`debug`, `release`); Aria's flags carry its optimisation
    /// instead. True by default.
    var usesProfiles: Bool { get }
    /// How `ampu update` chooses versions: PubGrub by default; Rask takes Go's minimal version
    /// selection (seed 002).
    var versionSelection: VersionSelection { get }
    /// Whether a workspace root may be no package (a virtual manifest, as Asthra's `[workspace]`
    /// with no `[package]`). Where it may, a root that is a package is, as Cargo takes it, about
    /// that package: a command run there builds it (and what it needs) unless `default-members`
    /// or `--workspace` says otherwise. Where every root is a package (Rask's `members` in its
    /// package block), the root stands for the whole workspace. False by default.
    var workspaceRootMayBeVirtual: Bool { get }
    /// Whether a build's names (`ampu build NAME`, `--exclude NAME`) are the targets of one
    /// build file (Aria's build.abc) rather than packages. False by default.
    var buildsTargets: Bool { get }

    /// Reads a manifest on its own: syntax, schema and values, with a range for each.
    func readManifest(_ source: SourceText) -> PackageManifest
    /// Checks of a manifest against the disk beyond its path dependencies (which `PackageGraph`
    /// checks for every ecosystem); none by default.
    func checkManifest(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic]
    /// The directories a package's sources are searched in (each recursively, minus nested
    /// packages): the package directory unless the manifest names others (Elm's
    /// `source-directories`).
    func sourceRoots(of package: PackageManifest) -> [String]
    /// Whether a file found under a package's source roots is one of its sources: any file with
    /// a source extension, and when the manifest's targets list their sources (Aria's globs),
    /// only the files they match.
    func isSource(_ path: String, of package: PackageManifest) -> Bool
    /// What an import path names, for finding the same module imported twice under two
    /// spellings (Asthra's `std/x` and `stdlib/x`); by default the path itself.
    func moduleKey(ofImport path: String) -> String
    /// The declaration and imports of one source file.
    func scanSource(_ source: SourceText) -> SourceScan
    /// The import path being typed at `offset`, for completion: the text so far and the range
    /// a completed path replaces. nil when the cursor is not in an import's path.
    func importPathBeingTyped(in source: SourceText, at offset: Int) -> (prefix: String, range: SourceRange)?
    /// A resolver for one workspace: where the language's libraries are, and the rules.
    func makeImportResolver(_ setup: ImportResolverSetup) -> any ImportResolver
    /// The build of a loaded workspace as actions (compile, archive, link) in dependency order,
    /// with the problems that keep it from running as diagnostics.
    func planBuild(_ request: BuildRequest) -> BuildPlan
    /// The requirements a manifest may write for a dependency on `version`, the usual one first:
    /// Cargo's `^1.2.0`, `~1.2.0` and `=1.2.0` by default; an Elm application's exact `1.2.0`.
    func requirements(for version: Version, in manifest: PackageManifest) -> [String]
    /// The files of a new package named `name` (a program, or a library), or why the name
    /// cannot be a package name.
    func packageTemplate(name: String, library: Bool) throws(PackageTemplate.Problem) -> [PackageTemplate.File]
    /// What the ecosystem knows of the names `manifest` defines and uses in itself (Aria's
    /// targets and variables), for completion, hover and go to definition; nil by default.
    func manifestNavigation(_ manifest: PackageManifest) -> (any ManifestNavigation)?
    /// The dependencies of `manifest` a build for `platform` (`linux`, `macos`, `windows`) takes
    /// with these features on: every one by default; Rask's feature deps only while their
    /// feature is on, its `target:` deps only on that platform. `problems`: a feature the
    /// manifest does not declare.
    func selectedDependencies(of manifest: PackageManifest, features: FeatureSelection, platform: String)
        -> (dependencies: [DependencySpec], problems: [Diagnostic])
    /// The manifest of a package that has no manifest file in `directory` (Rask: a directory of
    /// sources is a package named for it, at 0.0.0); nil by default. Its path is where the file
    /// would be.
    func implicitManifest(in directory: String, fileSystem: any FileSystem) -> PackageManifest?
    /// Directories a build writes outside the target directory, which a whole `ampu clean`
    /// removes too (Rask's `.rk-gen/` of a package with a build script); none by default.
    func generatedDirectories(of package: PackageManifest) -> [String]
}

extension Ecosystem {
    public var patternExtensions: [String] { [] }

    public func manifestNavigation(_ manifest: PackageManifest) -> (any ManifestNavigation)? { nil }

    public func selectedDependencies(of manifest: PackageManifest, features: FeatureSelection, platform: String)
        -> (dependencies: [DependencySpec], problems: [Diagnostic]) {
        (manifest.dependencies, [])
    }

    public func implicitManifest(in directory: String, fileSystem: any FileSystem) -> PackageManifest? { nil }

    public func generatedDirectories(of package: PackageManifest) -> [String] { [] }

    /// What the build wrote beside the sources of the workspace rooted at `root` (the root and
    /// its members), for a whole `ampu clean`.
    public func generatedDirectories(ofWorkspace root: PackageManifest, fileSystem: any FileSystem) -> [String] {
        let members = WorkspaceLocator(ecosystem: self, fileSystem: fileSystem).memberDirectories(of: root).directories
            .compactMap { loadManifest(in: $0, fileSystem: fileSystem) }
        return ([root] + members).flatMap(generatedDirectories(of:))
    }

    public func checkManifest(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] { [] }

    public var lockFormat: LockFormat? { nil }

    public var toolchainCodes: [DiagnosticCode] { [] }

    public var withoutLockFile: String { "its dependencies are paths, which `ampu check` follows" }

    public func nothingToBuild(_ root: PackageManifest) -> (notes: [String], help: [String]) {
        ([], ["add a program, a library or a test to the manifest"])
    }

    public var howToAddProgram: String { "add a program to the package" }

    /// The lock file's name (`asthra.lock`); nil when the language has none.
    public var lockFileName: String? { lockFormat?.fileName }

    public var environmentVariables: [String] { [] }

    public var usesProfiles: Bool { true }

    public var versionSelection: VersionSelection { .pubGrub }

    public var workspaceRootMayBeVirtual: Bool { false }

    public var buildsTargets: Bool { false }

    public func manifestSchema(for manifest: PackageManifest) -> ManifestSchema { manifestSchema }

    public func requirements(for version: Version, in manifest: PackageManifest) -> [String] {
        ["^\(version)", "~\(version)", "=\(version)"]
    }

    /// The manifest in `directory`, by the ecosystem's preference of names, read; nil when there
    /// is none or it cannot be read.
    public func loadManifest(in directory: String, fileSystem: any FileSystem, manifests: ManifestCache? = nil) -> PackageManifest? {
        for name in manifestFileNames {
            let path = Paths.join(directory, name)
            if let bytes = try? fileSystem.readFile(path) {
                let source = SourceText(path: path, bytes: bytes)
                return manifests?.manifest(source, ecosystem: self) ?? readManifest(source)
            }
        }
        return nil
    }

    /// The package directory: Asthra's rule, and the one most ecosystems share.
    public func sourceRoots(of package: PackageManifest) -> [String] { [package.directory] }

    public func isSource(_ path: String, of package: PackageManifest) -> Bool {
        guard isSourceFile(path) else { return false }
        guard let patterns = package.sourcePatterns else { return true }
        return Paths.isWithin(path, package.directory) && patterns.matches(Paths.relative(path, from: package.directory))
    }

    public func moduleKey(ofImport path: String) -> String { path }

    public func isSourceFile(_ path: String) -> Bool {
        // The last extension compared as bytes, no string made: this runs for every file a
        // workspace walk lists and every input of a plan.
        guard let name = Paths.lastComponentAsWritten(path)?.utf8 else { return sourceExtensions.contains(Paths.fileExtension(path)) }
        guard let dot = name.lastIndex(of: 0x2E), dot != name.startIndex else { return false }
        let ext = name[name.index(after: dot)...]
        return sourceExtensions.contains { $0.utf8.elementsEqual(ext) }
    }

    /// Whether the file's name is one of this ecosystem's manifest names.
    public func isManifestFile(_ path: String) -> Bool {
        manifestFileNames.contains(Paths.lastComponent(path))
    }
}

/// How a language chooses the versions of its dependencies.
public enum VersionSelection: Sendable {
    /// The newest versions that fit every requirement (or the oldest, with `--minimal-versions`),
    /// the lock's first: Cargo's and pub's way.
    case pubGrub
    /// For each package the highest of the minimums its requirements name (Go's MVS): no search,
    /// and the same answer whatever is published later.
    case minimal
}

/// What a resolver is made from.
public struct ImportResolverSetup: Sendable {
    public var fileSystem: any FileSystem
    /// The process environment (`ASTHRA_HOME`, `PATH`, `HOME`).
    public var environment: [String: String]
    /// The workspace's root manifest; its toolchain settings apply to every member.
    public var rootManifest: PackageManifest
    /// Every package of the workspace.
    public var members: [PackageManifest]
    /// The members and the local packages they depend on by path, their manifests read.
    public var packages: PackageGraph
    /// Directory listings shared with the source walk.
    public var directories: DirectoryCache
    /// The root package's features the command works with (`--features`).
    public var features: FeatureSelection

    public init(fileSystem: any FileSystem, environment: [String: String], rootManifest: PackageManifest, members: [PackageManifest],
                packages: PackageGraph, directories: DirectoryCache? = nil, features: FeatureSelection = .standard) {
        self.features = features
        self.fileSystem = fileSystem
        self.environment = environment
        self.rootManifest = rootManifest
        self.members = members
        self.packages = packages
        self.directories = directories ?? DirectoryCache(fileSystem: fileSystem)
    }
}

/// Who wrote a module, which decides what it may import. The core knows the kinds every
/// ecosystem has (the user's packages and their dependencies); an ecosystem declares more in
/// its folder (Asthra: the standard library, internal code) and its access rules read them.
public struct PackageKind: Hashable, Sendable, CustomStringConvertible {
    /// How messages name it: "user code".
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let user = PackageKind("user code")
    public static let thirdParty = PackageKind("third-party code")
}

/// What kind of thing an import names. The core knows a package's own modules and its
/// dependencies; an ecosystem declares more in its folder (Asthra: stdlib, internal, system).
public struct ImportCategory: Hashable, Sendable, CustomStringConvertible {
    /// How hover and completion name it: "third-party".
    public let rawValue: String
    /// What hover says of such an import when it resolves to no file and has no problem: it
    /// is provided from outside and not checked.
    public let uncheckedNote: String?

    public init(_ rawValue: String, uncheckedNote: String? = nil) {
        self.rawValue = rawValue
        self.uncheckedNote = uncheckedNote
    }

    public var description: String { rawValue }

    public static let local = ImportCategory("local")
    public static let thirdParty = ImportCategory("third-party")
}

/// Where a source file belongs.
public struct ModuleOrigin: Hashable, Sendable {
    public var kind: PackageKind
    /// The directory local imports must stay inside: the package root, or the library root.
    public var boundary: String
    /// The manifest of the package holding the file, when it has one.
    public var manifestPath: String?

    public init(kind: PackageKind, boundary: String, manifestPath: String?) {
        self.kind = kind
        self.boundary = boundary
        self.manifestPath = manifestPath
    }
}

/// The result of resolving one import.
public struct ImportOutcome: Hashable, Sendable {
    /// nil when the import's form was not recognised.
    public var category: ImportCategory?
    /// The source files the import brings in (one file, or every file of a directory).
    public var targets: [String]
    /// Problems with this import (located at the import; the file is filled in by the caller).
    public var diagnostics: [Diagnostic]
    /// The dependency the import reaches into, when it names one.
    public var package: PackageReference?

    public init(category: ImportCategory?, targets: [String] = [], diagnostics: [Diagnostic] = [], package: PackageReference? = nil) {
        self.category = category
        self.targets = targets
        self.diagnostics = diagnostics
        self.package = package
    }
}

/// A dependency an import names: which declaration, and where the package is.
public struct PackageReference: Hashable, Sendable {
    /// The dependency's name as declared (`github.com/user/json`, `mathlib`).
    public var name: String
    /// The manifest declaring the dependency.
    public var declaredIn: String
    /// The package's directory, when it is on disk.
    public var directory: String?
    /// The import names the package itself (`import "mathlib";`), not one of its modules.
    public var isWholePackage: Bool
    /// The file of the package's module the import names, when the workspace does not load it
    /// as a module (Elm's foreign modules): where go to definition goes.
    public var file: String?

    public init(name: String, declaredIn: String, directory: String?, isWholePackage: Bool) {
        self.name = name
        self.declaredIn = declaredIn
        self.directory = directory
        self.isWholePackage = isWholePackage
    }
}

/// Something that may follow `import "` where the user is typing: a module, a directory of
/// modules, a dependency, or the start of an import form.
public struct ImportCandidate: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case module, directory, package, prefix }
    /// The whole import path the candidate completes to.
    public var path: String
    public var kind: Kind
    public var category: ImportCategory?
    /// A short line: the file it names, or the dependency's source.
    public var detail: String

    public init(path: String, kind: Kind, category: ImportCategory?, detail: String) {
        self.path = path
        self.kind = kind
        self.category = category
        self.detail = detail
    }
}

/// Classifies, checks and resolves the imports of one workspace.
public protocol ImportResolver: Sendable {
    /// Problems with the environment, reported once per run rather than per import.
    var environmentDiagnostics: [Diagnostic] { get }
    /// Directories that hold the language's own libraries: not searched as part of a package.
    var libraryRoots: [String] { get }
    /// Who wrote the file at `path`, from where it lives.
    func origin(ofFile path: String, member: PackageManifest?) -> ModuleOrigin
    /// Problems with what a file declares itself to be, from where it lives (Elm: `module A.B`
    /// must be `A/B.elm` under a source directory, and a package has no `port module`); none
    /// by default.
    func checkDeclaration(of scan: SourceScan, inFile path: String, origin: ModuleOrigin) -> [Diagnostic]
    /// Classifies, checks access and finds the files an import names.
    func resolve(_ statement: ImportStatement, inFile path: String, origin: ModuleOrigin) -> ImportOutcome
    /// What may be imported from `path` by an import whose text so far is `prefix`: the entries
    /// of the directory the prefix is in, the dependencies, the import forms. Only what the
    /// access rules allow the file to import.
    func candidates(forPrefix prefix: String, inFile path: String, origin: ModuleOrigin) -> [ImportCandidate]
    /// The manifest of the package in `directory` (a member, a path dependency or a fetched one).
    func packageManifest(in directory: String) -> PackageManifest?
    /// Where a dependency `manifest` declares is on this machine (its `path`, or its copy in
    /// the package cache); nil when it is not here. Resolution, completion, hover and go to
    /// definition all ask this.
    func directory(of dependency: DependencySpec, declaredIn manifest: PackageManifest) -> String?
    /// Packages that can be depended on without fetching: the local package cache.
    func availablePackages() -> [AvailablePackage]
}

extension ImportResolver {
    public func checkDeclaration(of scan: SourceScan, inFile path: String, origin: ModuleOrigin) -> [Diagnostic] { [] }
}

/// A package already on this machine, which a manifest may name as a dependency.
public struct AvailablePackage: Hashable, Sendable {
    public var name: String
    public var version: Version?
    public var description: String?
    public var directory: String

    public init(name: String, version: Version?, description: String?, directory: String) {
        self.name = name
        self.version = version
        self.description = description
        self.directory = directory
    }
}
