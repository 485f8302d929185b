import Testing
@testable import BuildModel

@Suite("build.abc targets")
struct AriaProjectTests {
    func read(_ text: String, environment: [String: String]? = nil) -> AriaProject {
        AriaProject.read(ABCDocument(parsing: SourceText(path: "/p/build.abc", text)), environment: environment)
    }

    /// `L:C severity[code] message | help…`, one per diagnostic.
    func problems(_ text: String, environment: [String: String]? = nil) -> [String] {
        let source = SourceText(path: "/p/build.abc", text)
        return read(text, environment: environment).diagnostics.map {
            "\(source.location(of: $0.range.lowerBound)) \($0.severity)[\($0.code ?? "-")] \($0.message)\($0.help.isEmpty ? "" : " | " + $0.help.joined(separator: "; "))"
        }
    }

    /// One line per target: name, kind, sources, deps, output.
    func summary(_ p: AriaProject) -> [String] {
        p.targets.map { t in
            "\(t.name.value) \(t.kind?.rawValue ?? "?") [\(t.sources.map(\.value).joined(separator: " "))] deps [\(t.dependencies.map(\.value).joined(separator: " "))] -> \(t.outputPath ?? "-")"
        }
    }

    @Test("the INI form real projects write: [project], [target.NAME] with their keys, real type spellings, default outputs")
    func ini() {
        let p = read("""
            # build.abc
            [project]
            name = "test_ffi"
            version = "0.1.0"

            [compiler]
            path = "/opt/aria/ariac"

            [target.math_wrapper]
            type = "c_library"
            sources = ["ffi/math_wrapper.c"]
            compiler = "gcc"
            flags = ["-fPIC", "-O2"]
            output = "libmath_wrapper.a"
            deps = []

            [target.main]
            type = "binary"
            sources = ["src/main.aria"]
            deps = ["math_wrapper"]
            flags = ["-O2", "-I", "include", "-Iother"]
            link_libraries = ["math_wrapper", "m"]
            link_paths = [".aria_make/build"]

            [target.tool]
            type = "executable"
            src = ["src/tool.npk"]
            include_dirs = ["src"]
            libs = ["cli_shim.o"]

            [target.core]
            type = "lib"
            sources = ["lib/**/*.aria"]
            output = "build/core.ll"
            """)
        #expect(p.diagnostics.isEmpty)
        #expect(p.name?.value == "test_ffi" && p.version?.value == "0.1.0" && p.compiler?.value == "/opt/aria/ariac")
        #expect(summary(p) == [
            "math_wrapper c_library [ffi/math_wrapper.c] deps [] -> .aria_make/build/libmath_wrapper.a",
            "main binary [src/main.aria] deps [math_wrapper] -> .aria_make/build/main.ll",
            "tool binary [src/tool.npk] deps [] -> .aria_make/build/tool.ll",
            "core library [lib/**/*.aria] deps [] -> build/core.ll",
        ])
        #expect(p.targets[1].flagIncludeDirectories == ["include", "other"])
        #expect(p.targets[1].linkLibraries.map(\.value) == ["math_wrapper", "m"])
        #expect(p.targets[2].includeDirectories.map(\.value) == ["src"] && p.targets[2].libraries.map(\.value) == ["cli_shim.o"])
    }

    @Test("the seed's form: project, variables and targets, every string expanded in the target's scope")
    func seed() {
        let p = read("""
            {
                project: { name: "demo", version: "1.0.0" },
                variables: { src: "src", out: "build" },
                targets: [
                    {
                        name: "core_lib",
                        type: "library",
                        sources: ["lib/**/*.aria"],
                        output: "&{out}/core.ll",
                        flags: ["-O2", "-Wall"],
                        depends_on: [],
                    },
                    {
                        name: "app",
                        type: "binary",
                        sources: ["&{src}/*.aria"],
                        output: "&{out}/&{name}.ll",
                        depends_on: ["core_lib"],
                        env: { ARIA_LOG: "1" },
                        pre_build: ["mkdir -p &{out}"],
                        post_build: ["echo done"],
                    },
                    { name: "tests", type: "test", sources: ["tests/*.aria"], output: "build/tests.ll", depends_on: ["core_lib"] },
                    { name: "docs", type: "custom", command: "aria-doc -o build/docs", output: "build/docs/index.html" },
                ],
            }
            """, environment: [:])
        #expect(p.diagnostics.isEmpty)
        #expect(summary(p) == [
            "core_lib library [lib/**/*.aria] deps [] -> build/core.ll",
            "app binary [src/*.aria] deps [core_lib] -> build/app.ll",
            "tests test [tests/*.aria] deps [core_lib] -> build/tests.ll",
            "docs custom [] deps [] -> build/docs/index.html",
        ])
        #expect(p.targets[1].environment.map { "\($0.name)=\($0.value.value)" } == ["ARIA_LOG=1"])
        #expect(p.targets[1].preBuild.map(\.value) == ["mkdir -p build"] && p.targets[1].postBuild.map(\.value) == ["echo done"])
        #expect(p.targets[3].command.map(\.value) == ["aria-doc -o build/docs"])
        #expect(p.targets[2].isTest && !p.targets[1].isTest)
    }

    @Test("the JSON form and the old [build] section are one program each")
    func otherSchemas() {
        let json = read("""
            {
                "name": "nitpick-dust",
                "version": "0.1.0",
                "type": "executable",
                "main": "src/nitpick_dust.npk",
                "dependencies": { "nitpick-libc": "../nitpick-libc" }
            }
            """)
        #expect(json.diagnostics.isEmpty)
        #expect(summary(json) == ["nitpick-dust binary [src/nitpick_dust.npk] deps [] -> .aria_make/build/nitpick-dust.ll"])
        let build = read("[build]\nname = \"hello\"\nentry = \"src/main.aria\"\noutput = \"bin/hello.ll\"\n")
        #expect(build.diagnostics.isEmpty)
        #expect(summary(build) == ["hello binary [src/main.aria] deps [] -> bin/hello.ll"])
    }

    @Test("the keyword form is one library: its sources, and the projects it needs (an optional one is not needed)")
    func keywordForm() {
        let p = read("LIBRARY \"nitpick_tilemap\"\n\nSOURCES:\n    src/nitpick_tilemap.npk\n\nDEPENDENCIES:\n    ../nitpick-math (optional)\n    ../nitpick-str\n")
        #expect(p.diagnostics.isEmpty)
        #expect(p.name?.value == "nitpick_tilemap")
        #expect(summary(p) == ["nitpick_tilemap library [src/nitpick_tilemap.npk] deps [../nitpick-str] -> " + (p.targets.first?.outputPath ?? "?")])
        #expect(p.targets.first?.outputPath?.hasPrefix(".aria_make/") == true)
        #expect(problems("LIBRARY \"solo\"\n") == ["1:9 error[M006] library 'solo' has no sources | add SOURCES: and below it, indented, one source file a line (or a glob such as src/**/*.npk)"])
        #expect(problems("SOURCES:\n    a.npk\n") == ["1:1 error[M006] this build file names no library | begin it with the library's name: LIBRARY \"name\""])
        // The name's own error is enough.
        #expect(problems("LIBRARY\nSOURCES:\n    a.npk\n") == ["1:1 error[A001] LIBRARY names no library | write the library's name after it: LIBRARY \"name\""])
    }

    @Test("tests by name: a binary named test-…, test_…, …_test, …-test is a test")
    func testNames() {
        let p = read("""
            [target.test-json]
            type = "binary"
            sources = ["a.npk"]
            [target.physics_test]
            type = "binary"
            sources = ["a.npk"]
            [target.testament]
            type = "binary"
            sources = ["a.npk"]
            [target.test_lib]
            type = "library"
            sources = ["a.npk"]
            """)
        #expect(p.targets.map(\.isTest) == [true, true, false, false])
    }

    @Test("schema problems, each located with its fix in words: unknown type and key, missing type and sources, wrong value types, a custom target with nothing to run")
    func schema() {
        #expect(problems("""
            [project]
            name = "x"
            vesion = "1.0.0"

            [target.app]
            type = "binnary"
            sources = "src/main.aria"
            flgs = ["-O2"]
            deps = [1]

            [target.lib]
            sources = ["lib/*.aria"]

            [target.none]
            type = "library"

            [target.gen]
            type = "custom"
            """) == [
            "3:1 warning[M001] unknown key `vesion` in project | did you mean `version`?",
            "6:8 error[M013] unknown target type 'binnary' | did you mean 'binary'?; a target's type is one of: binary, library, test, custom, c_library",
            "7:11 warning[M002] `sources` is a list; a single string is read as a list of one | write it as a list: sources = [\"src/main.aria\"]",
            "8:1 warning[M001] unknown key `flgs` in target 'app' | did you mean `flags`?",
            "9:9 error[M002] expected a string, found a number | write it in quotes: \"…\"",
            "11:9 error[M006] target 'lib' has no `type` | add type = \"binary\" (or library, test, custom, c_library)",
            "14:9 error[M006] target 'none' has no `sources` | add sources = [\"src/none.aria\"] (file names or globs such as \"src/**/*.aria\")",
            "17:9 warning[M006] custom target 'gen' runs nothing | add command = \"…\", or pre_build/post_build commands",
        ])
    }

    @Test("across targets: two with one name (the first shown), a target that needs itself, a circle of deps printed as a path")
    func graph() {
        let text = """
            {
                targets: [
                    { name: "a", type: "library", sources: ["a.aria"], deps: ["b"] },
                    { name: "b", type: "library", sources: ["b.aria"], deps: ["c"] },
                    { name: "c", type: "library", sources: ["c.aria"], deps: ["a", "c"] },
                    { name: "a", type: "binary", sources: ["x.aria"] },
                ],
            }
            """
        #expect(problems(text) == [
            "6:17 error[A006] two targets are named 'a' | rename one of them: a name must say which target `deps` and `ampu build NAME` mean",
            "5:72 error[A008] target 'c' depends on itself | remove 'c' from its own deps",
            "3:67 error[A008] targets depend on each other in a circle: a → b → c → a | no target can be built first; remove one of these dependencies, or move the code both need into a library of its own",
        ])
        let cycle = read(text).diagnostics.first { $0.message.contains("circle") }!
        #expect(cycle.notes == ["'a' lists 'b' in its deps", "'b' lists 'c' in its deps", "'c' lists 'a' in its deps"])
        let duplicate = read(text).diagnostics.first { $0.code == "A006" }!
        #expect(duplicate.related.map { SourceText(path: "/p/build.abc", text).location(of: $0.range.lowerBound) } == ["3:17"])
    }

    @Test("variables: problems at their references when read alone; an unset &{ENV.X} only once the environment is known")
    func variables() {
        let text = """
            {
                variables: { out: "&{ENV.OUT_DIR}/build", bad: "&{nope}" },
                targets: [{ name: "app", type: "binary", sources: ["&{sr}/main.aria"], output: "&{out}/app.ll" }],
            }
            """
        #expect(problems(text) == [
            "2:53 error[A005] undefined variable 'nope' | define it under variables: nope: \"…\", or use &{ENV.nope} for the environment's",
            "3:57 error[A005] undefined variable 'sr' | define it under variables: sr: \"…\", or use &{ENV.sr} for the environment's",
        ])
        #expect(read(text).targets[0].output?.value == "&{ENV.OUT_DIR}/build/app.ll")
        #expect(problems(text, environment: [:]).contains("2:24 error[A005] environment variable 'OUT_DIR' is not set | set OUT_DIR before building, or define it under variables: OUT_DIR: \"…\""))
        #expect(read(text, environment: ["OUT_DIR": "/tmp"]).targets[0].output?.value == "/tmp/build/app.ll")
        // The INI form real projects write defines variables in a section of their own.
        let ini = """
            [target.app]
            type = "binary"
            sources = ["&{src}/main.aria"]
            """
        #expect(problems(ini) == [
            "3:13 error[A005] undefined variable 'src' | define it in the [variables] section: src = \"…\", or use &{ENV.src} for the environment's",
        ])
    }

    @Test("Kahn's order over explicit edges and the edges `use` adds: dependencies first, the smallest index first among ready ones")
    func order() throws {
        let p = read("""
            [target.app]
            type = "binary"
            sources = ["src/main.aria"]
            deps = ["core"]
            [target.core]
            type = "library"
            sources = ["lib/*.aria"]
            [target.util]
            type = "library"
            sources = ["util/*.aria"]
            """)
        let explicit = AriaTargetOrder.explicitEdges(p.targets)
        #expect(try AriaTargetOrder.order(p.targets, edges: explicit).get().map { p.targets[$0].name.value } == ["core", "app", "util"])
        let used = AriaTargetOrder.Edge(from: 1, to: 2, range: p.targets[1].name.range, usingFile: "lib/core.aria", usedFile: "util/u.aria")
        #expect(try AriaTargetOrder.order(p.targets, edges: explicit + [used]).get().map { p.targets[$0].name.value } == ["util", "core", "app"])
        let back = AriaTargetOrder.Edge(from: 2, to: 0, range: p.targets[2].name.range, usingFile: "util/u.aria", usedFile: "src/main.aria")
        guard case .failure(let d) = AriaTargetOrder.order(p.targets, edges: explicit + [used, back]) else { Issue.record("no cycle found"); return }
        #expect(d.message == "targets depend on each other in a circle: app → core → util → app")
        #expect(d.notes == ["'app' lists 'core' in its deps", "'core' needs 'util': lib/core.aria uses util/u.aria", "'util' needs 'app': util/u.aria uses src/main.aria"])
    }
}

@Suite("Aria source expansion")
struct AriaSourceExpansionTests {
    @Test("source patterns answered from the files the load walked; other files and what it did not walk from the disk; .gitignore applied")
    func expansion() {
        let fs = InMemoryFileSystem(currentDirectory: "/p", files: [
            "/p/src/a.aria": "", "/p/src/b.npk": "", "/p/src/gen/c.aria": "", "/p/ffi/x.c": "", "/p/ffi/y.c": "", "/p/.hidden/h.aria": "",
        ])
        // The load walked these (not the hidden directory); a file the disk has but the load
        // did not see is not a source of `src/**`.
        let modules = ["/p/src/a.aria", "/p/src/b.npk", "/p/src/gen/c.aria", "/elsewhere/o.aria"]
        var e = AriaSourceExpansion(directory: "/p", modulePaths: modules, fileSystem: fs, ignoring: GitIgnore("gen/\n"))
        #expect(e.files("src/**/*.aria") == ["src/a.aria"])
        #expect(e.files("src/b.npk") == ["src/b.npk"])
        #expect(e.files("ffi/*.c") == ["ffi/x.c", "ffi/y.c"])
        #expect(e.files(".hidden/*.aria") == [".hidden/h.aria"])
        var plain = AriaSourceExpansion(directory: "/p", modulePaths: modules, fileSystem: fs, ignoring: nil)
        #expect(plain.files("src/**/*.aria") == ["src/a.aria", "src/gen/c.aria"])
        #expect(plain.files("nothing/*.aria") == [])
    }
}
