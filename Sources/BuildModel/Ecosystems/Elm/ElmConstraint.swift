/// Elm's version constraints, `1.0.0 <= v < 2.0.0` (each side `<=` or `<`) in a package's
/// `elm.json`, read into the `VersionSet` every solver works on, exactly as elm reads them: one
/// space between the parts and none around them, the lower bound below the upper one. (An
/// application's exact versions, `1.0.5`, are read as versions.)
public enum ElmConstraint {
    public static func parse(_ text: String) -> Result<VersionSet, VersionError> {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        func fail(_ reason: String) -> Result<VersionSet, VersionError> { .failure(.invalidRequirement(text, reason: reason)) }
        guard words.count == 5, words[2] == "v" else {
            if let meant = likelyMeant(text) {
                let spaced = words.contains("") && meant == respaced(text)
                return fail(spaced ? "elm reads a constraint with one space between its parts: '\(meant)'"
                                   : "a package names a range of versions, such as '\(meant)'")
            }
            return fail("write a range as 'LOW <= v < HIGH', such as '1.0.0 <= v < 2.0.0'")
        }
        guard let low = version(words[0]) else { return fail("'\(words[0])' is not a version MAJOR.MINOR.PATCH") }
        guard let high = version(words[4]) else { return fail("'\(words[4])' is not a version MAJOR.MINOR.PATCH") }
        guard ["<=", "<"].contains(words[1]), ["<=", "<"].contains(words[3]) else {
            return fail("the comparisons must be '<=' or '<', as in '1.0.0 <= v < 2.0.0'")
        }
        guard low < high else { return fail("the lower bound \(low) must be below the upper bound \(high)") }
        let lower = words[1] == "<=" ? low : low.next
        let upper = words[3] == "<" ? high : high.next
        return .success(VersionSet([VersionSet.Range(lower, upper)]))
    }

    /// The constraint elm would read that `text` most likely means: the same parts with one
    /// space between them, or, for an exact version `1.0.5`, the versions compatible with it
    /// (`1.0.5 <= v < 2.0.0`); nil when there is none.
    public static func likelyMeant(_ text: String) -> String? {
        let spaced = respaced(text)
        if spaced != text, case .success = parse(spaced) { return spaced }
        if let v = version(spaced) { return "\(v) <= v < \(v.major + 1).0.0" }
        return nil
    }

    static func version(_ word: String) -> Version? {
        guard case .success(let v) = Version.parse(word), !v.isPrerelease, v.build.isEmpty else { return nil }
        return v
    }

    static func respaced(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

extension ElmConstraint {
    /// The constraint as the requirement every manifest's dependencies carry: `1.0.0 <= v <
    /// 2.0.0` is `>=1.0.0, <2.0.0`; the same versions as `parse`.
    public static func requirement(_ text: String) -> Result<VersionRequirement, VersionError> {
        if case .failure(let error) = parse(text) { return .failure(error) }
        let words = text.split(separator: " ").map(String.init)
        func comparator(_ op: VersionRequirement.Operator, _ word: String) -> VersionRequirement.Comparator {
            let v = Version(word)!
            return VersionRequirement.Comparator(op: op, major: v.major, minor: v.minor, patch: v.patch, prerelease: [])
        }
        return .success(VersionRequirement(comparators: [
            comparator(words[1] == "<=" ? .greaterOrEqual : .greater, words[0]),
            comparator(words[3] == "<" ? .less : .lessOrEqual, words[4]),
        ]))
    }
}

extension ElmConstraint {
    /// A set of versions as elm writes one: an exact version (`1.0.5`), a range
    /// (`1.0.0 <= v < 2.0.0`, an open end as `2.0.0 <= v` or `v < 2.0.0`), ranges joined by "or".
    /// The words of the solver's explanations for an Elm project; `parse` reads a range with
    /// both ends back to the same versions.
    public static func wording(of set: VersionSet) -> String {
        if set.isEmpty { return "no version" }
        if set.isAny { return "any version" }
        return set.ranges.map(wording).joined(separator: " or ")
    }

    private static func wording(of range: VersionSet.Range) -> String {
        let lower = range.lower == VersionSet.minimum ? nil : range.lower
        if let lower, range.upper == lower.next { return "\(lower)" }
        // A bound just past a release is that release, compared the other way: `1.0.0 < v`.
        let from = lower.map { low in VersionSet.released(before: low).map { "\($0) < " } ?? "\(low) <= " } ?? ""
        let to = range.upper.map { high in VersionSet.released(before: high).map { " <= \($0)" } ?? " < \(high)" } ?? ""
        return from + "v" + to
    }
}
