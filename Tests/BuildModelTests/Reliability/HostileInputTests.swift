import Testing
@testable import BuildModel

/// Inputs found by fault testing: each once crashed, hung or grew too fast.
@Suite("Hostile input")
struct HostileInputTests {
    @Test("a dotted key of more than 128 parts is one located error and defines nothing", arguments: [
        (String(repeating: "k.", count: 200) + "k = 1\nok = 2\n", "T002 1:257 'k': a dotted key has more than 128 parts\n  help: use fewer levels of tables; the key is ignored"),
        ("[" + String(repeating: "k.", count: 200) + "k]\nx = 1\n[ok]\n", "T002 1:258 'k': a dotted key has more than 128 parts\n  help: use fewer levels of tables; the key is ignored"),
    ])
    func deepKeys(input: String, expected: String) {
        let document = TOMLDocument(input)
        #expect(document.diagnostics.map { TOMLDiagnosticTests.render($0, document.source) } == [expected])
        #expect(document.root.entries.keys.elements == ["ok"])
        #expect(document.syntax.printed() == Array(input.utf8), "the parse stays lossless")
    }

    @Test("a dotted key of exactly 128 parts is accepted")
    func keyAtTheLimit() {
        let document = TOMLDocument(Array(repeating: "k", count: 128).joined(separator: ".") + " = 1\n")
        #expect(document.diagnostics.isEmpty)
        var table = document.root
        var depth = 1
        while case .table(let t)? = table.entries["k"]?.value.kind { table = t; depth += 1 }
        #expect(depth == 128)
        #expect(table.entries["k"]?.value.kind == .integer(1))
    }

    @Test("50,000 arrays of tables keep their order and contents")
    func manyArrayElements() {
        let text = (0..<50_000).map { "[[a]]\nx = \($0)\n" }.joined()
        let document = TOMLDocument(text)
        #expect(document.diagnostics.isEmpty)
        guard case .arrayOfTables(let tables)? = document.root.entries["a"]?.value.kind else {
            Issue.record("no array of tables")
            return
        }
        #expect(tables.count == 50_000)
        #expect(tables.enumerated().allSatisfy { $0.element.entries["x"]?.value.kind == .integer(Int64($0.offset)) })
    }

    @Test("conflict messages still name the whole path of a deep table")
    func deepPathInMessages() {
        let document = TOMLDocument("a.b.c = 1\n[a.b.c.d]\n")
        #expect(document.diagnostics.map { TOMLDiagnosticTests.render($0, document.source) } == [
            "T009 2:6 'c': cannot use 'a.b.c' as a table: it already holds a value of type integer (defined at 1:5)\n  related 1:5 'c': 'a.b.c' defined here\n  help: rename the table, or move its keys into the value at 1:5",
        ])
    }

    @Test("'..' is applied before an import is classified; climbing out of the root is refused", arguments: [
        ("stdlib/io/../fs", "success stdlib/fs"),
        ("std/./io", "success std/io"),
        ("github.com/acme/json/../http", "success github.com/acme/http"),
        ("stdlib/../internal/runtime/memory", "failure stdlib"),
        ("std/../../x/src/main", "failure std"),
        ("mathlib/..", "failure mathlib"),
        ("./a/../../b", "success ./a/../../b"),
        ("stdlib/io", "success stdlib/io"),
    ])
    func normalisedImports(path: String, expected: String) {
        let shown = switch AsthraImportPath.normalized(path) {
        case .success(let p): "success \(p)"
        case .failure(let e): "failure \(e.root)"
        }
        #expect(shown == expected)
    }

    @Test("access rules see the normalised path: '..' is no way into internal/ or the user's package")
    func dotDotBypass() throws {
        let checker = Checker(stdlibTree.merging([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.asthra": """
                package main;
                import "stdlib/../internal/runtime/memory";
                import "std/../../w/src/main";
                import "stdlib/collections/../io";
                import "internal/runtime/../../stdlib/io";

                """,
        ]) { a, _ in a }, environment: ["ASTHRA_HOME": "/asthra"])
        #expect(try checker.lines() == [
            "src/main.asthra:2:8 error[I012] import path 'stdlib/../internal/runtime/memory' climbs out of 'stdlib/' with '..'",
            "src/main.asthra:3:8 error[I012] import path 'std/../../w/src/main' climbs out of 'std/' with '..'",
            "src/main.asthra:5:8 error[I012] import path 'internal/runtime/../../stdlib/io' climbs out of 'internal/' with '..'",
        ])
    }

    @Test("a package that depends on itself is told so")
    func selfDependency() throws {
        let checker = Checker(stdlibTree.merging([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\napp = { path = \".\" }\nalso = { path = \"./src/..\" }\n",
            "/w/src/main.asthra": "package main;\n",
        ]) { a, _ in a }, environment: ["ASTHRA_HOME": "/asthra"])
        let lines = try checker.lines()
        #expect(lines == [
            "asthra.toml:6:16 error[M017] package 'app' depends on itself: path dependency 'app' points to its own directory",
            "asthra.toml:7:17 error[M017] package 'app' depends on itself: path dependency 'also' points to its own directory",
        ])
        // The fix removes the line, in the manifest's own syntax.
        let report = try checker.report()
        let fix = try #require(report.diagnostics[0].fix)
        #expect(fix.title == "Remove the dependency 'app'")
        let edited = String(decoding: try TextEdit.apply(fix.edits, to: report.snapshot.rootManifest.source.bytes), as: UTF8.self)
        #expect(edited == "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nalso = { path = \"./src/..\" }\n")
    }

    @Test("positions far past the text clamp in every encoding", arguments: ColumnEncoding.allCases)
    func hugePositions(encoding: ColumnEncoding) {
        let index = LineIndex(bytes: Array("ab\ncdé\n".utf8))
        #expect(index.offset(of: LinePosition(line: 1, column: Int.max), in: encoding) == 7)
        #expect(index.offset(of: LinePosition(line: Int.max, column: Int.max), in: encoding) == 8)
        #expect(index.offset(of: LinePosition(line: 0, column: Int.max - 1), in: encoding) == 2)
    }
}
