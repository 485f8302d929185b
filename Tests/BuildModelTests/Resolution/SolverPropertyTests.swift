import Testing
import TestSupport
@testable import BuildModel

/// PubGrub and minimal version selection on thousands of small random universes, against an
/// exhaustive search: PubGrub answers with a set of versions that meets every requirement
/// exactly when one exists; MVS never stops without an answer or an explanation, and what it
/// selects meets every requirement of what it selects.
@Suite("Solvers on random universes")
struct SolverPropertyTests {

    static let versions = ["1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0"].map { Version($0)! }
    static let requirements = ["^1.0.0", "^1.1.0", "^2.0.0", ">=1.1.0", "<2.0.0", "=1.0.0", "~1.2.0", "*", ">=2.1.0"]

    /// Up to five packages `p0`…`p4`, each with some of `versions`, each version needing up
    /// to two others; the root needs one to three.
    static func universe(_ seed: UInt64) -> Universe {
        var random = SeededRandom(state: seed)
        var universe = Universe([:])
        let count = 2 + random.next(4)
        func requirement(excluding own: Int?) -> PackageRequirement {
            var target = random.next(count)
            if target == own { target = (target + 1) % count }
            return PackageRequirement("p\(target)", VersionRequirement(requirements[random.next(requirements.count)])!.versionSet)
        }
        for p in 0..<count {
            for version in versions where random.next(3) > 0 {
                let needs = (0..<random.next(3)).map { _ in requirement(excluding: p) }
                universe.packages["p\(p)", default: [:]][version] = needs
            }
        }
        universe.packages["root"] = [Version(1, 0, 0): (0..<(1 + random.next(3))).map { _ in requirement(excluding: nil) }]
        return universe
    }

    /// Whether `chosen` (package to version, the root included) meets every requirement of
    /// every version in it.
    static func meets(_ chosen: [String: Version], in universe: Universe) -> Bool {
        chosen.allSatisfy { package, version in
            guard let needs = universe.packages[package]?[version] else { return false }
            return needs.allSatisfy { r in chosen[r.package].map { r.versions.contains($0) } ?? false }
        }
    }

    /// Every way to take each package at one of its versions or not at all, the root always:
    /// whether one meets every requirement.
    static func solvable(_ universe: Universe) -> Bool {
        let packages = universe.packages.keys.filter { $0 != "root" }.sorted()
        func search(_ i: Int, _ chosen: inout [String: Version]) -> Bool {
            if i == packages.count { return meets(chosen, in: universe) }
            if search(i + 1, &chosen) { return true }
            for version in universe.packages[packages[i]]!.keys {
                chosen[packages[i]] = version
                if search(i + 1, &chosen) { chosen[packages[i]] = nil; return true }
                chosen[packages[i]] = nil
            }
            return false
        }
        var chosen: [String: Version] = ["root": Version(1, 0, 0)]
        return search(0, &chosen)
    }

    @Test("PubGrub finds a solution exactly when one exists, and what it finds meets every requirement", arguments: [.highest, PubGrubSolver.Preference.lowest])
    func pubGrub(preference: PubGrubSolver.Preference) {
        var found = 0, failed = 0
        for seed in UInt64(1)...3000 {
            let universe = Self.universe(seed)
            var solver = PubGrubSolver(provider: universe, root: "root", version: Version(1, 0, 0), preference: preference)
            let exists = Self.solvable(universe)
            do {
                let chosen = try solver.solve()
                #expect(Self.meets(chosen, in: universe), "seed \(seed): \(chosen)")
                #expect(exists, "seed \(seed)")
                found += 1
            } catch {
                guard case .noSolution(let explanation, _, _) = error else {
                    Issue.record("seed \(seed): \(error)")
                    continue
                }
                #expect(!exists, "seed \(seed): \(explanation)")
                #expect(explanation.hasSuffix("version solving failed."), "seed \(seed): \(explanation)")
                failed += 1
            }
        }
        // Both kinds of universe were met, in numbers that make the check mean something.
        #expect(found > 500 && failed > 500, "\(found) solved, \(failed) not")
    }

    @Test("MVS selects what meets every requirement of what it selects, or explains why it cannot")
    func minimal() {
        var selectedCount = 0, failed = 0
        for seed in UInt64(1)...3000 {
            let universe = Self.universe(seed)
            do {
                let chosen = try MinimalVersionSelection(provider: universe, root: "root", version: Version(1, 0, 0)).solve()
                #expect(Self.meets(chosen, in: universe), "seed \(seed): \(chosen)")
                selectedCount += 1
            } catch {
                guard case .noSolution(let explanation, _, _) = error else {
                    Issue.record("seed \(seed): \(error)")
                    continue
                }
                #expect(explanation.hasPrefix("Because ") && explanation.hasSuffix(", version selection failed.") || explanation.hasSuffix(": version selection failed."), "seed \(seed): \(explanation)")
                failed += 1
            }
        }
        #expect(selectedCount > 500 && failed > 500, "\(selectedCount) selected, \(failed) not")
    }
}
