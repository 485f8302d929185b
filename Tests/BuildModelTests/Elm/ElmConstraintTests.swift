import Testing
@testable import BuildModel

@Suite("Elm constraints")
struct ElmConstraintTests {
    @Test("ranges read into sets", arguments: [
        ("1.0.0 <= v < 2.0.0", ">=1.0.0, <2.0.0"), ("1.0.0 < v <= 1.2.0", ">1.0.0, <=1.2.0"), ("1.0.0 <= v <= 1.0.1", ">=1.0.0, <=1.0.1"),
    ])
    func ranges(_ text: String, _ printed: String) throws {
        #expect(try ElmConstraint.parse(text).get().description == printed)
    }

    @Test("a range is worded as elm writes it, and read back to the same versions", arguments: [
        "1.0.0 <= v < 2.0.0", "1.0.0 < v <= 1.2.0", "1.0.0 <= v <= 1.0.1", "1.0.0 < v < 2.0.0",
    ])
    func wordingOfRange(_ text: String) throws {
        let set = try ElmConstraint.parse(text).get()
        #expect(ElmConstraint.wording(of: set) == text)
    }

    @Test("what a solver derives is worded in elm's form too: an exact version, open ends, several ranges, none and all")
    func wordingOfDerived() throws {
        let exact = try VersionRequirement.parse("=1.0.5").get().versionSet
        let from = try VersionRequirement.parse(">=2.0.0").get().versionSet
        let below = try VersionRequirement.parse("<1.1.0").get().versionSet
        let upTo = try VersionRequirement.parse("<=1.0.3").get().versionSet
        #expect(ElmConstraint.wording(of: exact) == "1.0.5")
        #expect(ElmConstraint.wording(of: from) == "2.0.0 <= v")
        #expect(ElmConstraint.wording(of: below) == "v < 1.1.0")
        #expect(ElmConstraint.wording(of: upTo) == "v <= 1.0.3")
        #expect(ElmConstraint.wording(of: below.union(from)) == "v < 1.1.0 or 2.0.0 <= v")
        #expect(ElmConstraint.wording(of: exact.complement) == "v < 1.0.5 or 1.0.5 < v")
        #expect(ElmConstraint.wording(of: .any) == "any version")
        #expect(ElmConstraint.wording(of: exact.intersection(from)) == "no version")
    }

    @Test("what cannot be read says why", arguments: [
        ("1.0", "invalid version requirement '1.0': write a range as 'LOW <= v < HIGH', such as '1.0.0 <= v < 2.0.0'"),
        // As elm reads them: one space between the parts and none around them, the lower
        // bound below the upper one, no exact version in a package.
        ("1.0.0  <= v < 2.0.0", "invalid version requirement '1.0.0  <= v < 2.0.0': elm reads a constraint with one space between its parts: '1.0.0 <= v < 2.0.0'"),
        (" 1.0.0 <= v < 2.0.0", "invalid version requirement ' 1.0.0 <= v < 2.0.0': elm reads a constraint with one space between its parts: '1.0.0 <= v < 2.0.0'"),
        ("1.0.5", "invalid version requirement '1.0.5': a package names a range of versions, such as '1.0.5 <= v < 2.0.0'"),
        ("1.0.5 <= v <= 1.0.5", "invalid version requirement '1.0.5 <= v <= 1.0.5': the lower bound 1.0.5 must be below the upper bound 1.0.5"),
        ("1.0.0 <= x < 2.0.0", "invalid version requirement '1.0.0 <= x < 2.0.0': write a range as 'LOW <= v < HIGH', such as '1.0.0 <= v < 2.0.0'"),
        ("1.0.0 >= v < 2.0.0", "invalid version requirement '1.0.0 >= v < 2.0.0': the comparisons must be '<=' or '<', as in '1.0.0 <= v < 2.0.0'"),
        ("2.0.0 <= v < 1.0.0", "invalid version requirement '2.0.0 <= v < 1.0.0': the lower bound 2.0.0 must be below the upper bound 1.0.0"),
        ("1.0.0 <= v < 2", "invalid version requirement '1.0.0 <= v < 2': '2' is not a version MAJOR.MINOR.PATCH"),
    ])
    func errors(_ text: String, _ message: String) {
        guard case .failure(let error) = ElmConstraint.parse(text) else {
            Issue.record("'\(text)' was read")
            return
        }
        #expect(error.description == message)
    }
}
