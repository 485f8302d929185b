import Testing
@testable import BuildModel

/// A path in a manifest that leads nowhere offers the path spelt like it that is there, in each
/// place a manifest names a path: a path dependency (PackageGraphTests), a workspace member, an
/// Asthra program's source, an Oats entry, an Elm source directory.
@Suite("Paths respelt as the ones there are")
struct PathSpellingTests {
    static let tree = InMemoryFileSystem(currentDirectory: "/", files: [
        "/p/src/main.asthra": "", "/p/src/lib.oats": "", "/p/apps/cli/asthra.toml": "", "/p/docs/guide.md": "",
        "/p/mdoell/other.asthra": "", "/p/model/user.asthra": "",
    ])

    @Test("each component not there becomes the closest one there through which the rest is found, ending in what is wanted", arguments: [
        ("src/mian.asthra", "src/main.asthra"),
        ("scr/lb.oats", "src/lib.oats"),
        ("./scr/main.asthra", "./src/main.asthra"),
        ("../p/src/lib.oat", "../p/src/lib.oats"),
        ("src/main.asthra", nil),
        ("src/other.asthra", nil),
        ("lib/main.asthra", nil),
        ("docs/", nil),
        // Of 'mdoell' and 'model', each one edit from 'mdoel', the one the rest is found in.
        ("mdoel/user.asthra", "model/user.asthra"),
        ("mdoel/other.asthra", "mdoell/other.asthra"),
        ("mdoel/none.asthra", nil),
    ] as [(String, String?)])
    func closest(path: String, meant: String?) {
        let fs = Self.tree
        #expect(PathSpelling.closest(to: path, from: "/p", fileSystem: fs, isWanted: fs.isFile) == meant)
    }

    /// `message | help… | fix title: new text`, one per diagnostic.
    func described(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.message) | \($0.help.joined(separator: "; ")) | \($0.fix.map { "\($0.title): \($0.edits.map(\.newText).joined())" } ?? "-")" }
    }

    @Test("a workspace member, an Asthra program's source, an Oats entry and an Elm source directory, each respelt")
    func places() throws {
        let workspace = Checker([
            "/w/asthra.toml": "[workspace]\nmembers = [\"apps/clii\"]\n",
            "/w/apps/cli/asthra.toml": "[package]\nname = \"cli\"\nversion = \"0.1.0\"\nentry = \"src/mian.asthra\"\n",
            "/w/apps/cli/src/main.asthra": "",
        ])
        #expect(described(try workspace.report().diagnostics) == [
            "workspace member 'apps/clii' does not exist | did you mean 'apps/cli'?; create it with `ampu new apps/clii`, or remove it from members | Use 'apps/cli': \"apps/cli\"",
        ])
        #expect(described(try workspace.report(from: "/w/apps/cli").diagnostics.filter { $0.code == "M019" }) == [
            "program 'cli' has its source at 'src/mian.asthra', which does not exist | did you mean 'src/main.asthra'?; the path is relative to the package root; create the file or correct the path | Use 'src/main.asthra': \"src/main.asthra\"",
        ])
        let oats = Checker([
            "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\nentry = \"src/lb.oats\"\n",
            "/w/src/lib.oats": "",
        ], ecosystem: OatsEcosystem())
        #expect(described(try oats.report().diagnostics) == [
            "entry 'src/lb.oats' of package 'app' does not exist | did you mean 'src/lib.oats'?; create the file, or point 'entry' at the package's main source file | Use 'src/lib.oats': \"src/lib.oats\"",
        ])
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/p/src/Main.elm": ""])
        let elm = ElmEcosystem().readManifest(SourceText(path: "/p/elm.json", """
            {"type": "application", "source-directories": ["scr"], "elm-version": "0.19.1",
             "dependencies": {"direct": {}, "indirect": {}}, "test-dependencies": {"direct": {}, "indirect": {}}}
            """))
        #expect(described(ElmSourceDirectories.check(elm, fileSystem: fs)) == [
            "source directory 'scr' does not exist | did you mean 'src'?; create it, or correct or remove the entry | Use 'src': \"src\"",
        ])
    }
}

@Suite("Package names respelt")
struct PackageNameSpellingTests {
    static let names = ["elm/browser", "elm/core", "elm/html", "elm/json", "elm-explorations/test", "github.com/user/json", "github.com/user/http-extra"]

    @Test("one part misspelt at a time: the last part under the same path, else the path for the same last part; a bare name as a key", arguments: [
        ("elm/hmtl", "elm/html"),
        ("elm/http", nil),
        ("elm-exploration/test", "elm-explorations/test"),
        ("elm/tset", nil),
        ("github.com/usr/json", "github.com/user/json"),
        ("github.com/user/jsno", "github.com/user/json"),
        ("jsno", "json"),
        ("http-extr", "http-extra"),
        ("yaml", nil),
    ] as [(String, String?)])
    func closestName(name: String, meant: String?) {
        #expect(Spelling.closestName(to: name, in: Self.names) == meant)
    }
}
