import Testing
@testable import BuildModel

@Suite("Asthra import scanning")
struct AsthraScannerTests {
    func scan(_ text: String) -> (SourceText, SourceScan) {
        let source = SourceText(path: "main.asthra", text)
        return (source, AsthraEcosystem().scanSource(source))
    }

    /// `L:C message` for each diagnostic: the whole message with where it points.
    func problems(_ source: SourceText, _ scan: SourceScan) -> [String] {
        scan.diagnostics.map { "\(source.location(of: $0.range.lowerBound)) \($0.code ?? "-") \($0.message)" }
    }

    @Test("package declaration and imports with exact ranges")
    func basic() {
        let (source, scan) = scan("""
            package stdlib::hash;

            import "stdlib/string";
            import "./utils/x" as helpers;
            """)
        #expect(scan.declaration?.value == "stdlib::hash")
        #expect(source.text(scan.declaration!.range) == "stdlib::hash")
        #expect(scan.imports.map(\.path) == ["stdlib/string", "./utils/x"])
        #expect(scan.imports.map { source.text($0.literalRange) } == ["\"stdlib/string\"", "\"./utils/x\""])
        #expect(scan.imports.map { source.text($0.pathRange) } == ["stdlib/string", "./utils/x"])
        #expect(scan.imports.map { source.text($0.range) } == ["import \"stdlib/string\";", "import \"./utils/x\" as helpers;"])
        #expect(scan.imports[1].alias?.value == "helpers")
        #expect(scan.diagnostics.isEmpty)
    }

    @Test("comments, strings and bodies never yield imports")
    func ignored() {
        let (source, scan) = scan("""
            package main; // import "no/1";
            /* import "no/2";
               still a comment */
            import "yes/1"; /* trailing */ import "yes/2";
            fn f(none) -> void {
                let s: string = "import \\"no/3\\";";
                import "no/4";
            }
            let c: char = '"'; import "yes/3";
            """)
        #expect(scan.imports.map(\.path) == ["yes/1", "yes/2", "yes/3"])
        // The last one follows a declaration: today's compiler would not read it.
        #expect(problems(source, scan) == ["9:27 I014 import after the first declaration; today's compiler reads imports only at the top of the file, after `package`"])
    }

    @Test("escapes in the path are decoded; the range still covers the text as written")
    func escapes() {
        let (source, scan) = scan(#"import "a\"b";"#)
        #expect(scan.imports.first?.path == "a\"b")
        #expect(source.text(scan.imports[0].pathRange) == #"a\"b"#)
    }

    @Test("CRLF line ends and a byte order mark are fine")
    func crlf() {
        let (source, scan) = scan("\u{FEFF}package main;\r\nimport \"stdlib/io\";\r\n")
        #expect(scan.imports.map(\.path) == ["stdlib/io"])
        #expect(source.location(of: scan.imports[0].literalRange.lowerBound) == "2:8")
    }

    @Test("malformed statements are reported and scanning goes on")
    func malformed() throws {
        let (source, scan) = scan("""
            package main
            import stdlib/string;
            import "stdlib/io"
            import "";
            import "a" as ;
            import "unterminated;
            import "b\\q";
            package again;
            import "ok";
            """)
        #expect(problems(source, scan) == [
            "1:13 I011 expected ';' after the package declaration, found 'import'",
            "2:8 I001 expected a string after 'import', found 'stdlib/string'",
            "3:19 I001 expected ';' after the import, found 'import'",
            "4:8 I001 empty import path",
            "5:15 I001 expected a name after 'as', found ';'",
            "6:8 I001 unterminated string in import",
            "7:10 I001 unknown escape '\\q' in import path",
            "8:9 I011 a second package declaration",
        ])
        #expect(scan.imports.map(\.path) == ["stdlib/io", "ok"])
        #expect(scan.diagnostics[1].help == ["write the path in double quotes: import \"stdlib/string\";"])
        let quoted = String(decoding: try TextEdit.apply(scan.diagnostics[1].fix!.edits, to: source.bytes), as: UTF8.self)
        #expect(quoted.contains("import \"stdlib/string\";"))
        let semicolon = String(decoding: try TextEdit.apply(scan.diagnostics[2].fix!.edits, to: source.bytes), as: UTF8.self)
        #expect(semicolon.contains("import \"stdlib/io\";\n"))
    }

    @Test("a bare import path ends with its line; a quote right after it is the closing one of a path never opened")
    func barePathEndsWithItsLine() throws {
        let (source, scan) = scan("""
            package main;
            import 2./util/format" as fmt;
            import stdlib/io
            import "ok";
            import
            pub fn main(none) -> void {
                return ();
            }
            import "late";
            """)
        #expect(problems(source, scan) == [
            "2:8 I001 import path '2./util/format' has no opening quote",
            "3:8 I001 expected a string after 'import', found 'stdlib/io'",
            "5:7 I001 expected a string after 'import', found the end of the line",
            "9:8 I014 import after the first declaration; today's compiler reads imports only at the top of the file, after `package`",
        ])
        #expect(scan.diagnostics.map(\.help) == [
            ["open it with a double quote: import \"2./util/format\""],
            ["write the path in double quotes: import \"stdlib/io\";"],
            ["an import names its path in double quotes"],
            ["move the import above the first declaration"],
        ])
        // The statement after each broken one is read: the import on the next line, and the
        // declaration after a lone `import` (the first one, which the late import comes after).
        #expect(scan.imports.map(\.path) == ["ok", "late"])
        #expect(scan.diagnostics[3].related.map { source.location(of: $0.range.lowerBound) } == ["6:1"])
        let opened = String(decoding: try TextEdit.apply(scan.diagnostics[0].fix!.edits, to: source.bytes), as: UTF8.self)
        #expect(opened.split(separator: "\n")[1] == "import \"2./util/format\" as fmt;")
        let quoted = String(decoding: try TextEdit.apply(scan.diagnostics[1].fix!.edits, to: source.bytes), as: UTF8.self)
        #expect(quoted.split(separator: "\n")[2] == "import \"stdlib/io\"")
        #expect(scan.diagnostics[2].fix == nil)
    }

    @Test("block comments nest, as in the compiler's lexer: an import inside the outer one is not an import")
    func nestedComments() {
        let (source, scan) = scan("""
            package main;
            /* outer /* inner */ import "no/1"; /* again */ still outer */
            import "yes/1";
            /* /* /* three deep */ */ import "no/2"; */ import "yes/2";
            """)
        #expect(scan.imports.map(\.path) == ["yes/1", "yes/2"])
        #expect(problems(source, scan) == [])
        // One level left open: the rest of the file is a comment, reported where it starts.
        let (open, unclosed) = self.scan("package main;\n/* a /* b */\nimport \"x\";\n")
        #expect(problems(open, unclosed) == ["2:1 I001 unterminated block comment"])
        #expect(unclosed.imports.isEmpty)
    }

    @Test("an unterminated block comment is reported where it starts")
    func unterminatedComment() {
        let (source, scan) = scan("package main;\n/* never closed\nimport \"x\";\n")
        #expect(problems(source, scan) == ["2:1 I001 unterminated block comment"])
        #expect(scan.imports.isEmpty)
    }
}
