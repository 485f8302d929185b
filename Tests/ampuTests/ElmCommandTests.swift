import Foundation
import Testing
import TestSupport
import BuildModel

/// `ampu elm plan|check` and `ampu build` on Elm projects, with the real `elm` 0.19.1 and a copy of
/// the offline package cache in ../shared/elm-home (skipped, saying so, without them).
@Suite("ampu elm and build for Elm", .serialized)
struct ElmCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/elm").path
    static let elmHome = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/elm-home").path

    struct Project {
        let scratch: ScratchDirectory
        var app: String { scratch.path + "/app" }
        var home: String { scratch.path + "/elm-home" }
        var environment: [String: String] {
            plain.merging(["ELM_HOME": home, "HOME": scratch.path, "https_proxy": "http://127.0.0.1:9"]) { _, new in new }
        }
    }

    /// A copy of a fixture as `app/`, beside a copy of the package cache (elm writes into both).
    func project(_ fixture: String, needsElm: Bool = false) throws -> Project? {
        guard FileManager.default.fileExists(atPath: Self.elmHome) else {
            print("skipped: ../shared/elm-home is not here")
            return nil
        }
        if needsElm && !FileManager.default.isExecutableFile(atPath: "/usr/bin/elm") {
            print("skipped: elm is not installed (scripts/install-deps installs elm-compiler)")
            return nil
        }
        let project = Project(scratch: try ScratchDirectory())
        try FileManager.default.copyItem(atPath: Self.elmHome, toPath: project.home)
        try FileManager.default.copyItem(atPath: Self.fixtures + "/" + fixture, toPath: project.app)
        return project
    }

    @Test("the plan of the fixture application, whole")
    func plan() throws {
        guard let p = try project("app") else { return }
        let result = try AmpuProcess.run(["elm", "plan", "src/Main.elm"], environment: p.environment, directory: p.app)
        #expect(result.stderr == "Planned elm.json: no errors\n")
        #expect(result.status == 0)
        let packages = p.home + "/0.19.1/packages"
        #expect(result.stdout == """
            {
              "root": "\(p.app)",
              "srcDirs": ["src", "lib"],
              "useCached": false,
              "roots": ["Main"],
              "foreignModules": [
                {"name": "Basics", "package": "elm/core"},
                {"name": "Browser", "package": "elm/browser"},
                {"name": "Char", "package": "elm/core"},
                {"name": "Debug", "package": "elm/core"},
                {"name": "Html", "package": "elm/html"},
                {"name": "Html.Events", "package": "elm/html"},
                {"name": "Json.Encode", "package": "elm/json"},
                {"name": "List", "package": "elm/core"},
                {"name": "Maybe", "package": "elm/core"},
                {"name": "Platform", "package": "elm/core"},
                {"name": "Platform.Cmd", "package": "elm/core"},
                {"name": "Platform.Sub", "package": "elm/core"},
                {"name": "Result", "package": "elm/core"},
                {"name": "String", "package": "elm/core"},
                {"name": "Tuple", "package": "elm/core"}
              ],
              "packageBuildOrder": [
                {"name": "elm/core", "version": "1.0.5", "path": "\(packages)/elm/core/1.0.5/src", "deps": []},
                {"name": "elm/json", "version": "1.1.3", "path": "\(packages)/elm/json/1.1.3/src", "deps": ["elm/core"]},
                {"name": "elm/time", "version": "1.0.0", "path": "\(packages)/elm/time/1.0.0/src", "deps": ["elm/core"]},
                {"name": "elm/url", "version": "1.0.0", "path": "\(packages)/elm/url/1.0.0/src", "deps": ["elm/core"]},
                {"name": "elm/virtual-dom", "version": "1.0.3", "path": "\(packages)/elm/virtual-dom/1.0.3/src", "deps": ["elm/core", "elm/json"]},
                {"name": "elm/html", "version": "1.0.0", "path": "\(packages)/elm/html/1.0.0/src", "deps": ["elm/core", "elm/json", "elm/virtual-dom"]},
                {"name": "elm/browser", "version": "1.0.2", "path": "\(packages)/elm/browser/1.0.2/src", "deps": ["elm/core", "elm/html", "elm/json", "elm/time", "elm/url", "elm/virtual-dom"]}
              ],
              "buildOrder": [
                {"name": "Shared", "path": "\(p.app)/lib/Shared.elm", "deps": [], "hasMain": false, "cached": false},
                {"name": "Utils", "path": "\(p.app)/src/Utils.elm", "deps": [], "hasMain": false, "cached": false},
                {"name": "Page.About", "path": "\(p.app)/src/Page/About.elm", "deps": ["Utils"], "hasMain": false, "cached": false},
                {"name": "Page.Home", "path": "\(p.app)/src/Page/Home.elm", "deps": ["Shared", "Utils"], "hasMain": false, "cached": false},
                {"name": "Main", "path": "\(p.app)/src/Main.elm", "deps": ["Page.About", "Page.Home", "Shared"], "hasMain": true, "cached": false}
              ],
              "parallelBatches": [
                {"level": 0, "count": 2, "modules": ["Shared", "Utils"]},
                {"level": 1, "count": 2, "modules": ["Page.About", "Page.Home"]},
                {"level": 2, "count": 1, "modules": ["Main"]}
              ],
              "problems": [],
              "totalPackages": 7,
              "totalModules": 5,
              "modulesToBuild": 5,
              "parallelLevels": 3
            }

            """)
    }

    @Test("check -y runs the real elm make; its d.dat records the plan's module graph; --use-cached then sees what changed")
    func buildWithElm() throws {
        guard let p = try project("app", needsElm: true) else { return }
        let check = try AmpuProcess.run(["elm", "check", "-y", "-q", "src/Main.elm"], environment: p.environment, directory: p.app)
        #expect(check.stdout.hasPrefix("""
            ---- Build Plan --------------------------------------------------

            Build plan for: `src/Main.elm`

              Build 7 packages that are not built yet:
                  elm/core 1.0.5
                  elm/json 1.1.3
                  elm/time 1.0.0
                  elm/url 1.0.0
                  elm/virtual-dom 1.0.3
                  elm/html 1.0.0
                  elm/browser 1.0.2

              Build 5 modules from the source paths:
                 lib : 1 module
                 src : 4 modules


            """))
        #expect(check.stdout.contains("Success! Compiled 5 modules."), "elm said: \(check.stdout)\(check.stderr)")
        #expect(check.stderr == "")
        #expect(check.status == 0, "elm said: \(check.stdout)\(check.stderr)")

        // elm 0.19.1's first build writes d.dat twice: the details it made from elm.json, with no
        // local modules, are written in the background and can land after the build's own record.
        // A second make reads those details again instead of making them, so its record is whole.
        let second = try AmpuProcess.run(["elm", "check", "-y", "-q", "src/Main.elm"], environment: p.environment, directory: p.app)
        #expect(second.stdout.contains("Success!"), "elm said: \(second.stdout)\(second.stderr)")
        #expect(second.status == 0)

        // The module graph elm recorded is the plan's.
        let details = try #require(ElmBuildDetails.read(p.app + "/elm-stuff/0.19.1/d.dat", fileSystem: LocalFileSystem()))
        #expect(details.sourceDirectories == ["src", "lib"])
        var recorded: [String: [String]] = [:]
        for (name, local) in details.locals { recorded[name] = local.imports.filter { details.locals[$0] != nil }.sorted() }
        let planned = try AmpuProcess.run(["elm", "plan", "-q", "--use-cached", "src/Main.elm"], environment: p.environment, directory: p.app)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(planned.stdout.utf8)) as? [String: Any])
        let order = try #require(json["buildOrder"] as? [[String: Any]])
        var fromPlan: [String: [String]] = [:]
        for m in order { fromPlan[m["name"] as! String] = (m["deps"] as! [String]).sorted() }
        #expect(fromPlan == recorded)
        #expect(Set(order.map { $0["hasMain"] as! Bool == true ? $0["name"] as! String : "" }) == Set(details.locals.filter(\.value.hasMain).map(\.key) + [""]))
        #expect(json["modulesToBuild"] as? Int == 0, "the plan after the build: \(planned.stdout)")

        // Utils changes: it and what imports it, directly or not, are to build again.
        Thread.sleep(forTimeInterval: 0.01)
        try (try String(contentsOfFile: p.app + "/src/Utils.elm", encoding: .utf8) + "\n").write(toFile: p.app + "/src/Utils.elm", atomically: false, encoding: .utf8)
        let again = try AmpuProcess.run(["elm", "check", "-n", "-q", "src/Main.elm"], environment: p.environment, directory: p.app)
        #expect(again.stdout == """
            ---- Build Plan --------------------------------------------------

            Build plan for: `src/Main.elm`

              Include cached data for 7 already built packages.

              Reuse 1 module compiled before.

              Build 4 modules from the source paths:
                 src : 4 modules


            """)
        #expect(again.status == 0)
    }

    @Test("check asks; no builds nothing, and end of input is no")
    func prompt() throws {
        guard let p = try project("app") else { return }
        for answer in ["n\n", ""] {
            let result = try AmpuProcess.run(["elm", "check", "-q", "src/Main.elm"], stdin: answer, environment: p.environment, directory: p.app)
            #expect(result.stdout.hasSuffix("  Build 5 modules from the source paths:\n     lib : 1 module\n     src : 4 modules\n\nDo you want to proceed with build? [Y/n] " + (answer.isEmpty ? "\n" : "")))
            #expect(result.status == 0)
        }
        #expect(!FileManager.default.fileExists(atPath: p.app + "/elm-stuff"))
    }

    @Test("ampu build beside an elm.json plans the modules that define main and runs elm make")
    func build() throws {
        guard let p = try project("app", needsElm: true) else { return }
        let result = try AmpuProcess.run(["build"], environment: p.environment, directory: p.app + "/src/Page")
        #expect(result.stdout.hasPrefix("---- Build Plan ----"))
        #expect(result.stdout.contains("Build plan for: `src/Main.elm`\n"))
        // elm's own words when it fails (it has failed, rarely, under a loaded machine).
        #expect(result.stdout.contains("Success! Compiled 5 modules."), "elm said: \(result.stdout)\(result.stderr)")
        // What elm redraws in place on a terminal (`Verifying dependencies (3/7)`, `Compiling
        // (4)`) reaches a pipe as the lines it settles on, with no carriage return left.
        #expect(result.stdout.hasSuffix("\n\nDependencies ready!\nSuccess! Compiled 5 modules.\n\n    Main ───> index.html\n\n"), "\(result.stdout.debugDescription)")
        #expect(!result.stdout.contains("\r"))
        #expect(FileManager.default.fileExists(atPath: p.app + "/index.html"))
        #expect(result.status == 0, "elm said: \(result.stderr)")
    }

    /// elm, with its race over elm-stuff (elm/compiler#2258) on demand: elm fails so only now and
    /// then, so these runs play it. Each run takes the next word of $ELM_RUNS (`race`: elm's
    /// words for the race on standard error, exit 1, its build file left torn; `corrupt`: elm's
    /// words for a torn build file, exit 1; `error`: a compile error, exit 1; `ok`: success) and
    /// appends it to $ELM_LOG, with ` torn` when it found a build file left torn.
    static let racingElm = """
        #!/usr/bin/env python3
        import os, sys
        log = os.environ["ELM_LOG"]
        done = len(open(log).read().splitlines()) if os.path.exists(log) else 0
        word = os.environ["ELM_RUNS"].split(",")[done]
        torn = os.path.exists("elm-stuff/0.19.1/o.dat")
        open(log, "a").write(word + (" torn" if torn else "") + "\\n")
        print("Compiling ...", flush=True)
        if word == "race":
            os.makedirs("elm-stuff/0.19.1", exist_ok=True)
            open("elm-stuff/0.19.1/o.dat", "w").write("torn")
            sys.exit("elm: " + os.getcwd() + "/elm-stuff/0.19.1/d.dat: openBinaryFile: resource busy (file is locked)")
        if word == "corrupt":
            sys.exit("-- CORRUPT CACHE ---------------------------------------------------------------")
        if word == "error":
            sys.exit("-- NAMING ERROR ------------------------------------------------- src/Main.elm")
        print("Success! Compiled 5 modules.")
        """

    @Test("ampu build gives elm a second run, on build files made afresh, when elm fails on its own race over elm-stuff or finds them torn, and says so; not after a compile error, and not a third")
    func raceRunsAgain() throws {
        guard let p = try project("app") else { return }
        try p.scratch.write("elm", Self.racingElm)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: p.scratch.path + "/elm")
        let log = p.scratch.path + "/runs"
        let summary = try AmpuProcess.run(["build", "--plan"], environment: p.environment, directory: p.app).stdout
        let race = "elm: \(p.app)/elm-stuff/0.19.1/d.dat: openBinaryFile: resource busy (file is locked)\n"
        let note = "note: elm stopped on its own race over its files in elm-stuff (elm/compiler#2258): removing elm-stuff/0.19.1, which it may have left torn, and running it again\n"
        let tornNote = "note: elm found its files in elm-stuff torn (a run stopped while writing them, elm/compiler#2081): removing elm-stuff/0.19.1 and running it again, as elm advises\n"
        let torn = p.app + "/elm-stuff/0.19.1/o.dat"
        for (runs, tornBefore, status, stdout, stderr, logged) in [
            // The race is said in the note alone; elm's own words for it only when the second run has them too.
            ("race,ok", false, Int32(0), "Compiling ...\nCompiling ...\nSuccess! Compiled 5 modules.\n", note, "race\nok\n"),
            ("race,race", false, 1, "Compiling ...\nCompiling ...\n", note + race, "race\nrace\n"),
            // A file a stopped run tore: removed, and elm runs on build files made afresh.
            ("corrupt,ok", true, 0, "Compiling ...\nCompiling ...\nSuccess! Compiled 5 modules.\n", tornNote, "corrupt torn\nok\n"),
            ("error", false, 1, "Compiling ...\n", "-- NAMING ERROR ------------------------------------------------- src/Main.elm\n", "error\n"),
        ] {
            try? FileManager.default.removeItem(atPath: log)
            try? FileManager.default.removeItem(atPath: p.app + "/elm-stuff")
            if tornBefore {
                try FileManager.default.createDirectory(atPath: p.app + "/elm-stuff/0.19.1", withIntermediateDirectories: true)
                try "torn".write(toFile: torn, atomically: false, encoding: .utf8)
            }
            let env = p.environment.merging(["ELM": p.scratch.path + "/elm", "ELM_RUNS": runs, "ELM_LOG": log]) { $1 }
            let result = try AmpuProcess.run(["build"], environment: env, directory: p.app)
            #expect(result.stdout == summary + stdout, "runs: \(runs)")
            #expect(result.stderr == "Planned elm.json: no errors\n" + stderr, "runs: \(runs)")
            #expect(result.status == status, "runs: \(runs)")
            #expect(try String(contentsOfFile: log, encoding: .utf8) == logged, "runs: \(runs)")
        }
    }

    @Test("run, test, compile-commands and gen ninja say that they do not apply to Elm, and what does")
    func notApplicable() throws {
        guard let p = try project("app") else { return }
        for command in [["run"], ["test"], ["compile-commands"], ["gen", "ninja"]] {
            let result = try AmpuProcess.run(command, environment: p.environment, directory: p.app)
            #expect(result.stderr == """
                error: this command does not apply to Elm: its compiler builds the whole program, and `ampu build` runs it
                  = help: use `ampu build` (and `ampu check`); ampu has no run, test, compile-commands or build.ninja for Elm


                """, "\(command)")
            #expect(result.status == 1, "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: p.app + "/compile_commands.json"))
        #expect(!FileManager.default.fileExists(atPath: p.app + "/build.ninja"))
    }

    @Test("every kind of problem, in the plan for people; exit 1 even with -n")
    func problems() throws {
        guard let p = try project("problems") else { return }
        let result = try AmpuProcess.run(["elm", "check", "-n", "src/Main.elm"], environment: p.environment, directory: p.app)
        #expect(result.stdout == """
            ---- Build Plan --------------------------------------------------

            Build plan for: `src/Main.elm`

              PROBLEMS DETECTED:
                - elm.json: source directory 'vendor' does not exist (elm.json:6:9)
                    help: create it, or correct or remove the entry
                - Main: module Html.Attributes is ambiguous: 2 places provide it (src/Main.elm:5:8)
                    help: rename the local module, or remove the dependency that also exposes it
                - Main: module Json.Decode is from elm/json, which is not a direct dependency (src/Main.elm:6:8)
                    help: move "elm/json": "1.1.3" from "indirect" to "direct" in elm.json (`elm install elm/json` does it)
                - Main: module Shared is ambiguous: 2 places provide it (src/Main.elm:8:8)
                    help: rename or remove all but one of the files, or take the extra source directory out of elm.json
                - Main: module Utils not found (src/Main.elm:9:8)
                    help: did you mean Util?
                    help: create src/Utils.elm, or add the package that provides it to elm.json
                - Page.Home: module name 'Page.Homepage' does not match the file src/Page/Home.elm (src/Page/Home.elm:1:8)
                    help: declare `module Page.Home`, or move the file to src/Page/Homepage.elm
                - Shared: module Shared is in 2 source directories (src/Shared.elm:1:8)
                    help: rename or remove all but one of the files, or take the extra source directory out of elm.json
                - Cycle.A: import cycle: src/Cycle/A.elm → src/Cycle/B.elm → src/Cycle/A.elm (src/Cycle/A.elm:3:8)
                    help: move what these modules share into a module that imports none of them, or remove one of the imports

              Build 7 packages that are not built yet:
                  elm/core 1.0.5
                  elm/json 1.1.3
                  elm/time 1.0.0
                  elm/url 1.0.0
                  elm/virtual-dom 1.0.3
                  elm/html 1.0.0
                  elm/browser 1.0.2

              Build 6 modules from the source paths:
                 lib : 1 module
                 src : 5 modules

            Cannot proceed with build due to problems above.

            """)
        #expect(result.stderr == "Planned elm.json: 8 errors\n")
        #expect(result.status == 1)

        // The two places an ambiguous import names.
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: p.environment, directory: p.app)
        #expect(json.stdout.contains(#""notes":["provided by lib/Html/Attributes.elm","provided by the package elm/html 1.0.0"]"#))

        let broken = try AmpuProcess.run(["elm", "plan", "-q", "src/Broken.elm"], environment: p.environment, directory: p.app)
        #expect(broken.stdout.contains("""
            {"module": "Broken", "code": "E010", "severity": "error", "file": "\(p.app)/src/Broken.elm", "range": {"start": {"line": 1, "column": 1}, "end": {"line": 1, "column": 1}}, "message": "entry file src/Broken.elm cannot be read: it has no module declaration", "help": ["start it with `module Broken exposing (main)`"]},
            """))
        #expect(broken.status == 1)

        let missing = try AmpuProcess.run(["elm", "plan", "-q", "src/Nope.elm"], environment: p.environment, directory: p.app)
        #expect(missing.stdout.contains("""
                {"module": null, "code": "E010", "severity": "error", "file": "\(p.app)/src/Nope.elm", "range": null, "message": "entry file src/Nope.elm not found", "help": ["give the path of a .elm file, relative to the current directory"]}
              ]
            """))
        #expect(missing.status == 1)
    }

    @Test("check reports the same problems, each at its import, with the fix for an indirect dependency")
    func check() throws {
        guard let p = try project("problems") else { return }
        let result = try AmpuProcess.run(["check", "--message-format", "short"], environment: p.environment, directory: p.app)
        #expect(result.stderr == """
            elm.json:6:9: error[E001]: source directory 'vendor' does not exist
            lib/Shared.elm:1:8: error[E008]: module Shared is in 2 source directories
            src/Broken.elm:2:1: error[I001]: expected a module name after 'import'
            src/Cycle/A.elm:3:8: error[I008]: import cycle: src/Cycle/A.elm → src/Cycle/B.elm → src/Cycle/A.elm
            src/Main.elm:5:8: error[E008]: module Html.Attributes is ambiguous: 2 places provide it
            src/Main.elm:6:8: error[I004]: module Json.Decode is from elm/json, which is not a direct dependency
            src/Main.elm:8:8: error[E008]: module Shared is ambiguous: 2 places provide it
            src/Main.elm:9:8: error[I003]: module Utils not found
            src/Page/Home.elm:1:8: error[E009]: module name 'Page.Homepage' does not match the file src/Page/Home.elm
            src/Shared.elm:1:8: error[E008]: module Shared is in 2 source directories
            error: check failed: 10 errors, 0 warnings in 1 package, 9 modules

            """)
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: p.environment, directory: p.app)
        let indirect = try #require(json.stdout.split(separator: "\n").first { $0.contains("\"I004\"") })
        // Moving elm/json: inserted among "direct" in key order, removed from "indirect" with its line.
        #expect(indirect.contains(#""newText":",\n            \"elm/json\": \"1.1.3\"""#))
        #expect(result.status == 1)
    }

    @Test("add and remove edit an application's elm.json as elm install does: direct and indirect solved again from the package cache, the versions there kept; the real elm builds it")
    func addAndRemove() throws {
        guard let p = try project("app", needsElm: true) else { return }
        let added = try AmpuProcess.run(["add", "elm/http"], environment: p.environment, directory: p.app)
        #expect(added.stderr == """
                Adding "elm/http": "2.0.0" to "dependencies" "direct"
                Adding "elm/bytes": "1.0.8" to "dependencies" "indirect"
                Adding "elm/file": "1.0.5" to "dependencies" "indirect"

            """)
        #expect(added.status == 0)
        #expect(try String(contentsOfFile: p.app + "/elm.json", encoding: .utf8) == """
            {
                "type": "application",
                "source-directories": [
                    "src",
                    "lib"
                ],
                "elm-version": "0.19.1",
                "dependencies": {
                    "direct": {
                        "elm/browser": "1.0.2",
                        "elm/core": "1.0.5",
                        "elm/html": "1.0.0",
                        "elm/http": "2.0.0",
                        "elm/json": "1.1.3"
                    },
                    "indirect": {
                        "elm/bytes": "1.0.8",
                        "elm/file": "1.0.5",
                        "elm/time": "1.0.0",
                        "elm/url": "1.0.0",
                        "elm/virtual-dom": "1.0.3"
                    }
                },
                "test-dependencies": {
                    "direct": {},
                    "indirect": {}
                }
            }

            """)
        // elm itself takes it: `elm check -y` runs `elm make`.
        let make = try AmpuProcess.run(["elm", "check", "-y", "-q", "src/Main.elm"], environment: p.environment, directory: p.app)
        #expect(make.status == 0, "\(make.stdout)\(make.stderr)")
        // Removed, a package still needed stays as an indirect one, at the version it had.
        let removed = try AmpuProcess.run(["remove", "elm/json"], environment: p.environment, directory: p.app)
        // lib/Shared.elm imports Json.Encode: elm refuses an import of an indirect dependency.
        #expect(removed.stderr == """
                Moving "elm/json": "1.1.3" from "dependencies" "direct" to "indirect"
            warning: 'elm/json' is still imported: this import needs it as a dependency of the package
             --> lib/Shared.elm:3:8
              |
            3 | import Json.Encode
              |        ^^^^^^^^^^^ imports 'elm/json'
              |
              = help: remove the import, or add the dependency back with `ampu add`; until then `ampu check` reports it as an error


            """)
        // Added again, it moves back from "indirect" to "direct", at its version.
        let back = try AmpuProcess.run(["add", "elm/json"], environment: p.environment, directory: p.app)
        #expect(back.stderr == "    Moving \"elm/json\": \"1.1.3\" from \"dependencies\" \"indirect\" to \"direct\"\n")
        #expect(back.status == 0)
        // There already, as cargo add takes it: the same version changes nothing; another is
        // solved again with that version, what it no longer needs going with it.
        let again = try AmpuProcess.run(["add", "elm/http"], environment: p.environment, directory: p.app)
        #expect(again.stderr == "   Unchanged \"elm/http\" 2.0.0 in \"dependencies\" \"direct\"\n")
        #expect(again.status == 0)
        let withHTTP = try String(contentsOfFile: p.app + "/elm.json", encoding: .utf8)
        let down = try AmpuProcess.run(["add", "elm/http@1.0.0"], environment: p.environment, directory: p.app)
        #expect(down.stderr == """
              Updating "elm/http" 2.0.0 -> 1.0.0 in "dependencies" "direct"
              Removing "elm/bytes" from "dependencies" "indirect"
              Removing "elm/file" from "dependencies" "indirect"

            """)
        let up = try AmpuProcess.run(["add", "elm/http@2.0.0"], environment: p.environment, directory: p.app)
        #expect(up.stderr == """
              Updating "elm/http" 1.0.0 -> 2.0.0 in "dependencies" "direct"
                Adding "elm/bytes": "1.0.8" to "dependencies" "indirect"
                Adding "elm/file": "1.0.5" to "dependencies" "indirect"

            """)
        #expect(try String(contentsOfFile: p.app + "/elm.json", encoding: .utf8) == withHTTP)
        #expect(try AmpuProcess.run(["remove", "elm/json"], environment: p.environment, directory: p.app).stderr == removed.stderr)
        let test = try AmpuProcess.run(["add", "elm-explorations/test", "--dev"], environment: p.environment, directory: p.app)
        #expect(test.stderr == """
                Adding "elm-explorations/test": "2.2.1" to "test-dependencies" "direct"
                Adding "elm/random": "1.0.0" to "test-dependencies" "indirect"

            """)
        // A package the application has as an indirect one becomes a direct one of the tests.
        let testJSON = try AmpuProcess.run(["add", "elm/json", "--dev"], environment: p.environment, directory: p.app)
        #expect(testJSON.stderr == "    Adding \"elm/json\": \"1.1.3\" to \"test-dependencies\" \"direct\"\n")
        #expect(testJSON.status == 0)
        // What elm itself refuses, or what is not a direct dependency, is said and nothing is written.
        let before = try String(contentsOfFile: p.app + "/elm.json", encoding: .utf8)
        let refused = [
            try AmpuProcess.run(["remove", "elm/core"], environment: p.environment, directory: p.app),
            try AmpuProcess.run(["remove", "elm/url"], environment: p.environment, directory: p.app),
            try AmpuProcess.run(["add", "elm/json@9.9.9"], environment: p.environment, directory: p.app),
            try AmpuProcess.run(["add", "json", "--git", "github.com/user/json"], environment: p.environment, directory: p.app),
            try AmpuProcess.run(["add", "elm/jsn"], environment: p.environment, directory: p.app),
            try AmpuProcess.run(["add", "nobody/nothing"], environment: p.environment, directory: p.app),
        ]
        let packages = p.environment["ELM_HOME"]! + "/0.19.1/packages"
        #expect(refused.map(\.stderr) == [
            "error: an Elm application needs elm/core: it cannot be removed\n",
            "error: 'elm/url' is an indirect dependency: a direct dependency needs it, and it goes when nothing does\n",
            "error: elm/json 9.9.9 is not in the Elm package cache; it has 1.0.0, 1.1.0, 1.1.1, 1.1.2, 1.1.3, 1.1.4\n",
            "error: an Elm dependency comes from the package cache by its name (author/project): --path and --git are not for elm.json\n",
            "error: 'elm/jsn' is not in the Elm package cache (\(packages)); did you mean 'elm/json'?\n",
            "error: 'nobody/nothing' is not in the Elm package cache (\(packages)); run `elm install nobody/nothing` once with a network to download it\n",
        ])
        #expect(refused.map(\.status) == [1, 1, 1, 1, 1, 1])
        #expect(try String(contentsOfFile: p.app + "/elm.json", encoding: .utf8) == before)
        // The commands that read a lock say why Elm has none.
        let update = try AmpuProcess.run(["update"], environment: p.environment, directory: p.app)
        #expect(update.stderr == "error: Elm has no lock file: elm.json lists the exact versions itself; `ampu tree` draws them\n")
    }

    @Test("add of a version the others cannot go with: refused with the solver's reasons in elm's words, and nothing written")
    func addUnsolvable() throws {
        guard let p = try project("app") else { return }
        // elm/http 2.0.0 needs elm/json 1.1.0 <= v < 2.0.0.
        let manifest = p.app + "/elm.json"
        let old = try String(contentsOfFile: manifest, encoding: .utf8)
        try old.replacingOccurrences(of: #""elm/json": "1.1.3""#, with: #""elm/json": "1.0.0""#).write(toFile: manifest, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: manifest, encoding: .utf8)
        let refused = try AmpuProcess.run(["add", "elm/http@2.0.0"], environment: p.environment, directory: p.app)
        #expect(refused.stderr == """
            error: no version of 'elm/http' fits the other dependencies
              = note: Because the application depends on elm/http 2.0.0 which depends on elm/json 1.1.0 <= v < 2.0.0, elm/json 1.1.0 <= v < 2.0.0 is required.
              = note: So, because the application depends on elm/json 1.0.0, version solving failed.
              = help: ask for a version that fits (`ampu add elm/http` takes the newest one that does), or change the versions it conflicts with

            """)
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == before)
        // As the help says: without a version, the newest that fits.
        let added = try AmpuProcess.run(["add", "elm/http"], environment: p.environment, directory: p.app)
        #expect(added.stderr == "    Adding \"elm/http\": \"1.0.0\" to \"dependencies\" \"direct\"\n")
        #expect(added.status == 0)
    }

    @Test("new --lang elm makes an application as elm init does, whose first page the real elm builds")
    func newApplication() throws {
        guard let p = try project("app", needsElm: true) else { return }
        let created = try AmpuProcess.run(["new", "hello", "--lang", "elm", "--vcs", "none"], environment: p.environment, directory: p.scratch.path)
        #expect(created.stderr == "Created program package 'hello' in \(p.scratch.path)/hello\n")
        #expect(created.status == 0)
        let dir = p.scratch.path + "/hello"
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".gitignore", "elm.json", "src"])
        #expect(try String(contentsOfFile: dir + "/src/Main.elm", encoding: .utf8) == """
            module Main exposing (main)

            import Html exposing (Html, text)


            main : Html msg
            main =
                text "Hello from hello!"

            """)
        #expect(try AmpuProcess.run(["check"], environment: p.environment, directory: dir).stderr == "Checked 1 package, 1 module: no problems\n")
        let built = try AmpuProcess.run(["build"], environment: p.environment, directory: dir)
        #expect(built.stdout.hasSuffix("Success! Compiled 1 module.\n\n    Main ───> index.html\n\n"), "elm said: \(built.stdout)\(built.stderr)")
        #expect(built.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/index.html"))
    }

    @Test("in a package's elm.json, add writes the newest cached version that fits as a constraint up to the next major, and remove takes it out")
    func addToPackage() throws {
        guard let p = try project("app") else { return }
        let dir = p.scratch.path + "/pkg"
        let created = try AmpuProcess.run(["new", "me/pkg", "--lib", "--lang", "elm"], environment: p.environment, directory: p.scratch.path)
        #expect(created.status == 0)
        let added = try AmpuProcess.run(["add", "elm/json"], environment: p.environment, directory: dir)
        #expect(added.stderr == "    Adding \"elm/json\": \"1.1.4 <= v < 2.0.0\" to \"dependencies\"\n")
        let manifest = try String(contentsOfFile: dir + "/elm.json", encoding: .utf8)
        #expect(manifest.contains("""
                "dependencies": {
                    "elm/core": "1.0.0 <= v < 2.0.0",
                    "elm/json": "1.1.4 <= v < 2.0.0"
                },
                "test-dependencies": {}
            """))
        // There already: left as it is, unless another version is asked for.
        let again = try AmpuProcess.run(["add", "elm/json"], environment: p.environment, directory: dir)
        #expect(again.stderr == "   Unchanged \"elm/json\": \"1.1.4 <= v < 2.0.0\" in \"dependencies\"\n")
        let older = try AmpuProcess.run(["add", "elm/json@1.1.2"], environment: p.environment, directory: dir)
        #expect(older.stderr == "  Updating \"elm/json\" \"1.1.4 <= v < 2.0.0\" -> \"1.1.2 <= v < 2.0.0\" in \"dependencies\"\n")
        #expect(try String(contentsOfFile: dir + "/elm.json", encoding: .utf8) == manifest.replacingOccurrences(of: "\"elm/json\": \"1.1.4", with: "\"elm/json\": \"1.1.2"))
        let same = try AmpuProcess.run(["add", "elm/json@1.1.2"], environment: p.environment, directory: dir)
        #expect(same.stderr == "   Unchanged \"elm/json\": \"1.1.2 <= v < 2.0.0\" in \"dependencies\"\n")
        let removed = try AmpuProcess.run(["remove", "elm/json"], environment: p.environment, directory: dir)
        #expect(removed.stderr == "  Removing \"elm/json\" from \"dependencies\"\n")
        #expect(try String(contentsOfFile: dir + "/elm.json", encoding: .utf8).contains("""
                "dependencies": {
                    "elm/core": "1.0.0 <= v < 2.0.0"
                },
            """))
    }

    @Test("tree, why and graph draw the packages elm.json and the package cache say a build uses, as they draw a lock")
    func tree() throws {
        guard let p = try project("app") else { return }
        let tree = try AmpuProcess.run(["tree"], environment: p.environment, directory: p.app)
        #expect(tree.stdout == """
            app
            ├── elm/browser v1.0.2
            │   ├── elm/core v1.0.5
            │   ├── elm/html v1.0.0
            │   │   ├── elm/core v1.0.5
            │   │   ├── elm/json v1.1.3
            │   │   │   └── elm/core v1.0.5
            │   │   └── elm/virtual-dom v1.0.3
            │   │       ├── elm/core v1.0.5
            │   │       └── elm/json v1.1.3 (*)
            │   ├── elm/json v1.1.3 (*)
            │   ├── elm/time v1.0.0
            │   │   └── elm/core v1.0.5
            │   ├── elm/url v1.0.0
            │   │   └── elm/core v1.0.5
            │   └── elm/virtual-dom v1.0.3 (*)
            ├── elm/core v1.0.5
            ├── elm/html v1.0.0 (*)
            └── elm/json v1.1.3 (*)

            """)
        let why = try AmpuProcess.run(["why", "elm/time"], environment: p.environment, directory: p.app)
        #expect(why.stdout == "app → elm/browser v1.0.2 → elm/time v1.0.0\n")
        let unknown = try AmpuProcess.run(["tree", "--invert", "elm/http"], environment: p.environment, directory: p.app)
        #expect(unknown.stderr == """
            error: 'elm/http' is not in elm.json
              = help: the packages elm.json records are: elm/browser, elm/core, elm/html, elm/json, elm/time, elm/url, elm/virtual-dom

            """)
        // fetch and vendor are for a lock's packages: Elm's are elm's own to download.
        let fetch = try AmpuProcess.run(["fetch"], environment: p.environment, directory: p.app)
        #expect(fetch.stderr == "error: Elm has no lock file: elm.json lists the exact versions itself; `ampu tree` draws them\n")
    }
}
