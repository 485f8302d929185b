import Testing
@testable import BuildModel

@Suite("The dependency tree from a lock")
struct DependencyTreeTests {
    let tree: DependencyTree = {
        let manifest = AsthraEcosystem().readManifest(SourceText(path: "/w/asthra.toml", """
            [package]
            name = "app"
            version = "0.1.0"

            [dependencies]
            http = { git = "github.com/user/http" }
            json = { git = "github.com/user/json" }
            """))
        func p(_ name: String, _ v: String, _ deps: [String]) -> LockFile.Package {
            LockFile.Package(name: "github.com/user/\(name)", version: Version(v)!, source: "git+https://github.com/user/\(name).git", dependencies: deps.map { "github.com/user/\($0)" })
        }
        let lock = LockFile(packages: [p("http", "2.0.0", ["json", "url"]), p("json", "1.1.0", ["unicode"]), p("unicode", "1.0.0", []), p("url", "1.0.0", ["unicode"])], format: AsthraEcosystem().lockFormat!)
        return DependencyTree(root: manifest, lock: lock)
    }()

    @Test("--duplicates: one source locked under two names, with what depends on each; none in a lock without")
    func duplicates() {
        #expect(tree.duplicates == [])
        #expect(tree.renderDuplicates() == "")
        let manifest = AsthraEcosystem().readManifest(SourceText(path: "/w/asthra.toml", """
            [package]
            name = "app"
            version = "0.1.0"

            [dependencies]
            json = { git = "file:///srv/git/json" }
            http = { git = "github.com/user/http" }
            """))
        let lock = LockFile(packages: [
            LockFile.Package(name: "json", version: Version(1, 1, 0), source: "git+file:///srv/git/json"),
            LockFile.Package(name: "github.com/user/http", version: Version(2, 0, 0), source: "git+https://github.com/user/http.git",
                             dependencies: ["github.com/user/json"]),
            LockFile.Package(name: "github.com/user/json", version: Version(1, 0, 0), source: "git+file:///srv/git/json"),
        ], format: AsthraEcosystem().lockFormat!)
        let twice = DependencyTree(root: manifest, lock: lock)
        #expect(twice.duplicates == [["github.com/user/json", "json"]])
        #expect(twice.renderDuplicates() == """
            github.com/user/json v1.0.0
            └── github.com/user/http v2.0.0
                └── app v0.1.0

            json v1.1.0
            └── app v0.1.0

            """)
    }

    @Test("each package once in full, repeats marked (*), as cargo tree draws it")
    func render() {
        #expect(tree.render() == """
            app v0.1.0
            ├── github.com/user/http v2.0.0
            │   ├── github.com/user/json v1.1.0
            │   │   └── github.com/user/unicode v1.0.0
            │   └── github.com/user/url v1.0.0
            │       └── github.com/user/unicode v1.0.0
            └── github.com/user/json v1.1.0 (*)

            """)
        #expect(tree.render(depth: 1) == "app v0.1.0\n├── github.com/user/http v2.0.0\n└── github.com/user/json v1.1.0\n")
    }

    @Test("inverted: what depends on a package, up to the root")
    func inverted() {
        #expect(tree.render(invert: "github.com/user/unicode") == """
            github.com/user/unicode v1.0.0
            ├── github.com/user/json v1.1.0
            │   ├── app v0.1.0
            │   └── github.com/user/http v2.0.0
            │       └── app v0.1.0
            └── github.com/user/url v1.0.0
                └── github.com/user/http v2.0.0 (*)

            """)
    }

    @Test("why: every path from the root")
    func why() {
        #expect(tree.why("github.com/user/unicode") == """
            app v0.1.0 → github.com/user/http v2.0.0 → github.com/user/json v1.1.0 → github.com/user/unicode v1.0.0
            app v0.1.0 → github.com/user/http v2.0.0 → github.com/user/url v1.0.0 → github.com/user/unicode v1.0.0
            app v0.1.0 → github.com/user/json v1.1.0 → github.com/user/unicode v1.0.0

            """)
        #expect(tree.why("github.com/user/none") == nil)
    }

    @Test("the graph as Graphviz dot and as JSON")
    func exports() throws {
        #expect(tree.dot == """
            digraph dependencies {
              "app" [label="app v0.1.0"];
              "github.com/user/http" [label="github.com/user/http v2.0.0"];
              "github.com/user/json" [label="github.com/user/json v1.1.0"];
              "github.com/user/unicode" [label="github.com/user/unicode v1.0.0"];
              "github.com/user/url" [label="github.com/user/url v1.0.0"];
              "app" -> "github.com/user/http";
              "app" -> "github.com/user/json";
              "github.com/user/http" -> "github.com/user/json";
              "github.com/user/http" -> "github.com/user/url";
              "github.com/user/json" -> "github.com/user/unicode";
              "github.com/user/url" -> "github.com/user/unicode";
            }

            """)
        #expect(try JSON.serializeToString(tree.json) == #"{"root":"app","packages":[{"name":"app","version":"0.1.0","dependencies":["github.com/user/http","github.com/user/json"]},{"name":"github.com/user/http","version":"2.0.0","dependencies":["github.com/user/json","github.com/user/url"]},{"name":"github.com/user/json","version":"1.1.0","dependencies":["github.com/user/unicode"]},{"name":"github.com/user/unicode","version":"1.0.0","dependencies":[]},{"name":"github.com/user/url","version":"1.0.0","dependencies":["github.com/user/unicode"]}]}"#)
    }
}
