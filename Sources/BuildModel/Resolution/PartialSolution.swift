import OrderedCollections

/// PubGrub's current guess: an ordered list of assignments, each a decision (one version
/// chosen) or a derivation (a term that must hold, with the incompatibility that forced it).
struct PartialSolution {
    struct Assignment {
        var term: Term
        var decisionLevel: Int
        /// The incompatibility that forced it; nil for a decision.
        var cause: Int?
        var isDecision: Bool { cause == nil }
    }

    private(set) var assignments: [Assignment] = []
    /// The intersection of every assignment per package, kept as they are added.
    private var accumulated: [String: Term] = [:]
    /// The version chosen for each decided package.
    private(set) var decisions: [String: Version] = [:]
    /// Packages with a positive assignment and no decision yet, in the order of their first
    /// such assignment (the solver's order of choice among equals), kept as assignments come.
    private(set) var undecided: OrderedSet<String> = []
    /// How many decisions there are: the level of what is assigned next. The root's decision
    /// is level 1 and what follows from it too; each later decision starts a level.
    var decisionLevel: Int { decisions.count }

    /// What the assignments say about a package together; nil when none mentions it.
    func term(for package: String) -> Term? { accumulated[package] }

    mutating func decide(_ package: String, _ version: Version) {
        decisions[package] = version
        undecided.remove(package)
        add(Assignment(term: Term(package, .exactly(version)), decisionLevel: decisionLevel, cause: nil))
    }

    mutating func derive(_ term: Term, cause: Int) {
        add(Assignment(term: term, decisionLevel: decisionLevel, cause: cause))
    }

    private mutating func add(_ assignment: Assignment) {
        assignments.append(assignment)
        let package = assignment.term.package
        accumulated[package] = accumulated[package].map { $0.intersection(assignment.term) } ?? assignment.term
        if assignment.term.positive && decisions[package] == nil { undecided.append(package) }
    }

    /// Removes every assignment above `level`.
    mutating func backtrack(to level: Int) {
        while let last = assignments.last, last.decisionLevel > level {
            assignments.removeLast()
            if last.isDecision { decisions[last.term.package] = nil }
        }
        accumulated = [:]
        undecided = []
        for a in assignments {
            accumulated[a.term.package] = accumulated[a.term.package].map { $0.intersection(a.term) } ?? a.term
            if a.term.positive && decisions[a.term.package] == nil { undecided.append(a.term.package) }
        }
    }

    enum Relation { case satisfied, contradicted, almostSatisfied(Term), inconclusive }

    /// How the assignments stand toward an incompatibility.
    func relation(to incompatibility: Incompatibility) -> Relation {
        var unsatisfied: Term?
        for term in incompatibility.terms {
            guard let known = accumulated[term.package] else {
                // Nothing known: a negative term is already true only if... nothing is selected; inconclusive.
                if unsatisfied != nil { return .inconclusive }
                unsatisfied = term
                continue
            }
            if known.satisfies(term) { continue }
            if known.contradicts(term) { return .contradicted }
            if unsatisfied != nil { return .inconclusive }
            unsatisfied = term
        }
        return unsatisfied.map { .almostSatisfied($0) } ?? .satisfied
    }

    /// The index of the earliest assignment by which the assignments, together, satisfy `term`.
    func satisfier(of term: Term) -> Int {
        precondition(!term.isEmpty)
        var sum: Term?
        for (i, a) in assignments.enumerated() where a.term.package == term.package {
            sum = sum.map { $0.intersection(a.term) } ?? a.term
            if sum!.satisfies(term) { return i }
        }
        fatalError("the term \(term) is not satisfied by the partial solution")
    }
}
