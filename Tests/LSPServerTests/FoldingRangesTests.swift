import BuildModel
import LSPServer
import Testing

@Suite("Folding (textDocument/foldingRange)")
struct FoldingRangesTests {
    /// Each range as `FIRST-LAST kind`, lines counted from 0.
    func folds(_ client: TestClient, _ path: String) async -> [String] {
        let result = await client.request("textDocument/foldingRange", ["textDocument": ["uri": .string("file://" + path)]])["result"] ?? .null
        guard let ranges = result.arrayValue else { return ["not an array: \(result)"] }
        return ranges.map { "\($0["startLine"]?.intValue ?? -1)-\($0["endLine"]?.intValue ?? -1) \($0["kind"]?.stringValue ?? "-")" }
    }

    @Test("TOML: each table from its header to its last entry, arrays over several lines with their closing bracket shown, runs of comment lines")
    func toml() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.manifest, """
            # The application.
            # Built with ampu.
            [package]
            name = "app"
            version = "0.1.0"

            [dependencies]
            mathlib = { path = "mathlib" }

            [workspace]
            members = [
                "a",
                "b",
            ]
            [build]   # one line alone
            [[bin]]
            name = "app"
            path = "src/main.asthra"
            # trailing note

            """)
        let folded = await folds(client, TestWorkspace.manifest)
        #expect(folded == [
            "0-1 comment",  // the two comment lines
            "2-4 region",   // [package]
            "6-7 region",   // [dependencies]
            "9-13 region",  // [workspace], its array's closing bracket too
            "10-12 region", // members = [ … ], the bracket shown
            "15-17 region", // [[bin]]
        ])
    }

    @Test("JSON (elm.json): each object and array over several lines, the closing bracket shown")
    func json() async {
        let client = TestClient(files: ElmWorkspace.files, environment: ["ELM_HOME": "/elm-home", "HOME": "/home/user"])
        await client.start(root: ElmWorkspace.root)
        await client.open(ElmWorkspace.manifest, ElmWorkspace.manifestText)
        let folded = await folds(client, ElmWorkspace.manifest)
        #expect(folded == [
            "2-3 region",   // "source-directories": [ … ], to the line before its bracket
            "6-14 region",  // "dependencies": { … }
            "7-9 region",   // "direct"
            "11-13 region", // "indirect"
            "16-18 region", // "test-dependencies"
        ])
    }

    @Test("build.abc and rask.build: each section and block over several lines")
    func otherManifests() async {
        let aria = TestClient(files: AriaWorkspace.files, environment: ["HOME": "/home/user"])
        await aria.start(root: AriaWorkspace.root)
        await aria.open(AriaWorkspace.manifest, AriaWorkspace.manifestText)
        let sections = await folds(aria, AriaWorkspace.manifest)
        // [project], [variables], [target.core], the targets together, [target.app].
        #expect(sections == ["0-2 region", "4-6 region", "8-11 region", "8-17 region", "13-17 region"])
        let rask = TestClient(files: RaskWorkspace.files, environment: [:])
        await rask.start(root: RaskWorkspace.root)
        await rask.open(RaskWorkspace.manifest, RaskWorkspace.manifestText)
        let blocks = await folds(rask, RaskWorkspace.manifest)
        #expect(blocks == ["0-2 region"])
    }

    @Test("a source file: its imports, from the first to the last")
    func imports() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, "package main;\n\nimport \"stdlib/io\";\n// the runtime\nimport \"internal/runtime\";\nimport \"mathlib\";\n\npub fn main(none) -> void {\n}\n")
        #expect(await folds(client, TestWorkspace.main) == ["2-5 imports"])
        await client.change(TestWorkspace.main, version: 2, text: "package main;\n\nimport \"stdlib/io\";\n")
        #expect(await folds(client, TestWorkspace.main) == [])
    }

    @Test("no more ranges than the client takes (rangeLimit)")
    func limit() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start(capabilities: ["textDocument": ["foldingRange": ["rangeLimit": 2]]])
        await client.open(TestWorkspace.manifest, "[a]\nx = 1\ny = 2\n[b]\nx = 1\ny = 2\n[c]\nx = 1\ny = 2\n")
        #expect(await folds(client, TestWorkspace.manifest) == ["0-2 region", "3-5 region"])
    }
}
