import Foundation
import Testing
@testable import BuildModel

@Suite("Formatting a TOML file: its layout set, its meaning and its tokens kept")
struct TOMLFormatterTests {
    func formatted(_ text: String) -> String? {
        TOMLFormatter.format(SourceText(path: nil, text)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("spaces, indentation, brackets, commas and blank lines as taplo lays them out; comments and values as written")
    func layout() {
        let messy = """


              # the package
            [ package ]
              name="app"   # aligned
            version  =   "0.1.0"
            authors=[ "a" ,"b", ]



            [ dependencies . json ]
            git='github.com/u/json'
            [[bin]]
            name = "tool"
            features = {default=true,extra = [1,2] }
            empty = [ ]
            none = { }
            nested = [
              [ 1, 2 ],
                  "x" # last
                ]
            list = [
            "a",
            "b",
            ]
            text = \"\"\"
              kept   \t
            as is\"\"\"
            """ + "   \n\n"
        #expect(formatted(messy) == """
            # the package
            [package]
            name = "app"   # aligned
            version = "0.1.0"
            authors = ["a", "b"]

            [dependencies.json]
            git = 'github.com/u/json'
            [[bin]]
            name = "tool"
            features = { default = true, extra = [1, 2] }
            empty = []
            none = {}
            nested = [
                [1, 2],
                "x", # last
            ]
            list = [
                "a",
                "b",
            ]
            text = \"\"\"
              kept   \t
            as is\"\"\"

            """)
    }

    @Test("a file laid out already is given back byte for byte; CR LF line breaks stay CR LF")
    func stable() {
        let tidy = "[package]\nname = \"app\" # the name\n\n[dependencies]\njson = { path = \"../json\" }\n"
        #expect(formatted(tidy) == tidy)
        #expect(formatted("a=1\r\nb = [\r\n  1\r\n]") == "a = 1\r\nb = [\r\n    1,\r\n]\r\n")
        #expect(formatted("") == "")
        #expect(formatted("\n\n# only a comment") == "# only a comment\n")
    }

    @Test("a file with a syntax error is not formatted")
    func refused() {
        #expect(formatted("a = \n") == nil)
        #expect(formatted("[package\nname = 1\n") == nil)
    }

    static let suite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/toml-test/tests").path

    @Test("every valid file of toml-test: formatted, it means the same, and formatting it again changes nothing",
          arguments: [TOMLVersion.v1_0, .v1_1])
    func conformance(_ version: TOMLVersion) throws {
        guard FileManager.default.fileExists(atPath: Self.suite) else {
            print("skipped: ../shared/toml-test is not here")
            return
        }
        let list = try String(contentsOfFile: Self.suite + "/files-toml-\(version.rawValue).0", encoding: .utf8)
        let files = list.split(separator: "\n").map(String.init).filter { $0.hasPrefix("valid/") && $0.hasSuffix(".toml") }
        #expect(files.count > 200)
        var changed = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.suite + "/" + file)))
            let source = SourceText(path: file, bytes: bytes)
            let before = TOMLDocument(parsing: source, version: version)
            guard !before.hasErrors else { continue }
            guard let once = TOMLFormatter.format(source, version: version) else {
                Issue.record("\(file): not formatted")
                continue
            }
            let after = TOMLDocument(parsing: SourceText(path: file, bytes: once), version: version)
            #expect(!after.hasErrors, "\(file): the formatted text does not parse: \(after.diagnostics.map(\.message))\n\(String(decoding: once, as: UTF8.self))")
            #expect(TOMLTaggedJSON.encode(after.root) == TOMLTaggedJSON.encode(before.root), "\(file): the formatted text means something else\n\(String(decoding: once, as: UTF8.self))")
            #expect(TOMLFormatter.format(SourceText(path: file, bytes: once), version: version) == once, "\(file): formatting twice changes it")
            if once != bytes { changed += 1 }
        }
        #expect(changed > 50, "the suite's files are laid out in many ways; most are changed")
    }
}
