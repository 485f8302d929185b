/// Terms that cannot all be true, and why: an external fact (a dependency, no versions, the
/// root) or a derivation from two earlier incompatibilities.
struct Incompatibility: Sendable {
    enum Cause: Hashable, Sendable {
        /// The root package must be selected.
        case root
        /// `depender` at these versions depends on the other term's package.
        case dependency
        /// No version of the package is in the term.
        case noVersions
        /// Derived during conflict resolution from these two (indices into the solver's list).
        case derived(Int, Int)
    }

    /// At most one term per package, in the order they were written.
    var terms: [Term]
    var cause: Cause

    init(_ terms: [Term], cause: Cause, root: String? = nil) {
        // Normalize: one term per package (their intersection); a derived incompatibility drops
        // positive terms of the root, which are always true.
        var merged: [Term] = []
        for t in terms {
            if let i = merged.firstIndex(where: { $0.package == t.package }) { merged[i] = merged[i].intersection(t) } else { merged.append(t) }
        }
        if case .derived = cause, let root, merged.count > 1 {
            merged.removeAll { $0.package == root && $0.positive }
        }
        self.terms = merged
        self.cause = cause
    }
}
