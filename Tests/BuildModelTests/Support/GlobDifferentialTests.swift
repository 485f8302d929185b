import Foundation
import Testing
@testable import BuildModel

/// Glob expansion against Python's `glob.glob(recursive=True)` (the same `*`, `?`, `[...]`,
/// `[!...]` and `**`): random patterns over random trees of files with no hidden names (where
/// the two differ by design: Python's `*` skips them), in a real directory; the files each
/// pattern matches must be the same.
@Suite("Glob against Python's glob", .serialized)
struct GlobDifferentialTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let names = ["a", "b", "ab", "c.o", "d.txt", "x", "y", "a.aria", "b.npk", "x1"]
    static let components = ["*", "?", "[ab]", "[!a]", "*.o", "a*", "*b", "**", "x", "y", "a", "*.aria", "[a-c]*", "?.npk", "x?", "*.*", "[xy]"]

    @Test("random patterns over random trees match the files Python's glob finds")
    func agree() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            Issue.record("python3 is not installed: scripts/install-deps installs it")
            return
        }
        var random = Random(state: 5)
        var matched = 0
        for round in 0..<40 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-glob-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: root) }
            var files: Set<String> = []
            for _ in 0..<(8 + random.next(12)) {
                files.insert((0...random.next(3)).map { _ in Self.names[random.next(Self.names.count)] }.joined(separator: "/"))
            }
            let paths = files.filter { f in !files.contains { $0.hasPrefix(f + "/") } }
            for path in paths {
                let full = root + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                FileManager.default.createFile(atPath: full, contents: Data())
            }
            let patterns = (0..<20).map { _ in (0...random.next(3)).map { _ in Self.components[random.next(Self.components.count)] }.joined(separator: "/") }
            let script = """
                import glob, json, os, sys
                root = sys.argv[1]
                out = {}
                for p in json.load(sys.stdin):
                    # A set: Python finds a file once for each way `**/**` reaches it.
                    out[p] = sorted(set(f for f in glob.glob(p, root_dir=root, recursive=True) if os.path.isfile(os.path.join(root, f))))
                print(json.dumps(out))
                """
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            p.arguments = ["-c", script, root]
            let input = Pipe(), output = Pipe()
            p.standardInput = input
            p.standardOutput = output
            try p.run()
            input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: patterns))
            input.fileHandleForWriting.closeFile()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let python = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String]])
            for pattern in patterns {
                let ours = Glob(pattern).files(in: root, fileSystem: LocalFileSystem())
                #expect(ours == python[pattern]!, "round \(round): '\(pattern)' over \(paths.sorted())")
                matched += ours.count
            }
        }
        #expect(matched > 300)
    }
}
