/// Version solving with PubGrub, as Dart pub's `doc/solver.md` describes it: unit propagation
/// over incompatibilities, decisions that add a version's dependencies lazily, and conflict
/// resolution that learns why a set of choices failed. When no solution exists, the derivation
/// of that fact is explained in English (`PubGrubReport`).
public struct PubGrubSolver {
    /// Which version of a package a decision tries first.
    public enum Preference: Sendable {
        /// The newest version that fits (the default).
        case highest
        /// The oldest (`--minimal-versions`).
        case lowest
    }

    let provider: any PackageProvider
    let root: String
    let rootVersion: Version
    let preference: Preference
    /// Versions to try first when they fit (a lock file's).
    let preferred: [String: Version]
    /// The workspace's other packages (its members): each has its one version, as the root
    /// has, and explanations name them by name.
    let members: Set<String>

    private var incompatibilities: [Incompatibility] = []
    /// Incompatibility indices by the packages they mention.
    private var byPackage: [String: [Int]] = [:]
    private var solution = PartialSolution()
    private var versionCache: [String: [Version]] = [:]
    private var dependencyCache: [String: [PackageRequirement]] = [:]
    /// The versions that fit what is known of each package, with the term they were found for.
    private var candidateCache: [String: (term: Term, versions: [Version])] = [:]
    /// Dependency incompatibilities already added (a range covers several versions).
    private var added: Set<[Term]> = []

    public init(provider: any PackageProvider, root: String, version: Version, preference: Preference = .highest, preferred: [String: Version] = [:],
                members: Set<String> = []) {
        self.members = members
        self.provider = provider
        self.root = root
        self.rootVersion = version
        self.preference = preference
        self.preferred = preferred
    }

    /// The version of every package the root needs, the root's included.
    public mutating func solve() throws(ResolutionError) -> [String: Version] {
        add(Incompatibility([Term(root, .exactly(rootVersion), positive: false)], cause: .root))
        var next: String? = root
        while let package = next {
            try propagate(package)
            next = try decide()
        }
        return solution.decisions
    }

    // MARK: Incompatibilities

    /// Keeps an incompatibility (derivations refer to their causes by index) without letting
    /// propagation see it.
    private mutating func store(_ incompatibility: Incompatibility) -> Int {
        incompatibilities.append(incompatibility)
        return incompatibilities.count - 1
    }

    /// Keeps an incompatibility and lets propagation use it.
    @discardableResult
    private mutating func add(_ incompatibility: Incompatibility) -> Int {
        let index = store(incompatibility)
        watch(index)
        return index
    }

    /// Lets propagation see an incompatibility that is stored already.
    private mutating func watch(_ index: Int) {
        for term in incompatibilities[index].terms { byPackage[term.package, default: []].append(index) }
    }

    // MARK: Unit propagation

    private mutating func propagate(_ package: String) throws(ResolutionError) {
        var changed: [String] = [package]
        while !changed.isEmpty {
            let current = changed.removeFirst()
            // Newest first: conflict resolution's learned incompatibilities are the most general.
            for index in (byPackage[current] ?? []).reversed() {
                switch solution.relation(to: incompatibilities[index]) {
                case .satisfied:
                    let learned = try resolveConflict(index)
                    guard case .almostSatisfied(let term) = solution.relation(to: incompatibilities[learned]) else {
                        fatalError("a learned incompatibility is almost satisfied after backtracking")
                    }
                    solution.derive(term.inverse, cause: learned)
                    changed = [term.package]
                case .almostSatisfied(let term):
                    solution.derive(term.inverse, cause: index)
                    if !changed.contains(term.package) { changed.append(term.package) }
                    continue
                case .contradicted, .inconclusive:
                    continue
                }
                break
            }
        }
    }

    /// The root's dependencies among the external facts a derivation rests on, in the order
    /// the root's manifest lists them.
    private func rootDependencies(under index: Int) -> [String] {
        var found: Set<String> = []
        var seen: Set<Int> = []
        var pending = [index]
        while let i = pending.popLast() {
            guard seen.insert(i).inserted else { continue }
            let incompatibility = incompatibilities[i]
            switch incompatibility.cause {
            case .derived(let a, let b): pending += [a, b]
            case .dependency where incompatibility.terms.count == 2 && incompatibility.terms[0].package == root:
                found.insert(incompatibility.terms[1].package)
            default: break
            }
        }
        let order = dependencyCache["\(root)@\(rootVersion)"]?.map(\.package) ?? []
        return order.filter(found.contains) + found.subtracting(order).sorted()
    }

    /// The dependencies of packages other than the root among the external facts a derivation
    /// rests on, in the order they were learned.
    private func dependencyFacts(under index: Int) -> [DependencyFact] {
        var seen: Set<Int> = []
        var pending = [index]
        var found: [Int] = []
        while let i = pending.popLast() {
            guard seen.insert(i).inserted else { continue }
            let incompatibility = incompatibilities[i]
            switch incompatibility.cause {
            case .derived(let a, let b): pending += [a, b]
            case .dependency where incompatibility.terms.count == 2 && incompatibility.terms[0].package != root:
                found.append(i)
            default: break
            }
        }
        return found.sorted().map { i in
            let t = incompatibilities[i].terms
            return DependencyFact(depender: t[0].package, versions: t[0].versions, dependency: t[1].package, requirement: t[1].versions)
        }
    }

    // MARK: Conflict resolution

    /// Finds the root cause of a satisfied incompatibility, backtracks, and returns the index of
    /// an incompatibility that is almost satisfied now (learned, and added, when it is new).
    private mutating func resolveConflict(_ conflict: Int) throws(ResolutionError) -> Int {
        var currentIndex = conflict
        while true {
            let current = incompatibilities[currentIndex]
            if current.terms.isEmpty || (current.terms.count == 1 && current.terms[0].positive && current.terms[0].package == root) {
                throw .noSolution(PubGrubReport(incompatibilities: incompatibilities, root: root, members: members, wording: provider.wording).explain(currentIndex),
                                  involving: rootDependencies(under: currentIndex), because: dependencyFacts(under: currentIndex))
            }
            var mostRecentTerm: Term?
            var mostRecent = -1
            var difference: Term?
            var previousLevel = 1
            for term in current.terms {
                let satisfier = solution.satisfier(of: term)
                if mostRecent < 0 {
                    (mostRecentTerm, mostRecent) = (term, satisfier)
                } else if mostRecent < satisfier {
                    previousLevel = max(previousLevel, solution.assignments[mostRecent].decisionLevel)
                    (mostRecentTerm, mostRecent, difference) = (term, satisfier, nil)
                } else {
                    previousLevel = max(previousLevel, solution.assignments[satisfier].decisionLevel)
                }
                if mostRecentTerm == term {
                    // The satisfier may only satisfy the term together with earlier assignments.
                    difference = solution.assignments[mostRecent].term.difference(term)
                    if let d = difference {
                        previousLevel = max(previousLevel, solution.assignments[solution.satisfier(of: d.inverse)].decisionLevel)
                    }
                }
            }
            let satisfier = solution.assignments[mostRecent]
            if satisfier.isDecision || previousLevel != satisfier.decisionLevel {
                if currentIndex != conflict { watch(currentIndex) }
                solution.backtrack(to: previousLevel)
                return currentIndex
            }
            let cause = incompatibilities[satisfier.cause!]
            var terms = current.terms.filter { $0 != mostRecentTerm }
            terms += cause.terms.filter { $0.package != satisfier.term.package }
            if let d = difference { terms.append(d.inverse) }
            currentIndex = store(Incompatibility(terms, cause: .derived(currentIndex, satisfier.cause!), root: root))
        }
    }

    // MARK: Decisions

    private mutating func versions(of package: String) throws(ResolutionError) -> [Version] {
        if let known = versionCache[package] { return known }
        let list = package == root ? [rootVersion] : try provider.versions(of: package).sorted()
        versionCache[package] = list
        return list
    }

    private mutating func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement] {
        let key = "\(package)@\(version)"
        if let known = dependencyCache[key] { return known }
        let list = try provider.dependencies(of: package, at: version)
        dependencyCache[key] = list
        return list
    }

    /// Chooses a version of the undecided package with the fewest versions left; nil when every
    /// package is decided.
    private mutating func decide() throws(ResolutionError) -> String? {
        var best: (package: String, candidates: [Version])?
        for package in solution.undecided {
            let term = solution.term(for: package)!
            // A package's candidates change only when what is known about it does.
            let candidates: [Version]
            if let cached = candidateCache[package], cached.term == term {
                candidates = cached.versions
            } else {
                candidates = try versions(of: package).filter { term.versions.contains($0) }
                candidateCache[package] = (term, candidates)
            }
            if best == nil || candidates.count < best!.candidates.count { best = (package, candidates) }
        }
        guard let (package, candidates) = best else { return nil }
        let term = solution.term(for: package)!
        guard let version = choose(package, from: candidates) else {
            add(Incompatibility([term], cause: .noVersions))
            return package
        }
        var conflict = false
        for incompatibility in try dependencyIncompatibilities(package, version) {
            guard added.insert(incompatibility.terms).inserted else { continue }
            add(incompatibility)
            // Taking the version would satisfy this one: leave the choice to propagation.
            conflict = conflict || incompatibility.terms.allSatisfy { t in
                t.package == package || solution.term(for: t.package).map { $0.satisfies(t) } == true
            }
        }
        if !conflict { solution.decide(package, version) }
        return package
    }

    private func choose(_ package: String, from candidates: [Version]) -> Version? {
        if let locked = preferred[package], candidates.contains(locked) { return locked }
        // Pre-releases only when nothing else fits.
        let releases = candidates.filter { !$0.isPrerelease }
        let pool = releases.isEmpty ? candidates : releases
        return preference == .highest ? pool.last : pool.first
    }

    /// `{package range, not dep set}` for each dependency of `version`, the range widened over
    /// the neighbouring versions with the same dependency (so that an explanation says
    /// `foo >=1.1.0 depends on bar ^2.0.0` rather than naming one version); the root's and a
    /// member's, which have one version, at that version.
    private mutating func dependencyIncompatibilities(_ package: String, _ version: Version) throws(ResolutionError) -> [Incompatibility] {
        let all = try versions(of: package)
        let index = all.firstIndex(of: version) ?? 0
        var out: [Incompatibility] = []
        // By name, as pub does: a stable order, and the one its worked examples assume.
        for requirement in try dependencies(of: package, at: version).sorted(by: { $0.package < $1.package }) {
            guard requirement.package != package else { continue }
            var low = index, high = index
            let own = package == root || members.contains(package)
            if !own {
                while low > 0, try dependencies(of: package, at: all[low - 1]).contains(requirement) { low -= 1 }
                while high + 1 < all.count, try dependencies(of: package, at: all[high + 1]).contains(requirement) { high += 1 }
            }
            let lower = low == 0 ? VersionSet.minimum : all[low]
            let upper: Version? = high == all.count - 1 ? nil : all[high + 1]
            let range = own ? VersionSet.exactly(version) : VersionSet([VersionSet.Range(lower, upper)])
            out.append(Incompatibility([Term(package, range), Term(requirement.package, requirement.versions, positive: false)], cause: .dependency))
        }
        return out
    }
}
