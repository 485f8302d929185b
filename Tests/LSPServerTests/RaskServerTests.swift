import BuildModel
import LSPServer
import Testing

/// A Rask program with a path dep, a feature and a sub-package, served from its directory.
enum RaskWorkspace {
    static let root = "/rask/app"
    static let manifest = "/rask/app/rask.build"
    static let main = "/rask/app/main.rk"
    static let manifestText = """
        package "app" "0.1.0" {
            dep "util" { path: "../util" }
            feature "ssl" { dep "openssl" { path: "../openssl" } }
        }

        """
    static var files: [String: String] {
        [
            manifest: manifestText,
            main: "import util\n\nfunc main() {}\n",
            "/rask/app/storage/disk.rk": "",
            "/rask/util/rask.build": "package \"util\" \"0.2.0\" {}\n",
            "/rask/util/lib.rk": "",
            "/rask/openssl/rask.build": "package \"openssl\" \"3.0.0\" {}\n",
            "/rask/openssl/lib.rk": "",
        ]
    }
}

@Suite("The server for Rask")
struct RaskServerTests {
    func started() async -> TestClient {
        let client = TestClient(files: RaskWorkspace.files, environment: [:])
        await client.start(root: RaskWorkspace.root)
        return client
    }

    @Test("diagnostics of an open source as the CLI reports them: a dep the features leave out, a package not declared")
    func diagnostics() async {
        let client = await started()
        await client.open(RaskWorkspace.main, "import openssl\nimport jsno\n")
        #expect(client.published(RaskWorkspace.main) == json(#"""
            {"uri":"file:///rask/app/main.rk","diagnostics":[
             {"range":{"start":{"line":0,"character":7},"end":{"line":0,"character":14}},"severity":1,"code":"R016","source":"ampu",
              "message":"dependency 'openssl' is off: it comes only with feature 'ssl', which is not enabled\nhelp: turn it on with --features ssl, or mark the feature `default: true` in rask.build"},
             {"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":11}},"severity":1,"code":"I004","source":"ampu",
              "message":"package 'jsno' is not declared in the package block of 'app'\nhelp: did you mean 'json'?\nhelp: declare it in the package block of rask.build: dep \"jsno\" { path: \"…\" }, or make 'jsno' a directory of this package"}]}
            """#))
        // The name it most likely means, as a quick fix on the import.
        let range: JSONValue = ["start": ["line": 1, "character": 9], "end": ["line": 1, "character": 9]]
        let actions = await client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///rask/app/main.rk"], "range": range, "context": ["diagnostics": []]])
        #expect(actions["result"]?[0]?["title"] == "Import 'json'")
        #expect(actions["result"]?[0]?["edit"] == json(#"""
            {"changes":{"file:///rask/app/main.rk":[{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":11}},"newText":"json"}]}}
            """#))
    }

    @Test("a source in a package of its own inside an open package is that package's, in whichever order the two are opened, as `ampu check` there has it")
    func nestedPackage() async {
        var files = RaskWorkspace.files
        files["/rask/util/logger/rask.build"] = "package \"logger\" \"0.1.0\" {}\n"
        files["/rask/util/logger/log.rk"] = ""
        for order in [["/rask/util/lib.rk", "/rask/util/logger/log.rk"], ["/rask/util/logger/log.rk", "/rask/util/lib.rk"]] {
            let client = TestClient(files: files, environment: [:])
            await client.start(root: "/rask/util")
            for path in order { await client.open(path, path.hasSuffix("log.rk") ? "import storage\n" : "") }
            #expect(client.published("/rask/util/logger/log.rk") == json(#"""
                {"uri":"file:///rask/util/logger/log.rk","diagnostics":[
                 {"range":{"start":{"line":0,"character":7},"end":{"line":0,"character":14}},"severity":1,"code":"I004","source":"ampu",
                  "message":"package 'storage' is not declared in the package block of 'logger'\nhelp: declare it in the package block of rask.build: dep \"storage\" { path: \"…\" }, or make 'storage' a directory of this package"}]}
                """#), "opened in the order \(order)")
        }
    }

    @Test("a source whose package's build file breaks stays with the workspace opened for it, not one opened later that holds it too, as a fresh server has it")
    func sourceStaysWithItsWorkspace() async {
        let lib = "/rask/util/lib.rk", libText = "import storage.disk\n"
        let app = RaskWorkspace.manifest, appText = RaskWorkspace.manifestText + "package \"util\" \"0.2.0\" {\n"
        let util = "/rask/util/rask.build", broken = "package \n}\n"
        let edited = TestClient(files: RaskWorkspace.files, environment: [:])
        await edited.start(root: "/rask")
        await edited.open(lib, libText)
        await edited.open(app, appText)
        await edited.open(util, broken)
        var files = RaskWorkspace.files
        (files[lib], files[app], files[util]) = (libText, appText, broken)
        let fresh = TestClient(files: files, environment: [:])
        await fresh.start(root: "/rask")
        for (path, text) in [(lib, libText), (app, appText), (util, broken)] { await fresh.open(path, text) }
        #expect(edited.published(lib) == json(#"""
            {"uri":"file:///rask/util/lib.rk","diagnostics":[
             {"range":{"start":{"line":0,"character":7},"end":{"line":0,"character":19}},"severity":1,"code":"I004","source":"ampu",
              "message":"package 'storage' is not a sub-package or in the standard library\nhelp: make 'storage' a directory beside this file, or put the file in a package that declares it"}]}
            """#))
        #expect(fresh.published(lib) == edited.published(lib))
    }

    @Test("a source created in a path dependency without a build file (read by listing its directory) is read, as a fresh server reads it")
    func sourceAddedToAListedDependency() async throws {
        var files = RaskWorkspace.files
        files["/rask/util/rask.build"] = nil
        let added = "/rask/util/more.rk", addedText = "package \"logger\" \"0.1.0\" {}\n"
        let edited = TestClient(files: files, environment: [:])
        await edited.start(root: "/rask")
        await edited.open(RaskWorkspace.main, files[RaskWorkspace.main]!)
        try edited.disk.writeFile(added, Array(addedText.utf8))
        await edited.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string("file://" + added), "type": 1]]])
        files[added] = addedText
        let fresh = TestClient(files: files, environment: [:])
        await fresh.start(root: "/rask")
        await fresh.open(RaskWorkspace.main, files[RaskWorkspace.main]!)
        #expect(edited.published(added) == json(#"""
            {"uri":"file:///rask/util/more.rk","diagnostics":[
             {"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":7}},"severity":1,"code":"R005","source":"ampu",
              "message":"a package block belongs in rask.build, not in a source file\nhelp: move it to rask.build in the package's directory"}]}
            """#))
        #expect(fresh.published(added) == edited.published(added))
    }

    @Test("import completion: the deps, the sub-packages, the standard library")
    func importCompletion() async {
        let client = await started()
        let top = Marked("import $0\n")
        await client.open("/rask/app/new.rk", top.text)
        let labels = (await client.request("textDocument/completion", client.at("/rask/app/new.rk", top)))["result"]?["items"]?.arrayValue?
            .compactMap { $0["label"]?.stringValue } ?? []
        #expect(Array(labels.prefix(4)) == ["openssl", "util", "storage", "async"])
        #expect(labels.contains("http") && labels.contains("json"))
    }

    @Test("document symbols: the package, then its deps and groups")
    func symbols() async {
        let client = await started()
        let symbols = await client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///rask/app/rask.build"]])
        #expect(symbols["result"]?.arrayValue?.map { $0["name"] } == ["package \"app\""])
        #expect(symbols["result"]?[0]?["detail"] == "0.1.0")
        #expect(symbols["result"]?[0]?["children"]?.arrayValue?.map { $0["name"] } == ["dep \"util\"", "feature \"ssl\""])
        #expect(symbols["result"]?[0]?["children"]?[1]?["children"]?.arrayValue?.map { $0["name"] } == ["dep \"openssl\""])
    }

    /// A fuller block for the manifest features.
    static let block = """
        package "app" "0.1.0" {
            dep "util" { path: "../util" }
            dep "ring" "^0.17" { feature: "crypto" }
            feature "ssl" {
                default: true
                dep "openssl" { path: "../openssl" }
            }
            feature "crypto" {}
            feature "full" { enables: ["ssl", "crypto"] }
            profile "small" { inherits: "release", opt_level: "z" }
            profile "tiny" {
                inherits: "small"
                strip: true
            }
        }

        """

    func labels(_ client: TestClient, _ marked: Marked) async -> [String] {
        await client.open(RaskWorkspace.manifest, marked.text)
        return (await client.request("textDocument/completion", client.at(RaskWorkspace.manifest, marked)))["result"]?["items"]?.arrayValue?
            .compactMap { $0["label"]?.stringValue } ?? []
    }

    func hoverText(_ client: TestClient, _ marked: Marked) async -> String? {
        await client.open(RaskWorkspace.manifest, marked.text)
        return await client.request("textDocument/hover", client.at(RaskWorkspace.manifest, marked))["result"]?["contents"]?["value"]?.stringValue
    }

    @Test("completion in the block: keywords and keys where an entry starts, feature names in enables and tags, profiles after inherits, scopes")
    func blockCompletion() async {
        let client = await started()
        let b = Self.block
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "    dep \"util\"", with: "    d$0\n    dep \"util\"")))
                == ["dep", "feature", "scope", "profile", "description", "license", "repository", "members", "allow", "build_timeout", "build_max_memory"])
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "{ path: \"../util\" }", with: "{ path: \"../util\", $0 }")))
                == ["target", "path", "git", "branch", "with", "scope", "feature"])
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "feature \"crypto\" {}", with: "feature \"crypto\" {\n        $0\n    }")))
                == ["dep", "enables", "default"])
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "enables: [\"ssl\", \"crypto\"]", with: "enables: [\"ssl\", \"$0\"]")))
                == ["ssl", "crypto"])
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "{ feature: \"crypto\" }", with: "{ feature: \"c$0\" }")))
                == ["ssl", "crypto", "full"])
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "inherits: \"small\"", with: "inherits: \"$0\"")))
                == ["debug", "release", "small"])
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "    feature \"crypto\" {}", with: "    scope \"$0\"\n    feature \"crypto\" {}")))
                == ["dev", "build"])
    }

    @Test("completion of a dep's path: the packages beside this one, the dep's own first, inside the quotes; in a feature's dep too")
    func pathCompletion() async {
        let client = await started()
        let marked = Marked(Self.block.replacingOccurrences(of: "{ path: \"../openssl\" }", with: "{ path: \"$0\" }"))
        await client.open(RaskWorkspace.manifest, marked.text)
        #expect(await client.request("textDocument/completion", client.at(RaskWorkspace.manifest, marked))["result"]?["items"] == json("""
            [{"label":"../openssl","kind":9,"detail":"package openssl","filterText":"../openssl",
              "textEdit":{"range":{"start":{"line":5,"character":31},"end":{"line":5,"character":31}},"newText":"../openssl"}},
             {"label":"../util","kind":9,"detail":"package util","filterText":"../util",
              "textEdit":{"range":{"start":{"line":5,"character":31},"end":{"line":5,"character":31}},"newText":"../util"}}]
            """))
        #expect(await labels(client, Marked(Self.block.replacingOccurrences(of: "{ path: \"../util\" }", with: "{ path: \"../u$0til\" }")))
                == ["../util", "../openssl"])
    }

    @Test("completion of a dep in the registry: its name (those not declared yet), its versions newest first as requirements; none for a dep it does not have")
    func registryCompletion() async {
        var files = RaskWorkspace.files
        for version in ["0.16.0", "0.17.1", "0.17.2"] { files["/rask/registry/ring/\(version)/rask.build"] = "package \"ring\" \"\(version)\" {}\n" }
        files["/rask/registry/zlib/1.3.0/rask.build"] = "package \"zlib\" \"1.3.0\" {}\n"
        files["/rask/registry/ring/notes"] = "not a version\n"
        let client = TestClient(files: files, environment: ["AMPU_REGISTRY": "/rask/registry"])
        await client.start(root: RaskWorkspace.root)
        let b = Self.block
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "dep \"ring\" \"^0.17\"", with: "dep \"ring\" \"^0.1$0\"")))
                == ["^0.17.2", "~0.17.2", "=0.17.2", "^0.17.1", "~0.17.1", "=0.17.1", "^0.16.0", "~0.16.0", "=0.16.0"])
        let edit = await client.request("textDocument/completion", client.at(RaskWorkspace.manifest, Marked(b.replacingOccurrences(of: "dep \"ring\" \"^0.17\"", with: "dep \"ring\" \"^0.1$0\""))))
        #expect(edit["result"]?["items"]?[0]?["textEdit"]?["newText"]?.stringValue == "^0.17.2")
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "dep \"ring\" \"^0.17\"", with: "dep \"zstd\" \"$0\""))) == [])
        // A new dep's name: the registry's packages the block does not declare yet.
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "    dep \"util\"", with: "    dep \"$0\"\n    dep \"util\""))) == ["zlib"])
        // In a feature, the deps declared elsewhere, as before.
        #expect(await labels(client, Marked(b.replacingOccurrences(of: "feature \"crypto\" {}", with: "feature \"crypto\" {\n        dep \"$0\"\n    }")))
                == ["util", "ring", "openssl"])
    }

    @Test("hover: a dep with what it asks for and whether it is locked, a feature with its deps and who enables it, a profile after inherits")
    func blockHover() async {
        let client = await started()
        let b = Self.block
        #expect(await hoverText(client, Marked(b.replacingOccurrences(of: "dep \"ring\"", with: "dep \"ri$0ng\""))) == """
            **dep** `ring`

            version `^0.17`, feature `crypto`

            only with feature `crypto`

            not in rask.lock: `ampu update` resolves it
            """)
        #expect(await hoverText(client, Marked(b.replacingOccurrences(of: "feature \"crypto\" {}", with: "feature \"cry$0pto\" {}"))) == """
            **feature** `crypto`

            deps: `ring`

            enabled by: `full`
            """)
        #expect(await hoverText(client, Marked(b.replacingOccurrences(of: "profile \"tiny\"", with: "profile \"ti$0ny\""))) == """
            **profile** `tiny`: tiny → small
            - `strip`: `true`
            - `opt_level`: `z` (from `small`)
            everything else as `release`
            """)
        #expect(await hoverText(client, Marked(b.replacingOccurrences(of: "opt_level:", with: "opt_le$0vel:"))) == """
            **opt_level** (string)

            0 to 3, "s" or "z".
            """)
    }

    @Test("go to definition: an enables entry and a feature tag to the feature, inherits to the profile")
    func blockDefinition() async {
        let client = await started()
        let b = Self.block
        let cases = [
            (Marked(b.replacingOccurrences(of: "enables: [\"ssl\"", with: "enables: [\"s$0sl\"")), "    feature \"ssl\" {"),
            (Marked(b.replacingOccurrences(of: "inherits: \"small\"", with: "inherits: \"sm$0all\"")), "    profile \"small\" { inherits: \"release\", opt_level: \"z\" }"),
            (Marked(b.replacingOccurrences(of: "{ feature: \"crypto\" }", with: "{ feature: \"cr$0ypto\" }")), "    feature \"crypto\" {}"),
        ]
        for (marked, target) in cases {
            await client.open(RaskWorkspace.manifest, marked.text)
            let result = await client.request("textDocument/definition", client.at(RaskWorkspace.manifest, marked))["result"]
            #expect(result?["uri"] == "file:///rask/app/rask.build")
            let line = result?["range"]?["start"]?["line"]?.intValue.map { Int($0) }
            #expect(line.map { String(marked.text.split(separator: "\n", omittingEmptySubsequences: false)[$0]) } == target)
        }
    }

    @Test("an import: hover says what it is and where; go to definition opens the package's build file")
    func importNavigation() async {
        let client = await started()
        let marked = Marked("import ut$0il\nimport http\n")
        await client.open(RaskWorkspace.main, marked.text)
        let definition = await client.request("textDocument/definition", client.at(RaskWorkspace.main, marked))["result"]
        #expect(definition?["uri"] == "file:///rask/util/rask.build")
        let hover = await client.request("textDocument/hover", client.at(RaskWorkspace.main, marked))["result"]?["contents"]?["value"]?.stringValue
        #expect(hover == """
            **third-party import** `util`

            Package **util** 0.2.0

            Declared in `rask.build` the package block: path ../util

            Resolves to `../util/lib.rk`
            """)
    }

    @Test("a directory of sources with no build file is served as a package named for it")
    func noBuildFile() async {
        let client = TestClient(files: ["/loose/hello/main.rk": "import nope\n", "/loose/hello/util/x.rk": ""], environment: [:])
        await client.start(root: "/loose/hello")
        await client.open("/loose/hello/main.rk", "import util\nimport nope\n")
        #expect(client.published("/loose/hello/main.rk")?["diagnostics"]?.arrayValue?.map { $0["message"]?.stringValue ?? "" } == [
            "package 'nope' is not declared in the package block of 'hello'\nhelp: this package has no build file: add rask.build with package \"hello\" \"0.1.0\" { dep \"nope\" { path: \"…\" } }, or make 'nope' a directory of this package",
        ])
    }
}
