import Foundation
import Testing
import TestSupport

/// `ampu fix`: the fixes `check` is certain of, made in the workspace's own files, as `cargo fix`
/// makes rustc's machine-applicable ones; guesses are left to a person.
@Suite("ampu fix")
struct FixCommandTests {
    /// `Tests/Fixtures/build/fixable`: `app` (its manifest and main module with problems of
    /// every certain kind, and one guess) and the path dependency `util`.
    static let fixedManifest = """
        [package]
        name = "app"
        version = "1.0.0"
        licence = "MIT"

        [dependencies]
        util = { path = "../util", version = ">=0.1" }

        """
    static let fixedMain = """
        package main;

        import "stdlib/io";
        import "util";

        pub fn main(none) -> void {
            return ();
        }

        """
    /// What `check` still says after the fixes: the key spelt like a known one is a guess.
    static let leftOver = """
        warning[M001]: unknown key 'licence' in [package]
         --> asthra.toml:4:1
          |
        4 | licence = "MIT"
          | ^^^^^^^ unknown key
          |
          = note: the keys in [package] are: name, version, asthra_version, description, license, authors, entry, default-run
          = help: did you mean 'license'?

        Checked 1 package, 1 module and 1 imported module: 1 warning

        """

    func git(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-c", "user.name=ampu", "-c", "user.email=ampu@example.org"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }

    @Test("every certain fix is made (fixes that show others included), each file written once a round; a guess is left and said, as check says it")
    func fixes() throws {
        let fixture = try BuildFixture("fixable")
        let fix = try fixture.ampu(["fix", "--allow-no-vcs"], in: "app")
        #expect(fix.stderr == """
                   Fixed asthra.toml (3 fixes)
                   Fixed src/main.asthra (4 fixes)

            """ + Self.leftOver)
        #expect(fix.status == 0)
        #expect(try fixture.scratch.read("ws/app/asthra.toml") == Self.fixedManifest)
        #expect(try fixture.scratch.read("ws/app/src/main.asthra") == Self.fixedMain)
        // The path dependency is not the workspace's: left as it is.
        #expect(try fixture.scratch.read("ws/util/asthra.toml") == "[package]\nname = \"util\"\nversion = \"0.1.0\"\n")

        // Nothing left to fix: nothing is written, and what is left is said again.
        let again = try fixture.ampu(["fix", "--allow-no-vcs"], in: "app")
        #expect(again.stderr == Self.leftOver)
        #expect(again.status == 0)
    }

    @Test("Oats: a library made by `toasty new --lib` (src/lib.oats, no entry) gets its entry, and its version its third number")
    func oats() throws {
        let fixture = try BuildFixture("fixable-oats")
        let fix = try fixture.ampu(["fix", "--allow-no-vcs"])
        #expect(fix.stderr == """
                   Fixed Oats.toml (2 fixes)
            Checked 1 package, 1 module: no problems

            """)
        #expect(fix.status == 0)
        #expect(try fixture.scratch.read("ws/Oats.toml") == "[package]\nname = \"shapes\"\nversion = \"0.1.0\"\nentry = \"src/lib.oats\"\n")
    }

    @Test("as cargo fix: refused outside a git repository and over changes that are not committed, each named, unless a flag allows it")
    func uncommitted() throws {
        let fixture = try BuildFixture("fixable")
        let app = fixture.root + "/app"
        let outside = try fixture.ampu(["fix"], in: "app")
        #expect(outside.stderr == """
            error: no git repository holds the workspace, so what `ampu fix` changes could not be told apart or undone
              = help: make it a repository (`git init`) and commit it, or pass --allow-no-vcs to fix it all the same

            """)
        #expect(outside.status == 1)

        try git(["init", "-q"], in: fixture.root)
        try git(["add", "-A"], in: fixture.root)
        try git(["commit", "-qm", "fixture"], in: fixture.root)
        // A change not staged, a file git does not know, and a staged one in the dependency,
        // which is outside the workspace and not fixed.
        try fixture.scratch.write("ws/app/src/main.asthra", try fixture.scratch.read("ws/app/src/main.asthra") + "\n")
        try fixture.scratch.write("ws/app/src/notes.asthra", "package main;\n")
        try fixture.scratch.write("ws/util/src/lib.asthra", "package util;\n")
        try git(["add", "util"], in: fixture.root)
        let dirty = try fixture.ampu(["fix"], in: "app")
        #expect(dirty.stderr == """
            error: `ampu fix` rewrites files, and the workspace has changes that are not committed:
                src/main.asthra (changed)
                src/notes.asthra (changed)
              = help: commit them first, or pass --allow-dirty to fix the files as they are

            """)
        #expect(dirty.status == 1)

        try git(["add", "-A"], in: app)
        try fixture.scratch.write("ws/app/src/notes.asthra", "package main;\n\n")
        let staged = try fixture.ampu(["fix", "--allow-staged"], in: "app")
        #expect(staged.stderr == """
            error: `ampu fix` rewrites files, and the workspace has changes that are not committed:
                src/notes.asthra (staged, and changed since)
              = help: commit them first, or pass --allow-dirty to fix the files as they are

            """)
        try git(["add", "-A"], in: app)
        let onlyStaged = try fixture.ampu(["fix"], in: "app")
        #expect(onlyStaged.stderr == """
            error: `ampu fix` rewrites files, and the workspace has changes that are not committed:
                src/main.asthra (staged)
                src/notes.asthra (staged)
              = help: commit them first, or pass --allow-staged to fix the files as they are

            """)
        #expect(onlyStaged.status == 1)
        #expect(try fixture.scratch.read("ws/app/asthra.toml").hasPrefix("[project]\n"))

        let allowed = try fixture.ampu(["fix", "--allow-staged"], in: "app")
        #expect(allowed.status == 0)
        #expect(try fixture.scratch.read("ws/app/asthra.toml") == Self.fixedManifest)
        #expect(try fixture.scratch.read("ws/app/src/main.asthra") == Self.fixedMain + "\n")
    }
}
