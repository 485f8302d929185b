import Foundation
import Testing
@testable import BuildModel

@Suite("Rask sources, features and workspaces")
struct RaskWorkspaceTests {
    /// Each import as `path [as alias] @line:col`, then each problem.
    func scan(_ text: String) -> [String] {
        let source = SourceText(path: "/p/main.rk", text)
        let s = RaskSourceScanner.scan(source)
        return s.imports.map { "\($0.path)\($0.alias.map { " as \($0.value)" } ?? "") @\(source.location(of: $0.literalRange.lowerBound))" }
            + s.diagnostics.map { "\(source.location(of: $0.range.lowerBound)) \($0.severity)[\($0.code ?? "-")] \($0.message)" }
    }

    @Test("every import form, each at its name; comments, strings and imports not starting a line are not imports")
    func importForms() {
        #expect(scan("""
            // import commented
            import http
            import http.Request
              import lsm.storage as store
            import http.{Request, Response}
            import c "vendor/zlib.h" as z
            import build using BuildContext
            let s = "import fake"
            func f() { x.import y }
            /* import
               inside */
            import json.*

            """) == [
                "http @2:8", "http.Request @3:8", "lsm.storage as store @4:10", "http @5:8", "build @7:8", "json @12:8",
                "12:12 warning[R015] `import json.*` brings every public name of 'json' into this file",
            ])
    }

    @Test("malformed imports: each says what is missing, and the rest of the file is still read")
    func malformed() {
        #expect(scan("import\nimport a.\nimport b.{X\nimport c as\nimport d.{X} as e\nimport f g\nimport ok\n") == [
            "ok @7:8",
            "1:1 error[R014] this import is not `import name[.name…]`",
            "2:9 error[R014] this import is not `import name[.name…]`",
            "3:9 error[R014] this import is not `import name[.name…]`",
            "4:10 error[R014] this import is not `import name[.name…]`",
            "5:14 error[R014] this import is not `import name[.name…]`",
            "6:10 error[R014] this import is not `import name[.name…]`",
        ])
    }

    @Test("a package block in a source file is R005; `package` elsewhere is not")
    func packageInSource() {
        #expect(scan("import http\npackage \"app\" \"1.0.0\" {\n    dep \"x\" \"^1\"\n}\nlet package = 1\n  package_name()\n") == [
            "http @1:8",
            "2:1 error[R005] a package block belongs in rask.build, not in a source file",
        ])
    }

    @Test("features: the defaults and what they enable; a dep is in while its feature or its tag's is on")
    func features() {
        let block = RaskPackageDocument(parsing: SourceText(path: "/p/rask.build", """
            package "app" "1.0.0" {
                dep "http" "^2.0"
                dep "extra" "^1.0" { feature: "full" }
                feature "ssl" {
                    dep "openssl" "^3.0"
                    dep "ring" "^0.17" { feature: "crypto" }
                }
                feature "crypto" { dep "libsodium" "^1.0" }
                feature "json" {
                    default: true
                    dep "serde-json" "^1.0"
                }
                feature "full" { enables: ["ssl", "json"] }
                feature "verbose"
            }
            """)).package
        let f = RaskFeatures(block)
        #expect(f.enabled() == ["json"])
        #expect(f.enabled(named: ["full"], defaults: false) == ["full", "ssl", "json"])
        #expect(f.enabled(named: ["crypto"], defaults: false) == ["crypto"])
        let on = f.enabled()
        #expect(["http", "extra", "openssl", "ring", "libsodium", "serde-json"].filter { f.isIn($0, enabled: on) } == ["http", "serde-json"])
        let crypto = f.enabled(named: ["crypto"], defaults: false)
        #expect(["http", "extra", "openssl", "ring", "libsodium", "serde-json"].filter { f.isIn($0, enabled: crypto) } == ["http", "ring", "libsodium"])
        #expect(f.gate(of: "ring") == ["ssl", "crypto"])
        #expect(f.gate(of: "http") == nil)
    }

    @Test("the manifest: name, version, metadata, members, and every dep with its scope, section and source")
    func manifest() {
        let m = RaskManifestReader.read(SourceText(path: "/w/rask.build", """
            package "app" "1.2.3" {
                description: "An app"
                license: "MIT"
                members: ["core", "cli"]
                dep "http" "^2.0"
                dep "shared" { path: "../shared" }
                dep "fork" { git: "https://example.com/fork", branch: "fix" }
                scope "dev" { dep "mock" "^2.0" }
                scope "build" { dep "codegen" "^1.0" }
                feature "ssl" { dep "ssl-helpers" "^1.0" { scope: "dev" } }
            }
            """))
        #expect(m.diagnostics.isEmpty)
        #expect(m.package?.name?.value == "app")
        #expect(m.package?.version?.value.description == "1.2.3")
        #expect(m.package?.description?.value == "An app")
        #expect(m.workspace?.members.map(\.value) == ["core", "cli"])
        #expect(m.dependencies.map { "\($0.name.value) \($0.scope) [\($0.section)] \($0.sourceSummary)" } == [
            "http normal [the package block] version ^2.0",
            "shared normal [the package block] path ../shared",
            "fork normal [the package block] git https://example.com/fork (branch fix)",
            "mock dev [scope \"dev\"] version ^2.0",
            "codegen build [scope \"build\"] version ^1.0",
            "ssl-helpers dev [feature \"ssl\"] version ^1.0",
        ])
    }

    @Test("a dep with no version and no source, a bad version and a bad requirement are located errors")
    func manifestProblems() throws {
        let source = SourceText(path: "/w/rask.build", "package \"app\" \"1.0\" {\n    dep \"a\"\n    dep \"b\" \"^x\"\n}\n")
        let m = RaskManifestReader.read(source)
        #expect(m.diagnostics.map { "\(source.location(of: $0.range.lowerBound)) \($0.code ?? "-") \($0.message)" } == [
            "1:15 M004 invalid version '1.0': it has 2 of the 3 numbers MAJOR.MINOR.PATCH",
            "2:9 M012 dep 'a' says neither a version nor where it is",
            "3:13 M005 invalid version requirement '^x': the major version cannot be a wildcard here",
        ])
        #expect(m.diagnostics[0].help == ["did you mean \"1.0.0\"?"])
        #expect(try TextEdit.apply(m.diagnostics[0].fix!.edits, to: source.bytes).starts(with: Array("package \"app\" \"1.0.0\" {".utf8)))
    }

    @Test("the real Rask projects check without a problem; a member's path dep resolves to the other member",
          .enabled(if: FileManager.default.fileExists(atPath: raskCorpus), "skipped: ../shared/corpora/rask is absent"))
    func corpus() throws {
        let fs = LocalFileSystem()
        for project in ["lsm_database", "lsm_database-workspace@2e65d3345b", "tiwaz", "validation", "validation-pre-orelse"] {
            let loader = WorkspaceLoader(ecosystem: RaskEcosystem(), fileSystem: fs, environment: [:])
            let report = CheckReport(snapshot: try loader.load(from: raskCorpus + "/" + project))
            #expect(report.diagnostics.map(\.message) == [], "\(project)")
        }
        let workspace = try WorkspaceLoader(ecosystem: RaskEcosystem(), fileSystem: fs, environment: [:])
            .load(from: raskCorpus + "/lsm_database-workspace@2e65d3345b/lsm-cli")
        #expect(workspace.packages.dependencyOrder?.map(\.displayName) == ["lsm-database", "lsm", "lsm-cli"])
    }
}
