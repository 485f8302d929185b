import Foundation
import Testing
import TestSupport
@testable import BuildModel

/// The tags the package cache reads for a repository (from its note, from the refs a clone
/// packed, or from git) against what git itself lists in the repository, after each of random
/// changes upstream, each followed by an update of the cache: a commit, a tag (lightweight, or
/// annotated, or annotated on an annotated tag), a tag moved or deleted, a branch made or
/// deleted, the refs packed; now and then the cache emptied, so that the update clones afresh. A tag is a version: one the cache missed, kept after it went, or
/// read at another commit picks another version than the repository offers.
@Suite("the package cache's tags against git's", .serialized)
struct GitCachePropertyTests {
    /// `TAG COMMIT` for every tag of the repository at `directory`, peeled to its commit, by name.
    static func tags(_ fixture: GitFixture, in directory: String) throws -> [String] {
        let listed = try fixture.git(["for-each-ref", "--format=%(refname:strip=2) %(objectname) %(*objectname)", "refs/tags"], in: directory)
        return listed.split(separator: "\n").map { line in
            let parts = line.split(separator: " ").map(String.init)
            // An annotated tag's commit is its peeled object; a tag of a tag peels all the way.
            let peeled = try? fixture.git(["rev-parse", "\(parts[0])^{commit}"], in: directory)
            return "\(parts[0]) \(peeled ?? parts[1])"
        }.sorted()
    }

    @Test("after every random change upstream and an update, the cache's tags are the repository's", arguments: Array(UInt64(1)...10))
    func agree(seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        let fixture = try GitFixture()
        let remote = try fixture.repository("json", versions: ["1.0.0"]) { v in GitFixture.asthraPackage("json", v) }
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        let url = GitCLI.url(forLocation: "github.com/user/json")
        var tagged: [String] = ["v1.0.0"]
        var branches: [String] = []
        var steps: [String] = []
        for round in 0..<14 {
            let tag = "v1.\(round + 1).0"
            switch random.next(8) {
            case 0, 1:
                try fixture.write("remotes/user/json.git/src/lib.asthra", "package json; // \(round)\n")
                try fixture.git(["commit", "--quiet", "-am", "round \(round)"], in: remote)
                steps.append("commit")
            case 2:
                try fixture.git(["tag", tag], in: remote)
                tagged.append(tag)
                steps.append("tag \(tag)")
            case 3:
                try fixture.git(["tag", "--annotate", "-m", "release", tag], in: remote)
                tagged.append(tag)
                // Now and then a tag of that tag.
                if random.chance(2) {
                    try fixture.git(["tag", "--annotate", "-m", "again", "stable-\(round)", tag], in: remote)
                    tagged.append("stable-\(round)")
                }
                steps.append("annotated \(tag)")
            case 4:
                let moved = tagged[random.next(tagged.count)]
                try fixture.write("remotes/user/json.git/src/lib.asthra", "package json; // moved \(round)\n")
                try fixture.git(["commit", "--quiet", "-am", "for \(moved)"], in: remote)
                try fixture.git(["tag", "--force", moved], in: remote)
                steps.append("moved \(moved)")
            case 5:
                guard tagged.count > 1 else { continue }
                let gone = tagged.remove(at: random.next(tagged.count))
                try fixture.git(["tag", "--delete", gone], in: remote)
                steps.append("deleted \(gone)")
            case 6:
                if let branch = branches.popLast(), random.chance(2) {
                    try fixture.git(["branch", "--delete", "--force", branch], in: remote)
                    steps.append("deleted branch \(branch)")
                } else {
                    branches.append("b\(round)")
                    try fixture.git(["branch", "b\(round)"], in: remote)
                    steps.append("branch b\(round)")
                }
            default:
                try fixture.git(["pack-refs", "--all"], in: remote)
                steps.append("packed refs")
            }
            // Now and then the cache is emptied: the next update clones afresh (its tags read from the packed refs).
            if random.chance(5) {
                try? FileManager.default.removeItem(atPath: fixture.root + "/cache")
                steps.append("cache emptied")
            }
            try cache.update("github.com/user/json", url: url)
            let cached = try cache.tags("github.com/user/json").map { "\($0.tag) \($0.commit)" }.sorted()
            let upstream = try Self.tags(fixture, in: remote)
            #expect(cached == upstream, "seed \(seed) after \(steps)")
            // What another process reads from the cache later (the note) says the same.
            let again = GitCache(root: fixture.root + "/cache", git: git)
            #expect(try again.tags("github.com/user/json").map { "\($0.tag) \($0.commit)" }.sorted() == cached, "seed \(seed) after \(steps)")
        }
    }
}
