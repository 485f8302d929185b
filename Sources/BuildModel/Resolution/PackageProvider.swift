/// What a version solver needs to know about packages, whatever their source: which versions
/// exist, and what each depends on. Path, git, registry and cache providers implement it; tests
/// fake it.
public protocol PackageProvider {
    /// Every version of the package there is (in any order); empty when there is none.
    func versions(of package: String) throws(ResolutionError) -> [Version]
    /// What one version depends on, in the order its manifest lists it.
    func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement]
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
    /// A provider could not answer (a repository that cannot be reached, a manifest that cannot be read).
    case unavailable(package: String, reason: String)
    /// Working offline, and the package is not in the cache.
    case notCached(package: String)

    public var description: String {
        switch self {
        case .noSolution(let explanation, _, _): explanation
        case .unavailable(let package, let reason): "cannot get '\(package)': \(reason)"
        case .notCached(let package): "cannot get '\(package)': it is not in the cache, and --offline forbids fetching it"
        }
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
