import Testing
@testable import BuildModel

/// The keyword form, with the reader and the problem lines of the build.abc suite.
extension ABCDocumentTests {
    /// What a keyword-form file holds as `what text @line:col` lines.
    func keywordDump(_ document: ABCDocument) -> [String] {
        guard let file = document.keywordFile else { return ["no keyword file"] }
        func at(_ range: SourceRange) -> String { "@\(document.source.location(of: range.lowerBound))" }
        var out: [String] = []
        if let library = file.library { out.append("LIBRARY \(at(library))") }
        if let name = file.name { out.append("name \(name.value) \(at(name.range))") }
        out += file.sources.map { "source \($0.value) \(at($0.range))" }
        out += file.dependencies.map { "dependency \($0.path.value)\($0.isOptional ? " optional" : "") \(at($0.path.range))" }
        return out
    }

    @Test("a library, its sources and its dependencies, as nitpick-packages writes them")
    func realFile() {
        let file = read("""
            LIBRARY "nitpick_tilemap"

            SOURCES:
                src/nitpick_tilemap.npk
            \tsrc/more/*.npk

            # the maths, when it is there
            DEPENDENCIES:
                ../nitpick-math (optional)
                ../nitpick-str\r
            """)
        #expect(problems(file) == [])
        #expect(keywordDump(file) == [
            "LIBRARY @1:1",
            "name nitpick_tilemap @1:9",
            "source src/nitpick_tilemap.npk @4:5",
            "source src/more/*.npk @5:2",
            "dependency ../nitpick-math optional @9:5",
            "dependency ../nitpick-str @10:5",
        ])
    }

    @Test("empty sections, a bare name, an escape in a quoted one, comment lines")
    func smallForms() {
        #expect(keywordDump(read("LIBRARY nitpick_cli\n\nSOURCES:\n    src/nitpick_cli.npk\n\nDEPENDENCIES:\n")) == [
            "LIBRARY @1:1", "name nitpick_cli @1:9", "source src/nitpick_cli.npk @4:5",
        ])
        #expect(keywordDump(read("// one\nLIBRARY \"a\\\"b\" # the name\nSOURCES: // none yet\n")) == ["LIBRARY @2:1", "name a\"b @2:9"])
    }

    @Test("each problem at its place, and the rest of the file still read")
    func problemsFound() {
        let file = read("""
            LIBRARY "x" "y"
                stray.npk
            SOURCES: a.npk
                b.npk
            TARGETS:
                c.npk
            DEPENDENCIES:
                ../math (optinal)
                (optional)
                ../str
            LIBRARY "z"
            SORCES:
            """)
        #expect(problems(file) == [
            "1:13 A001 more than one name after LIBRARY",
            "2:5 A001 an indented line outside SOURCES: and DEPENDENCIES:",
            "3:10 A001 an entry on the line of SOURCES:",
            "5:1 A001 unknown keyword 'TARGETS:'",
            "8:13 A001 unknown mark '(optinal)' on a dependency",
            "9:5 A001 a dependency with no directory",
            "11:1 A003 LIBRARY is written twice",
            "12:1 A001 unknown keyword 'SORCES:'",
        ])
        // The first name stands; `c.npk` is under no known keyword; the dependency whose mark
        // cannot be read is left out.
        #expect(keywordDump(file) == ["LIBRARY @1:1", "name x @1:9", "source b.npk @4:5", "dependency ../str @10:5"])
        let typo = file.diagnostics[4]
        #expect(typo.help == ["did you mean '(optional)'?", "the one mark a dependency takes is (optional): the build goes on without it"])
        #expect(typo.fix?.edits.map(\.newText) == ["(optional)"])
        #expect(file.diagnostics[7].help.first == "did you mean 'SOURCES:'?")
        #expect(file.diagnostics[7].fix?.edits.map { "\($0.range.lowerBound)-\($0.range.upperBound) \($0.newText)" } == ["\(file.diagnostics[7].range.lowerBound)-\(file.diagnostics[7].range.upperBound) SOURCES:"])
        #expect(file.diagnostics[3].fix == nil)
    }

    @Test("LIBRARY with no name, and a string with no end")
    func brokenNames() {
        #expect(problems(read("LIBRARY\nSOURCES:\n    a.npk\n")) == ["1:1 A001 LIBRARY names no library"])
        #expect(keywordDump(read("LIBRARY\nSOURCES:\n    a.npk\n")) == ["LIBRARY @1:1", "source a.npk @3:5"])
        #expect(problems(read("LIBRARY \"x\nSOURCES:\n")) == ["1:9 A002 this string has no closing quote"])
        #expect(problems(read("SOURCES:\n    a.npk\nLIBRARY ;x\n")) == ["3:9 A001 expected the library's name after LIBRARY, found ';'"])
    }
}
