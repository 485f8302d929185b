import Testing
@testable import BuildModel

/// Asthra under other file names: enough of a second ecosystem to show that the registry, not
/// the caller, decides which ecosystem a file or directory belongs to.
struct RenamedEcosystem: Ecosystem {
    let base = AsthraEcosystem()
    /// Sources under `src` and, again, `src/gen` (overlapping roots), nowhere else.
    func sourceRoots(of package: PackageManifest) -> [String] {
        [Paths.join(package.directory, "src"), Paths.join(package.directory, "src/gen")]
    }
    /// Of those, only files its globs name (as Aria's targets list theirs), and never `*_skip.toy`.
    func isSource(_ path: String, of package: PackageManifest) -> Bool {
        let relative = Paths.relative(path, from: package.directory)
        return [Glob("src/*.toy"), Glob("src/gen/**/*.toy")].contains { $0.matches(relative) } && !relative.hasSuffix("_skip.toy")
    }
    var name: String { "Toy" }
    var manifestFileNames: [String] { ["toy.toml"] }
    var sourceExtensions: [String] { ["toy"] }
    var ignoredDirectories: Set<String> { base.ignoredDirectories }
    var manifestSchema: ManifestSchema { base.manifestSchema }
    var manifestSyntax: any ManifestSyntax { base.manifestSyntax }
    var diagnosticCodes: [DiagnosticCode] { [DiagnosticCode("X001", "A toy problem.")] }
    func readManifest(_ source: SourceText) -> PackageManifest { base.readManifest(source) }
    func scanSource(_ source: SourceText) -> SourceScan { base.scanSource(source) }
    func importPathBeingTyped(in source: SourceText, at offset: Int) -> (prefix: String, range: SourceRange)? { nil }
    func makeImportResolver(_ setup: ImportResolverSetup) -> any ImportResolver { base.makeImportResolver(setup) }
    func packageTemplate(name: String, library: Bool) throws(PackageTemplate.Problem) -> [PackageTemplate.File] {
        [PackageTemplate.File("toy.toml", "[package]\nname = \"\(name)\"\nversion = \"0.1.0\"\n")]
    }
}

@Suite("Ecosystem registry")
struct EcosystemRegistryTests {
    let registry = EcosystemRegistry([AsthraEcosystem(), RenamedEcosystem()])

    @Test("a file's ecosystem by its manifest name or source extension")
    func byFile() {
        #expect(registry.ecosystem(forFile: "/w/asthra.toml")?.name == "Asthra")
        #expect(registry.ecosystem(forFile: "/w/Asthra.toml")?.name == "Asthra")
        #expect(registry.ecosystem(forFile: "/w/src/a.ast")?.name == "Asthra")
        #expect(registry.ecosystem(forFile: "/w/toy.toml")?.name == "Toy")
        #expect(registry.ecosystem(forFile: "/w/src/x.toy")?.name == "Toy")
        #expect(registry.ecosystem(forFile: "/w/Cargo.toml") == nil)
        // A source by its last extension, in its name only: not a hidden file, a directory's
        // dot, or a name that ends in one.
        #expect(AsthraEcosystem().isSourceFile("/w/src/a.b.ast"))
        #expect(AsthraEcosystem().isSourceFile("a.ast"))
        #expect(AsthraEcosystem().isSourceFile("/w/src/a.ast/"))
        #expect(!AsthraEcosystem().isSourceFile("/w/.ast"))
        #expect(!AsthraEcosystem().isSourceFile("/w/x.ast/main"))
        #expect(!AsthraEcosystem().isSourceFile("/w/src/a.asthr"))
        #expect(!AsthraEcosystem().isSourceFile("/w/src/a."))
        #expect(!AsthraEcosystem().isSourceFile("/w/src/.."))
        #expect(registry.ecosystem(named: "TOY")?.name == "Toy")
        #expect(registry.names == ["asthra", "toy"])
        #expect(registry.manifestFileNames == ["asthra.toml", "Asthra.toml", "toy.toml"])
        #expect(registry.diagnosticCodes.last == DiagnosticCode("X001", "A toy problem."))
        #expect(registry.diagnosticCodes.count == DiagnosticCode.shared.count + AsthraEcosystem().diagnosticCodes.count + 1)
    }

    @Test("the nearest manifest of any ecosystem governs a directory")
    func nearest() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/w/asthra.toml": "[package]\nname = \"outer\"\nversion = \"0.1.0\"\n",
            "/w/tools/toy/toy.toml": "[package]\nname = \"inner\"\nversion = \"0.1.0\"\n",
            "/w/tools/toy/src/main.toy": "package main;\n",
            "/w/src/main.asthra": "package main;\n",
        ])
        #expect(try registry.manifest(from: "/w/tools/toy/src", manifestPath: nil, fileSystem: fs).ecosystem.name == "Toy")
        #expect(try registry.manifest(from: "/w/tools", manifestPath: nil, fileSystem: fs).ecosystem.name == "Asthra")
        #expect(try registry.manifest(from: "/", manifestPath: "/w/tools/toy/toy.toml", fileSystem: fs).ecosystem.name == "Toy")
        #expect(registry.nearestManifest(from: "/w/tools/toy/src", fileSystem: fs)?.path == "/w/tools/toy/toy.toml")
        #expect(throws: WorkspaceError.noManifest(start: "/elsewhere", names: ["asthra.toml", "Asthra.toml", "toy.toml"])) {
            try registry.manifest(from: "/elsewhere", manifestPath: nil, fileSystem: fs)
        }
        #expect(throws: WorkspaceError.unknownManifest("/w/Cargo.toml", names: ["asthra.toml", "Asthra.toml", "toy.toml"])) {
            try registry.manifest(from: "/", manifestPath: "/w/Cargo.toml", fileSystem: fs)
        }
        #expect(throws: WorkspaceError.unreadableManifest(.isADirectory("/w/tools"))) {
            try registry.manifest(from: "/", manifestPath: "/w/tools", fileSystem: fs)
        }
    }

    @Test("a new package is written from its ecosystem's template, never over a manifest")
    func template() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/p/.gitignore": "keep\n"])
        #expect(try PackageTemplate.create(AsthraEcosystem(), in: "/p", name: "demo", library: true, fileSystem: fs)
                == ["asthra.toml", "src/lib.asthra"])
        #expect(try fs.readText("/p/.gitignore").string == "keep\n")
        #expect(throws: PackageTemplate.Problem.exists("/p/asthra.toml")) {
            try PackageTemplate.create(AsthraEcosystem(), in: "/p", name: "demo", library: false, fileSystem: fs)
        }
        #expect(try PackageTemplate.create(RenamedEcosystem(), in: "/q", name: "t", library: false, fileSystem: fs) == ["toy.toml"])
        #expect(throws: PackageTemplate.Problem.invalidName("a b", reason: "' ' is not allowed in a package name", suggestion: "a_b")) {
            try PackageTemplate.create(AsthraEcosystem(), in: "/r", name: "a b", library: false, fileSystem: fs)
        }
    }

    @Test("sources are searched in the roots the ecosystem names, each file once, and kept as it decides")
    func sourceRoots() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/t/toy.toml": "[package]\nname = \"t\"\nversion = \"0.1.0\"\n",
            "/t/src/a.toy": "package main;\n",
            "/t/src/gen/b.toy": "package main;\n",
            "/t/src/gen/deep/er/d.toy": "package main;\n",
            "/t/src/gen/e_skip.toy": "package main;\n",
            "/t/src/other/f.toy": "package main;\n",
            "/t/tools/c.toy": "package main;\n",
        ])
        let snapshot = try WorkspaceLoader(ecosystem: RenamedEcosystem(), fileSystem: fs, environment: [:]).load(from: "/t")
        // Roots `src` and `src/gen`; of their files, those the ecosystem's globs keep.
        #expect(snapshot.modulePaths == ["/t/src/a.toy", "/t/src/gen/b.toy", "/t/src/gen/deep/er/d.toy"])
    }
}
