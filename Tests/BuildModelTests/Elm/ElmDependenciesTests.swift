import Testing
@testable import BuildModel

/// The packages a project builds against, from a package cache laid out in memory.
@Suite("Elm's packages from the cache")
struct ElmDependenciesTests {
    static let packages = "/elm-home/0.19.1/packages"

    static func release(_ name: String, _ version: String, exposing: [String], dependencies: String = "") -> [String: String] {
        [
            "\(packages)/\(name)/\(version)/elm.json": """
                {"type": "package", "name": "\(name)", "summary": "", "license": "BSD-3-Clause", "version": "\(version)",
                 "exposed-modules": [\(exposing.map { "\"\($0)\"" }.joined(separator: ", "))], "elm-version": "0.19.0 <= v < 0.20.0",
                 "dependencies": {\(dependencies)}, "test-dependencies": {}}
                """,
            "\(packages)/\(name)/\(version)/src/\(exposing[0]).elm": "module \(exposing[0]) exposing (..)\n",
        ]
    }

    static var cache: [String: String] {
        var files: [String: String] = [:]
        for r in [release("elm/core", "1.0.4", exposing: ["Basics"]), release("elm/core", "1.0.5", exposing: ["Basics"]),
                  release("elm/json", "1.1.3", exposing: ["Json"], dependencies: "\"elm/core\": \"1.0.0 <= v < 2.0.0\""),
                  release("elm/json", "2.0.0", exposing: ["Json"], dependencies: "\"elm/core\": \"1.0.0 <= v < 2.0.0\"")] {
            files.merge(r) { a, _ in a }
        }
        return files
    }

    func load(_ manifest: String, extra: [String: String] = [:]) -> ElmDependencies {
        let fs = InMemoryFileSystem(files: Self.cache.merging(extra) { _, new in new }.merging(["/p/elm.json": manifest]) { a, _ in a })
        return ElmDependencies(project: ElmManifestReader.read(SourceText(path: "/p/elm.json", manifest)), environment: ["ELM_HOME": "/elm-home"], fileSystem: fs)
    }

    @Test("a package's constraints are solved over the cache, newest first, and the packages ordered by their own elm.json")
    func package() {
        let d = load("""
            {"type": "package", "name": "me/lib", "summary": "", "license": "BSD-3-Clause", "version": "1.0.0", "exposed-modules": ["Lib"],
             "elm-version": "0.19.0 <= v < 0.20.0", "dependencies": {"elm/json": "1.0.0 <= v < 2.0.0", "elm/core": "1.0.0 <= v < 2.0.0"}, "test-dependencies": {}}
            """)
        #expect(d.problems.isEmpty)
        #expect(d.buildOrder.map { "\($0.name) \($0.version) \($0.isDirect) \($0.dependencies)" } == ["elm/core 1.0.5 true []", "elm/json 1.1.3 true [\"elm/core\"]"])
        #expect(d.directExposers(of: "Json").map(\.name) == ["elm/json"])
    }

    @Test("a damaged release: no src, an unreadable elm.json, an invalid one (E007, at the dependency)")
    func damaged() {
        let app = """
            {"type": "application", "source-directories": ["src"], "elm-version": "0.19.1",
             "dependencies": {"direct": {"elm/core": "1.0.4", "elm/json": "1.1.3"}, "indirect": {"elm/url": "1.0.0"}}, "test-dependencies": {"direct": {}, "indirect": {}}}
            """
        var broken = Self.cache
        broken.removeValue(forKey: "\(Self.packages)/elm/core/1.0.4/src/Basics.elm")
        broken["\(Self.packages)/elm/json/1.1.3/elm.json"] = "{\"type\": \"package\""
        broken["\(Self.packages)/elm/url/1.0.0/src/Url.elm"] = "module Url exposing (..)\n"
        let fs = InMemoryFileSystem(files: broken.merging(["/p/elm.json": app]) { a, _ in a })
        let d = ElmDependencies(project: ElmManifestReader.read(SourceText(path: "/p/elm.json", app)), environment: ["ELM_HOME": "/elm-home"], fileSystem: fs)
        #expect(d.problems.map { "\($0.code ?? "") \($0.message) | \($0.notes.joined(separator: "; "))" } == [
            "E007 elm/core 1.0.4 in the package cache has no src directory | looked for /elm-home/0.19.1/packages/elm/core/1.0.4/src",
            "E007 the elm.json of elm/json 1.1.3 in the package cache is not valid | /elm-home/0.19.1/packages/elm/json/1.1.3/elm.json: this object has no closing '}'",
            "E007 cannot read the elm.json of elm/url 1.0.0 in the package cache | looked for /elm-home/0.19.1/packages/elm/url/1.0.0/elm.json",
        ])
        #expect(d.problems.allSatisfy { $0.file == "/p/elm.json" && $0.help == ["delete \($0.message.contains("core") ? "/elm-home/0.19.1/packages/elm/core/1.0.4" : $0.message.contains("url") ? "/elm-home/0.19.1/packages/elm/url/1.0.0" : "/elm-home/0.19.1/packages/elm/json/1.1.3") and run `elm make` with a network to download it again"] })
    }
}

@Suite("Elm imports when the dependencies are not all known")
struct ElmUnknownDependencyTests {
    @Test("a direct dependency not downloaded is elm.json's error alone: an import not found is not reported on top of it; once it is there, it is")
    func notDownloaded() throws {
        var files = ElmDependenciesTests.cache
        files["/w/elm.json"] = """
            {"type": "application", "source-directories": ["src"], "elm-version": "0.19.1",
             "dependencies": {"direct": {"elm/core": "1.0.5", "elm/json": "9.9.9"}, "indirect": {}},
             "test-dependencies": {"direct": {}, "indirect": {}}}
            """
        files["/w/src/Main.elm"] = "module Main exposing (main)\n\nimport Json\nimport Jsn\n\nmain = 1\n"
        let missing = Checker(files, environment: ["ELM_HOME": "/elm-home"], ecosystem: ElmEcosystem())
        let first = try missing.lines()
        #expect(first == ["elm.json:2:63 error[E004] elm/json 9.9.9 is not in the package cache"])
        try missing.fs.writeFile("/w/elm.json", Array(files["/w/elm.json"]!.replacing("9.9.9", with: "1.1.3").utf8))
        #expect(try missing.lines() == ["src/Main.elm:4:8 error[I003] module Jsn not found"])
    }
}
