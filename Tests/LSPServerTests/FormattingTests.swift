import BuildModel
import LSPServer
import Testing

@Suite("Formatting a manifest (textDocument/formatting)")
struct FormattingTests {
    func formatting(_ client: TestClient, _ path: String) async -> JSONValue {
        await client.request("textDocument/formatting", ["textDocument": ["uri": .string("file://" + path)], "options": ["tabSize": 2, "insertSpaces": true]])["result"] ?? .null
    }

    @Test("a manifest laid out as ampu fmt lays it out, as one edit over the part that changes (the editor's tab size is not asked)")
    func manifest() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        let messy = "[package]\nname=\"app\"\nversion = \"0.1.0\"\n\n\n[dependencies]\nmathlib = {path=\"mathlib\"}   \n"
        await client.open(TestWorkspace.manifest, messy)
        #expect(await formatting(client, TestWorkspace.manifest) == json("""
            [{"range":{"start":{"line":1,"character":4},"end":{"line":6,"character":29}},
              "newText":" = \\"app\\"\\nversion = \\"0.1.0\\"\\n\\n[dependencies]\\nmathlib = { path = \\"mathlib\\" }"}]
            """))
        await client.change(TestWorkspace.manifest, version: 2, text: "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nmathlib = { path = \"mathlib\" }\n")
        #expect(await formatting(client, TestWorkspace.manifest) == json("[]"), "laid out already: no edit")
    }

    @Test("nothing for a manifest with a syntax error, nor for a source file")
    func refused() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.manifest, "[package\nname = \"app\"\n")
        #expect(await formatting(client, TestWorkspace.manifest) == .null)
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        #expect(await formatting(client, TestWorkspace.main) == .null)
    }
}
