import Foundation
import Testing
import TestSupport

/// Runs the built `ampu` binary the way a user does.
struct AmpuProcess {
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["AMPU_BIN"] { return URL(fileURLWithPath: path) }
        // The test bundle sits in the build directory next to the products.
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("ampu")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/ampu")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Both streams read at once: one read after the other would wait forever on a program
        // that fills the second pipe while the first is read.
        let errors = DispatchGroup()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: errors) { err = error.fileHandleForReading.readDataToEndOfFile() }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        errors.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}

/// Runs ampu on a pseudo-terminal (`script`), as a person at a terminal would: what the
/// terminal shows (lines end with \r\n there) and the exit status.
func onTerminal(_ arguments: String, directory: String, environment: [String: String], columns: Int? = nil) throws -> (text: String, status: Int32) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    // With `columns`, the terminal is made that wide first.
    p.arguments = ["-qec", (columns.map { "stty cols \($0) rows 24 && " } ?? "") + AmpuProcess.executable.path + " " + arguments, "/dev/null"]
    p.currentDirectoryURL = URL(fileURLWithPath: directory)
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.merging(["SHELL": "/bin/sh", "TERM": "xterm"]) { $1 }
    let out = Pipe()
    p.standardOutput = out
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (text, p.terminationStatus)
}

@Suite("ampu command line")
struct CLITests {
    @Test("--version prints the name and version")
    func version() throws {
        let result = try AmpuProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "ampu 0.1.0\n")
    }

    @Test("a command that is not one is said so, with the one meant when one is close, as Cargo says it; an alias is a command")
    func unknownCommand() throws {
        let typo = try AmpuProcess.run(["biuld", "--release"])
        #expect(typo.stderr == "error: no such command: `biuld`\n  = help: did you mean `build`?\n  = help: `ampu --help` lists the commands\n")
        #expect(typo.status == 1)
        let unknown = try AmpuProcess.run(["frobnicate"])
        #expect(unknown.stderr == "error: no such command: `frobnicate`\n  = help: `ampu --help` lists the commands\n")
        #expect(try AmpuProcess.run(["deps", "--help"]).status == 0)
        #expect(try AmpuProcess.run(["help", "build"]).status == 0)
    }

    @Test("a command line that cannot be read is an error in ampu's own form: the option meant, the usage, where the options are listed")
    func unreadableArguments() throws {
        let typo = try AmpuProcess.run(["build", "--relase"])
        #expect(typo.stderr == """
            error: unknown option '--relase'
              = note: usage: ampu build [<options>] [<names> ...]
              = help: did you mean '--release'?
              = help: `ampu build --help` lists its options

            """)
        #expect(typo.status == 64)
        let value = try AmpuProcess.run(["check", "--message-format", "xml"])
        #expect(value.stderr == """
            error: the value 'xml' is invalid for '--message-format <message-format>'
              = note: --message-format <message-format>: How to print diagnostics: human, short or json.
              = note: usage: ampu check [--manifest-path <manifest-path>] [--message-format <message-format>] [--features <features> ...] [--no-default-features] [--target <target>] [--access-control]
              = help: please provide one of 'human', 'short' or 'json'
              = help: `ampu check --help` lists its options

            """)
        let missing = try AmpuProcess.run(["new"])
        #expect(missing.stderr == """
            error: missing expected argument '<name>'
              = note: <name>: The package name; also the directory to create.
              = note: usage: ampu new <name> [--lib] [--lang <lang>] [--vcs <git|none>]
              = help: `ampu new --help` lists its options

            """)
        // Help and the version are no errors.
        #expect(try AmpuProcess.run(["new", "--help"]).stdout.hasPrefix("OVERVIEW: "))
    }

    @Test("options as Cargo reads them: --name=value, flags of one letter together, a value that is missing or not wanted, an argument too many, a subcommand that is not one (said as a command that is not one is)")
    func argumentForms() throws {
        let usage = "  = note: usage: ampu new <name> [--lib] [--lang <lang>] [--vcs <git|none>]\n  = help: `ampu new --help` lists its options\n"
        #expect(try AmpuProcess.run(["new", "--lib=yes", "x"]).stderr == "error: '--lib' takes no value, but 'yes' was given\n" + usage)
        #expect(try AmpuProcess.run(["new", "a", "b"]).stderr == "error: unexpected argument 'b'\n" + usage)
        let scratch = try ScratchDirectory()
        let made = try AmpuProcess.run(["new", "--vcs=none", "--lang=oats", "--lib", "joined"], directory: scratch.path)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try scratch.read("joined/Oats.toml").contains("name = \"joined\""))
        let missing = try AmpuProcess.run(["build", "--manifest-path"])
        #expect(missing.stderr == """
            error: missing value for '--manifest-path <manifest-path>'
              = note: --manifest-path <manifest-path>: The manifest to use instead of searching upward.
              = note: usage: ampu build [<options>] [<names> ...]
              = help: `ampu build --help` lists its options

            """)
        #expect(missing.status == 64)
        #expect(try AmpuProcess.run(["build", "-qv"]).stderr == """
            error: -v and -q ask for more and for less; give one
              = note: usage: ampu build [<options>] [<names> ...]
              = help: `ampu build --help` lists its options

            """)
        let nested = try AmpuProcess.run(["debug", "glbo"])
        #expect(nested.stderr == "error: no such command: `glbo`\n  = help: did you mean `glob`?\n  = help: `ampu debug --help` lists the commands\n")
        #expect(nested.status == 1)
        // What the fuzzer runs: the command line read, nothing run.
        let read = try AmpuProcess.run(["debug", "args", "--", "run", "-j", "-1", "--bin=app", "--", "--release"])
        #expect(read.stdout == "command: run\n" && read.status == 0)
        let refused = try AmpuProcess.run(["debug", "args", "--", "run", "--bin"])
        #expect(refused.stderr.hasPrefix("error: missing value for '--bin <bin>'\n") && refused.status == 64)
        let unknownHelp = try AmpuProcess.run(["help", "debug", "glbo"])
        #expect(unknownHelp.stderr == "error: no such command: `glbo`\n  = help: did you mean `glob`?\n  = help: `ampu debug --help` lists the commands\n")
        #expect(unknownHelp.status == 1)
        let help = try AmpuProcess.run(["help", "debug", "glob"])
        #expect(help.status == 0)
        #expect(help.stdout == """
            OVERVIEW: Print the files a source pattern (`src/**/*.aria`) matches under a
            directory, sorted.

            USAGE: ampu debug glob <pattern> [<directory>]

            ARGUMENTS:
              <pattern>               The pattern: *, **, ? and [...] as build files write
                                      them.
              <directory>             The directory it is relative to (default: the current
                                      one).

            OPTIONS:
              -h, --help              Show help information.

            """)
    }

    @Test("debug glob prints what a pattern matches, sorted, as a build expands it; none is an error that says so, with the pattern meant when one is close")
    func debugGlob() throws {
        let dir = try ScratchDirectory()
        for file in ["src/b.aria", "src/a.aria", "src/net/c.aria", "src/.hidden/d.aria", "src/notes.txt"] { try dir.write(file, "") }
        let found = try AmpuProcess.run(["debug", "glob", "src/**/*.aria"], directory: dir.path)
        #expect(found.stdout == "src/a.aria\nsrc/b.aria\nsrc/net/c.aria\n")
        #expect(found.stderr == "" && found.status == 0)
        let elsewhere = try AmpuProcess.run(["debug", "glob", "*.aria", "src"], directory: dir.path)
        #expect(elsewhere.stdout == "a.aria\nb.aria\n" && elsewhere.status == 0)
        let misspelt = try AmpuProcess.run(["debug", "glob", "src/**/*.aira"], directory: dir.path)
        #expect(misspelt.stdout == "")
        #expect(misspelt.stderr == "error: no file under '.' matches 'src/**/*.aira'\n  = help: did you mean 'src/**/*.aria'?\n")
        #expect(misspelt.status == 1)
        let nothing = try AmpuProcess.run(["debug", "glob", "lib/*.c", "src"], directory: dir.path)
        #expect(nothing.stderr == "error: no file under 'src' matches 'lib/*.c'\n" && nothing.status == 1)
    }

    @Test("new refuses a name the language cannot hold, offering a valid one made from it; nothing is written", arguments: [
        (["1 my app!", "--lang", "rask"], "error: invalid package name '1 my app!': it must start with a letter; try 'my-app'\n"),
        (["my app!", "--lang", "aria"], "error: invalid package name 'my app!': ' ' cannot be in a target name (letters, digits, '-' and '_'); try 'my-app'\n"),
        (["Abc", "--lang", "elm", "--lib"], "error: invalid package name 'Abc': a package name is 'author/project', with one '/'; try 'author/abc'\n"),
    ])
    func newRefusesName(arguments: [String], error: String) throws {
        let dir = try ScratchDirectory()
        let refused = try AmpuProcess.run(["new"] + arguments + ["--vcs", "none"], directory: dir.path)
        #expect(refused.stderr == error + "  = help: choose a valid name: it is also the directory's\n")
        #expect(refused.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    @Test("help gives each option's default, kept on one line")
    func helpDefaults() throws {
        let help = try AmpuProcess.run(["help", "debug", "toml-decode"])
        #expect(help.stdout == """
            OVERVIEW: Decode TOML from standard input into toml-test's tagged JSON.

            Exits 1 and prints the diagnostics on standard error when the input is not
            valid TOML.

            USAGE: ampu debug toml-decode [--toml-version <toml-version>] [--message-format <message-format>] [--check-format]

            OPTIONS:
              --toml-version <toml-version>
                                      The TOML version to accept: 1.0 or 1.1.
                                      (default: 1.0)
              --message-format <message-format>
                                      How to print diagnostics: human or short.
                                      (default: human)
              --check-format          Also format valid input, and exit 3 unless the
                                      formatted text means the same and formatting it again
                                      changes nothing (for the fuzzer).
              -h, --help              Show help information.

            """)
    }

    @Test("--help lists the subcommands")
    func help() throws {
        let result = try AmpuProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            OVERVIEW: A build tool and language server for Asthra, Elm, Rask, Aria and Oats
            projects.

            Run 'ampu help <command>' for the options of a command.

            USAGE: ampu <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              build                   Compile the workspace's packages and their programs
                                      (with --tests, their test programs too).
              run                     Build, then run a program of the workspace with the
                                      arguments after --.
              test                    Build and run the test programs: each module under a
                                      package's tests/ directory.
              check                   Check the workspace's manifests and imports without
                                      building.
              fix                     Make the fixes `ampu check` is certain of in the
                                      workspace's manifests and sources.
              clean                   Remove build output (target/).
              fmt                     Lay out the workspace's TOML manifests as taplo does
                                      (asthra.toml, Oats.toml).
              compile-commands        Write compile_commands.json (an entry per C and per
                                      Asthra source) without building.
              gen                     Write the build for another tool: `ampu gen ninja`
                                      writes build.ninja.
              new                     Create a new package in a new directory.
              init                    Make the current directory a package.
              add                     Add a dependency to the manifest.
              remove                  Remove a dependency from the manifest.
              update                  Resolve the dependencies and write the lock file
                                      (asthra.lock, rask.lock).
              fetch                   Fetch every package the lock file names into the
                                      cache, and check their files.
              vendor                  Copy every locked git package into a directory of the
                                      project (vendor/ by default).
              tree, deps              Show the locked dependencies as a tree (without a
                                      lock file: the build's targets).
              why                     Show every path from the root to a dependency.
              graph                   Write the locked dependency graph as Graphviz dot or
                                      JSON (without a lock file: the build's targets, as
                                      dot).
              list                    List the packages in the cache, with their versions
                                      and commits.
              elm                     Plan an Elm build (packages, module order, problems),
                                      and hand it to `elm make`.
              lsp                     Run the language server on standard input and output.
              debug                   Inspect ampu's parsers (TOML decoding, JSON round
                                      trips, a build's records, languages to come).

              See 'ampu help <subcommand>' for detailed help.

            """)
    }

    @Test("ninja-depfile writes a dependency file's prerequisites again under the given target; a missing one is named")
    func ninjaDepfile() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("app/build-script.d", ".rk-gen/types.rk .rk-gen/more.rk: schema/user\\ one.json \\\n  schema\n")
        let made = try AmpuProcess.run(["debug", "ninja-depfile", "--target", "target/build-script.d", "--directory", scratch.path + "/app",
                                        scratch.path + "/app/build-script.d", scratch.path + "/for-ninja.d"])
        #expect(made.status == 0 && made.stderr == "")
        #expect(try scratch.read("for-ninja.d") == "target/build-script.d: \(scratch.path)/app/schema/user\\ one.json \(scratch.path)/app/schema\n")
        let missing = try AmpuProcess.run(["debug", "ninja-depfile", "--target", "out", scratch.path + "/none.d", scratch.path + "/out.d"])
        #expect(missing.stderr == "error: cannot read the dependency file: '\(scratch.path)/none.d' does not exist\n")
        #expect(missing.status == 1)
    }

    @Test("build-records reads the fuzzer's seeds as what each seeds: a fingerprint with what its run said, a plan's record (and its programs and tests alone), a kept plan's two files that stand, a complete build's record that stands, and the test programs' times")
    func buildRecordSeeds() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/tests/fault/corpus/records/"
        let fingerprint = try AmpuProcess.run(["debug", "build-records"], stdin: try String(contentsOfFile: corpus + "fingerprint", encoding: .utf8))
        #expect(fingerprint.stdout.split(separator: "\n").first == "fingerprint: 1 inputs, 1 outputs, 211 bytes said, ran 48213 µs")
        let record = try AmpuProcess.run(["debug", "build-records"], stdin: try String(contentsOfFile: corpus + "plan", encoding: .utf8))
        #expect(record.status == 0)
        #expect(record.stdout.split(separator: "\n")[2...4] == ["plan: 10 actions, 1 programs, 2 tests", "products: 1 programs, 2 tests", "kept plan: made afresh, for \"cut short\""])
        let kept = try AmpuProcess.run(["debug", "build-records"], stdin: try String(contentsOfFile: corpus + "kept-plan", encoding: .utf8))
        #expect(kept.status == 0)
        // (The kept plan's two files, one after the other: what the plan was made from, up to
        // its `end` line, is no record, and the actions' file after it ends in their products,
        // of which the first file keeps a copy.)
        #expect(kept.stdout.split(separator: "\n")[2...4] == ["plan: none", "products: 1 programs, 2 tests", "kept plan: stands, 0 changed, 10 actions, 1 programs and 2 tests beside them"])
        let complete = try AmpuProcess.run(["debug", "build-records"], stdin: try String(contentsOfFile: corpus + "complete", encoding: .utf8))
        #expect(complete.status == 0)
        #expect(complete.stdout.split(separator: "\n")[4...5] == ["kept plan: made afresh, for \"no plan\"", "complete build: stands, 2 said (1 only for tests)"])
        let times = try AmpuProcess.run(["debug", "build-records"], stdin: try String(contentsOfFile: corpus + "test-times", encoding: .utf8))
        #expect(times.status == 0)
        #expect(times.stdout.split(separator: "\n").last == "test times: 3 programs")
    }

    @Test("toml-decode prints tagged JSON")
    func decode() throws {
        let result = try AmpuProcess.run(["debug", "toml-decode"], stdin: "[a]\nb = 1\nc = \"x\"\n")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == #"{"a":{"b":{"type":"integer","value":"1"},"c":{"type":"string","value":"x"}}}"# + "\n")
    }

    @Test("toml-decode renders errors rustc-style on stderr and exits 1")
    func decodeError() throws {
        let result = try AmpuProcess.run(["debug", "toml-decode"], stdin: "[package]\nname = \"a\"\nname = \"b\"\n", environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            error[T008]: duplicate key 'name': first defined at 2:1
             --> <stdin>:3:1
              |
            2 | name = "a"
              | ---- first defined here
            3 | name = "b"
              | ^^^^
              |
              = help: remove one of the two definitions, or rename one


            """)
    }

    @Test("short message format is the compiler's one-line form")
    func shortFormat() throws {
        let result = try AmpuProcess.run(["debug", "toml-decode", "--message-format", "short"], stdin: "a = \n")
        #expect(result.status == 1)
        #expect(result.stderr == "<stdin>:1:5: error[T002]: expected a value after '=', found a newline\n")
    }

    @Test("json-roundtrip rewrites JSON compactly and rejects bad input")
    func jsonRoundTrip() throws {
        let ok = try AmpuProcess.run(["debug", "json-roundtrip", "--repeat", "3"], stdin: #"{ "a" : [1, 2.5, "x/y"] }"#)
        #expect(ok.status == 0)
        #expect(ok.stdout == #"{"a":[1,2.5,"x/y"]}"# + "\n")
        let bad = try AmpuProcess.run(["debug", "json-roundtrip"], stdin: #"{"a": "#)
        #expect(bad.status == 1)
        #expect(bad.stderr == "error: unexpected end of JSON input at byte 6\n")
    }
}
