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
        self.diagnostics = []
    }

    /// The package name, or the directory's name for a virtual manifest.
    public var displayName: String { package?.name?.value ?? Paths.lastComponent(directory) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func dependency(named name: String, kind: DependencySpec.Kind? = nil) -> DependencySpec? {
        dependencies.first { $0.name.value == name && (kind == nil || $0.kind == kind) }
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
}

/// One entry of `[dependencies]` or `[dev-dependencies]`.
public struct DependencySpec: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case normal = "dependencies"
        case dev = "dev-dependencies"
    }

    public enum GitReference: Hashable, Sendable {
        case tag(String), branch(String), rev(String)
    }

    public var kind: Kind
    /// The key: the package's name (for Asthra its import path, `github.com/user/pkg`).
    public var name: Located<String>
    /// The whole value: the requirement string or the inline table.
    public var range: SourceRange
    public var requirement: Located<VersionRequirement>?
    public var path: Located<String>?
    public var git: Located<String>?
    public var gitReference: Located<GitReference>?

    public init(kind: Kind, name: Located<String>, range: SourceRange) {
        self.kind = kind
        self.name = name
        self.range = range
    }

    /// Where the dependency comes from and which versions, in one line:
    /// `version ^1.2, path ../mathlib`, `git https://… (tag v1)`, or `any version`.
    public var sourceSummary: String {
        var parts: [String] = []
        if let r = requirement { parts.append("version \(r.value)") }
        if let p = path { parts.append("path \(p.value)") }
        if let g = git {
            var text = "git \(g.value)"
            switch gitReference?.value {
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

/// `[workspace]`: the member packages.
public struct WorkspaceSection: Hashable, Sendable {
    public var range: SourceRange
    /// Directories relative to the workspace root; a last component may be `*`.
    public var members: [Located<String>]
    public var exclude: [Located<String>]

    public init(range: SourceRange, members: [Located<String>] = [], exclude: [Located<String>] = []) {
        self.range = range
        self.members = members
        self.exclude = exclude
    }
}

/// `[toolchain]`: where the compiler and its libraries are, each path relative to the manifest.
public struct ToolchainSettings: Hashable, Sendable {
    /// The compiler program (a path or a name looked up in `PATH`).
    public var compiler: Located<String>?
    /// The compiler's command line with `{input}`, `{output}`… placeholders.
    public var command: [Located<String>]
    /// The language's home directory (holds its standard library).
    public var home: Located<String>?
    /// Named library roots (`stdlib`, `internal`).
    public var roots: [String: Located<String>]

    public init() {
        command = []
        roots = [:]
    }
}
