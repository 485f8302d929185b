import Testing
@testable import BuildModel

/// Every edit is checked on the whole resulting text: what changed and that nothing else did.
@Suite("TOML format-preserving edits")
struct TOMLEditorTests {
    static let manifest = """
        # Demo package
        [package]
        name = "demo"   # the name
        version = "0.1.0"

        [dependencies]
          json = "^1.2"
        http = { version = "2.0" }

        # Tools for tests
        [dev-dependencies]
        check = "1"

        """

    func edited(_ text: String, _ make: (TOMLEditor) throws -> [TextEdit]) throws -> String {
        let document = TOMLDocument(text)
        let result = try TOMLEditor.apply(try make(TOMLEditor(document)), to: document)
        #expect(result.diagnostics == [])
        return result.source.string
    }

    @Test("set an existing value: only the value's bytes change")
    func setExisting() throws {
        let out = try edited(Self.manifest) { try $0.setValue(.string("0.2.0"), at: ["package", "version"]) }
        #expect(out == Self.manifest.replacingOccurrences(of: "version = \"0.1.0\"", with: "version = \"0.2.0\""))
    }

    @Test("insert a key after the table's last pair, with its indentation")
    func insertKey() throws {
        let out = try edited(Self.manifest) { try $0.insertKey("serde", value: .string("^1.0"), inTable: ["dependencies"]) }
        #expect(out == Self.manifest.replacingOccurrences(
            of: "http = { version = \"2.0\" }\n", with: "http = { version = \"2.0\" }\nserde = \"^1.0\"\n"))
        let indented = try edited("[t]\n    a = 1\n") { try $0.insertKey("b", value: .boolean(true), inTable: ["t"]) }
        #expect(indented == "[t]\n    a = 1\n    b = true\n")
    }

    @Test("insert into an inline table")
    func insertInline() throws {
        let out = try edited(Self.manifest) { try $0.setValue(.array([.string("tls")]), at: ["dependencies", "http", "features"]) }
        #expect(out == Self.manifest.replacingOccurrences(
            of: "http = { version = \"2.0\" }", with: "http = { version = \"2.0\", features = [\"tls\"] }"))
        let empty = try edited("x = {}\n") { try $0.insertKey("a", value: .integer(1), inTable: ["x"]) }
        #expect(empty == "x = { a = 1 }\n")
    }

    @Test("insert into a missing table creates it beside its siblings, or at the end")
    func createTable() throws {
        let sibling = try edited("[profile.debug]\nopt = 0\n\n[other]\nx = 1\n") {
            try $0.insertKey("opt", value: .integer(3), inTable: ["profile", "release"])
        }
        #expect(sibling == "[profile.debug]\nopt = 0\n\n[profile.release]\nopt = 3\n\n[other]\nx = 1\n")
        let atEnd = try edited("[package]\nname = \"x\"") { try $0.insertKey("a b", value: .string("1"), inTable: ["build"]) }
        #expect(atEnd == "[package]\nname = \"x\"\n\n[build]\n\"a b\" = \"1\"\n")
        let fresh = try edited("") { try $0.setValue(.string("demo"), at: ["package", "name"]) }
        #expect(fresh == "[package]\nname = \"demo\"\n")
    }

    @Test("append to an array in its layout: on one line, one element per line with comments and CRLF kept, empty, or missing")
    func appendToArray() throws {
        func appended(_ text: String) throws -> String { try edited(text) { try $0.append(.string("c"), toArrayAt: ["w", "m"]) } }
        #expect(try appended("[w]\nm = [\"a\", \"b\"]\n") == "[w]\nm = [\"a\", \"b\", \"c\"]\n")
        #expect(try appended("[w]\nm = [\"a\",]\n") == "[w]\nm = [\"a\", \"c\",]\n")
        #expect(try appended("[w]\nm = []\n") == "[w]\nm = [\"c\"]\n")
        #expect(try appended("[w]\nm = [\n    \"a\",  # first\n    \"b\",\n]\n") == "[w]\nm = [\n    \"a\",  # first\n    \"b\",\n    \"c\",\n]\n")
        #expect(try appended("[w]\nm = [\n  \"a\"  # only, no comma\n]\n") == "[w]\nm = [\n  \"a\",  # only, no comma\n  \"c\"\n]\n")
        #expect(try appended("[w]\r\nm = [\r\n  \"a\",\r\n]\r\n") == "[w]\r\nm = [\r\n  \"a\",\r\n  \"c\",\r\n]\r\n")
        #expect(try appended("[w]\nx = 1\n") == "[w]\nx = 1\nm = [\"c\"]\n")
        #expect(throws: TOMLEditor.EditError.notAnArray(["w", "m"])) { try appended("[w]\nm = \"a\"\n") }
    }

    @Test("append to an array in every layout made of these parts: the result parses, holds the old elements and then the new one, and only the array's text changed")
    func appendEveryLayout() throws {
        let elements = [[], ["\"a\""], ["\"a\"", "\"b\""], ["1", "[2, 3]", "{ x = 4 }"]]
        let separators = [", ", ",", " ,  ", ",\n    ", ",  # note, with a comma\n  ", ",\r\n  "]
        let openings = ["", "\n    ", "  # after the bracket\n  ", "\r\n  "]
        let closings = ["", ",", ",\n", "\n", "  # last, no comma\n", ", # a comment\n", ",\r\n"]
        var checked = 0
        for items in elements {
            for separator in separators {
                for opening in openings {
                    for closing in closings {
                        if items.isEmpty && closing.hasPrefix(",") { continue }  // `[,]` is no array
                        let array = "[" + opening + items.joined(separator: separator) + closing + "]"
                        let text = "before = 1\n[w]\nm = " + array + "  # after\nafter = 2\n"
                        let document = TOMLDocument(text)
                        guard document.diagnostics.isEmpty else { continue }
                        let result = try TOMLEditor.apply(try TOMLEditor(document).append(.string("new"), toArrayAt: ["w", "m"]), to: document)
                        #expect(result.diagnostics == [], "\(text)")
                        guard case .array(let old)? = document.value(at: ["w", "m"])?.kind,
                              case .array(let new)? = result.value(at: ["w", "m"])?.kind else {
                            Issue.record("no array in \(text)")
                            continue
                        }
                        #expect(new.dropLast().map(\.kind) == old.map(\.kind), "\(text)")
                        #expect(new.last?.kind == .string("new"), "\(text)")
                        #expect(result.source.string.hasPrefix("before = 1\n[w]\nm = ["), "\(text)")
                        #expect(result.source.string.hasSuffix("]  # after\nafter = 2\n"), "\(text)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 300)
    }

    @Test("insert at the root goes before the first table")
    func insertRoot() throws {
        let out = try edited("[t]\nx = 1\n") { try $0.insertKey("top", value: .integer(1), inTable: []) }
        #expect(out == "top = 1\n\n[t]\nx = 1\n")
        let after = try edited("a = 1\n\n[t]\n") { try $0.insertKey("b", value: .integer(2), inTable: []) }
        #expect(after == "a = 1\nb = 2\n\n[t]\n")
    }

    @Test("insert next to dotted keys that make the table")
    func insertDotted() throws {
        let out = try edited("[dependencies]\nlog.path = \"../log\"\nz = 1\n") {
            try $0.insertKey("version", value: .string("1"), inTable: ["dependencies", "log"])
        }
        #expect(out == "[dependencies]\nlog.path = \"../log\"\nlog.version = \"1\"\nz = 1\n")
    }

    @Test("CRLF files get CRLF lines")
    func crlf() throws {
        let out = try edited("[t]\r\na = 1\r\n") { try $0.insertKey("b", value: .integer(2), inTable: ["t"]) }
        #expect(out == "[t]\r\na = 1\r\nb = 2\r\n")
    }

    @Test("remove a key with its line and trailing comment")
    func removeKey() throws {
        let out = try edited(Self.manifest) { try $0.removeKey(at: ["package", "name"]) }
        #expect(out == Self.manifest.replacingOccurrences(of: "name = \"demo\"   # the name\n", with: ""))
        let inline = try edited("d = { a = 1, b = 2, c = 3 }\n") { try $0.removeKey(at: ["d", "b"]) }
        #expect(inline == "d = { a = 1, c = 3 }\n")
        let last = try edited("d = { a = 1, b = 2 }\n") { try $0.removeKey(at: ["d", "b"]) }
        #expect(last == "d = { a = 1 }\n")
    }

    @Test("remove a table keeps the comment that belongs to the next one")
    func removeTable() throws {
        let out = try edited(Self.manifest) { try $0.removeTable(at: ["dependencies"]) }
        #expect(out == "# Demo package\n[package]\nname = \"demo\"   # the name\nversion = \"0.1.0\"\n\n# Tools for tests\n[dev-dependencies]\ncheck = \"1\"\n")
        let nested = try edited("[a]\nx = 1\n[a.b]\ny = 2\n[c]\nz = 3\n") { try $0.removeTable(at: ["a"]) }
        #expect(nested == "[c]\nz = 3\n")
        let inlineTable = try edited("x = 1\nt = { a = 1 }\n") { try $0.removeTable(at: ["t"]) }
        #expect(inlineTable == "x = 1\n")
    }

    @Test("edits that cannot be made say why")
    func errors() throws {
        let editor = TOMLEditor(TOMLDocument(Self.manifest))
        #expect(throws: TOMLEditor.EditError.keyExists(["package", "name"])) {
            try editor.insertKey("name", value: .string("x"), inTable: ["package"])
        }
        #expect(throws: TOMLEditor.EditError.notFound(["nothing"])) { try editor.removeKey(at: ["nothing"]) }
        #expect(throws: TOMLEditor.EditError.notATable(["package", "name"])) { try editor.removeTable(at: ["package", "name"]) }
        #expect(TOMLEditor.EditError.keyExists(["package", "name"]).description == "'package.name' already exists; set its value instead")
    }

    @Test("rendered literals quote and escape what they must")
    func literals() {
        #expect(TOMLLiteral.inlineTable([("version", .string("1.0")), ("my key", .float(2))]).rendered == #"{ version = "1.0", "my key" = 2.0 }"#)
        #expect(TOMLLiteral.string("a\"b\\\n\u{7}").rendered == #""a\"b\\\n\u0007""#)
    }
}
