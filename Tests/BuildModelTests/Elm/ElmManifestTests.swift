import Foundation
import Testing
@testable import BuildModel

@Suite("elm.json")
struct ElmManifestTests {
    func read(_ text: String) -> PackageManifest { ElmManifestReader.read(SourceText(path: "/p/elm.json", text)) }

    /// The diagnostics as `line:column code message` lines.
    func problems(_ m: PackageManifest) -> [String] {
        m.diagnostics.map { "\(m.source.location(of: $0.range.lowerBound)) \($0.code ?? "") \($0.message)" }
    }

    static let application = """
        {
            "type": "application",
            "source-directories": ["src"],
            "elm-version": "0.19.1",
            "dependencies": {
                "direct": { "elm/browser": "1.0.2", "elm/core": "1.0.5", "elm/html": "1.0.0" },
                "indirect": { "elm/json": "1.1.3", "elm/time": "1.0.0" }
            },
            "test-dependencies": { "direct": {}, "indirect": {} }
        }
        """

    @Test("an application: its source directories and its direct, indirect and test dependencies at exact versions")
    func application() throws {
        let m = read(Self.application)
        #expect(m.diagnostics.isEmpty)
        #expect(m.sourceDirectories.map(\.value) == ["src"])
        #expect(m.package?.languageVersion?.value == "0.19.1")
        #expect(m.dependencies.map { "\($0.scope) \($0.name.value) \($0.requirement!.value)" } == [
            "normal elm/browser =1.0.2", "normal elm/core =1.0.5", "normal elm/html =1.0.0", "indirect elm/json =1.1.3", "indirect elm/time =1.0.0",
        ])
        let core = try #require(m.dependency(named: "elm/core"))
        #expect(String(decoding: m.source.bytes[core.name.range.range], as: UTF8.self) == "\"elm/core\"")
        #expect(core.section == "dependencies.direct")
    }

    @Test("a package: name, version, summary, license, and constraints read into version sets")
    func package() throws {
        let m = read("""
            {
                "type": "package",
                "name": "elm/file",
                "summary": "Select files.",
                "license": "BSD-3-Clause",
                "version": "1.0.5",
                "exposed-modules": ["File"],
                "elm-version": "0.19.0 <= v < 0.20.0",
                "dependencies": { "elm/core": "1.0.1 <= v < 2.0.0", "elm/json": "1.1.0 < v <= 1.2.0" },
                "test-dependencies": {}
            }
            """)
        #expect(m.diagnostics.isEmpty)
        #expect(m.package?.name?.value == "elm/file")
        #expect(m.package?.version?.value == Version(1, 0, 5))
        #expect(m.dependencies.map { "\($0.name.value) \($0.requirement!.value.versionSet)" } == ["elm/core >=1.0.1, <2.0.0", "elm/json >1.1.0, <=1.2.0"])
        // The same versions as the constraint's own reading.
        for dep in m.dependencies {
            let text = String(decoding: m.source.bytes[dep.range.range].dropFirst().dropLast(), as: UTF8.self)
            #expect(dep.requirement!.value.versionSet == (try? ElmConstraint.parse(text).get()))
        }
    }

    @Test("each problem of the seed's table, located, with the rest still read")
    func problemsAreLocated() {
        let m = read("""
            {
                "type": "application",
                "elm-version": "0.19",
                "dependency": {},
                "dependencies": {
                    "direct": { "elm/core": "1.0.0 <= v < 2.0.0", "Elm/Html": "1.0.0", "elm/json": 1 },
                    "indirect": []
                },
                "test-dependencies": { "direct": {}, "indirect": {} }
            }
            """)
        #expect(problems(m) == [
            "4:5 M001 unknown field \"dependency\" in an application's elm.json",
            "1:1 M006 an application's elm.json has no \"source-directories\"",
            "3:20 M004 invalid elm-version '0.19': not a version MAJOR.MINOR.PATCH",
            "6:33 M004 invalid version of 'elm/core' '1.0.0 <= v < 2.0.0': not a version MAJOR.MINOR.PATCH",
            "6:55 M003 invalid package name 'Elm/Html': the project holds 'H'; use lower-case letters, digits and '-'",
            "6:88 M002 \"elm/json\" must be a string, found a number",
            "7:21 M002 \"dependencies\".\"indirect\" must be an object, found an array",
        ])
        #expect(m.diagnostics[0].help == ["did you mean \"dependencies\"?"])
        #expect(m.diagnostics[0].fix?.edits.map(\.newText) == ["\"dependencies\""])
        // 0.19 is 0.19.0; a range is no exact version, and no repair makes one.
        #expect(m.diagnostics[2].help == ["did you mean \"0.19.0\"?"])
        #expect(m.diagnostics[2].fix?.edits.map(\.newText) == ["\"0.19.0\""])
        #expect(m.diagnostics[3].help == ["write MAJOR.MINOR.PATCH, such as \"0.1.0\""])
        #expect(m.diagnostics[3].fix == nil)
    }

    @Test("an unknown type is named, with the fix")
    func unknownType() {
        let m = read("{ \"type\": \"aplication\" }")
        #expect(problems(m) == ["1:11 M013 unknown \"type\" 'aplication'"])
        #expect(m.diagnostics[0].fix?.edits.map(\.newText) == ["\"application\""])
    }

    @Test("a package's fields as elm checks them: a summary of 80 bytes, a license it does not know, an elm-version without 0.19.1, a module name that is none")
    func packageFields() {
        let m = read("""
            {
                "type": "package", "name": "me/pkg", "summary": "\(String(repeating: "é", count: 40))", "license": "mit", "version": "1.0.0",
                "exposed-modules": { "Main": ["Foo", "Foo.bar"] }, "elm-version": "0.18.0 <= v < 0.19.0",
                "dependencies": {}, "test-dependencies": {}
            }
            """)
        #expect(problems(m) == [
            "2:53 E012 the summary is 80 bytes long; elm takes fewer than 80",
            "2:108 E012 'mit' is not a license elm knows",
            "3:71 E012 \"elm-version\" does not allow 0.19.1, the Elm this package is built with",
            "3:42 E012 'Foo.bar' is not a module name",
        ])
        #expect(m.diagnostics.map(\.help) == [
            ["shorten it: the package site shows it in one line"], ["did you mean 'MIT'?"], ["write \"0.19.0 <= v < 0.20.0\""],
            ["a module name is capitalised names joined by dots, such as \"Json.Decode\""],
        ])
        #expect(m.diagnostics.map { $0.fix?.edits.map(\.newText) } == [nil, ["\"MIT\""], ["\"0.19.0 <= v < 0.20.0\""], nil])
        // The fields are checked whatever else is missing.
        let bare = read("""
            { "type": "package", "name": "me/pkg", "summary": "s", "license": "mit", "version": "1.0.0", "exposed-modules": [], "dependencies": {}, "test-dependencies": {} }
            """)
        #expect(problems(bare) == ["1:1 M006 elm.json has no \"elm-version\"", "1:67 E012 'mit' is not a license elm knows"])
    }

    @Test("an application's elm-version is 0.19.1 and its source directories are not none, as elm checks them")
    func applicationFields() {
        let m = read(Self.application.replacing("\"elm-version\": \"0.19.1\"", with: "\"elm-version\": \"0.19.0\"").replacing("[\"src\"]", with: "[]"))
        #expect(problems(m) == [
            "3:27 E012 an application needs at least one source directory",
            "4:20 E012 \"elm-version\" is 0.19.0; elm 0.19.1 builds only applications that say 0.19.1",
        ])
        #expect(m.diagnostics.map { $0.fix?.edits.map(\.newText) } == [["[\"src\"]"], ["\"0.19.1\""]])
    }

    @Test("a package in two lists is M011 where it is listed again, with the fix that removes it there; it is read where it was first listed")
    func listedTwice() throws {
        let m = read(Self.application.replacing("\"elm/time\": \"1.0.0\"", with: "\"elm/time\": \"1.0.0\", \"elm/html\": \"1.0.0\""))
        #expect(problems(m) == ["7:65 M011 elm/html is listed twice: in \"dependencies\".\"direct\" and in \"dependencies\".\"indirect\""])
        let d = try #require(m.diagnostics.first)
        #expect(d.help == ["elm takes each package in one list only: remove it from \"dependencies\".\"indirect\""])
        #expect(d.related.map { m.source.location(of: $0.range.lowerBound) } == ["6:66"])
        let fixed = String(decoding: try TextEdit.apply(try #require(d.fix).edits, to: m.source.bytes), as: UTF8.self)
        #expect(fixed == Self.application)
        #expect(m.dependencies.filter { $0.name.value == "elm/html" }.map(\.scope) == [.normal])
        // The one overlap elm takes: needed indirectly by the application and directly by the
        // tests, at one version.
        let tests = { (version: String) in Self.application.replacing("\"test-dependencies\": { \"direct\": {}", with: "\"test-dependencies\": { \"direct\": { \"elm/time\": \"\(version)\" }") }
        let both = read(tests("1.0.0"))
        #expect(both.diagnostics.isEmpty)
        #expect(both.dependencies.filter { $0.name.value == "elm/time" }.map(\.scope) == [.indirect, .dev])
        #expect(problems(read(tests("1.0.1"))) == ["9:40 M011 elm/time is listed twice: in \"dependencies\".\"indirect\" and in \"test-dependencies\".\"direct\""])
    }

    @Test("package names", arguments: [
        ("elm/core", nil), ("elm-community/list-extra", nil), ("NoRedInk/elm-json-decode-pipeline", nil),
        ("elm", "a package name is 'author/project', with one '/'"), ("elm/", "the project is empty"),
        ("elm/Html", "the project holds 'H'; use lower-case letters, digits and '-'"), ("elm/-x", "the project may not start or end with '-' or hold '--'"),
        ("elm/1x", "the project must start with a lower-case letter"),
        // The author as elm reads it: a trailing '-' is let through, an underscore is not.
        ("me-/pkg", nil), ("m_e/pkg", "the author holds '_'; use letters, digits and '-'"), ("-me/pkg", "the author may not start with '-' or hold '--'"),
    ] as [(String, String?)])
    func names(_ name: String, _ problem: String?) {
        #expect(ElmPackageName.problem(with: name) == problem)
    }

    @Test("source directories against the disk: missing, outside the project, not a clean path")
    func sourceDirectories() {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/p/src/Main.elm": "", "/shared/x.elm": ""])
        var m = read(Self.application.replacing("[\"src\"]", with: "[\"src\", \"lib\", \"../shared\", \"src//x\", \"./src\"]"))
        m.diagnostics = []
        let found = ElmSourceDirectories.check(m, fileSystem: fs)
        #expect(found.map { "\(m.source.location(of: $0.range.lowerBound)) \($0.code ?? "") \($0.message)" } == [
            "3:35 E001 source directory 'lib' does not exist",
            "3:42 E002 source directory '../shared' is outside the project",
            "3:55 E003 invalid source directory path 'src//x'",
            "3:65 E003 invalid source directory path './src'",
        ])
        #expect(found[2].fix?.edits.map(\.newText) == ["\"src/x\""])
    }

    @Test("every elm.json of the real package cache reads without a problem")
    func realCache() throws {
        let home = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/elm-home/0.19.1/packages").path
        guard FileManager.default.fileExists(atPath: home) else {
            print("skipped: ../shared/elm-home is not here")
            return
        }
        let files = FileManager.default.enumerator(atPath: home)!.compactMap { $0 as? String }.filter { $0.hasSuffix("/elm.json") }
        #expect(files.count > 20)
        for file in files {
            let m = ElmManifestReader.read(SourceText(path: home + "/" + file, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: home + "/" + file)))))
            #expect(m.diagnostics.isEmpty, "\(file): \(m.diagnostics.map(\.message))")
            #expect(m.package?.name != nil && m.package?.version != nil, "\(file)")
        }
    }
}
