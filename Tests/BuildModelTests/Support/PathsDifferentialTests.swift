import Foundation
import Testing
import TestSupport
@testable import BuildModel

/// `Paths` against Python's `posixpath` on random paths (empty, `.` and `..` components, runs of
/// slashes, trailing slashes, names that differ only in their Unicode form): normalize as
/// `normpath`, join as `join` then `normpath`, relative as `relpath`, parent as `dirname` of the
/// normalized path. (A path that starts with exactly two slashes is left out: POSIX lets a system
/// give `//` a meaning of its own, and Python keeps it where ampu reads it as `/`.)
@Suite("Paths against Python's posixpath", .serialized)
struct PathsDifferentialTests {
    static let names = ["a", "b", "src", ".", "..", "", "é", "e\u{301}", "x.y", "..a", ".hidden"]

    static func path(_ random: inout SeededRandom, absolute: Bool) -> String {
        let parts = (0..<random.next(5)).map { _ in names[random.next(names.count)] }
        let text = parts.joined(separator: random.chance(5) ? "//" : "/") + (random.chance(6) ? "/" : "")
        return absolute ? "/" + text : (text.hasPrefix("/") ? "a" + text : text)
    }

    @Test("normalize, join, relative and parent give what posixpath gives")
    func agree() throws {
        try Python.requireInstalled()
        var random = SeededRandom(state: 7)
        var cases: [[String]] = []
        for _ in 0..<3000 {
            let absolute = random.chance(2)
            let a = Self.path(&random, absolute: absolute), b = Self.path(&random, absolute: absolute)
            guard !a.hasPrefix("//"), !b.hasPrefix("//") || b.hasPrefix("///") else { continue }
            cases.append([a, b])
        }
        let script = """
            import json, posixpath, sys
            out = []
            for a, b in json.load(sys.stdin):
                n = posixpath.normpath(a) if a else "."
                rel = None
                if a.startswith("/") and b.startswith("/"):
                    rel = posixpath.relpath(a, b)
                out.append([n, posixpath.normpath(posixpath.join(b, a)) if b else n, rel, posixpath.dirname(n) or "."])
            print(json.dumps(out))
            """
        let answers = try #require(try Python.ask(script, cases) as? [[Any]])
        try #require(answers.count == cases.count)
        var disagreements: [String] = []
        for (c, theirs) in zip(cases, answers) {
            let (a, b) = (c[0], c[1])
            var ours: [Any] = [Paths.normalize(a), Paths.join(b, a), NSNull(), Paths.parent(a)]
            if Paths.isAbsolute(a) && Paths.isAbsolute(b) { ours[2] = Paths.relative(a, from: b) }
            for (i, what) in ["normalize", "join", "relative", "parent"].enumerated() {
                let x = ours[i] as? String, y = theirs[i] as? String
                // Byte for byte: two spellings of é are two names on this file system.
                let same = switch (x, y) {
                case (nil, nil): true
                case let (x?, y?): x.utf8.elementsEqual(y.utf8)
                default: false
                }
                if !same {
                    disagreements.append("\(what) of \(String(reflecting: a)) (base \(String(reflecting: b))): Python \(String(reflecting: y)), ampu \(String(reflecting: x))")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(cases.count * 4):\n\(disagreements.prefix(30).joined(separator: "\n"))")
    }
}
