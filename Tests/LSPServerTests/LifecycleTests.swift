import BuildModel
import LSPServer
import Testing

@Suite("Lifecycle and protocol errors")
struct LifecycleTests {
    @Test("initialize answers the capabilities; UTF-16 by default")
    func initializeResult() async {
        let client = TestClient(files: TestWorkspace.files)
        let response = await client.request("initialize", ["rootUri": "file:///ws", "capabilities": TestWorkspace.neovimCapabilities])
        #expect(response == json("""
            {"jsonrpc":"2.0","id":1,"result":{"capabilities":{
              "positionEncoding":"utf-16",
              "textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},
              "completionProvider":{"triggerCharacters":["\\"","/","[",".","="," "],"resolveProvider":false},
              "hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"documentSymbolProvider":true,"documentLinkProvider":{"resolveProvider":false},"workspaceSymbolProvider":true,"documentFormattingProvider":true,"foldingRangeProvider":true,
              "codeActionProvider":{"codeActionKinds":["quickfix","source.fixAll"]},
              "workspace":{"workspaceFolders":{"supported":true,"changeNotifications":true},
                "fileOperations":{"willRename":{"filters":[
                  {"scheme":"file","pattern":{"glob":"**/*.{asthra,ast,oats,elm,npk,aria,rk}","matches":"file"}},
                  {"scheme":"file","pattern":{"glob":"**","matches":"folder"}}]}}},
              "renameProvider":true},
              "serverInfo":{"name":"ampu","version":"\(ToolInfo.version)"}}}
            """))
    }

    @Test("UTF-8 positions when the client offers them; pull diagnostics when it declares them")
    func negotiation() async {
        let client = TestClient(files: TestWorkspace.files)
        let response = await client.request("initialize", ["capabilities": [
            "general": ["positionEncodings": ["utf-8", "utf-16"]],
            "textDocument": ["diagnostic": ["dynamicRegistration": false]],
        ]])
        #expect(response["result"]?["capabilities"]?["positionEncoding"] == "utf-8")
        #expect(response["result"]?["capabilities"]?["diagnosticProvider"] == json(#"{"identifier":"ampu","interFileDependencies":true,"workspaceDiagnostics":true}"#))
        #expect(response["result"]?["capabilities"]?["codeActionProvider"] == true)
    }

    @Test("requests before initialize, unknown methods, bad params, malformed JSON")
    func errors() async {
        let client = TestClient(files: TestWorkspace.files)
        #expect(await client.request("textDocument/hover", client.at(TestWorkspace.main, 0, 0))
                == json(#"{"jsonrpc":"2.0","id":1,"error":{"code":-32002,"message":"the server is not initialized; send 'initialize' first"}}"#))
        await client.start()
        #expect(await client.request("textDocument/semanticTokens/full", [:])
                == json(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"unknown method 'textDocument/semanticTokens/full'"}}"#))
        #expect(await client.request("textDocument/hover", ["textDocument": ["uri": "file:///ws/src/main.asthra"]])
                == json(#"{"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"missing 'position'"}}"#))
        #expect(await client.request("textDocument/hover", ["textDocument": ["uri": "file:///ws/src/main.asthra"], "position": ["line": "one", "character": 0]])
                == json(#"{"jsonrpc":"2.0","id":5,"error":{"code":-32602,"message":"'line' must be an integer"}}"#))
        let malformed = await client.deliver(IncomingMessage.parse(Array(#"{"jsonrpc":"2.0","id":9,"method":"#.utf8)))
        #expect(malformed == [json(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"the message is not valid JSON: unexpected end of JSON input at byte 33"}}"#)])
        // The server keeps serving after a malformed message; unknown notifications are ignored.
        await client.notify("$/unknownNotification", ["x": 1])
        #expect(await client.request("shutdown") == json(#"{"jsonrpc":"2.0","id":6,"result":null}"#))
    }

    @Test("a cancelled request is answered with RequestCancelled")
    func cancellation() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        // The cancellation arrives while the request still waits in the inbox.
        let envelope = client.inbox.receive(.request(id: .number(7), method: "textDocument/hover", params: client.at(TestWorkspace.main, 2, 10)))!
        _ = client.inbox.receive(.notification(method: "$/cancelRequest", params: ["id": 7]))
        _ = await client.server.handle(envelope)
        #expect(client.sink.drain() == [json(#"{"jsonrpc":"2.0","id":7,"error":{"code":-32800,"message":"'textDocument/hover' was cancelled"}}"#)])
    }

    @Test("a request whose document changed while it waited is answered with ContentModified")
    func contentModified() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        let hover = client.inbox.receive(.request(id: .number(8), method: "textDocument/hover", params: client.at(TestWorkspace.main, 2, 10)))!
        let edit = client.inbox.receive(.notification(method: "textDocument/didChange", params: [
            "textDocument": ["uri": "file:///ws/src/main.asthra", "version": 2], "contentChanges": [["text": "package main;\n"]],
        ]))!
        _ = await client.server.handle(hover)
        _ = await client.server.handle(edit)
        #expect(client.sink.drain().first == json(#"{"jsonrpc":"2.0","id":8,"error":{"code":-32801,"message":"the document changed after 'textDocument/hover' was sent"}}"#))
    }

    @Test("shutdown then exit ends with 0; exit alone with 1")
    func exitCodes() async {
        let polite = TestClient(files: TestWorkspace.files)
        await polite.start()
        await polite.request("shutdown")
        #expect(await polite.request("textDocument/hover", polite.at(TestWorkspace.main, 0, 0))
                == json(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32600,"message":"the server is shutting down; only 'exit' is accepted"}}"#))
        await polite.notify("exit")
        #expect(polite.exitCode == 0)

        let abrupt = TestClient(files: TestWorkspace.files)
        await abrupt.start()
        await abrupt.notify("exit")
        #expect(abrupt.exitCode == 1)
    }

    @Test("watched files are registered dynamically when the client allows it")
    func watchedFiles() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start(capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        #expect(client.received.first { $0["method"] == "client/registerCapability" } == json("""
            {"jsonrpc":"2.0","id":1,"method":"client/registerCapability","params":{"registrations":[{"id":"ampu-watched-files",
             "method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/asthra.toml"},
             {"globPattern":"**/Asthra.toml"},{"globPattern":"**/Oats.toml"},{"globPattern":"**/elm.json"},{"globPattern":"**/build.abc"},{"globPattern":"**/rask.build"},{"globPattern":"**/build.rk"},
             {"globPattern":"**/asthra.lock"},{"globPattern":"**/rask.lock"},{"globPattern":"**/*.asthra"},{"globPattern":"**/*.ast"},
             {"globPattern":"**/*.oats"},{"globPattern":"**/*.elm"},{"globPattern":"**/*.npk"},{"globPattern":"**/*.aria"},{"globPattern":"**/*.rk"},
             {"globPattern":"**/*.c"}]}}]}}
            """))
    }
}
