import Testing
@testable import BuildModel

@Suite("Minimal version selection")
struct MinimalVersionSelectionTests {
    func select(_ universe: Universe) -> String {
        do {
            return try MinimalVersionSelection(provider: universe, root: "root", version: Version(1, 0, 0)).solve()
                .sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        } catch {
            return "\(error)"
        }
    }

    /// The root's dependencies a failure names as where it starts.
    func involved(_ universe: Universe) -> [String] {
        do {
            _ = try MinimalVersionSelection(provider: universe, root: "root", version: Version(1, 0, 0)).solve()
            return []
        } catch {
            guard case .noSolution(_, let involving, _) = error else { return ["unexpected: \(error)"] }
            return involving
        }
    }

    @Test("the highest of the minimums each package is required at, over everything reachable (Go's example)")
    func goExample() {
        // A 1.0.0 (the root) requires B 1.2 and C 1.2; B 1.2 requires D 1.3; C 1.2 requires D 1.4.
        let universe = Universe([
            "root 1.0.0": ["b >=1.2.0", "c >=1.2.0"],
            "b 1.1.0": ["d >=1.1.0"], "b 1.2.0": ["d >=1.3.0"], "b 1.3.0": [],
            "c 1.1.0": [], "c 1.2.0": ["d >=1.4.0"], "c 1.3.0": ["d >=1.5.0"],
            "d 1.1.0": [], "d 1.2.0": [], "d 1.3.0": [], "d 1.4.0": ["e >=1.1.0"], "d 1.5.0": [], "d 1.6.0": [],
            "e 1.1.0": [], "e 1.2.0": [],
        ])
        // Newer versions that nobody asks for are not taken: b 1.3.0, c 1.3.0, d 1.5.0, e 1.2.0.
        #expect(select(universe) == "b 1.2.0, c 1.2.0, d 1.4.0, e 1.1.0, root 1.0.0")
    }

    @Test("a minimum above another requirement's upper bound is a failure that names both requirements")
    func upperBound() {
        let universe = Universe([
            "root 1.0.0": ["json ^1.2.0", "http >=1.0.0"],
            "http 1.0.0": ["json >=2.0.0"],
            "json 1.2.0": [], "json 2.0.0": [],
        ])
        #expect(select(universe) == "Because http 1.0.0 depends on json >=2.0.0, json 2.0.0 is the lowest version every requirement may take, and root depends on json ^1.2.0, which does not allow it: version selection failed.")
        #expect(involved(universe) == ["http", "json"])
    }

    @Test("a requirement no version meets")
    func missing() {
        let universe = Universe([
            "root 1.0.0": ["lib >=1.0.0"],
            "lib 1.0.0": ["util >=3.0.0"],
            "util 1.0.0": [],
        ])
        #expect(select(universe) == "Because no versions of util match >=3.0.0 and lib 1.0.0 depends on util >=3.0.0, version selection failed.")
        // The root asked for lib, which asked for util.
        #expect(involved(universe) == ["lib"])
    }

    @Test("a minimum raised by a version the selection then passes over still counts, as in Go; the failure names that version")
    func raisedByPassedOver() {
        // root reaches a 1.0.0, which asks for c 2; b raises a to 1.1.0, which allows c 1 only.
        let universe = Universe([
            "root 1.0.0": ["a ^1.0.0", "b ^1.0.0"],
            "a 1.0.0": ["c ^2.0.0"], "a 1.1.0": ["c ^1.0.0"],
            "b 1.0.0": ["a ^1.1.0"],
            "c 1.0.0": [], "c 2.0.0": [],
        ])
        #expect(select(universe) == "Because a 1.0.0 depends on c ^2.0.0 (a requirement that counts though a 1.1.0 is taken in its place), c 2.0.0 is the lowest version every requirement may take, and a 1.1.0 depends on c ^1.0.0, which does not allow it: version selection failed.")
        #expect(involved(universe) == ["a"])
    }
}
