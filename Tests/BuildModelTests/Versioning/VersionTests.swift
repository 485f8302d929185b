import Testing
@testable import BuildModel

@Suite("Versions and requirements")
struct VersionTests {
    @Test("versions parse and print", arguments: ["0.0.0", "1.2.3", "10.20.30", "1.0.0-alpha.1", "1.0.0-rc.1+build.5", "1.0.0+20260101"])
    func roundTrip(_ text: String) {
        #expect(Version(text)?.description == text)
    }

    @Test("invalid versions say why", arguments: [
        ("1.2", "invalid version '1.2': it has 2 of the 3 numbers MAJOR.MINOR.PATCH; write MAJOR.MINOR.PATCH, such as '1.0.0'"),
        ("1.2.3.4", "invalid version '1.2.3.4': it has more than 3 numbers; write MAJOR.MINOR.PATCH, such as '1.0.0'"),
        ("01.2.3", "invalid version '01.2.3': '01' has a leading zero; write MAJOR.MINOR.PATCH, such as '1.0.0'"),
        ("1.x.3", "invalid version '1.x.3': 'x' is not a number; write MAJOR.MINOR.PATCH, such as '1.0.0'"),
        ("1.2.3-", "invalid version '1.2.3-': pre-release '' may only hold dot-separated letters, digits and '-'; write MAJOR.MINOR.PATCH, such as '1.0.0'"),
        ("1.2.3-01", "invalid version '1.2.3-01': pre-release number '01' has a leading zero; write MAJOR.MINOR.PATCH, such as '1.0.0'"),
        ("99999999999999999999.0.0", "invalid version '99999999999999999999.0.0': '99999999999999999999' is too large; write MAJOR.MINOR.PATCH, such as '1.0.0'"),
    ])
    func invalid(_ text: String, _ message: String) {
        guard case .failure(let error) = Version.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(error.description == message)
    }

    @Test("the version a malformed one most likely means", arguments: [
        ("1.0", "1.0.0"), ("2", "2.0.0"), ("v1.2.3", "1.2.3"), ("V1.2", "1.2.0"), ("01.2.03", "1.2.3"), (" 1.2 ", "1.2.0"),
        ("1.0-beta.1", "1.0.0-beta.1"), ("1+build.5", "1.0.0+build.5"),
        ("1.x", nil), ("1.2.3.4", nil), ("", nil), ("v", nil), ("1..2", nil), ("latest", nil), ("-1.0", nil), ("1.0-", nil),
    ] as [(String, String?)])
    func likelyMeant(_ text: String, _ meant: String?) {
        #expect(Version.likelyMeant(text)?.description == meant)
    }

    @Test("precedence follows SemVer 2.0")
    func ordering() {
        let ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0"]
        let versions = ordered.compactMap(Version.init)
        #expect(versions.count == ordered.count)
        #expect(versions.shuffled().sorted().map(\.description) == ordered)
    }

    @Test("requirements match like Cargo's", arguments: [
        ("^1.2.3", ["1.2.3", "1.9.0"], ["1.2.2", "2.0.0", "1.3.0-beta"]),
        ("1.2.3", ["1.2.3", "1.99.0"], ["2.0.0"]),
        ("^0.2.3", ["0.2.3", "0.2.9"], ["0.3.0", "0.2.2"]),
        ("^0.0.3", ["0.0.3"], ["0.0.4"]),
        ("^0", ["0.0.0", "0.9.9"], ["1.0.0"]),
        ("~1.2.3", ["1.2.3", "1.2.9"], ["1.3.0"]),
        ("~1", ["1.0.0", "1.9.0"], ["2.0.0"]),
        ("=1.2.3", ["1.2.3"], ["1.2.4", "1.2.2"]),
        ("=1.2", ["1.2.0", "1.2.7"], ["1.3.0"]),
        (">1.2.3", ["1.2.4", "3.0.0"], ["1.2.3"]),
        (">1.2", ["1.3.0"], ["1.2.9"]),
        (">=1.0, <2.0", ["1.0.0", "1.9.9"], ["2.0.0", "0.9.0"]),
        ("<=1.2", ["1.2.9", "0.1.0"], ["1.3.0"]),
        ("1.*", ["1.0.0", "1.5.2"], ["2.0.0"]),
        ("1.2.*", ["1.2.0", "1.2.8"], ["1.3.0"]),
        ("*", ["0.0.1", "9.0.0"], ["1.0.0-alpha"]),
        // After an operator a wildcard is a number left out, as Cargo reads it.
        ("~1.*", ["1.0.0", "1.9.9"], ["2.0.0", "0.9.0"]), (">=1.2.*", ["1.2.0", "3.0.0"], ["1.1.9"]), ("<=0.x", ["0.9.9"], ["1.0.0"]),
        (">=1.0.0-beta.2", ["1.0.0-beta.3", "1.0.0", "1.1.0"], ["1.0.0-beta.1", "1.1.0-beta.1"]),
    ])
    func matching(_ requirement: String, _ yes: [String], _ no: [String]) throws {
        let r = try #require(VersionRequirement(requirement))
        for v in yes { #expect(r.matches(Version(v)!), "\(requirement) should match \(v)") }
        for v in no { #expect(!r.matches(Version(v)!), "\(requirement) should not match \(v)") }
    }

    @Test("invalid requirements say why", arguments: [
        ("", "invalid version requirement '': it is empty; write a version such as '^1.0' or '*' for any version"),
        ("^1.2,", "invalid version requirement '^1.2,': a comparator between commas is empty"),
        ("v1.2", "invalid version requirement 'v1.2': drop the 'v' before '1.2'"),
        ("> = 1", "invalid version requirement '> = 1': write '>=' without a space"),
        ("1.2.3.4", "invalid version requirement '1.2.3.4': '1.2.3.4' has more than 3 numbers"),
        ("1.*.3", "invalid version requirement '1.*.3': a number cannot follow a wildcard"),
        ("^1.0-beta", "invalid version requirement '^1.0-beta': a pre-release needs all three numbers, such as '1.0.0-beta.1'"),
        ("latest", "invalid version requirement 'latest': 'latest' is not a number"),
        ("1.0+build", "invalid version requirement '1.0+build': build metadata ('+…') has no meaning in a requirement"),
        ("^1.0 || ^2.0", "invalid version requirement '^1.0 || ^2.0': a requirement is one range of versions and cannot say 'or' ('||'); keep the range the package needs"),
    ])
    func invalidRequirement(_ text: String, _ message: String) {
        guard case .failure(let error) = VersionRequirement.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(error.description == message)
    }

    @Test("plain requirements read into one comparator each", arguments: [
        ("1", "^1"), ("^1.2", "^1.2"), ("~1.2.3", "~1.2.3"), ("=1.2.3", "=1.2.3"), (">1", ">1"), (">=1.0.0", ">=1.0.0"),
        ("<2", "<2"), ("<=0.9", "<=0.9"), ("0.0.0", "^0.0.0"), ("0", "^0"), ("999999999999999999.1", "^999999999999999999.1"),
        (" ^1.2 ", "^1.2"), ("1.*", "1.*"), ("~1.*", "~1"), (">=1.2.X", ">=1.2"), ("1.0.0-beta", "^1.0.0-beta"), ("1000000000000000000", "^1000000000000000000"),
    ])
    func plainRequirements(_ text: String, _ printed: String) throws {
        let requirement = try VersionRequirement.parse(text).get()
        #expect(requirement.comparators.count == 1)
        #expect(requirement.description == printed)
    }

    @Test("what a requirement cannot be, and why", arguments: [
        ("", "it is empty; write a version such as '^1.0' or '*' for any version"), ("01", "'01' has a leading zero"),
        ("1.", "a number is missing"), (".1", "a number is missing"), ("1..2", "a number is missing"),
        (">==1", "'=1' is not a number"), ("=>1", "'>1' is not a number"), ("^^1", "'^1' is not a number"),
        ("1.2.3.4", "'1.2.3.4' has more than 3 numbers"), ("> =1", "write '>=' without a space"), ("v1", "drop the 'v' before '1'"),
        ("1,", "a comparator between commas is empty"), ("*, 1", "'*' cannot be combined with other comparators"),
    ])
    func badRequirements(_ text: String, _ reason: String) {
        guard case .failure(let error) = VersionRequirement.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(error.description == "invalid version requirement '\(text)': \(reason)")
    }

    @Test("a requirement in another tool's spelling, in this one's, with what differs", arguments: [
        ("~>1.2", "^1.2", "'~>' is Ruby's and Elixir's operator: '~> 1.2' is '^1.2' here"),
        ("~> 1.2.3", "~1.2.3", "'~>' is Ruby's and Elixir's operator: '~> 1.2.3' is '~1.2.3' here"),
        ("~> 0.4", ">=0.4, <1.0.0", "'~>' is Ruby's and Elixir's operator: '~> 0.4' is '>=0.4, <1.0.0' here"),
        ("=> 1.0", ">=1.0", "'=>' is written '>='"),
        ("=<2", "<=2", "'=<' is written '<='"),
        ("==1.2.3", "=1.2.3", "'==' is written '='"),
        ("v1.2", "1.2", "drop the 'v' before '1.2'"),
        ("^v2", "^2", "drop the 'v' before '2'"),
        (">=1.0.0 <2.0.0", ">=1.0.0, <2.0.0", "comparators are separated by commas"),
        (">=1.0.0-beta.1 <2", ">=1.0.0-beta.1, <2", "comparators are separated by commas"),
        ("1.0 - 2.0", ">=1.0, <=2.0", "'1.0 - 2.0' is npm's range; here it is written '>=1.0, <=2.0'"),
        ("v1.2 - v1.4.1", ">=1.2, <=1.4.1", "'1.2 - 1.4.1' is npm's range; here it is written '>=1.2, <=1.4.1'"),
    ])
    func likelyMeantRequirement(_ text: String, _ meant: String, _ change: String) throws {
        guard case .failure = VersionRequirement.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        let guess = try #require(VersionRequirement.likelyMeant(text))
        #expect(guess.requirement == meant)
        #expect(guess.change == change)
        #expect(VersionRequirement(meant) != nil)
    }

    @Test("no guess where none can be told", arguments: ["1.0 || 2.0", "latest", "1.2.3.4", ">==1", "", "^^1", "1.x.3", "> = 1", "1.0+build"])
    func noGuess(_ text: String) {
        #expect(VersionRequirement.likelyMeant(text) == nil)
    }

    @Test("requirements print in their canonical form")
    func printing() {
        #expect(VersionRequirement(">= 1.0 , < 2")?.description == ">=1.0, <2")
        #expect(VersionRequirement("1.2.*")?.description == "1.2.*")
        #expect(VersionRequirement("*")?.description == "*")
        #expect(VersionRequirement("1.2")?.description == "^1.2")
    }
}
