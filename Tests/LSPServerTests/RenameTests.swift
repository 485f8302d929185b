import BuildModel
import LSPServer
import Testing

@Suite("Renaming a module by its name in an import (textDocument/prepareRename, textDocument/rename)")
struct RenameTests {
    /// The test client's capabilities with what Neovim says of renames: it renames files an
    /// edit names (`resourceOperations`), and asks before it renames (`prepareSupport`).
    static var capabilities: JSONValue {
        guard case .object(var all) = TestWorkspace.neovimCapabilities, case .object(var document)? = all["textDocument"] else { return .null }
        document["rename"] = ["prepareSupport": true]
        all["textDocument"] = .object(document)
        all["workspace"] = ["workspaceEdit": ["resourceOperations": ["rename", "create", "delete"]]]
        return .object(all)
    }

    static func files(main: String) -> [String: String] {
        var files = TestWorkspace.files
        files[TestWorkspace.main] = main
        files["/ws/src/models/user.asthra"] = "package models;\n\nimport \"../util\";\n"
        files["/ws/src/models/role.asthra"] = "package models;\n\nimport \"./user\";\nimport \"./user\";\n"
        return files
    }

    /// A client started on `files(main:)` (with `extra` files over it), the main module open.
    func client(main cursor: Marked, adding extra: [String: String] = [:]) async -> TestClient {
        let client = TestClient(files: Self.files(main: cursor.text).merging(extra) { _, new in new })
        await client.start(capabilities: Self.capabilities)
        await client.open(TestWorkspace.main, cursor.text)
        return client
    }

    /// `textDocument/rename` at the cursor, to `newName`: the whole reply.
    func rename(_ client: TestClient, _ cursor: Marked, to newName: String) async -> JSONValue {
        guard case .object(var params) = client.at(TestWorkspace.main, cursor) else { return .null }
        params["newName"] = .string(newName)
        return await client.request("textDocument/rename", .object(params))
    }

    @Test("the server renames for every client, and says whether it prepares; a module (with its file) only for a client that renames files as told")
    func capability() async {
        let neovim = TestClient(files: TestWorkspace.files)
        #expect(await neovim.start(capabilities: Self.capabilities)["result"]?["capabilities"]?["renameProvider"] == ["prepareProvider": true])
        // Emacs 29's eglot: versioned document changes, no file operations.
        let cursor = Marked("package main;\n\nimport \"./ut$0il\";\n")
        let eglot = TestClient(files: Self.files(main: cursor.text))
        #expect(await eglot.start(capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])["result"]?["capabilities"]?["renameProvider"] == true)
        await eglot.open(TestWorkspace.main, cursor.text)
        #expect(await eglot.request("textDocument/prepareRename", eglot.at(TestWorkspace.main, cursor))["error"] == json("""
            {"code":-32803,"message":"renaming a module renames its file, and this editor does not say it renames files (workspace.workspaceEdit.resourceOperations)"}
            """))
    }

    @Test("the name an import gives a module is what prepareRename offers; rename spells every import of it anew, as each was written, then renames its file")
    func module() async {
        let cursor = Marked("package main;\n\nimport \"./util\";\nimport \"./models/us$0er\";\n")
        let client = await client(main: cursor)
        #expect(await client.request("textDocument/prepareRename", client.at(TestWorkspace.main, cursor))["result"] == json("""
            {"range":{"start":{"line":3,"character":17},"end":{"line":3,"character":21}},"placeholder":"user"}
            """))
        #expect(await rename(client, cursor, to: "person")["result"] == json("""
            {"documentChanges":[
              {"textDocument":{"uri":"file:///ws/src/main.asthra","version":1},
               "edits":[{"range":{"start":{"line":3,"character":8},"end":{"line":3,"character":21}},"newText":"./models/person"}]},
              {"textDocument":{"uri":"file:///ws/src/models/role.asthra","version":null},
               "edits":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":14}},"newText":"./person"},
                        {"range":{"start":{"line":3,"character":8},"end":{"line":3,"character":14}},"newText":"./person"}]},
              {"kind":"rename","oldUri":"file:///ws/src/models/user.asthra","newUri":"file:///ws/src/models/person.asthra"}]}
            """))
    }

    @Test("written with its extension (Aria's `use \"core.aria\"`), the name is the part before it and the extension stays; a manifest that lists the file by name follows it")
    func withExtension() async {
        var files = AriaWorkspace.files
        files[AriaWorkspace.manifest] = AriaWorkspace.manifestText.replacingOccurrences(of: "sources = [\"lib/*.aria\"]", with: "sources = [\"lib/core.aria\", \"./lib/strings.aria\"]")
        let cursor = Marked(AriaWorkspace.mainText.replacingOccurrences(of: "use \"core.aria\"", with: "use \"co$0re.aria\""))
        files[AriaWorkspace.main] = cursor.text
        let client = TestClient(files: files, environment: ["HOME": "/home/user"])
        await client.start(root: AriaWorkspace.root, capabilities: Self.capabilities)
        await client.open(AriaWorkspace.main, cursor.text)
        #expect(await client.request("textDocument/prepareRename", client.at(AriaWorkspace.main, cursor))["result"] == json("""
            {"range":{"start":{"line":0,"character":5},"end":{"line":0,"character":9}},"placeholder":"core"}
            """))
        guard case .object(var params) = client.at(AriaWorkspace.main, cursor) else { return }
        params["newName"] = "kernel"
        let reply = await client.request("textDocument/rename", .object(params))["result"]
        #expect(reply == json("""
            {"documentChanges":[
              {"textDocument":{"uri":"file:///aria/app/src/main.aria","version":1},
               "edits":[{"range":{"start":{"line":0,"character":5},"end":{"line":0,"character":14}},"newText":"kernel.aria"}]},
              {"textDocument":{"uri":"file:///aria/app/build.abc","version":null},
               "edits":[{"range":{"start":{"line":10,"character":11},"end":{"line":10,"character":26}},"newText":"\\"lib/kernel.aria\\""}]},
              {"kind":"rename","oldUri":"file:///aria/app/lib/core.aria","newUri":"file:///aria/app/lib/kernel.aria"}]}
            """))
    }

    @Test("an import of a directory's files names the directory: it is renamed, and each import of it follows")
    func directory() async {
        let cursor = Marked("package main;\n\nimport \"./pa$0rts\";\n")
        let client = await client(main: cursor, adding: [
            "/ws/src/parts/a.asthra": "package parts;\n",
            "/ws/src/parts/b.asthra": "package parts;\n",
            "/ws/src/models/user.asthra": "package models;\n\nimport \"../parts\";\n",
        ])
        #expect(await client.request("textDocument/prepareRename", client.at(TestWorkspace.main, cursor))["result"] == json("""
            {"range":{"start":{"line":2,"character":10},"end":{"line":2,"character":15}},"placeholder":"parts"}
            """))
        let reply = await rename(client, cursor, to: "pieces")["result"]
        #expect(reply == json("""
            {"documentChanges":[
              {"textDocument":{"uri":"file:///ws/src/main.asthra","version":1},
               "edits":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":15}},"newText":"./pieces"}]},
              {"textDocument":{"uri":"file:///ws/src/models/user.asthra","version":null},
               "edits":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":16}},"newText":"../pieces"}]},
              {"kind":"rename","oldUri":"file:///ws/src/parts","newUri":"file:///ws/src/pieces"}]}
            """))
    }

    @Test("nothing to rename where no import names a module file or a package of the workspace (the standard library, the statement's keyword): prepareRename says null and rename fails")
    func nothing() async {
        for marked in ["package main;\n\nimport \"stdlib/i$0o\";\n", "package main;\n\nimp$0ort \"./util\";\n"] {
            let cursor = Marked(marked)
            let client = await client(main: cursor)
            #expect(await client.request("textDocument/prepareRename", client.at(TestWorkspace.main, cursor))["result"] == .null, "\(marked)")
            #expect(await rename(client, cursor, to: "x")["error"] == json("""
                {"code":-32803,"message":"nothing to rename here: a module is renamed by its name in an import, a package by its name"}
                """), "\(marked)")
        }
    }

    @Test("a name that cannot be a file's beside the module, or one taken, is refused with why")
    func refused() async {
        let cursor = Marked("package main;\n\nimport \"./models/us$0er\";\n")
        let client = await client(main: cursor)
        let refusals: [(String, String)] = [
            ("models/person", "'models/person' cannot be a module's name: a name has no '/' (to move the module, move its file)"),
            ("", "'' cannot be a module's name: it is empty"),
            (".user", "'.user' cannot be a module's name: a name that begins with '.' is a hidden file's"),
            ("us\"er", "'us\"er' cannot be a module's name: it holds a quote, a backslash or a control character"),
            ("role", "'/ws/src/models/role.asthra' is there already"),
        ]
        for (name, message) in refusals {
            #expect(await rename(client, cursor, to: name)["error"] == ["code": -32803, "message": .string(message)], "\(name)")
        }
        // Its own name: nothing changes.
        #expect(await rename(client, cursor, to: "user")["result"] == json(#"{"documentChanges":[]}"#))
    }

    @Test("a package renamed from an import of it: its name, the dependency on it and each import of it by that key; its modules' declarations stay")
    func package() async {
        let cursor = Marked("package main;\n\nimport \"mathl$0ib\";\nimport \"mathlib/vector\";\n")
        let client = await client(main: cursor, adding: ["/ws/mathlib/src/vector.asthra": "package mathlib;\n"])
        #expect(await client.request("textDocument/prepareRename", client.at(TestWorkspace.main, cursor))["result"] == json("""
            {"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":15}},"placeholder":"mathlib"}
            """))
        // Neovim says no `documentChanges`: the edits come as `changes`.
        let reply = await rename(client, cursor, to: "geometry")["result"]
        #expect(reply == json("""
            {"changes":{
              "file:///ws/mathlib/asthra.toml":[{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":16}},"newText":"\\"geometry\\""}],
              "file:///ws/asthra.toml":[{"range":{"start":{"line":5,"character":0},"end":{"line":5,"character":7}},"newText":"geometry"}],
              "file:///ws/src/main.asthra":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":15}},"newText":"geometry"},
                                            {"range":{"start":{"line":3,"character":8},"end":{"line":3,"character":15}},"newText":"geometry"}]}}
            """))
    }

    @Test("from the package's own name or a dependency key, for a client that takes versioned document changes (eglot, which renames no files)")
    func packageFromManifests() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start(capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])
        let own = Marked("[package]\nname = \"math$0lib\"\nversion = \"0.2.0\"\n")
        await client.open("/ws/mathlib/asthra.toml", own.text)
        #expect(await client.request("textDocument/prepareRename", client.at("/ws/mathlib/asthra.toml", own))["result"] == json("""
            {"range":{"start":{"line":1,"character":8},"end":{"line":1,"character":15}},"placeholder":"mathlib"}
            """))
        let key = Marked(TestWorkspace.manifestText.replacingOccurrences(of: "mathlib = {", with: "ma$0thlib = {"))
        await client.open(TestWorkspace.manifest, key.text)
        #expect(await client.request("textDocument/prepareRename", client.at(TestWorkspace.manifest, key))["result"] == json("""
            {"range":{"start":{"line":5,"character":0},"end":{"line":5,"character":7}},"placeholder":"mathlib"}
            """))
        for (path, cursor) in [("/ws/mathlib/asthra.toml", own), (TestWorkspace.manifest, key)] {
            guard case .object(var params) = client.at(path, cursor) else { return }
            params["newName"] = "geometry"
            let reply = await client.request("textDocument/rename", .object(params))["result"]
            #expect(reply == json("""
                {"documentChanges":[
                  {"textDocument":{"uri":"file:///ws/mathlib/asthra.toml","version":1},
                   "edits":[{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":16}},"newText":"\\"geometry\\""}]},
                  {"textDocument":{"uri":"file:///ws/asthra.toml","version":1},
                   "edits":[{"range":{"start":{"line":5,"character":0},"end":{"line":5,"character":7}},"newText":"geometry"}]},
                  {"textDocument":{"uri":"file:///ws/src/main.asthra","version":null},
                   "edits":[{"range":{"start":{"line":4,"character":8},"end":{"line":4,"character":15}},"newText":"geometry"}]}]}
                """), "\(path)")
        }
    }

    @Test("a package's new name is refused with why: a character an import reads otherwise, a name the language refuses, one taken; so is a rename a package outside the members would miss")
    func packageRefused() async {
        let cursor = Marked("package main;\n\nimport \"math$0lib\";\n")
        let client = await client(main: cursor, adding: [
            TestWorkspace.manifest: TestWorkspace.manifestText.replacingOccurrences(of: "mathlib = { path = \"mathlib\" }", with: "mathlib = { path = \"mathlib\" }\njson = { path = \"json\" }"),
            "/ws/json/asthra.toml": "[package]\nname = \"json\"\nversion = \"1.0.0\"\n",
            "/ws/json/src/lib.asthra": "package json;\n",
        ])
        let refusals: [(String, String)] = [
            ("", "'' cannot be the package's name: it is empty"),
            ("geo/metry", "'geo/metry' cannot be the package's name: an import would not read '/' as part of a package's name"),
            ("geo.metry", "'geo.metry' cannot be the package's name: an import would not read '.' as part of a package's name"),
            ("stdlib", "'stdlib' cannot be the package's name: 'stdlib' is reserved for the language's own libraries"),
            ("app", "'app' is taken: it is the package at '.'"),
            ("json", "'json' is taken: it is the package at 'json'"),
        ]
        for (name, message) in refusals {
            let reply = await rename(client, cursor, to: name)["error"]
            #expect(reply == ["code": -32803, "message": .string(message)], "\(name)")
        }
        // A path dependency that is no member imports it by its name: not all its imports are known.
        await client.open("/ws/json/asthra.toml", "[package]\nname = \"json\"\nversion = \"1.0.0\"\n\n[dependencies]\nmathlib = { path = \"../mathlib\" }\n")
        let missed = await rename(client, cursor, to: "geometry")["error"]
        #expect(missed == ["code": -32803, "message": "'json/asthra.toml' depends on the package by its name, and is not a member of the workspace, so its imports are not all known here: make it a member first"])
        #expect(await rename(client, cursor, to: "mathlib")["result"] == json(#"{"changes":{}}"#))
    }

    /// Two folders, each a workspace of its own: a library, and a program that depends on it
    /// by its path.
    static let twoFolders = [
        "/lib/asthra.toml": "[package]\nname = \"lib\"\nversion = \"0.1.0\"\n",
        "/lib/src/lib.asthra": "package lib;\n\nimport \"./vector\";\n",
        "/lib/src/vector.asthra": "package lib;\n",
        "/app/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n",
        "/app/src/main.asthra": "package main;\n\nimport \"lib/vector\";\n",
    ]

    @Test("a module renamed in one folder's workspace: the imports of it in another folder's workspace (through a path dependency) follow")
    func moduleAcrossFolders() async {
        let cursor = Marked("package lib;\n\nimport \"./vec$0tor\";\n")
        let client = TestClient(files: Self.twoFolders, environment: [:])
        await client.start(root: "/lib", capabilities: Self.capabilities)
        await client.notify("workspace/didChangeWorkspaceFolders", ["event": ["added": [["uri": "file:///app", "name": "app"]], "removed": []]])
        await client.open("/lib/src/lib.asthra", cursor.text)
        guard case .object(var params) = client.at("/lib/src/lib.asthra", cursor) else { return }
        params["newName"] = "geometry"
        let reply = await client.request("textDocument/rename", .object(params))["result"]
        #expect(reply == json("""
            {"documentChanges":[
              {"textDocument":{"uri":"file:///lib/src/lib.asthra","version":1},
               "edits":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":16}},"newText":"./geometry"}]},
              {"textDocument":{"uri":"file:///app/src/main.asthra","version":null},
               "edits":[{"range":{"start":{"line":2,"character":8},"end":{"line":2,"character":18}},"newText":"lib/geometry"}]},
              {"kind":"rename","oldUri":"file:///lib/src/vector.asthra","newUri":"file:///lib/src/geometry.asthra"}]}
            """))
    }

    /// The text with the edits of `changes` for `uri` made (positions in UTF-16, as the server
    /// counts them for this client; the texts here are ASCII).
    static func applied(_ changes: JSONValue?, for uri: String, to text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func offset(_ position: JSONValue?) -> Int {
            let line = Int(position?["line"]?.intValue ?? 0), character = Int(position?["character"]?.intValue ?? 0)
            return lines[..<line].reduce(0) { $0 + $1.utf8.count + 1 } + character
        }
        var bytes = Array(text.utf8)
        let edits = (changes?[uri]?.arrayValue ?? []).map { (offset($0["range"]?["start"]), offset($0["range"]?["end"]), $0["newText"]?.stringValue ?? "") }
        for (start, end, newText) in edits.sorted(by: { $0.0 > $1.0 }) { bytes.replaceSubrange(start..<end, with: Array(newText.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let lockText = """
        # Written by `ampu update`: it records the exact versions a build uses. Do not edit it by hand.
        version = 1

        [[package]]
        name = "github.com/acme/json"
        version = "1.4.2"
        source = "git+github.com/acme/json"
        git = "github.com/acme/json"
        tag = "v1.4.2"
        commit = "0123456789abcdef0123456789abcdef01234567"
        checksum = "sha256:00"
        dependencies = ["serde"]

        [[package]]
        name = "mathlib"
        version = "0.2.0"
        source = "path+mathlib"
        dependencies = []

        [[package]]
        name = "serde"
        version = "1.0.0"
        source = "registry+/registry"
        checksum = "sha256:01"
        dependencies = []

        [[package]]
        name = "shapes"
        version = "0.1.0"
        source = "path+shapes"
        dependencies = ["mathlib"]

        """

    @Test("a package the lock records (a path package beside git and registry ones) is renamed there too, as `ampu update` would write the lock, so that `--locked` still passes; a name the lock has for another package is taken")
    func packageLocked() async {
        let cursor = Marked("package main;\n\nimport \"mathl$0ib\";\n")
        let client = await client(main: cursor, adding: [
            TestWorkspace.manifest: TestWorkspace.manifestText.replacingOccurrences(of: "mathlib = { path = \"mathlib\" }", with: """
                mathlib = { path = "mathlib" }
                shapes = { path = "shapes" }
                json = { git = "github.com/acme/json", tag = "v1.4.2" }

                [workspace]
                members = ["shapes"]
                """),
            "/ws/shapes/asthra.toml": "[package]\nname = \"shapes\"\nversion = \"0.1.0\"\n\n[dependencies]\nmathlib = { path = \"../mathlib\" }\n",
            "/ws/shapes/src/lib.asthra": "package shapes;\n\nimport \"mathlib\";\n",
            "/ws/asthra.lock": Self.lockText,
        ])
        let reply = await rename(client, cursor, to: "geometry")["result"]
        #expect(reply?["changes"]?.objectValue.map { $0.map(\.key).sorted() } == [
            "file:///ws/asthra.lock", "file:///ws/asthra.toml", "file:///ws/mathlib/asthra.toml", "file:///ws/shapes/asthra.toml",
            "file:///ws/shapes/src/lib.asthra", "file:///ws/src/main.asthra",
        ])
        // Its entry under the new name, in name order, and the member's list that names it.
        #expect(Self.applied(reply?["changes"], for: "file:///ws/asthra.lock", to: Self.lockText) == """
            # Written by `ampu update`: it records the exact versions a build uses. Do not edit it by hand.
            version = 1

            [[package]]
            name = "geometry"
            version = "0.2.0"
            source = "path+mathlib"
            dependencies = []

            [[package]]
            name = "github.com/acme/json"
            version = "1.4.2"
            source = "git+github.com/acme/json"
            git = "github.com/acme/json"
            tag = "v1.4.2"
            commit = "0123456789abcdef0123456789abcdef01234567"
            checksum = "sha256:00"
            dependencies = ["serde"]

            [[package]]
            name = "serde"
            version = "1.0.0"
            source = "registry+/registry"
            checksum = "sha256:01"
            dependencies = []

            [[package]]
            name = "shapes"
            version = "0.1.0"
            source = "path+shapes"
            dependencies = ["geometry"]

            """)
        let taken = await rename(client, cursor, to: "serde")["error"]
        #expect(taken == ["code": -32803, "message": "'serde' is taken: asthra.lock records another package of that name"])
    }

    @Test("Rask: `dep \"util\"` and `import util.parse`, the key a string and the import's first name before a '.'")
    func raskPackage() async {
        let cursor = Marked("package \"app\" \"0.1.0\" {\n    dep \"ut$0il\" { path: \"util\" }\n}\n")
        let client = TestClient(files: [
            "/rask/app/rask.build": cursor.text,
            "/rask/app/main.rk": "import util.parse\nimport util\n\nfunc main() {}\n",
            "/rask/app/util/rask.build": "package \"util\" \"0.2.0\" {}\n",
            "/rask/app/util/lib.rk": "",
            "/rask/app/util/parse.rk": "",
        ], environment: [:])
        await client.start(root: "/rask/app", capabilities: Self.capabilities)
        await client.open("/rask/app/rask.build", cursor.text)
        #expect(await client.request("textDocument/prepareRename", client.at("/rask/app/rask.build", cursor))["result"] == json("""
            {"range":{"start":{"line":1,"character":9},"end":{"line":1,"character":13}},"placeholder":"util"}
            """))
        guard case .object(var params) = client.at("/rask/app/rask.build", cursor) else { return }
        params["newName"] = "helpers"
        let reply = await client.request("textDocument/rename", .object(params))["result"]
        #expect(reply == json("""
            {"changes":{
              "file:///rask/app/util/rask.build":[{"range":{"start":{"line":0,"character":8},"end":{"line":0,"character":14}},"newText":"\\"helpers\\""}],
              "file:///rask/app/rask.build":[{"range":{"start":{"line":1,"character":8},"end":{"line":1,"character":14}},"newText":"\\"helpers\\""}],
              "file:///rask/app/main.rk":[{"range":{"start":{"line":0,"character":7},"end":{"line":0,"character":11}},"newText":"helpers"},
                                          {"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":11}},"newText":"helpers"}]}}
            """))
    }

    @Test("Oats: `common = { path = \"common\" }` and `from \"common/sub\"`")
    func oatsPackage() async {
        let cursor = Marked("import { twice } from \"com$0mon/sub\";\nimport * as c from \"common\";\n")
        let client = TestClient(files: [
            "/oats/app/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\ncommon = { path = \"common\" }\n",
            "/oats/app/src/main.oats": cursor.text,
            "/oats/app/common/Oats.toml": "[package]\nname = \"common\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n",
            "/oats/app/common/src/lib.oats": "export const one = 1;\n",
            "/oats/app/common/sub.oats": "export function twice(n: number): number { return 2 * n; }\n",
        ], environment: [:])
        await client.start(root: "/oats/app", capabilities: Self.capabilities)
        await client.open("/oats/app/src/main.oats", cursor.text)
        guard case .object(var params) = client.at("/oats/app/src/main.oats", cursor) else { return }
        params["newName"] = "shared"
        let reply = await client.request("textDocument/rename", .object(params))["result"]
        #expect(reply == json("""
            {"changes":{
              "file:///oats/app/common/Oats.toml":[{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":15}},"newText":"\\"shared\\""}],
              "file:///oats/app/Oats.toml":[{"range":{"start":{"line":5,"character":0},"end":{"line":5,"character":6}},"newText":"shared"}],
              "file:///oats/app/src/main.oats":[{"range":{"start":{"line":0,"character":23},"end":{"line":0,"character":29}},"newText":"shared"},
                                                {"range":{"start":{"line":1,"character":20},"end":{"line":1,"character":26}},"newText":"shared"}]}}
            """))
    }
}
