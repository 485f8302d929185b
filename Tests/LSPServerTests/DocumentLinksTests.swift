import BuildModel
import LSPServer
import Testing

@Suite("Document links: imports and dependency paths to the files they lead to")
struct DocumentLinksTests {
    func links(_ client: TestClient, _ path: String) async -> JSONValue {
        await client.request("textDocument/documentLink", ["textDocument": ["uri": .string("file://" + path)]])["result"] ?? .null
    }

    @Test("a source's imports: each that goes to one file, over its path; a whole package's to its manifest; a directory's, a broken one's and a forbidden one's not")
    func source() async {
        var files = TestWorkspace.files
        files["/ws/src/parts/a.asthra"] = "package parts;\n"
        files["/ws/src/parts/b.asthra"] = "package parts;\n"
        files[TestWorkspace.main] = TestWorkspace.mainText + "import \"./parts\";\nimport \"./missing\";\nimport \"./util\";\n"
        let client = TestClient(files: files)
        await client.start()
        #expect(await links(client, TestWorkspace.main) == json("""
            [{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":17}},"target":"file:///home/asthra/stdlib/io.asthra"},
             {"range":{"start":{"line":4,"character":8},"end":{"line":4,"character":15}},"target":"file:///ws/mathlib/asthra.toml"},
             {"range":{"start":{"line":7,"character":8},"end":{"line":7,"character":14}},"target":"file:///ws/src/util.asthra"}]
            """))
    }

    @Test("a manifest's dependency paths, to the manifests they lead to; none where there is no package")
    func manifest() async {
        var files = TestWorkspace.files
        files[TestWorkspace.manifest] = TestWorkspace.manifestText.replacingOccurrences(of: "[build]", with: "gone = { path = \"gone\" }\n\n[build]")
        let client = TestClient(files: files)
        await client.start()
        #expect(await links(client, TestWorkspace.manifest) == json("""
            [{"range":{"start":{"line":5,"character":19},"end":{"line":5,"character":28}},"target":"file:///ws/mathlib/asthra.toml"}]
            """))
    }

    @Test("a workspace's members and default members, each to the member's manifest; a pattern's and a missing member's not")
    func members() async {
        var files = TestWorkspace.files
        files[TestWorkspace.manifest] = TestWorkspace.manifestText + """

            [workspace]
            members = ["tools", "libs/*", "gone"]
            default-members = ["tools", "."]

            """
        files["/ws/tools/asthra.toml"] = "[package]\nname = \"tools\"\nversion = \"0.1.0\"\n"
        files["/ws/libs/m1/asthra.toml"] = "[package]\nname = \"m1\"\nversion = \"0.1.0\"\n"
        let client = TestClient(files: files)
        await client.start()
        #expect(await links(client, TestWorkspace.manifest) == json("""
            [{"range":{"start":{"line":5,"character":19},"end":{"line":5,"character":28}},"target":"file:///ws/mathlib/asthra.toml"},
             {"range":{"start":{"line":11,"character":11},"end":{"line":11,"character":18}},"target":"file:///ws/tools/asthra.toml"},
             {"range":{"start":{"line":12,"character":19},"end":{"line":12,"character":26}},"target":"file:///ws/tools/asthra.toml"},
             {"range":{"start":{"line":12,"character":28},"end":{"line":12,"character":31}},"target":"file:///ws/asthra.toml"}]
            """))
        let definition = Marked(files[TestWorkspace.manifest]!.replacingOccurrences(of: "default-members = [\"too", with: "default-members = [\"too$0"))
        #expect(await client.request("textDocument/definition", client.at(TestWorkspace.manifest, definition))["result"]?["uri"] == "file:///ws/tools/asthra.toml")
    }
}
