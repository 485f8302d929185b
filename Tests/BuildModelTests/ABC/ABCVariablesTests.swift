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
}
