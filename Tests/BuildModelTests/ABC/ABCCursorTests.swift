import Testing
@testable import BuildModel

/// Where completion stands in a build.abc: the text has its cursor marked `$0`.
@Suite("build.abc cursor")
struct ABCCursorTests {
    func place(_ marked: String) throws -> ABCCursor.Place? {
        let cursor = try #require(marked.utf8.firstRange(of: "$0".utf8))
        let offset = marked.utf8.distance(from: marked.utf8.startIndex, to: cursor.lowerBound)
        let text = marked.replacingOccurrences(of: "$0", with: "")
        return ABCCursor.place(in: ABCDocument(parsing: SourceText(path: "/p/build.abc", text)), at: offset)
    }

    @Test("an INI section's dotted name, then a key of it, then a value in an array of objects")
    func ini() throws {
        #expect(try place("[target.app]\nty$0") == .key(object: ["target", "app"], partial: "ty", range: SourceRange(13, 15)))
        #expect(try place("[target.app]\ntype = \"bin$0\"\n") == .value(key: ["target", "app", "type"], partial: "\"bin", range: SourceRange(20, 25)))
        #expect(try place("[a.b]\nlist = [{ k = [\"x\", $0] }]\n") == .value(key: ["a", "b", "list", "*", "k"], partial: "", range: SourceRange(26, 26)))
    }

    @Test("the seed's brace form: the outer braces are the top object; arrays are `*`")
    func brace() throws {
        #expect(try place("{\n  targets: [ { name: \"app\", ty$0 } ]\n}\n") == .key(object: ["targets", "*"], partial: "ty", range: SourceRange(30, 32)))
        #expect(try place("{\n  project: { $0 }\n}\n") == .key(object: ["project"], partial: "", range: SourceRange(15, 15)))
    }

    @Test("3,000 objects deep: the path is every key on the way")
    func deep() throws {
        let depth = 3_000
        let text = "{\n  variables: " + String(repeating: "{s: ", count: depth - 1) + "{ke$0"
        let end = text.utf8.count - 2
        #expect(try place(text) == .key(object: ["variables"] + Array(repeating: "s", count: depth - 1), partial: "ke", range: SourceRange(end - 2, end)))
    }
}
