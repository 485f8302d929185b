import Testing
@testable import BuildModel

@Suite("asthra.toml")
struct AsthraManifestTests {
    func read(_ text: String) -> PackageManifest {
        AsthraEcosystem().readManifest(SourceText(path: "/w/asthra.toml", text))
    }

    /// `L:C severity[code] message`, one per diagnostic.
    func problems(_ m: PackageManifest) -> [String] {
        m.diagnostics.map { "\(m.source.location(of: $0.range.lowerBound)) \($0.severity)[\($0.code ?? "-")] \($0.message)" }
    }

    @Test("a complete manifest reads into the model with ranges")
    func complete() throws {
        let m = read("""
            [package]
            name = "github.com/user/myproject"
            version = "1.0.0"
            asthra_version = "1.0"
            description = "demo"
            license = "MIT"
            authors = ["Ada", "Grace"]

            [dependencies]
            "github.com/asthra-lang/json" = "1.2.0"
            local = { path = "../local" }
            "github.com/x/y" = { git = "https://github.com/x/y.git", tag = "v1" }

            [dev-dependencies]
            "github.com/asthra-lang/test" = "1.0.0"

            [build]
            target = "native"
            optimization = "release"

            [profile.release]
            opt_level = 3
            debug = false

            [toolchain]
            asthra_home = "/opt/asthra"
            command = ["{compiler}", "{input}", "-o", "{output}"]

            [[bin]]
            name = "tool"
            path = "src/tool.asthra"
            """)
        #expect(problems(m) == [])
        let p = try #require(m.package)
        #expect(p.name?.value == "github.com/user/myproject")
        #expect(m.source.text(p.name!.range) == "\"github.com/user/myproject\"")
        #expect(m.source.text(p.name!.keyRange) == "name")
        #expect(p.version?.value == Version(1, 0, 0))
        #expect(p.authors.map(\.value) == ["Ada", "Grace"])
        #expect(p.targets.map { "\($0.kind) \($0.name.value) \($0.path.value)" } == ["bin tool src/tool.asthra"])
        #expect(m.dependencies.map { "[\($0.section)] \($0.scope) \($0.name.value): \($0.sourceSummary)" } == [
            "[dependencies] normal github.com/asthra-lang/json: version ^1.2.0", "[dependencies] normal local: path ../local",
            "[dependencies] normal github.com/x/y: git https://github.com/x/y.git (tag v1)",
            "[dev-dependencies] dev github.com/asthra-lang/test: version ^1.0.0",
        ])
        #expect(m.dependencies[1].path?.value == "../local")
        guard case .git(let url, let reference) = m.dependencies[2].source else {
            Issue.record("expected a git source, got \(m.dependencies[2].source)")
            return
        }
        #expect(url.value == "https://github.com/x/y.git")
        #expect(reference?.value == .tag("v1"))
        // [build] and [profile.*] are kept for the planner, each value located.
        #expect(m.build.target?.value == "native")
        #expect(m.build.optimization?.value == "release")
        #expect(m.build.profiles.map { "\($0.name.value) opt=\($0.optimization?.value ?? "-") debug=\($0.debug?.value.description ?? "-")" } == ["release opt=3 debug=false"])
        #expect(m.source.text(m.build.profiles[0].optimization!.range) == "3")
        #expect(m.source.text(m.dependencies[2].range) == "{ git = \"https://github.com/x/y.git\", tag = \"v1\" }")
        #expect(m.toolchain.directories.mapValues(\.value) == ["asthra_home": "/opt/asthra"])
        #expect(m.toolchain.command.map(\.value) == ["{compiler}", "{input}", "-o", "{output}"])
    }

    @Test("every validation problem, located")
    func validation() {
        let m = read("""
            [package]
            nmae = "x"
            name = "my app"
            version = "1.0"
            asthra_version = 1

            [dependencies]
            "github.com/a/b" = "^1.y"
            "github.com/A/b" = "1"
            c = { git = "https://c", tag = "v1", branch = "main" }
            d = { path = "../d", git = "https://d" }
            e = { }
            f = { rev = "abc" }
            g = 5
            h = { version = "1", pth = "x" }
            i = { git = "--upload-pack=evil" }

            [dev-dependencies]
            c = "1"

            [build]
            target = "nativ"
            parallel_jobs = 0

            [profile.fast]
            opt_level = 4
            inherits = "speedy"
            """)
        #expect(problems(m) == [
            "2:1 warning[M001] unknown key 'nmae' in [package]",
            "3:8 error[M003] invalid package name 'my app': ' ' is not allowed in a package name",
            "4:11 error[M004] invalid version '1.0': it has 2 of the 3 numbers MAJOR.MINOR.PATCH",
            "5:18 error[M002] 'package.asthra_version' must be a string, found an integer",
            "8:20 error[M005] invalid version requirement '^1.y': 'y' is not a number",
            "10:38 error[M009] dependency 'c' has both 'tag' and 'branch'",
            "11:22 error[M010] dependency 'd' has both 'path' and 'git'",
            "12:5 error[M012] dependency 'e' says neither where nor which version to get",
            "13:7 error[M012] dependency 'f' has 'rev' but no 'git'",
            "14:5 error[M002] dependency 'g' must be a version requirement string or a table, found an integer",
            "15:22 warning[M001] unknown key 'pth' in [dependencies.h]",
            "16:13 error[M013] git URL '--upload-pack=evil' of dependency 'i' is not allowed",
            "9:1 error[M011] dependency 'github.com/A/b' is declared twice in [dependencies] (also as 'github.com/a/b')",
            "19:1 warning[M011] dependency 'c' is declared in both [dependencies] and [dev-dependencies]",
            "22:10 error[M013] unknown build.target 'nativ'",
            "23:17 error[M013] 'build.parallel_jobs' must be at least 1, found 0",
            "26:13 error[M013] 'profile.fast.opt_level' must be 0, 1, 2 or 3, found 4",
            "27:12 error[M013] profile 'fast' inherits from 'speedy', which does not exist",
        ])
        let byCode = Dictionary(grouping: m.diagnostics, by: { $0.code! })
        #expect(byCode["M001"]![0].label == "unknown key")
        #expect(byCode["M001"]![0].notes == ["the keys in [package] are: name, version, asthra_version, description, license, authors, entry, default-run"])
        #expect(byCode["M001"]![0].help == ["did you mean 'name'?"])
        #expect(byCode["M001"]![0].fix?.edits.map(\.newText) == ["name"])
        #expect(byCode["M013"]![1].help == ["did you mean 'native'?"])
        #expect(byCode["M013"]!.last!.help == ["inherit from 'debug', 'release' or another [profile.*] of this manifest"])
        #expect(byCode["M013"]![1].notes == ["'build.target' is 'native' or an architecture (x86_64, arm64, aarch64, wasm32), optionally with a system after a '-' (linux, macos, windows, freebsd, wasi, none), such as 'x86_64-linux'"])
        #expect(byCode["M009"]![0].related.map(\.message) == ["'tag' is set here"])
        #expect(byCode["M009"]![0].label == "a second git reference")
        #expect(byCode["M009"]![0].notes == ["a git dependency names one of tag, branch or rev (or commit)"])
    }

    @Test("a tag that names a version its requirement does not allow: the requirement can never be met (M009), at the requirement with the tag beside it")
    func tagOutsideRequirement() {
        let m = read("""
            [package]
            name = "app"
            version = "0.1.0"

            [dependencies]
            a = { git = "github.com/u/a", tag = "v1.0.0", version = "^1.1" }
            b = { git = "github.com/u/b", tag = "v1.2.0", version = "^1.1" }
            c = { git = "github.com/u/c", tag = "stable", version = "^1.1" }
            d = { git = "github.com/u/d", tag = "2.0.0-beta.1", version = ">=1.0" }
            """)
        #expect(problems(m) == [
            "6:57 error[M009] tag 'v1.0.0' of dependency 'a' is version 1.0.0, which its version requirement \"^1.1\" does not allow",
            "9:63 error[M009] tag '2.0.0-beta.1' of dependency 'd' is version 2.0.0-beta.1, which its version requirement \">=1.0\" does not allow",
        ])
        let d = m.diagnostics[0]
        #expect(d.label == "does not allow 1.0.0")
        #expect(d.related.map(\.message) == ["the tag is version 1.0.0"])
        #expect(d.related.map { "\(m.source.location(of: $0.range.lowerBound))" } == ["6:37"])
        #expect(d.help == ["change the tag to one the requirement allows, or remove `version` (the tag alone pins it)"])
    }

    @Test("a workspace with no [package] has no modules to import its [dependencies] (M027, at the table); a workspace that is a package has")
    func virtualWorkspaceDependencies() {
        let virtual = read("[workspace]\nmembers = [\"a\"]\n\n[dependencies]\njson = \"^1.0\"\n\n[dev-dependencies]\n")
        #expect(problems(virtual) == ["4:2 warning[M027] a workspace with no [package] has no modules to import what [dependencies] lists"])
        #expect(virtual.diagnostics[0].help == ["move each entry to the [dependencies] of the members that import it (`ampu add` in the member's directory)"])
        #expect(problems(read("[package]\nname = \"ws\"\nversion = \"1.0.0\"\n\n[workspace]\nmembers = [\"a\"]\n\n[dependencies]\njson = \"^1.0\"\n")) == [])
    }

    @Test("missing name and version, and an empty manifest")
    func missing() {
        #expect(problems(read("[package]\ndescription = \"x\"\n")) == [
            "1:2 error[M006] [package] has no 'name'",
            "1:2 error[M006] [package] has no 'version'",
        ])
        #expect(problems(read("# nothing\n")) == ["1:1 error[M015] the manifest has neither [package] nor [workspace]"])
    }

    @Test("a version short of numbers, or written with a v, gets the version it most likely means as its fix; one that cannot be told gets the rule")
    func versionFix() throws {
        for (written, meant) in [("'1.0'", "1.0.0"), ("\"2\"", "2.0.0"), ("\"v1.2.3\"", "1.2.3"), ("\"01.2.03-rc.1\"", "1.2.3-rc.1")] {
            let m = read("[package]\nname = \"demo\"\nversion = \(written)\n")
            let d = try #require(m.diagnostics.first)
            #expect(d.help == ["did you mean \"\(meant)\"?"], "\(written)")
            #expect(d.fix?.title == "Change the version to \(meant)")
            let fixed = try TextEdit.apply(d.fix!.edits, to: m.source.bytes)
            #expect(String(decoding: fixed, as: UTF8.self) == "[package]\nname = \"demo\"\nversion = \"\(meant)\"\n")
        }
        for written in ["1.x", "1.2.3.4", "", "latest"] {
            let d = try #require(read("[package]\nname = \"demo\"\nversion = \"\(written)\"\n").diagnostics.first)
            #expect(d.code == "M004")
            #expect(d.help == ["write MAJOR.MINOR.PATCH, such as \"0.1.0\""], "\(written)")
            #expect(d.fix == nil)
        }
    }

    @Test("a requirement in another tool's spelling says what differs, with this one's as the fix")
    func requirementFix() throws {
        let m = read("[package]\nname = \"demo\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = \">=1.0 <2.0\"\nhttp = { path = \"../http\", version = '~> 2.1' }\n")
        #expect(problems(m) == [
            "6:8 error[M005] invalid version requirement '>=1.0 <2.0': comparators are separated by commas",
            "7:38 error[M005] invalid version requirement '~> 2.1': '~>' is Ruby's and Elixir's operator: '~> 2.1' is '^2.1' here",
        ])
        #expect(m.diagnostics.map(\.help) == [["did you mean \">=1.0, <2.0\"?"], ["did you mean \"^2.1\"?"]])
        let fixed = try TextEdit.apply(m.diagnostics.flatMap { $0.fix!.edits }, to: m.source.bytes)
        #expect(String(decoding: fixed, as: UTF8.self).hasSuffix("json = \">=1.0, <2.0\"\nhttp = { path = \"../http\", version = \"^2.1\" }\n"))
        #expect(read(String(decoding: fixed, as: UTF8.self)).diagnostics.isEmpty)
    }

    @Test("a profile inheriting from a misspelt one: the name it most likely means (never itself) as help and as a fix")
    func misspeltInherits() throws {
        let m = read("""
            [package]
            name = "app"
            version = "0.1.0"

            [profile.fast]
            inherits = "relase"

            [profile.fats]
            inherits = "fast"

            [profile.ci]
            inherits = "cii"
            """)
        #expect(problems(m) == [
            "6:12 error[M013] profile 'fast' inherits from 'relase', which does not exist",
            "12:12 error[M013] profile 'ci' inherits from 'cii', which does not exist",
        ])
        #expect(m.diagnostics.map(\.help) == [
            ["did you mean 'release'?", "inherit from 'debug', 'release' or another [profile.*] of this manifest"],
            ["inherit from 'debug', 'release' or another [profile.*] of this manifest"],
        ])
        let fixed = try TextEdit.apply(m.diagnostics.compactMap(\.fix).flatMap(\.edits), to: m.source.bytes)
        #expect(String(decoding: fixed, as: UTF8.self).contains("[profile.fast]\ninherits = \"release\"\n"))
    }

    @Test("profiles in a circle are said when the manifest is read, once a circle, at the inherits that closes it; a built-in profile cannot inherit, with its removal as the fix")
    func profileInheritance() throws {
        let m = read("""
            [package]
            name = "app"
            version = "0.1.0"

            [profile.release]
            inherits = "release"
            opt_level = 2

            [profile.a]
            inherits = "b"

            [profile.b]
            inherits = "a"

            [profile.c]
            inherits = "a"

            [profile.solo]
            inherits = "solo"

            [profile.dev]
            inherits = "debug"
            """)
        #expect(problems(m) == [
            "6:12 error[M013] profile 'release' is built in: it cannot inherit from another",
            "22:12 error[M013] profile 'dev' is built in: it cannot inherit from another",
            "13:12 error[B006] profiles inherit from each other in a circle: a → b → a",
            "19:12 error[B006] profile 'solo' inherits from itself",
        ])
        #expect(m.diagnostics[0].help == ["remove `inherits`: [profile.release] changes the settings of the release profile itself; to start from another, define a profile of your own"])
        #expect(m.diagnostics[1].help == ["remove `inherits`: [profile.dev] changes the settings of the debug profile itself; to start from another, define a profile of your own"])
        let fixed = try TextEdit.apply(m.diagnostics.compactMap(\.fix).flatMap(\.edits), to: m.source.bytes)
        let text = String(decoding: fixed, as: UTF8.self)
        #expect(text.contains("[profile.release]\nopt_level = 2\n") && text.hasSuffix("[profile.dev]\n"), "\(text)")
        // The built-in profiles, their inherits left out, build as before.
        #expect(try ProfileSettings.resolve("release", in: m.build, manifest: m.path).get() == ProfileSettings(name: "release", optimization: 2, debugInfo: false))
        #expect(try ProfileSettings.resolve("debug", in: m.build, manifest: m.path).get() == .debug)
    }

    @Test("Asthra.toml's [project] is read as [package], with a warning and a fix")
    func project() throws {
        let m = read("[project]\nname = \"demo\"\nversion = \"0.1.0\"\n")
        #expect(problems(m) == ["1:2 warning[M014] [project] is read as [package]; ampu's manifests call it [package]"])
        #expect(m.package?.name?.value == "demo")
        let fixed = try TextEdit.apply(m.diagnostics[0].fix!.edits, to: m.source.bytes)
        #expect(String(decoding: fixed, as: UTF8.self) == "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n")
    }

    @Test("[project] beside [package] is left out, with a warning; the language version, programs without a name or a path, and `bin` of the wrong shape are said where they are")
    func unreadableParts() {
        let both = read("""
            [package]
            name = "demo"
            version = "0.1.0"
            asthra_version = "one"

            [project]
            name = "old"
            """)
        #expect(problems(both) == [
            "4:18 error[M005] invalid asthra_version 'one': 'one' is not a number",
            "6:2 warning[M014] both [package] and [project] are present; [project] is ignored",
        ])
        #expect(both.package?.name?.value == "demo")
        let programs = read("""
            [package]
            name = "demo"
            version = "0.1.0"

            [[bin]]
            path = "src/tool.asthra"

            [[bin]]
            name = "tool"
            """)
        #expect(problems(programs) == ["5:1 error[M006] [[bin]] has no 'name'", "8:1 error[M006] [[bin]] has no 'path'"])
        #expect(programs.diagnostics.map(\.help) == [["add a line such as: name = \"tool\""], ["add a line such as: path = \"src/tool.asthra\""]])
        let shape = read("bin = 3\n[package]\nname = \"demo\"\nversion = \"0.1.0\"\n")
        #expect(problems(shape) == ["1:7 error[M002] 'bin' must be an array of tables, found integer"])
    }

    @Test("a manifest that is not TOML keeps its syntax errors and no model errors pile on")
    func notTOML() {
        let m = read("this is not toml\n")
        #expect(problems(m) == ["1:6 error[T002] expected '=' after key 'this', found 'is'"])
    }

    @Test("package names", arguments: [
        ("json_utils", nil), ("github.com/user/json", nil), ("a-b", nil),
        ("", "the name is empty"), ("9lives", "a package name must start with a letter or '_', not '9'"),
        ("stdlib", "'stdlib' is reserved for the language's own libraries"),
        ("std/x", "'std/' is reserved for the language's own libraries"),
        ("user/json", "an import path must start with a domain such as 'github.com', not 'user'"),
        ("github.com//x", "an import path cannot have an empty segment ('//', or '/' at either end)"),
        ("github.com/../x", "an import path cannot contain '..'"),
        ("my app", "' ' is not allowed in a package name"),
    ] as [(String, String?)])
    func names(_ name: String, _ problem: String?) {
        #expect(AsthraPackageName.problem(with: name) == problem)
    }

    @Test("import-path names: a domain, then segments of name characters", arguments: [
        ("gitlab.example.org/a/b.c", nil), ("a.bc/x", nil), ("github.com/user/json/sub", nil),
        ("std/x", "'std/' is reserved for the language's own libraries"),
        ("internal/x", "'internal/' is reserved for the language's own libraries"),
        ("github.com//x", "an import path cannot have an empty segment ('//', or '/' at either end)"),
        ("github.com/", "an import path cannot have an empty segment ('//', or '/' at either end)"),
        ("/github.com/x", "an import path cannot have an empty segment ('//', or '/' at either end)"),
        ("github.com/./x", "an import path cannot contain '.'"), ("github.com/../x", "an import path cannot contain '..'"),
        ("github.com/.../x", nil),
        ("github.c/x", "an import path must start with a domain such as 'github.com', not 'github.c'"),
        ("github.c0m/x", "an import path must start with a domain such as 'github.com', not 'github.c0m'"),
        ("github..com/x", "an import path must start with a domain such as 'github.com', not 'github..com'"),
        (".github.com/x", "an import path must start with a domain such as 'github.com', not '.github.com'"),
        ("git_hub.com/x", "an import path must start with a domain such as 'github.com', not 'git_hub.com'"),
        ("github.com/us er", "' ' is not allowed in a package name"),
        ("github.com/naïve", "'ï' is not allowed in a package name"),
        ("naïve", "'ï' is not allowed in a package name"), ("9lives", "a package name must start with a letter or '_', not '9'"),
        ("-x", "a package name must start with a letter or '_', not '-'"), ("é", "a package name must start with a letter or '_', not 'é'"),
    ] as [(String, String?)])
    func importPathNames(_ name: String, _ problem: String?) {
        #expect(AsthraPackageName.problem(with: name) == problem)
    }
}
