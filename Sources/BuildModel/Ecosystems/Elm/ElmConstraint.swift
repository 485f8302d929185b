/// Elm's version constraints: `1.0.0 <= v < 2.0.0` (each side `<=` or `<`) in a package's
/// `elm.json`, and an exact `1.0.5` in an application's, read into the `VersionSet` every
/// solver works on. The first piece of the Elm folder; the ecosystem itself follows.
public enum ElmConstraint {
    public static func parse(_ text: String) -> Result<VersionSet, VersionError> {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        func fail(_ reason: String) -> Result<VersionSet, VersionError> { .failure(.invalidRequirement(text, reason: reason)) }
        func version(_ word: String) -> Version? {
            guard case .success(let v) = Version.parse(word), !v.isPrerelease, v.build.isEmpty else { return nil }
            return v
        }
        if words.count == 1 {
            guard let v = version(words[0]) else { return fail("write an exact version such as '1.0.5', or a range such as '1.0.0 <= v < 2.0.0'") }
            return .success(.exactly(v))
        }
        guard words.count == 5, words[2] == "v" else { return fail("write a range as 'LOW <= v < HIGH', such as '1.0.0 <= v < 2.0.0'") }
        guard let low = version(words[0]) else { return fail("'\(words[0])' is not a version MAJOR.MINOR.PATCH") }
        guard let high = version(words[4]) else { return fail("'\(words[4])' is not a version MAJOR.MINOR.PATCH") }
        guard ["<=", "<"].contains(words[1]), ["<=", "<"].contains(words[3]) else {
            return fail("the comparisons must be '<=' or '<', as in '1.0.0 <= v < 2.0.0'")
        }
        let lower = words[1] == "<=" ? low : low.next
        let upper = words[3] == "<" ? high : high.next
        let set = VersionSet([VersionSet.Range(lower, upper)])
        if set.isEmpty { return fail("no version is at least \(low) and below \(high)") }
        return .success(set)
    }
}

extension ElmConstraint {
    /// The constraint as the requirement every manifest's dependencies carry: `1.0.0 <= v <
    /// 2.0.0` is `>=1.0.0, <2.0.0`, an exact `1.0.5` is `=1.0.5`; the same versions as `parse`.
    public static func requirement(_ text: String) -> Result<VersionRequirement, VersionError> {
        if case .failure(let error) = parse(text) { return .failure(error) }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        func comparator(_ op: VersionRequirement.Operator, _ word: String) -> VersionRequirement.Comparator {
            let v = Version(word)!
            return VersionRequirement.Comparator(op: op, major: v.major, minor: v.minor, patch: v.patch, prerelease: [])
        }
        if words.count == 1 { return .success(VersionRequirement(comparators: [comparator(.exact, words[0])])) }
        return .success(VersionRequirement(comparators: [
            comparator(words[1] == "<=" ? .greaterOrEqual : .greater, words[0]),
            comparator(words[3] == "<" ? .less : .lessOrEqual, words[4]),
        ]))
    }
}
