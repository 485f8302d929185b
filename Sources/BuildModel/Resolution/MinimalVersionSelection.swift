/// Go's minimal version selection (what seed 002 says Rask resolves with), over the same
/// `PackageProvider` as PubGrub: every requirement names the lowest version it accepts; the
/// build takes, for each package, the highest of those minimums over every version the
/// requirement graph reaches. No search, no backtracking: the answer is the same tomorrow
/// whatever is published meanwhile. When a selected version falls outside a requirement's
/// upper bound (`^1.2` and a minimum of 2.0.0 elsewhere), selection fails with an explanation.
public struct MinimalVersionSelection {
    let provider: any PackageProvider
    let root: String
    let rootVersion: Version

    public init(provider: any PackageProvider, root: String, version: Version) {
        self.provider = provider
        self.root = root
        self.rootVersion = version
    }

    /// A requirement as the traversal met it: who asked, for which package, and its minimum.
    private struct Edge {
        var from: String
        var fromVersion: Version
        var requirement: PackageRequirement
        var minimum: Version
    }

    public func solve() throws(ResolutionError) -> [String: Version] {
        var selected: [String: Version] = [root: rootVersion]
        var edges: [Edge] = []
        var visited: Set<String> = []
        var queue: [(String, Version)] = [(root, rootVersion)]
        // The root dependency through which each package was first reached: where a failure starts.
        var via: [String: String] = [:]
        while !queue.isEmpty {
            let (package, version) = queue.removeFirst()
            guard visited.insert("\(package)@\(version)").inserted else { continue }
            for requirement in try provider.dependencies(of: package, at: version) {
                if via[requirement.package] == nil { via[requirement.package] = package == root ? requirement.package : via[package] }
                let available = try provider.versions(of: requirement.package).filter { requirement.versions.contains($0) && !$0.isPrerelease }
                guard let minimum = available.min() else {
                    let who = package == root ? root : "\(package) \(version)"
                    throw .noSolution("Because no versions of \(requirement.package) match \(requirement.versions) and \(who) depends on \(requirement.package) \(requirement.versions), version selection failed.", involving: via[requirement.package].map { [$0] } ?? [])
                }
                edges.append(Edge(from: package, fromVersion: version, requirement: requirement, minimum: minimum))
                if selected[requirement.package].map({ $0 < minimum }) ?? true { selected[requirement.package] = minimum }
                queue.append((requirement.package, minimum))
            }
        }
        // Every requirement of a selected version must allow what was selected.
        for edge in edges where selected[edge.from] == edge.fromVersion {
            let chosen = selected[edge.requirement.package]!
            guard !edge.requirement.versions.contains(chosen) else { continue }
            // The minimum came from an edge: from a selected version if one raised it, else from
            // a version passed over, whose requirements count all the same (as Go's do).
            let raisers = edges.filter { $0.requirement.package == edge.requirement.package && $0.minimum == chosen }
            guard let raiser = raisers.first(where: { selected[$0.from] == $0.fromVersion }) ?? raisers.first else { continue }
            let who = edge.from == root ? root : "\(edge.from) \(edge.fromVersion)"
            let other = raiser.from == root ? root : "\(raiser.from) \(raiser.fromVersion)"
            let passedOver = selected[raiser.from] == raiser.fromVersion ? "" : " (a requirement that counts though \(raiser.from) \(selected[raiser.from]!) is taken in its place)"
            throw .noSolution("""
                Because \(other) depends on \(raiser.requirement.package) \(raiser.requirement.versions)\(passedOver), \(edge.requirement.package) \(chosen) is the lowest version every requirement may take, and \(who) depends on \(edge.requirement.package) \(edge.requirement.versions), which does not allow it: version selection failed.
                """, involving: Array(Set([edge, raiser].compactMap { via[$0.from == root ? $0.requirement.package : $0.from] })).sorted())
        }
        return selected
    }
}
