import Testing
@testable import BuildModel

@Suite("Oats import scanning")
struct OatsScannerTests {
    func scan(_ text: String) -> (imports: [String], problems: [String]) {
        let source = SourceText(path: "/w/src/main.oats", text)
        let scan = OatsEcosystem().scanSource(source)
        let imports = scan.imports.map { i in
            "\(source.location(of: i.literalRange.lowerBound)) \(i.path)" + (i.alias.map { " as \($0.value)" } ?? "")
                + " [\(source.text(i.range))]"
        }
        let problems = scan.diagnostics.map { "\(source.location(of: $0.range.lowerBound)) [\($0.code ?? "-")] \($0.message)" }
        return (imports, problems)
    }

    @Test("every import form, with or without `;`")
    func forms() {
        let result = scan("""
            import { add, multiply } from "./math";
            import { a, b as c, } from './letters'
            import Logger from "common";
            import * as shapes from "./shapes";
            import greet, { shout as loud } from "./greeting";
            import Default, * as everything from "./all";
            import "./side-effect";
            import type { Shape } from "./types";
            """)
        #expect(result.problems == [])
        #expect(result.imports == [
            "1:31 ./math [import { add, multiply } from \"./math\";]",
            "2:28 ./letters [import { a, b as c, } from './letters']",
            "3:20 common as Logger [import Logger from \"common\";]",
            "4:25 ./shapes as shapes [import * as shapes from \"./shapes\";]",
            "5:38 ./greeting as greet [import greet, { shout as loud } from \"./greeting\";]",
            "6:38 ./all as everything [import Default, * as everything from \"./all\";]",
            "7:8 ./side-effect [import \"./side-effect\";]",
            "8:28 ./types [import type { Shape } from \"./types\";]",
        ])
    }

    @Test("comments, strings, template literals, nested code and expressions hold no imports")
    func notImports() {
        let result = scan("""
            // import { a } from "./commented";
            /* import { b } from "./block";
               still a comment */
            const s = "import { c } from './string'";
            const t = `import { d } from "./template" ${ "}" + `nested ${1}` } done`;
            function f() {
                import { e } from "./inside-a-function";
            }
            const lazy = import("./dynamic");
            const meta = import.meta;
            const o = { import: 1 }; o.import;
            import { real } from "./real";
            """)
        #expect(result.problems == [])
        #expect(result.imports == ["12:22 ./real [import { real } from \"./real\";]"])
    }

    @Test("templates nested 200,000 deep are read without recursion, and the import after them is found")
    func deepTemplates() {
        let n = 200_000
        let text = "const x = " + String(repeating: "`${", count: n) + "1" + String(repeating: "}`", count: n) + ";\nimport { a } from \"./after\";\n"
        let result = scan(text)
        #expect(result.problems == [])
        #expect(result.imports == ["2:19 ./after [import { a } from \"./after\";]"])
    }

    @Test("malformed statements are reported where they go wrong, and scanning goes on")
    func malformed() {
        let result = scan("""
            import { x from "./a";
            import * from "./b";
            import { y } "./c";
            import { z } from;
            import D from "./unterminated
            import from "./e";
            import { ok } from "./ok";
            /* never closed
            """)
        #expect(result.problems == [
            "1:12 [I001] expected ',' or '}' in the import list, found 'from'",
            "2:10 [I001] expected 'as' and a name after '*', found 'from'",
            "3:14 [I001] expected 'from' and a module path, found a string",
            "4:18 [I001] expected a module path in quotes after 'from', found ';'",
            "5:15 [I001] unterminated string: the module path needs its closing quote",
            "6:8 [I001] expected '{', '*', a name or a module path after 'import', found 'from'",
            "8:1 [I001] unterminated block comment",
        ])
        #expect(result.imports == ["7:20 ./ok [import { ok } from \"./ok\";]"])
    }

    @Test("the path being typed after `from \"` or `import \"`", arguments: [
        ("import { a } from \"./ma$0\";", "./ma"),
        ("import { a } from './$0", "./"),
        ("import \"com$0\"", "com"),
        ("import D from \"$0\";", ""),
    ])
    func typing(_ marked: String, _ prefix: String) throws {
        let offset = try #require(marked.utf8.firstIndex(of: UInt8(ascii: "$")).map { marked.utf8.distance(from: marked.utf8.startIndex, to: $0) })
        let text = marked.replacingOccurrences(of: "$0", with: "")
        let found = OatsEcosystem().importPathBeingTyped(in: SourceText(text), at: offset)
        #expect(found?.prefix == prefix)
    }

    @Test("no path is being typed in code or after a closed string", arguments: [
        "const s = \"./ma$0\";",
        "import { a } from \"./math\"; f($0)",
        "// from \"x$0",
    ])
    func notTyping(_ marked: String) throws {
        let offset = try #require(marked.utf8.firstIndex(of: UInt8(ascii: "$")).map { marked.utf8.distance(from: marked.utf8.startIndex, to: $0) })
        let text = marked.replacingOccurrences(of: "$0", with: "")
        #expect(OatsEcosystem().importPathBeingTyped(in: SourceText(text), at: offset) == nil)
    }
}
