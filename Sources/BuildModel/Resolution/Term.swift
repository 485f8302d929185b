/// A statement about one package: it is selected at a version in `versions` (positive), or it
/// is not (negative: absent, or at another version). PubGrub reasons with sets of terms.
struct Term: Hashable, Sendable, CustomStringConvertible {
    var package: String
    var versions: VersionSet
    var positive: Bool

    init(_ package: String, _ versions: VersionSet, positive: Bool = true) {
        self.package = package
        self.versions = versions
        self.positive = positive
    }

    var inverse: Term { Term(package, versions, positive: !positive) }

    /// Both terms true at once.
    func intersection(_ other: Term) -> Term {
        switch (positive, other.positive) {
        case (true, true): Term(package, versions.intersection(other.versions))
        case (true, false): Term(package, versions.subtracting(other.versions))
        case (false, true): Term(package, other.versions.subtracting(versions))
        case (false, false): Term(package, versions.union(other.versions), positive: false)
        }
    }

    /// Whether this term being true makes `other` true.
    func satisfies(_ other: Term) -> Bool {
        switch (positive, other.positive) {
        case (true, true): versions.isSubset(of: other.versions)
        case (true, false): versions.isDisjoint(with: other.versions)
        case (false, true): false
        case (false, false): other.versions.isSubset(of: versions)
        }
    }

    /// Whether this term being true makes `other` false.
    func contradicts(_ other: Term) -> Bool {
        switch (positive, other.positive) {
        case (true, true): versions.isDisjoint(with: other.versions)
        case (true, false): versions.isSubset(of: other.versions)
        case (false, true): other.versions.isSubset(of: versions)
        case (false, false): false
        }
    }

    /// What this term allows that `other` does not; nil when that is nothing.
    func difference(_ other: Term) -> Term? {
        let d = intersection(other.inverse)
        return d.isEmpty ? nil : d
    }

    /// True for no selection at all (a positive term with no versions).
    var isEmpty: Bool { positive && versions.isEmpty }

    var description: String { (positive ? "" : "not ") + "\(package) \(versions)" }
}
