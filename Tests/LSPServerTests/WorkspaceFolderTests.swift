import BuildModel
import LSPServer
import Testing

/// `workspace/didChangeWorkspaceFolders`, which the server asks for (`changeNotifications`):
/// VS Code sends it when a folder is added to the window or taken out.
@Suite("Workspace folders")
struct WorkspaceFolderTests {
    static let other = [
        "/other/Oats.toml": "[package]\nname = \"other\"\nversion = \"0.1.0\"\n",
        "/other/src/main.oats": "import { m } from \"./missing\";\n",
    ]

    func folders(added: [String] = [], removed: [String] = []) -> JSONValue {
        func list(_ paths: [String]) -> JSONValue { .array(paths.map { ["uri": .string("file://" + $0), "name": .string(Paths.lastComponent($0))] }) }
        return ["event": ["added": list(added), "removed": list(removed)]]
    }

    @Test("a folder added is loaded as a workspace of its own language and its problems published; taken out, they are withdrawn")
    func addedAndRemoved() async {
        let client = TestClient(files: TestWorkspace.files.merging(Self.other) { a, _ in a })
        await client.start()
        #expect(client.publications() == ["file:///ws/src/main.asthra"])
        client.clearReceived()
        await client.notify("workspace/didChangeWorkspaceFolders", folders(added: ["/other"]))
        #expect(client.publications() == ["file:///other/src/main.oats"])
        #expect(client.published("/other/src/main.oats") == json(#"""
            {"uri":"file:///other/src/main.oats","diagnostics":[{"range":{"start":{"line":0,"character":18},"end":{"line":0,"character":29}},
             "severity":1,"code":"I003","source":"ampu",
             "message":"cannot find module './missing'\nhelp: there is no 'missing.oats' or 'missing/index.oats' in 'src'"}]}
            """#))
        client.clearReceived()
        await client.notify("workspace/didChangeWorkspaceFolders", folders(removed: ["/other"]))
        #expect(client.publications() == ["file:///other/src/main.oats"])
        #expect(client.published("/other/src/main.oats") == json(#"{"uri":"file:///other/src/main.oats","diagnostics":[]}"#))
        // The first folder is still served.
        client.clearReceived()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        await client.change(TestWorkspace.main, version: 2, line: 3, from: 8, to: 24, text: "stdlib/string")
        #expect(client.published(TestWorkspace.main) == json(#"{"uri":"file:///ws/src/main.asthra","diagnostics":[]}"#))
    }

    @Test("a folder added where a workspace was opened for a document is that workspace's folder: the workspace stays when the document closes, as a fresh server given both folders has it")
    func folderOfADocumentsWorkspace() async {
        let other = "/other/src/main.oats"
        let client = TestClient(files: TestWorkspace.files.merging(Self.other) { a, _ in a })
        await client.start()
        // Outside the folder: a workspace of its own, opened from its directory.
        await client.open(other, Self.other[other]!)
        await client.notify("workspace/didChangeWorkspaceFolders", folders(added: ["/other"]))
        await client.notify("textDocument/didClose", ["textDocument": ["uri": .string("file://" + other)]])
        let missing = "cannot find module './missing'\nhelp: there is no 'missing.oats' or 'missing/index.oats' in 'src'"
        #expect(client.published(other)?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == [missing])
        // Taken out, the folder's workspace goes with it.
        await client.notify("workspace/didChangeWorkspaceFolders", folders(removed: ["/other"]))
        #expect(client.published(other)?["diagnostics"] == [])
    }

    @Test("a folder that holds no manifest gets its workspace when one appears on disk, and its problems are published")
    func manifestAppearsInAFolder() async throws {
        let client = TestClient(files: TestWorkspace.files.merging(["/other/src/main.oats": Self.other["/other/src/main.oats"]!]) { a, _ in a })
        _ = await client.request("initialize", ["processId": .null, "capabilities": TestWorkspace.neovimCapabilities,
                                                "workspaceFolders": [["uri": "file:///ws", "name": "ws"], ["uri": "file:///other", "name": "other"]]])
        await client.notify("initialized")
        #expect(client.published("/other/src/main.oats") == nil)
        try client.disk.writeFile("/other/Oats.toml", Array(Self.other["/other/Oats.toml"]!.utf8))
        await client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file:///other/Oats.toml", "type": 1]]])
        #expect(client.published("/other/src/main.oats")?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["I003"])
    }

    @Test("a document whose workspace went with its folder is given to the workspace opening it gives, as a fresh server gives it")
    func documentOfARemovedFolder() async throws {
        let main = "/h/app/src/main.asthra", text = "package main;\nimport \"./missing\";\n"
        let files = [
            // Not a workspace a package can be a member of: `[work` is no table.
            "/h/asthra.toml": "[work\nmembers = [\"app\"]\n",
            "/h/app/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            main: text,
        ]
        let edited = TestClient(files: files)
        await edited.start(root: "/h")
        await edited.open(main, text)
        await edited.notify("workspace/didChangeWorkspaceFolders", folders(added: ["/h/app/src"]))
        try edited.disk.removeItem("/h/app/asthra.toml")
        await edited.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file:///h/app/asthra.toml", "type": 3]]])
        await edited.notify("workspace/didChangeWorkspaceFolders", folders(removed: ["/h/app/src"]))
        var after = files
        after["/h/app/asthra.toml"] = nil
        let fresh = TestClient(files: after)
        await fresh.start(root: "/h")
        await fresh.open(main, text)
        #expect(edited.published(main)?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue }.contains("I003") == true)
        #expect(edited.published(main)?["diagnostics"] == fresh.published(main)?["diagnostics"])
    }

    @Test("workspace folders given at initialize are each loaded; one that holds no manifest is none")
    func atInitialize() async {
        let client = TestClient(files: TestWorkspace.files.merging(Self.other) { a, _ in a }.merging(["/notes/todo.txt": "x\n"]) { a, _ in a })
        _ = await client.request("initialize", ["processId": .null, "capabilities": TestWorkspace.neovimCapabilities,
                                                "workspaceFolders": [["uri": "file:///ws", "name": "ws"], ["uri": "file:///other", "name": "other"],
                                                                     ["uri": "file:///notes", "name": "notes"]]])
        await client.notify("initialized")
        #expect(client.publications().sorted() == ["file:///other/src/main.oats", "file:///ws/src/main.asthra"])
    }
}
