import Foundation

/// The random numbers of the property tests: SplitMix64 from a seed, so that every machine
/// makes the same cases and a failure names the seed and round that repeat it.
public struct SeededRandom: RandomNumberGenerator {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    public mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True one time in `n`.
    public mutating func chance(_ n: Int) -> Bool { next(n) == 0 }
}

extension SeededRandom {
    /// Makes empty files at `least` to `least + spread - 1` random paths of one to four of
    /// `names` under `root` (a name both a file and a directory stays a directory); their paths,
    /// relative to `root`, sorted.
    public mutating func fileTree(in root: String, names: [String], least: Int, spread: Int) throws -> [String] {
        var files: Set<String> = []
        for _ in 0..<(least + next(spread)) {
            files.insert((0...next(3)).map { _ in names[next(names.count)] }.joined(separator: "/"))
        }
        let paths = files.filter { f in !files.contains { $0.hasPrefix(f + "/") } }.sorted()
        for path in paths {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: full, contents: Data())
        }
        return paths
    }
}
