import Testing
@testable import BuildModel

/// Loads a workspace from an in-memory file system and lists what `check` reports.
struct Checker {
    var fs: InMemoryFileSystem
    var environment: [String: String] = [:]
    var ecosystem: any Ecosystem

    init(_ files: [String: String], environment: [String: String] = [:], ecosystem: any Ecosystem = AsthraEcosystem()) {
        fs = InMemoryFileSystem(currentDirectory: "/", files: files)
        self.environment = environment
        self.ecosystem = ecosystem
    }

    func report(from directory: String = "/w") throws -> CheckReport {
        let loader = WorkspaceLoader(ecosystem: ecosystem, fileSystem: fs, environment: environment)
        return CheckReport(snapshot: try loader.load(from: directory))
    }

    /// `file:line:col severity[code] message`, files relative to the workspace root.
    func lines(from directory: String = "/w") throws -> [String] {
        let report = try report(from: directory)
        return report.diagnostics.map { d in
            let file = d.file ?? "?"
            let location = report.snapshot.sources[file]?.location(of: d.range.lowerBound) ?? "1:1"
            return "\(Paths.display(file, from: report.snapshot.root)):\(location) \(d.severity)[\(d.code ?? "-")] \(d.message)"
        }
    }
}

let stdlibTree: [String: String] = [
    "/asthra/stdlib/io.asthra": "package stdlib::io;\nimport \"internal/runtime/memory\";\n",
    "/asthra/stdlib/string.ast": "package stdlib::string;\n",
    "/asthra/stdlib/collections/list.asthra": "package stdlib::collections;\nimport \"../string\";\n",
    "/asthra/stdlib/collections/map.asthra": "package stdlib::collections;\n",
    "/asthra/internal/runtime/memory.asthra": "package internal::runtime::memory;\nimport \"system/libc\";\n",
]

@Suite("Workspaces and `check`")
struct WorkspaceCheckTests {
    let home = ["ASTHRA_HOME": "/asthra"]

    @Test("the manifest is found upward, and a member's workspace above it becomes the root")
    func discovery() throws {
        let checker = Checker([
            "/w/asthra.toml": "[workspace]\nmembers = [\"app\", \"libs/*\", \"missing\", \"tools/*\"]\n",
            "/w/app/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/app/src/deep/x.asthra": "package main;\n",
            "/w/app/target/debug/gen.asthra": "package generated;\nimport \"nowhere\";\n",
            "/w/app/.hidden/y.asthra": "import \"nowhere\";\n",
            "/w/libs/a/asthra.toml": "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
            "/w/libs/a/lib.ast": "package a;\n",
            "/w/libs/b/Asthra.toml": "[project]\nname = \"b\"\nversion = \"0.1.0\"\n",
            "/w/libs/notes/readme.txt": "",
            "/w/tools/readme.txt": "",
            "/w/alone/asthra.toml": "[package]\nname = \"alone\"\nversion = \"0.1.0\"\n",
        ] .merging(stdlibTree) { a, _ in a }, environment: home)
        let report = try checker.report(from: "/w/app/src/deep")
        #expect(report.snapshot.root == "/w")
        #expect(report.snapshot.members.map(\.displayName) == ["app", "a", "b"])
        #expect(report.snapshot.memberModules.map(\.path) == ["/w/app/src/deep/x.asthra", "/w/libs/a/lib.ast"])
        let found371 = try checker.lines(from: "/w/app/src/deep")
        #expect(found371 == [
            "asthra.toml:2:29 error[M016] workspace member 'missing' does not exist",
            "asthra.toml:2:40 error[M016] workspace member pattern 'tools/*' matches no package",
            "libs/b/Asthra.toml:1:2 warning[M014] [project] is read as [package]; ampu's manifests call it [package]",
        ])
        // A package no workspace lists stands alone.
        #expect(try checker.report(from: "/w/alone").snapshot.root == "/w/alone")
    }

    @Test("what reading a path dependency's manifest found is said at it, as for a member's, once: a key it does not have, a line that does not read (Asthra, Oats)")
    func pathDependencyManifest() throws {
        let asthra = Checker([
            "/w/asthra.toml": "[workspace]\nmembers = [\"app\"]\n",
            "/w/app/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\nlicence = \"MIT\"\n\n[dependencies]\nutil = { path = \"../../util\" }\n",
            "/w/app/src/main.asthra": "package main;\nimport \"util\";\n",
            "/util/asthra.toml": "[package]\nname = \"util\"\nversion = \"0.1.0\"\nlicence = \"MIT\"\nfn main\n",
            "/util/src/lib.asthra": "package util;\n",
        ].merging(stdlibTree) { a, _ in a }, environment: home)
        let asthraLines = try asthra.lines()
        #expect(asthraLines == [
            "/util/asthra.toml:4:1 warning[M001] unknown key 'licence' in [package]",
            "/util/asthra.toml:5:4 error[T002] expected '=' after key 'fn', found 'main'",
            "app/asthra.toml:4:1 warning[M001] unknown key 'licence' in [package]",
        ])
        let oats = Checker([
            "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nutil = { path = \"../util\" }\n",
            "/w/src/main.oats": "import { u } from \"util\";\n",
            "/util/Oats.toml": "[package]\nname = \"util\"\nversoin = \"0.1.0\"\n",
            "/util/src/lib.oats": "export const u = 1;\n",
        ], ecosystem: OatsEcosystem())
        let oatsLines = try oats.lines()
        #expect(oatsLines == [
            "/util/Oats.toml:1:2 error[M006] [package] has no 'version'",
            "/util/Oats.toml:1:2 error[O002] the default entry 'src/main.oats' of package 'util' does not exist",
            "/util/Oats.toml:3:1 warning[M001] unknown key 'versoin' in [package]",
        ])
    }

    @Test("no manifest anywhere is an error naming the start directory")
    func noManifest() {
        let checker = Checker(["/w/src/main.asthra": "package main;\n"])
        #expect(throws: WorkspaceError.noManifest(start: "/w/src", names: ["asthra.toml", "Asthra.toml"])) {
            try checker.report(from: "/w/src")
        }
        #expect(WorkspaceError.noManifest(start: "/w/src", names: ["asthra.toml", "Asthra.toml"]).description
                == "could not find 'asthra.toml' or 'Asthra.toml' in '/w/src' or any parent directory")
    }

    @Test("every import form resolves; library modules reached are scanned too")
    func resolution() throws {
        let checker = Checker([
            "/w/asthra.toml": """
                [package]
                name = "app"
                version = "1.0.0"

                [dependencies]
                "github.com/acme/json" = { path = "vendor/json" }
                mathlib = { path = "../mathlib" }
                """,
            "/w/src/main.asthra": """
                package main;
                import "stdlib/io";
                import "std/string";
                import "stdlib/collections";
                import "system/libc";
                import "github.com/acme/json";
                import "github.com/acme/json/pretty";
                import "mathlib";
                import "./util/fmt" as fmt;
                """,
            "/w/src/util/fmt.asthra": "package util;\nimport \"../helpers\";\n",
            "/w/src/helpers.ast": "package main;\n",
            "/w/vendor/json/asthra.toml": "[package]\nname = \"github.com/acme/json\"\nversion = \"1.0.0\"\n",
            "/w/vendor/json/src/lib.asthra": "package json;\n",
            "/w/vendor/json/src/pretty.asthra": "package json;\n",
            "/mathlib/asthra.toml": "[package]\nname = \"mathlib\"\nversion = \"1.0.0\"\n[lib]\npath = \"math.asthra\"\n",
            "/mathlib/math.asthra": "package mathlib;\n",
        ].merging(stdlibTree) { a, _ in a }, environment: home)
        let report = try checker.report()
        let found707 = try checker.lines()
        #expect(found707 == [])
        let main = try #require(report.snapshot.modules["/w/src/main.asthra"])
        #expect(main.imports.map { "\($0.outcome.category!.rawValue) \($0.outcome.targets.joined(separator: ","))" } == [
            "stdlib /asthra/stdlib/io.asthra",
            "stdlib /asthra/stdlib/string.ast",
            "stdlib /asthra/stdlib/collections/list.asthra,/asthra/stdlib/collections/map.asthra",
            "system ",
            "third-party /w/vendor/json/src/lib.asthra",
            "third-party /w/vendor/json/src/pretty.asthra",
            "third-party /mathlib/math.asthra",
            "local /w/src/util/fmt.asthra",
        ])
        #expect(report.snapshot.modules["/asthra/internal/runtime/memory.asthra"]?.origin.kind == .internal)
        #expect(report.snapshot.modules["/w/vendor/json/src/lib.asthra"]?.origin.kind == .thirdParty)
        #expect(report.moduleCount == 3)
    }

    @Test("import problems: form, existence, declaration, package boundary, access")
    func problems() throws {
        let checker = Checker([
            "/w/asthra.toml": """
                [package]
                name = "app"
                version = "1.0.0"

                [dependencies]
                "github.com/acme/json" = { path = "vendor/json" }

                [dev-dependencies]
                "github.com/acme/test" = { path = "vendor/test" }
                """,
            "/w/src/main.asthra": """
                package main;
                import "stdlb/io";
                import "string";
                import "github/acme/json";
                import "helpers";
                import "stdlib/strng";
                import "stdlib/io";
                import "stdlib/io";
                import "internal/runtime/memory";
                import "github.com/other/pkg/sub";
                import "github.com/acme/test";
                import "../../etc/passwd";
                import "./nothing";
                import "github.com/acme/json";
                """,
            "/w/src/helpers.asthra": "package main;\n",
            "/w/tests/main_test.asthra": "package main;\nimport \"github.com/acme/test\";\n",
            "/w/vendor/json/asthra.toml": "[package]\nname = \"github.com/acme/json\"\nversion = \"1.0.0\"\n",
            "/w/vendor/json/src/lib.asthra": "package json;\nimport \"internal/runtime/memory\";\nimport \"../../../src/main\";\n",
            "/w/vendor/test/asthra.toml": "[package]\nname = \"github.com/acme/test\"\nversion = \"1.0.0\"\n",
            "/w/vendor/test/src/lib.asthra": "package test;\n",
        ].merging(stdlibTree) { a, _ in a }, environment: home)
        let found707 = try checker.lines()
        #expect(found707 == [
            "src/main.asthra:2:8 error[I002] unknown import path 'stdlb/io'",
            "src/main.asthra:4:8 error[I002] unknown import path 'github/acme/json'",
            "src/main.asthra:5:8 error[I002] unknown import path 'helpers'",
            "src/main.asthra:6:8 error[I003] cannot find module 'stdlib/strng'",
            "src/main.asthra:8:8 warning[I010] 'stdlib/io' is imported twice",
            "src/main.asthra:9:8 error[I006] user code cannot import internal package 'internal/runtime/memory'",
            "src/main.asthra:10:8 error[I004] third-party package 'github.com/other/pkg' is not declared in [dependencies] of 'app'",
            "src/main.asthra:11:8 error[I004] 'github.com/acme/test' is a dev-dependency of 'app'; only tests and examples may import it",
            "src/main.asthra:12:8 error[I005] local import '../../etc/passwd' leaves package 'app'",
            "src/main.asthra:13:8 error[I003] cannot find module './nothing'",
            "vendor/json/src/lib.asthra:2:8 error[I006] third-party code cannot import internal package 'internal/runtime/memory'",
            "vendor/json/src/lib.asthra:3:8 error[I005] local import '../../../src/main' leaves package 'github.com/acme/json'",
        ])
        let report = try checker.report()
        let help = report.diagnostics.map(\.help)
        #expect(help[0] == ["did you mean 'stdlib/io'?"])
        #expect(report.diagnostics[0].notes == ["an import path starts with 'stdlib/', 'std/', 'internal/', 'system/', a domain ('github.com/user/pkg'), './' or '../', or names a module of the project root or the standard library"])
        // `import "string";` is the earlier era's bare form: the standard library's string, no error.
        #expect(help[1].first == "did you mean 'github.com/acme/json'?")
        #expect(help[2].first == "did you mean './helpers'?")
        #expect(help[3] == ["did you mean 'stdlib/string'?", "there is no 'strng.asthra', 'strng.ast' or directory 'strng' in '/asthra/stdlib'"])
        #expect(report.diagnostics[3].fix?.edits.map(\.newText) == ["stdlib/string"])
        #expect(report.diagnostics[4].related.map(\.message) == ["first imported here"])
        #expect(help[6] == ["add pkg = { git = \"github.com/other/pkg\" } (with a tag, branch or commit) under [dependencies] in asthra.toml"])
    }

    @Test("a module whose directory is not there: the first directory missing on the way is named, and the closest one beside it that holds the module offered (Asthra, Aria, Oats)")
    func missingDirectory() throws {
        let checker = Checker([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.asthra": """
                package main;
                import "./utl/format";
                import "./nope/deep/x";
                import "stdlib/colections/list";
                import "./utl/parse";
                import "./mdoel/user";
                import "./asets";
                """,
            "/w/src/util/format.asthra": "package format;\n",
            "/w/src/assets/logo.png": "",
            "/w/src/mdoell/other.asthra": "package other;\n",
            "/w/src/model/user.asthra": "package user;\n",
            "/asthra/stdlib/collections/list.asthra": "package list;\n",
        ].merging(stdlibTree) { a, _ in a }, environment: home)
        let report = try checker.report()
        #expect(try checker.lines() == [
            "src/main.asthra:2:8 error[I003] cannot find module './utl/format'",
            "src/main.asthra:3:8 error[I003] cannot find module './nope/deep/x'",
            "src/main.asthra:4:8 error[I003] cannot find module 'stdlib/colections/list'",
            "src/main.asthra:5:8 error[I003] cannot find module './utl/parse'",
            "src/main.asthra:6:8 error[I003] cannot find module './mdoel/user'",
            "src/main.asthra:7:8 error[I003] cannot find module './asets'",
        ])
        // A directory spelt like the missing one is offered only when the module is in it: no
        // 'util/parse' (its fix would only move the error), and of 'mdoell' and 'model' (each
        // one edit from 'mdoel'), the one that holds 'user'. A directory of no sources is no
        // module to offer.
        #expect(report.diagnostics.map(\.help) == [
            ["did you mean './util/format'?", "there is no directory 'src/utl'"],
            ["there is no directory 'src/nope'"],
            ["did you mean 'stdlib/collections/list'?", "there is no directory '/asthra/stdlib/colections'"],
            ["there is no directory 'src/utl'"],
            ["did you mean './model/user'?", "there is no directory 'src/mdoel'"],
            ["there is no 'asets.asthra', 'asets.ast' or directory 'asets' in 'src'"],
        ])
        #expect(report.diagnostics.map { $0.fix?.edits.map(\.newText) } == [["./util/format"], nil, ["stdlib/collections/list"], nil, ["./model/user"], nil])

        // Aria's quoted paths, looked for beside the file only, the same way.
        let aria = Checker([
            "/w/build.abc": "[project]\nname = \"app\"\n\n[target.app]\ntype = \"binary\"\nsources = [\"src/main.aria\"]\n",
            "/w/src/main.aria": "use \"./utl/format.aria\".*;\nuse \"../../nope/deep/x.npk\".*;\nuse \"./utl/parse.aria\".*;\nuse \"./utl/format\".*;\nuse \"./utill.aria\".*;\n",
            "/w/src/util/format.aria": "fn f() {}\n",
        ], ecosystem: AriaEcosystem())
        let ariaReport = try aria.report()
        #expect(ariaReport.diagnostics.map(\.help) == [
            ["did you mean './util/format.aria'?", "there is no directory 'src/utl'"],
            ["there is no directory '/nope'"],
            ["there is no directory 'src/utl'"],
            ["did you mean './util/format'?", "there is no directory 'src/utl'"],
            ["there is no 'utill.npk' or 'utill.aria' in: src/"],
        ])
        #expect(ariaReport.diagnostics.map { $0.fix?.edits.map(\.newText) } == [["./util/format.aria"], nil, nil, ["./util/format"], nil])

        // Oats, the same way.
        let oats = Checker([
            "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.oats": "import { a } from \"./shpes/square\";\nimport { b } from \"./shpes/circle\";\nimport { c } from \"./shpes\";\n",
            "/w/src/shapes/square.oats": "",
        ], ecosystem: OatsEcosystem())
        let oatsReport = try oats.report()
        #expect(oatsReport.diagnostics.map(\.help) == [
            ["did you mean './shapes/square'?", "there is no directory 'src/shpes'"],
            ["there is no directory 'src/shpes'"],
            ["there is no 'shpes.oats' or 'shpes/index.oats' in 'src'"],
        ])
        #expect(oatsReport.diagnostics.map { $0.fix?.edits.map(\.newText) } == [["./shapes/square"], nil, nil])
    }

    @Test("a module path misspelt in its directory and its name is respelt in both, by the rule manifest paths are respelt by (the fewest edits in all), in Asthra, Aria and Oats; a part that is there is kept")
    func missingDirectoryAndModule() throws {
        let checker = Checker([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.asthra": """
                package main;
                import "./utl/frmat";
                import "./mdoel/usr";
                import "./utl/nothing/like/it";
                """,
            "/w/src/util/format.asthra": "package format;\n",
            "/w/src/mdoell/user.asthra": "package user;\n",
            "/w/src/model/users.asthra": "package users;\n",
        ].merging(stdlibTree) { a, _ in a }, environment: home)
        let report = try checker.report()
        // 'mdoel/usr': 'mdoell/user' and 'model/users' are two edits each; the first found is kept.
        #expect(report.diagnostics.map(\.help) == [
            ["did you mean './util/format'?", "there is no directory 'src/utl'"],
            ["did you mean './mdoell/user'?", "there is no directory 'src/mdoel'"],
            ["there is no directory 'src/utl'"],
        ])
        #expect(report.diagnostics.map { $0.fix?.edits.map(\.newText) } == [["./util/format"], ["./mdoell/user"], nil])

        let aria = Checker([
            "/w/build.abc": "[project]\nname = \"app\"\n\n[target.app]\ntype = \"binary\"\nsources = [\"src/main.aria\"]\n",
            "/w/src/main.aria": "use \"./utl/frmat\".*;\nuse \"./utl/frmat.aria\".*;\n",
            "/w/src/util/format.aria": "fn f() {}\n",
        ], ecosystem: AriaEcosystem())
        // Unquoted, looked for in several places (beside the file, the standard library): respelt
        // under the first place where the respelling leads to a file, written with dots.
        let searched = Checker([
            "/w/build.abc": "[project]\nname = \"app\"\n\n[target.app]\ntype = \"binary\"\nsources = [\"src/main.aria\"]\n",
            "/w/src/main.aria": "use utl.frmat.*;\nuse nowhere.near.*;\n",
            "/w/src/util/format.aria": "fn f() {}\n",
            "/stdlib/io.aria": "fn print() {}\n",
        ], environment: ["ARIA_STDLIB": "/stdlib"], ecosystem: AriaEcosystem())
        #expect(try searched.report().diagnostics.map(\.help) == [
            ["did you mean 'util.format'?", "none of these directories is there: src/utl/, /stdlib/utl/"],
            ["none of these directories is there: src/nowhere/, /stdlib/nowhere/"],
        ])
        // Written with its extension, the name is not respelt (the names offered are modules').
        #expect(try aria.report().diagnostics.map(\.help) == [
            ["did you mean './util/format'?", "there is no directory 'src/utl'"],
            ["there is no directory 'src/utl'"],
        ])

        let oats = Checker([
            "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.oats": "import { a } from \"./shpes/sqare\";\n",
            "/w/src/shapes/square.oats": "",
        ], ecosystem: OatsEcosystem())
        let oatsReport = try oats.report()
        #expect(oatsReport.diagnostics.map(\.help) == [["did you mean './shapes/square'?", "there is no directory 'src/shpes'"]])
        #expect(oatsReport.diagnostics.map { $0.fix?.edits.map(\.newText) } == [["./shapes/square"]])
    }

    @Test("the module meant is never the importing file itself, in Asthra, Oats, Aria and Elm: a module does not import itself")
    func guessIsNotTheImporter() throws {
        let asthra = Checker([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.asthra": "package main;\nimport \"./mai\";\nimport \"./dat\";\n",
            "/w/src/data.asthra": "package main;\n",
            // Through a misspelt directory too: '../utl/format' is not this file.
            "/w/src/util/format.asthra": "package format;\nimport \"../utl/format\";\nimport \"../utl/fromat\";\n",
            "/w/src/util/formal.asthra": "package formal;\n",
        ])
        let asthraHelp = try asthra.report().diagnostics.map(\.help)
        #expect(asthraHelp == [
            ["there is no 'mai.asthra', 'mai.ast' or directory 'mai' in 'src'"],
            ["did you mean './data'?", "there is no 'dat.asthra', 'dat.ast' or directory 'dat' in 'src'"],
            ["did you mean '../util/formal'?", "there is no directory 'src/utl'"],
            ["did you mean '../util/formal'?", "there is no directory 'src/utl'"],
        ])
        let oats = Checker([
            "/w/Oats.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.oats": "import { m } from \"./mai\";\n",
        ], ecosystem: OatsEcosystem())
        let oatsHelp = try oats.report().diagnostics.map(\.help)
        #expect(oatsHelp == [["there is no 'mai.oats' or 'mai/index.oats' in 'src'"]])
        let aria = Checker([
            "/w/build.abc": "[project]\nname = \"app\"\n\n[target.app]\ntype = \"binary\"\nsources = [\"src/main.aria\"]\n",
            "/w/src/main.aria": "use \"./mai.aria\".*;\n",
        ], ecosystem: AriaEcosystem())
        let ariaHelp = try aria.report().diagnostics.map(\.help)
        #expect(ariaHelp == [["there is no 'mai.npk' or 'mai.aria' in: src/"]])
        let elm = Checker([
            "/w/elm.json": #"{"type": "application", "source-directories": ["src"], "elm-version": "0.19.1", "dependencies": {"direct": {}, "indirect": {}}, "test-dependencies": {"direct": {}, "indirect": {}}}"#,
            "/w/src/Main.elm": "module Main exposing (main)\n\nimport Mai\nimport Dat\n",
            "/w/src/Data.elm": "module Data exposing (x)\n",
        ], ecosystem: ElmEcosystem())
        let elmHelp = try elm.report().diagnostics.filter { $0.code == "I003" }.map(\.help)
        #expect(elmHelp == [["create src/Mai.elm, or add the package that provides it to elm.json"],
                            ["did you mean Data?", "create src/Dat.elm, or add the package that provides it to elm.json"]])
    }

    @Test("of two modules as close to a missing one, the first by name is offered, on every run (Elm's modules came in a dictionary's order)")
    func guessTies() throws {
        for _ in 0..<8 {
            let elm = Checker([
                "/w/elm.json": #"{"type": "application", "source-directories": ["src"], "elm-version": "0.19.1", "dependencies": {"direct": {}, "indirect": {}}, "test-dependencies": {"direct": {}, "indirect": {}}}"#,
                "/w/src/Main.elm": "module Main exposing (main)\n\nimport Dbta\n",
                "/w/src/Data.elm": "module Data exposing (x)\n",
                "/w/src/Dbtb.elm": "module Dbtb exposing (x)\n",
                "/w/src/Beta.elm": "module Beta exposing (x)\n",
            ], ecosystem: ElmEcosystem())
            #expect(try elm.report().diagnostics.filter { $0.code == "I003" }.map { $0.help.first } == ["did you mean Data?"])
        }
    }

    @Test("a missing directory thousands of parts deep is found walking down what exists: no listing is kept per part of the path")
    func deepMissingDirectory() throws {
        let deep = "./" + Array(repeating: "util/f", count: 2_000).joined(separator: "/") + "/x"
        let checker = Checker([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
            "/w/src/main.asthra": "package main;\nimport \"\(deep)\";\n",
            "/w/src/util.asthra": "package main;\n",
        ].merging(stdlibTree) { a, _ in a }, environment: home)
        let report = try checker.report()
        #expect(report.diagnostics.map(\.help) == [["there is no directory 'src/util'"]])
        // The directories the load listed are those of the workspace and the standard library,
        // not the 4,000 ancestors of the path written.
        let listed = try #require(report.snapshot.directories?.listed)
        #expect(listed.count < 20, "\(listed.count) directories listed")
    }

    @Test("the standard library and internal code may not import third-party or user code")
    func libraryRules() throws {
        var tree = stdlibTree
        tree["/asthra/stdlib/net.asthra"] = "package stdlib::net;\nimport \"github.com/acme/json\";\nimport \"../../w/src/main\";\n"
        tree["/asthra/internal/boot.asthra"] = "package internal::boot;\nimport \"github.com/acme/json\";\n"
        tree["/asthra/stdlib/uses_boot.asthra"] = "package stdlib::uses_boot;\nimport \"internal/boot\";\n"
        let checker = Checker(tree.merging([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"1.0.0\"\n",
            "/w/src/main.asthra": "package main;\nimport \"stdlib/net\";\nimport \"stdlib/uses_boot\";\n",
        ]) { a, _ in a }, environment: home)
        let found707 = try checker.lines()
        #expect(found707 == [
            "/asthra/internal/boot.asthra:2:8 error[I007] internal code cannot import third-party package 'github.com/acme/json'",
            "/asthra/stdlib/net.asthra:2:8 error[I007] the standard library cannot import third-party package 'github.com/acme/json'",
            "/asthra/stdlib/net.asthra:3:8 error[I005] local import '../../w/src/main' leaves the standard library",
        ])
        // No help a library cannot follow: it has no [dependencies] to declare anything in.
        let leaves = try #require(try checker.report().diagnostics.first { $0.code == "I005" })
        #expect(leaves.help == ["the standard library may import only 'stdlib/…', 'internal/…', 'system/…' and modules inside its own root"])
    }

    @Test("with no standard library anywhere (today's compiler has it built in), its imports are taken as the compiler's: no warning")
    func noStdlib() throws {
        let checker = Checker([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"1.0.0\"\n",
            "/w/src/a.asthra": "package main;\nimport \"stdlib/io\";\nimport \"std/string\";\nimport \"std/math\";\nimport \"internal/x\";\n",
            "/w/src/b.asthra": "package main;\nimport \"stdlib/io\";\n",
        ])
        let found707 = try checker.lines()
        // The access rules still hold.
        #expect(found707 == [
            "src/a.asthra:5:8 error[I006] user code cannot import internal package 'internal/x'",
        ])
        let imports = try checker.report().snapshot.modules["/w/src/a.asthra"]!.imports
        #expect(imports.map { "\($0.statement.path) \($0.outcome.category?.rawValue ?? "-")" } == [
            "stdlib/io built-in", "std/string stdlib", "std/math built-in", "internal/x internal",
        ])
    }

    @Test("with a standard library directory, a built-in namespace it lacks is still the compiler's; another missing module is an error")
    func builtinWithStdlib() throws {
        let checker = Checker(stdlibTree.merging([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"1.0.0\"\n",
            "/w/src/a.asthra": "package main;\nimport \"std/math\";\nimport \"std/os/env\";\nimport \"std/io\";\nimport \"std/strng\";\n",
        ]) { a, _ in a }, environment: ["ASTHRA_HOME": "/asthra"])
        let lines = try checker.lines()
        #expect(lines == ["src/a.asthra:5:8 error[I003] cannot find module 'std/strng'"])
        let imports = try checker.report().snapshot.modules["/w/src/a.asthra"]!.imports
        #expect(imports.map { "\($0.statement.path) \($0.outcome.category?.rawValue ?? "-") \($0.outcome.targets)" } == [
            "std/math built-in []", "std/os/env built-in []", "std/io stdlib [\"/asthra/stdlib/io.asthra\"]", "std/strng stdlib []",
        ])
    }

    @Test("library roots: [toolchain], then ASTHRA_HOME, then next to the compiler on PATH")
    func roots() throws {
        var files = stdlibTree.merging([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"1.0.0\"\n",
            "/w/src/a.asthra": "package main;\nimport \"stdlib/io\";\n",
            "/opt/asthra/bin/asthra": "#!/bin/sh\n",
            "/opt/asthra/stdlib/io.asthra": "package stdlib::io;\n",
        ]) { a, _ in a }
        let fromPath = Checker(files, environment: ["PATH": "/usr/bin:/opt/asthra/bin"])
        #expect(try fromPath.report().snapshot.modules["/opt/asthra/stdlib/io.asthra"] != nil)
        let found967 = try fromPath.lines()
        #expect(found967 == [])
        let fromHome = Checker(files, environment: ["PATH": "/opt/asthra/bin", "ASTHRA_HOME": "/asthra"])
        #expect(try fromHome.report().snapshot.modules["/asthra/stdlib/io.asthra"] != nil)
        files["/w/asthra.toml"]! += "[toolchain]\nstdlib = \"../opt/asthra/stdlib\"\ninternal = \"no/such/dir\"\n"
        let fromManifest = Checker(files, environment: ["ASTHRA_HOME": "/asthra"])
        #expect(try fromManifest.report().snapshot.modules["/opt/asthra/stdlib/io.asthra"] != nil)
        let found149 = try fromManifest.lines()
        #expect(found149 == ["asthra.toml:6:12 error[I009] toolchain.internal 'no/such/dir' does not exist (looked for 'no/such/dir')"])
    }

    @Test("an import cycle is printed as a path, with each import of it")
    func cycles() throws {
        let checker = Checker([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"1.0.0\"\n",
            "/w/src/a.asthra": "package main;\nimport \"./b\";\n",
            "/w/src/b.asthra": "package main;\nimport \"./c\";\n",
            "/w/src/c.asthra": "package main;\nimport \"./a\";\n",
            "/w/src/self.asthra": "package main;\nimport \"./self\";\n",
        ])
        let report = try checker.report()
        let found707 = try checker.lines()
        #expect(found707 == [
            "src/a.asthra:2:8 error[I008] import cycle: src/a.asthra → src/b.asthra → src/c.asthra → src/a.asthra",
            "src/self.asthra:2:8 error[I008] import cycle: src/self.asthra → src/self.asthra",
        ])
        #expect(report.diagnostics[0].related.map { "\($0.file!) \($0.message)" } == [
            "/w/src/b.asthra 'src/b.asthra' imports './c' here",
            "/w/src/c.asthra 'src/c.asthra' imports './a' here",
        ])
    }

    @Test("path dependencies must exist and name the right package")
    func pathDependencies() throws {
        let checker = Checker([
            "/w/asthra.toml": """
                [package]
                name = "app"
                version = "1.0.0"
                [dependencies]
                gone = { path = "../gone" }
                bare = { path = "bare" }
                json = { path = "json" }
                """,
            "/w/bare/readme.txt": "",
            "/w/json/asthra.toml": "[package]\nname = \"json_utils\"\nversion = \"1.0.0\"\n",
        ])
        let found707 = try checker.lines()
        #expect(found707 == [
            "asthra.toml:5:17 error[M007] path dependency 'gone' points to '../gone', which does not exist",
            "asthra.toml:6:17 error[M007] path dependency 'bare' points to 'bare', which has no asthra.toml",
            "asthra.toml:7:1 error[M008] path dependency 'json' points to a package named 'json_utils'",
        ])
    }

    @Test("a symbolic link to a directory above the package (`/`, its parent) is a loop: what is beside the package is not walked")
    func linkAbove() throws {
        let checker = Checker([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"1.0.0\"\n",
            "/w/src/ok.asthra": "package main;\n",
            "/elsewhere/src/other.asthra": "package other;\n",
        ])
        try checker.fs.createSymbolicLink("/w/src/root", to: "/")
        try checker.fs.createSymbolicLink("/w/src/up", to: "..")
        #expect(try checker.lines() == [
            "src/root:1:1 warning[W004] 'root' is a symbolic link loop; the directory is skipped",
            "src/up:1:1 warning[W004] 'up' is a symbolic link loop; the directory is skipped",
        ])
    }

    @Test("bad files: invalid UTF-8, a symbolic link loop, links that lead to each other; the rest is still checked")
    func badFiles() throws {
        let checker = Checker([
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"1.0.0\"\n",
            "/w/src/ok.asthra": "package main;\nimport \"./missing\";\n",
        ])
        try checker.fs.writeFile("/w/src/bad.asthra", Array("package main;\n// caf".utf8) + [0xE9, 0x0A])
        try checker.fs.createSymbolicLink("/w/src/loop", to: "/w/src")
        // Two links that lead to each other, and never to a file or a directory.
        try checker.fs.createSymbolicLink("/w/src/ping", to: "pong")
        try checker.fs.createSymbolicLink("/w/src/pong", to: "ping")
        let found707 = try checker.lines()
        #expect(found707 == [
            "src/bad.asthra:2:7 error[F003] the file is not valid UTF-8 (byte 0xE9 at offset 20)",
            "src/loop:1:1 warning[W004] 'loop' is a symbolic link loop; the directory is skipped",
            "src/ok.asthra:2:8 error[I003] cannot find module './missing'",
            "src/ping:1:1 warning[W004] 'ping' is a symbolic link that leads back to itself; it is skipped",
            "src/pong:1:1 warning[W004] 'pong' is a symbolic link that leads back to itself; it is skipped",
        ])
    }
}

@Suite("Manifest cache")
struct ManifestCacheTests {
    @Test("a load reuses manifests read before while their text is the same, and reads changed ones again")
    func reuse() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/w/asthra.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
        ])
        let cache = ManifestCache()
        // A manifest read elsewhere (a language server's open buffer) with a mark the real
        // reader never makes: the load must take it as it is.
        var read = AsthraEcosystem().readManifest(try fs.readText("/w/asthra.toml"))
        read.diagnostics = [Diagnostic(severity: .warning, code: "X", message: "from the cache", range: .at(0))]
        cache.store(read)
        let loader = WorkspaceLoader(ecosystem: AsthraEcosystem(), fileSystem: fs, environment: [:], manifests: cache)
        #expect(try loader.load(from: "/w").rootManifest.diagnostics.map(\.message) == ["from the cache"])
        // The file changed: the cached manifest no longer matches and is read again.
        try fs.writeFile("/w/asthra.toml", Array("[package]\nname = \"app\"\nversion = \"0.1\"\n".utf8))
        #expect(try loader.load(from: "/w").rootManifest.diagnostics.map(\.message)
                == ["invalid version '0.1': it has 2 of the 3 numbers MAJOR.MINOR.PATCH"])
    }
}
