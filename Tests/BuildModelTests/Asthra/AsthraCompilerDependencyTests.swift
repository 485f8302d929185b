import Testing
@testable import BuildModel

/// Dependencies as today's compiler and `asthra add` write them: a short key, the package's
/// location under `git`, a tag or a commit; imports name the location.
@Suite("Asthra dependencies the compiler's way")
struct AsthraCompilerDependencyTests {
    let home = ["HOME": "/home/u", "ASTHRA_HOME": "/asthra"]

    func checker(_ manifest: String, _ main: String, extra: [String: String] = [:]) -> Checker {
        Checker(stdlibTree.merging([
            "/w/asthra.toml": manifest,
            "/w/src/main.asthra": main,
            "/home/u/.asthra/cache/github.com/user/json/asthra.toml": "[package]\nname = \"github.com/user/json\"\nversion = \"1.0.0\"\n",
            "/home/u/.asthra/cache/github.com/user/json/src/lib.asthra": "package json;\n",
            "/home/u/.asthra/cache/github.com/user/json/src/parse.asthra": "package json;\nimport \"github.com/user/undeclared\";\n",
        ].merging(extra) { $1 }) { a, _ in a }, environment: home)
    }

    @Test("imports match a dependency's git location; commit is accepted as the compiler's rev")
    func gitLocation() throws {
        let c = checker("""
            [package]
            name = "app"
            version = "0.1.0"

            [dependencies]
            json = { git = "github.com/user/json", tag = "v1.0.0" }
            http = { git = "https://github.com/user/http.git", commit = "0123abcd" }
            """, """
            package main;
            import "github.com/user/json";
            import "github.com/user/json/parse";
            import "github.com/user/http/client";
            """)
        let lines = try c.lines()
        // The fetched package's own undeclared import is its problem, reported in its file, with
        // no fix. With no lock, the copy of json put in the cache by hand stands in; http has none.
        #expect(lines == [
            "/home/u/.asthra/cache/github.com/user/json/src/parse.asthra:2:8 error[I004] third-party package 'github.com/user/undeclared' is not declared in [dependencies] of 'github.com/user/json'",
            "asthra.toml:7:1 warning[M026] 'http' is not locked: there is no asthra.lock yet",
        ])
        let report = try c.report()
        #expect(report.diagnostics[0].fix == nil)
        let main = try #require(report.snapshot.modules["/w/src/main.asthra"])
        #expect(main.imports.map { "\($0.statement.path) → \($0.outcome.package?.name ?? "-") \($0.outcome.targets)" } == [
            "github.com/user/json → json [\"/home/u/.asthra/cache/github.com/user/json/src/lib.asthra\"]",
            "github.com/user/json/parse → json [\"/home/u/.asthra/cache/github.com/user/json/src/parse.asthra\"]",
            "github.com/user/http/client → http []",
        ])
        let http = try #require(report.snapshot.rootManifest.dependency(named: "http"))
        #expect(http.sourceSummary == "git https://github.com/user/http.git (rev 0123abcd)")
    }

    @Test("rev and commit together are one reference too many")
    func revAndCommit() throws {
        let m = AsthraEcosystem().readManifest(SourceText(path: "/w/asthra.toml", """
            [package]
            name = "app"
            version = "0.1.0"
            [dependencies]
            x = { git = "github.com/a/x", rev = "1", commit = "2" }
            """))
        #expect(m.diagnostics.map(\.message) == ["dependency 'x' has both 'rev' and 'commit'"])
        #expect(m.diagnostics.map(\.notes) == [["a git dependency names one of tag, branch or rev (or commit)"]])
    }

    @Test("the fix declares an undeclared package the way the compiler reads it, after [package]")
    func fixPlacement() throws {
        let manifest = "# The app.\n[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[build]\ntarget = \"native\"\n"
        let c = checker(manifest, "package main;\nimport \"github.com/acme/json/parse\";\n")
        let report = try c.report()
        let d = try #require(report.diagnostics.first { $0.code == "I004" && $0.file == "/w/src/main.asthra" })
        #expect(d.help == ["add json = { git = \"github.com/acme/json\" } (with a tag, branch or commit) under [dependencies] in asthra.toml"])
        let fix = try #require(d.fix)
        #expect(fix.title == "Add json = { git = \"github.com/acme/json\" } to [dependencies] of 'app'")
        let edited = String(decoding: try TextEdit.apply(fix.edits, to: Array(manifest.utf8)), as: UTF8.self)
        #expect(edited == "# The app.\n[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/acme/json\" }\n\n[build]\ntarget = \"native\"\n")
        // With the fix applied, the import is declared.
        let fixed = checker(edited, "package main;\nimport \"github.com/acme/json/parse\";\n")
        #expect(try fixed.report().diagnostics.filter { $0.file == "/w/src/main.asthra" }.isEmpty)
    }
}

@Suite("asthra.toml as the language's documentation writes it")
struct AsthraDocumentedManifestTests {
    func read(_ text: String) -> PackageManifest {
        AsthraEcosystem().readManifest(SourceText(path: "/w/asthra.toml", text))
    }

    @Test("target triples and optimization_level are read, not warned about")
    func documentedValues() {
        let m = read("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[build]\ntarget = \"x86_64-linux\"\noptimization_level = 2\n")
        #expect(m.diagnostics.map(\.message) == [])
        #expect(m.build.target?.value == "x86_64-linux")
        #expect(m.build.optimization?.value == "standard")
        let bad = read("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[build]\ntarget = \"x86-linux\"\noptimization_level = 7\n")
        #expect(bad.diagnostics.map { "\($0.message) | \($0.label ?? "") | \($0.notes.joined(separator: " | ")) | \($0.help.joined(separator: " | "))" } == [
            "unknown build.target 'x86-linux' | not a target ampu knows | 'build.target' is 'native' or an architecture (x86_64, arm64, aarch64, wasm32), optionally with a system after a '-' (linux, macos, windows, freebsd, wasi, none), such as 'x86_64-linux' | did you mean 'x86_64-linux'?",
            "'build.optimization_level' must be 0, 1, 2 or 3, found 7 | not 0, 1, 2 or 3 | 0 is none, 1 basic, 2 standard and 3 aggressive | ",
        ])
    }

    @Test("a target of no parts, or of a part missing on either side of its '-', is an unknown target (an empty one crashed the reader)", arguments: ["", "-", "-linux", "x86_64-", "--"])
    func emptyTargetParts(_ target: String) {
        let m = read("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[build]\ntarget = \"\(target)\"\n")
        #expect(m.diagnostics.map { "\($0.code ?? "-") \($0.message)" } == ["M013 unknown build.target '\(target)'"])
        #expect(m.build.target == nil)
    }

    @Test("a rename is a fix only when the key it suggests takes the value: a fix never makes a warning an error")
    func renameKeepsTypes() {
        let m = read("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[build]\noptimisation = 2\noptimisation_level = 2\n")
        #expect(m.diagnostics.map { "\($0.message) | \($0.help[0]) | fix: \($0.fix?.title ?? "none")" }.sorted() == [
            "unknown key 'optimisation' in [build] | did you mean 'optimization'? it takes a string, such as optimization = \"release\" | fix: none",
            "unknown key 'optimisation_level' in [build] | did you mean 'optimization_level'? | fix: Rename 'optimisation_level' to 'optimization_level'",
        ])
    }
}

@Suite("The earlier era's bare imports")
struct AsthraBareImportTests {
    @Test("a bare import names a module from the project root, then the standard library; a dependency of that name wins; both is an ambiguity")
    func order() throws {
        let checker = Checker(stdlibTree.merging([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nmathlib = { path = \"vendor/mathlib\" }\n",
            "/w/models.asthra": "package models;\n",
            "/w/io.asthra": "package io;\n",
            "/w/src/main.asthra": """
                package main;
                import "models";
                import "string";
                import "math";
                import "mathlib";
                import "io";
                """,
            "/w/vendor/mathlib/asthra.toml": "[package]\nname = \"mathlib\"\nversion = \"0.1.0\"\n",
            "/w/vendor/mathlib/src/lib.asthra": "package mathlib;\n",
        ]) { a, _ in a }, environment: ["ASTHRA_HOME": "/asthra"])
        let lines = try checker.lines()
        #expect(lines == [
            "src/main.asthra:6:8 warning[I013] 'io' names both 'io.asthra' in the project and 'stdlib/io' in the standard library; the project's module is used",
        ])
        let report = try checker.report()
        #expect(report.diagnostics[0].help == ["write \"./io\" (from the importing file) or \"stdlib/io\" to say which one you mean"])
        #expect(report.diagnostics[0].related.map { "\($0.file ?? "-") \($0.message)" } == ["/asthra/stdlib/io.asthra the standard library's 'stdlib/io'"])
        let imports = try #require(report.snapshot.modules["/w/src/main.asthra"]).imports
        #expect(imports.map { "\($0.statement.path) \($0.outcome.category?.rawValue ?? "-") \($0.outcome.targets)" } == [
            "models local [\"/w/models.asthra\"]", "string stdlib [\"/asthra/stdlib/string.ast\"]", "math built-in []",
            "mathlib third-party [\"/w/vendor/mathlib/src/lib.asthra\"]", "io local [\"/w/io.asthra\"]",
        ])
    }
}

@Suite("check and the lock file")
struct LockCheckTests {
    let lock = """
        version = 1

        [[package]]
        name = "github.com/user/json"
        version = "1.1.0"
        source = "git+https://github.com/user/json.git"
        git = "github.com/user/json"
        commit = "0123456789abcdef0123456789abcdef01234567"
        dependencies = []
        """

    /// These files over the standard library's, checked with it at /asthra.
    func checking(_ files: [String: String]) -> Checker {
        Checker(stdlibTree.merging(files) { a, _ in a }, environment: ["ASTHRA_HOME": "/asthra"])
    }

    @Test("a requirement the locked version no longer meets, and a dependency the lock lacks, are warnings on their lines")
    func outdated() throws {
        let checker = checking([
            "/w/asthra.toml": """
                [package]
                name = "app"
                version = "0.1.0"

                [dependencies]
                json = { git = "github.com/user/json", version = "~1.0.0" }
                http = { git = "github.com/user/http" }
                """,
            "/w/asthra.lock": lock,
        ])
        let lines = try checker.lines()
        #expect(lines == [
            "asthra.toml:6:50 warning[M020] asthra.lock has 'json' at 1.1.0, which ~1.0.0 does not allow",
            "asthra.toml:7:1 warning[M020] 'http' is not in asthra.lock",
        ])
        // A lock that agrees says nothing.
        let agreeing = checking([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n",
            "/w/asthra.lock": lock,
        ])
        #expect(try agreeing.lines() == [])
    }

    @Test("with no lock at all, each git dependency is not locked: a path one or one by name and version is not the lock's to say")
    func noLock() throws {
        let checker = checking([
            "/w/asthra.toml": """
                [package]
                name = "app"
                version = "0.1.0"

                [dependencies]
                json = { git = "github.com/user/json", version = "^1.0" }
                util = { path = "util" }
                yaml = "1.0"
                """,
            "/w/util/asthra.toml": "[package]\nname = \"util\"\nversion = \"0.1.0\"\n",
            "/w/util/src/lib.asthra": "package util;\n",
        ])
        #expect(try checker.lines() == [
            "asthra.toml:6:1 warning[M026] 'json' is not locked: there is no asthra.lock yet",
            "asthra.toml:8:1 warning[M023] dependency 'yaml' is not on this machine: asthra.lock locks no copy of it and the package cache has none",
        ])
    }

    @Test("a lock file that is there but cannot be read (a directory by its name) is M020, not taken for none, and the help says to remove it")
    func unreadableLock() throws {
        let checker = checking([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n",
            "/w/asthra.lock/stray": "",
        ])
        #expect(try checker.lines() == [
            "asthra.lock:1:1 error[M020] the lock file cannot be read: '/w/asthra.lock' is a directory, expected a file",
        ])
        // `ampu update` cannot write over the directory: the help says to remove it first.
        #expect(try checker.report().diagnostics.map(\.help) == [["remove what is there by its name, then `ampu update` writes it"]])
    }
}
