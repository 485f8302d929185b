import Testing
@testable import BuildModel

/// A universe of packages written as pub's solver document writes them:
/// `"foo 1.0.0": ["bar ^1.0.0"]` — every version, and what it depends on.
struct Universe: PackageProvider {
    var packages: [String: [Version: [PackageRequirement]]] = [:]

    init(_ spec: KeyValuePairs<String, [String]>) {
        for (id, deps) in spec {
            let parts = id.split(separator: " ").map(String.init)
            let requirements = deps.map { dep -> PackageRequirement in
                let p = dep.split(separator: " ", maxSplits: 1).map(String.init)
                return PackageRequirement(p[0], VersionRequirement(p[1])!.versionSet)
            }
            packages[parts[0], default: [:]][Version(parts[1])!] = requirements
        }
    }

    func versions(of package: String) throws(ResolutionError) -> [Version] {
        Array(packages[package]?.keys ?? [:].keys)
    }

    func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement] {
        packages[package]?[version] ?? []
    }

    /// The root's dependencies a failed solve names as where the trouble starts.
    func involved() -> [String] {
        var solver = PubGrubSolver(provider: self, root: "root", version: Version(1, 0, 0))
        do {
            _ = try solver.solve()
            return []
        } catch {
            guard case .noSolution(_, let involving, _) = error else { return ["unexpected: \(error)"] }
            return involving
        }
    }

    /// Solves from `root 1.0.0`: the chosen versions (`foo 1.0.0`, sorted), or the explanation.
    /// (`members`: the workspace's other packages, one version each, as the root is.)
    func solve(preference: PubGrubSolver.Preference = .highest, members: Set<String> = []) -> String {
        var solver = PubGrubSolver(provider: self, root: "root", version: Version(1, 0, 0), preference: preference, members: members)
        do {
            return try solver.solve().sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        } catch {
            return "\(error)"
        }
    }
}

@Suite("PubGrub: the worked examples of pub's solver document")
struct PubGrubTests {
    @Test("no conflicts")
    func noConflicts() {
        let universe = Universe([
            "root 1.0.0": ["foo ^1.0.0"],
            "foo 1.0.0": ["bar ^1.0.0"],
            "bar 1.0.0": [], "bar 2.0.0": [],
        ])
        #expect(universe.solve() == "bar 1.0.0, foo 1.0.0, root 1.0.0")
    }

    @Test("avoiding conflict during decision making")
    func avoidingConflict() {
        let universe = Universe([
            "root 1.0.0": ["foo ^1.0.0", "bar ^1.0.0"],
            "foo 1.1.0": ["bar ^2.0.0"], "foo 1.0.0": [],
            "bar 1.0.0": [], "bar 1.1.0": [], "bar 2.0.0": [],
        ])
        #expect(universe.solve() == "bar 1.1.0, foo 1.0.0, root 1.0.0")
    }

    @Test("performing conflict resolution")
    func conflictResolution() {
        let universe = Universe([
            "root 1.0.0": ["foo >=1.0.0"],
            "foo 2.0.0": ["bar ^1.0.0"], "foo 1.0.0": [],
            "bar 1.0.0": ["foo ^1.0.0"],
        ])
        #expect(universe.solve() == "foo 1.0.0, root 1.0.0")
    }

    @Test("conflict resolution with a partial satisfier")
    func partialSatisfier() {
        let universe = Universe([
            "root 1.0.0": ["foo ^1.0.0", "target ^2.0.0"],
            "foo 1.1.0": ["left ^1.0.0", "right ^1.0.0"], "foo 1.0.0": [],
            "left 1.0.0": ["shared >=1.0.0"],
            "right 1.0.0": ["shared <2.0.0"],
            "shared 2.0.0": [], "shared 1.0.0": ["target ^1.0.0"],
            "target 2.0.0": [], "target 1.0.0": [],
        ])
        #expect(universe.solve() == "foo 1.0.0, root 1.0.0, target 2.0.0")
    }

    @Test("linear error reporting")
    func linearError() {
        let universe = Universe([
            "root 1.0.0": ["foo ^1.0.0", "baz ^1.0.0"],
            "foo 1.0.0": ["bar ^2.0.0"],
            "bar 2.0.0": ["baz ^3.0.0"],
            "baz 1.0.0": [], "baz 3.0.0": [],
        ])
        #expect(universe.solve() == """
            Because every version of foo depends on bar ^2.0.0 which depends on baz ^3.0.0, every version of foo requires baz ^3.0.0.
            So, because root depends on both baz ^1.0.0 and foo ^1.0.0, version solving failed.
            """)
        // Both of the root's requirements take part, named in the manifest's order.
        #expect(universe.involved() == ["foo", "baz"])
    }

    @Test("a workspace's members are named as the root is, each at its one version; other packages by their ranges")
    func members() {
        let universe = Universe([
            "root 1.0.0": ["app =0.1.0", "lib =0.2.0"],
            "app 0.1.0": ["json ^1.0.0"],
            "lib 0.2.0": ["unicode ^2.0.0"],
            "json 1.0.0": ["unicode ^1.0.0"], "json 1.1.0": ["unicode ^1.0.0"],
            "unicode 1.0.0": [], "unicode 2.0.0": [],
        ])
        #expect(universe.solve(members: ["app", "lib"]) == """
            Because lib depends on unicode ^2.0.0 and every version of json depends on unicode ^1.0.0, lib is incompatible with every version of json.
            And because app depends on json ^1.0.0, lib is incompatible with app.
            So, because root depends on both app and lib, version solving failed.
            """)
        // Taken as packages of the universe, they are any of their versions.
        #expect(universe.solve() == """
            Because every version of lib depends on unicode ^2.0.0 and every version of json depends on unicode ^1.0.0, every version of lib is incompatible with every version of json.
            And because every version of app depends on json ^1.0.0, every version of lib is incompatible with every version of app.
            So, because root depends on both app =0.1.0 and lib =0.2.0, version solving failed.
            """)
    }

    @Test("branching error reporting")
    func branchingError() {
        let universe = Universe([
            "root 1.0.0": ["foo ^1.0.0"],
            "foo 1.0.0": ["a ^1.0.0", "b ^1.0.0"],
            "foo 1.1.0": ["x ^1.0.0", "y ^1.0.0"],
            "a 1.0.0": ["b ^2.0.0"],
            "b 1.0.0": [], "b 2.0.0": [],
            "x 1.0.0": ["y ^2.0.0"],
            "y 1.0.0": [], "y 2.0.0": [],
        ])
        #expect(universe.solve() == """
                Because foo <1.1.0 depends on a ^1.0.0 which depends on b ^2.0.0, foo <1.1.0 requires b ^2.0.0.
            (1) So, because foo <1.1.0 depends on b ^1.0.0, foo <1.1.0 is forbidden.

                Because foo >=1.1.0 depends on x ^1.0.0 which depends on y ^2.0.0, foo >=1.1.0 requires y ^2.0.0.
                And because foo >=1.1.0 depends on y ^1.0.0, foo >=1.1.0 is forbidden.
                And because foo <1.1.0 is forbidden (1), foo is forbidden.
                So, because root depends on foo ^1.0.0, version solving failed.
            """)
    }
}

@Suite("PubGrub: preferences and what else users meet")
struct PubGrubMoreTests {
    let universe = Universe([
        "root 1.0.0": ["foo ^1.0.0"],
        "foo 1.0.0": [], "foo 1.1.0": [], "foo 1.2.0": [], "foo 2.0.0": [], "foo 1.3.0-beta": [],
    ])

    @Test("the newest version that fits by default, the oldest with --minimal-versions, a locked one first")
    func preferences() throws {
        #expect(universe.solve() == "foo 1.2.0, root 1.0.0")
        #expect(universe.solve(preference: .lowest) == "foo 1.0.0, root 1.0.0")
        var locked = PubGrubSolver(provider: universe, root: "root", version: Version(1, 0, 0), preferred: ["foo": Version(1, 1, 0)])
        #expect(try locked.solve()["foo"] == Version(1, 1, 0))
        // A locked version that no longer fits is passed over.
        var stale = PubGrubSolver(provider: universe, root: "root", version: Version(1, 0, 0), preferred: ["foo": Version(2, 0, 0)])
        #expect(try stale.solve()["foo"] == Version(1, 2, 0))
    }

    @Test("a requirement no version meets, and a package that does not exist")
    func noVersions() {
        let missing = Universe([
            "root 1.0.0": ["foo ^2.0.0"],
            "foo 1.0.0": [],
        ])
        #expect(missing.solve() == "Because no versions of foo match ^2.0.0 and root depends on foo ^2.0.0, version solving failed.")
        #expect(missing.involved() == ["foo"])
        let unknown = Universe(["root 1.0.0": ["ghost ^1.0.0"]])
        #expect(unknown.solve() == "Because no versions of ghost match ^1.0.0 and root depends on ghost ^1.0.0, version solving failed.")
    }

    @Test("a diamond: both sides agree on the shared package's newest common version")
    func diamond() {
        let diamond = Universe([
            "root 1.0.0": ["left ^1.0.0", "right ^1.0.0"],
            "left 1.0.0": ["shared >=1.0.0, <1.5.0"],
            "right 1.0.0": ["shared ^1.2.0"],
            "shared 1.0.0": [], "shared 1.2.0": [], "shared 1.4.0": [], "shared 1.6.0": [],
        ])
        #expect(diamond.solve() == "left 1.0.0, right 1.0.0, root 1.0.0, shared 1.4.0")
    }
}
