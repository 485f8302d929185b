import BuildModel
import LSPServer
import Testing

@Suite("Workspace symbols: packages and modules by name")
struct WorkspaceSymbolTests {
    func search(_ client: TestClient, _ query: String) async -> [String] {
        let result = await client.request("workspace/symbol", ["query": .string(query)])["result"]
        return (result?.arrayValue ?? []).map { symbol in
            let location = symbol["location"]!, start = location["range"]!["start"]!
            let container = symbol["containerName"]?.stringValue.map { " in \($0)" } ?? ""
            return "\(symbol["name"]!.stringValue!) (\(symbol["kind"]!.intValue!))\(container) "
                + "\(location["uri"]!.stringValue!.dropFirst("file://".count)):\(start["line"]!.intValue!):\(start["character"]!.intValue!)"
        }
    }

    @Test("every package (4) at its name and each member's module (2) at its declaration; the best matches first")
    func search() async {
        var files = TestWorkspace.files
        files["/ws/src/models/user.asthra"] = "package models;\n"
        let client = TestClient(files: files)
        await client.start()
        #expect(await search(client, "") == [
            "app (4) /ws/asthra.toml:1:7",
            "mathlib (4) /ws/mathlib/asthra.toml:1:7",
            "src/main (2) in app /ws/src/main.asthra:0:8",
            "src/util (2) in app /ws/src/util.asthra:0:8",
            "src/models/user (2) in app /ws/src/models/user.asthra:0:8",
        ])
        // The start of the last part first, then the query as one piece, then in order only.
        #expect(await search(client, "M") == ["mathlib (4) /ws/mathlib/asthra.toml:1:7", "src/main (2) in app /ws/src/main.asthra:0:8",
                                              "src/models/user (2) in app /ws/src/models/user.asthra:0:8"])
        #expect(await search(client, "sin") == ["src/main (2) in app /ws/src/main.asthra:0:8"])
        #expect(await search(client, "mdu") == ["src/models/user (2) in app /ws/src/models/user.asthra:0:8"])
        #expect(await search(client, "zzz") == [])
        #expect(await client.request("workspace/symbol", [:])["error"]?["code"] == -32602)
    }
}
