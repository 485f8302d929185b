import Testing
@testable import BuildModel

@Suite("Build planning: command templates, profiles, globs, Ninja's quoting")
struct PlanningTests {
    @Test("a word that is a placeholder becomes every value; one inside a word takes exactly one")
    func template() throws {
        let values: [String: [String]] = ["compiler": ["asthra"], "input": ["a.ast", "b.ast"], "output": ["out"], "debug": [], "level": ["2"]]
        #expect(try CommandTemplate(["{compiler}", "{input}", "-o", "{output}", "{debug}", "-O{level}"]).expand(values)
                == ["asthra", "a.ast", "b.ast", "-o", "out", "-O2"])
        #expect(throws: CommandTemplate.Problem.notOneValue("input", word: 1, text: "--src={input}")) {
            try CommandTemplate(["{compiler}", "--src={input}"]).expand(values)
        }
        #expect(throws: CommandTemplate.Problem.unknownPlaceholder("inputs", word: 1)) { try CommandTemplate(["{compiler}", "{inputs}"]).expand(values) }
        #expect(CommandTemplate.Problem.unknownPlaceholder("inputs", word: 1).description == "unknown placeholder '{inputs}'")
        #expect(throws: CommandTemplate.Problem.empty) { try CommandTemplate(["{debug}"]).expand(values) }
        #expect(throws: CommandTemplate.Problem.unclosed(word: 1, text: "-O{level")) { try CommandTemplate(["x", "-O{level"]).expand(values) }
        // A stray `}` is text.
        #expect(try CommandTemplate(["{compiler}", "-O{level}}"]).expand(values) == ["asthra", "-O2}"])
    }

    @Test("a template's problems known before any value: an unknown placeholder or an unclosed brace, the first of each word")
    func templateProblems() {
        let known: Set = ["compiler", "input", "output"]
        #expect(CommandTemplate(["{compiler}", "{input}", "-o", "{output}"]).problems(known: known) == [])
        #expect(CommandTemplate(["{compiler}", "--in={inptu}{x}", "{outptu}"]).problems(known: known)
                == [.unknownPlaceholder("inptu", word: 1), .unknownPlaceholder("outptu", word: 2)])
        #expect(CommandTemplate(["{compiler}", "{input", "{output}"]).problems(known: known) == [.unclosed(word: 1, text: "{input")])
        #expect(CommandTemplate(["{}"]).problems(known: known) == [.unknownPlaceholder("", word: 0)])
    }

    @Test("profiles: the built-ins, a profile on top of the one it inherits, circles and unknown names")
    func profiles() throws {
        let manifest = AsthraEcosystem().readManifest(SourceText(path: "/w/asthra.toml", """
            [package]
            name = "w"
            version = "0.1.0"

            [profile.bench]
            inherits = "fast"
            debug = true

            [profile.fast]
            inherits = "release"
            opt_level = 2

            [profile.loop1]
            inherits = "loop2"

            [profile.loop2]
            inherits = "loop1"
            """))
        #expect(try ProfileSettings.resolve("debug", in: manifest.build, manifest: manifest.path).get() == .debug)
        #expect(try ProfileSettings.resolve("release", in: manifest.build, manifest: manifest.path).get() == .release)
        #expect(try ProfileSettings.resolve("bench", in: manifest.build, manifest: manifest.path).get()
                == ProfileSettings(name: "bench", optimization: 2, debugInfo: true))
        guard case .failure(let circle) = ProfileSettings.resolve("loop1", in: manifest.build, manifest: manifest.path) else {
            Issue.record("a circle of profiles resolved")
            return
        }
        #expect(circle.message == "profiles inherit from each other in a circle: loop1 → loop2 → loop1")
        #expect(circle.code == "B006")
        #expect(circle.range == manifest.build.profiles.first { $0.name.value == "loop2" }!.inherits!.range)
        guard case .failure(let unknown) = ProfileSettings.resolve("fats", in: manifest.build, manifest: manifest.path) else {
            Issue.record("an unknown profile resolved")
            return
        }
        #expect(unknown.message == "no profile named 'fats'")
        #expect(unknown.help.first == "did you mean 'fast'?")
    }

    @Test("circles of profiles: each once, said from the first of its profiles in the order given; a profile that only leads into one is on none; the first of a name counts")
    func profileCircles() {
        let profiles: [(name: String, inherits: String?)] = [
            ("t", "c"), ("a", "b"), ("b", "c"), ("c", "a"),
            ("s", "s"),
            ("u", "q"), ("q", "u"),
            ("r", "release"), ("n", nil),
            ("a", "n"),
        ]
        #expect(ProfileSettings.circles(among: profiles) == [["a", "b", "c", "a"], ["s", "s"], ["u", "q", "u"]])
        // A chain leading into a circle at its end, listed from either end.
        let chain = (0..<1000).map { (name: "p\($0)", inherits: Optional("p\($0 + 1)")) } + [(name: "p1000", inherits: Optional("p999"))]
        #expect(ProfileSettings.circles(among: chain) == [["p999", "p1000", "p999"]])
        #expect(ProfileSettings.circles(among: chain.reversed()) == [["p1000", "p999", "p1000"]])
    }

    @Test("a glob lists the files it matches under a directory, sorted, hidden directories left out")
    func globFiles() {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/p/csrc/a.c": "", "/p/csrc/b.h": "", "/p/csrc/sub/c.c": "", "/p/csrc/.hidden/d.c": "", "/p/other/e.c": "",
        ])
        #expect(Glob("csrc/*.c").files(in: "/p", fileSystem: fs) == ["csrc/a.c"])
        #expect(Glob("csrc/**/*.c").files(in: "/p", fileSystem: fs) == ["csrc/a.c", "csrc/sub/c.c"])
        #expect(Glob("**/*.c").files(in: "/p", fileSystem: fs) == ["csrc/a.c", "csrc/sub/c.c", "other/e.c"])
        #expect(Glob("csrc/a.c").files(in: "/p", fileSystem: fs) == ["csrc/a.c"])
        #expect(Glob("csrc/z.c").files(in: "/p", fileSystem: fs) == [])
    }

    @Test("Ninja's escapes: paths, values and the words of a command for /bin/sh")
    func ninjaQuoting() {
        #expect(NinjaFile.escapePath("a b/c:d$e") == "a$ b/c$:d$$e")
        #expect(NinjaFile.escapeValue("echo $HOME") == "echo $$HOME")
        #expect(ShellWords.quote("target/debug/app") == "target/debug/app")
        #expect(ShellWords.quote("it's here") == "'it'\\''s here'")
        #expect(ShellWords.quote("") == "''")
        #expect(ShellWords.quote("a;rm -rf /") == "'a;rm -rf /'")
    }

    @Test("library names: what is not a letter, digit or _ becomes _")
    func libraryNames() {
        #expect(NativeCompilation.libraryName("github.com/user/json-x") == "github_com_user_json_x")
        #expect(NativeCompilation.libraryName("mathlib") == "mathlib")
    }
}
