import BuildModel
import LSPServer
import Testing

/// An Oats app with a path dependency, served from its directory.
enum OatsWorkspace {
    static let root = "/oats/app"
    static let manifest = "/oats/app/Oats.toml"
    static let main = "/oats/app/src/main.oats"
    static let manifestText = """
        [package]
        name = "app"
        version = "0.1.0"

        [dependencies]
        mylib = { path = "../mylib" }

        [build]
        profile = "dev"

        """
    static let mainText = """
        import { add } from "mylib";
        import * as math from "./math";

        export function main(): number {
            return add(math.two(), 3);
        }

        """
    static var files: [String: String] {
        [
            manifest: manifestText,
            main: mainText,
            "/oats/app/src/math.oats": "export function two(): number { return 2; }\n",
            "/oats/app/src/shapes/index.oats": "",
            "/oats/mylib/Oats.toml": "[package]\nname = \"mylib\"\nversion = \"0.2.0\"\ndescription = \"Adding numbers.\"\nentry = \"src/lib.oats\"\n",
            "/oats/mylib/src/lib.oats": "export function add(a: number, b: number): number { return a + b; }\n",
            "/oats/json/Oats.toml": "[package]\nname = \"json\"\nversion = \"1.0.0\"\n",
            "/oats/json/src/main.oats": "",
        ]
    }
}

@Suite("The server for Oats")
struct OatsServerTests {
    func started() async -> TestClient {
        let client = TestClient(files: OatsWorkspace.files, environment: [:])
        await client.start(root: OatsWorkspace.root)
        return client
    }

    func labels(_ response: JSONValue) -> [String] {
        response["result"]?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
    }

    @Test("diagnostics of an open source, as the CLI reports them, with the fix that declares the package")
    func diagnostics() async {
        let client = await started()
        await client.open(OatsWorkspace.main, "import { parse } from \"json\";\n")
        #expect(client.published(OatsWorkspace.main) == json(#"""
            {"uri":"file:///oats/app/src/main.oats","diagnostics":[
             {"range":{"start":{"line":0,"character":22},"end":{"line":0,"character":28}},"severity":1,"code":"I004","source":"ampu",
              "message":"package 'json' is not declared in [dependencies] of 'app'\nhelp: add json = { path = \"…\" } under [dependencies] in Oats.toml, or import a module of this package as \"./json\""}]}
            """#))
        let range: JSONValue = ["start": ["line": 0, "character": 24], "end": ["line": 0, "character": 24]]
        let actions = await client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///oats/app/src/main.oats"], "range": range, "context": ["diagnostics": []]])
        #expect(actions["result"]?[0]?["title"] == "Add 'json' = { path = \"../json\" } to [dependencies] of 'app'")
        #expect(actions["result"]?[0]?["edit"] == json(#"""
            {"changes":{"file:///oats/app/Oats.toml":[{"range":{"start":{"line":6,"character":0},"end":{"line":6,"character":0}},"newText":"json = { path = \"../json\" }\n"}]}}
            """#))
    }

    /// `/oats/mylib/Oats.toml` with a profile only a root's manifest is checked for.
    static let mylibManifest = "/oats/mylib/Oats.toml"
    static let mylibText = OatsWorkspace.files[mylibManifest]! + "\n[build]\nprofile = \"relase\"\n"
    static let appText = OatsWorkspace.manifestText.replacingOccurrences(of: "profile = \"dev\"", with: "profile = \"relase\"")

    func messages(_ client: TestClient, _ path: String) -> [String]? {
        client.published(path)?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue }
    }

    @Test("a dependency's open manifest, held by the workspace of a package that depends on it, gets a workspace of its own once that package's documents are closed, as a fresh server has it")
    func dependencyGetsItsOwnWorkspace() async {
        var files = OatsWorkspace.files
        (files[OatsWorkspace.manifest], files[Self.mylibManifest]) = (Self.appText, Self.mylibText)
        // No folder: each document gets the workspace opening it gives.
        let edited = TestClient(files: files, environment: [:])
        await edited.start(root: "/nothing")
        await edited.open(OatsWorkspace.manifest, Self.appText)
        await edited.open(Self.mylibManifest, Self.mylibText)
        await edited.notify("textDocument/didClose", ["textDocument": ["uri": .string("file://" + OatsWorkspace.manifest)]])
        let fresh = TestClient(files: files, environment: [:])
        await fresh.start(root: "/nothing")
        await fresh.open(Self.mylibManifest, Self.mylibText)
        #expect(messages(edited, Self.mylibManifest) == [
            "unknown build.profile 'relase'\nnote: 'build.profile' is one of: dev, release\nhelp: did you mean 'release'?",
        ])
        #expect(edited.published(Self.mylibManifest) == fresh.published(Self.mylibManifest))
        // The app's workspace is gone with its last document.
        #expect(messages(edited, OatsWorkspace.manifest) == [])
    }

    @Test("a document held, when it was opened, by the workspace of a package that depends on its own gets its own workspace once that package's documents are closed, though the workspace stays for another document")
    func dependencyWorkspaceBesidesAKeptOne() async {
        let lib = "/oats/mylib/src/lib.oats", libText = "import { parse } from \"json\";\n"
        var files = OatsWorkspace.files
        files[lib] = libText
        let edited = TestClient(files: files, environment: [:])
        await edited.start(root: "/nothing")
        await edited.open(OatsWorkspace.manifest, OatsWorkspace.manifestText)
        await edited.open(lib, libText)
        await edited.open(OatsWorkspace.main, OatsWorkspace.mainText)
        await edited.notify("textDocument/didClose", ["textDocument": ["uri": .string("file://" + OatsWorkspace.manifest)]])
        // A fresh server opens mylib's workspace for lib.oats, then the app's for main.oats.
        let fresh = TestClient(files: files, environment: [:])
        await fresh.start(root: "/nothing")
        await fresh.open(lib, libText)
        await fresh.open(OatsWorkspace.main, OatsWorkspace.mainText)
        // As the root of its own workspace, mylib's imports are checked (as a dependency's, they are not).
        #expect(messages(edited, lib) == [
            "package 'json' is not declared in [dependencies] of 'mylib'\nhelp: add json = { path = \"…\" } under [dependencies] in Oats.toml, or import a module of this package as \"./json\"",
        ])
        for path in [lib, OatsWorkspace.manifest, OatsWorkspace.main] { #expect(edited.published(path) == fresh.published(path)) }
    }

    @Test("a workspace kept for a document that the workspace opened for an earlier document holds too goes, as a fresh server (which opens that one first) has it")
    func workspaceOpenedSinceHoldsTheDocument() async {
        // mylib depends on the app, as the app on mylib.
        let mylibText = OatsWorkspace.files[Self.mylibManifest]! + "\n[dependencies]\napp = { path = \"../app\" }\n"
        let mainText = "import { parse } from \"json\";\n"
        var files = OatsWorkspace.files
        (files[Self.mylibManifest], files[OatsWorkspace.main]) = (mylibText, mainText)
        let edited = TestClient(files: files, environment: [:])
        await edited.start(root: "/nothing")
        await edited.open(OatsWorkspace.main, mainText)
        // Both held by the app's workspace: mylib's manifest as a dependency's.
        await edited.open(Self.mylibManifest, mylibText)
        await edited.open(OatsWorkspace.manifest, OatsWorkspace.manifestText)
        let undeclared = "package 'json' is not declared in [dependencies] of 'app'\nhelp: add json = { path = \"…\" } under [dependencies] in Oats.toml, or import a module of this package as \"./json\""
        #expect(messages(edited, OatsWorkspace.main) == [undeclared])
        await edited.notify("textDocument/didClose", ["textDocument": ["uri": .string("file://" + OatsWorkspace.main)]])
        // A fresh server opens mylib's workspace for its manifest; it holds the app's manifest
        // (a dependency's), so the app gets no workspace, and main.oats is a dependency's module.
        let fresh = TestClient(files: files, environment: [:])
        await fresh.start(root: "/nothing")
        await fresh.open(Self.mylibManifest, mylibText)
        await fresh.open(OatsWorkspace.manifest, OatsWorkspace.manifestText)
        #expect(messages(edited, OatsWorkspace.main) == [])
        // (A fresh server publishes nothing for a file without problems; the edited one an empty list.)
        for path in [Self.mylibManifest, OatsWorkspace.manifest, OatsWorkspace.main] {
            #expect((edited.published(path)?["diagnostics"] ?? []) == (fresh.published(path)?["diagnostics"] ?? []))
        }
    }

    @Test("import completion: the forms and dependencies, then a directory's modules")
    func importCompletion() async {
        let client = await started()
        let top = Marked("import { x } from \"$0\";\n")
        await client.open("/oats/app/src/new.oats", top.text)
        #expect(labels(await client.request("textDocument/completion", client.at("/oats/app/src/new.oats", top))) == ["./", "../", "mylib"])
        let local = Marked("import { x } from \"./$0\";\n")
        await client.open("/oats/app/src/new.oats", local.text, version: 2)
        #expect(labels(await client.request("textDocument/completion", client.at("/oats/app/src/new.oats", local))) == ["./main", "./math", "./shapes"])
    }

    @Test("manifest completion from Oats's schema: keys not yet written, enumerated values, sections")
    func manifestCompletion() async {
        let client = await started()
        let key = Marked("[package]\nname = \"app\"\nen$0\n")
        await client.open(OatsWorkspace.manifest, key.text)
        let keys = await client.request("textDocument/completion", client.at(OatsWorkspace.manifest, key))
        #expect(labels(keys) == ["version", "authors", "description", "license", "entry"])
        #expect(keys["result"]?["items"]?[4]?["textEdit"]?["newText"] == "entry = \"src/main.oats\"")
        let value = Marked("[package]\nname = \"app\"\n\n[build.profiles.release]\nopt-level = $0\n")
        await client.open(OatsWorkspace.manifest, value.text, version: 2)
        #expect(labels(await client.request("textDocument/completion", client.at(OatsWorkspace.manifest, value)))
                == ["\"none\"", "\"default\"", "\"aggressive\""])
        let section = Marked("[package]\nname = \"app\"\n[$0\n")
        await client.open(OatsWorkspace.manifest, section.text, version: 3)
        #expect(labels(await client.request("textDocument/completion", client.at(OatsWorkspace.manifest, section)))
                == ["dependencies", "build", "build.profiles"])
        // A path dependency's directory: the packages beside the app, the one named so first.
        let path = Marked("[package]\nname = \"app\"\n\n[dependencies]\nmylib = { path = \"$0\" }\n")
        await client.open(OatsWorkspace.manifest, path.text, version: 4)
        let paths = await client.request("textDocument/completion", client.at(OatsWorkspace.manifest, path))
        #expect(labels(paths) == ["../mylib", "../json"])
        #expect(paths["result"]?["items"]?[0]?["detail"] == "package mylib")
    }

    @Test("hover: an import's package and target; a manifest key; a dependency")
    func hover() async {
        let client = await started()
        let onImport = Marked("import { add } from \"my$0lib\";\n")
        await client.open(OatsWorkspace.main, onImport.text)
        #expect(await client.request("textDocument/hover", client.at(OatsWorkspace.main, onImport))["result"]?["contents"]?["value"]
                == .string("**third-party import** `mylib`\n\nPackage **mylib** 0.2.0 — Adding numbers.\n\nDeclared in `Oats.toml` [dependencies]: path ../mylib\n\nResolves to `../mylib/src/lib.oats`"))
        let onKey = Marked(OatsWorkspace.manifestText.replacingOccurrences(of: "profile = ", with: "pro$0file = "))
        #expect(await client.request("textDocument/hover", client.at(OatsWorkspace.manifest, onKey))["result"]?["contents"]?["value"]
                == .string("**profile** (string)\n\nThe profile builds use: `dev`, `release` or one of `[build.profiles.*]`. Default: `dev`.\n\nAllowed values: `dev`, `release`\n\nExample: `profile = \"dev\"`"))
        let onDependency = Marked(OatsWorkspace.manifestText.replacingOccurrences(of: "mylib = ", with: "my$0lib = "))
        #expect(await client.request("textDocument/hover", client.at(OatsWorkspace.manifest, onDependency))["result"]?["contents"]?["value"]
                == .string("**dependency** `mylib` [dependencies]\n\npath ../mylib\n\nPackage **mylib** 0.2.0 — Adding numbers.\n\nAt `../mylib/Oats.toml`"))
    }

    @Test("go to definition: a relative import to its file, a dependency to its manifest")
    func definition() async {
        let client = await started()
        let local = Marked(OatsWorkspace.mainText.replacingOccurrences(of: "\"./math\"", with: "\"./ma$0th\""))
        #expect(await client.request("textDocument/definition", client.at(OatsWorkspace.main, local))["result"]?["uri"] == "file:///oats/app/src/math.oats")
        let dependency = Marked(OatsWorkspace.manifestText.replacingOccurrences(of: "\"../mylib\"", with: "\"../my$0lib\""))
        #expect(await client.request("textDocument/definition", client.at(OatsWorkspace.manifest, dependency))["result"]?["uri"] == "file:///oats/mylib/Oats.toml")
    }

    @Test("document symbols: the imports of a source, the tables of Oats.toml")
    func symbols() async {
        let client = await started()
        let source = await client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///oats/app/src/main.oats"]])
        #expect(source["result"]?.arrayValue?.map { "\($0["name"]!.stringValue!) \($0["detail"]?.stringValue ?? "-")" } == ["mylib -", "./math as math"])
        let manifest = await client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///oats/app/Oats.toml"]])
        #expect(manifest["result"]?.arrayValue?.map { $0["name"] } == ["package", "dependencies", "build"])
    }

    @Test("an edit of a path dependency's manifest, outside the workspace's directory, reloads the workspace")
    func dependencyManifestEdit() async {
        let client = await started()
        await client.open("/oats/mylib/Oats.toml", "[package]\nname = \"mylib\"\nversion = \"0.2.0\"\nentry = \"src/lib.oats\"\n")
        client.clearReceived()
        await client.change("/oats/mylib/Oats.toml", version: 2, line: 1, from: 8, to: 13, text: "numbers")
        #expect(client.published(OatsWorkspace.manifest)?["diagnostics"]?.arrayValue?.map { $0["message"] } == [
            "path dependency 'mylib' points to a package named 'numbers'\nhelp: rename the dependency to 'numbers', or point 'path' at the package called 'mylib'",
        ])
    }
}
