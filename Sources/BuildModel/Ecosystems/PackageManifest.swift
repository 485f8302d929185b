/// A package manifest of any ecosystem, read into one shape: what the workspace, resolution and
/// the language server need, each value with its range, plus the diagnostics found while reading.
public struct PackageManifest: Sendable {
    /// Absolute path of the manifest file.
    public var path: String { didSet { directory = Paths.parent(path) } }
    /// The directory holding the manifest: the package root. Stored, because every module of
    /// the package asks for it while its imports are resolved.
    public private(set) var directory: String
    public var source: SourceText
    /// The `[package]` (or equivalent) section, nil for a virtual workspace manifest.
    public var package: PackageSection?
    public var dependencies: [DependencySpec]
    public var workspace: WorkspaceSection?
    public var toolchain: ToolchainSettings
    public var build: BuildSettings
    /// C sources built with the package (`[native]`), when it has any.
    public var native: NativeSettings?
    /// The directories its sources are in, relative to it, when the manifest names them (Elm's
    /// `source-directories`); empty when they are found under the package directory.
    public var sourceDirectories: [Located<String>] = []
    /// The modules other packages may import, when the manifest lists them (Elm's
    /// `exposed-modules`); empty when every module is importable.
    public var exposedModules: [Located<String>] = []
    /// The patterns its targets list as sources (Aria's `sources`), when only the files they
    /// match are sources; nil when every file with a source extension under the package is one.
    public var sourcePatterns: GlobSet?
    /// Everything found while reading this file alone (syntax, schema, values).
    public var diagnostics: [Diagnostic]

    public init(path: String, source: SourceText) {
        self.path = path
        self.directory = Paths.parent(path)
        self.source = source
        self.package = nil
        self.dependencies = []
        self.workspace = nil
        self.toolchain = ToolchainSettings()
        self.build = BuildSettings()
        self.diagnostics = []
    }

    /// The package name, or the directory's name for a virtual manifest.
    public var displayName: String { package?.name?.value ?? Paths.lastComponent(directory) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func dependency(named name: String, scope: DependencyScope? = nil) -> DependencySpec? {
        dependencies.first { $0.name.value == name && (scope == nil || $0.scope == scope) }
    }
}

/// `[package]`: who the package is.
public struct PackageSection: Hashable, Sendable {
    /// The header (`[package]`).
    public var range: SourceRange
    public var name: Located<String>?
    public var version: Located<Version>?
    /// The language version the package is written for (`asthra_version`).
    public var languageVersion: Located<String>?
    public var description: Located<String>?
    public var license: Located<String>?
    public var authors: [Located<String>]
    public var targets: [TargetSpec]
    /// The program `run` runs when there are several (`default-run`).
    public var defaultRun: Located<String>?

    public init(range: SourceRange) {
        self.range = range
        self.authors = []
        self.targets = []
    }
}

/// Something a package builds: a program (`bin`) or a library.
public struct TargetSpec: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case bin, lib }
    public var kind: Kind
    public var name: Located<String>
    /// The entry source file, relative to the package root.
    public var path: Located<String>
    /// The target's sources when the manifest lists them (file names or globs, relative to the
    /// package root); empty when they are found from the entry.
    public var sources: [Located<String>]
    /// Other targets or packages this one needs, by name, when the manifest says per target.
    public var dependencies: [Located<String>]

    public init(kind: Kind, name: Located<String>, path: Located<String>, sources: [Located<String>] = [], dependencies: [Located<String>] = []) {
        self.kind = kind
        self.name = name
        self.path = path
        self.sources = sources
        self.dependencies = dependencies
    }
}

extension PackageManifest {
    /// Where a build of this workspace root writes its output and its records: the directory the
    /// command line gives (`--target-dir`, `AMPU_TARGET_DIR`; absolute), else the manifest's
    /// (`[build] output_dir`, relative to the root), else `target/` beside the manifest.
    public func targetDirectory(overridden: String?) -> String {
        overridden ?? Paths.join(directory, build.outputDirectory?.value ?? "target")
    }
}

/// How a package is built, as its manifest says (`[build]`, `[profile.*]`): kept for the build
/// planner. Each value keeps its range so that a plan's errors can point at it.
public struct BuildSettings: Hashable, Sendable {
    /// Where build output goes, relative to the package root.
    public var outputDirectory: Located<String>?
    /// The machine to build for.
    public var target: Located<String>?
    /// The profile a plain build uses.
    public var defaultProfile: Located<String>?
    /// Optimisation for builds that name no profile.
    public var optimization: Located<String>?
    public var debugInfo: Located<Bool>?
    /// How many compile jobs run at once.
    public var jobs: Located<Int64>?
    /// How long one build action may run, in seconds.
    public var timeout: Located<Int64>?
    public var profiles: [BuildProfile]

    public init() { profiles = [] }
}

/// One named build profile (`[profile.release]`, `[build.profiles.dev]`).
public struct BuildProfile: Hashable, Sendable {
    public var name: Located<String>
    /// The optimisation level as the manifest writes it (`2`, `aggressive`).
    public var optimization: Located<String>?
    public var debug: Located<Bool>?
    /// Link-time optimisation (`thin`, `full`).
    public var lto: Located<String>?
    /// The profile this one starts from.
    public var inherits: Located<String>?

    public init(name: Located<String>) { self.name = name }
}

/// One dependency a manifest declares: its name, what it is needed for, where it comes from and
/// which versions will do. The shape every ecosystem reads into (SwiftPM's: the source is an enum).
public struct DependencySpec: Hashable, Sendable {
    public typealias GitReference = DependencySource.GitReference

    /// The key: the package's name (for Asthra its import path, `github.com/user/pkg`).
    public var name: Located<String>
    public var scope: DependencyScope
    /// The section it is written in, as the manifest spells it (`dependencies`,
    /// `dev-dependencies`): messages name it so that the user finds the line.
    public var section: String
    /// The whole value: the requirement string or the inline table.
    public var range: SourceRange
    public var source: DependencySource
    /// The versions accepted, whatever the source (a path dependency may say which it needs).
    public var requirement: Located<VersionRequirement>?
    /// The requirement as the manifest writes it, when that is not how `VersionRequirement`
    /// prints it (Elm's `1.0.0 <= v < 2.0.0`, an exact `1.0.5`).
    public var writtenRequirement: String?

    public init(name: Located<String>, scope: DependencyScope, section: String, range: SourceRange, source: DependencySource = .registry,
                requirement: Located<VersionRequirement>? = nil) {
        self.name = name
        self.scope = scope
        self.section = section
        self.range = range
        self.source = source
        self.requirement = requirement
    }

    /// The directory a `path` dependency names, as written; nil for other sources.
    public var path: Located<String>? {
        if case .path(let p) = source { return p }
        return nil
    }

    /// Where the dependency comes from and which versions, in one line:
    /// `version ^1.2, path ../mathlib`, `git https://… (tag v1)`, or `any version`.
    public var sourceSummary: String {
        var parts: [String] = []
        if let r = requirement { parts.append("version \(writtenRequirement ?? "\(r.value)")") }
        switch source {
        case .registry: break
        case .path(let p): parts.append("path \(p.value)")
        case .git(let url, let reference):
            var text = "git \(url.value)"
            switch reference?.value {
            case .tag(let t): text += " (tag \(t))"
            case .branch(let b): text += " (branch \(b))"
            case .rev(let r): text += " (rev \(r))"
            case nil: break
            }
            parts.append(text)
        }
        return parts.isEmpty ? "any version" : parts.joined(separator: ", ")
    }
}

/// Where a dependency comes from.
public enum DependencySource: Hashable, Sendable {
    /// By name, from the ecosystem's registry or package cache.
    case registry
    /// A directory, relative to the declaring manifest.
    case path(Located<String>)
    /// A git repository, at a tag, a branch or a commit (the default branch when none is named).
    case git(Located<String>, reference: Located<GitReference>?)

    public enum GitReference: Hashable, Sendable {
        case tag(String), branch(String), rev(String)
    }
}

/// What a dependency is needed for. The core knows the scopes most ecosystems share; an
/// ecosystem may declare more in its folder.
public struct DependencyScope: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Needed by the package's own code.
    public static let normal = DependencyScope("normal")
    /// Needed only by tests, examples and benchmarks.
    public static let dev = DependencyScope("dev")
    /// Needed by the build itself (build scripts, code generators).
    public static let build = DependencyScope("build")
}

/// `[workspace]`: the member packages.
public struct WorkspaceSection: Hashable, Sendable {
    public var range: SourceRange
    /// Directories relative to the workspace root; a last component may be `*`.
    public var members: [Located<String>]
    public var exclude: [Located<String>]
    /// The members a command run at the root is about when it names none (`default-members`,
    /// as Cargo's); nil when the manifest does not say.
    public var defaultMembers: [Located<String>]?

    public init(range: SourceRange, members: [Located<String>] = [], exclude: [Located<String>] = [], defaultMembers: [Located<String>]? = nil) {
        self.range = range
        self.members = members
        self.exclude = exclude
        self.defaultMembers = defaultMembers
    }
}

/// `[toolchain]`: where the compiler and its libraries are, each path relative to the manifest.
public struct ToolchainSettings: Hashable, Sendable {
    /// The compiler program (a path or a name looked up in `PATH`).
    public var compiler: Located<String>?
    /// The compiler's command line with `{input}`, `{output}`… placeholders.
    public var command: [Located<String>]
    /// A named command line the ecosystem knows (Asthra: `current`, `seed`).
    public var preset: Located<String>?
    /// A program put before every native compile command (`ccache`, `distcc`), as CMake's
    /// `CMAKE_C_COMPILER_LAUNCHER`.
    public var launcher: Located<String>?
    /// The program that links programs, when the manifest names one (Oats: `clang`).
    public var linker: Located<String>?
    /// Directories the ecosystem's toolchain reads, by the key that names them in the manifest
    /// (Asthra: `asthra_home`, `stdlib`, `internal`).
    public var directories: [String: Located<String>]

    public init() {
        command = []
        directories = [:]
    }
}

/// `[native]`: C sources compiled with the system's C compiler into the package.
public struct NativeSettings: Hashable, Sendable {
    /// The header (`[native]`).
    public var range: SourceRange
    /// Source files or globs (`csrc/**/*.c`), relative to the package root.
    public var sources: [Located<String>]
    /// Include directories, relative to the package root.
    public var include: [Located<String>]
    /// Extra compiler flags, as written.
    public var flags: [Located<String>]
    /// Libraries the programs link with (`m` for `-lm`).
    public var libs: [Located<String>]

    public init(range: SourceRange, sources: [Located<String>] = [], include: [Located<String>] = [], flags: [Located<String>] = [], libs: [Located<String>] = []) {
        self.range = range
        self.sources = sources
        self.include = include
        self.flags = flags
        self.libs = libs
    }
}
