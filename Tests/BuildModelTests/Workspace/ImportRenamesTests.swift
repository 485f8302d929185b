import Testing
@testable import BuildModel

@Suite("how an import is spelt anew when files move")
struct ImportRenamesTests {
    @Test("relative: the path from the importing directory, with or without the extension, ./ unless it goes up")
    func spelling() {
        #expect(ImportRenames.spelling(of: "/ws/src/b/c.oats", from: "/ws/src", withExtension: false) == "./b/c")
        #expect(ImportRenames.spelling(of: "/ws/src/b/c.oats", from: "/ws/src", withExtension: true) == "./b/c.oats")
        #expect(ImportRenames.spelling(of: "/ws/src/b/c.oats", from: "/ws/src/d/e", withExtension: false) == "../../b/c")
        #expect(ImportRenames.spelling(of: "/ws/src/v1.2/c", from: "/ws/src", withExtension: false) == "./v1.2/c")
        #expect(ImportRenames.spelling(of: "/ws/src/.hidden", from: "/ws/src", withExtension: false) == "./.hidden")
        #expect(ImportRenames.spelling(of: "/ws/src/a/.hidden", from: "/ws/src", withExtension: false) == "./a/.hidden")
    }

    @Test("from a package: the components that name the module follow it within the directory the rest names, and only there")
    func packageSpelling() {
        let vector = "/ws/mathlib/src/vector.asthra"
        #expect(ImportRenames.packageSpelling("mathlib/vector", of: vector, movedTo: "/ws/mathlib/src/geometry/vector.asthra") == "mathlib/geometry/vector")
        #expect(ImportRenames.packageSpelling("mathlib/vector", of: vector, movedTo: "/ws/mathlib/src/vec.asthra") == "mathlib/vec")
        #expect(ImportRenames.packageSpelling("mathlib/vector.asthra", of: vector, movedTo: "/ws/mathlib/src/vec.asthra") == "mathlib/vec.asthra")
        // Several components shared: the directory is the one above all of them.
        #expect(ImportRenames.packageSpelling("mathlib/geo/vector", of: "/ws/mathlib/src/geo/vector.asthra", movedTo: "/ws/mathlib/src/vector.asthra")
                == "mathlib/vector")
        // A module of the project's root, imported bare.
        #expect(ImportRenames.packageSpelling("models", of: "/ws/models.asthra", movedTo: "/ws/entities.asthra") == "entities")
        // A directory of files.
        #expect(ImportRenames.packageSpelling("mathlib/parts", of: "/ws/mathlib/src/parts", movedTo: "/ws/mathlib/src/pieces") == "mathlib/pieces")
        // Out of the directory the import names it under (another package): left alone.
        #expect(ImportRenames.packageSpelling("mathlib/vector", of: vector, movedTo: "/ws/src/vector.asthra") == nil)
        // An import that does not end as its path does (a package's lib, a git location): left alone.
        #expect(ImportRenames.packageSpelling("mathlib", of: "/ws/mathlib/src/lib.asthra", movedTo: "/ws/mathlib/src/core.asthra") == nil)
        #expect(ImportRenames.packageSpelling("github.com/acme/json", of: "/cache/github.com/acme/json/src/lib.asthra",
                                              movedTo: "/cache/github.com/acme/json/src/json.asthra") == nil)
        #expect(ImportRenames.packageSpelling("mathlib//vector", of: vector, movedTo: "/ws/mathlib/src/vec.asthra") == nil)
        #expect(ImportRenames.packageSpelling("mathlib/../vector", of: vector, movedTo: "/ws/mathlib/src/vec.asthra") == nil)
    }

    @Test("a file two workspaces hold is edited once, however many of them spell its import anew")
    func onceAcrossWorkspaces() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/w", files: [
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.asthra": "package main;\n\nimport \"./util\";\n",
            "/w/src/util.asthra": "package main;\n",
        ])
        let snapshot = try WorkspaceLoader(ecosystem: AsthraEcosystem(), fileSystem: fs, environment: [:]).load(from: "/w")
        let moves = [(old: "/w/src/util.asthra", new: "/w/src/helpers.asthra")]
        let once = [TextEdit(file: "/w/src/main.asthra", range: SourceRange(23, 29), newText: "./helpers")]
        #expect(FileMoveEdits.edits(moving: moves, in: [snapshot]) == once)
        #expect(FileMoveEdits.edits(moving: moves, in: [snapshot, snapshot]) == once)
    }
}
