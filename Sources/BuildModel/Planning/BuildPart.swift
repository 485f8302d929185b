/// The part of the plan a build is about: the packages (or Aria targets) named and what they
/// need, or all of them; with the test programs or, as `cargo build`, without them. The record
/// of a complete build of a part says which it was (`CompleteBuild`), so that the next build of
/// the same part may have nothing to do without reading the plan, as one of the whole plan may.
public struct BuildPart: Hashable, Sendable {
    /// The packages (or targets) named; none: every one.
    public var packages: [String]
    /// Whether the test programs are built (else they and what only they need are left out:
    /// `BuildPlan.withoutTests`).
    public var tests: Bool

    public init(packages: [String] = [], tests: Bool) {
        self.packages = packages
        self.tests = tests
    }

    /// All of the plan.
    public var isWhole: Bool { packages.isEmpty && tests }

    /// What the record of its complete build names it by; nil for the whole plan, which has no
    /// name. The packages by a hash, in any order: a name may hold any character.
    var key: String? {
        guard !isWhole else { return nil }
        let names = packages.isEmpty ? "all" : ContentHash.hex(Array(packages.sorted().joined(separator: "\u{0}").utf8))
        return names + (tests ? " with-tests" : " without-tests")
    }
}
