import Foundation
import Testing
import TestSupport

/// `ampu tree` against `cargo tree`, which it draws as: random graphs of path dependencies
/// (up to seven packages, each depending on some of those after it), written once as Asthra
/// packages and once as Cargo crates, drawn whole, to a random `--depth`, and inverted on a
/// random package (`cargo tree -i`). The drawings must be the same line for line, once Cargo's
/// paths after each package are left out. Skipped, saying so, without cargo (scripts/install-deps
/// installs it).
@Suite("ampu tree against cargo tree", .serialized)
struct TreeDifferentialTests {
    @Test("the same drawing as cargo tree, whole, to a depth and inverted", arguments: Array(UInt64(1)...30))
    func agree(seed: UInt64) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/cargo") else {
            print("skipped: cargo is not installed (scripts/install-deps installs it)")
            return
        }
        var random = SeededRandom(state: seed)
        let scratch = try ScratchDirectory()
        let count = 2 + random.next(6)
        var edges: [[Int]] = []
        for p in 0..<count {
            let later = Array((p + 1)..<count)
            edges.append(later.filter { _ in random.next(3) == 0 || later.count == 1 && random.chance(2) })
        }
        for p in 0..<count {
            let deps = edges[p].map { "p\($0) = { path = \"../p\($0)\" }\n" }.joined()
            try scratch.write("asthra/p\(p)/asthra.toml", "[package]\nname = \"p\(p)\"\nversion = \"0.\(p).0\"\n\n[dependencies]\n" + deps)
            try scratch.write("asthra/p\(p)/src/lib.asthra", "package p\(p);\n")
            try scratch.write("cargo/p\(p)/Cargo.toml", "[package]\nname = \"p\(p)\"\nversion = \"0.\(p).0\"\nedition = \"2018\"\n\n[dependencies]\n" + deps)
            try scratch.write("cargo/p\(p)/src/lib.rs", "")
        }
        let depth = random.chance(2) ? nil : 1 + random.next(3)
        // Inverted on a package the root reaches (for another, both refuse).
        var reached: Set<Int> = [0], pending = [0]
        while let p = pending.popLast() { for q in edges[p] where reached.insert(q).inserted { pending.append(q) } }
        let reachable = reached.sorted().dropFirst()
        let invert = random.chance(2) || reachable.isEmpty ? nil : "p\(reachable[reachable.startIndex + random.next(reachable.count)])"
        var ampuArguments = ["tree"], cargoArguments = ["cargo", "tree", "--offline"]
        if let depth {
            ampuArguments += ["--depth", "\(depth)"]
            cargoArguments += ["--depth", "\(depth)"]
        }
        if let invert {
            ampuArguments += ["--invert", invert]
            cargoArguments += ["-i", invert]
        }
        let ampu = try AmpuProcess.run(ampuArguments, environment: plain, directory: scratch.path + "/asthra/p0")
        let cargo = try runTool(cargoArguments, environment: ["CARGO_HOME": scratch.path + "/cargo-home", "PATH": "/usr/bin:/bin"], directory: scratch.path + "/cargo/p0")
        try #require(cargo.status == 0, "cargo tree failed: \(cargo.stderr)")
        // `p1 v0.1.0 (/tmp/…/cargo/p1)` is `p1 v0.1.0`; `(*)` stays.
        let drawn = cargo.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacingOccurrences(of: #" \(/[^)]*\)"#, with: "", options: .regularExpression)
        }.joined(separator: "\n")
        #expect(ampu.stdout == drawn, "seed \(seed): edges \(edges), \(ampuArguments.joined(separator: " "))\n\(ampu.stderr)")
    }
}
