import Foundation
import Testing
import TestSupport
@testable import BuildModel

/// What ampu writes into manifests (`ampu add`, quick fixes) against Python's `tomllib`: random
/// keys and strings (quotes, backslashes, control characters, DEL, dots, `#`, `=`, brackets,
/// accents and emoji) rendered as a table header, a key and a string; Python must read back
/// exactly the keys and the value that were rendered.
@Suite("TOML keys and strings as written, against Python's tomllib", .serialized)
struct TOMLLiteralDifferentialTests {
    static let pieces = ["a", "Z", "0", "-", "_", ".", " ", "\"", "\\", "\n", "\t", "\r", "\u{7F}", "\u{1F}", "\u{0}", "\u{8}", "\u{C}",
                         "é", "😀", "#", "=", "[", "]", "'", "github.com/user/json", "\u{2028}", "\u{FEFF}"]

    static func text(_ random: inout SeededRandom, allowEmpty: Bool) -> String {
        let count = random.next(5) + (allowEmpty ? 0 : 1)
        return (0..<count).map { _ in pieces[random.next(pieces.count)] }.joined()
    }

    @Test("a random table, key and string, each as ampu renders it, reads back as the same in Python")
    func agree() throws {
        try Python.requireInstalled()
        var random = SeededRandom(state: 31)
        var cases: [(table: String, key: String, value: String)] = []
        for _ in 0..<2000 { cases.append((Self.text(&random, allowEmpty: false), Self.text(&random, allowEmpty: false), Self.text(&random, allowEmpty: true))) }
        let documents = cases.map { "[\(TOMLLiteral.renderKey($0.table))]\n\(TOMLLiteral.renderKey($0.key)) = \(TOMLLiteral.renderString($0.value))\n" }
        let script = """
            import json, sys, tomllib
            out = []
            for text in json.load(sys.stdin):
                try:
                    d = tomllib.loads(text)
                    (table, inner), = d.items()
                    (key, value), = inner.items()
                    out.append([table, key, value])
                except Exception as e:
                    out.append(str(e))
            print(json.dumps(out))
            """
        let read = try #require(try Python.ask(script, documents) as? [Any])
        try #require(read.count == cases.count)
        var disagreements: [String] = []
        for (i, (c, theirs)) in zip(cases, read).enumerated() {
            if let parts = theirs as? [String], parts == [c.table, c.key, c.value] { continue }
            disagreements.append("\(i): \(String(reflecting: documents[i])) reads as \(theirs)")
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(cases.count):\n\(disagreements.prefix(20).joined(separator: "\n"))")
    }
}
