import Testing
@testable import BuildModel

/// Edits of a JSON document that keep the rest of the text as written.
@Suite("JSON edits")
struct JSONEditingTests {
    func apply(_ text: String, _ edits: [TextEdit]?) -> String? {
        guard let edits else { return nil }
        var bytes = Array(text.utf8)
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range.range, with: Array(edit.newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let text = """
        {
            "direct": {
                "elm/core": "1.0.5",
                "elm/html": "1.0.0"
            },
            "indirect": {
                "elm/json": "1.1.3"
            },
            "empty": {}
        }

        """

    func document(_ text: String = Self.text) -> JSONDocument { JSONDocument(parsing: SourceText(path: "/p/elm.json", text)) }

    @Test("a member is inserted in key order, indented like its siblings; into an empty object on lines of its own")
    func insertion() {
        let d = document()
        #expect(apply(Self.text, d.insertion(of: "elm/browser", json: "\"1.0.2\"", in: ["direct"])) == Self.text.replacingOccurrences(
            of: "\"elm/core\": \"1.0.5\",", with: "\"elm/browser\": \"1.0.2\",\n        \"elm/core\": \"1.0.5\","))
        #expect(apply(Self.text, d.insertion(of: "elm/http", json: "\"2.0.0\"", in: ["direct"])) == Self.text.replacingOccurrences(
            of: "\"elm/html\": \"1.0.0\"\n", with: "\"elm/html\": \"1.0.0\",\n        \"elm/http\": \"2.0.0\"\n"))
        #expect(apply(Self.text, d.insertion(of: "x", json: "1", in: ["empty"])) == Self.text.replacingOccurrences(
            of: "\"empty\": {}", with: "\"empty\": {\n        \"x\": 1\n    }"))
        #expect(d.insertion(of: "elm/core", json: "\"1.0.0\"", in: ["direct"]) == nil)
        #expect(d.insertion(of: "x", json: "1", in: ["missing"]) == nil)
        #expect(document("{\"a\": }").insertion(of: "x", json: "1", in: []) == nil)
    }

    @Test("a member is removed with its line and one comma; the only member leaves {}")
    func removal() {
        let d = document()
        #expect(apply(Self.text, d.removal(of: ["direct", "elm/core"])) == Self.text.replacingOccurrences(of: "        \"elm/core\": \"1.0.5\",\n", with: ""))
        #expect(apply(Self.text, d.removal(of: ["direct", "elm/html"])) == Self.text.replacingOccurrences(of: "\"1.0.5\",\n        \"elm/html\": \"1.0.0\"", with: "\"1.0.5\""))
        #expect(apply(Self.text, d.removal(of: ["indirect", "elm/json"])) == Self.text.replacingOccurrences(
            of: "\"indirect\": {\n        \"elm/json\": \"1.1.3\"\n    }", with: "\"indirect\": {}"))
        #expect(d.removal(of: ["direct", "elm/nope"]) == nil)
    }
}
