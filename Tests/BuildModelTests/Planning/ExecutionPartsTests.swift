import Testing
@testable import BuildModel

@Suite("Build execution parts: dependency files, compiler messages, fingerprints")
struct ExecutionPartsTests {
    @Test("a dependency file's prerequisites: continuations, escaped spaces, several targets")
    func depfile() {
        let text = "target/x.o: src/x.c /usr/include/stdio.h \\\n  include/my\\ header.h \\\n  include/a.h\ninclude/a.h:\n"
        #expect(Depfile.prerequisites(text, directory: "/w") == ["/w/src/x.c", "/usr/include/stdio.h", "/w/include/my header.h", "/w/include/a.h"])
        // A build script's: every file it generated is a target of its rule, none was read.
        let script = ".rk-gen/types.rk .rk-gen/more\\ types.rk \\\n  .rk-gen/last.rk: schema/user.json \\\n  schema\r\nschema/user.json:\n"
        #expect(Depfile.prerequisites(script, directory: "/w/app") == ["/w/app/schema/user.json", "/w/app/schema"])
    }

    @Test("a rule written for Ninja reads back as the same names, whatever they hold")
    func depfileRule() {
        let names = ["/w/plain.h", "/w/a b.h", "/w/c#d.h", "/w/e$f.h", "/w/g\\h.h", "/w/k\\ l.h", "/w/m\\\\ n.h", "/w/u\\#v.h", "/w/tab\tin.h"]
        let rule = Depfile.rule(target: "target/build-script.d", prerequisites: names)
        #expect(rule == "target/build-script.d: /w/plain.h /w/a\\ b.h /w/c\\#d.h /w/e$$f.h /w/g\\h.h /w/k\\\\\\ l.h /w/m\\\\\\\\\\ n.h /w/u\\\\#v.h /w/tab\\\tin.h\n")
        #expect(Depfile.prerequisites(rule, directory: "/") == names)
    }

    @Test("compiler output: located diagnostics with their snippets taken out, notes attached, other lines kept")
    func compilerMessages() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/w/src/main.ast": "package main;\n\nlet x = nope;\n"])
        let output = """
            src/main.ast:3:9: error: use of undeclared identifier 'nope'
            let x = nope;
                    ^
            src/main.ast:1:1: note: in this package
            linker said something
            main.ast:9:1: warning: a file that is not there

            """
        let parsed = CompilerMessages.parse(output, directory: "/w", fileSystem: fs)
        #expect(parsed.diagnostics == [
            Diagnostic(severity: .error, message: "use of undeclared identifier 'nope'", file: "/w/src/main.ast", range: SourceRange(23, 27),
                       related: [Diagnostic.Related(file: "/w/src/main.ast", range: SourceRange(0, 7), message: "in this package")]),
            Diagnostic(severity: .warning, message: "a file that is not there", file: "/w/main.ast", range: .at(0)),
        ])
        #expect(parsed.otherLines == ["linker said something"])
    }

    @Test("gcc's output for a tab-indented line: the marks under the shown line say which bytes (the header's column counts a tab to the next eighth); a note at the same place means the same; a shown line that is not the file's leaves the column as a byte")
    func gccMessages() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/w/c/x.c": "int f(void) {\n\tint unused = nope;\n\treturn unused + \"s\";\n}\n"])
        let output = """
            c/x.c: In function ‘f’:
            c/x.c:2:22: error: ‘nope’ undeclared (first use in this function)
                2 |         int unused = nope;
                  |                      ^~~~
            c/x.c:2:22: note: each undeclared identifier is reported only once for each function it appears in
            c/x.c:3:16: warning: returning ‘char *’ from a function with return type ‘int’ makes integer from pointer without a cast [-Wint-conversion]
                3 |         return unused + "s";
                  |                ~~~~~~~^~~~~
            c/x.c:3:9: warning: the file has changed since
                3 |         return other;
                  |         ^~~~~~

            """
        let parsed = CompilerMessages.parse(output, directory: "/w", fileSystem: fs)
        #expect(parsed.diagnostics == [
            Diagnostic(severity: .error, message: "‘nope’ undeclared (first use in this function)", file: "/w/c/x.c", range: SourceRange(28, 32),
                       related: [Diagnostic.Related(file: "/w/c/x.c", range: SourceRange(28, 32),
                                                    message: "each undeclared identifier is reported only once for each function it appears in")],
                       notes: ["in function ‘f’"]),
            Diagnostic(severity: .warning, message: "returning ‘char *’ from a function with return type ‘int’ makes integer from pointer without a cast [-Wint-conversion]",
                       file: "/w/c/x.c", range: SourceRange(42, 54), notes: ["in function ‘f’"]),
            Diagnostic(severity: .warning, message: "the file has changed since", file: "/w/c/x.c", range: SourceRange(42, 48), notes: ["in function ‘f’"]),
        ])
        #expect(parsed.otherLines == [])
    }

    @Test("gcc's context lines are notes of the diagnostics they speak of: the function (in its file, until another or 'At top level') and the includes that led to a header")
    func gccContext() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/w/main.c": "#include \"a.h\"\nint f(void) { return nope; }\nint g(void) { return nope; }\nint k = nope;\n",
            "/w/a.h": "#include \"b.h\"\n", "/w/b.h": "int q = nope;\nstatic int h(void) { return nope; }\n",
        ])
        let output = """
            In file included from a.h:1,
                             from main.c:1:
            b.h:1:9: error: ‘nope’ undeclared here (not in a function)
            b.h: In function ‘h’:
            b.h:2:29: error: ‘nope’ undeclared (first use in this function)
            main.c: In function ‘f’:
            main.c:2:22: error: ‘nope’ undeclared (first use in this function)
            main.c: In function ‘g’:
            main.c:3:22: error: ‘nope’ undeclared (first use in this function)
            main.c: At top level:
            In file included from main.c:1:
            b.h:1:9: note: declared here
            main.c:4:9: error: ‘nope’ undeclared here (not in a function)
            main.c:4:9: note: a note said twice
            main.c:4:9: note: a note said twice

            """
        let parsed = CompilerMessages.parse(output, directory: "/w", fileSystem: fs)
        #expect(parsed.diagnostics.map { "\($0.file!):\($0.range) \($0.notes)" } == [
            "/w/b.h:8..<12 [\"in the file included from a.h:1\", \"included from main.c:1\"]",
            "/w/b.h:42..<46 [\"in function ‘h’\", \"in the file included from a.h:1\", \"included from main.c:1\"]",
            "/w/main.c:36..<40 [\"in function ‘f’\"]",
            "/w/main.c:65..<69 [\"in function ‘g’\"]",
            "/w/main.c:81..<85 []",
        ])
        #expect(parsed.diagnostics.last?.related.map(\.message) == ["a note said twice"])
        #expect(parsed.otherLines == [])
        // clang's way: an `In file included from` line for each, the first includer first.
        let clang = CompilerMessages.parse("""
            In file included from main.c:1:
            In file included from a.h:1:
            b.h:1:9: error: use of undeclared identifier 'nope'
            1 error generated.

            """, directory: "/w", fileSystem: fs)
        #expect(clang.diagnostics.map { "\($0.file!):\($0.range) \($0.notes)" } == [
            "/w/b.h:8..<12 [\"in the file included from a.h:1\", \"included from main.c:1\"]",
        ])
        #expect(clang.otherLines == ["1 error generated."])
    }

    @Test("gcc's label under the marks (the type of what is marked) is the diagnostic's label; one under other marks, or a stem alone, is not")
    func gccLabels() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/w/x.c": "int helper(long *p);\nint f(int value) {\n\treturn helper(value) + 1;\n}\n"])
        let output = """
            x.c:3:23: warning: passing argument 1 of ‘helper’ makes pointer from integer without a cast [-Wint-conversion]
                3 |         return helper(value) + 1;
                  |                       ^~~~~
                  |                       |
                  |                       int
            x.c:3:23: warning: the same place, the label under another column
                3 |         return helper(value) + 1;
                  |                       ^~~~~
                  |                              |
                  |                              int
            x.c:3:23: warning: a stem and no label
                3 |         return helper(value) + 1;
                  |                       ^~~~~
                  |                       |

            """
        let parsed = CompilerMessages.parse(output, directory: "/w", fileSystem: fs)
        #expect(parsed.diagnostics.map { "\($0.range) \($0.label ?? "-")" } == ["55..<60 int", "55..<60 -", "55..<60 -"])
    }

    @Test("ld's messages (g++'s here): an undefined C++ name is marked where the source calls it, without its namespace and signature; ld's other lines stay lines")
    func linkerMessages() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/w/n.cpp": "namespace ns { int gone(int); }\nint main() {\n  return ns::gone(1);\n}\n"])
        let output = """
            /usr/bin/ld: /tmp/ccBbI2Cl.o: in function `main':
            /w/n.cpp:3: undefined reference to `ns::gone(int)'
            /usr/bin/ld: /w/n.cpp:9: undefined reference to `past_the_end'
            collect2: error: ld returned 1 exit status

            """
        let parsed = CompilerMessages.parse(output, directory: "/w", fileSystem: fs)
        #expect(parsed.diagnostics == [
            Diagnostic(severity: .error, message: "undefined reference to `ns::gone(int)'", file: "/w/n.cpp", range: SourceRange(58, 62), notes: ["in function `main'"]),
        ])
        #expect(parsed.otherLines == ["/usr/bin/ld: /w/n.cpp:9: undefined reference to `past_the_end'", "collect2: error: ld returned 1 exit status"])
    }

    @Test("compiler output in rustc's form (the Rask compiler's): code, place, the carets' width and label, notes and help; a header with no place stays a line")
    func rustcMessages() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/w/rask.build": "package \"app\" \"0.1.0\" {}\n\nfunc build(ctx: BuildContext) {\n    try ctx.write_source(\"bad.rk\", code)\n}\n"])
        let output = """
            error: Build script failed
              --> rask.build:4:5
               |
             4 |     try ctx.write_source("bad.rk", code)
               |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ the call that failed
               |
               = note: Generated file has syntax errors
               = note: See .rk-gen/bad.rk for generated content
            warning[W0101]: unused value
              --> rask.build:4:9
               |
             4 |     try ctx.write_source("bad.rk", code)
               |         ^^^
               = help: use it or remove it
            error: aborting due to 1 previous error

            """
        let parsed = CompilerMessages.parse(output, directory: "/w", fileSystem: fs)
        #expect(parsed.diagnostics == [
            Diagnostic(severity: .error, message: "Build script failed", file: "/w/rask.build", range: SourceRange(62, 98), label: "the call that failed",
                       notes: ["Generated file has syntax errors", "See .rk-gen/bad.rk for generated content"]),
            Diagnostic(severity: .warning, code: "W0101", message: "unused value", file: "/w/rask.build", range: SourceRange(66, 69), help: ["use it or remove it"]),
        ])
        #expect(parsed.otherLines == ["error: aborting due to 1 previous error"])
    }

    @Test("a fingerprint reads back what it wrote; a torn or older file is not one")
    func fingerprintText() {
        let print = Fingerprint(key: "k1", inputs: [.init(path: "/w/a b.ast", size: 3, modificationTime: 1_733_000_000_123_456_789, digest: "ab"),
                                                    .init(path: "/w/old", size: 0, modificationTime: -5, digest: "cd")],
                                outputs: [.init(path: "/w/target/x", size: 9, modificationTime: 18)])
        #expect(print.text == """
            ampu-fingerprint 2
            key\tk1
            in\t3\t1733000000123456789\tab\t/w/a b.ast
            in\t0\t-5\tcd\t/w/old
            out\t9\t18\t/w/target/x
            end

            """)
        #expect(Fingerprint(text: print.text) == print)
        #expect(Fingerprint(text: "ampu-fingerprint 0\nkey\tk1\n") == nil)
        #expect(Fingerprint(text: String(print.text.dropLast(5))) == nil)
    }

    @Test("a fingerprint keeps how long its program ran, second, where the schedule reads it without the rest; a time that is not a count of microseconds is no fingerprint")
    func fingerprintRunTime() {
        let print = Fingerprint(key: "k1", inputs: [.init(path: "/w/a.as", size: 3, modificationTime: 7, digest: "ab")], outputs: [], runTime: 1_250_000)
        #expect(print.text == """
            ampu-fingerprint 2
            key\tk1
            time\t1250000
            in\t3\t7\tab\t/w/a.as
            end

            """)
        #expect(Fingerprint(text: print.text) == print)
        #expect(Fingerprint.runTime(in: print.bytes[...]) == 1_250_000)
        // Written by an older ampu: no time, and still a fingerprint.
        let older = Fingerprint(key: "k1", inputs: [], outputs: [])
        #expect(Fingerprint(text: older.text)?.runTime == nil)
        #expect(Fingerprint.runTime(in: older.bytes[...]) == nil)
        for time in ["-1", "", "1.5", "x", "99999999999999999999"] {
            let text = print.text.replacing("time\t1250000", with: "time\t" + time)
            #expect(Fingerprint(text: text) == nil, "time \(time)")
            #expect(Fingerprint.runTime(in: Array(text.utf8)[...]) == nil, "time \(time)")
        }
    }

    @Test("a fingerprint keeps what its run said on standard error, line breaks and all, by its length; a length that does not reach `end` exactly is no fingerprint")
    func fingerprintSaid() {
        let said = "a.c:1:5: warning: unused\nend\n  int x;\n"
        let print = Fingerprint(key: "k1", inputs: [], outputs: [.init(path: "/w/x", size: 9, modificationTime: 18)], said: said)
        #expect(print.text == """
            ampu-fingerprint 2
            key\tk1
            out\t9\t18\t/w/x
            said\t38
            a.c:1:5: warning: unused
            end
              int x;

            end

            """)
        #expect(Fingerprint(text: print.text) == print)
        for length in ["37", "39", "0", "-1", "x", "99999999999999999999"] {
            #expect(Fingerprint(text: print.text.replacing("said\t38", with: "said\t" + length)) == nil, "said \(length)")
        }
        // A line after the text is not the fingerprint's either.
        #expect(Fingerprint(text: print.text.replacing("  int x;\n\n", with: "  int x;\n\nout\t1\t2\t/w/y\n")) == nil)
    }

    @Test("the arguments that name an output: as written from the action's directory, absolute, or once normalized; a source of the same name elsewhere is not one")
    func outputArguments() {
        let action = BuildAction(kind: .compile, package: "w", description: "Compiling w",
                                 arguments: ["cc", "-c", "src/lib.o.c", "src/lib.o", "-o", "../w/target/lib.o", "/w/target/lib.o", "target/./lib.h", "target/x/..", "-Itarget"],
                                 directory: "/w", inputs: ["/w/src/lib.o.c"], outputs: ["/w/target/lib.o", "/w/target/lib.h", "/w/target"])
        #expect(BuildExecutor.outputArguments(action, commandLine: action.commandLine) == [5: "/w/target/lib.o", 6: "/w/target/lib.o", 7: "/w/target/lib.h", 8: "/w/target"])
    }

    @Test("staleness: never built, up to date, touched with the same bytes (refreshed), changed, output gone, command changed")
    func staleness() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: ["/w/a.ast": "one", "/w/target/out": "built"])
        // A store takes each status once, as one build does: each check here is a build of its own.
        var store: FingerprintStore { FingerprintStore(targetDirectory: "/w/target", fileSystem: fs) }
        let action = BuildAction(kind: .compile, package: "w", description: "Compiling w", arguments: ["asthra", "a.ast"], directory: "/w",
                                 inputs: ["/w/a.ast"], outputs: ["/w/target/out"])
        #expect(store.staleness(of: action, key: "k").staleness == .neverBuilt)
        try store.write(store.fingerprint(of: action, key: "k", discovered: []), for: action)
        #expect(store.staleness(of: action, key: "k").staleness == nil)
        #expect(store.staleness(of: action, key: "other").staleness == .commandChanged)
        try fs.writeFile("/w/a.ast", Array("one".utf8))
        let touched = store.staleness(of: action, key: "k")
        #expect(touched.staleness == nil)
        #expect(touched.refreshed?.inputs.first?.modificationTime == fs.status("/w/a.ast")?.modificationTime)
        try fs.writeFile("/w/a.ast", Array("two".utf8))
        #expect(store.staleness(of: action, key: "k").staleness == .inputChanged("/w/a.ast"))
        try fs.writeFile("/w/a.ast", Array("one".utf8))
        try fs.removeItem("/w/target/out")
        #expect(store.staleness(of: action, key: "k").staleness == .outputChanged("/w/target/out"))
    }
}
