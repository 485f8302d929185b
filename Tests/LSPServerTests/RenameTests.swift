import BuildModel
import LSPServer
import Testing

@Suite("Renaming a module by its name in an import (textDocument/prepareRename, textDocument/rename)")
struct RenameTests {
    /// The test client's capabilities with what Neovim says of renames: it renames files an
    /// edit names (`resourceOperations`), and asks before it renames (`prepareSupport`).
    static var capabilities: JSONValue {
        guard case .object(var all) = TestWorkspace.neovimCapabilities, case .object(var document)? = all["textDocument"] else { return .null }
        document["rename"] = ["prepareSupport": true]
        all["textDocument"] = .object(document)
        all["workspace"] = ["workspaceEdit": ["resourceOperations": ["rename", "create", "delete"]]]
        return .object(all)
    }

    static func files(main: String) -> [String: String] {
        var files = TestWorkspace.files
        files[TestWorkspace.main] = main
        files["/ws/src/models/user.asthra"] = "package models;\n\nimport \"../util\";\n"
        files["/ws/src/models/role.asthra"] = "package models;\n\nimport \"./user\";\nimport \"./user\";\n"
        return files
    }

    func client(main cursor: Marked) async -> TestClient {
        let client = TestClient(files: Self.files(main: cursor.text))
        await client.start(capabilities: Self.capabilities)
        await client.open(TestWorkspace.main, cursor.text)
        return client
    }

    /// `textDocument/rename` at the cursor, to `newName`: the whole reply.
    func rename(_ client: TestClient, _ cursor: Marked, to newName: String) async -> JSONValue {
        guard case .object(var params) = client.at(TestWorkspace.main, cursor) else { return .null }
        params["newName"] = .string(newName)
        return await client.request("textDocument/rename", .object(params))
    }

    @Test("the server renames only for a client that renames files as told, and says whether it prepares")
    func capability() async {
        let neovim = TestClient(files: TestWorkspace.files)
        #expect(await neovim.start(capabilities: Self.capabilities)["result"]?["capabilities"]?["renameProvider"] == ["prepareProvider": true])
        // Emacs 29's eglot: versioned document changes, no file operations.
        let eglot = TestClient(files: TestWorkspace.files)
        #expect(await eglot.start(capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])["result"]?["capabilities"]?["renameProvider"] == nil)
    }

    @Test("the name an import gives a module is what prepareRename offers; rename spells every import of it anew, as each was written, then renames its file")
    func module() async {
        let cursor = Marked("package main;\n\nimport \"./util\";\nimport \"./models/us$0er\";\n")
        let client = await client(main: cursor)
        #expect(await client.request("textDocument/prepareRename", client.at(TestWorkspace.main, cursor))["result"] == json("""
            {"range":{"start":{"line":3,"character":17},"end":{"line":3,"character":21}},"placeholder":"user"}
            """))
        #expect(await rename(client, cursor, to: "person")["result"] == json("""
            {"documentChanges":[
              {"textDocument":{"uri":"file:///ws/src/main.asthra","version":1},
               "edits":[{"range":{"start":{"line":3,"character":8},"end":{"line":3,"character":21}},"newText":"./models/person"}]},
              {"textDocument":{"uri":"file:///ws/src/models/role.asthra","version":null},
               "edits":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":14}},"newText":"./person"},
                        {"range":{"start":{"line":3,"character":8},"end":{"line":3,"character":14}},"newText":"./person"}]},
              {"kind":"rename","oldUri":"file:///ws/src/models/user.asthra","newUri":"file:///ws/src/models/person.asthra"}]}
            """))
    }

    @Test("written with its extension (Aria's `use \"core.aria\"`), the name is the part before it and the extension stays; a manifest that lists the file by name follows it")
    func withExtension() async {
        var files = AriaWorkspace.files
        files[AriaWorkspace.manifest] = AriaWorkspace.manifestText.replacingOccurrences(of: "sources = [\"lib/*.aria\"]", with: "sources = [\"lib/core.aria\", \"./lib/strings.aria\"]")
        let cursor = Marked(AriaWorkspace.mainText.replacingOccurrences(of: "use \"core.aria\"", with: "use \"co$0re.aria\""))
        files[AriaWorkspace.main] = cursor.text
        let client = TestClient(files: files, environment: ["HOME": "/home/user"])
        await client.start(root: AriaWorkspace.root, capabilities: Self.capabilities)
        await client.open(AriaWorkspace.main, cursor.text)
        #expect(await client.request("textDocument/prepareRename", client.at(AriaWorkspace.main, cursor))["result"] == json("""
            {"range":{"start":{"line":0,"character":5},"end":{"line":0,"character":9}},"placeholder":"core"}
            """))
        guard case .object(var params) = client.at(AriaWorkspace.main, cursor) else { return }
        params["newName"] = "kernel"
        let reply = await client.request("textDocument/rename", .object(params))["result"]
        #expect(reply == json("""
            {"documentChanges":[
              {"textDocument":{"uri":"file:///aria/app/src/main.aria","version":1},
               "edits":[{"range":{"start":{"line":0,"character":5},"end":{"line":0,"character":14}},"newText":"kernel.aria"}]},
              {"textDocument":{"uri":"file:///aria/app/build.abc","version":null},
               "edits":[{"range":{"start":{"line":10,"character":11},"end":{"line":10,"character":26}},"newText":"\\"lib/kernel.aria\\""}]},
              {"kind":"rename","oldUri":"file:///aria/app/lib/core.aria","newUri":"file:///aria/app/lib/kernel.aria"}]}
            """))
    }

    @Test("an import of a directory's files names the directory: it is renamed, and each import of it follows")
    func directory() async {
        let cursor = Marked("package main;\n\nimport \"./pa$0rts\";\n")
        var files = Self.files(main: cursor.text)
        files["/ws/src/parts/a.asthra"] = "package parts;\n"
        files["/ws/src/parts/b.asthra"] = "package parts;\n"
        files["/ws/src/models/user.asthra"] = "package models;\n\nimport \"../parts\";\n"
        let client = TestClient(files: files)
        await client.start(capabilities: Self.capabilities)
        await client.open(TestWorkspace.main, cursor.text)
        #expect(await client.request("textDocument/prepareRename", client.at(TestWorkspace.main, cursor))["result"] == json("""
            {"range":{"start":{"line":2,"character":10},"end":{"line":2,"character":15}},"placeholder":"parts"}
            """))
        let reply = await rename(client, cursor, to: "pieces")["result"]
        #expect(reply == json("""
            {"documentChanges":[
              {"textDocument":{"uri":"file:///ws/src/main.asthra","version":1},
               "edits":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":15}},"newText":"./pieces"}]},
              {"textDocument":{"uri":"file:///ws/src/models/user.asthra","version":null},
               "edits":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":16}},"newText":"../pieces"}]},
              {"kind":"rename","oldUri":"file:///ws/src/parts","newUri":"file:///ws/src/pieces"}]}
            """))
    }

    @Test("nothing to rename where no import names a module file (a package, the standard library, the statement's keyword): prepareRename says null and rename fails")
    func nothing() async {
        for marked in ["package main;\n\nimport \"mathl$0ib\";\n", "package main;\n\nimport \"stdlib/i$0o\";\n", "package main;\n\nimp$0ort \"./util\";\n"] {
            let cursor = Marked(marked)
            let client = await client(main: cursor)
            #expect(await client.request("textDocument/prepareRename", client.at(TestWorkspace.main, cursor))["result"] == .null, "\(marked)")
            #expect(await rename(client, cursor, to: "x")["error"] == json("""
                {"code":-32803,"message":"nothing to rename here: a module is renamed by its name in an import"}
                """), "\(marked)")
        }
    }

    @Test("a name that cannot be a file's beside the module, or one taken, is refused with why")
    func refused() async {
        let cursor = Marked("package main;\n\nimport \"./models/us$0er\";\n")
        let client = await client(main: cursor)
        let refusals: [(String, String)] = [
            ("models/person", "'models/person' cannot be a module's name: a name has no '/' (to move the module, move its file)"),
            ("", "'' cannot be a module's name: it is empty"),
            (".user", "'.user' cannot be a module's name: a name that begins with '.' is a hidden file's"),
            ("us\"er", "'us\"er' cannot be a module's name: it holds a quote, a backslash or a control character"),
            ("role", "'/ws/src/models/role.asthra' is there already"),
        ]
        for (name, message) in refusals {
            #expect(await rename(client, cursor, to: name)["error"] == ["code": -32803, "message": .string(message)], "\(name)")
        }
        // Its own name: nothing changes.
        #expect(await rename(client, cursor, to: "user")["result"] == json(#"{"documentChanges":[]}"#))
    }
}
