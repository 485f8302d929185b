import BuildModel
import LSPServer
import Testing

@Suite("Diagnostics")
struct DiagnosticsTests {
    static let internalImport = #"""
        {"uri":"file:///ws/src/main.asthra","diagnostics":[{"range":{"start":{"line":3,"character":7},"end":{"line":3,"character":25}},
         "severity":1,"code":"I006","source":"ampu",
         "message":"user code cannot import internal package 'internal/runtime'\nnote: 'internal/…' packages are private to the standard library\nhelp: use the public API under 'stdlib/…' instead"}]}
        """#

    @Test("after the initial index, every file with problems is published, and only those")
    func initialIndex() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        #expect(client.publications() == ["file:///ws/src/main.asthra"])
        #expect(client.published(TestWorkspace.main) == json(Self.internalImport))
    }

    @Test("an edit that removes the violation publishes an empty list; a new one is published at once")
    func edits() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        client.clearReceived()
        // Line 3 `import "internal/runtime";` becomes `import "stdlib/string";`.
        await client.change(TestWorkspace.main, version: 2, line: 3, from: 8, to: 24, text: "stdlib/string")
        #expect(client.published(TestWorkspace.main) == json(#"{"uri":"file:///ws/src/main.asthra","diagnostics":[]}"#))
        await client.change(TestWorkspace.main, version: 3, line: 3, from: 8, to: 21, text: "stdlib/strng")
        #expect(client.published(TestWorkspace.main) == json(#"""
            {"uri":"file:///ws/src/main.asthra","diagnostics":[{"range":{"start":{"line":3,"character":7},"end":{"line":3,"character":21}},
             "severity":1,"code":"I003","source":"ampu",
             "message":"cannot find module 'stdlib/strng'\nhelp: did you mean 'stdlib/string'?\nhelp: there is no 'strng.asthra', 'strng.ast' or directory 'strng' in '/home/asthra/stdlib'"}]}
            """#))
    }

    @Test("edits that arrive together are given to the workspace once, as the last of them left the text")
    func burstOfEdits() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        client.clearReceived()
        let before = await client.server.documentsAnalysed
        // Line 3 `import "internal/runtime";`: to `stdlib/string`, to `stdlib/strng`, to `stdlib/strin`.
        await client.burst([
            TestClient.changeMessage(TestWorkspace.main, version: 2, line: 3, from: 8, to: 24, text: "stdlib/string"),
            TestClient.changeMessage(TestWorkspace.main, version: 3, line: 3, from: 18, to: 19, text: ""),
            TestClient.changeMessage(TestWorkspace.main, version: 4, line: 3, from: 18, to: 20, text: "in"),
        ])
        let after = await client.server.documentsAnalysed
        #expect(after == before + 1)
        #expect(client.publications() == ["file:///ws/src/main.asthra"])
        #expect(client.published(TestWorkspace.main) == json(#"""
            {"uri":"file:///ws/src/main.asthra","diagnostics":[{"range":{"start":{"line":3,"character":7},"end":{"line":3,"character":21}},
             "severity":1,"code":"I003","source":"ampu",
             "message":"cannot find module 'stdlib/strin'\nhelp: did you mean 'stdlib/string'?\nhelp: there is no 'strin.asthra', 'strin.ast' or directory 'strin' in '/home/asthra/stdlib'"}]}
            """#))
    }

    @Test("an edit held back for a later one that is not valid is still given to the workspace")
    func burstEndingInABadEdit() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        client.clearReceived()
        let before = await client.server.documentsAnalysed
        await client.burst([
            TestClient.changeMessage(TestWorkspace.main, version: 2, line: 3, from: 8, to: 24, text: "stdlib/string"),
            // No version: refused, and the document stays as the first change left it.
            .notification(method: "textDocument/didChange", params: ["textDocument": ["uri": "file:///ws/src/main.asthra"], "contentChanges": [["text": "x"]]]),
        ])
        let after = await client.server.documentsAnalysed
        #expect(after == before + 1)
        #expect(client.published(TestWorkspace.main) == json(#"{"uri":"file:///ws/src/main.asthra","diagnostics":[]}"#))
    }

    @Test("a buffer closed right after an edit held back for the close: the file on disk is what counts")
    func burstEndingInAClose() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        await client.change(TestWorkspace.main, version: 2, line: 3, from: 8, to: 24, text: "stdlib/string")
        client.clearReceived()
        // The buffer goes back to the disk's text, and is closed at once.
        await client.burst([
            TestClient.changeMessage(TestWorkspace.main, version: 3, line: 3, from: 8, to: 21, text: "internal/runtime"),
            .notification(method: "textDocument/didClose", params: ["textDocument": ["uri": "file:///ws/src/main.asthra"]]),
        ])
        #expect(client.published(TestWorkspace.main) == json(Self.internalImport))
    }

    @Test("a buffer closed without saving gives way to the file on disk: its problems are published again")
    func closedWithoutSaving() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        // Line 3 `import "internal/runtime";` becomes `import "stdlib/string";`, in the buffer only.
        await client.change(TestWorkspace.main, version: 2, line: 3, from: 8, to: 24, text: "stdlib/string")
        #expect(client.published(TestWorkspace.main) == json(#"{"uri":"file:///ws/src/main.asthra","diagnostics":[]}"#))
        client.clearReceived()
        await client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///ws/src/main.asthra"]])
        #expect(client.published(TestWorkspace.main) == json(Self.internalImport))
        // Closed, the file follows the disk as the editor's watcher reports it.
        client.clearReceived()
        try? client.disk.writeFile(TestWorkspace.main, Array(TestWorkspace.mainText.replacingOccurrences(of: "internal/runtime", with: "stdlib/string").utf8))
        await client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file:///ws/src/main.asthra", "type": 2]]])
        #expect(client.published(TestWorkspace.main) == json(#"{"uri":"file:///ws/src/main.asthra","diagnostics":[]}"#))
    }

    @Test("a buffer closed unchanged publishes nothing new")
    func closedUnchanged() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        client.clearReceived()
        await client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///ws/src/main.asthra"]])
        #expect(client.publications() == [])
    }

    @Test("an edit that no longer imports a path dependency clears the problems of its modules, which `ampu check` no longer reads")
    func droppedDependencyModules() async {
        let files = [
            "/ws/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n",
            "/ws/src/main.oats": "import { lib } from \"lib\";\n",
            "/lib/Oats.toml": "[package]\nname = \"lib\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n",
            "/lib/src/lib.oats": "import { m } from \"./missing\";\n",
        ]
        let client = TestClient(files: files)
        await client.start()
        #expect(client.publications() == ["file:///lib/src/lib.oats"])
        await client.open("/ws/src/main.oats", files["/ws/src/main.oats"]!)
        client.clearReceived()
        await client.change("/ws/src/main.oats", version: 2, line: 0, from: 0, to: 26, text: "export const x = 1;")
        #expect(client.published("/lib/src/lib.oats") == json(#"{"uri":"file:///lib/src/lib.oats","diagnostics":[]}"#))
    }

    @Test("a [native] pattern that matches no file is published on the manifest as the build shows it (B005), and taken back once a C file it matches is added")
    func nativePatternMatchingNothing() async {
        var files = TestWorkspace.files
        files[TestWorkspace.manifest] = TestWorkspace.manifestText + "\n[native]\nsources = [\"csrc/*.c\"]\n"
        let client = TestClient(files: files)
        await client.start(capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        #expect(client.published(TestWorkspace.manifest) == json(#"""
            {"uri":"file:///ws/asthra.toml","diagnostics":[{"range":{"start":{"line":11,"character":11},"end":{"line":11,"character":21}},
             "severity":2,"code":"B005","source":"ampu",
             "message":"'csrc/*.c' matches no file in package 'app'\nhelp: the pattern is relative to the package root; correct it or remove it"}]}
            """#))
        try? client.disk.createDirectory("/ws/csrc")
        try? client.disk.writeFile("/ws/csrc/clamp.c", "int clamp(int x) { return x; }\n")
        await client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file:///ws/csrc/clamp.c", "type": 1]]])
        #expect(client.published(TestWorkspace.manifest) == json(#"{"uri":"file:///ws/asthra.toml","diagnostics":[]}"#))
    }

    @Test("a manifest deleted on disk takes its workspace with it: the same as a fresh server with the same documents")
    func manifestDeletedOnDisk() async {
        // The manifest has a problem of its own, shown while it is there.
        var files = TestWorkspace.files
        files[TestWorkspace.manifest] = "licence = \"MIT\"\n" + TestWorkspace.manifestText
        let edited = TestClient(files: files)
        await edited.start(capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        await edited.open(TestWorkspace.main, TestWorkspace.mainText)
        #expect(edited.published(TestWorkspace.manifest)?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["M001"])
        try? edited.disk.removeItem(TestWorkspace.manifest)
        await edited.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string("file://" + TestWorkspace.manifest), "type": 3]]])
        // Nothing is left of the workspace the manifest made: the deleted manifest shows
        // nothing, and main.asthra what it shows with no package around it.
        #expect(edited.published(TestWorkspace.manifest)?["diagnostics"] == [])
        files[TestWorkspace.manifest] = nil
        let fresh = TestClient(files: files)
        await fresh.start()
        await fresh.open(TestWorkspace.main, TestWorkspace.mainText)
        // (A fresh server publishes nothing for a file without problems; the edited one an empty list.)
        #expect((fresh.published(TestWorkspace.main)?["diagnostics"] ?? []) == (edited.published(TestWorkspace.main)?["diagnostics"] ?? []))
    }

    @Test("sources created, changed and deleted on disk, as the editor's watcher reports them: the imports that lead to them follow; an open buffer wins over its file")
    func watchedSources() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start(capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        func watched(_ path: String, _ type: Int64) async {
            await client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string("file://" + path), "type": .int(type)]]])
        }
        func messages(_ path: String) -> [String]? {
            client.published(path)?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue }
        }
        try? client.disk.writeFile("/ws/src/b.asthra", Array("package main;\nimport \"./c\";\n".utf8))
        await watched("/ws/src/b.asthra", 1)
        #expect(messages("/ws/src/b.asthra") == ["cannot find module './c'\nhelp: there is no 'c.asthra', 'c.ast' or directory 'c' in 'src'"])
        try? client.disk.writeFile("/ws/src/c.asthra", Array("package main;\n".utf8))
        await watched("/ws/src/c.asthra", 1)
        #expect(messages("/ws/src/b.asthra") == [])
        try? client.disk.removeItem("/ws/src/c.asthra")
        await watched("/ws/src/c.asthra", 3)
        #expect(messages("/ws/src/b.asthra") == ["cannot find module './c'\nhelp: there is no 'c.asthra', 'c.ast' or directory 'c' in 'src'"])
        // Changed on disk: the import goes.
        try? client.disk.writeFile("/ws/src/b.asthra", Array("package main;\n".utf8))
        await watched("/ws/src/b.asthra", 2)
        #expect(messages("/ws/src/b.asthra") == [])
        // Open, the buffer is what counts: a change on disk is not read.
        await client.open("/ws/src/b.asthra", "package main;\n")
        client.clearReceived()
        try? client.disk.writeFile("/ws/src/b.asthra", Array("package main;\nimport \"./c\";\n".utf8))
        await watched("/ws/src/b.asthra", 2)
        #expect(client.publications() == [])
    }

    @Test("an open source whose manifest stops naming a package shows what it would show opened then: the same as a fresh server with the same documents")
    func sourceOfAManifestBroken() async {
        let late = "package main;\n\npub fn f(none) -> void {}\n\nimport \"stdlib/io\";\n"
        let broken = "[p\"ckage]\nname = \"app\"\n"
        let edited = TestClient(files: TestWorkspace.files)
        await edited.start()
        await edited.open(TestWorkspace.manifest, TestWorkspace.manifestText)
        await edited.open(TestWorkspace.main, late)
        await edited.change(TestWorkspace.manifest, version: 2, text: broken)
        let shown = edited.published(TestWorkspace.main)?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue }
        #expect(shown == [
            "import after the first declaration; today's compiler reads imports only at the top of the file, after `package`\nhelp: move the import above the first declaration",
        ])
        for order in [[TestWorkspace.manifest, TestWorkspace.main], [TestWorkspace.main, TestWorkspace.manifest]] {
            var files = TestWorkspace.files
            files[TestWorkspace.manifest] = broken
            files[TestWorkspace.main] = late
            let fresh = TestClient(files: files)
            await fresh.start()
            for path in order { await fresh.open(path, files[path]!) }
            #expect(fresh.published(TestWorkspace.main) == edited.published(TestWorkspace.main), "opened in the order \(order)")
        }
    }

    @Test("an open source of no package that stops importing another keeps its own diagnostics: the same as a fresh server with the same documents")
    func loneSourceDropsAnImport() async {
        let broken = "[p\"ckage]\nname = \"app\"\n"
        let before = "package main;\nimport \"./util\";\npub fn f(none) -> void {}\nimport \"stdlib/io\";\n"
        let after = "package main;\npub fn f(none) -> void {}\nimport \"stdlib/io\";\n"
        var files = TestWorkspace.files
        files[TestWorkspace.manifest] = broken
        let edited = TestClient(files: files)
        await edited.start()
        await edited.open(TestWorkspace.main, before)
        await edited.change(TestWorkspace.main, version: 2, text: after)
        let shown = edited.published(TestWorkspace.main)?["diagnostics"]?.arrayValue?.map { "\($0["range"]?["start"]?["line"]?.intValue ?? -1) \($0["message"]?.stringValue ?? "")" }
        #expect(shown == [
            "2 import after the first declaration; today's compiler reads imports only at the top of the file, after `package`\nhelp: move the import above the first declaration",
        ])
        files[TestWorkspace.main] = after
        let fresh = TestClient(files: files)
        await fresh.start()
        await fresh.open(TestWorkspace.main, after)
        #expect(fresh.published(TestWorkspace.main) == edited.published(TestWorkspace.main))
    }

    @Test("a workspace opened for a document that had no other home goes once another holds the document again: its view of the package is not shown beside that one's, as a fresh server has it")
    func redundantWorkspaceGoes() async {
        let lib = "/ws/mathlib/src/lib.asthra"
        let libText = "package mathlib;\nimport \"internal/runtime\";\n"
        let withoutMathlib = "package main;\n\nimport \"stdlib/io\";\n"
        let edited = TestClient(files: TestWorkspace.files)
        await edited.start()
        // While main imports no mathlib, the open lib.asthra is no module of /ws: it gets the
        // workspace of its own package, where it is user code.
        await edited.open(TestWorkspace.main, withoutMathlib)
        await edited.open(lib, libText)
        func messages(_ client: TestClient) -> [String]? { client.published(lib)?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue } }
        #expect(messages(edited)?.first?.hasPrefix("user code cannot import internal package 'internal/runtime'") == true)
        await edited.change(TestWorkspace.main, version: 2, text: TestWorkspace.mainText)
        #expect(messages(edited) == [
            "third-party code cannot import internal package 'internal/runtime'\nnote: 'internal/…' packages are private to the standard library\nhelp: use the public API under 'stdlib/…' instead",
        ])
        var files = TestWorkspace.files
        files[lib] = libText
        let fresh = TestClient(files: files)
        await fresh.start()
        await fresh.open(TestWorkspace.main, TestWorkspace.mainText)
        await fresh.open(lib, libText)
        #expect(fresh.published(lib) == edited.published(lib))
    }

    @Test("a manifest whose change waits for a later one, while its workspace loads again for another file: the workspace loads once, not for ever, and shows what a fresh server shows")
    func heldBackManifestDuringReload() async {
        let root = TestWorkspace.manifest, dep = "/ws/mathlib/asthra.toml"
        let depText = TestWorkspace.files[dep]!
        let middle = TestWorkspace.manifestText + "# a comment\n", last = TestWorkspace.manifestText + "licence = 1\n"
        let depEdited = depText + "licence = \"MIT\"\n"
        let edited = TestClient(files: TestWorkspace.files)
        // No folder: each manifest gets the workspace a document opens.
        await edited.start(root: "/nothing")
        await edited.open(root, TestWorkspace.manifestText)
        await edited.open(dep, depText)
        await edited.burst([
            .notification(method: "textDocument/didChange", params: ["textDocument": ["uri": .string("file://" + root), "version": 2], "contentChanges": [["text": .string(middle)]]]),
            .notification(method: "textDocument/didChange", params: ["textDocument": ["uri": .string("file://" + dep), "version": 2], "contentChanges": [["text": .string(depEdited)]]]),
            .notification(method: "textDocument/didChange", params: ["textDocument": ["uri": .string("file://" + root), "version": 3], "contentChanges": [["text": .string(last)]]]),
        ])
        var files = TestWorkspace.files
        (files[root], files[dep]) = (last, depEdited)
        let fresh = TestClient(files: files)
        await fresh.start(root: "/nothing")
        await fresh.open(root, last)
        await fresh.open(dep, depEdited)
        #expect(edited.published(root)?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == [
            "unknown key 'licence' in [build]\nnote: the keys in [build] are: target, optimization, optimization_level, debug_info, parallel_jobs, output_dir, timeout",
        ])
        #expect(fresh.published(root)?["diagnostics"] == edited.published(root)?["diagnostics"])
    }

    @Test("a source no load reads (a buffer not on disk), given to a workspace while it is open, leaves it when it closes: its diagnostics go, as a fresh server has none for it")
    func givenSourceGoesOnClose() async {
        // A new buffer, not on disk: the load does not read it; open, it is checked as a module
        // of the package whose directory it is in.
        let scratch = "/ws/scratch/tool.asthra"
        let text = "package main;\nimport \"internal/runtime\";\n"
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(scratch, text)
        #expect(client.published(scratch)?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue }.first?
            .hasPrefix("user code cannot import internal package 'internal/runtime'") == true)
        await client.notify("textDocument/didClose", ["textDocument": ["uri": .string("file://" + scratch)]])
        #expect(client.published(scratch)?["diagnostics"] == [])
    }

    @Test("a workspace opened for a document goes with the last of its open documents; a folder's stays")
    func documentWorkspaceGoesOnClose() async {
        var files = TestWorkspace.files
        files["/elsewhere/asthra.toml"] = "[package]\nname = \"other\"\nversion = \"0.1.0\"\n"
        let source = "/elsewhere/src/main.asthra"
        files[source] = "package main;\nimport \"./missing\";\n"
        let client = TestClient(files: files)
        await client.start()
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        await client.open(source, files[source]!)
        #expect(client.published(source)?["diagnostics"]?.arrayValue?.count == 1)
        await client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///elsewhere/src/main.asthra"]])
        #expect(client.published(source)?["diagnostics"] == [])
        await client.notify("textDocument/didClose", ["textDocument": ["uri": .string("file://" + TestWorkspace.main)]])
        #expect(client.published(TestWorkspace.main)?["diagnostics"]?.arrayValue?.isEmpty == false)
    }

    @Test("a package's membership follows an edit of the workspace's manifest above it: its M024 goes once the members name it, as a fresh server has it")
    func membershipFollowsTheWorkspace() async {
        let root = "/ws2/asthra.toml", lib = "/ws2/lib/asthra.toml"
        let files = [
            root: "[workspace]\nmembers = [\"app\"]\n",
            "/ws2/app/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/ws2/app/src/main.asthra": "package main;\n",
            lib: "[package]\nname = \"lib\"\nversion = \"0.1.0\"\n",
            "/ws2/lib/src/lib.asthra": "package lib;\n",
        ]
        let edited = TestClient(files: files)
        await edited.start(root: "/ws2")
        await edited.open(lib, files[lib]!)
        func codes(_ client: TestClient) -> [String]? { client.published(lib)?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } }
        // (I009: the test's environment has no standard library.)
        #expect(codes(edited) == ["I009", "M024"])
        await edited.open(root, files[root]!)
        let joined = "[workspace]\nmembers = [\"app\", \"lib\"]\n"
        await edited.change(root, version: 2, text: joined)
        #expect(codes(edited) == [])
        var after = files
        after[root] = joined
        let fresh = TestClient(files: after)
        await fresh.start(root: "/ws2")
        await fresh.open(lib, after[lib]!)
        await fresh.open(root, joined)
        // (A fresh server publishes nothing for a file without problems; the edited one an empty list.)
        #expect((fresh.published(lib)?["diagnostics"] ?? []) == edited.published(lib)?["diagnostics"])
    }

    @Test("a package's membership follows the workspace's manifest above it on disk: its M024 goes when that manifest is deleted, as a fresh server has it")
    func membershipFollowsADeletedWorkspace() async throws {
        let root = "/ws2/asthra.toml", lib = "/ws2/lib/asthra.toml"
        let files = [
            root: "[workspace]\nmembers = [\"app\"]\n",
            lib: "[package]\nname = \"lib\"\nversion = \"0.1.0\"\n",
            "/ws2/lib/src/lib.asthra": "package lib;\n",
        ]
        let client = TestClient(files: files)
        // No folder: the package's workspace is the one its open manifest gets.
        await client.start(root: "/nothing")
        await client.open(lib, files[lib]!)
        func codes() -> [String]? { client.published(lib)?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } }
        // (I009: the test's environment has no standard library.)
        #expect(codes() == ["I009", "M024"])
        try client.disk.removeItem(root)
        await client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string("file://" + root), "type": 3]]])
        #expect(codes() == ["I009"])
    }

    @Test("an edit of the manifest re-derives the imports that depend on it")
    func manifestEdit() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start()
        await client.open(TestWorkspace.manifest, TestWorkspace.manifestText)
        client.clearReceived()
        // Drop the dependency: `import "mathlib";` in main.asthra no longer names a package.
        await client.change(TestWorkspace.manifest, version: 2, line: 5, from: 0, to: 30, text: "")
        let messages = client.published(TestWorkspace.main)?["diagnostics"]?.arrayValue?.compactMap { $0["message"]?.stringValue }
        #expect(messages == [
            "user code cannot import internal package 'internal/runtime'\nnote: 'internal/…' packages are private to the standard library\nhelp: use the public API under 'stdlib/…' instead",
            "unknown import path 'mathlib'\nnote: an import path starts with 'stdlib/', 'std/', 'internal/', 'system/', a domain ('github.com/user/pkg'), './' or '../', or names a module of the project root or the standard library",
        ])
    }

    @Test("staged: a manifest's own problems go out before the workspace is loaded, the full set after")
    func stagedManifestDiagnostics() async {
        let manifest = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = 1\n\n[dependencies]\ngone = { path = \"gone\" }\n"
        let client = TestClient(files: ["/ws/asthra.toml": manifest, "/home/asthra/stdlib/io.asthra": "package stdlib::io;\n"])
        // No folder: the workspace is found when the manifest is opened.
        await client.request("initialize", ["processId": .null, "rootUri": .null, "capabilities": TestWorkspace.neovimCapabilities])
        await client.notify("initialized")
        await client.open(TestWorkspace.manifest, manifest)
        let stages = client.received.filter { $0["method"] == "textDocument/publishDiagnostics" }
            .map { $0["params"]!["diagnostics"]!.arrayValue!.map { "\($0["code"]!.stringValue!) \($0["message"]!.stringValue!.split(separator: "\n")[0])" } }
        #expect(stages == [
            ["M001 unknown key 'edition' in [package]"],
            ["M001 unknown key 'edition' in [package]", "M007 path dependency 'gone' points to 'gone', which does not exist"],
        ])
    }

    @Test("staged, a manifest's own problems are cut at the limit too: the first 1,000, then how many more")
    func stagedManifestDiagnosticsLimited() async {
        let manifest = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n" + (0..<1003).map { "k\($0) = 1\n" }.joined()
        let client = TestClient(files: ["/ws/asthra.toml": manifest, "/home/asthra/stdlib/io.asthra": "package stdlib::io;\n"])
        await client.request("initialize", ["processId": .null, "rootUri": .null, "capabilities": TestWorkspace.neovimCapabilities])
        await client.notify("initialized")
        await client.open(TestWorkspace.manifest, manifest)
        let stages = client.received.filter { $0["method"] == "textDocument/publishDiagnostics" }.map { $0["params"]!["diagnostics"]!.arrayValue! }
        #expect(stages.map(\.count) == [1001])
        #expect(stages.first?.first?["message"]?.stringValue?.split(separator: "\n").first == "unknown key 'k0' in [package]")
        #expect(stages.first?.last == json(#"""
            {"range":{"start":{"line":1003,"character":0},"end":{"line":1003,"character":5}},"severity":3,"source":"ampu",
             "message":"3 more problems in this file are not shown (the first 1000 are)\nhelp: `ampu check` lists them all"}
            """#))
    }

    @Test("related places and versions are sent when the client reads them")
    func relatedAndVersions() async {
        var files = TestWorkspace.files
        files["/ws/src/a.asthra"] = "package main;\nimport \"./b\";\n"
        files["/ws/src/b.asthra"] = "package main;\nimport \"./a\";\n"
        let client = TestClient(files: files)
        var caps = TestWorkspace.neovimCapabilities
        if case .object(var o) = caps, case .object(var d)? = o["textDocument"] {
            d["publishDiagnostics"] = ["relatedInformation": true, "versionSupport": true]
            o["textDocument"] = .object(d)
            caps = .object(o)
        }
        await client.start(capabilities: caps)
        await client.open("/ws/src/a.asthra", files["/ws/src/a.asthra"]!, version: 4)
        #expect(client.published("/ws/src/a.asthra") == json(#"""
            {"uri":"file:///ws/src/a.asthra","diagnostics":[{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":12}},
             "severity":1,"code":"I008","source":"ampu",
             "message":"import cycle: src/a.asthra → src/b.asthra → src/a.asthra\nhelp: move what these modules share into a module that imports none of them, or remove one of the imports",
             "relatedInformation":[{"location":{"uri":"file:///ws/src/b.asthra","range":{"start":{"line":1,"character":7},"end":{"line":1,"character":12}}},
               "message":"'src/b.asthra' imports './a' here"}]}]}
            """#))
        // Published after an edit of the open buffer, the list names the version it is of.
        await client.change("/ws/src/a.asthra", version: 5, text: "package main;\nimport \"./c\";\n")
        #expect(client.published("/ws/src/a.asthra") == json(#"""
            {"uri":"file:///ws/src/a.asthra","diagnostics":[{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":12}},
             "severity":1,"code":"I003","source":"ampu",
             "message":"cannot find module './c'\nhelp: did you mean './b'?\nhelp: there is no 'c.asthra', 'c.ast' or directory 'c' in 'src'"}],
             "version":5}
            """#))
    }

    @Test("pull diagnostics: per document and for the workspace, nothing pushed")
    func pull() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start(capabilities: ["textDocument": ["diagnostic": [:]]])
        #expect(client.publications() == [])
        let report = await client.request("textDocument/diagnostic", ["textDocument": ["uri": "file:///ws/src/main.asthra"]])
        #expect(report["result"]?["kind"] == "full")
        #expect(report["result"]?["items"] == json(Self.internalImport)["diagnostics"])
        let workspace = await client.request("workspace/diagnostic", ["previousResultIds": []])
        #expect(workspace["result"]?["items"]?.arrayValue?.map { $0["uri"] } == ["file:///ws/src/main.asthra"])
    }

    @Test("pull diagnostics with refresh: when problems change, the server asks the client to pull again, and pushes nothing")
    func pullRefresh() async {
        let client = TestClient(files: TestWorkspace.files)
        await client.start(capabilities: ["textDocument": ["diagnostic": [:]], "workspace": ["diagnostics": ["refreshSupport": true]]])
        await client.open(TestWorkspace.main, TestWorkspace.mainText)
        client.clearReceived()
        await client.change(TestWorkspace.main, version: 2, line: 3, from: 8, to: 24, text: "stdlib/string")
        #expect(client.received.map { $0["method"]?.stringValue ?? "-" } == ["workspace/diagnostic/refresh"])
        let report = await client.request("textDocument/diagnostic", ["textDocument": ["uri": "file:///ws/src/main.asthra"]])
        #expect(report["result"]?["items"] == json("[]"))
    }
}
