/// What a version solver needs to know about packages, whatever their source: which versions
/// exist, and what each depends on. Path, git, registry and cache providers implement it; tests
/// fake it.
public protocol PackageProvider {
    /// Every version of the package there is (in any order); empty when there is none.
    func versions(of package: String) throws(ResolutionError) -> [Version]
    /// What one version depends on, in the order its manifest lists it.
    func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement]
    /// A set of versions as the ecosystem's manifests write one, for the explanation of a
    /// failed solve (Cargo's `>=1.0.0, <2.0.0`, unless the ecosystem says otherwise).
    func wording(of versions: VersionSet) -> String
}

extension PackageProvider {
    public func wording(of versions: VersionSet) -> String { versions.description }
}

/// A dependency as a solver sees it: a package and the versions that will do.
public struct PackageRequirement: Hashable, Sendable {
    public var package: String
    public var versions: VersionSet

    public init(_ package: String, _ versions: VersionSet) {
        self.package = package
        self.versions = versions
    }
}

/// Why versions could not be chosen.
public enum ResolutionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No set of versions meets every requirement: the explanation, in English, and the root's
    /// own dependencies the explanation starts from (where an editor underlines it).
    case noSolution(String, involving: [String] = [], because: [DependencyFact] = [])
    /// A provider could not answer (a repository that cannot be reached, a manifest that cannot
    /// be read); `help`, how to look into it when that can be told.
    case unavailable(package: String, reason: String, help: [String] = [])
    /// Working offline, and the package is not in the cache.
    case notCached(package: String)
    /// The repository has no such tag, branch or commit (`kind`); `known` are those it has of
    /// that kind (newest versions first for tags), to choose from. `cached`: only the package
    /// cache's copy was looked at (offline), which may be older than the repository.
    case missingReference(package: String, kind: ReferenceKind, reference: String, known: [String], cached: Bool = false)

    /// What names a commit of a git dependency.
    public enum ReferenceKind: String, Hashable, Sendable { case tag, branch, commit }

    public var description: String {
        switch self {
        case .noSolution(let explanation, _, _): explanation
        case .unavailable(let package, let reason, _): "cannot get '\(package)': \(reason)"
        case .notCached(let package): "cannot get '\(package)': it is not in the cache, and --offline forbids fetching it"
        case .missingReference(let package, let kind, let reference, _, let cached):
            "cannot get '\(package)': the \(cached ? "package cache's copy of the " : "")repository has no \(kind) '\(reference)'"
        }
    }

    /// How to go on from here, as help lines: for a missing reference its `choices`.
    public var help: [String] {
        switch self {
        case .noSolution: []
        case .unavailable(_, _, let help): help
        case .notCached: ["run it again without --offline to fetch it"]
        case .missingReference: choices
        }
    }

    /// For a missing tag or branch, the one most likely meant: the fix.
    public var likelyMeant: String? {
        guard case .missingReference(_, let kind, let reference, let known, _) = self, kind != .commit else { return nil }
        return Spelling.closest(to: reference, in: known)
    }

    /// For a missing reference: the one most likely meant, else the ones there are.
    public var choices: [String] {
        guard case .missingReference(_, let kind, _, let known, let cached) = self else { return [] }
        let fetch = cached ? ["run `ampu update` to fetch what the repository has now"] : []
        if kind == .commit { return ["give a commit the repository has (its full id, or an abbreviation of it)"] + fetch }
        let plural = kind == .branch ? "branches" : "tags"
        if known.isEmpty { return ["the repository has no \(plural)"] + fetch }
        if let meant = likelyMeant { return ["did you mean \(kind) '\(meant)'?"] + fetch }
        return ["its \(plural) are: " + known.prefix(8).joined(separator: ", ") + (known.count > 8 ? ", …" : "")] + fetch
    }
}

/// One of the facts a failed solve rests on: versions of a package depend on another package
/// (an editor points at that line of that package's manifest).
public struct DependencyFact: Hashable, Sendable {
    public var depender: String
    public var versions: VersionSet
    public var dependency: String
    /// The versions of the dependency that will do.
    public var requirement: VersionSet

    public init(depender: String, versions: VersionSet, dependency: String, requirement: VersionSet) {
        self.depender = depender
        self.versions = versions
        self.dependency = dependency
        self.requirement = requirement
    }
}
