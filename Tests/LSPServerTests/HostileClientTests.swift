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
}
