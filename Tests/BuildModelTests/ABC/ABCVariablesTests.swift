import Testing
@testable import BuildModel

@Suite("build.abc variables")
struct ABCVariablesTests {
    static let text = """
        {
            variables: {
                src: "src",
                cc: "ariac",
                home: "&{ENV.HOME}",
                out: "&{home}/build",
                a: "&{b}",
                b: "&{c}",
                c: "&{a}",
            },
            targets: [
                {
                    name: "core",
                    variables: { src: "lib" },
                    sources: ["&{src}/**/*.aria"],
                    output: "&{out}/&{name}.ll",
                    bad: "&{srcs}/x",
                    loop: "&{a}",
                    open: "&{src",
                    env: "&{ENV.NOPE}",
                },
            ],
        }
        """

    let document = ABCDocument(parsing: SourceText(path: "/p/build.abc", Self.text))
    var variables: ABCVariables { ABCVariables(document, environment: ["HOME": "/home/ada"]) }
    var target: ABCDocument.Node { document.root!.member("targets")!.value.elements![0] }

    func expand(_ key: String) -> String {
        let node = target.member(key)!.value
        switch variables.expand(node.elements?.first ?? node, in: target) {
        case .success(let text): return text
        case .failure(let problems):
            return problems.diagnostics.map { "\(document.source.location(of: $0.range.lowerBound)) \($0.code ?? "") \($0.message)\($0.help.isEmpty ? "" : " | " + $0.help.joined(separator: "; "))" }
                .joined(separator: "\n")
        }
    }

    @Test("the target's scope first, then the file's variables, then the environment; through other variables")
    func order() throws {
        #expect(document.diagnostics.isEmpty)
        #expect(expand("sources") == "lib/**/*.aria")
        #expect(expand("output") == "/home/ada/build/core.ll")
        // Outside any target, the file's own value.
        #expect(try variables.expand(document.root!.member("variables")!.value.member("out")!.value).get() == "/home/ada/build")
    }

    @Test("problems, each at its reference: undefined (with the closest name), a loop (as a chain), no closing brace, an unset environment variable")
    func problems() {
        #expect(expand("bad") == "17:19 A005 undefined variable 'srcs' | did you mean 'src'?")
        #expect(expand("loop") == "9:13 A005 variable 'a' refers to itself: a → b → c → a | give one of them a value that does not use the others")
        #expect(expand("open") == "19:20 A005 '&{' is not closed | close the variable's name with }: &{name}")
        #expect(expand("env") == "20:19 A005 environment variable 'NOPE' is not set | set NOPE before building, or define it under variables: NOPE: \"…\"")
    }

    @Test("the name an undefined variable most likely means: never one being defined (it would refer to itself), and of two as close, the first by name, every run")
    func guesses() throws {
        let document = ABCDocument(parsing: SourceText(path: "/p/build.abc", """
            {
                variables: { cflags: "&{cflag} -O2", ac: "c", ab: "b" },
                targets: [{ name: "x", flags: "&{cflags}", other: "&{aa}" }],
            }
            """))
        let target = document.root!.member("targets")!.value.elements![0]
        func problem(_ key: String) -> [String] {
            guard case .failure(let problems) = ABCVariables(document, environment: [:]).expand(target.member(key)!.value, in: target) else { return [] }
            return problems.diagnostics.map { "\($0.message) | \($0.help.joined(separator: "; ")) | \($0.fix?.edits.map(\.newText).joined() ?? "-")" }
        }
        #expect(problem("flags") == ["undefined variable 'cflag' | define it under variables: cflag: \"…\", or use &{ENV.cflag} for the environment's | -"])
        #expect(problem("other") == ["undefined variable 'aa' | did you mean 'ab'? | &{ab}"])
    }

    /// The problems of a build.abc in the INI form with `[variables]` of `lines`, read whole.
    static func problems(variables lines: [String]) -> [String] {
        let text = "[variables]\n" + lines.joined() + "\n[target.app]\ntype = \"binary\"\nsources = [\"src/main.aria\"]\noutput = \"&{v0}\"\n"
        let source = SourceText(path: "/p/build.abc", text)
        let diagnostics = AriaProject.read(ABCDocument(parsing: source), environment: nil).diagnostics
        return diagnostics.filter { $0.code == "A005" }.map { "\(source.location(of: $0.range.lowerBound)) \($0.message) | \($0.label ?? "") | \($0.help.joined(separator: "; "))" }
    }

    @Test("variables used within each other more than 64 deep: said at the reference one too deep, once for the chain from each variable that is not inside an earlier one's")
    func depth() {
        // v0 uses v1, which uses v2, … to v100: v1 to v65 is one too many from v0's value.
        let lines = (0..<100).map { "v\($0) = \"&{v\($0 + 1)}/x\"\n" } + ["v100 = \"end\"\n"]
        #expect(Self.problems(variables: lines) == [
            "66:8 variables used within each other more than 64 deep: v1 → v2 → v3 → … → v63 → v64 → v65 | one too many | give one of them a value that does not use the next",
        ])
        // 64 deep is allowed: v0's value uses v1 … v64.
        let short = (0..<64).map { "v\($0) = \"&{v\($0 + 1)}/x\"\n" } + ["v64 = \"end\"\n"]
        #expect(Self.problems(variables: short) == [])
    }

    @Test("a value longer than Linux passes as one argument: said once, where it passes the limit; the variables that use it say nothing more")
    func length() {
        // Each variable twice the next: v24 is 3 × 2^16 bytes.
        let lines = (0..<40).map { "v\($0) = \"&{v\($0 + 1)}&{v\($0 + 1)}\"\n" } + ["v40 = \"lol\"\n"]
        #expect(Self.problems(variables: lines) == [
            "26:14 this value would be longer than 131072 bytes, the most Linux passes as one argument | too long from here | a value this long is no path or flag: use fewer variables in it",
        ])
    }

    @Test("a loop of variables is said once, at the reference that closes it from the first variable read")
    func loopOnce() {
        #expect(Self.problems(variables: ["v0 = \"&{a}\"\n", "a = \"&{b}\"\n", "b = \"&{a}\"\n"]) == [
            "4:6 variable 'a' refers to itself: a → b → a | loops back here | give one of them a value that does not use the others",
        ])
    }
}
