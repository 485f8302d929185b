import Testing
@testable import BuildModel

@Suite("The path-dependency graph")
struct PackageGraphTests {
    func manifest(_ name: String, _ deps: [String: String] = [:]) -> String {
        "[package]\nname = \"\(name)\"\nversion = \"0.1.0\"\n\n[dependencies]\n"
            + deps.sorted { $0.key < $1.key }.map { "\($0.key) = { path = \"\($0.value)\" }\n" }.joined()
    }

    @Test("dependencies are followed transitively and ordered dependencies first")
    func order() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/p/app/asthra.toml": manifest("app", ["common": "../common", "utils": "../utils"]),
            "/p/utils/asthra.toml": manifest("utils", ["common": "../common"]),
            "/p/common/asthra.toml": manifest("common"),
        ])
        let app = AsthraEcosystem().loadManifest(in: "/p/app", fileSystem: fs)!
        let graph = PackageGraph(members: [app], ecosystem: AsthraEcosystem(), fileSystem: fs)
        #expect(graph.diagnostics.isEmpty)
        #expect(graph.packages.map(\.displayName) == ["app", "common", "utils"])
        #expect(graph.dependencyOrder?.map(\.displayName) == ["common", "utils", "app"])
    }

    @Test("a cycle through path dependencies is one error, printed as a path, at the dependency that starts it")
    func cycle() throws {
        let checker = Checker(stdlibTree.merging([
            "/w/asthra.toml": manifest("app", ["utils": "../utils"]),
            "/utils/asthra.toml": manifest("utils", ["common": "../common"]),
            "/common/asthra.toml": manifest("common", ["app": "../w"]),
        ]) { a, _ in a }, environment: ["ASTHRA_HOME": "/asthra"])
        let lines = try checker.lines()
        #expect(lines == [
            "asthra.toml:6:1 error[M018] package cycle: app → utils → common → app",
        ])
        let d = try checker.report().diagnostics[0]
        #expect(d.related.map { "\(Paths.lastComponent(Paths.parent($0.file!))) \($0.message)" } == [
            "utils 'utils' depends on 'common' here", "common 'common' depends on 'app' here",
        ])
        #expect(try checker.report().snapshot.packages.dependencyOrder == nil)
    }

    @Test("a dependency's own broken path is reported in the dependency's manifest")
    func nested() throws {
        let checker = Checker(stdlibTree.merging([
            "/w/asthra.toml": manifest("app", ["utils": "../utils"]),
            "/utils/asthra.toml": manifest("utils", ["common": "../nowhere", "other": "../other"]),
            "/other/asthra.toml": manifest("another"),
        ]) { a, _ in a }, environment: ["ASTHRA_HOME": "/asthra"])
        let lines = try checker.lines()
        #expect(lines == [
            "/utils/asthra.toml:6:19 error[M007] path dependency 'common' points to '../nowhere', which does not exist",
            "/utils/asthra.toml:7:1 error[M008] path dependency 'other' points to a package named 'another'",
        ])
    }
}

extension PackageGraphTests {
    @Test("a path that leads nowhere offers the package directory spelt like it beside where it points (not the package's own), as help and as the fix")
    func closeDirectory() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/p/app/asthra.toml": manifest("app", ["common": "../comon", "gone": "../gone", "docs": "../dcos/", "self": "../ap"]),
            "/p/common/asthra.toml": manifest("common"),
            // A directory without an Asthra package is not offered, however close its name.
            "/p/docs/README.md": "",
        ])
        let app = AsthraEcosystem().loadManifest(in: "/p/app", fileSystem: fs)!
        let graph = PackageGraph(members: [app], ecosystem: AsthraEcosystem(), fileSystem: fs)
        #expect(graph.diagnostics.map { "\($0.message) | \($0.help.joined(separator: "; ")) | \($0.fix.map { "\($0.title): \($0.edits.map(\.newText).joined())" } ?? "-")" } == [
            "path dependency 'common' points to '../comon', which does not exist | did you mean '../common'?; fix it, or create the package there with `ampu new` | Use '../common': \"../common\"",
            "path dependency 'docs' points to '../dcos/', which does not exist | fix it, or create the package there with `ampu new` | -",
            "path dependency 'gone' points to '../gone', which does not exist | fix it, or create the package there with `ampu new` | -",
            // Never the package's own directory: a package cannot depend on itself.
            "path dependency 'self' points to '../ap', which does not exist | fix it, or create the package there with `ampu new` | -",
        ])
    }
}

@Suite("The path-dependency graph through symbolic links")
struct PackageGraphLinkTests {
    @Test("a dependency reached through a link is the package it links to: a loop of links ends")
    func linkLoop() throws {
        // /w/self -> /w: each `self/self/…` names /w again, and must not be a new package.
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n",
            "/w/src/main.oats": "",
            "/lib/Oats.toml": "[package]\nname = \"lib\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n\n[dependencies]\nlib = { path = \"again\" }\n",
            "/lib/src/lib.oats": "",
        ])
        try fs.createSymbolicLink("/lib/again", to: "/lib")
        let app = OatsEcosystem().loadManifest(in: "/w", fileSystem: fs)!
        let graph = PackageGraph(members: [app], ecosystem: OatsEcosystem(), fileSystem: fs)
        #expect(graph.packages.map(\.path) == ["/w/Oats.toml", "/lib/Oats.toml"])
        #expect(graph.diagnostics.map(\.message) == ["package 'lib' depends on itself: path dependency 'lib' points to its own directory"])
    }
}
