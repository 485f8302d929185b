import BuildModel
import LSPServer
import Testing

@Suite("Find references: the imports that lead to a module, a package or a dependency")
struct ReferencesTests {
    /// TestWorkspace with a second module that imports the first's modules and `./util`.
    static let other = "/ws/src/other.asthra"
    static let otherText = "package main;\n\nimport \"stdlib/io\";\nimport \"./util\";\nimport \"mathlib\";\n"

    func started(_ changed: [String: String]) async -> TestClient {
        var files = TestWorkspace.files
        files[Self.other] = Self.otherText
        for (path, text) in changed { files[path] = text }
        let client = TestClient(files: files)
        await client.start()
        return client
    }

    func references(_ client: TestClient, _ path: String, _ marked: Marked, declaration: Bool = false) async -> JSONValue {
        await client.request("textDocument/references", [
            "textDocument": ["uri": .string("file://" + path)],
            "position": ["line": .int(marked.line), "character": .int(marked.character)],
            "context": ["includeDeclaration": .bool(declaration)],
        ])["result"] ?? .null
    }

    /// `file:line:start-end` for each location, to read whole answers at a glance.
    func places(_ result: JSONValue) -> [String] {
        (result.arrayValue ?? []).map { location in
            let range = location["range"]!
            return "\(location["uri"]!.stringValue!.dropFirst("file://".count)):\(range["start"]!["line"]!.intValue!):\(range["start"]!["character"]!.intValue!)-\(range["end"]!["character"]!.intValue!)"
        }
    }

    @Test("on an import: every import of the same module, with the module's declaration when asked")
    func ofAnImport() async {
        let main = Marked(TestWorkspace.mainText.replacingOccurrences(of: "\"stdlib/io\"", with: "\"std$0lib/io\""))
        let client = await started([TestWorkspace.main: main.text])
        #expect(places(await references(client, TestWorkspace.main, main)) == ["/ws/src/main.asthra:2:7-18", "/ws/src/other.asthra:2:7-18"])
        #expect(places(await references(client, TestWorkspace.main, main, declaration: true))
                == ["/home/asthra/stdlib/io.asthra:0:8-18", "/ws/src/main.asthra:2:7-18", "/ws/src/other.asthra:2:7-18"])
    }

    @Test("on a whole package's import: every import of that package; on a relative one, the imports of that file")
    func ofAPackageImport() async {
        let other = Marked(Self.otherText.replacingOccurrences(of: "\"mathlib\"", with: "\"mathlib\"$0"))
        let client = await started([Self.other: other.text])
        #expect(places(await references(client, Self.other, other, declaration: true))
                == ["/ws/mathlib/asthra.toml:1:7-16", "/ws/src/main.asthra:4:7-16", "/ws/src/other.asthra:4:7-16"])
        let relative = Marked(Self.otherText.replacingOccurrences(of: "\"./util\"", with: "\"./$0util\""))
        #expect(places(await references(client, Self.other, relative)) == ["/ws/src/other.asthra:3:7-15"])
    }

    @Test("elsewhere in a source: the imports of that file; none is an empty list")
    func ofAFile() async {
        let util = Marked("pack$0age main;\n")
        let client = await started(["/ws/src/util.asthra": util.text])
        #expect(places(await references(client, "/ws/src/util.asthra", util, declaration: true))
                == ["/ws/src/util.asthra:0:8-12", "/ws/src/other.asthra:3:7-15"])
        let main = Marked(TestWorkspace.mainText.replacingOccurrences(of: "package main;", with: "package main;$0"))
        #expect(await references(client, TestWorkspace.main, main) == .array([]))
    }

    @Test("on an import that leads nowhere, or one repeated: null, not the imports of the file it is in")
    func ofABrokenImport() async {
        let broken = Marked("package main;\n\nimport \"./mis$0sing\";\n")
        let client = await started(["/ws/src/util.asthra": broken.text])
        #expect(await references(client, "/ws/src/util.asthra", broken) == .null)
        let repeated = Marked(Self.otherText + "import \"./ut$0il\";\n")
        let second = await started([Self.other: repeated.text])
        #expect(await references(second, Self.other, repeated) == .null)
    }

    @Test("in a manifest: a dependency's imports in the package; the package's name, its imports from other packages; null elsewhere")
    func inAManifest() async {
        let manifest = Marked(TestWorkspace.manifestText.replacingOccurrences(of: "mathlib = {", with: "math$0lib = {"))
        let client = await started([TestWorkspace.manifest: manifest.text])
        #expect(places(await references(client, TestWorkspace.manifest, manifest, declaration: true))
                == ["/ws/asthra.toml:5:0-7", "/ws/src/main.asthra:4:7-16", "/ws/src/other.asthra:4:7-16"])
        let mathlib = Marked("[package]\nname = \"math$0lib\"\nversion = \"0.2.0\"\n")
        let second = await started([TestWorkspace.manifest: manifest.text, "/ws/mathlib/asthra.toml": mathlib.text])
        #expect(places(await references(second, "/ws/mathlib/asthra.toml", mathlib)) == ["/ws/src/main.asthra:4:7-16", "/ws/src/other.asthra:4:7-16"])
        let build = Marked(TestWorkspace.manifestText.replacingOccurrences(of: "[build]", with: "[bu$0ild]"))
        #expect(await references(client, TestWorkspace.manifest, build) == .null)
    }

    @Test("in every workspace the server has: a folder beside this one whose package imports the module through a path dependency, each import once")
    func acrossFolders() async {
        let client = TestClient(files: RenameTests.twoFolders, environment: [:])
        await client.start(root: "/lib")
        await client.notify("workspace/didChangeWorkspaceFolders", ["event": ["added": [["uri": "file:///app", "name": "app"]], "removed": []]])
        let lib = Marked("package lib;\n\nimport \"./vec$0tor\";\n")
        await client.open("/lib/src/lib.asthra", lib.text)
        let fromLibrary = places(await references(client, "/lib/src/lib.asthra", lib, declaration: true))
        #expect(fromLibrary == [
            "/lib/src/vector.asthra:0:8-11", "/lib/src/lib.asthra:2:7-17", "/app/src/main.asthra:2:7-19",
        ])
        // From the program's side, the library's own import of the module is found too.
        let main = Marked("package main;\n\nimport \"lib/vec$0tor\";\n")
        await client.open("/app/src/main.asthra", main.text)
        let fromProgram = places(await references(client, "/app/src/main.asthra", main))
        #expect(fromProgram == ["/app/src/main.asthra:2:7-19", "/lib/src/lib.asthra:2:7-17"])
    }
}
