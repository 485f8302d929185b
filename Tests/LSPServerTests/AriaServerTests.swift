import BuildModel
import LSPServer
import Testing

/// An Aria project in memory: a library, a program that needs it, a variables block.
enum AriaWorkspace {
    static let root = "/aria/app"
    static let manifest = "/aria/app/build.abc"
    static let main = "/aria/app/src/main.aria"
    static let manifestText = """
        [project]
        name = "app"
        version = "0.1.0"

        [variables]
        out = "build"
        lib = "&{out}/lib"

        [target.core]
        type = "library"
        sources = ["lib/*.aria"]
        output = "&{lib}/core.ll"

        [target.app]
        type = "binary"
        sources = ["src/*.aria"]
        deps = ["core"]
        flags = ["-I", "lib"]

        """
    static let mainText = """
        use "core.aria".*;

        func:main = int32() {
            pass(0i32);
        };

        """

    static var files: [String: String] {
        [
            manifest: manifestText,
            main: mainText,
            "/aria/app/lib/core.aria": "pub func:answer = int64() { pass(42i64); };\n",
            "/aria/app/lib/strings.aria": "pub func:greeting = int64() { pass(1i64); };\n",
            "/aria/util/build.abc": "[target.util]\ntype = \"library\"\nsources = [\"u.aria\"]\n",
            "/aria/util/u.aria": "\n",
        ]
    }
}

@Suite("The server for Aria")
struct AriaServerTests {
    func started() async -> TestClient {
        let client = TestClient(files: AriaWorkspace.files, environment: ["HOME": "/home/user"])
        await client.start(root: AriaWorkspace.root)
        return client
    }

    func labels(_ response: JSONValue) -> [String] {
        response["result"]?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
    }

    func hoverText(_ client: TestClient, _ marked: Marked, version: Int64 = 1) async -> JSONValue? {
        await client.open(AriaWorkspace.manifest, marked.text, version: version)
        return await client.request("textDocument/hover", client.at(AriaWorkspace.manifest, marked))["result"]?["contents"]?["value"]
    }

    @Test("an open source no target lists keeps its diagnostics when build.abc changes: the same as a fresh server with the same documents")
    func unlistedSourceAfterAnEdit() async {
        let extra = "/aria/app/src/extra.npk"
        let text = "use \"./nope.npk\".*;\n"
        let edited = await started()
        await edited.open(AriaWorkspace.manifest, AriaWorkspace.manifestText)
        await edited.open(extra, text)
        let before = edited.published(extra)
        #expect(before?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == [
            "cannot find module './nope.npk'\nhelp: there is no 'nope.npk' or 'nope.aria' in: src/",
        ])
        await edited.change(AriaWorkspace.manifest, version: 2, text: AriaWorkspace.manifestText + "# a comment\n")
        #expect(edited.published(extra) == before)
        var files = AriaWorkspace.files
        files[AriaWorkspace.manifest] = AriaWorkspace.manifestText + "# a comment\n"
        files[extra] = text
        let fresh = TestClient(files: files, environment: ["HOME": "/home/user"])
        await fresh.start(root: AriaWorkspace.root)
        await fresh.open(AriaWorkspace.manifest, files[AriaWorkspace.manifest]!)
        await fresh.open(extra, text)
        #expect(fresh.published(extra) == edited.published(extra))
    }

    @Test("build.abc diagnostics as check reports them: an unknown type, an unknown dependency, a variable defined nowhere")
    func diagnostics() async {
        let client = await started()
        await client.open(AriaWorkspace.manifest, AriaWorkspace.manifestText
            .replacingOccurrences(of: "type = \"binary\"", with: "type = \"binray\"")
            .replacingOccurrences(of: "deps = [\"core\"]", with: "deps = [\"cor\"]")
            .replacingOccurrences(of: "&{out}/lib", with: "&{ot}/lib"))
        let published = client.published(AriaWorkspace.manifest)?["diagnostics"]?.arrayValue ?? []
        #expect(published.map { "\($0["code"]?.stringValue ?? "") \($0["range"]?["start"]?["line"]?.intValue ?? -1):\($0["range"]?["start"]?["character"]?.intValue ?? -1)" }
                == ["A005 6:7", "M013 14:7", "A007 16:8"])
        #expect(published.first?["message"] == "undefined variable 'ot'\nhelp: did you mean 'out'?")
    }

    @Test("completion: target names inside deps, variable names after &{, a target's keys, type values")
    func completion() async {
        let client = await started()
        let deps = Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "deps = [\"core\"]", with: "deps = [\"core\", \"$0\"]")
            + "\n[target.extra]\ntype = \"library\"\nsources = [\"x/*.aria\"]\n")
        await client.open(AriaWorkspace.manifest, deps.text)
        let names = await client.request("textDocument/completion", client.at(AriaWorkspace.manifest, deps))
        #expect(labels(names) == ["extra"])
        #expect(names["result"]?["items"]?[0]?["textEdit"]?["newText"] == "\"extra\"")
        let variable = Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "output = \"&{lib}/core.ll\"", with: "output = \"&{$0\""))
        await client.open(AriaWorkspace.manifest, variable.text, version: 2)
        let variables = await client.request("textDocument/completion", client.at(AriaWorkspace.manifest, variable))
        #expect(labels(variables) == ["type", "lib", "out"])
        #expect(variables["result"]?["items"]?[1]?["textEdit"]?["newText"] == "lib}")
        let key = Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "flags = [\"-I\", \"lib\"]", with: "fl$0"))
        await client.open(AriaWorkspace.manifest, key.text, version: 3)
        // The keys the target has not written yet, in the schema's order.
        #expect(labels(await client.request("textDocument/completion", client.at(AriaWorkspace.manifest, key))) == [
            "depends_on", "flags", "output", "name", "env", "pre_build", "post_build", "command", "link_libraries", "link_paths", "include_dirs", "libs",
            "compiler", "src", "variables",
        ])
        let type = Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "type = \"binary\"", with: "type = $0"))
        await client.open(AriaWorkspace.manifest, type.text, version: 4)
        #expect(labels(await client.request("textDocument/completion", client.at(AriaWorkspace.manifest, type)))
                == ["\"binary\"", "\"library\"", "\"test\"", "\"custom\"", "\"c_library\""])
    }

    @Test("completion in the seed's brace form: keys written `key: value`")
    func braceCompletion() async {
        let client = await started()
        let text = Marked("{\n    targets: [\n        { name: \"app\", ty$0 },\n    ],\n}\n")
        await client.open(AriaWorkspace.manifest, text.text)
        let items = await client.request("textDocument/completion", client.at(AriaWorkspace.manifest, text))
        #expect(labels(items).first == "type")
        #expect(items["result"]?["items"]?[0]?["textEdit"]?["newText"] == "type: \"binary\"")
    }

    @Test("hover: a variable's value and where it is defined, a pattern's matches, a target named in deps")
    func hover() async {
        let client = await started()
        #expect(await hoverText(client, Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "\"&{lib}/core.ll\"", with: "\"&{l$0ib}/core.ll\"")))
                == .string("**&{lib}** = `build/lib`\n\ndefined in variables, line 7"))
        #expect(await hoverText(client, Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "[\"lib/*.aria\"]", with: "[\"lib/*$0.aria\"]")), version: 2)
                == .string("**`lib/*.aria`** matches 2 files:\n\n- `lib/core.aria`\n- `lib/strings.aria`"))
        #expect(await hoverText(client, Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "deps = [\"core\"]", with: "deps = [\"co$0re\"]")), version: 3)
                == .string("**target `core`** (library)\n\nsources: `lib/*.aria`\n\noutput: `build/lib/core.ll`\n\nneeds: nothing"))
        #expect(await hoverText(client, Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "deps = [\"core\"]", with: "deps = [\"ut$0il\"]")), version: 4)
                == .string("**project `util`** beside this one (`../util`): its build is not part of this one"))
    }

    @Test("go to definition: a deps entry to its target (or to the build.abc of the project beside this one it names), a variable to its definition, a use to its file")
    func definition() async {
        let client = await started()
        let dep = Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "deps = [\"core\"]", with: "deps = [\"co$0re\"]"))
        await client.open(AriaWorkspace.manifest, dep.text)
        #expect(await client.request("textDocument/definition", client.at(AriaWorkspace.manifest, dep))["result"] == json(#"""
            {"uri":"file:///aria/app/build.abc","range":{"start":{"line":8,"character":8},"end":{"line":8,"character":12}}}
            """#))
        let variable = Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "\"&{out}/lib\"", with: "\"&{o$0ut}/lib\""))
        await client.open(AriaWorkspace.manifest, variable.text, version: 2)
        #expect(await client.request("textDocument/definition", client.at(AriaWorkspace.manifest, variable))["result"] == json(#"""
            {"uri":"file:///aria/app/build.abc","range":{"start":{"line":5,"character":0},"end":{"line":5,"character":3}}}
            """#))
        let use = Marked(AriaWorkspace.mainText.replacingOccurrences(of: "use \"core.aria\"", with: "use \"co$0re.aria\""))
        await client.open(AriaWorkspace.main, use.text)
        #expect(await client.request("textDocument/definition", client.at(AriaWorkspace.main, use))["result"]?["uri"] == "file:///aria/app/lib/core.aria")
        // A deps entry naming the project beside this one: its build.abc.
        let project = Marked(AriaWorkspace.manifestText.replacingOccurrences(of: "deps = [\"core\"]", with: "deps = [\"ut$0il\"]"))
        await client.open(AriaWorkspace.manifest, project.text, version: 3)
        #expect(await client.request("textDocument/definition", client.at(AriaWorkspace.manifest, project))["result"] == json(#"""
            {"uri":"file:///aria/util/build.abc","range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}
            """#))
    }

    @Test("the keyword form: its problems published, the library's summary on its name, what a source matches and a dependency is on them, a dependency's build.abc as its definition, no keys of another form offered")
    func keywordForm() async {
        let client = await started()
        let path = "/aria/tilemap/build.abc"
        let text = Marked("LIBRARY \"tile$0map\"\n\nSOURCES:\n    src/gone.npk\n\nDEPENDENCIES:\n    ../app\n    ../mth (optinal)\n")
        await client.open(path, text.text)
        let published = client.published(path)?["diagnostics"]?.arrayValue ?? []
        #expect(published.map { "\($0["code"]?.stringValue ?? "") \($0["range"]?["start"]?["line"]?.intValue ?? -1):\($0["range"]?["start"]?["character"]?.intValue ?? -1) \($0["message"]?.stringValue ?? "")" } == [
            "A010 3:4 'src/gone.npk' matches no file\nhelp: source patterns are relative to the directory of build.abc; correct it or remove it",
            "A001 7:11 unknown mark '(optinal)' on a dependency\nhelp: did you mean '(optional)'?\nhelp: the one mark a dependency takes is (optional): the build goes on without it",
        ])
        let hover = await client.request("textDocument/hover", client.at(path, text))
        #expect(hover["result"]?["contents"]?["value"] == "**target `tilemap`** (library)\n\nsources: `src/gone.npk`\n\noutput: `.aria_make/build/tilemap.ll`\n\nneeds: `../app`")
        let symbols = await client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///aria/tilemap/build.abc"]])
        #expect(symbols["result"]?.arrayValue?.map { $0["name"] } == ["tilemap"])
        #expect(symbols["result"]?[0]?["detail"] == "library")
        #expect(symbols["result"]?[0]?["children"]?.arrayValue?.map { $0["name"] } == ["SOURCES", "DEPENDENCIES"])
        #expect(symbols["result"]?[0]?["children"]?[1]?["range"] == ["start": ["line": 5, "character": 0], "end": ["line": 6, "character": 10]])
        let entry = Marked("LIBRARY \"tilemap\"\n\nSOURCES:\n    s$0\n")
        await client.open(path, entry.text, version: 2)
        #expect(labels(await client.request("textDocument/completion", client.at(path, entry))) == [])
        // On a dependency: the project, and go to its build.abc; one not there, said so, and
        // nowhere to go. On a source: what it matches.
        func tilemap(_ marked: String) -> Marked {
            Marked("LIBRARY \"tilemap\"\n\nSOURCES:\n    ../util/u.aria\n\nDEPENDENCIES:\n    ../app\n    ../math (optional)\n".replacingOccurrences(of: marked.replacingOccurrences(of: "$0", with: ""), with: marked))
        }
        let source = tilemap("../util/u$0.aria"), dependency = tilemap("../a$0pp"), missing = tilemap("../ma$0th")
        for (version, (marked, hover)) in [
            (source, "**`../util/u.aria`** matches 1 file:\n\n- `../util/u.aria`"),
            (dependency, "**project `../app`** in `../app`: its build is not part of this one"),
            (missing, "**project `../math`** (optional): not there; the build goes on without it"),
        ].enumerated() {
            await client.open(path, marked.text, version: Int64(version) + 3)
            #expect(await client.request("textDocument/hover", client.at(path, marked))["result"]?["contents"]?["value"] == .string(hover))
        }
        await client.open(path, dependency.text, version: 6)
        #expect(await client.request("textDocument/definition", client.at(path, dependency))["result"] == json(#"""
            {"uri":"file:///aria/app/build.abc","range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}
            """#))
        await client.open(path, missing.text, version: 7)
        #expect(await client.request("textDocument/definition", client.at(path, missing))["result"] == .null)
    }

    @Test("a C file added where a c_library's sources look takes back 'matches no file', as the editor's watcher says it was added; a changed file of another language is no module")
    func cFileAdded() async {
        var files = AriaWorkspace.files
        files[AriaWorkspace.manifest] = AriaWorkspace.manifestText + "\n[target.ffi]\ntype = \"c_library\"\nsources = [\"ffi/*.c\"]\n"
        let client = TestClient(files: files, environment: ["HOME": "/home/user"])
        await client.start(root: AriaWorkspace.root, capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        func codes() -> [String] {
            (client.published(AriaWorkspace.manifest)?["diagnostics"]?.arrayValue ?? []).map { "\($0["code"]?.stringValue ?? "") \($0["message"]?.stringValue ?? "")" }
        }
        await client.open(AriaWorkspace.manifest, files[AriaWorkspace.manifest]!)
        #expect(codes() == ["A010 'ffi/*.c' matches no file\nhelp: source patterns are relative to the directory of build.abc; correct it or remove it"])
        try? client.disk.createDirectory("/aria/app/ffi")
        try? client.disk.writeFile("/aria/app/ffi/seven.c", "long seven(void) { return 7; }\n")
        await client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file:///aria/app/ffi/seven.c", "type": 1]]])
        #expect(codes() == [])
        // Changed, it is no module of the project, and nothing is said of it.
        try? client.disk.writeFile("/aria/app/ffi/seven.c", "long seven(void) { return 8; }\n")
        await client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file:///aria/app/ffi/seven.c", "type": 2]]])
        #expect(client.published("/aria/app/ffi/seven.c") == nil)
        let symbols = await client.request("workspace/symbol", ["query": "seven"])
        #expect(symbols["result"] == [])
    }

    @Test("document symbols: the project, the variables, each target with its keys")
    func symbols() async {
        let client = await started()
        let symbols = await client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///aria/app/build.abc"]])
        #expect(symbols["result"]?.arrayValue?.map { $0["name"] } == ["project", "variables", "target"])
        #expect(symbols["result"]?[2]?["children"]?.arrayValue?.map { $0["name"] } == ["core", "app"])
        #expect(symbols["result"]?[2]?["children"]?[1]?["detail"] == "binary")
        #expect(symbols["result"]?[1]?["children"]?.arrayValue?.map { $0["name"] } == ["out", "lib"])
    }
}
