import Testing
@testable import BuildModel

@Suite("Oats.toml")
struct OatsManifestTests {
    func read(_ text: String) -> PackageManifest {
        OatsEcosystem().readManifest(SourceText(path: "/w/Oats.toml", text))
    }

    /// `L:C severity[code] message`, one per diagnostic.
    func problems(_ m: PackageManifest) -> [String] {
        m.diagnostics.map { "\(m.source.location(of: $0.range.lowerBound)) \($0.severity)[\($0.code ?? "-")] \($0.message)" }
    }

    @Test("the real example manifest reads into the model, [build] and its profiles kept")
    func example() throws {
        // Oats.toml.example from the Oats repository, as it is.
        let m = read("""
            # Oats.toml - Oats Project Manifest
            [package]
            name = "my-oats-project"
            version = "0.1.0"
            authors = ["Your Name <your.email@example.com>"]
            description = "A description of your Oats project"
            license = "MIT"
            entry = "src/main.oats"  # Entry point for the package

            [dependencies]
            # Local dependencies (relative paths)
            my-lib = { path = "./lib" }

            [build]
            target-dir = "target"
            profile = "dev"  # dev, release

            [build.profiles.dev]
            opt-level = "none"
            debug = true

            [build.profiles.release]
            opt-level = "aggressive"
            lto = "full"
            debug = false
            """)
        #expect(problems(m) == [])
        let p = try #require(m.package)
        #expect(p.name?.value == "my-oats-project")
        #expect(p.version?.value == Version(0, 1, 0))
        #expect(p.authors.map(\.value) == ["Your Name <your.email@example.com>"])
        #expect(p.targets.map { "\($0.kind) \($0.name.value) \($0.path.value)" } == ["bin my-oats-project src/main.oats"])
        #expect(m.dependencies.map { "[\($0.section)] \($0.scope) \($0.name.value): \($0.sourceSummary)" } == ["[dependencies] normal my-lib: path ./lib"])
        #expect(m.source.text(m.dependencies[0].path!.range) == "\"./lib\"")
        #expect(m.build.outputDirectory?.value == "target")
        #expect(m.build.defaultProfile?.value == "dev")
        #expect(m.build.profiles.map { "\($0.name.value) opt=\($0.optimization?.value ?? "-") lto=\($0.lto?.value ?? "-") debug=\($0.debug.map { "\($0.value)" } ?? "-")" } == [
            "dev opt=none lto=- debug=true", "release opt=aggressive lto=full debug=false",
        ])
    }

    @Test("the entry defaults to src/main.oats; a library's src/lib.oats makes a lib target")
    func entry() {
        let plain = read("[package]\nname = \"app\"\nversion = \"0.1.0\"\n")
        #expect(plain.package?.targets.map { "\($0.kind) \($0.path.value)" } == ["bin src/main.oats"])
        let lib = read("[package]\nname = \"mylib\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n")
        #expect(lib.package?.targets.map { "\($0.kind) \($0.path.value)" } == ["lib src/lib.oats"])
    }

    @Test("every validation problem, located, with its help")
    func problemsLocated() {
        let m = read("""
            [package]
            name = "my app"
            version = "1.0"
            licence = "MIT"

            [dependencies]
            serde = "1.0"
            rand = { version = "0.8" }
            helper = { path = 3 }
            empty = {}
            odd = 5
            local = { path = "../local", version = "not a version", branch = "main" }

            [build]
            profile = "fast"

            [build.profiles.release]
            opt-level = "max"
            lto = "thin"
            """)
        // In reading order: each table's unknown keys, then its values.
        #expect(problems(m) == [
            "4:1 warning[M001] unknown key 'licence' in [package]",
            "2:8 error[M003] invalid package name 'my app': it contains a space",
            "3:11 error[M004] invalid version '1.0': it has 2 of the 3 numbers MAJOR.MINOR.PATCH",
            "7:9 error[O001] External dependencies not yet supported: 'serde' has a version but no 'path'",
            "8:8 error[O001] External dependencies not yet supported: 'rand' has a version but no 'path'",
            "9:19 error[M002] 'dependencies.helper.path' must be a string, found an integer",
            "10:9 error[M012] dependency 'empty' says neither where nor which version to get",
            "11:7 error[M002] dependency 'odd' must be a table with a 'path', found an integer",
            "12:57 warning[M001] unknown key 'branch' in [dependencies.local]",
            "12:40 error[M005] invalid version requirement 'not a version': 'not a version' is not a number",
            "18:13 error[M013] unknown build.profiles.release.opt-level 'max'",
            "15:11 error[M013] unknown build.profile 'fast'",
        ])
        let external = m.diagnostics.first { $0.code == "O001" }!
        #expect(external.help == ["Oats builds only local packages: write serde = { path = \"../serde\" } pointing at a copy of it"])
        let name = m.diagnostics.first { $0.code == "M003" }!
        #expect(name.help == ["use letters, digits, '-' and '_', such as 'my-app'"])
    }

    @Test("no [package] is one error with what to write")
    func noPackage() {
        let m = read("[dependencies]\n")
        #expect(problems(m) == ["1:1 error[M006] Oats.toml has no [package] table"])
    }
}
