import Testing
@testable import BuildModel

@Suite("JSON with positions")
struct JSONDocumentTests {
    func read(_ text: String) -> JSONDocument { JSONDocument(parsing: SourceText(path: "/p/elm.json", text)) }

    /// The diagnostics as `line:column code message` lines.
    func problems(_ doc: JSONDocument) -> [String] {
        doc.diagnostics.map { "\(doc.source.location(of: $0.range.lowerBound)) \($0.code ?? "") \($0.message)" }
    }

    @Test("a valid manifest: members in order, each key and value with its range")
    func valid() throws {
        let text = """
            {
                "type": "application",
                "source-directories": ["src", "lib"],
                "dependencies": { "direct": { "elm/core": "1.0.5" } },
                "n": -1.5e3, "t": true, "z": null, "s": "a\\"\\u00e9\\ud83d\\ude00\\n"
            }
            """
        let doc = read(text)
        #expect(doc.diagnostics.isEmpty)
        let root = try #require(doc.root)
        #expect(root.members?.map(\.key) == ["type", "source-directories", "dependencies", "n", "t", "z", "s"])
        let type = try #require(root.member("type"))
        #expect(String(decoding: doc.source.bytes[type.keyRange.range], as: UTF8.self) == "\"type\"")
        #expect(String(decoding: doc.source.bytes[type.value.range.range], as: UTF8.self) == "\"application\"")
        #expect(root.member("source-directories")?.value.elements?.compactMap(\.string) == ["src", "lib"])
        #expect(root.member("dependencies")?.value.member("direct")?.value.member("elm/core")?.value.string == "1.0.5")
        if case .number(let n) = root.member("n")?.value.value { #expect(n == "-1.5e3") } else { Issue.record("not a number") }
        #expect(root.member("s")?.value.string == "a\"é😀\n")
    }

    @Test("every problem is located and the rest is still read")
    func problemsAreLocated() throws {
        let doc = read("""
            {
                "type": "application",
                "elm-version": 0.19.1,
                "source-directories": ["src",],
                "a": tru,
                "b": "x\\q"
                "c": 'single',
                "type": "package",
            }
            """)
        #expect(problems(doc) == [
            "3:20 J003 '0.19.1' is not a JSON number",
            "4:33 J001 a ',' before the ']'",
            "5:10 J001 expected a value, found 'tru'",
            "6:12 J002 unknown escape '\\q'",
            "7:5 J001 expected ',' or '}' after the value, found '\"'",
            "7:10 J001 expected a value, found a string in single quotes",
            "8:5 J004 the key \"type\" is given twice",
            "8:22 J001 a ',' before the '}'",
        ])
        let root = try #require(doc.root)
        // A member whose value is broken is still there, its value invalid.
        #expect(root.members?.map(\.key) == ["type", "elm-version", "source-directories", "a", "b", "c", "type"])
        #expect(root.member("source-directories")?.value.elements?.compactMap(\.string) == ["src"])
        #expect(doc.diagnostics[0].help == ["a version is a string: write it in double quotes"])
        #expect(doc.diagnostics[5].help == ["JSON strings use double quotes: \"single\""])
        #expect(doc.diagnostics[6].related.map(\.message) == ["first given here"])
        #expect(doc.diagnostics.allSatisfy { $0.file == "/p/elm.json" })
    }

    @Test("what cannot end well ends with an error, never a crash", arguments: [
        ("", "1:1 J001 the file is empty; expected a JSON object"),
        ("{\"a\": \"open", "1:7 J002 this string has no closing quote"),
        ("{\"a\": [1, 2", "1:7 J001 this array has no closing ']'"),
        ("{} x", "1:4 J001 unexpected 'x' after the end of the JSON value"),
        ("{\"a\" 1}", "1:6 J001 expected ':' after the key, found '1'"),
        ("{\"a\": 01}", "1:7 J003 '01' is not a JSON number"),
        ("{\"a\": \"\\u12\"}", "1:8 J002 '\\u' must be followed by four hexadecimal digits"),
    ])
    func broken(_ text: String, _ first: String) {
        #expect(problems(read(text)).first == first)
    }

    @Test("nesting past the limit is one error")
    func deep() {
        let doc = read(String(repeating: "[", count: 100_000))
        #expect(problems(doc).first == "1:513 J001 values nested more than 512 deep")
    }
}
