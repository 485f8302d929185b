import Foundation
import Testing
@testable import BuildModel

/// Against the real offline package cache in ../shared/elm-home (skipped, saying so, without it).
@Suite("An application's versions against the package cache")
struct ElmApplicationCheckTests {
    static let packages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/elm-home/0.19.1/packages").path

    func check(direct: String, indirect: String, test: String = "", testIndirect: String = "") throws -> (PackageManifest, [String])? {
        guard FileManager.default.fileExists(atPath: Self.packages) else {
            print("skipped: ../shared/elm-home is not here")
            return nil
        }
        let text = """
            {
                "type": "application",
                "source-directories": ["src"],
                "elm-version": "0.19.1",
                "dependencies": {
                    "direct": { \(direct) },
                    "indirect": { \(indirect) }
                },
                "test-dependencies": { "direct": { \(test) }, "indirect": { \(testIndirect) } }
            }
            """
        let manifest = ElmManifestReader.read(SourceText(path: "/app/elm.json", text))
        try #require(manifest.diagnostics.isEmpty)
        let cache = ElmPackageCache(directory: Self.packages, fileSystem: LocalFileSystem(), application: manifest)
        let found = ElmApplicationCheck.run(manifest, cache: cache)
        return (manifest, found.map { "\(manifest.source.location(of: $0.range.lowerBound)) \($0.code ?? "") \($0.message)" })
    }

    @Test("the seed's example application agrees with what the solver derives")
    func agrees() throws {
        guard let (_, found) = try check(direct: #""elm/core": "1.0.5", "elm/html": "1.0.0""#,
                                         indirect: #""elm/json": "1.1.3", "elm/virtual-dom": "1.0.3""#) else { return }
        #expect(found == [])
    }

    @Test("a package the direct dependencies need that \"indirect\" lacks, or lists at a version they do not allow, and one nothing needs")
    func disagrees() throws {
        guard let (manifest, found) = try check(
            direct: #""elm/browser": "1.0.2", "elm/core": "1.0.5", "elm/html": "1.0.0""#,
            indirect: #""elm/json": "1.1.3", "elm/random": "1.0.0", "elm/time": "1.0.0", "elm/virtual-dom": "1.0.0""#) else { return }
        #expect(found == [
            "7:23 E005 elm/url 1.0.0 is needed by the direct dependencies, but \"indirect\" does not list it",
            "7:107 E005 elm/virtual-dom is listed at 1.0.0, but the direct dependencies need 1.0.3",
            "7:44 E006 elm/random is listed in \"indirect\", but no direct dependency needs it",
        ])
        // The version the direct dependencies need is certain (`ampu fix` writes it); what to
        // add or remove is not.
        let cache = ElmPackageCache(directory: Self.packages, fileSystem: LocalFileSystem(), application: manifest)
        let fixes = CertainFixes.chosen(ElmApplicationCheck.run(manifest, cache: cache), editable: [manifest.path])
        #expect(fixes.count == 1)
        let edited = String(decoding: try TextEdit.apply(try #require(fixes.first).edits, to: manifest.source.bytes), as: UTF8.self)
        #expect(edited.contains(#""elm/time": "1.0.0", "elm/virtual-dom": "1.0.3" }"#))
        #expect(fixes.first?.fixes == 1)
    }

    @Test("a version the cache does not have")
    func notDownloaded() throws {
        guard let (_, found) = try check(direct: #""elm/core": "1.0.5", "elm/html": "9.9.9""#, indirect: #""elm/json": "1.1.3""#) else { return }
        #expect(found == ["6:54 E004 elm/html 9.9.9 is not in the package cache"])
    }

    @Test("a package the cache has no release of, spelt like one it has: its name offered, as help and as the fix")
    func misspelt() throws {
        guard let (manifest, found) = try check(direct: #""elm/core": "1.0.5", "elm/hmtl": "1.0.0""#, indirect: #""elm/json": "1.1.3""#) else { return }
        #expect(found == ["6:54 E004 elm/hmtl 1.0.0 is not in the package cache"])
        let cache = ElmPackageCache(directory: Self.packages, fileSystem: LocalFileSystem(), application: manifest)
        let d = ElmApplicationCheck.run(manifest, cache: cache)[0]
        #expect(d.notes == ["the cache is \(Self.packages); it has no version of it"])
        #expect(d.help == ["did you mean 'elm/html'?", "run `elm make` once with a network to download it, or choose a version the cache has"])
        let edited = String(decoding: try TextEdit.apply(try #require(d.fix).edits, to: manifest.source.bytes), as: UTF8.self)
        #expect(edited.contains(#""elm/core": "1.0.5", "elm/html": "1.0.0" }"#))
    }

    @Test("exact versions that cannot go together: the solver's explanation")
    func unsolvable() throws {
        guard let (manifest, found) = try check(direct: #""elm/core": "1.0.0", "elm/http": "2.0.0""#, indirect: #""elm/json": "1.1.3""#) else { return }
        #expect(found == ["6:54 M021 these exact versions cannot all be used together"])
        let cache = ElmPackageCache(directory: Self.packages, fileSystem: LocalFileSystem(), application: manifest)
        // The versions in elm's words, as elm.json writes them.
        #expect(ElmApplicationCheck.run(manifest, cache: cache)[0].notes == [
            "Because elm/http 2.0.0 <= v depends on elm/core 1.0.1 <= v < 2.0.0 and app depends on elm/core 1.0.0, elm/http 2.0.0 <= v is forbidden.",
            "So, because app depends on elm/http 2.0.0, version solving failed.",
        ])
    }

    @Test("elm make needs elm/core in \"direct\" and elm/json among the dependencies (E011); elm/json that nothing else needs is no E006")
    func requiredPackages() throws {
        guard let (_, found) = try check(direct: #""elm/time": "1.0.0""#, indirect: #""elm/core": "1.0.5""#) else { return }
        #expect(found == [
            "7:23 E011 elm/core is listed in \"indirect\", but an application needs it in \"direct\"",
            "6:33 E011 an application needs elm/json among its dependencies",
        ])
        guard let (_, none) = try check(direct: "", indirect: "") else { return }
        #expect(none == ["2:5 E011 an application needs elm/core in \"direct\"", "2:5 E011 an application needs elm/json among its dependencies"])
        guard let (_, json) = try check(direct: #""elm/core": "1.0.5""#, indirect: #""elm/json": "1.1.3""#) else { return }
        #expect(json == [])
    }

    @Test("a package \"indirect\" lists that nothing needs: E006, and E005 for each package it needs that is not listed, as elm stops on those")
    func unneededNeedsMore() throws {
        guard let (_, found) = try check(direct: #""elm/core": "1.0.5", "elm/json": "1.1.3""#, indirect: #""elm/browser": "1.0.2", "elm/time": "1.0.0""#) else { return }
        #expect(found == [
            "7:23 E006 elm/browser is listed in \"indirect\", but no direct dependency needs it",
            "7:47 E006 elm/time is listed in \"indirect\", but no direct dependency needs it",
            "7:23 E005 elm/html 1.0.1 is needed by elm/browser, which \"indirect\" lists, but no list names it",
            "7:23 E005 elm/url 1.0.0 is needed by elm/browser, which \"indirect\" lists, but no list names it",
            "7:23 E005 elm/virtual-dom 1.0.3 is needed by elm/browser, which \"indirect\" lists, but no list names it",
        ])
    }

    @Test("a package \"indirect\" lists that nothing needs, at a version the rest cannot go with: E005 with the solver's reasons as notes")
    func unneededDisagrees() throws {
        guard let (manifest, found) = try check(direct: #""elm/core": "1.0.5", "elm/json": "1.0.0""#, indirect: #""elm/http": "2.0.0""#) else { return }
        #expect(found == [
            "7:23 E006 elm/http is listed in \"indirect\", but no direct dependency needs it",
            "7:35 E005 the versions \"indirect\" lists cannot be used together with the rest",
        ])
        let cache = ElmPackageCache(directory: Self.packages, fileSystem: LocalFileSystem(), application: manifest)
        #expect(ElmApplicationCheck.run(manifest, cache: cache).last?.notes == [
            "Because \(cache.rootName) depends on elm/http 2.0.0 which depends on elm/json 1.1.0 <= v < 2.0.0, elm/json 1.1.0 <= v < 2.0.0 is required.",
            "So, because \(cache.rootName) depends on elm/json 1.0.0, version solving failed.",
        ])
    }

    @Test("the test dependencies are verified with the rest, as elm does: a version the cache lacks, a package they need that no list names")
    func testDependencies() throws {
        let app = (direct: #""elm/core": "1.0.5", "elm/json": "1.1.3""#, indirect: "")
        guard let (_, missing) = try check(direct: app.direct, indirect: app.indirect, test: #""elm-explorations/test": "9.9.9""#) else { return }
        #expect(missing == ["9:65 E004 elm-explorations/test 9.9.9 is not in the package cache"])
        guard let (_, unlisted) = try check(direct: app.direct, indirect: app.indirect, test: #""elm-explorations/test": "1.2.2""#,
                                            testIndirect: #""elm/random": "1.0.0""#) else { return }
        #expect(unlisted == [
            "9:40 E005 elm/html 1.0.1 is needed by elm-explorations/test, which \"test-dependencies\" lists, but no list names it",
            "9:90 E005 elm/time 1.0.0 is needed by elm/random, which \"test-dependencies\" lists, but no list names it",
            "9:40 E005 elm/virtual-dom 1.0.3 is needed by elm-explorations/test, which \"test-dependencies\" lists, but no list names it",
        ])
        guard let (_, whole) = try check(direct: app.direct, indirect: app.indirect, test: #""elm-explorations/test": "1.2.2""#,
                                         testIndirect: #""elm/html": "1.0.1", "elm/random": "1.0.0", "elm/time": "1.0.0", "elm/virtual-dom": "1.0.3""#) else { return }
        #expect(whole == [])
    }
}
