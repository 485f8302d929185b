import BuildModel
import LSPServer
import Testing

/// Messages a broken or hostile client may send: each is answered (or ignored) as the protocol
/// says, and the server goes on serving.
@Suite("Hostile client")
struct HostileClientTests {
    @Test("an id that is a number outside Int64, or not whole, is an Invalid Request answered with id null", arguments: [
        "1e300", "1e19", "-1e19", "9.3e18", "1.5", "true", "[1]", "{}",
    ])
    func badIDs(id: String) async {
        let client = TestClient(files: TestWorkspace.files)
        let message = IncomingMessage.parse(Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"initialize","params":{}}"#.utf8))
        #expect(await client.deliver(message)
                == [json(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"'id' must be a number or a string"}}"#)])
        // Still serving: initialize works.
        #expect(await client.request("initialize", ["capabilities": [:]])["result"]?["capabilities"] != nil)
    }

    @Test("a whole number written with an exponent is a valid id")
    func exponentID() async {
        let client = TestClient(files: TestWorkspace.files)
        let message = IncomingMessage.parse(Array(#"{"jsonrpc":"2.0","id":2e3,"method":"shutdown"}"#.utf8))
        #expect(await client.deliver(message)
                == [json(#"{"jsonrpc":"2.0","id":2000,"error":{"code":-32002,"message":"the server is not initialized; send 'initialize' first"}}"#)])
    }

    @Test("a cancellation with an id that is not a valid id, or of no waiting request, is dropped")
    func cancellationsAreNotKept() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        for id: JSONValue in [.double(1e300), .double(-1e19), .int(42), .string("x")] {
            _ = client.inbox.receive(.notification(method: "$/cancelRequest", params: ["id": id]))
        }
        #expect(client.inbox.heldCounts == (waiting: 0, cancelled: 0))
        // A later request that reuses id 42 is answered, not cancelled.
        let response = await client.deliver(.request(id: .number(42), method: "shutdown", params: .null))
        #expect(response == [json(#"{"jsonrpc":"2.0","id":42,"result":null}"#)])
        #expect(client.inbox.heldCounts == (waiting: 0, cancelled: 0))
    }

    @Test("positions as large as Int64 allows are clamped in every encoding", arguments: [
        [String](), ["utf-8"], ["utf-32"],
    ])
    func hugePositions(encodings: [String]) async {
        let client = TestClient(files: TestWorkspace.files)
        _ = await client.request("initialize", ["rootUri": "file:///ws", "capabilities": ["general": ["positionEncodings": .array(encodings.map { .string($0) })]]])
        await client.notify("initialized")
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        let huge = Int64.max
        let hover = await client.request("textDocument/hover", client.at(TestWorkspace.main, 1, huge))
        #expect(hover == json(#"{"jsonrpc":"2.0","id":2,"result":null}"#))
        let far = await client.request("textDocument/hover", client.at(TestWorkspace.main, huge, huge))
        #expect(far == json(#"{"jsonrpc":"2.0","id":3,"result":null}"#))
        // An edit at such a position appends at the end of line 2 ("import "stdlib/io";").
        await client.change(TestWorkspace.main, version: 2, line: 2, from: huge, to: huge, text: " // x")
        let symbols = await client.request("textDocument/hover", client.at(TestWorkspace.main, 2, 10))
        #expect(symbols["result"]?["contents"] != nil)
        #expect(await client.request("shutdown") == json(#"{"jsonrpc":"2.0","id":5,"result":null}"#))
    }

    @Test("notifications before initialize are ignored and publish nothing")
    func notificationsBeforeInitialize() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.open(TestWorkspace.manifest, "[package]\nname = 1\n")
        #expect(client.received == [])
        let response = await client.request("initialize", ["rootUri": "file:///ws", "capabilities": [:]])
        #expect(response["result"]?["capabilities"] != nil)
        // The document was not opened: a request on it answers from the disk's text.
        #expect(client.received == [])
    }

    @Test("a change to a document never opened, one without contentChanges, a close of one never opened: dropped, and the server goes on")
    func badDocumentNotifications() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        client.clearReceived()
        await client.change("/ws/src/util.asthra", version: 2, text: "package main;\nimport \"./nowhere\";\n")
        await client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///ws/src/main.asthra", "version": 2]])
        await client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///ws/src/never.asthra"]])
        await client.notify("textDocument/didChange", [:])
        #expect(client.received == [])
        // Still serving: an edit of an opened document is published as usual.
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        await client.change(TestWorkspace.main, version: 2, line: 3, from: 8, to: 24, text: "stdlib/string")
        #expect(client.published(TestWorkspace.main) == json(#"{"uri":"file:///ws/src/main.asthra","diagnostics":[]}"#))
    }

    @Test("a file with more than 1,000 problems publishes the first 1,000 and one that counts the rest")
    func publishedLimit() async {
        // 5,005 imports: resolved on every core, in batches; the diagnostics stay in source order.
        let text = "package main;\n" + (0..<5005).map { "import \"./nowhere\($0)\";\n" }.joined()
        var files = TestWorkspace.files
        files[TestWorkspace.main] = text
        let client = TestClient(files: files)
        await client.start()
        await client.open(TestWorkspace.main, text)
        let diagnostics = client.published(TestWorkspace.main)?["diagnostics"]?.arrayValue ?? []
        #expect(diagnostics.count == 1001)
        #expect(diagnostics.first?["message"]?.stringValue?.hasPrefix("cannot find module './nowhere0'") == true)
        #expect(diagnostics.dropLast().enumerated().allSatisfy { $0.element["range"]?["start"]?["line"]?.intValue == Int64($0.offset + 1) })
        #expect(diagnostics.last == json("""
            {"range":{"start":{"line":1001,"character":7},"end":{"line":1001,"character":22}},"severity":3,"source":"ampu",
             "message":"4005 more problems in this file are not shown (the first 1000 are)\\nhelp: `ampu check` lists them all"}
            """))
    }

    @Test("an outline lists at most 10,000 symbols")
    func symbolLimit() async {
        let text = "package main;\n" + (0..<10_005).map { "import \"./m\($0)\";\n" }.joined()
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, text)
        let symbols = await client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///ws/src/main.asthra"]])
        let list = symbols["result"]?.arrayValue ?? []
        #expect(list.count == 10_000)
        #expect(list.first?["name"] == "main")
        #expect(list.last?["name"] == "./m9998")
    }

    @Test("a document above 32 MiB gets one W006 diagnostic and no answers until it is smaller")
    func oversizedDocument() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        let huge = TestWorkspace.mainText + String(repeating: "// padding padding padding padding\n", count: 1_000_000)
        await client.open(TestWorkspace.main, huge)
        #expect(client.published(TestWorkspace.main) == json("""
            {"uri":"file:///ws/src/main.asthra","diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},
             "severity":2,"code":"W006","source":"ampu",
             "message":"this file is 33.3 MiB; the language server analyses files of up to 32 MiB\\nhelp: `ampu check` still checks it"}]}
            """))
        #expect(await client.request("textDocument/hover", client.at(TestWorkspace.main, 3, 10)) == json(#"{"jsonrpc":"2.0","id":2,"result":null}"#))
        await client.notify("textDocument/didChange", [
            "textDocument": ["uri": "file:///ws/src/main.asthra", "version": 2], "contentChanges": [["text": .string(TestWorkspace.mainText)]],
        ])
        #expect(client.published(TestWorkspace.main)?["diagnostics"]?.arrayValue?.map { $0["code"] } == ["I006"])
        #expect(await client.request("textDocument/hover", client.at(TestWorkspace.main, 3, 10))["result"]?["contents"] != nil)
    }
}
