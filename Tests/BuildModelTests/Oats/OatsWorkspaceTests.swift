import Foundation
import Testing
@testable import BuildModel

@Suite("Oats workspaces and `check`")
struct OatsWorkspaceTests {
    func checker(_ files: [String: String]) -> Checker {
        Checker(files, ecosystem: OatsEcosystem())
    }

    let app = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nmylib = { path = \"../mylib\" }\n"
    let mylib = "[package]\nname = \"mylib\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n"

    @Test("relative specifiers: x.oats, x itself, x/index.oats, from the importing file")
    func relative() throws {
        let c = checker([
            "/w/Oats.toml": app, "/mylib/Oats.toml": mylib, "/mylib/src/lib.oats": "",
            "/w/src/main.oats": """
                import { a } from "./math";
                import { b } from "./math.oats";
                import * as shapes from "./shapes";
                import { c } from "../tools/x";
                """,
            "/w/src/math.oats": "",
            "/w/src/shapes/index.oats": "import { a } from \"../math\";\n",
            "/w/tools/x.oats": "",
        ])
        #expect(try c.lines() == [])
        let main = try #require(try c.report().snapshot.modules["/w/src/main.oats"])
        #expect(main.imports.map { "\($0.statement.path) → \($0.outcome.targets.joined(separator: ", ")) (\($0.outcome.category?.rawValue ?? "-"))" } == [
            "./math → /w/src/math.oats (local)",
            "./math.oats → /w/src/math.oats (local)",
            "./shapes → /w/src/shapes/index.oats (local)",
            "../tools/x → /w/tools/x.oats (local)",
        ])
    }

    @Test("a bare specifier names a declared dependency: its entry, or a module from its root")
    func dependency() throws {
        let c = checker([
            "/w/Oats.toml": app, "/mylib/Oats.toml": mylib,
            "/mylib/src/lib.oats": "import { h } from \"./helpers\";\n", "/mylib/src/helpers.oats": "",
            "/mylib/extra/index.oats": "",
            "/w/src/main.oats": "import { add } from \"mylib\";\nimport * as extra from \"mylib/extra\";\n",
        ])
        #expect(try c.lines() == [])
        let report = try c.report()
        let main = try #require(report.snapshot.modules["/w/src/main.oats"])
        #expect(main.imports.map { "\($0.statement.path) → \($0.outcome.targets.joined(separator: ", ")) [\($0.outcome.package?.name ?? "-")]" } == [
            "mylib → /mylib/src/lib.oats [mylib]", "mylib/extra → /mylib/extra/index.oats [mylib]",
        ])
        // The dependency's own modules are loaded and checked as third-party code.
        #expect(report.snapshot.modules["/mylib/src/helpers.oats"]?.origin.kind == .thirdParty)
        #expect(report.moduleCount == 1)
    }

    @Test("unresolved, undeclared and escaping imports, each with its fix or help")
    func problems() throws {
        let c = checker([
            "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1.0\"\n",
            "/mylib/Oats.toml": mylib, "/mylib/src/lib.oats": "",
            "/w/src/main.oats": """
                import { a } from "./mth";
                import { b } from "mylib";
                import { c } from "../../outside";
                import { d } from "serde";
                import { e } from "/abs/path";
                import { f } from "./shapes/square";
                """,
            "/w/src/math.oats": "",
        ])
        let lines = try c.lines()
        #expect(lines == [
            "Oats.toml:6:9 error[O001] External dependencies not yet supported: 'serde' has a version but no 'path'",
            "src/main.oats:1:19 error[I003] cannot find module './mth'",
            "src/main.oats:2:19 error[I004] package 'mylib' is not declared in [dependencies] of 'app'",
            "src/main.oats:3:19 error[I005] relative import '../../outside' leaves package 'app'",
            "src/main.oats:5:19 error[I003] import specifier '/abs/path' is neither a relative path nor a package name",
            "src/main.oats:6:19 error[I003] cannot find module './shapes/square'",
        ])
        let report = try c.report()
        let typo = try #require(report.diagnostics.first { $0.code == "I003" })
        #expect(typo.help == ["did you mean './math'?", "there is no 'mth.oats' or 'mth/index.oats' in 'src'"])
        #expect(typo.fix?.edits.map(\.newText) == ["./math"])
        // A folder that is not there is named as such.
        let folder = try #require(report.diagnostics.last { $0.code == "I003" })
        #expect(folder.help == ["there is no directory 'src/shapes'"])
        // The sibling package of that name is offered as a path dependency, in the manifest.
        let undeclared = try #require(report.diagnostics.first { $0.code == "I004" })
        #expect(undeclared.fix?.title == "Add 'mylib' = { path = \"../mylib\" } to [dependencies] of 'app'")
        let edited = String(decoding: try TextEdit.apply(undeclared.fix!.edits, to: report.snapshot.rootManifest.source.bytes), as: UTF8.self)
        #expect(edited == "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1.0\"\nmylib = { path = \"../mylib\" }\n")
    }

    @Test("the entry must exist; a library made by toasty without one gets the entry as a fix")
    func missingEntry() throws {
        let c = checker([
            "/w/Oats.toml": "[package]\nname = \"hello_lib\"\nversion = \"0.1.0\"\n\n[dependencies]\n",
            "/w/src/lib.oats": "",
        ])
        #expect(try c.lines() == ["Oats.toml:1:2 error[O002] the default entry 'src/main.oats' of package 'hello_lib' does not exist"])
        let d = try #require(try c.report().diagnostics.first)
        #expect(d.help == ["this package has src/lib.oats: a library names it with entry = \"src/lib.oats\""])
        let edited = String(decoding: try TextEdit.apply(d.fix!.edits, to: try c.report().snapshot.rootManifest.source.bytes), as: UTF8.self)
        #expect(edited == "[package]\nname = \"hello_lib\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n\n[dependencies]\n")
    }

    @Test("the real Oats examples check clean; toasty's library template lacks its entry",
          .enabled(if: FileManager.default.fileExists(atPath: oatsCorpus), "skipped: ../shared/corpora/oats is absent"))
    func corpus() throws {
        let corpus = oatsCorpus
        let fs = LocalFileSystem()
        for package in ["multi_file", "pkg_test/myapp", "pkg_test/mylib", "generated/toasty-new/hello_app"] {
            let loader = WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: fs, environment: [:])
            let report = CheckReport(snapshot: try loader.load(from: corpus + "/" + package))
            #expect(report.diagnostics.map(\.message) == [], "\(package)")
        }
        let myapp = try WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: fs, environment: [:]).load(from: corpus + "/pkg_test/myapp")
        #expect(myapp.packages.dependencyOrder?.map(\.displayName) == ["mylib", "myapp"])
        // toasty's own `new --lib` template has no entry: ampu says so.
        let lib = try WorkspaceLoader(ecosystem: OatsEcosystem(), fileSystem: fs, environment: [:]).load(from: corpus + "/generated/toasty-new/hello_lib")
        #expect(CheckReport(snapshot: lib).diagnostics.map(\.code) == ["O002"])
    }
}

/// The real Oats files in ../shared beside the repository.
let oatsCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/oats").path
