import BuildModel
import LSPServer
import Testing

@Suite("Renaming files and directories keeps relative imports right (workspace/willRenameFiles)")
struct FileRenamesTests {
    static let files: [String: String] = {
        var files = TestWorkspace.files
        files[TestWorkspace.main] = "package main;\n\nimport \"./util\";\nimport \"./models/user\";\nimport \"mathlib\";\n"
        files["/ws/src/models/user.asthra"] = "package models;\n\nimport \"../util\";\n"
        files["/ws/src/models/role.asthra"] = "package models;\n\nimport \"./user\";\nimport \"./user\";\n"
        return files
    }()

    func renaming(_ moves: [(String, String)], in files: [String: String] = Self.files) async -> [String] {
        let client = TestClient(files: files)
        await client.start()
        let files: [JSONValue] = moves.map { ["oldUri": .string("file://" + $0.0), "newUri": .string("file://" + $0.1)] }
        let result = await client.request("workspace/willRenameFiles", ["files": .array(files)])["result"] ?? .null
        // Each edit as `file:line:start-end newText`, by file.
        guard case .object(let changes)? = result["changes"] else { return result == .null ? [] : ["not a workspace edit: \(result)"] }
        return changes.keys.sorted().flatMap { uri in
            (changes[uri]?.arrayValue ?? []).map { edit in
                let start = edit["range"]!["start"]!, end = edit["range"]!["end"]!
                return "\(uri.dropFirst("file://".count)):\(start["line"]!.intValue!):\(start["character"]!.intValue!)-\(end["character"]!.intValue!) \(edit["newText"]!.stringValue!)"
            }
        }
    }

    @Test("a module renamed: its imports from every file, as each spelt it (a repeated one too)")
    func file() async {
        #expect(await renaming([("/ws/src/util.asthra", "/ws/src/helpers.asthra")])
                == ["/ws/src/main.asthra:2:8-14 ./helpers", "/ws/src/models/user.asthra:2:8-15 ../helpers"])
        #expect(await renaming([("/ws/src/models/user.asthra", "/ws/src/models/person.asthra")])
                == ["/ws/src/main.asthra:3:8-21 ./models/person", "/ws/src/models/role.asthra:2:8-14 ./person", "/ws/src/models/role.asthra:3:8-14 ./person"])
    }

    @Test("a file a manifest names by its path (a program's entry) is written anew there, from the manifest, with its `./` kept")
    func manifestPath() async {
        var files = Self.files
        files[TestWorkspace.manifest] = TestWorkspace.manifestText + "\n[[bin]]\nname = \"tool\"\npath = \"./src/tools/tool.asthra\"\n"
        files["/ws/src/tools/tool.asthra"] = "package main;\n"
        let renamed = await renaming([("/ws/src/tools/tool.asthra", "/ws/src/tools/cli.asthra")], in: files)
        #expect(renamed == ["/ws/asthra.toml:12:7-32 \"./src/tools/cli.asthra\""])
        #expect(await renaming([("/ws/src/tools", "/ws/tools")], in: files) == ["/ws/asthra.toml:12:7-32 \"./tools/tool.asthra\""])
    }

    @Test("a module moved to another directory: its own relative imports too")
    func moved() async {
        #expect(await renaming([(TestWorkspace.main, "/ws/src/app/main.asthra")])
                == ["/ws/src/main.asthra:2:8-14 ../util", "/ws/src/main.asthra:3:8-21 ../models/user"])
    }

    @Test("a directory moved: the imports into it and out of it; those inside it stay")
    func directory() async {
        #expect(await renaming([("/ws/src/models", "/ws/src/domain/models")])
                == ["/ws/src/main.asthra:3:8-21 ./domain/models/user", "/ws/src/models/user.asthra:2:8-15 ../../util"])
    }

    @Test("an import of a directory's files follows the directory when it moves, and its importer; not a file that leaves it")
    func directoryImport() async {
        var files = Self.files
        files[TestWorkspace.main] = "package main;\n\nimport \"./parts\";\nimport \"./parts\";\n"
        files["/ws/src/parts/a.asthra"] = "package parts;\n"
        files["/ws/src/parts/b.asthra"] = "package parts;\n"
        #expect(await renaming([("/ws/src/parts", "/ws/src/pieces")], in: files)
                == ["/ws/src/main.asthra:2:8-15 ./pieces", "/ws/src/main.asthra:3:8-15 ./pieces"])
        #expect(await renaming([(TestWorkspace.main, "/ws/src/app/main.asthra")], in: files)
                == ["/ws/src/main.asthra:2:8-15 ../parts", "/ws/src/main.asthra:3:8-15 ../parts"])
        #expect(await renaming([("/ws/src/parts/a.asthra", "/ws/src/a.asthra")], in: files) == [])
    }

    @Test("an import from a package follows its module within that package; not out of it, and not when the importer moves")
    func packageImport() async {
        var files = Self.files
        files[TestWorkspace.main] = "package main;\n\nimport \"mathlib/vector\";\nimport \"mathlib/parts\";\nimport \"mathlib\";\n"
        files["/ws/mathlib/src/vector.asthra"] = "package mathlib;\n"
        files["/ws/mathlib/src/parts/a.asthra"] = "package parts;\n"
        files["/ws/mathlib/src/parts/b.asthra"] = "package parts;\n"
        #expect(await renaming([("/ws/mathlib/src/vector.asthra", "/ws/mathlib/src/geometry/vector.asthra")], in: files)
                == ["/ws/src/main.asthra:2:8-22 mathlib/geometry/vector"])
        #expect(await renaming([("/ws/mathlib/src/parts", "/ws/mathlib/src/pieces")], in: files) == ["/ws/src/main.asthra:3:8-21 mathlib/pieces"])
        #expect(await renaming([("/ws/mathlib/src/vector.asthra", "/ws/src/vector.asthra")], in: files) == [])
        #expect(await renaming([("/ws/mathlib/src/lib.asthra", "/ws/mathlib/src/core.asthra")], in: files) == [])
        #expect(await renaming([(TestWorkspace.main, "/ws/src/app/main.asthra")], in: files) == [])
    }

    @Test("a rename no import leads to or from: null")
    func unrelated() async {
        #expect(await renaming([("/ws/README.md", "/ws/NOTES.md")]) == [])
        // The whole workspace moved: nothing relative changes.
        #expect(await renaming([("/ws", "/elsewhere/ws")]) == [])
        #expect(await renaming([("/", "/mnt")]) == [])
        let client = TestClient(files: Self.files)
        await client.start()
        #expect(await client.request("workspace/willRenameFiles", ["files": [["oldUri": "file:///ws/a"]]])["error"]?["code"] == -32602)
    }
}
