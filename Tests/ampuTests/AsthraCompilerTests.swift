import Foundation
import Testing
import TestSupport

/// Asthra as today's compiler and the earlier era's documents write it, as real directories.
@Suite("ampu check on Asthra as the compilers see it")
struct AsthraCompilerTests {
    @Test("laid out like the current compiler's examples (.ast files, std/ built in, no standard library anywhere): clean")
    func today() throws {
        let result = try AmpuProcess.run(["check"], environment: plain, directory: examples + "/asthra-today")
        #expect(result.stderr == "Checked 1 package, 2 modules: no problems\n")
        #expect(result.status == 0)
    }

    @Test("every import form of the earlier era: exactly the warnings today's compiler would turn into failures")
    func earlier() throws {
        let result = try AmpuProcess.run(["check", "--message-format", "short"], environment: plain, directory: examples + "/asthra-earlier")
        #expect(result.stderr == """
            asthra.toml:5:9: warning[M019]: program 'earlier' has its source at 'src/app.ast', which does not exist
            src/main.ast:5:8: warning[I010]: 'std/io' is 'stdlib/io' again: the module is imported twice
            src/main.ast:7:24: warning[I015]: 'fn' is a keyword; today's compiler does not accept it as an import's name
            src/main.ast:8:8: warning[I016]: module './dup' is both 'dup.asthra' and 'dup.ast'; 'dup.asthra' is used
            src/main.ast:14:8: warning[I014]: import after the first declaration; today's compiler reads imports only at the top of the file, after `package`
            Checked 1 package, 6 modules: 5 warnings

            """)
        #expect(result.status == 0)
    }

    @Test("a path in single quotes gets the fix that swaps the quotes, not one that wraps them")
    func singleQuotes() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n")
        try dir.write("src/main.asthra", "package main;\nimport 'std/io';\n")
        let result = try AmpuProcess.run(["check", "--message-format", "json"], environment: plain, directory: dir.path)
        #expect(result.stdout == #"""
            {"file":"src/main.asthra","line":2,"column":8,"endLine":2,"endColumn":16,"severity":"error","code":"I001","message":"an import path is written in double quotes, not single quotes","help":["write it as: import \"std/io\";"],"related":[],"fix":{"title":"Use double quotes","edits":[{"file":"src/main.asthra","line":2,"column":8,"endLine":2,"endColumn":16,"newText":"\"std/io\""}],"certain":true}}

            """#)
    }

    @Test("rustc's layout: a label on the primary caret, the rule as a note, the fix as help")
    func layout() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n")
        try dir.write("src/main.asthra", "package main;\nimport \"internal/runtime/memory\";\n")
        let result = try AmpuProcess.run(["check"], environment: plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }, directory: dir.path)
        #expect(result.stderr == """
            error[I006]: user code cannot import internal package 'internal/runtime/memory'
             --> src/main.asthra:2:8
              |
            2 | import "internal/runtime/memory";
              |        ^^^^^^^^^^^^^^^^^^^^^^^^^ internal to the standard library
              |
              = note: 'internal/…' packages are private to the standard library
              = help: use the public API under 'stdlib/…' instead

            error: check failed: 1 error, 0 warnings in 1 package, 1 module

            """)
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }, directory: dir.path)
        #expect(json.stdout.contains(#""label":"internal to the standard library","notes":["'internal/…' packages are private to the standard library"],"help":["use the public API under 'stdlib/…' instead"]"#))
    }
}
