/// The English of a failed solve: the derivation graph of the incompatibility that rules out
/// the root, walked as pub's `doc/solver.md` lays out, with line numbers only where a later line
/// must refer back.
struct PubGrubReport {
    let incompatibilities: [Incompatibility]
    let root: String
    /// The workspace's members: named by name, as the root is.
    let members: Set<String>
    /// A set of versions in the ecosystem's words (`PackageProvider.wording`).
    let wording: (VersionSet) -> String

    private var lines: [(text: String, number: Int?)] = []
    private var lineNumbers: [Int: Int] = [:]
    /// How many derived incompatibilities each incompatibility is a cause of.
    private var uses: [Int: Int] = [:]
    /// The incompatibility being explained: its line concludes the whole.
    private var failure = -1

    init(incompatibilities: [Incompatibility], root: String, members: Set<String> = [], wording: @escaping (VersionSet) -> String = \.description) {
        self.incompatibilities = incompatibilities
        self.root = root
        self.members = members
        self.wording = wording
    }

    func explain(_ index: Int) -> String {
        var me = self
        me.failure = index
        me.count(index, seen: [])
        me.visit(index, conclusion: true)
        // A numbered line carries its number in front; the others are indented to match.
        let width = me.lines.compactMap(\.number).map { "(\($0)) ".count }.max() ?? 0
        return me.lines.map { line in
            guard !line.text.isEmpty else { return "" }
            let prefix = line.number.map { "(\($0)) " } ?? ""
            return prefix + String(repeating: " ", count: width - prefix.count) + line.text
        }.joined(separator: "\n")
    }

    private mutating func count(_ index: Int, seen: Set<Int>) {
        guard case .derived(let a, let b) = incompatibilities[index].cause else { return }
        for c in [a, b] {
            uses[c, default: 0] += 1
            if uses[c] == 1 { count(c, seen: seen) }
        }
    }

    private func isDerived(_ i: Int) -> Bool {
        if case .derived = incompatibilities[i].cause { return true }
        return false
    }

    private func causes(_ i: Int) -> (Int, Int)? {
        if case .derived(let a, let b) = incompatibilities[i].cause { return (a, b) }
        return nil
    }

    private mutating func write(_ index: Int, _ text: String, numbered: Bool) {
        if numbered {
            let number = lineNumbers.count + 1
            lineNumbers[index] = number
            lines.append((text, number))
        } else {
            lines.append((text, nil))
        }
    }

    /// Writes the lines explaining `index`; `conclusion` ends its chain with "So,", and
    /// `numbered` gives its last line a number for a later line to refer to.
    private mutating func visit(_ index: Int, conclusion: Bool = false, numbered force: Bool = false) {
        let numbered = force || (uses[index] ?? 0) > 1
        let conjunction = conclusion || index == failure ? "So," : "And"
        let text = describe(index)
        guard let (a, b) = causes(index) else { return }
        switch (isDerived(a), isDerived(b)) {
        case (true, true):
            let lineA = lineNumbers[a], lineB = lineNumbers[b]
            if let lineA, let lineB {
                write(index, "Because \(describe(a)) (\(lineA)) and \(describe(b)) (\(lineB)), \(text).", numbered: numbered)
            } else if lineA != nil || lineB != nil {
                let (withLine, without) = lineA != nil ? (a, b) : (b, a)
                visit(without)
                write(index, "\(conjunction) because \(describe(withLine)) (\(lineNumbers[withLine]!)), \(text).", numbered: numbered)
            } else {
                let simpleA = causes(a).map { !isDerived($0.0) && !isDerived($0.1) } ?? false
                let simpleB = causes(b).map { !isDerived($0.0) && !isDerived($0.1) } ?? false
                if simpleA || simpleB {
                    let (simple, complex) = simpleB ? (b, a) : (a, b)
                    visit(complex)
                    visit(simple)
                    write(index, "Thus, \(text).", numbered: numbered)
                } else {
                    visit(a, conclusion: true, numbered: true)
                    lines.append(("", nil))
                    visit(b)
                    write(index, "\(conjunction) because \(describe(a)) (\(lineNumbers[a]!)), \(text).", numbered: numbered)
                }
            }
        case (true, false), (false, true):
            let (derived, external) = isDerived(a) ? (a, b) : (b, a)
            if let line = lineNumbers[derived] {
                write(index, "Because \(and(external, derived)) (\(line)), \(text).", numbered: numbered)
            } else if let (p, q) = causes(derived), isDerived(p) != isDerived(q), lineNumbers[isDerived(p) ? p : q] == nil {
                let (priorDerived, priorExternal) = isDerived(p) ? (p, q) : (q, p)
                visit(priorDerived)
                write(index, "\(conjunction) because \(and(priorExternal, external)), \(text).", numbered: numbered)
            } else {
                visit(derived)
                write(index, "\(conjunction) because \(describe(external)), \(text).", numbered: numbered)
            }
        case (false, false):
            write(index, "Because \(and(a, b)), \(text).", numbered: numbered)
        }
    }

    // MARK: Words

    /// A term as a sentence names it: `foo ^1.0.0`, `every version of foo`, the root and the
    /// members by name.
    private func name(_ term: Term, every: Bool = true) -> String {
        if term.package == root || members.contains(term.package) { return term.package }
        if term.versions.isAny { return every ? "every version of \(term.package)" : term.package }
        return "\(term.package) \(wording(term.versions))"
    }

    /// What a dependency incompatibility's two terms are: the depender and what it needs.
    private func dependency(_ i: Int) -> (depender: Term, target: Term)? {
        let incompatibility = incompatibilities[i]
        guard incompatibility.cause == .dependency, incompatibility.terms.count == 2,
              let depender = incompatibility.terms.first(where: \.positive),
              let target = incompatibility.terms.first(where: { !$0.positive }) else { return nil }
        return (depender, target)
    }

    func describe(_ i: Int) -> String {
        let incompatibility = incompatibilities[i]
        switch incompatibility.cause {
        case .dependency:
            if let (depender, target) = dependency(i) { return "\(name(depender)) depends on \(name(target.inverse, every: false))" }
        case .noVersions:
            let t = incompatibility.terms[0]
            return "no versions of \(t.package) match \(wording(t.versions))"
        case .root:
            return "\(root) is the package being resolved"
        case .derived:
            break
        }
        let terms = incompatibility.terms
        if terms.count == 1 {
            let t = terms[0]
            if t.package == root && t.positive { return "version solving failed" }
            return t.positive ? "\(name(t, every: false)) is forbidden" : "\(name(t.inverse, every: false)) is required"
        }
        let positives = terms.filter(\.positive), negatives = terms.filter { !$0.positive }
        if positives.count == 1 && !negatives.isEmpty {
            return "\(name(positives[0])) requires \(negatives.map { name($0.inverse, every: false) }.joined(separator: " or "))"
        }
        if negatives.isEmpty {
            return "\(positives.map { name($0) }.joined(separator: " is incompatible with "))"
        }
        return "if \(positives.map { name($0, every: false) }.joined(separator: " and ")) then \(negatives.map { name($0.inverse, every: false) }.joined(separator: " or "))"
    }

    /// Two facts in one clause: `foo depends on bar which depends on baz`,
    /// `root depends on both foo and bar`, or the two joined by "and".
    private func and(_ a: Int, _ b: Int) -> String {
        if let (d1, t1) = dependency(a), let (d2, t2) = dependency(b) {
            if t1.package == d2.package {
                return "\(name(d1)) depends on \(name(t1.inverse, every: false)) which depends on \(name(t2.inverse, every: false))"
            }
            if t2.package == d1.package {
                return "\(name(d2)) depends on \(name(t2.inverse, every: false)) which depends on \(name(t1.inverse, every: false))"
            }
            if d1 == d2 {
                return "\(name(d1)) depends on both \(name(t1.inverse, every: false)) and \(name(t2.inverse, every: false))"
            }
        }
        return "\(describe(a)) and \(describe(b))"
    }
}
