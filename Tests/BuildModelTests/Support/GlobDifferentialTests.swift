import Foundation
import Testing
import TestSupport
@testable import BuildModel

/// Glob expansion against Python's `glob.glob(recursive=True)` (the same `*`, `?`, `[...]`,
/// `[!...]` and `**`): random patterns over random trees of files with no hidden names (where
/// the two differ by design: Python's `*` skips them), in a real directory; the files each
/// pattern matches must be the same.
@Suite("Glob against Python's glob", .serialized)
struct GlobDifferentialTests {

    static let names = ["a", "b", "ab", "c.o", "d.txt", "x", "y", "a.aria", "b.npk", "x1"]
    static let components = ["*", "?", "[ab]", "[!a]", "*.o", "a*", "*b", "**", "x", "y", "a", "*.aria", "[a-c]*", "?.npk", "x?", "*.*", "[xy]"]

    @Test("random patterns over random trees match the files Python's glob finds")
    func agree() throws {
        try Python.requireInstalled()
        var random = SeededRandom(state: 5)
        var matched = 0
        for round in 0..<40 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-glob-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: root) }
            let paths = try random.fileTree(in: root, names: Self.names, least: 8, spread: 12)
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
            let python = try #require(try Python.ask(script, arguments: [root], patterns) as? [String: [String]])
            for pattern in patterns {
                let ours = Glob(pattern).files(in: root, fileSystem: LocalFileSystem())
                #expect(ours == python[pattern]!, "round \(round): '\(pattern)' over \(paths.sorted())")
                matched += ours.count
            }
        }
        #expect(matched > 300)
    }
}
