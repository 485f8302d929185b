import Testing
@testable import BuildModel

/// An edit applied with `WorkspaceLoader.update` must leave the snapshot saying what a fresh load
/// of the same files says.
@Suite("Incremental updates")
struct IncrementalUpdateTests {
    let files = [
        "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n",
        "/w/src/main.oats": "import { b } from \"./b\";\n",
        "/w/src/b.oats": "export const b = 1;\n",
        "/lib/Oats.toml": "[package]\nname = \"lib\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n",
        "/lib/src/lib.oats": "import { a } from \"./a\";\n",
        "/lib/src/a.oats": "import { l } from \"./lib\";\n",
    ]

    func lines(_ snapshot: WorkspaceSnapshot) -> [String] {
        WorkspaceDiagnostics(snapshot).all.map { "\($0.file ?? "-") \($0.code ?? "-") \($0.message)" }
    }

    @Test("modules first reached by an edit join the import graph, and their cycles read as a fresh load's")
    func newModules() throws {
        let edited = "import { b } from \"./b\";\nimport { lib } from \"lib\";\n"
        let fs = InMemoryFileSystem(currentDirectory: "/", files: files)
        let loader = WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: fs, environment: [:])
        let before = try loader.load(from: "/w")
        #expect(lines(before) == [])
        var index = WorkspaceDiagnostics(before)
        let (after, loaded) = loader.update(before, file: "/w/src/main.oats", bytes: Array(edited.utf8))
        #expect(loaded == ["/w/src/main.oats", "/lib/src/lib.oats", "/lib/src/a.oats"])
        let touched = index.update(after, from: before, edited: "/w/src/main.oats", loaded: loaded)
        #expect(touched.contains("/lib/src/a.oats"))

        let fresh = try WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: InMemoryFileSystem(currentDirectory: "/", files: files.merging(["/w/src/main.oats": edited]) { $1 }), environment: [:]).load(from: "/w")
        #expect(lines(after) == lines(fresh))
        #expect(index.all.map { "\($0.file ?? "-") \($0.code ?? "-") \($0.message)" } == lines(fresh))
        #expect(lines(fresh) == ["/lib/src/a.oats I008 import cycle: ../lib/src/a.oats → ../lib/src/lib.oats → ../lib/src/a.oats"])
    }

    @Test("an edit that removes an import removes the cycle it closed")
    func removedEdge() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: files.merging(["/w/src/b.oats": "import { m } from \"./main\";\n"]) { $1 })
        let loader = WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: fs, environment: [:])
        let before = try loader.load(from: "/w")
        #expect(lines(before) == ["/w/src/b.oats I008 import cycle: src/b.oats → src/main.oats → src/b.oats"])
        var index = WorkspaceDiagnostics(before)
        let (after, loaded) = loader.update(before, file: "/w/src/b.oats", bytes: Array("export const b = 1;\n".utf8))
        let touched = index.update(after, from: before, edited: "/w/src/b.oats", loaded: loaded)
        #expect(touched == ["/w/src/b.oats"])
        #expect(index.all.isEmpty)
        #expect(after.importGraph.cycles().isEmpty)
    }

    @Test("an edit that no longer imports the dependency leaves its modules out, and their problems with them, as a fresh load does")
    func unreachedModulesLeave() throws {
        let broken = files.merging(["/lib/src/a.oats": "import { m } from \"./missing\";\n"]) { $1 }
        let edited = "import { b } from \"./b\";\nimport { lib } from \"lib\";\n"
        let fs = InMemoryFileSystem(currentDirectory: "/", files: broken.merging(["/w/src/main.oats": edited]) { $1 })
        let loader = WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: fs, environment: [:])
        let before = try loader.load(from: "/w")
        #expect(lines(before) == ["/lib/src/a.oats I003 cannot find module './missing'"])
        var index = WorkspaceDiagnostics(before)
        let (after, _) = loader.update(before, file: "/w/src/main.oats", bytes: Array("import { b } from \"./b\";\n".utf8))
        let touched = index.update(after, from: before, edited: "/w/src/main.oats", loaded: [])
        #expect(touched.contains("/lib/src/a.oats"))
        #expect(index.all.isEmpty)
        #expect(after.modulePaths == ["/w/src/b.oats", "/w/src/main.oats"])
        #expect(after.importGraph.cycles().isEmpty)
    }

    @Test("a file the imports reach that cannot be read: its F002 goes with the last import of it and comes back with the next, as a fresh load has it")
    func unreadableTargetFollowsItsImports() throws {
        // The dependency's entry is a directory: importing the package reaches a file that is not one.
        let odd = files.merging(["/lib/Oats.toml": "[package]\nname = \"lib\"\nversion = \"0.1.0\"\nentry = \"src\"\n"]) { $1 }
        let importing = "import { b } from \"./b\";\nimport { lib } from \"lib\";\n", plain = "import { b } from \"./b\";\n"
        func fresh(_ main: String) throws -> [String] {
            let fs = InMemoryFileSystem(currentDirectory: "/", files: odd.merging(["/w/src/main.oats": main]) { $1 })
            return lines(try WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: fs, environment: [:]).load(from: "/w"))
        }
        let loader = WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: InMemoryFileSystem(currentDirectory: "/", files: odd.merging(["/w/src/main.oats": importing]) { $1 }),
                                     environment: [:])
        let before = try loader.load(from: "/w")
        #expect(lines(before) == ["/lib/Oats.toml O002 entry 'src' of package 'lib' does not exist", "/lib/src F002 cannot read file: it is a directory, expected a file"])
        var index = WorkspaceDiagnostics(before)
        let (without, _) = loader.update(before, file: "/w/src/main.oats", bytes: Array(plain.utf8))
        #expect(index.update(without, from: before, edited: "/w/src/main.oats", loaded: ["/w/src/main.oats"]).contains("/lib/src"))
        let freshPlain = try fresh(plain), freshImporting = try fresh(importing)
        #expect(freshPlain == ["/lib/Oats.toml O002 entry 'src' of package 'lib' does not exist"])
        #expect(lines(without) == freshPlain)
        #expect(index.all.map { "\($0.file ?? "-") \($0.code ?? "-") \($0.message)" } == freshPlain)
        let (again, loaded) = loader.update(without, file: "/w/src/main.oats", bytes: Array(importing.utf8))
        #expect(index.update(again, from: without, edited: "/w/src/main.oats", loaded: loaded).contains("/lib/src"))
        #expect(lines(again) == freshImporting)
        #expect(index.all.map { "\($0.file ?? "-") \($0.code ?? "-") \($0.message)" } == freshImporting)
    }

    @Test("an edit that moves the imports of a file on a cycle moves the cycle's diagnostic with them")
    func cycleFollowsItsImport() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: files.merging(["/w/src/b.oats": "import { m } from \"./main\";\n"]) { $1 })
        let loader = WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: fs, environment: [:])
        let before = try loader.load(from: "/w")
        var index = WorkspaceDiagnostics(before)
        #expect(index.all.map(\.range) == [SourceRange(18, 26)])
        let moved = "// a line above\nimport { m } from \"./main\";\n"
        let (after, loaded) = loader.update(before, file: "/w/src/b.oats", bytes: Array(moved.utf8))
        _ = index.update(after, from: before, edited: "/w/src/b.oats", loaded: loaded)
        #expect(index.all.map { "\($0.file!) \($0.range.lowerBound)-\($0.range.upperBound) \($0.message)" }
                == ["/w/src/b.oats 34-42 import cycle: src/b.oats → src/main.oats → src/b.oats"])
    }
}
