import Testing
import TestSupport
@testable import BuildModel

/// What the language server does on each edit of a source (`WorkspaceLoader.update`, then
/// `WorkspaceDiagnostics.update`) against a fresh load of the same files, as `ampu check` makes
/// one: after every one of many random edits the two must say the same diagnostics. A small
/// workspace (a package with a path dependency; for Elm, two source directories) whose files
/// import at random: modules of their own package, one that does not exist, the dependency and
/// its modules, a package not declared, a path out of the package, a module imported twice, a
/// malformed import.
@Suite("incremental updates against fresh loads")
struct IncrementalUpdatePropertyTests {
    struct Language: Sendable {
        var ecosystem: any Ecosystem
        /// The files of the workspace before any edit.
        var files: [String: String]
        /// The sources that may be edited, and the imports an edit picks from.
        var sources: [String]
        var imports: [String]
        /// A file's text with these imports (and one malformed line, when asked).
        var text: @Sendable (_ imports: [String], _ malformed: Bool) -> String
    }

    static let oats = Language(
        ecosystem: OatsEcosystem(),
        files: [
            "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n",
            "/lib/Oats.toml": "[package]\nname = \"lib\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n",
        ],
        sources: ["/w/src/main.oats", "/w/src/a.oats", "/w/src/b.oats", "/lib/src/lib.oats", "/lib/src/x.oats", "/lib/src/y.oats"],
        imports: ["./a", "./b", "./main", "./lib", "./x", "./y", "./missing", "lib", "lib/src/x", "other", "../outside"],
        text: { imports, malformed in
            imports.enumerated().map { "import { v\($0.offset) } from \"\($0.element)\";\n" }.joined() + (malformed ? "import {\n" : "") + "export const value = 1;\n"
        })

    static let asthra = Language(
        ecosystem: AsthraEcosystem(),
        files: [
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n",
            "/lib/asthra.toml": "[package]\nname = \"lib\"\nversion = \"0.1.0\"\n",
        ],
        sources: ["/w/src/main.asthra", "/w/src/a.asthra", "/w/src/util/b.asthra", "/lib/src/lib.asthra", "/lib/src/x.asthra", "/lib/src/inner/y.asthra"],
        imports: ["./a", "./util/b", "../a", "./main", "./x", "./inner/y", "./missing", "lib", "lib/inner", "other", "std/string", "stdlib/io", "github.com/user/pkg"],
        text: { imports, malformed in
            "package p;\n\n" + imports.map { "import \"\($0)\";\n" }.joined() + (malformed ? "import \"unclosed;\n" : "") + "\npub fn f() -> i32 { return 1; }\n"
        })

    static let rask = Language(
        ecosystem: RaskEcosystem(),
        files: [
            "/w/rask.build": "package \"app\" \"0.1.0\" {\n    dep \"lib\" { path: \"../lib\" }\n}\n",
            "/lib/rask.build": "package \"lib\" \"0.1.0\" {}\n",
        ],
        sources: ["/w/main.rk", "/w/a.rk", "/w/util/b.rk", "/lib/lib.rk", "/lib/x.rk", "/lib/inner/y.rk"],
        imports: ["lib", "lib.inner", "util", "inner", "missing", "fmt", "app", "lib.nothing.Thing"],
        text: { imports, malformed in
            imports.map { "import \($0)\n" }.joined() + (malformed ? "import\n" : "") + "\nfunc f() {\n}\n"
        })

    static let elm = Language(
        ecosystem: ElmEcosystem(),
        files: [
            "/w/elm.json": """
                {"type": "application", "source-directories": ["src", "lib"], "elm-version": "0.19.1",
                 "dependencies": {"direct": {}, "indirect": {}}, "test-dependencies": {"direct": {}, "indirect": {}}}

                """,
        ],
        sources: ["/w/src/Main.elm", "/w/src/A.elm", "/w/src/Page/B.elm", "/w/lib/Shared.elm", "/w/lib/Page/C.elm"],
        imports: ["A", "Page.B", "Page.C", "Main", "Shared", "Missing", "Html", "Basics"],
        text: { imports, malformed in
            "module M exposing (..)\n\n" + imports.map { "import \($0)\n" }.joined() + (malformed ? "import\n" : "") + "\nvalue = 1\n"
        })

    /// Each diagnostic as a line: file, code, severity, range and message.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.file ?? "-") \($0.code ?? "-") \($0.severity) \($0.range.lowerBound)-\($0.range.upperBound) \($0.message)" }
    }

    @Test("after every random edit, the server's diagnostics are a fresh load's",
          arguments: (UInt64(1)...8).flatMap { [("oats", $0), ("asthra", $0), ("rask", $0), ("elm", $0)] })
    func agree(language name: String, seed: UInt64) throws {
        let language = ["oats": Self.oats, "asthra": Self.asthra, "rask": Self.rask, "elm": Self.elm][name]!
        var random = SeededRandom(state: seed)
        var files = language.files
        for source in language.sources { files[source] = language.text([], false) }
        let fs = InMemoryFileSystem(currentDirectory: "/", files: files)
        let loader = WorkspaceLoader(ecosystem: language.ecosystem, fileSystem: fs, environment: [:])
        var snapshot = try loader.load(from: "/w")
        var index = WorkspaceDiagnostics(snapshot)
        var steps: [String] = []
        // The kinds of diagnostic seen on the way: the edits must make the loads say something.
        var codes: Set<String> = []
        for _ in 0..<300 {
            let file = language.sources[random.next(language.sources.count)]
            let imports = (0..<random.next(4)).map { _ in language.imports[random.next(language.imports.count)] }
            let malformed = random.chance(8)
            let text = language.text(imports, malformed)
            steps.append("\(file): \(imports)\(malformed ? " malformed" : "")")
            try fs.writeFile(file, Array(text.utf8))
            // The server applies an edit to the workspace that owns the file (`WorkspaceState.owns`):
            // a module it loaded, or a file of a member. Another file is another workspace's.
            if snapshot.modules[file] != nil || snapshot.member(containing: file) != nil {
                let (next, loaded) = loader.update(snapshot, file: file, bytes: Array(text.utf8))
                _ = index.update(next, from: snapshot, edited: file, loaded: loaded)
                snapshot = next
            }
            let fresh = try WorkspaceLoader(ecosystem: language.ecosystem, fileSystem: fs, environment: [:]).load(from: "/w")
            let all = WorkspaceDiagnostics(fresh).all
            let expected = Self.lines(all)
            codes.formUnion(all.compactMap(\.code))
            #expect(Self.lines(index.all) == expected, "after \(steps.count) edits, the last \(steps.suffix(3))")
            if Self.lines(index.all) != expected { return }
        }
        #expect(codes.count >= 3, "\(codes.sorted())")
    }
}
