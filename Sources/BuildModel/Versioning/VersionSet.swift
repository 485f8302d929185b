/// A set of versions as sorted, disjoint, non-touching half-open ranges `[lower, upper)`: what a
/// requirement allows, in a form the solvers can combine. Every requirement syntax (Cargo's
/// `^1.2`, Elm's `1.0.0 <= v < 2.0.0`) reads into it, and it prints back as a requirement.
///
/// Versions are discrete, so an inclusive bound is an exclusive one at the next version
/// (`<= 1.2.3` is `< 1.2.4-0`, the smallest version above 1.2.3). Pre-release filtering
/// (Cargo's rule that `^1.2` does not match `1.3.0-beta`) is not a property of the set: the
/// solver applies it to candidate versions.
public struct VersionSet: Hashable, Sendable, CustomStringConvertible {
    /// One range: every version `v` with `lower <= v` and, when `upper` is set, `v < upper`.
    public struct Range: Hashable, Sendable {
        public var lower: Version
        public var upper: Version?

        public init(_ lower: Version, _ upper: Version?) {
            self.lower = lower
            self.upper = upper
        }

        public func contains(_ v: Version) -> Bool {
            !(v < lower) && (upper.map { v < $0 } ?? true)
        }

        var isEmpty: Bool { upper.map { !(lower < $0) } ?? false }
    }

    /// Sorted by `lower`; no two overlap or touch.
    public private(set) var ranges: [Range]

    /// The smallest version there is.
    public static let minimum = Version(0, 0, 0, prerelease: ["0"])
    public static let empty = VersionSet(normalizing: [])
    public static let any = VersionSet(normalizing: [Range(minimum, nil)])

    /// The set of the given ranges (in any order, overlapping or empty ones allowed).
    public init(_ ranges: [Range]) { self.init(normalizing: ranges) }

    private init(normalizing input: [Range]) {
        let sorted = input.filter { !$0.isEmpty }.sorted { $0.lower < $1.lower }
        var out: [Range] = []
        for r in sorted {
            guard let last = out.last else {
                out.append(r)
                continue
            }
            // The last range reaches every later version: it holds this one.
            guard let end = last.upper else { continue }
            if r.lower < end || r.lower == end {
                // Overlapping or touching: one range.
                if let u = r.upper {
                    if end < u { out[out.count - 1].upper = u }
                } else {
                    out[out.count - 1].upper = nil
                }
            } else {
                out.append(r)
            }
        }
        ranges = out
    }

    /// Exactly one version.
    public static func exactly(_ v: Version) -> VersionSet { VersionSet([Range(v, v.next)]) }
    /// `v` and every later version.
    public static func atLeast(_ v: Version) -> VersionSet { VersionSet([Range(v, nil)]) }

    public var isEmpty: Bool { ranges.isEmpty }

    /// The one version the set holds, when it is `exactly(v)`.
    public var singleVersion: Version? {
        guard ranges.count == 1, let upper = ranges[0].upper, upper == ranges[0].lower.next else { return nil }
        return ranges[0].lower
    }
    public var isAny: Bool { self == .any }

    public func contains(_ v: Version) -> Bool {
        // Binary search for the last range starting at or before v.
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if v < ranges[mid].lower { hi = mid } else { lo = mid + 1 }
        }
        return lo > 0 && ranges[lo - 1].contains(v)
    }

    public func union(_ other: VersionSet) -> VersionSet { VersionSet(normalizing: ranges + other.ranges) }

    public func intersection(_ other: VersionSet) -> VersionSet {
        var out: [Range] = []
        var i = 0, j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            let lower = max(a.lower, b.lower)
            let upper: Version? = switch (a.upper, b.upper) {
            case (nil, nil): nil
            case (let x?, nil): x
            case (nil, let y?): y
            case (let x?, let y?): min(x, y)
            }
            let r = Range(lower, upper)
            if !r.isEmpty { out.append(r) }
            // Advance whichever range ends first.
            switch (a.upper, b.upper) {
            case (nil, _): j += 1
            case (_, nil): i += 1
            case (let x?, let y?): if x < y { i += 1 } else { j += 1 }
            }
        }
        return VersionSet(normalizing: out)
    }

    /// Every version not in this set.
    public var complement: VersionSet {
        var out: [Range] = []
        var start: Version? = Self.minimum
        for r in ranges {
            if let s = start, s < r.lower { out.append(Range(s, r.lower)) }
            start = r.upper
        }
        if let s = start { out.append(Range(s, nil)) }
        return VersionSet(normalizing: out)
    }

    public func subtracting(_ other: VersionSet) -> VersionSet { intersection(other.complement) }

    /// Whether every version of this set is in `other`: each range lies inside one of `other`'s
    /// (they are disjoint and do not touch, so a range cannot need two). One pass, no copies:
    /// the solver asks this for every term it compares.
    public func isSubset(of other: VersionSet) -> Bool {
        var j = 0
        for r in ranges {
            while j < other.ranges.count, let upper = other.ranges[j].upper, !(r.lower < upper) { j += 1 }
            guard j < other.ranges.count else { return false }
            let o = other.ranges[j]
            if r.lower < o.lower { return false }
            switch (r.upper, o.upper) {
            case (_, nil): continue
            case (nil, _?): return false
            case (let a?, let b?): if b < a { return false }
            }
        }
        return true
    }

    /// Whether no version is in both. One pass, no copies.
    public func isDisjoint(with other: VersionSet) -> Bool {
        var i = 0, j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            // Overlap when each starts before the other ends.
            let aBeforeBEnds = b.upper.map { a.lower < $0 } ?? true
            let bBeforeAEnds = a.upper.map { b.lower < $0 } ?? true
            if aBeforeBEnds && bBeforeAEnds { return false }
            // Move past whichever ends first.
            switch (a.upper, b.upper) {
            case (nil, _): j += 1
            case (_, nil): i += 1
            case (let x?, let y?): if x < y { i += 1 } else { j += 1 }
            }
        }
        return true
    }

    /// The normal form as a requirement: `*`, `=1.2.3`, `^1.2.0`, `~1.2.0`, `>=1.0.0, <1.5.0`,
    /// ranges joined by ` || `, and `∅` for the empty set (which no requirement writes).
    public var description: String {
        if isEmpty { return "∅" }
        if isAny { return "*" }
        return ranges.map(Self.text).joined(separator: " || ")
    }

    private static func text(_ r: Range) -> String {
        let lower = r.lower == minimum ? nil : r.lower
        guard let upper = r.upper else {
            guard let lower else { return "*" }
            return released(before: lower).map { ">\($0)" } ?? ">=\(lower)"
        }
        let below = released(before: upper).map { "<=\($0)" } ?? "<\(upper)"
        guard let lower else { return below }
        if upper == lower.next { return "=\(lower)" }
        if !lower.isPrerelease && upper.prerelease == ["0"] && upper.patch == 0 {
            let caret = lower.major > 0 ? (upper.major == lower.major + 1 && upper.minor == 0)
                : lower.minor > 0 ? (upper.major == 0 && upper.minor == lower.minor + 1) : false
            if caret { return "^\(lower)" }
            if upper.major == lower.major && upper.minor == lower.minor + 1 { return "~\(lower)" }
        }
        let above = released(before: lower).map { ">\($0)" } ?? ">=\(lower)"
        return "\(above), \(below)"
    }

    /// The release `v` is the next version after (`1.2.4-0` follows `1.2.3`), so that a bound
    /// prints as `<= 1.2.3` or `> 1.2.3`; nil when `v` follows no release that way.
    static func released(before v: Version) -> Version? {
        guard v.prerelease == ["0"], v.patch > 0 else { return nil }
        return Version(v.major, v.minor, v.patch - 1)
    }
}

extension VersionRequirement {
    /// The versions the requirement allows, as a set (pre-release filtering aside).
    public var versionSet: VersionSet {
        comparators.reduce(VersionSet.any) { set, c in
            let (lower, upper) = c.interval
            return set.intersection(VersionSet([VersionSet.Range(lower ?? VersionSet.minimum, upper)]))
        }
    }
}
