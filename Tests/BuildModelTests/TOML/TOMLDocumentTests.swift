import Testing
@testable import BuildModel

@Suite("TOML document model")
struct TOMLDocumentTests {
    static let manifest = """
        [package]
        name = "demo"
        version = "0.1.0"
        authors = ["A <a@example.com>", "B"]

        [dependencies]
        json = "^1.2"
        http = { version = "2.0", features = ["tls"] }
        log.path = "../log"

        [[bin]]
        name = "one"
        [[bin]]
        name = "two"

        [profile.release]
        opt-level = 3
        """

    @Test("tables, inline tables, dotted keys and arrays of tables")
    func model() throws {
        let document = TOMLDocument(Self.manifest)
        #expect(document.diagnostics == [])
        let root = document.root
        #expect(Array(root.entries.keys) == ["package", "dependencies", "bin", "profile"])
        #expect(root.value(at: ["package", "name"])?.string == "demo")
        #expect(root.value(at: ["package", "authors"])?.array?.compactMap(\.string) == ["A <a@example.com>", "B"])
        #expect(root.value(at: ["dependencies", "http", "features"])?.array?.first?.string == "tls")
        #expect(root.value(at: ["dependencies", "log", "path"])?.string == "../log")
        #expect(document.table(at: ["dependencies", "log"])?.origin == .dotted)
        #expect(document.table(at: ["dependencies", "http"])?.origin == .inline)
        #expect(document.table(at: ["profile"])?.origin == .implicit)
        #expect(document.table(at: ["profile", "release"])?.origin == .header)
        #expect(root.value(at: ["profile", "release", "opt-level"])?.integer == 3)
        guard case .arrayOfTables(let bins) = root["bin"]?.kind else {
            Issue.record("bin is not an array of tables")
            return
        }
        #expect(bins.map { $0["name"]?.string } == ["one", "two"])
        #expect(root.value(at: ["bin", "name"])?.string == "two")
    }

    @Test("every key and value keeps its range")
    func ranges() throws {
        let document = TOMLDocument(Self.manifest)
        let source = document.source
        let deps = try #require(document.table(at: ["dependencies"]))
        #expect(source.text(deps.range) == "[dependencies]")
        let http = try #require(deps.entries["http"])
        #expect(source.text(http.keyRange) == "http")
        #expect(source.text(http.value.range) == #"{ version = "2.0", features = ["tls"] }"#)
        let version = try #require(http.value.table?.entries["version"])
        #expect(source.text(version.value.range) == #""2.0""#)
        #expect(source.position(of: version.keyRange.lowerBound) == LinePosition(line: 7, column: 9))
    }

    @Test("a header may reopen an implicit table once, and sub-tables of dotted tables are fine")
    func allowedDefinitions() {
        let document = TOMLDocument("[a.b]\nx = 1\n[a]\ny = 2\n[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n")
        #expect(document.diagnostics == [])
        #expect(document.root.value(at: ["fruit", "apple", "texture", "smooth"])?.boolean == true)
        #expect(document.root.value(at: ["a", "y"])?.integer == 2)
    }

    @Test("toml-test tagged JSON")
    func taggedJSON() throws {
        let document = TOMLDocument("i = 1\nf = 2.0\nb = false\nd = 1979-05-27\na = [{x = \"y\"}]\n[[t]]\n")
        let json = try JSON.serializeToString(TOMLTaggedJSON.encode(document.root))
        #expect(json == #"{"i":{"type":"integer","value":"1"},"f":{"type":"float","value":"2.0"},"b":{"type":"bool","value":"false"},"d":{"type":"date-local","value":"1979-05-27"},"a":[{"x":{"type":"string","value":"y"}}],"t":[{}]}"#)
    }
}
