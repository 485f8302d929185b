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
}
