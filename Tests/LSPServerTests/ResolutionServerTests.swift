import Foundation
import Testing
import TestSupport
import BuildModel

/// Git dependencies in the server: resolution from the package cache runs in the background
/// and files its findings on the requirements; the lock's versions show as inlay hints; the
/// cache's tags complete requirements.
@Suite("Resolution in the server")
struct ResolutionServerTests {
    static func manifest(unicode: String) -> String {
        """
        [package]
        name = "app"
        version = "0.1.0"

        [dependencies]
        json = { git = "github.com/user/json", version = "^1.0" }
        unicode = { git = "github.com/user/unicode", version = "\(unicode)" }

        """
    }

    /// json 1.0.0 and 1.1.0 (both need unicode ^1.0), unicode 1.0.0 and 2.0.0, fetched into the
    /// fixture's cache by one resolution of `manifest(unicode: "^1.0")`; the lock it wrote.
    func fetched() throws -> (GitFixture, String) {
        let remotes = try GitFixture()
        try remotes.repository("unicode", versions: ["1.0.0", "2.0.0"]) { GitFixture.asthraPackage("unicode", $0) }
        try remotes.repository("json", versions: ["1.0.0", "1.1.0"]) {
            GitFixture.asthraPackage("json", $0, dependencies: ["unicode = { git = \"github.com/user/unicode\", version = \"^1.0\" }"])
        }
        let root = AsthraEcosystem().readManifest(SourceText(path: "/ws/asthra.toml", Self.manifest(unicode: "^1.0")))
        let cache = GitCache(root: remotes.root + "/cache", git: GitCLI(environment: remotes.env))
        let lock = try LockUpdate.resolve(root, ecosystem: AsthraEcosystem(), cache: cache, previous: nil).lock
        return (remotes, lock.rendered)
    }

    /// json 1.1.0's manifest, where the cache checked it out.
    func jsonManifest(_ remotes: GitFixture) throws -> (path: String, text: String) {
        let path = remotes.root + "/cache/github.com/user/json/\(try remotes.commit("json", "v1.1.0"))/asthra.toml"
        return (path, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Neovim's capabilities, and inlay hints (as Neovim 0.10 and later send).
    static var withInlayHints: JSONValue {
        var capabilities = TestWorkspace.neovimCapabilities
        if case .object(var all) = capabilities, case .object(var document)? = all["textDocument"] {
            document["inlayHint"] = ["dynamicRegistration": false]
            all["textDocument"] = .object(document)
            capabilities = .object(all)
        }
        return capabilities
    }

    func client(_ remotes: GitFixture, manifest: String, lock: String) async -> TestClient {
        // The server reads through the test's in-memory files; the checkout's manifest is one.
        let checkout = try? jsonManifest(remotes)
        var files = [
            TestWorkspace.manifest: manifest, "/ws/asthra.lock": lock,
            TestWorkspace.main: "package main;\nimport \"github.com/user/json\";\n",
        ]
        if let checkout { files[checkout.path] = checkout.text }
        let client = TestClient(files: files, environment: remotes.env)
        await client.start(capabilities: Self.withInlayHints)
        await client.open(TestWorkspace.manifest, manifest)
        return client
    }

    func codes(_ client: TestClient) -> [String] {
        client.published(TestWorkspace.manifest)?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
    }

    @Test("an unsolvable manifest gets M021 on the requirements (and the dependency's own line), published when the background resolution ends; fixing it clears it")
    func unsolvable() async throws {
        let (remotes, lock) = try fetched()
        let client = await client(remotes, manifest: Self.manifest(unicode: "^2.0"), lock: lock)
        #expect(await client.settle { codes($0).contains("M021") })
        let m021 = client.published(TestWorkspace.manifest)?["diagnostics"]?.arrayValue?.first { $0["code"] == "M021" }
        #expect(m021 == json("""
            {"range":{"start":{"line":6,"character":55},"end":{"line":6,"character":61}},"severity":1,"code":"M021","source":"ampu",
             "message":"no versions of the dependencies meet every requirement\\nnote: Because app depends on github.com/user/json ^1.0.0 which depends on github.com/user/unicode ^1.0.0, github.com/user/unicode ^1.0.0 is required.\\nnote: So, because app depends on github.com/user/unicode ^2.0.0, version solving failed.\\nhelp: the versions are the tags in the package cache; change a requirement, or run `ampu update` to fetch newer tags",
             "relatedInformation":[{"location":{"uri":"file:///ws/asthra.toml","range":{"start":{"line":5,"character":49},"end":{"line":5,"character":55}}},
               "message":"'json' takes part"},
              {"location":{"uri":"file://\(try jsonManifest(remotes).path)","range":{"start":{"line":5,"character":55},"end":{"line":5,"character":61}}},
               "message":"github.com/user/json 1.1.0 requires github.com/user/unicode ^1.0.0"}]}
            """))
        // The cache's tags complete the requirement, newest first.
        let cursor = Marked(Self.manifest(unicode: "$0^2.0"))
        let items = await client.request("textDocument/completion", client.at(TestWorkspace.manifest, cursor))["result"]?["items"]?.arrayValue ?? []
        #expect(items.map { "\($0["label"]?.stringValue ?? "") \($0["detail"]?.stringValue ?? "")" }
                == ["\"^2.0.0\" newest in the package cache", "\"^1.0.0\" in the package cache"])
        // A requirement the cache can meet: the error goes once the new resolution ends.
        await client.change(TestWorkspace.manifest, version: 2, line: 6, from: 56, to: 60, text: "~1.0.0")
        #expect(await client.settle { !codes($0).contains("M021") })
        #expect(codes(client) == [])
    }

    @Test("the git dependencies all taken out of the manifest: what their resolution reported goes with them")
    func resolutionWithdrawn() async throws {
        let (remotes, lock) = try fetched()
        let client = await client(remotes, manifest: Self.manifest(unicode: "^2.0"), lock: lock)
        #expect(await client.settle { codes($0).contains("M021") })
        // Nothing left to resolve: the manifest with no dependencies at all.
        await client.change(TestWorkspace.manifest, version: 2, text: "[package]\nname = \"app\"\nversion = \"0.1.0\"\n")
        #expect(await client.settle { codes($0) == [] })
        #expect(client.published(TestWorkspace.manifest) == json(#"{"uri":"file:///ws/asthra.toml","diagnostics":[]}"#))
    }

    @Test("a repository on this machine that is not there: M031 on its URL once the background resolution ends, with the repository spelt closest as a quick fix; the fix applied clears it")
    func localRepositoryMissing() async throws {
        let remotes = try GitFixture()
        try remotes.repository("json", versions: ["1.0.0"]) { GitFixture.asthraPackage("json", $0) }
        let url = "\(remotes.root)/remotes/user/jsno.git"
        let manifest = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"\(url)\", version = \"^1.0\" }\n"
        // An empty lock (the helper writes one): M020 says the dependency is not in it.
        let client = await client(remotes, manifest: manifest, lock: "")
        #expect(await client.settle { codes($0).contains("M031") })
        let start = Int64("json = { git = ".utf8.count), end = start + Int64(url.utf8.count) + 2
        #expect(client.published(TestWorkspace.manifest)?["diagnostics"] == json("""
            [{"range":{"start":{"line":5,"character":0},"end":{"line":5,"character":4}},"severity":2,"code":"M020","source":"ampu",
              "message":"'json' is not in asthra.lock\\nhelp: run `ampu update` to resolve it and record the version it gets"},
             {"range":{"start":{"line":5,"character":\(start)},"end":{"line":5,"character":\(end)}},"severity":1,"code":"M031","source":"ampu",
              "message":"the repository of git dependency 'json' is not on this machine\\nhelp: did you mean '\(remotes.root)/remotes/user/json.git'?\\nhelp: fix the path, or make the repository there"}]
            """))
        let range: JSONValue = ["start": ["line": 5, "character": .int(start + 3)], "end": ["line": 5, "character": .int(start + 3)]]
        let actions = await client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///ws/asthra.toml"], "range": range, "context": ["diagnostics": []]])
        #expect(actions["result"]?.arrayValue?.map { $0["title"]?.stringValue } == ["Use '\(remotes.root)/remotes/user/json.git'"])
        #expect(actions["result"]?[0]?["edit"] == json("""
            {"changes":{"file:///ws/asthra.toml":[{"range":{"start":{"line":5,"character":\(start)},"end":{"line":5,"character":\(end)}},
              "newText":"\\"\(remotes.root)/remotes/user/json.git\\""}]}}
            """))
        await client.change(TestWorkspace.manifest, version: 2, line: 5, from: start, to: end, text: "\"\(remotes.root)/remotes/user/json.git\"")
        #expect(await client.settle { !codes($0).contains("M031") })
    }

    @Test("inside `tag` or `branch` of a git dependency: the tags (newest versions first) and branches the cache's mirror has")
    func tagCompletion() async throws {
        let (remotes, lock) = try fetched()
        try remotes.git(["tag", "stable", "v1.0.0"], in: remotes.root + "/remotes/user/unicode.git")
        // The cache learns the new tag as a user's `ampu update` would fetch it.
        _ = try LockUpdate.resolve(AsthraEcosystem().readManifest(SourceText(path: "/ws/asthra.toml", Self.manifest(unicode: "^1.0"))),
                                   ecosystem: AsthraEcosystem(), cache: GitCache(root: remotes.root + "/cache", git: GitCLI(environment: remotes.env)), previous: nil)
        let tagged = Self.manifest(unicode: "^1.0").replacingOccurrences(of: "unicode\", version = \"^1.0\"", with: "unicode\", tag = \"$0\"")
        let cursor = Marked(tagged)
        let client = await client(remotes, manifest: cursor.text, lock: lock)
        // What the background resolution learns, once it has ended (nothing else to wait for).
        let offered = { (marked: Marked) async throws -> [String] in
            for _ in 0..<300 {
                let items = await client.request("textDocument/completion", client.at(TestWorkspace.manifest, marked))["result"]?["items"]?.arrayValue ?? []
                if !items.isEmpty { return items.map { "\($0["label"]?.stringValue ?? "") \($0["detail"]?.stringValue ?? "")" } }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            return []
        }
        #expect(try await offered(cursor) == ["\"v2.0.0\" tag in the package cache", "\"v1.0.0\" tag in the package cache", "\"stable\" tag in the package cache"])
        let branch = Marked(tagged.replacingOccurrences(of: "tag = ", with: "branch = "))
        let line = cursor.text.split(separator: "\n", omittingEmptySubsequences: false)[6]
        let tag = Int64(line.utf8.count - "tag = \"\" }".utf8.count)
        await client.change(TestWorkspace.manifest, version: 2, line: 6, from: tag, to: tag + 3, text: "branch")
        #expect(try await offered(branch) == ["\"main\" branch in the package cache"])
    }

    @Test("the locked version after each requirement, as an inlay hint")
    func inlayHints() async throws {
        let (remotes, lock) = try fetched()
        let client = await client(remotes, manifest: Self.manifest(unicode: "^1.0"), lock: lock)
        let json0 = try remotes.commit("json", "v1.1.0").prefix(12)
        let unicode0 = try remotes.commit("unicode", "v1.0.0").prefix(12)
        let hints = await client.request("textDocument/inlayHint", [
            "textDocument": ["uri": "file:///ws/asthra.toml"],
            "range": ["start": ["line": 0, "character": 0], "end": ["line": 8, "character": 0]],
        ])["result"]
        #expect(hints == json("""
            [{"position":{"line":5,"character":57},"label":"locked 1.1.0","paddingLeft":true,
              "tooltip":"asthra.lock has 1.1.0 (commit \(json0)), from git+https://github.com/user/json.git"},
             {"position":{"line":6,"character":63},"label":"locked 1.0.0","paddingLeft":true,
              "tooltip":"asthra.lock has 1.0.0 (commit \(unicode0)), from git+https://github.com/user/unicode.git"}]
            """))
        // Nothing unfetched, nothing unsolvable: the background resolution adds nothing.
        #expect(codes(client) == [])
    }

    @Test("a dependency from a registry gets the version the lock chose as an inlay hint, as a git one does")
    func registryInlayHint() async throws {
        let manifest = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nunicode = \"^1.0\"\nutil = { path = \"util\" }\n"
        let lock = """
            version = 1

            [[package]]
            name = "unicode"
            version = "1.2.0"
            source = "registry+/registry"
            checksum = "sha256:0000000000000000000000000000000000000000000000000000000000000000"
            dependencies = []

            [[package]]
            name = "util"
            version = "0.1.0"
            source = "path+util"
            dependencies = []

            """
        let client = TestClient(files: [
            TestWorkspace.manifest: manifest, "/ws/asthra.lock": lock, TestWorkspace.main: "package main;\n",
            "/ws/util/asthra.toml": "[package]\nname = \"util\"\nversion = \"0.1.0\"\n", "/ws/util/src/lib.asthra": "package util;\n",
        ])
        await client.start(capabilities: Self.withInlayHints)
        await client.open(TestWorkspace.manifest, manifest)
        let hints = await client.request("textDocument/inlayHint", [
            "textDocument": ["uri": "file:///ws/asthra.toml"],
            "range": ["start": ["line": 0, "character": 0], "end": ["line": 7, "character": 0]],
        ])["result"]
        // The path dependency has the one version its manifest says: no hint.
        #expect(hints == json("""
            [{"position":{"line":5,"character":16},"label":"locked 1.2.0","paddingLeft":true,
              "tooltip":"asthra.lock has 1.2.0, from registry+/registry"}]
            """))
    }

    @Test("two members whose requirements conflict: M021 in the member's manifest with the other member's line related; fixing the other member's text in the editor clears it")
    func membersConflict() async throws {
        let (remotes, _) = try fetched()
        let app = "/ws/app/asthra.toml", lib = "/ws/lib/asthra.toml"
        let appText = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n"
        let libText = "[package]\nname = \"lib\"\nversion = \"0.2.0\"\n\n[dependencies]\nunicode = { git = \"github.com/user/unicode\", version = \"^2.0\" }\n"
        var files = [TestWorkspace.manifest: "[workspace]\nmembers = [\"app\", \"lib\"]\n", app: appText, lib: libText]
        let checkout = try jsonManifest(remotes)
        files[checkout.path] = checkout.text
        let client = TestClient(files: files, environment: remotes.env)
        await client.start()
        await client.open(lib, libText)
        func codes(_ path: String) -> [String] {
            client.published(path)?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        }
        #expect(await client.settle { _ in codes(app) == ["M021"] })
        // In app's manifest, the last requirement the explanation rests on; lib's as related.
        #expect(client.published(app)?["diagnostics"] == json("""
            [{"range":{"start":{"line":5,"character":49},"end":{"line":5,"character":55}},"severity":1,"code":"M021","source":"ampu",
              "message":"no versions of the dependencies meet every requirement\\nnote: Because lib depends on github.com/user/unicode ^2.0.0 and every version of github.com/user/json depends on github.com/user/unicode ^1.0.0, lib is incompatible with every version of github.com/user/json.\\nnote: And because app depends on github.com/user/json ^1.0.0, lib is incompatible with app.\\nnote: So, because the workspace depends on both app and lib, version solving failed.\\nhelp: the versions are the tags in the package cache; change a requirement, or run `ampu update` to fetch newer tags",
              "relatedInformation":[{"location":{"uri":"file:///ws/lib/asthra.toml","range":{"start":{"line":5,"character":55},"end":{"line":5,"character":61}}},
                "message":"'unicode' takes part"},
               {"location":{"uri":"file://\(checkout.path)","range":{"start":{"line":5,"character":55},"end":{"line":5,"character":61}}},
                "message":"github.com/user/json 1.1.0 requires github.com/user/unicode ^1.0.0"}]}]
            """))
        #expect(codes(lib) == [])
        // lib asks for what json needs: nothing conflicts any more, and what is left to say is
        // that there is no lock yet (hidden while the conflict said why there could be none).
        await client.change(lib, version: 2, line: 5, from: 56, to: 60, text: "^1.0")
        #expect(await client.settle { _ in codes(app) == ["M026"] && codes(lib) == ["M026"] })
    }
}
