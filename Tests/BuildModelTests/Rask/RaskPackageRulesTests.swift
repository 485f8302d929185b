import Testing
@testable import BuildModel

@Suite("Rask package block rules")
struct RaskPackageRulesTests {
    func problems(_ text: String, path: String = "/p/rask.build") -> [String] {
        let source = SourceText(path: path, text)
        let document = RaskPackageDocument(parsing: source)
        return RaskPackageRules.check(document, path: path).map {
            "\(source.location(of: $0.range.lowerBound)) \($0.severity)[\($0.code ?? "-")] \($0.message)\($0.help.isEmpty ? "" : " | " + $0.help.joined(separator: "; "))"
        }
    }

    @Test("the seed's full example and the real files' keys break no rule")
    func clean() {
        #expect(problems("""
            package "my-api" "1.0.0" {
                description: "REST API server"
                license: "MIT"
                allow: ["net"]
                members: ["a"]
                dep "http" "^2.0"
                dep "epoll" "^1.0" { target: "linux" }
                dep "fork" { git: "https://github.com/me/lib", branch: "fix" }
                scope "dev" { dep "mock-server" "^2.0" }
                scope "build" { dep "mock-server" "^2.0" }
                feature "ssl" { dep "openssl" "^3.0"  dep "ring" "^0.17" { feature: "crypto" } }
                feature "crypto" { dep "sodium" "^1.0" }
                feature "full" { enables: ["ssl", "crypto"], default: true }
                profile "staging" { inherits: "release", debug_info: true, opt_level: "z", codegen_units: 16, lto: "thin", panic: "abort" }
                build_timeout: 300
            }
            """) == [])
    }

    @Test("every rule of the seed: located, with the fix in words")
    func rules() {
        #expect(problems("""
            dep "early" "^1.0"
            package "app" "0.1.0" {
                descripion: "typo"
                dep "http" "^2.0"
                dep "http" "^2.1"
                dep "both" { path: "../both", git: "https://x" }
                dep "br" { branch: "main" }
                feature "ssl" {
                    scope "dev" { dep "a" "^1" }
                    dep "openssl" "^3.0" { feature: "ssl" }
                    enables: ["http", "nope", "tls"]
                }
                feature "tls" { dep "openssl" "^3.0"  enables: ["ssl"] }
                scope "test" { dep "b" "^1" }
                scope "dev" { default: true }
                profile "p" { inherits: "relase", opt_level: 5, codegen_units: 0, strip: "yes", speed: 1 }
                profile "q" { inherits: "r" }
                profile "r" { inherits: "q" }
                profile "s" { inherits: "s" }
            }
            package "again" "1.0" {}
            """) == [
            "1:1 error[R003] a dep must be inside the package block | move it into package \"name\" \"version\" { … }",
            "21:1 error[R004] a file has one package block; this is a second | merge it into the first one",
            "3:5 warning[M001] unknown key `descripion` in the package block | did you mean `description`?",
            "5:9 error[M011] dependency 'http' is declared twice in the package block | remove one of them",
            "6:18 error[M010] dep 'both' has both `path` and `git` | keep `path` for a local copy or `git` for a repository, not both",
            "7:16 error[M012] `branch` needs `git` | add git: \"https://…\" beside it, or remove `branch`",
            "9:9 error[R006] a scope cannot be inside a feature | move it out to the package block; tag a dep instead: { scope: \"dev\" }",
            "10:32 warning[R012] dep 'openssl' is tagged with its own feature | remove the tag: a dep in a feature block is gated by it already",
            "11:19 error[R010] `enables` names the dep 'http'; it names features only | the features are: ssl, tls",
            "11:27 error[R010] `enables` names 'nope', which is no feature | the features are: ssl, tls",
            "13:25 error[R009] dependency 'openssl' is in two features | keep it in one feature and tag it for the other: dep \"openssl\" { feature: \"tls\" }",
            "14:11 error[R007] unknown scope 'test' | a scope is \"dev\" (tests only) or \"build\" (the build script)",
            "15:19 error[R008] a scope holds only deps | move `default` out of scope \"dev\"",
            "8:13 error[R011] features enable each other in a circle: ssl → tls → ssl | remove one of these `enables`",
            "16:85 warning[M001] unknown key `speed` in profile \"p\" | the keys here are: inherits, opt_level, debug_info, overflow_checks, lto, codegen_units, strip, panic",
            "16:50 error[M013] `opt_level` cannot be 5 | `opt_level` is 0 to 3, \"s\" or \"z\"",
            "16:68 error[M013] `codegen_units` cannot be 0 | `codegen_units` is a number from 1 to 256",
            "16:78 error[M013] `strip` cannot be \"yes\" | `strip` is true or false",
            "16:29 error[R013] profile 'p' inherits 'relase', which is no profile | did you mean 'release'?; the profiles are: debug, release, p, q, r, s",
            "18:29 error[R013] profiles inherit from each other in a circle: q → r → q | make one of them inherit from 'debug' or 'release'",
            "19:29 error[R013] profile 's' inherits from itself | make it inherit from 'debug' or 'release'",
        ])
    }

    @Test("a misspelt feature in `enables` and a misspelt profile in `inherits` get the name as a fix, quoted as written; never the feature or profile itself ('tsl' in ssl is 'tls'; 'fsat' in fast is nothing)")
    func misspeltNames() throws {
        let text = """
            package "app" "0.1.0" {
                feature "ssl" { enables: ["tsl"] }
                feature "tls" {}
                profile "p" { inherits: "relase" }
                profile "fast" { inherits: "fsat" }
                profile "release" { inherits: "release" }
            }
            """
        let source = SourceText(path: "/p/rask.build", text)
        let found = RaskPackageRules.check(RaskPackageDocument(parsing: source), path: "/p/rask.build")
        #expect(found.map { "\(source.location(of: $0.range.lowerBound)) \($0.message) | \($0.help.first ?? "")" } == [
            "2:31 `enables` names 'tsl', which is no feature | did you mean 'tls'?",
            "4:29 profile 'p' inherits 'relase', which is no profile | did you mean 'release'?",
            "5:32 profile 'fast' inherits 'fsat', which is no profile | the profiles are: debug, release, p, fast",
            // A built-in profile inherits nothing: no circle, but this.
            "6:25 profile 'release' is built in: it cannot inherit from another | remove `inherits`: profile \"release\" changes the settings of the release profile itself; to start from another, define a profile of your own",
        ])
        let fixed = try TextEdit.apply(found.flatMap { $0.fix?.edits ?? [] }, to: source.bytes)
        #expect(String(decoding: fixed, as: UTF8.self) == text.replacingOccurrences(of: "\"tsl\"", with: "\"tls\"").replacingOccurrences(of: "\"relase\"", with: "\"release\"")
            .replacingOccurrences(of: "profile \"release\" { inherits: \"release\" }", with: "profile \"release\" { }"))
    }

    @Test("a built-in profile's inherits is removed by its fix with the separator it needs, wherever it stands in the block")
    func builtInInheritsRemoved() throws {
        let cases: [(before: String, after: String)] = [
            ("profile \"release\" { inherits: \"fast\", opt_level: 2 }", "profile \"release\" { opt_level: 2 }"),
            ("profile \"release\" { opt_level: 2, inherits: \"fast\" }", "profile \"release\" { opt_level: 2 }"),
            ("profile \"release\" { opt_level: 2, inherits: \"fast\", lto: true }", "profile \"release\" { opt_level: 2, lto: true }"),
            ("profile \"release\" { opt_level: 2  inherits: \"fast\"  lto: true }", "profile \"release\" { opt_level: 2  lto: true }"),
            ("profile \"release\" {\n        inherits: \"fast\"\n        opt_level: 2\n    }", "profile \"release\" {\n        opt_level: 2\n    }"),
            ("profile \"release\" {\n        opt_level: 2,\n        inherits: \"fast\",\n    }", "profile \"release\" {\n        opt_level: 2,\n    }"),
            ("profile \"debug\" { inherits: \"fast\" }", "profile \"debug\" { }"),
            ("profile \"debug\" {inherits:\"fast\"}", "profile \"debug\" {}"),
            ("profile \"release\" { inherits: \"fast\", }", "profile \"release\" { }"),
            ("profile \"release\" {\n        opt_level: 2, inherits: \"fast\"\n    }", "profile \"release\" {\n        opt_level: 2\n    }"),
            ("profile \"release\" {\n        opt_level: 2, inherits: \"fast\",\n    }", "profile \"release\" {\n        opt_level: 2,\n    }"),
            ("profile \"release\" {\n        opt_level: 2  inherits: \"fast\"\n    }", "profile \"release\" {\n        opt_level: 2\n    }"),
        ]
        for (before, after) in cases {
            let text = "package \"app\" \"0.1.0\" {\n    \(before)\n    profile \"fast\" { opt_level: 3 }\n}\n"
            let source = SourceText(path: "/p/rask.build", text)
            let found = RaskPackageRules.check(RaskPackageDocument(parsing: source), path: "/p/rask.build")
            #expect(found.map(\.message) == ["profile '\(before.contains("debug") ? "debug" : "release")' is built in: it cannot inherit from another"], "\(before)")
            let fix = try #require(found.first?.fix, "\(before)")
            #expect(fix.title == "Remove `inherits`")
            let fixed = String(decoding: try TextEdit.apply(fix.edits, to: source.bytes), as: UTF8.self)
            #expect(fixed == text.replacingOccurrences(of: before, with: after), "\(before)")
            #expect(RaskPackageRules.check(RaskPackageDocument(parsing: SourceText(path: "/p/rask.build", fixed)), path: "/p/rask.build").isEmpty, "\(fixed)")
        }
    }

    @Test("the build script's limits: build_timeout in seconds, build_max_memory a size")
    func limits() {
        #expect(problems("""
            package "app" "0.1.0" {
                build_timeout: 0
                build_max_memory: 512
            }
            """) == [
            "2:20 error[M013] `build_timeout` cannot be 0 | `build_timeout` is a number of seconds above 0, such as 300 (or \"300s\", \"5m\")",
            "3:23 error[M013] `build_max_memory` cannot be 512 | `build_max_memory` is a size in quotes, such as \"512MB\" or \"1GB\"",
        ])
        #expect(problems("""
            package "app" "0.1.0" {
                build_timeout: "soon"
                build_max_memory: "lots"
            }
            """).count == 2)
        #expect(problems("""
            package "app" "0.1.0" {
                build_timeout: "5m"
                build_max_memory: "1GB"
            }
            """) == [])
    }

    @Test("a package block in a source file; build.rk, as real projects name the file, is a build file")
    func inSource() {
        #expect(problems("package \"x\" \"1.0\" {}\n", path: "/p/src/main.rk") == [
            "1:1 error[R005] a package block belongs in rask.build, not in a source file | move it to rask.build in the package's directory",
        ])
        #expect(problems("package \"x\" \"1.0\" {}\n", path: "/p/build.rk") == [])
    }

    @Test("a scope spelt like one there is is offered, as help and as the fix")
    func scopeSpelling() {
        let text = "package \"app\" \"1.0.0\" {\n    scope \"devv\" { dep \"mock\" \"^2.0\" }\n}\n"
        #expect(problems(text) == ["2:11 error[R007] unknown scope 'devv' | did you mean \"dev\"?; a scope is \"dev\" (tests only) or \"build\" (the build script)"])
        let fix = RaskPackageRules.check(RaskPackageDocument(parsing: SourceText(path: "/p/rask.build", text)), path: "/p/rask.build").first?.fix
        #expect(fix?.title == "Use \"dev\"" && fix?.edits.map(\.newText) == ["\"dev\""])
    }
}
