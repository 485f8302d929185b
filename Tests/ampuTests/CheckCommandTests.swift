import Foundation
import Testing
import TestSupport

/// The repository's examples/ directory.
let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples").path

/// No colours, no stdlib from the machine: every run sees the same environment.
let plain = ["NO_COLOR": "1", "ASTHRA_HOME": "", "PATH": "/usr/bin:/bin"]

@Suite("ampu check, new and init")
struct CheckCommandTests {
    @Test("the bundled example workspace checks clean")
    func hello() throws {
        let result = try AmpuProcess.run(["check"], environment: plain, directory: examples + "/hello/app/src")
        #expect(result.stderr == "Checked 2 packages, 3 modules and 4 imported modules: no problems\n")
        #expect(result.stdout == "")
        #expect(result.status == 0)
    }

    @Test("the caret stands under what it marks when wide characters and emoji come before it on the line (each takes two columns)")
    func wideCharacters() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\ndescription = \"名前 😀 é\" x\n")
        try dir.write("src/main.asthra", "package main;\n")
        let result = try AmpuProcess.run(["check"], environment: plain, directory: dir.path)
        #expect(result.stderr == """
            error[T002]: expected a newline after the value of 'description', found 'x'
             --> asthra.toml:4:24
              |
            4 | description = "名前 😀 é" x
              |                           ^
              |
              = help: put each key/value pair and table header on its own line

            error: check failed: 1 error, 0 warnings in 1 package, 1 module

            """)
        #expect(result.status == 1)
    }

    @Test("a dependency by version that is neither locked to a registry copy nor in the cache is a warning on its line (M023)")
    func unavailableDependency() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = \"^1.0\"\n")
        try dir.write("src/main.asthra", "package main;\nimport \"json\";\n")
        let result = try AmpuProcess.run(["check"], environment: plain.merging(["ASTHRA_CACHE": dir.path + "/cache"]) { $1 }, directory: dir.path)
        #expect(result.stderr == """
            warning[M023]: dependency 'json' is not on this machine: asthra.lock locks no copy of it and the package cache has none
             --> asthra.toml:6:1
              |
            6 | json = "^1.0"
              | ^^^^ not fetched
              |
              = note: its imports are not checked, and the compiler will not find it
              = help: run `ampu update --registry DIR` (or set AMPU_REGISTRY) to fetch it, or give it a `path` or `git` source

            Checked 1 package, 1 module: 1 warning

            """)
        #expect(result.status == 0)
    }

    @Test("a [native] pattern that matches no file is a warning at it (B005) in check, as in a build, with the close pattern that matches as the fix")
    func nativePatternMatchingNothing() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[native]\nsources = [\"crsc/*.c\"]\n")
        try dir.write("src/main.asthra", "package main;\n")
        try dir.write("csrc/clamp.c", "int clamp(int x) { return x; }\n")
        let result = try AmpuProcess.run(["check"], environment: plain, directory: dir.path)
        #expect(result.stderr == """
            warning[B005]: 'crsc/*.c' matches no file in package 'app'
             --> asthra.toml:6:12
              |
            6 | sources = ["crsc/*.c"]
              |            ^^^^^^^^^^ no file matches
              |
              = help: did you mean 'csrc/*.c'?
              = help: the pattern is relative to the package root; correct it or remove it

            Checked 1 package, 1 module: 1 warning

            """)
        #expect(result.status == 0)
        // A path dependency is the user's too, as Cargo warns of one: its manifest is checked.
        try dir.write("asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nmathlib = { path = \"mathlib\" }\n")
        try dir.write("mathlib/asthra.toml", "[package]\nname = \"mathlib\"\nversion = \"0.1.0\"\n\n[native]\nsources = [\"csrc/*.c\"]\n")
        try dir.write("mathlib/src/lib.asthra", "package mathlib;\n")
        let dependency = try AmpuProcess.run(["check"], environment: plain, directory: dir.path)
        #expect(dependency.stderr == """
            warning[B005]: 'csrc/*.c' matches no file in package 'mathlib'
             --> mathlib/asthra.toml:6:12
              |
            6 | sources = ["csrc/*.c"]
              |            ^^^^^^^^^^ no file matches
              |
              = help: the pattern is relative to the package root; correct it or remove it

            Checked 1 package, 1 module: 1 warning

            """)
    }

    @Test("a [toolchain] command with a placeholder that is none, or a brace never closed: B008 on each word, the placeholder meant as the fix")
    func commandTemplate() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", """
            [package]
            name = "app"
            version = "0.1.0"

            [toolchain]
            command = ["{compiler}", "{inptu}", "-o", "{output}", "-I{includs}", "{debug"]

            """)
        try dir.write("src/main.asthra", "package main;\n")
        let result = try AmpuProcess.run(["check"], environment: plain, directory: dir.path)
        #expect(result.stderr == """
            error[B008]: unknown placeholder '{inptu}' in the compiler's command line
             --> asthra.toml:6:26
              |
            6 | command = ["{compiler}", "{inptu}", "-o", "{output}", "-I{includs}", "{debug"]
              |                          ^^^^^^^^^ not a placeholder
              |
              = note: the placeholders are {compiler}, {input}, {output}, {includes}, {opt}, {debug} and {target}
              = help: did you mean '{input}'?

            error[B008]: unknown placeholder '{includs}' in the compiler's command line
             --> asthra.toml:6:55
              |
            6 | command = ["{compiler}", "{inptu}", "-o", "{output}", "-I{includs}", "{debug"]
              |                                                       ^^^^^^^^^^^^^ not a placeholder
              |
              = note: the placeholders are {compiler}, {input}, {output}, {includes}, {opt}, {debug} and {target}
              = help: did you mean '{includes}'?

            error[B008]: '{debug' has a '{' without its '}'
             --> asthra.toml:6:70
              |
            6 | command = ["{compiler}", "{inptu}", "-o", "{output}", "-I{includs}", "{debug"]
              |                                                                      ^^^^^^^^ unclosed placeholder
              |
              = note: the placeholders are {compiler}, {input}, {output}, {includes}, {opt}, {debug} and {target}
              = help: close it with '}', as in '{input}'

            error: check failed: 3 errors, 0 warnings in 1 package, 1 module

            """)
        #expect(result.status == 1)
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: plain, directory: dir.path)
        let fixes = json.stdout.components(separatedBy: "\n").dropLast().map { line -> String in
            guard let at = line.range(of: #","fix":"#) else { return "none" }
            return String(line[at.upperBound...].dropLast())
        }
        #expect(fixes == [
            #"{"title":"Replace with '{input}'","edits":[{"file":"asthra.toml","line":6,"column":26,"endLine":6,"endColumn":35,"newText":"\"{input}\""}],"certain":false}"#,
            #"{"title":"Replace with '{includes}'","edits":[{"file":"asthra.toml","line":6,"column":55,"endLine":6,"endColumn":68,"newText":"\"-I{includes}\""}],"certain":false}"#,
            "none",
        ])
    }

    @Test("the violations example, in the compiler's one-line format")
    func violationsShort() throws {
        let result = try AmpuProcess.run(["check", "--message-format", "short"], environment: plain, directory: examples + "/violations")
        #expect(result.stderr == """
            asthra.toml:7:1: warning[M001]: unknown key 'licence' in [package]
            src/billing.asthra:3:8: error[I008]: import cycle: src/billing.asthra → src/orders.asthra → src/billing.asthra
            src/main.asthra:4:8: error[I006]: user code cannot import internal package 'internal/runtime/memory'
            src/main.asthra:5:8: error[I002]: unknown import path 'stdlb/string'
            src/main.asthra:6:8: error[I003]: cannot find module 'stdlib/strng'
            src/main.asthra:8:8: error[I004]: third-party package 'github.com/acme/http' is not declared in [dependencies] of 'shop'
            src/main.asthra:9:8: error[I005]: local import '../../hello/mathlib/src/lib' leaves package 'shop'
            vendor/json/src/lib.asthra:3:8: error[I006]: third-party code cannot import internal package 'internal/runtime/memory'
            error: check failed: 7 errors, 1 warning in 1 package, 3 modules and 3 imported modules

            """)
        #expect(result.status == 1)
    }

    @Test("--access-control, the specification's 'validate imports only': check's I codes, without the manifest's warning")
    func accessControlOnly() throws {
        let full = try AmpuProcess.run(["check", "--message-format", "short"], environment: plain, directory: examples + "/violations")
        let result = try AmpuProcess.run(["check", "--access-control", "--message-format", "short"], environment: plain, directory: examples + "/violations")
        let imports = full.stderr.split(separator: "\n").filter { $0.contains("error[I") }
        #expect(imports.count == 7)
        #expect(result.stderr == imports.joined(separator: "\n") + """

            error: check failed: 7 errors, 0 warnings in 1 package, 3 modules and 3 imported modules (imports only)

            """)
        #expect(!result.stderr.contains("M001"))
        #expect(result.status == 1)
    }

    @Test("json: one object per line on stdout, with --manifest-path from elsewhere")
    func violationsJSON() throws {
        let result = try AmpuProcess.run(["check", "--message-format", "json", "--manifest-path", examples + "/violations/asthra.toml"],
                                         environment: plain, directory: "/")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines[3] == #"{"file":"src/main.asthra","line":5,"column":8,"endLine":5,"endColumn":22,"severity":"error","code":"I002","message":"unknown import path 'stdlb/string'","notes":["an import path starts with 'stdlib/', 'std/', 'internal/', 'system/', a domain ('github.com/user/pkg'), './' or '../', or names a module of the project root or the standard library"],"help":["did you mean 'stdlib/string'?"],"related":[],"fix":{"title":"Change the import to 'stdlib/string'","edits":[{"file":"src/main.asthra","line":5,"column":9,"endLine":5,"endColumn":21,"newText":"stdlib/string"}],"certain":false}}"#)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys).isSuperset(of: ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"]))
        }
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    @Test("human output: rustc-style snippets, related places and help, then a summary")
    func human() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n")
        try dir.write("src/a.asthra", "package main;\nimport \"./b\";\nimport \"./b\";\n")
        try dir.write("src/b.asthra", "package main;\nimport \"./a\";\n")
        let result = try AmpuProcess.run(["check"], environment: plain, directory: dir.path + "/src")
        #expect(result.stderr == """
            error[I008]: import cycle: src/a.asthra → src/b.asthra → src/a.asthra
             --> src/a.asthra:2:8
              |
            2 | import "./b";
              |        ^^^^^
             ::: src/b.asthra:2:8: 'src/b.asthra' imports './a' here
              |
              = help: move what these modules share into a module that imports none of them, or remove one of the imports

            warning[I010]: './b' is imported twice
             --> src/a.asthra:3:8
              |
            2 | import "./b";
              |        ----- first imported here
            3 | import "./b";
              |        ^^^^^
              |
              = help: remove the second import

            error: check failed: 1 error, 1 warning in 1 package, 2 modules

            """)
        #expect(result.status == 1)
    }

    @Test("no manifest, a manifest that is not TOML, invalid UTF-8: clear errors, never a crash")
    func badInput() throws {
        let dir = try ScratchDirectory()
        // Every command that needs a manifest says so alike.
        for command in [["check"], ["build"], ["tree"], ["update"], ["add", "json"], ["remove", "json"], ["why", "json"], ["clean"]] {
            let none = try AmpuProcess.run(command, environment: plain, directory: dir.path)
            #expect(none.stderr == """
                error[F001]: could not find 'asthra.toml', 'Asthra.toml', 'Oats.toml', 'elm.json', 'build.abc', 'rask.build' or 'build.rk' in '\(dir.path)' or any parent directory
                  = help: run `ampu init` to make this directory a package, or pass --manifest-path


                """, "\(command)")
            #expect(none.status == 1, "\(command)")
        }
        // About no file: in JSON, `"file": null` and no position.
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: plain, directory: dir.path)
        #expect(json.stdout == #"{"file":null,"severity":"error","code":"F001","message":"could not find 'asthra.toml', 'Asthra.toml', 'Oats.toml', 'elm.json', 'build.abc', 'rask.build' or 'build.rk' in '\#(dir.path)' or any parent directory","help":["run `ampu init` to make this directory a package, or pass --manifest-path"],"related":[]}"# + "\n")

        try dir.write("asthra.toml", "this is not toml\n")
        try dir.write("src/main.asthra", "package main;\n")
        let notTOML = try AmpuProcess.run(["check", "--message-format", "short"], environment: plain, directory: dir.path)
        #expect(notTOML.stderr == """
            asthra.toml:1:6: error[T002]: expected '=' after key 'this', found 'is'
            error: check failed: 1 error, 0 warnings in 0 packages, 0 modules

            """)
        #expect(notTOML.status == 1)

        try dir.write("asthra.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n")
        try Data([0x70, 0x61, 0x63, 0x6B, 0x61, 0x67, 0x65, 0x20, 0xFF, 0x3B, 0x0A]).write(to: URL(fileURLWithPath: dir.path + "/src/bad.asthra"))
        let badUTF8 = try AmpuProcess.run(["check", "--message-format", "short"], environment: plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }, directory: dir.path)
        #expect(badUTF8.stderr == """
            src/bad.asthra:1:9: error[F003]: the file is not valid UTF-8 (byte 0xFF at offset 8)
            error: check failed: 1 error, 0 warnings in 1 package, 2 modules

            """)
        #expect(badUTF8.status == 1)

        let missing = try AmpuProcess.run(["check", "--manifest-path", "nowhere/asthra.toml"], environment: plain, directory: dir.path)
        #expect(missing.stderr.hasPrefix("error[F002]: cannot read the manifest: '\(dir.path)/nowhere/asthra.toml' does not exist\n"))
        #expect(missing.status == 1)
    }

    @Test("a FIFO named like a source is skipped with a warning, not read (which would wait forever)")
    func fifo() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n")
        try dir.write("src/main.asthra", "package main;\n")
        #expect(mkfifo(dir.path + "/src/pipe.asthra", 0o644) == 0)
        let result = try AmpuProcess.run(["check", "--message-format", "short"],
                                         environment: plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }, directory: dir.path)
        #expect(result.stderr == """
            src/pipe.asthra: warning[W005]: 'pipe.asthra' is not a regular file (a FIFO, socket or device); it is skipped
            Checked 1 package, 1 module: 1 warning

            """)
        #expect(result.status == 0)
    }

    @Test("a source whose name is not UTF-8 is named as such, not as a file that does not exist")
    func nameNotUTF8() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n")
        try dir.write("src/main.asthra", "package main;\n")
        // src/bad\xFF.asthra: no String holds the name.
        let name = Array((dir.path + "/src/bad").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF)] + Array(".asthra".utf8CString)
        let fd = open(name, O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        close(fd)
        let result = try AmpuProcess.run(["check"], environment: plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }, directory: dir.path)
        #expect(result.stderr == """
            error[F002]: cannot read file: its name is not UTF-8 (a byte that is not is shown as \u{FFFD})
             --> src/bad\u{FFFD}.asthra
              = help: the file is skipped; rename it to a name in UTF-8

            error: check failed: 1 error, 0 warnings in 1 package, 1 module

            """)
        #expect(result.status == 1)
    }

    @Test("a problem of the environment (ASTHRA_HOME without stdlib/) is shown with no place in a file, in every format")
    func environmentProblem() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n")
        try dir.write("app/src/main.asthra", "package main;\n")
        try dir.write("home/README", "no stdlib here\n")
        let env = plain.merging(["ASTHRA_HOME": dir.path + "/home"]) { $1 }
        let message = "ASTHRA_HOME is '\(dir.path)/home', but it has no 'stdlib' directory; 'stdlib/…' imports are not checked"
        let human = try AmpuProcess.run(["check"], environment: env, directory: dir.path + "/app")
        #expect(human.stderr == """
            warning[I009]: \(message)
              = help: set ASTHRA_HOME to the directory holding stdlib/ and internal/

            Checked 1 package, 1 module: 1 warning

            """)
        let short = try AmpuProcess.run(["check", "--message-format", "short"], environment: env, directory: dir.path + "/app")
        #expect(short.stderr == "warning[I009]: \(message)\nChecked 1 package, 1 module: 1 warning\n")
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: env, directory: dir.path + "/app")
        #expect(json.stdout == #"{"file":"asthra.toml","severity":"warning","code":"I009","message":"\#(message)","help":["set ASTHRA_HOME to the directory holding stdlib/ and internal/"],"related":[]}"# + "\n")
    }

    @Test("an asthra.toml that is a directory is named as such")
    func manifestDirectory() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml/x", "")
        let result = try AmpuProcess.run(["check"], environment: plain, directory: dir.path)
        #expect(result.stderr == """
            error[F002]: cannot read the manifest: '\(dir.path)/asthra.toml' is a directory, expected a file
             --> \(dir.path)/asthra.toml
              = help: a manifest must be a regular file: rename or remove '\(dir.path)/asthra.toml'


            """)
        #expect(result.status == 1)
    }

    @Test("a diagnostic on a very long line shows the stretch around it")
    func longLine() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n")
        try dir.write("src/main.asthra", "package main; /*" + String(repeating: "x ", count: 500) + "*/ import \"nowhere/x\"; //" + String(repeating: "y ", count: 500) + "\n")
        let result = try AmpuProcess.run(["check"], environment: plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }, directory: dir.path)
        #expect(result.stderr == """
            error[I002]: unknown import path 'nowhere/x'
             --> src/main.asthra:1:1027
              |
            1 | ...x x x x x x x x x x x x x x x */ import "nowhere/x"; //y y y y y y y y y y y y y y y y y y ...
              |                                            ^^^^^^^^^^^
              |
              = note: an import path starts with 'stdlib/', 'std/', 'internal/', 'system/', a domain ('github.com/user/pkg'), './' or '../', or names a module of the project root or the standard library

            error: check failed: 1 error, 0 warnings in 1 package, 1 module

            """)
        #expect(result.status == 1)
    }

    @Test("new and init make packages that pass check")
    func scaffolding() throws {
        let dir = try ScratchDirectory()
        let home = ["ASTHRA_HOME": examples + "/asthra-home"]
        let created = try AmpuProcess.run(["new", "demo"], environment: plain, directory: dir.path)
        #expect(created.stderr == "Created program package 'demo' in \(dir.path)/demo\n")
        #expect(try dir.read("demo/asthra.toml") == "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nasthra_version = \"1.0\"\n\n[dependencies]\n")
        #expect(try dir.read("demo/src/main.asthra").hasPrefix("package main;\n"))
        let checked = try AmpuProcess.run(["check"], environment: plain.merging(home) { $1 }, directory: dir.path + "/demo")
        #expect(checked.stderr == "Checked 1 package, 1 module: no problems\n")
        #expect(checked.status == 0)

        let again = try AmpuProcess.run(["new", "demo"], environment: plain, directory: dir.path)
        #expect(again.stderr == "error: destination '\(dir.path)/demo' already exists\n  = help: use `ampu init` inside it to make it a package, or choose another name\n")
        #expect(again.status == 1)

        try dir.write("my lib/readme.txt", "")
        let badName = try AmpuProcess.run(["init", "--lib"], environment: plain, directory: dir.path + "/my lib")
        #expect(badName.stderr == "error: invalid package name 'my lib': ' ' is not allowed in a package name; try 'my_lib'\n  = help: pass a valid name with --name, or rename the directory\n")
        #expect(badName.status == 1)
        let named = try AmpuProcess.run(["init", "--lib", "--name", "my_lib"], environment: plain, directory: dir.path + "/my lib")
        #expect(named.status == 0)
        #expect(try dir.read("my lib/src/lib.asthra") == "package my_lib;\n\npub fn answer(none) -> i32 {\n    return 42;\n}\n")
        let libChecked = try AmpuProcess.run(["check"], environment: plain.merging(home) { $1 }, directory: dir.path + "/my lib")
        #expect(libChecked.stderr == "Checked 1 package, 1 module: no problems\n")
        let twice = try AmpuProcess.run(["init"], environment: plain, directory: dir.path + "/my lib")
        #expect(twice.stderr == "error: '\(dir.path)/my lib/asthra.toml' already exists; ampu will not overwrite it\n")
    }

    @Test("init in a directory with sources keeps them, as cargo init does; a library's source alone makes a library")
    func initKeepsSources() throws {
        let dir = try ScratchDirectory()
        let main = "package main;\n\npub fn main(none) -> void {}\n"
        try dir.write("tool/src/main.asthra", main)
        try dir.write("tool/.gitignore", "/build/\n")
        let tool = try AmpuProcess.run(["init", "--vcs", "none"], environment: plain, directory: dir.path + "/tool")
        #expect(tool.stderr == "Created program package 'tool' in \(dir.path)/tool\n")
        #expect(try dir.read("tool/src/main.asthra") == main)
        #expect(try dir.read("tool/.gitignore") == "/build/\n")
        #expect(try dir.read("tool/asthra.toml") == "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nasthra_version = \"1.0\"\n\n[dependencies]\n")
        try dir.write("parser/src/lib.asthra", "package parser;\n")
        let parser = try AmpuProcess.run(["init", "--vcs", "none"], environment: plain, directory: dir.path + "/parser")
        #expect(parser.stderr == "Created library package 'parser' in \(dir.path)/parser\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/parser/src") == ["lib.asthra"])
        #expect(try dir.read("parser/src/lib.asthra") == "package parser;\n")
    }

    @Test("a package made inside a workspace joins its members, as Cargo does; a path names the directory; exclude is respected; the workspace then checks")
    func newInWorkspace() throws {
        let dir = try ScratchDirectory()
        try dir.write("ws/asthra.toml", "[workspace]\nmembers = [\n    \"app\",  # the program\n]\nexclude = [\"old\"]\n")
        let ws = dir.path + "/ws"
        let app = try AmpuProcess.run(["new", "app"], environment: plain, directory: ws)
        #expect(app.stderr == "Created program package 'app' in \(ws)/app\n")
        let util = try AmpuProcess.run(["new", "libs/util", "--lib"], environment: plain, directory: ws)
        #expect(util.stderr == "Created library package 'util' in \(ws)/libs/util\nAdded 'libs/util' to the members of the workspace at \(ws)\n")
        #expect(try dir.read("ws/libs/util/asthra.toml").hasPrefix("[package]\nname = \"util\"\n"))
        let old = try AmpuProcess.run(["new", "old"], environment: plain, directory: ws)
        #expect(old.stderr == "Created program package 'old' in \(ws)/old\n")
        try dir.write("ws/tools/readme.txt", "")
        let tools = try AmpuProcess.run(["init", "--name", "tools"], environment: plain, directory: ws + "/tools")
        #expect(tools.stderr == "Created program package 'tools' in \(ws)/tools\nAdded 'tools' to the members of the workspace at \(ws)\n")
        #expect(try dir.read("ws/asthra.toml") == "[workspace]\nmembers = [\n    \"app\",  # the program\n    \"libs/util\",\n    \"tools\",\n]\nexclude = [\"old\"]\n")
        let checked = try AmpuProcess.run(["check"], environment: plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }, directory: ws)
        #expect(checked.stderr == "Checked 3 packages, 3 modules: no problems\n")

        // A root manifest ampu cannot edit: the package is made, and the warning says what to add.
        try dir.write("broken/asthra.toml", "[workspace]\nmembers = [\"a\"\n")
        let broken = try AmpuProcess.run(["new", "b"], environment: plain, directory: dir.path + "/broken")
        #expect(broken.stderr == """
            Created program package 'b' in \(dir.path)/broken/b
            warning: 'b' is not a member of the workspace at \(dir.path)/broken, whose manifest ampu cannot edit
              = help: add "b" to the workspace's members in \(dir.path)/broken/asthra.toml

            """)
        #expect(broken.status == 0)
    }

    @Test("build settings in a workspace member are said to go unused (M028), at the first of them, as Cargo warns of a member's profiles; the root's are not")
    func memberBuildSettings() throws {
        let dir = try ScratchDirectory()
        try dir.write("ws/asthra.toml", "[workspace]\nmembers = [\"app\"]\n\n[profile.release]\nopt_level = 2\n")
        try dir.write("ws/app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[build]\ntimeout = 60\n\n[profile.debug]\nopt_level = 3\n")
        let home = plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }
        let result = try AmpuProcess.run(["check"], environment: home, directory: dir.path + "/ws")
        #expect(result.stderr == """
            warning[M028]: build settings in a workspace member are not used: every build takes those of the workspace root
             --> app/asthra.toml:6:1
              |
            6 | timeout = 60
              | ^^^^^^^ not used
              |
              = note: the root is ../asthra.toml; its build settings apply to every member, as Cargo takes only the root's profiles
              = help: move them to ../asthra.toml, or remove them here

            Checked 1 package, 0 modules: 1 warning

            """)
        #expect(result.status == 0)
    }

    @Test("a package made by hand inside a workspace that does not list it: M024 on its [package], the workspace beside it, the fix as data")
    func outsideWorkspace() throws {
        let dir = try ScratchDirectory()
        try dir.write("ws/asthra.toml", "[workspace]\nmembers = [\"app\"]\n")
        try dir.write("ws/app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n")
        try dir.write("ws/stray/asthra.toml", "[package]\nname = \"stray\"\nversion = \"0.1.0\"\n")
        let home = plain.merging(["ASTHRA_HOME": examples + "/asthra-home"]) { $1 }
        let result = try AmpuProcess.run(["check"], environment: home, directory: dir.path + "/ws/stray")
        #expect(result.stderr == """
            warning[M024]: package 'stray' is inside the workspace at '..' but is not one of its members
             --> asthra.toml:1:2
              |
            1 | [package]
              |  ^^^^^^^ checked and built on its own
             ::: ../asthra.toml:1:2: the workspace
              |
              = note: ../asthra.toml names its members; this package gets a lock file and a target/ of its own
              = help: add "stray" to its `members`, or to its `exclude` to say it stays out

            Checked 1 package, 0 modules: 1 warning

            """)
        #expect(result.status == 0)
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: home, directory: dir.path + "/ws/stray")
        #expect(json.stdout.contains(#""fix":{"title":"Add 'stray' to the workspace's members","edits":[{"file":"\#(dir.path)/ws/asthra.toml","line":2,"column":17,"endLine":2,"endColumn":17,"newText":", \"stray\""}],"certain":false}"#))
        // Excluded, it stays out without a word.
        try dir.write("ws/asthra.toml", "[workspace]\nmembers = [\"app\"]\nexclude = [\"stray\"]\n")
        #expect(try AmpuProcess.run(["check"], environment: home, directory: dir.path + "/ws/stray").stderr == "Checked 1 package, 0 modules: no problems\n")
    }

    @Test("new and init make a git repository for the package, as cargo new does: not inside one already, not with --vcs none")
    func newRepository() throws {
        let dir = try ScratchDirectory()
        func isRepository(_ relative: String) -> Bool { FileManager.default.isDirectory(dir.path + "/" + relative + "/.git") }
        #expect(try AmpuProcess.run(["new", "app"], environment: plain, directory: dir.path).status == 0)
        #expect(isRepository("app"))
        let status = try AmpuProcess.run(["new", "inner"], environment: plain, directory: dir.path + "/app")
        #expect(status.stderr == "Created program package 'inner' in \(dir.path)/app/inner\n")
        #expect(!isRepository("app/inner"))  // inside app's repository already
        #expect(try AmpuProcess.run(["new", "plain", "--vcs", "none"], environment: plain, directory: dir.path).status == 0)
        #expect(!isRepository("plain"))
        try dir.write("later/readme.txt", "")
        #expect(try AmpuProcess.run(["init"], environment: plain, directory: dir.path + "/later").status == 0)
        #expect(isRepository("later"))
        // What git sees of the new package: the template's files; target/ and the
        // compile_commands.json a build writes ignored.
        try dir.write("app/target/debug/app", "")
        try dir.write("app/compile_commands.json", "[]\n")
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        git.arguments = ["-C", dir.path + "/app", "status", "--porcelain", "--untracked-files=all"]
        let pipe = Pipe()
        git.standardOutput = pipe
        try git.run()
        git.waitUntilExit()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == """
            ?? .gitignore
            ?? asthra.toml
            ?? inner/.gitignore
            ?? inner/asthra.toml
            ?? inner/src/main.asthra
            ?? src/main.asthra

            """)
    }

    @Test("the language of a new package is chosen by name; an unknown one is refused")
    func languages() throws {
        let dir = try ScratchDirectory()
        let asthra = try AmpuProcess.run(["new", "demo", "--lang", "Asthra"], environment: plain, directory: dir.path)
        #expect(asthra.stderr == "Created program package 'demo' in \(dir.path)/demo\n")
        #expect(try dir.read("demo/asthra.toml").hasPrefix("[package]\nname = \"demo\"\n"))
        let unknown = try AmpuProcess.run(["init", "--lang", "cobol"], environment: plain, directory: dir.path)
        #expect(unknown.stderr == "error: unknown language 'cobol'\n  = help: ampu makes packages for 'asthra', 'oats', 'elm', 'aria', 'rask'\n")
        #expect(unknown.status == 1)
    }

    @Test("--manifest-path naming no ecosystem's manifest is refused with the names ampu reads")
    func unknownManifest() throws {
        let dir = try ScratchDirectory()
        try dir.write("package.json", "{}")
        let result = try AmpuProcess.run(["check", "--manifest-path", "package.json", "--message-format", "short"], environment: plain, directory: dir.path)
        #expect(result.stderr == "\(dir.path)/package.json: error[F001]: 'package.json' is not a manifest ampu reads ('\(dir.path)/package.json')\n")
        #expect(result.status == 1)
        let full = try AmpuProcess.run(["check", "--manifest-path", "package.json"], environment: plain, directory: dir.path)
        #expect(full.stderr == """
            error[F001]: 'package.json' is not a manifest ampu reads ('\(dir.path)/package.json')
             --> \(dir.path)/package.json
              = help: ampu reads manifests named 'asthra.toml', 'Asthra.toml', 'Oats.toml', 'elm.json', 'build.abc', 'rask.build' or 'build.rk'


            """)
    }
}
