import Testing
@testable import BuildModel

@Suite("Version sets")
struct VersionSetTests {
    func set(_ requirement: String) -> VersionSet { VersionRequirement(requirement)!.versionSet }
    func v(_ text: String) -> Version { Version(text)! }

    @Test("requirements read into sets and print back in normal form", arguments: [
        ("1.2.3", "^1.2.3"), ("^0.2.3", "^0.2.3"), ("^0.0.3", "=0.0.3"), ("~1.2", "~1.2.0"), ("=1.2.3", "=1.2.3"),
        (">=1.0, <1.5", ">=1.0.0, <1.5.0"), ("*", "*"), ("1.*", "^1.0.0"), (">2.0.0", ">2.0.0"), ("<=1.0.0", "<=1.0.0"), (">1.0.0, <=1.4.2", ">1.0.0, <=1.4.2"), ("<2", "<2.0.0"),
        (">=2, <1", "∅"),
    ])
    func normalForm(_ requirement: String, _ printed: String) {
        #expect(set(requirement).description == printed)
    }

    @Test("every range of versions prints as a requirement that reads back as the same set")
    func printedRangesReadBack() {
        // Bounds as ranges have them: releases, the `-0` that comes right before a release
        // (where `<2.0.0` ends and `>1.2.3` starts), and pre-releases of their own.
        var bounds: [Version] = [VersionSet.minimum]
        for major: UInt64 in 0...2 {
            for minor: UInt64 in 0...2 {
                for patch: UInt64 in 0...2 {
                    bounds.append(Version(major, minor, patch))
                    bounds.append(Version(major, minor, patch, prerelease: ["0"]))
                }
            }
        }
        bounds.append(Version(1, 0, 0, prerelease: ["beta", "1"]))
        bounds = Array(Set(bounds)).sorted()
        var checked = 0
        for (i, lower) in bounds.enumerated() {
            for upper in bounds[(i + 1)...].map(Optional.some) + [nil] {
                let set = VersionSet([VersionSet.Range(lower, upper)])
                let text = set.description
                guard let read = VersionRequirement(text) else {
                    // A pre-release lower bound of its own may print as no requirement can say.
                    #expect(lower.prerelease != ["0"] && lower.isPrerelease || upper?.isPrerelease == true && upper?.prerelease != ["0"], "\(set) printed as '\(text)', which does not read")
                    continue
                }
                #expect(read.versionSet == set, "[\(lower), \(upper.map { "\($0)" } ?? "∞")) printed as '\(text)' reads back as \(read.versionSet)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test("union merges overlapping and touching ranges, and keeps apart the rest")
    func union() {
        // ^1.0 ends below every 2.0.0 pre-release; ^2.0 starts at 2.0.0: the pre-releases part them.
        #expect(set("^1.0").union(set("^2.0")).description == "^1.0.0 || ^2.0.0")
        #expect(set(">=1.0, <2.0.0").union(set(">=2.0.0, <3")).description == ">=1.0.0, <3.0.0")
        #expect(set("~1.2").union(set(">=1.2.5, <1.4")).description == ">=1.2.0, <1.4.0")
        #expect(set("=1.0.0").union(set("=3.0.0")).description == "=1.0.0 || =3.0.0")
        #expect(set("^1.0").union(.any) == .any)
        #expect(VersionSet.empty.union(set("^1.0")) == set("^1.0"))
    }

    @Test("intersection of ranges and of unions")
    func intersection() {
        #expect(set("^1.2").intersection(set("<1.5")).description == ">=1.2.0, <1.5.0")
        #expect(set("^1.0").intersection(set("^2.0")).isEmpty)
        let gaps = set("=1.0.0").union(set("^2.0")).union(set(">=4"))
        #expect(gaps.intersection(set(">=1.0.0, <4.5")).description == "=1.0.0 || ^2.0.0 || >=4.0.0, <4.5.0")
        #expect(gaps.intersection(.any) == gaps)
    }

    @Test("complement and difference; a set and its complement cover everything and share nothing")
    func complement() {
        #expect(set("^1.0").complement.description == "<1.0.0 || >=2.0.0-0")
        #expect(VersionSet.any.complement.isEmpty)
        #expect(VersionSet.empty.complement.isAny)
        for r in ["^1.2", "=0.0.1", ">=3", "<2", "~0.4.1"] {
            let s = set(r)
            #expect(s.union(s.complement).isAny, "\(r)")
            #expect(s.intersection(s.complement).isEmpty, "\(r)")
            #expect(s.complement.complement == s, "\(r)")
        }
        #expect(set("^1.0").subtracting(set("~1.2")).description == ">=1.0.0, <1.2.0 || >=1.3.0-0, <2.0.0-0")
    }

    @Test("containment of versions and of sets")
    func containment() {
        let s = set("^1.2").union(set("=3.0.0"))
        #expect(s.contains(v("1.2.0")) && s.contains(v("1.9.9")) && s.contains(v("3.0.0")))
        #expect(!s.contains(v("1.1.9")) && !s.contains(v("2.0.0")) && !s.contains(v("3.0.1")))
        #expect(set("~1.2").isSubset(of: set("^1.0")))
        #expect(!set("^1.0").isSubset(of: set("~1.2")))
        #expect(VersionSet.empty.isSubset(of: set("=1.0.0")))
        #expect(set("^1.0").isDisjoint(with: set("^2.0")))
        #expect(!set("^1.0").isDisjoint(with: set(">=1.9")))
    }
}

@Suite("Version sets: containment and disjointness against the set algebra")
struct VersionSetRelationTests {
    /// Sets built from ranges over a small grid of versions, every pair compared both ways.
    static let sets: [VersionSet] = {
        let points = [Version(0, 0, 0, prerelease: ["0"]), Version(1, 0, 0), Version(1, 2, 0), Version(1, 5, 0), Version(2, 0, 0), Version(3, 0, 0)]
        var out: [VersionSet] = [.empty, .any]
        for (i, a) in points.enumerated() {
            out.append(.atLeast(a))
            out.append(.exactly(a))
            for b in points[(i + 1)...] { out.append(VersionSet([VersionSet.Range(a, b)])) }
        }
        let singles = out
        for a in singles.prefix(12) { for b in singles.suffix(12) { out.append(a.union(b)) } }
        return out
    }()

    @Test("isSubset and isDisjoint agree with difference and intersection for every pair")
    func agree() {
        for a in Self.sets {
            for b in Self.sets {
                #expect(a.isSubset(of: b) == a.subtracting(b).isEmpty, "\(a) ⊆ \(b)")
                #expect(a.isDisjoint(with: b) == a.intersection(b).isEmpty, "\(a) ∩ \(b)")
            }
        }
    }
}
