import Foundation
import Testing
@testable import BuildModel

@Suite("build.abc")
struct ABCDocumentTests {
    func read(_ text: String) -> ABCDocument { ABCDocument(parsing: SourceText(path: "/p/build.abc", text)) }

    /// The tree as `path = value @line:col` lines, for whole-document expectations.
    func dump(_ document: ABCDocument) -> [String] {
        var out: [String] = []
        func walk(_ node: ABCDocument.Node, _ path: String) {
            let at = document.source.location(of: node.range.lowerBound)
            switch node.value {
            case .object(let members):
                for m in members { walk(m.value, path.isEmpty ? m.key : path + "." + m.key) }
            case .array(let elements):
                out.append("\(path) = [\(elements.count)] @\(at)")
                for (i, e) in elements.enumerated() { walk(e, "\(path)[\(i)]") }
            case .string(let s): out.append("\(path) = \"\(s)\" @\(at)")
            case .number(let n): out.append("\(path) = \(n) @\(at)")
            case .bool(let b): out.append("\(path) = \(b) @\(at)")
            case .word(let w): out.append("\(path) = word \(w) @\(at)")
            case .invalid: out.append("\(path) = invalid @\(at)")
            }
        }
        if let root = document.root { walk(root, "") }
        return out
    }

    func problems(_ document: ABCDocument) -> [String] {
        document.diagnostics.map { "\(document.source.location(of: $0.range.lowerBound)) \($0.code ?? "") \($0.message)" }
    }

    @Test("the INI form real projects write: sections, dotted names, arrays over lines, # and ; comments")
    func ini() {
        let d = read("""
            # Test build.abc
            [project]
            name = "test_ffi"   ; a comment
            version = "0.1.0"

            [target.math-wrapper]
            type = "c_library"
            sources = [
                "ffi/math_wrapper.c",  # the C part
                "ffi/extra.c",
            ]
            deps = []
            jobs = 4
            debug = true

            [target.main]
            type = binary
            flags = ["-I", "src", "-L."]
            """)
        #expect(d.form == .ini)
        #expect(d.diagnostics.isEmpty)
        #expect(dump(d) == [
            "project.name = \"test_ffi\" @3:8",
            "project.version = \"0.1.0\" @4:11",
            "target.math-wrapper.type = \"c_library\" @7:8",
            "target.math-wrapper.sources = [2] @8:11",
            "target.math-wrapper.sources[0] = \"ffi/math_wrapper.c\" @9:5",
            "target.math-wrapper.sources[1] = \"ffi/extra.c\" @10:5",
            "target.math-wrapper.deps = [0] @12:8",
            "target.math-wrapper.jobs = 4 @13:8",
            "target.math-wrapper.debug = true @14:9",
            "target.main.type = word binary @17:8",
            "target.main.flags = [3] @18:9",
            "target.main.flags[0] = \"-I\" @18:10",
            "target.main.flags[1] = \"src\" @18:16",
            "target.main.flags[2] = \"-L.\" @18:23",
        ])
    }

    @Test("INI problems: each located, reading goes on with the next line")
    func iniProblems() {
        let d = read("""
            [project
            name "x"
            [target.a]
            sources = ["a.aria" "b.aria"]
            type = "binary
            type = "library"
            [target.a]
            flags = ["-O2"] extra
            ! bad line
            deps = [
            """)
        #expect(problems(d) == [
            "1:1 A001 expected ']' to close the section name, found the end of the line",
            "2:6 A001 expected '=' after the key 'name', found '\"'",
            "4:21 A001 expected ',' or ']' after an array element, found '\"'",
            "5:8 A002 this string has no closing quote",
            "7:1 A003 section [target.a] is written twice",
            "8:17 A001 unexpected 'e' after the value",
            "9:1 A001 expected a [section] or a key = value line, found '!'",
            "10:8 A001 this array has no closing ']'",
        ])
        // What could be read is there.
        #expect(d.root?.member("target")?.value.member("a")?.value.member("type")?.value.string == "library")
    }

    @Test("the seed's form: braces, bare and quoted keys, trailing commas, // comments, with or without the outer braces; JSON too")
    func braces() {
        let seed = read("""
            {
                project: { name: "demo", version: "1.0.0", },  // metadata
                variables: { src: "src", cc: "ariac" },
                targets: [
                    {
                        name: "core_lib",
                        type: "library",
                        sources: ["&{src}/**/*.aria"],
                        depends_on: [],
                    },
                ],
            }
            """)
        #expect(seed.form == .braces)
        #expect(seed.diagnostics.isEmpty)
        #expect(dump(seed) == [
            "project.name = \"demo\" @2:22",
            "project.version = \"1.0.0\" @2:39",
            "variables.src = \"src\" @3:23",
            "variables.cc = \"ariac\" @3:34",
            "targets = [1] @4:14",
            "targets[0].name = \"core_lib\" @6:19",
            "targets[0].type = \"library\" @7:19",
            "targets[0].sources = [1] @8:22",
            "targets[0].sources[0] = \"&{src}/**/*.aria\" @8:23",
            "targets[0].depends_on = [0] @9:25",
        ])
        let bare = read("project: {\n    name: \"x\"\n    version: \"1\"\n}\n")
        #expect(bare.form == .braces)
        #expect(dump(bare) == ["project.name = \"x\" @2:11", "project.version = \"1\" @3:14"])
        let json = read("{\"name\": \"nitpick-dust\", \"dependencies\": {\"nitpick-libc\": \"../nitpick-libc\"}}")
        #expect(json.diagnostics.isEmpty)
        #expect(dump(json) == ["name = \"nitpick-dust\" @1:10", "dependencies.nitpick-libc = \"../nitpick-libc\" @1:59"])
        let broken = read("project: {\n    name \"MyApp\"\n    version: \"1.0\"\n}\n")
        #expect(problems(broken) == ["2:10 A001 expected ':' after the key 'name', found '\"'"])
        #expect(dump(broken) == ["project.version = \"1.0\" @3:14"])
    }

    @Test("the keyword form is told by its first word; the old block form is named in one error")
    func otherForms() {
        let keyword = read("# a library\nLIBRARY \"nitpick_cli\"\n\nSOURCES:\n    src/nitpick_cli.npk\n")
        #expect(keyword.form == .keyword)
        #expect(keyword.root == nil)
        #expect(keyword.keywordFile?.name?.value == "nitpick_cli")
        #expect(problems(keyword) == [])
        #expect(read("SOURCES:\n    a.npk\n").form == .keyword)
        #expect(read("NAME = \"x\"\n").form == .ini)
        let block = read("// build.abc\nbuild test {\n    src = \"t.aria\"\n}\n")
        #expect(block.form == .block)
        #expect(problems(block) == ["2:1 A004 this build file is written in the old block form (`targets { lib \"x\" { … } }`), which ampu does not read"])
        #expect(read("# nothing yet\n").form == .empty)
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/aria").path

    @Test("every real build.abc is read with no false error: the INI, JSON and keyword ones clean, the old block ones A004 alone")
    func corpus() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus) else {
            print("skipped: ../shared/corpora/aria is not here")
            return
        }
        let files = FileManager.default.enumerator(atPath: Self.corpus)!.compactMap { $0 as? String }.filter { $0.hasSuffix("build.abc") }.sorted()
        #expect(files.count == 35)
        var forms: [ABCDocument.Form: Int] = [:]
        for file in files {
            let d = ABCDocument(parsing: SourceText(path: file, try String(contentsOfFile: Self.corpus + "/" + file, encoding: .utf8)))
            forms[d.form, default: 0] += 1
            switch d.form {
            case .ini, .braces, .keyword: #expect(d.diagnostics.isEmpty, "\(file): \(problems(d))")
            default: #expect(d.diagnostics.map(\.code) == ["A004"], "\(file)")
            }
        }
        #expect(forms == [.ini: 28, .braces: 1, .keyword: 2, .block: 4])
    }
}
