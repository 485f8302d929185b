import Testing
import TestSupport
@testable import BuildModel

@Suite("TOML syntax tree")
struct TOMLSyntaxTests {
    static let samples: [String] = [
        "",
        "# only a comment",
        "\u{FEFF}name = \"bom\"\n",
        "a = 1\r\nb = 'two'\r\n",
        """
        # The package
        [package]
          name    = "demo"   # trailing comment
        version = "0.1.0"

        [dependencies]
        http = { version = "^1.2", git = "https://example.com/http" }
        list = [ 1, 2,   # inside
          3, ]
        "quoted key".'lit'.bare = 1979-05-27T07:32:00-08:00
        [[bin]]
        text = \"\"\"
        multi \\
           line\"\"\"
        raw = '''x'''
        """,
        // Broken input keeps every byte too.
        "a = \nb = \"unterminated\n[t\n= 3\nc = {x = 1\nd = [1, 2\n\u{7}",
        "k = \"\u{1}\"\n\r\n",
    ]

    @Test("printing the tree gives back the input byte for byte", arguments: samples)
    func lossless(text: String) {
        let tree = TOMLDocument(text).syntax
        #expect(tree.printed() == Array(text.utf8))
        // Tokens cover the text with no gap and no overlap.
        var offset = 0
        for token in tree.tokens {
            #expect(token.range.lowerBound == offset)
            #expect(!token.range.isEmpty)
            offset = token.range.upperBound
        }
        #expect(offset == text.utf8.count)
    }

    @Test("any text at all, cut and spliced at random from the samples, prints back byte for byte, its tokens end to end")
    func losslessRandom() {
        var random = SeededRandom(state: 2026)
        func next(_ bound: Int) -> Int { random.next(bound) }
        let pieces: [[UInt8]] = ["[", "]", "[[", "]]", "=", ".", "\"", "'", "\"\"\"", "'''", "{", "}", ",", "\n", "\r\n", "\r", "#", "\\",
                                 "\\u", "0x", "1e", "-", "+", "inf", "nan", "T", "Z", ":", " ", "\t", "a", "1979-05-27"].map { Array($0.utf8) }
            + [[0xFF], [0xC3], [0x00], [0xEF, 0xBB, 0xBF]]
        let corpus = Self.samples.map { Array($0.utf8) }
        for round in 0..<3000 {
            var bytes = corpus[next(corpus.count)]
            for _ in 0..<(1 + next(6)) {
                let at = next(bytes.count + 1)
                switch next(3) {
                case 0: bytes.insert(contentsOf: pieces[next(pieces.count)], at: at)
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + 1 + next(8))) }
                default:
                    let other = corpus[next(corpus.count)]
                    let from = next(other.count + 1)
                    bytes.insert(contentsOf: other[from..<min(other.count, from + next(40))], at: at)
                }
            }
            let tree = TOMLDocument(parsing: SourceText(bytes: bytes)).syntax
            #expect(tree.printed() == bytes, "round \(round): \(bytes)")
            var offset = 0
            for token in tree.tokens {
                if token.range.lowerBound != offset || token.range.isEmpty {
                    Issue.record("round \(round): token \(token.range) after \(offset) in \(bytes)")
                    break
                }
                offset = token.range.upperBound
            }
            #expect(offset == bytes.count, "round \(round): \(bytes)")
        }
    }

    @Test("invalid UTF-8 and stray bytes are kept too")
    func losslessBytes() {
        let bytes: [UInt8] = Array("a = \"x".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8) + [0xC3] + Array(" = 1\n".utf8)
        let document = TOMLDocument(parsing: SourceText(bytes: bytes))
        #expect(document.syntax.printed() == bytes)
        #expect(document.diagnostics.map(\.message) == ["invalid UTF-8 byte 0xFF", "invalid UTF-8 byte 0xFE", "invalid UTF-8 byte 0xC3"])
    }

    @Test("statements carry key, value and line ranges")
    func ranges() throws {
        let text = "[a.b]\n  x.y = \"v\" # c\nz = [1, {q = 2}]\n"
        let tree = TOMLDocument(text).syntax
        #expect(tree.statements.count == 3)
        guard case .header(let header) = tree.statements[0], case .keyValue(let xy) = tree.statements[1],
            case .keyValue(let z) = tree.statements[2]
        else {
            Issue.record("unexpected statements \(tree.statements)")
            return
        }
        let source = SourceText(text)
        #expect(header.key.names == ["a", "b"])
        #expect(source.text(header.range) == "[a.b]")
        #expect(xy.key.names == ["x", "y"])
        #expect(source.text(xy.key.range) == "x.y")
        #expect(source.text(xy.range) == "x.y = \"v\"")
        #expect(source.text(xy.lineRange) == "  x.y = \"v\" # c\n")
        #expect(xy.value.kind == .string("v", .basic))
        #expect(source.text(z.value.range) == "[1, {q = 2}]")
        guard case .array(let items) = z.value.kind, case .inlineTable(let pairs) = items[1].kind else {
            Issue.record("z is not an array with an inline table")
            return
        }
        #expect(source.text(pairs[0].range) == "q = 2")
        #expect(tree.tokens[tree.tokenIndex(at: 10)!].kind == .bareKey)
    }

    @Test("string forms decode as the spec says", arguments: [
        (#"s = "tab\tquote\" \u00E9 \U0001F600""#, "tab\tquote\" é 😀"),
        ("s = 'C:\\path\\n'", "C:\\path\\n"),
        ("s = \"\"\"\nfirst\nsecond\"\"\"", "first\nsecond"),
        ("s = \"\"\"a \\\n     b\"\"\"", "a b"),
        ("s = \"\"\"\"quoted\"\"\"\"\"", "\"quoted\"\""),
        ("s = '''\nraw \\n'''", "raw \\n"),
    ])
    func strings(text: String, expected: String) {
        let document = TOMLDocument(text)
        #expect(document.diagnostics == [])
        #expect(document.root["s"]?.string == expected)
    }

    @Test("numbers, booleans and dates", arguments: [
        ("v = 1_000", TOMLValue.Kind.integer(1000)),
        ("v = -0x10", .integer(0)),
        ("v = 0xdead_beef", .integer(0xDEAD_BEEF)),
        ("v = 0o755", .integer(0o755)),
        ("v = 0b1010", .integer(10)),
        ("v = -9223372036854775808", .integer(Int64.min)),
        ("v = 6.626e-34", .float(6.626e-34)),
        ("v = -inf", .float(-.infinity)),
        ("v = true", .boolean(true)),
    ])
    func scalars(text: String, expected: TOMLValue.Kind) {
        let document = TOMLDocument(text)
        if text == "v = -0x10" {
            #expect(document.diagnostics.map(\.message) == ["'-0x10': a sign is not allowed on a hexadecimal integer"])
        } else {
            #expect(document.diagnostics == [])
            #expect(document.root["v"]?.kind == expected)
        }
    }

    @Test("dates and times keep their kind and print as RFC 3339", arguments: [
        ("1979-05-27T07:32:00Z", "datetime", "1979-05-27T07:32:00Z"),
        ("1979-05-27 07:32:00.999999-07:00", "datetime", "1979-05-27T07:32:00.999999-07:00"),
        ("1979-05-27t07:32:00", "datetime-local", "1979-05-27T07:32:00"),
        ("2000-02-29", "date-local", "2000-02-29"),
        ("07:32:00.5", "time-local", "07:32:00.5"),
    ])
    func dates(text: String, kind: String, printed: String) throws {
        let document = TOMLDocument("d = \(text)")
        #expect(document.diagnostics == [])
        guard case .dateTime(let dt) = document.root["d"]?.kind else {
            Issue.record("not a date-time")
            return
        }
        #expect(dt.kind.rawValue == kind)
        #expect(dt.description == printed)
    }

    @Test("TOML 1.1 features only when asked for")
    func version11() {
        let text = "t = { a = 1,\n  b = \"\\e\\x41\", # note\n}\nwhen = 07:32\n"
        let strict = TOMLDocument(text)
        #expect(strict.hasErrors)
        let loose = TOMLDocument(text, version: .v1_1)
        #expect(loose.diagnostics == [])
        #expect(loose.root.value(at: ["t", "b"])?.string == "\u{1B}A")
        #expect(loose.root["when"].map { TOMLTaggedJSON.encode($0) } == ["type": "time-local", "value": "07:32:00"])
    }

    @Test("deep nesting is an error, not a stack overflow")
    func deepNesting() {
        let text = "x = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let document = TOMLDocument(text)
        #expect(document.syntax.printed() == Array(text.utf8))
        #expect(document.diagnostics.first?.message == "arrays and inline tables nest deeper than 128 levels")
    }
}
