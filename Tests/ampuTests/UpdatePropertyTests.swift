import Foundation
import Testing
import TestSupport

/// `ampu update` on random universes of real git repositories, against an exhaustive search:
/// up to four packages `github.com/user/p0…p3`, each with some of four tagged versions, each
/// version's manifest asking for up to two of the others by a version range or by a tag; the
/// workspace asks for one to three. When some choice of versions meets every requirement,
/// update must lock one that does (and a second update, and `update --locked`, must leave the
/// lock as it is); when none does, it must fail with M021 and write no lock. The prefetch reads
/// manifests several at a time, so which requirements the solver meets first varies: the answer
/// must not.
@Suite("ampu update on random git universes", .serialized)
struct UpdatePropertyTests {
    static let versions = ["1.0.0", "1.1.0", "1.2.0", "2.0.0"]
    static let ranges = ["^1.0", "^1.1", "^2.0", ">=1.1.0", "<2.0.0", "=1.0.0", "~1.2", "*"]

    /// A requirement as the manifest writes it, and the versions it allows.
    struct Requirement {
        var package: Int
        var line: String
        var allows: (String) -> Bool
    }

    struct Universe {
        /// Each package's versions, and each version's requirements.
        var packages: [[String: [Requirement]]]
        var root: [Requirement]
    }

    static func allows(_ range: String, _ version: String) -> Bool {
        let v = version.split(separator: ".").map { Int($0)! }
        func at(_ text: String) -> [Int] { text.split(separator: ".").map { Int($0)! } + Array(repeating: 0, count: 3 - text.split(separator: ".").count) }
        switch range {
        case "*": return true
        case let r where r.hasPrefix("^"): let b = at(String(r.dropFirst())); return v[0] == b[0] && v.lexicographicallyPrecedes(b) == false
        case let r where r.hasPrefix("~"): let b = at(String(r.dropFirst())); return v[0] == b[0] && v[1] == b[1] && v[2] >= b[2]
        case let r where r.hasPrefix(">="): return !v.lexicographicallyPrecedes(at(String(r.dropFirst(2))))
        case let r where r.hasPrefix("<"): return v.lexicographicallyPrecedes(at(String(r.dropFirst())))
        case let r where r.hasPrefix("="): return v == at(String(r.dropFirst()))
        default: fatalError(range)
        }
    }

    static func universe(_ seed: UInt64) -> Universe {
        var random = SeededRandom(state: seed)
        let count = 2 + random.next(3)
        var packages: [[String]] = (0..<count).map { _ in versions.filter { _ in random.next(4) > 0 } }
        for p in packages.indices where packages[p].isEmpty { packages[p] = [versions[random.next(versions.count)]] }
        func requirement(excluding own: Int?) -> Requirement {
            var target = random.next(count)
            if target == own { target = (target + 1) % count }
            let url = "git = \"github.com/user/p\(target)\""
            // A tag pin names a version the repository has: one it lacks fails the fetch, whoever asks.
            if random.chance(4) {
                let tag = packages[target][random.next(packages[target].count)]
                return Requirement(package: target, line: "p\(target) = { \(url), tag = \"v\(tag)\" }", allows: { $0 == tag })
            }
            let range = ranges[random.next(ranges.count)]
            return Requirement(package: target, line: "p\(target) = { \(url), version = \"\(range)\" }", allows: { allows(range, $0) })
        }
        var out: [[String: [Requirement]]] = []
        for p in 0..<count {
            var byVersion: [String: [Requirement]] = [:]
            for version in packages[p] {
                // One requirement on a package per manifest: a key is written once.
                var needs: [Requirement] = []
                for r in (0..<random.next(3)).map({ _ in requirement(excluding: p) }) where !needs.contains(where: { $0.package == r.package }) { needs.append(r) }
                byVersion[version] = needs
            }
            out.append(byVersion)
        }
        var root: [Requirement] = []
        for r in (0..<(1 + random.next(3))).map({ _ in requirement(excluding: nil) }) where !root.contains(where: { $0.package == r.package }) { root.append(r) }
        return Universe(packages: out, root: root)
    }

    /// Whether `chosen` (a version of each package taken) meets every requirement of the root
    /// and of every version in it.
    static func meets(_ chosen: [Int: String], _ universe: Universe) -> Bool {
        let needs = universe.root + chosen.flatMap { universe.packages[$0.key][$0.value] ?? [] }
        return chosen.allSatisfy { universe.packages[$0.key][$0.value] != nil }
            && needs.allSatisfy { r in chosen[r.package].map(r.allows) ?? false }
    }

    static func solvable(_ universe: Universe) -> Bool {
        func search(_ p: Int, _ chosen: inout [Int: String]) -> Bool {
            if p == universe.packages.count { return meets(chosen, universe) }
            if search(p + 1, &chosen) { return true }
            for version in universe.packages[p].keys {
                chosen[p] = version
                defer { chosen[p] = nil }
                if search(p + 1, &chosen) { return true }
            }
            return false
        }
        var chosen: [Int: String] = [:]
        return search(0, &chosen)
    }

    /// The packages a lock file names, with their versions.
    static func locked(_ text: String) -> [Int: String] {
        var out: [Int: String] = [:]
        for block in text.components(separatedBy: "[[package]]").dropFirst() {
            let fields = Dictionary(block.split(separator: "\n").compactMap { line -> (String, String)? in
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return parts.count == 2 ? (parts[0], parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))) : nil
            }) { a, _ in a }
            if let name = fields["name"], name.hasPrefix("github.com/user/p"), let p = Int(name.dropFirst("github.com/user/p".count)) { out[p] = fields["version"] }
        }
        return out
    }

    @Test("update locks versions that meet every requirement exactly when some do, and keeps its lock", arguments: Array(UInt64(1)...24))
    func agree(seed: UInt64) throws {
        let universe = Self.universe(seed)
        let remotes = try GitFixture()
        for (p, versions) in universe.packages.enumerated() {
            try remotes.repository("p\(p)", versions: versions.keys.sorted()) { v in
                GitFixture.asthraPackage("p\(p)", v, dependencies: versions[v]!.map(\.line))
            }
        }
        try remotes.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\n" + universe.root.map { $0.line + "\n" }.joined())
        try remotes.write("app/src/main.asthra", "package main;\n")
        let app = remotes.root + "/app"
        let manifests = (universe.packages.enumerated().flatMap { p, vs in vs.keys.sorted().map { "p\(p) \($0): \(vs[$0]!.map(\.line))" } }
                         + ["app: \(universe.root.map(\.line))"]).joined(separator: "\n")
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        let lock = app + "/asthra.lock"
        if Self.solvable(universe) {
            #expect(update.status == 0, "seed \(seed):\n\(manifests)\n\(update.stderr)")
            guard update.status == 0 else { return }
            let text = try String(contentsOfFile: lock, encoding: .utf8)
            let chosen = Self.locked(text)
            #expect(Self.meets(chosen, universe), "seed \(seed):\n\(manifests)\nlocked \(chosen)")
            let again = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
            let relocked = try String(contentsOfFile: lock, encoding: .utf8)
            #expect(again.status == 0 && relocked == text, "seed \(seed): \(again.stderr)")
            let locked = try AmpuProcess.run(["update", "--locked"], environment: remotes.env, directory: app)
            #expect(locked.status == 0, "seed \(seed): \(locked.stderr)")
            // The lowest versions that fit, as --minimal-versions asks: they meet every requirement too.
            let lowest = try AmpuProcess.run(["update", "--minimal-versions"], environment: remotes.env, directory: app)
            #expect(lowest.status == 0, "seed \(seed):\n\(manifests)\n\(lowest.stderr)")
            let minimal = Self.locked(try String(contentsOfFile: lock, encoding: .utf8))
            #expect(Self.meets(minimal, universe), "seed \(seed):\n\(manifests)\nlocked \(minimal)")
        } else {
            #expect(update.status != 0 && update.stderr.contains("error[M021]"), "seed \(seed):\n\(manifests)\n\(update.stderr)")
            #expect(!FileManager.default.fileExists(atPath: lock), "seed \(seed)")
            // `ampu check` resolves as update does, and says so at the manifest.
            let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
            #expect(check.status != 0 && check.stderr.contains("error[M021]"), "seed \(seed):\n\(manifests)\n\(check.stderr)")
        }
    }
}
