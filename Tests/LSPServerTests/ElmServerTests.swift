import BuildModel
import LSPServer
import Testing

/// An Elm application over a small package cache (ELM_HOME=/elm-home), all in memory.
enum ElmWorkspace {
    static let root = "/elm/app"
    static let manifest = "/elm/app/elm.json"
    static let main = "/elm/app/src/Main.elm"
    static let packages = "/elm-home/0.19.1/packages"
    static let manifestText = """
        {
            "type": "application",
            "source-directories": [
                "src"
            ],
            "elm-version": "0.19.1",
            "dependencies": {
                "direct": {
                    "elm/core": "1.0.5",
                    "elm/html": "1.0.0"
                },
                "indirect": {
                    "elm/json": "1.1.3",
                    "elm/virtual-dom": "1.0.3"
                }
            },
            "test-dependencies": {
                "direct": {},
                "indirect": {}
            }
        }

        """
    static let mainText = """
        module Main exposing (main)

        import Html
        import Page.Home


        main =
            Html.text Page.Home.title

        """

    static func package(_ name: String, _ version: String, exposing modules: [String], dependencies: [String: String], summary: String) -> [String: String] {
        let deps = dependencies.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
        let exposed = modules.map { "\"\($0)\"" }.joined(separator: ", ")
        var files = ["\(packages)/\(name)/\(version)/elm.json": """
            {"type": "package", "name": "\(name)", "summary": "\(summary)", "license": "BSD-3-Clause", "version": "\(version)",
             "exposed-modules": [\(exposed)], "elm-version": "0.19.0 <= v < 0.20.0", "dependencies": {\(deps)}, "test-dependencies": {}}
            """]
        for module in modules { files["\(packages)/\(name)/\(version)/src/\(module.replacingOccurrences(of: ".", with: "/")).elm"] = "module \(module) exposing (..)\n" }
        return files
    }

    static var files: [String: String] {
        var files = [
            manifest: manifestText,
            main: mainText,
            "/elm/app/src/Page/Home.elm": "module Page.Home exposing (title)\n\n\ntitle =\n    \"Home\"\n",
            "/elm/app/src/Page/About.elm": "module Page.About exposing (title)\n\n\ntitle =\n    \"About\"\n",
        ]
        let core = ["elm/core": "1.0.0 <= v < 2.0.0"]
        files.merge(package("elm/core", "1.0.5", exposing: ["Basics", "List", "Maybe", "String"], dependencies: [:], summary: "Elm's standard libraries")) { a, _ in a }
        files.merge(package("elm/json", "1.1.3", exposing: ["Json.Decode", "Json.Encode"], dependencies: core, summary: "Encode and decode JSON values")) { a, _ in a }
        files.merge(package("elm/virtual-dom", "1.0.3", exposing: ["VirtualDom"], dependencies: core.merging(["elm/json": "1.0.0 <= v < 2.0.0"]) { a, _ in a },
                            summary: "Core virtual DOM implementation")) { a, _ in a }
        files.merge(package("elm/html", "1.0.0", exposing: ["Html", "Html.Attributes", "Html.Events"],
                            dependencies: core.merging(["elm/json": "1.0.0 <= v < 2.0.0", "elm/virtual-dom": "1.0.0 <= v < 2.0.0"]) { a, _ in a },
                            summary: "Fast HTML, rendered with virtual DOM diffing")) { a, _ in a }
        files.merge(package("elm/url", "1.0.0", exposing: ["Url", "Url.Parser"], dependencies: core, summary: "Create and parse URLs")) { a, _ in a }
        return files
    }
}

@Suite("The server for Elm")
struct ElmServerTests {
    func started() async -> TestClient {
        let client = TestClient(files: ElmWorkspace.files, environment: ["ELM_HOME": "/elm-home", "HOME": "/home/user"])
        await client.start(root: ElmWorkspace.root)
        return client
    }

    func labels(_ response: JSONValue) -> [String] {
        response["result"]?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
    }

    @Test("diagnostics of an open module as check reports them, with the quick fix that makes a package direct")
    func diagnostics() async {
        let client = await started()
        await client.open(ElmWorkspace.main, "module Main exposing (main)\n\nimport Json.Decode\nimport Url\n")
        #expect(client.published(ElmWorkspace.main) == json(#"""
            {"uri":"file:///elm/app/src/Main.elm","diagnostics":[
             {"range":{"start":{"line":2,"character":7},"end":{"line":2,"character":18}},"severity":1,"code":"I004","source":"ampu",
              "message":"module Json.Decode is from elm/json, which is not a direct dependency\nnote: elm/json 1.1.3 is here only because another package needs it; Elm lets a module import only direct dependencies\nhelp: move \"elm/json\": \"1.1.3\" from \"indirect\" to \"direct\" in elm.json (`elm install elm/json` does it)"},
             {"range":{"start":{"line":3,"character":7},"end":{"line":3,"character":10}},"severity":1,"code":"I003","source":"ampu",
              "message":"module Url not found\nnote: looked in src/ and the modules the direct dependencies expose\nhelp: the package elm/url exposes Url: run `elm install elm/url`"}]}
            """#))
        let range: JSONValue = ["start": ["line": 2, "character": 9], "end": ["line": 2, "character": 9]]
        let actions = await client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///elm/app/src/Main.elm"], "range": range, "context": ["diagnostics": []]])
        #expect(actions["result"]?[0]?["title"] == "Add elm/json to the direct dependencies")
        #expect(actions["result"]?[0]?["edit"] == json(#"""
            {"changes":{"file:///elm/app/elm.json":[
             {"range":{"start":{"line":9,"character":31},"end":{"line":9,"character":31}},"newText":",\n            \"elm/json\": \"1.1.3\""},
             {"range":{"start":{"line":12,"character":0},"end":{"line":13,"character":0}},"newText":""}]}}
            """#))
    }

    @Test("a file outside the source directories that changes on disk is no module: nothing is shown for it, as a fresh server shows nothing")
    func changedFileOutsideTheSources() async throws {
        let tool = "/elm/app/scripts/Tool.elm", text = "module Tool exposing (run)\n\nimport Url\n"
        let client = await started()
        await client.open(ElmWorkspace.main, ElmWorkspace.mainText)
        try client.disk.createDirectory("/elm/app/scripts")
        try client.disk.writeFile(tool, Array(text.utf8))
        await client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string("file://" + tool), "type": 2]]])
        // A file is published once it has had diagnostics; this one never has.
        #expect(client.published(tool) == nil)
        // Opened, it is checked as a module of the project; closed, it is not any more.
        await client.open(tool, text)
        #expect(client.published(tool)?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["I003"])
        await client.notify("textDocument/didClose", ["textDocument": ["uri": .string("file://" + tool)]])
        #expect(client.published(tool)?["diagnostics"] == [])
    }

    @Test("import completion: the direct dependencies' modules and the project's, not the module itself")
    func importCompletion() async {
        let client = await started()
        let foreign = Marked("module Main exposing (main)\n\nimport Ht$0\n")
        await client.open(ElmWorkspace.main, foreign.text)
        #expect(labels(await client.request("textDocument/completion", client.at(ElmWorkspace.main, foreign))) == ["Html", "Html.Attributes", "Html.Events"])
        let local = Marked("module Page.About exposing (title)\n\nimport Pa$0\n")
        await client.open("/elm/app/src/Page/About.elm", local.text)
        #expect(labels(await client.request("textDocument/completion", client.at("/elm/app/src/Page/About.elm", local))) == ["Page.Home"])
    }

    @Test("hover: a foreign import's package and file, a local import's file, a dependency in elm.json")
    func hover() async {
        let client = await started()
        let foreign = Marked(ElmWorkspace.mainText.replacingOccurrences(of: "import Html\n", with: "import Ht$0ml\n"))
        await client.open(ElmWorkspace.main, foreign.text)
        #expect(await client.request("textDocument/hover", client.at(ElmWorkspace.main, foreign))["result"]?["contents"]?["value"]
                == .string("**third-party import** `Html`\n\nPackage **elm/html** 1.0.0 — Fast HTML, rendered with virtual DOM diffing\n\nDeclared in `elm.json` [dependencies.direct]: version 1.0.0\n\nResolves to `/elm-home/0.19.1/packages/elm/html/1.0.0/src/Html.elm`"))
        let local = Marked(ElmWorkspace.mainText.replacingOccurrences(of: "import Page.Home\n", with: "import Page.Ho$0me\n"))
        await client.open(ElmWorkspace.main, local.text, version: 2)
        #expect(await client.request("textDocument/hover", client.at(ElmWorkspace.main, local))["result"]?["contents"]?["value"]
                == .string("**local import** `Page.Home`\n\nResolves to `src/Page/Home.elm`"))
        let dependency = Marked(ElmWorkspace.manifestText.replacingOccurrences(of: "\"elm/html\": \"1.0.0\"", with: "\"elm/ht$0ml\": \"1.0.0\""))
        await client.open(ElmWorkspace.manifest, dependency.text)
        #expect(await client.request("textDocument/hover", client.at(ElmWorkspace.manifest, dependency))["result"]?["contents"]?["value"]
                == .string("**dependency** `elm/html` [dependencies.direct]\n\nversion 1.0.0\n\nPackage **elm/html** 1.0.0 — Fast HTML, rendered with virtual DOM diffing\n\nAt `/elm-home/0.19.1/packages/elm/html/1.0.0/elm.json`"))
    }

    @Test("go to definition: a local import to its file, a foreign one to the package's module, a dependency to its elm.json in the cache")
    func definition() async {
        let client = await started()
        let local = Marked(ElmWorkspace.mainText.replacingOccurrences(of: "import Page.Home\n", with: "import Page.Ho$0me\n"))
        await client.open(ElmWorkspace.main, local.text)
        #expect(await client.request("textDocument/definition", client.at(ElmWorkspace.main, local))["result"]?["uri"] == "file:///elm/app/src/Page/Home.elm")
        let foreign = Marked(ElmWorkspace.mainText.replacingOccurrences(of: "import Html\n", with: "import Ht$0ml\n"))
        await client.open(ElmWorkspace.main, foreign.text, version: 2)
        #expect(await client.request("textDocument/definition", client.at(ElmWorkspace.main, foreign))["result"]?["uri"]
                == "file:///elm-home/0.19.1/packages/elm/html/1.0.0/src/Html.elm")
        let dependency = Marked(ElmWorkspace.manifestText.replacingOccurrences(of: "\"elm/html\": \"1.0.0\"", with: "\"elm/ht$0ml\": \"1.0.0\""))
        await client.open(ElmWorkspace.manifest, dependency.text)
        #expect(await client.request("textDocument/definition", client.at(ElmWorkspace.manifest, dependency))["result"]?["uri"]
                == "file:///elm-home/0.19.1/packages/elm/html/1.0.0/elm.json")
    }

    @Test("elm.json completion: cached packages with an exact version, the versions the cache has, a package's own keys")
    func manifestCompletion() async {
        let client = await started()
        let name = Marked(ElmWorkspace.manifestText.replacingOccurrences(of: "\"elm/html\": \"1.0.0\"", with: "\"elm/html\": \"1.0.0\",\n            \"elm/u$0\""))
        await client.open(ElmWorkspace.manifest, name.text)
        let names = await client.request("textDocument/completion", client.at(ElmWorkspace.manifest, name))
        #expect(labels(names) == ["elm/json", "elm/url", "elm/virtual-dom"])
        #expect(names["result"]?["items"]?[1]?["textEdit"] == json(#"""
            {"range":{"start":{"line":10,"character":12},"end":{"line":10,"character":19}},"newText":"\"elm/url\": \"1.0.0\""}
            """#))
        let version = Marked(ElmWorkspace.manifestText.replacingOccurrences(of: "\"elm/core\": \"1.0.5\"", with: "\"elm/core\": \"$0\""))
        await client.open(ElmWorkspace.manifest, version.text, version: 2)
        #expect(labels(await client.request("textDocument/completion", client.at(ElmWorkspace.manifest, version))) == ["\"1.0.5\""])
        let package = Marked("{\n    \"type\": \"package\",\n    \"name\": \"elm/thing\",\n    \"$0\"\n}\n")
        await client.open("/elm/thing/elm.json", package.text)
        #expect(labels(await client.request("textDocument/completion", client.at("/elm/thing/elm.json", package)))
                == ["summary", "license", "version", "exposed-modules", "elm-version", "dependencies", "test-dependencies"])
        // A source directory: the directories beside elm.json (not one listed already), then
        // those inside what is typed.
        let directory = Marked(ElmWorkspace.manifestText.replacingOccurrences(of: "\"src\"\n", with: "\"$0\"\n"))
        await client.open(ElmWorkspace.manifest, directory.text, version: 3)
        let directories = await client.request("textDocument/completion", client.at(ElmWorkspace.manifest, directory))
        #expect(directories["result"]?["items"] == json(#"""
            [{"label":"src","kind":19,"detail":"directory","filterText":"\"src\"",
              "textEdit":{"range":{"start":{"line":3,"character":8},"end":{"line":3,"character":10}},"newText":"\"src\""}}]
            """#))
        let second = Marked(ElmWorkspace.manifestText.replacingOccurrences(of: "\"src\"\n", with: "\"src\",\n        \"$0\"\n"))
        await client.open(ElmWorkspace.manifest, second.text, version: 4)
        #expect(await client.request("textDocument/completion", client.at(ElmWorkspace.manifest, second))["result"]?["items"] == json("[]"))
        let inside = Marked(ElmWorkspace.manifestText.replacingOccurrences(of: "\"src\"\n", with: "\"src/$0\"\n"))
        await client.open(ElmWorkspace.manifest, inside.text, version: 5)
        #expect(labels(await client.request("textDocument/completion", client.at(ElmWorkspace.manifest, inside))) == ["src/Page"])
    }

    @Test("document symbols: elm.json's fields")
    func symbols() async {
        let client = await started()
        let manifest = await client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///elm/app/elm.json"]])
        #expect(manifest["result"]?.arrayValue?.map { $0["name"] } == ["type", "source-directories", "elm-version", "dependencies", "test-dependencies"])
        #expect(manifest["result"]?[3]?["children"]?.arrayValue?.map { $0["name"] } == ["direct", "indirect"])
    }
}
