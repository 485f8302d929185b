import Testing
@testable import BuildModel

@Suite("Aria use statements")
struct AriaScannerTests {
    /// Each import as `path [alias]`, then each problem as `L:C message`.
    func scan(_ text: String) -> [String] {
        let source = SourceText(path: "/p/a.npk", text)
        let scan = AriaEcosystem().scanSource(source)
        return scan.imports.map { "\($0.path)\($0.alias.map { " as " + $0.value } ?? "") @\(source.location(of: $0.literalRange.lowerBound))" }
            + scan.diagnostics.map { "\(source.location(of: $0.range.lowerBound)) \($0.message)" }
    }

    @Test("every form real code and the parser's tests write, also in the middle of a file; comments and strings are not statements")
    func forms() {
        #expect(scan("""
            use "nitpick_json.npk".*;
            use "../src/x.npk";
            use "x" as y;
            use std.io;
            use std.mem.*;
            use math.{sin, cos};
            use a.b as C;
            // use "commented.npk".*;
            /* use "block.npk".*; */
            string:s = "use \\"quoted.npk\\".*;";
            func:main = int32() {
                pass(0i32);
            };
            use stdlib.atomic.int32;
            """) == [
            "nitpick_json.npk @1:5", "../src/x.npk @2:5", "x as y @3:5", "std.io @4:5", "std.mem @5:5", "math @6:5", "a.b as C @7:5",
            "stdlib.atomic.int32 @14:5",
        ])
        #expect(AriaEcosystem().scanSource(SourceText(path: "/p/a.npk", "func:main = int32() { pass(0i32); };")).definesEntryPoint)
        #expect(!AriaEcosystem().scanSource(SourceText(path: "/p/a.npk", "func:mainly = int32() { pass(0i32); };")).definesEntryPoint)
    }

    @Test("malformed statements: located, skipped, the next one read")
    func malformed() {
        #expect(scan("use ;\nuse \"a.npk\"\nuse b.{x, y;\nuse \"ok.npk\".*;\nuse c as ;\n") == [
            "ok.npk @4:5",
            "1:1 expected a module after 'use': a path in quotes or a dotted name",
            "2:12 expected ';' after the use statement",
            "3:6 the list of names after 'b.{' is not closed",
            "5:10 expected a name after 'as'",
        ])
    }

    @Test("commands split into argv without a shell; what needs one is refused with its reason")
    func commandWords() throws {
        #expect(try CommandWords.split("mkdir -p 'build dir' \"a \\\"b\\\"\" c\\ d").get() == ["mkdir", "-p", "build dir", "a \"b\"", "c d"])
        #expect(try CommandWords.split("sh -c 'echo hi > out.txt'").get() == ["sh", "-c", "echo hi > out.txt"])
        for (text, why) in [("echo hi > out.txt", "'>' needs a shell"), ("a | b", "'|' needs a shell"), ("echo $HOME", "'$' needs a shell"), ("echo 'open", "a ' is not closed")] {
            guard case .failure(let problem) = CommandWords.split(text) else { Issue.record("\(text) was split"); continue }
            #expect(problem.description == why)
        }
    }
}
