import Foundation
import Testing
import TestSupport

/// Git dependencies on a repository of this machine (M031): `ampu check` says what `ampu update`
/// would fail on, at the URL, with the fix.
@Suite("git repositories on this machine")
struct LocalRepositoryTests {
    /// Real repositories in a temporary directory; `remotes/user/json.git` tagged v1.0.0, and
    /// `app/asthra.toml` with this `[dependencies]` line.
    /// (`dependency` is given the fixture's root.)
    func fixture(_ dependency: (String) -> String) throws -> GitFixture {
        let remotes = try GitFixture(extra: plain)
        try remotes.repository("json", versions: ["1.0.0"]) { GitFixture.asthraPackage("json", $0) }
        try remotes.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\n\(dependency(remotes.root))\n")
        try remotes.write("app/src/main.asthra", "package main;\n")
        return remotes
    }

    /// The fix of each diagnostic `ampu check --message-format json` prints: its edits' texts.
    func fixes(_ remotes: GitFixture) throws -> [[String]?] {
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: remotes.env, directory: remotes.root + "/app")
        return try json.stdout.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (object["fix"] as? [String: Any]).map { (($0["edits"] as? [[String: Any]]) ?? []).compactMap { $0["newText"] as? String } }
        }
    }

    @Test("a repository that is not there is an error at its URL before there is a lock, with the one spelt closest as the fix; a lock whose commit is in the package cache builds without it")
    func missing() throws {
        let remotes = try fixture { "json = { git = \"file://\($0)/remotes/usr/jsno.git\", version = \"^1.0\" }" }
        let url = "file://\(remotes.root)/remotes/usr/jsno.git"
        let meant = "file://\(remotes.root)/remotes/user/json.git"
        let app = remotes.root + "/app"
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(check.stderr == """
            error[M031]: the repository of git dependency 'json' is not on this machine
             --> asthra.toml:6:16
              |
            6 | json = { git = "\(url)", version = "^1.0" }
              |                \(String(repeating: "^", count: url.count + 2)) there is no directory '\(remotes.root)/remotes/usr/jsno.git'
              |
              = help: did you mean '\(meant)'?
              = help: fix the path, or make the repository there

            error: check failed: 1 error, 0 warnings in 1 package, 1 module

            """)
        #expect(check.status == 1)
        #expect(try fixes(remotes) == [["\"\(meant)\""]])

        // Fixed, locked and fetched: the repository is not read again while the lock stands.
        try remotes.write("app/asthra.toml", try remotes.read("app/asthra.toml").replacingOccurrences(of: url, with: meant))
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        try FileManager.default.moveItem(atPath: remotes.root + "/remotes/user/json.git", toPath: remotes.root + "/moved.git")
        let locked = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(locked.stderr == "Checked 1 package, 1 module: no problems\n")
        #expect(locked.status == 0)
    }

    @Test("a repository named by a relative path is an error at check, with its absolute path as the fix when a repository is there, and update (or an add that solves the lock) refuses it so before git runs")
    func relative() throws {
        let remotes = try fixture { _ in "json = { git = \"../remotes/user/json.git\", version = \"^1.0\" }" }
        let app = remotes.root + "/app"
        let absolute = remotes.root + "/remotes/user/json.git"
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(check.stderr == """
            error[M031]: the repository of git dependency 'json' is named by a relative path
             --> asthra.toml:6:16
              |
            6 | json = { git = "../remotes/user/json.git", version = "^1.0" }
              |                ^^^^^^^^^^^^^^^^^^^^^^^^^^ relative path
              |
              = note: git reads a relative path from the directory it runs in, which is not always this manifest's
              = help: name it by its absolute path: "\(absolute)"
              = help: to build the package's directory as it is, not a commit of it, make it a `path` dependency

            error: check failed: 1 error, 0 warnings in 1 package, 1 module

            """)
        #expect(check.status == 1)
        #expect(try fixes(remotes) == [["\"\(absolute)\""]])

        // `update` refuses it as `check` says it, before git runs.
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(update.stderr == """
            error[M031]: the repository of git dependency 'json' is named by a relative path
             --> asthra.toml:6:16
              |
            6 | json = { git = "../remotes/user/json.git", version = "^1.0" }
              |                ^^^^^^^^^^^^^^^^^^^^^^^^^^ relative path
              |
              = note: git reads a relative path from the directory it runs in, which is not always this manifest's
              = help: name it by its absolute path: "\(absolute)"
              = help: to build the package's directory as it is, not a commit of it, make it a `path` dependency


            """)
        #expect(update.status == 1)
        #expect(!FileManager.default.fileExists(atPath: app + "/asthra.lock"))

        // An `add` that must solve the lock again says it too, and writes nothing.
        try remotes.repository("http", versions: ["1.0.0"]) { GitFixture.asthraPackage("http", $0) }
        let before = try remotes.read("app/asthra.toml")
        let add = try AmpuProcess.run(["add", "http", "--git", remotes.root + "/remotes/user/http.git"], environment: remotes.env, directory: app)
        #expect(add.stderr.hasPrefix("error[M031]: the repository of git dependency 'json' is named by a relative path\n"))
        #expect(add.stderr.hasSuffix("""
              = help: to build the package's directory as it is, not a commit of it, make it a `path` dependency
              = help: nothing was written: asthra.toml and asthra.lock are as they were


            """))
        #expect(add.status == 1)
        #expect(try remotes.read("app/asthra.toml") == before)

        // Nothing there: no absolute path to offer.
        try remotes.write("app/asthra.toml", try remotes.read("app/asthra.toml").replacingOccurrences(of: "../remotes/user/json.git", with: "./json"))
        let nothing = try AmpuProcess.run(["check", "--message-format", "short"], environment: remotes.env, directory: app)
        #expect(nothing.stderr == """
            asthra.toml:6:16: error[M031]: the repository of git dependency 'json' is named by a relative path
            error: check failed: 1 error, 0 warnings in 1 package, 1 module

            """)
        #expect(try fixes(remotes) == [nil])
    }

    @Test("ampu add --git with a relative path takes it from the manifest, as --path is, and writes it absolute")
    func addRelative() throws {
        let remotes = try fixture { _ in "" }
        let absolute = remotes.root + "/remotes/user/json.git"
        // Run from below the manifest: the path is still the manifest's.
        let add = try AmpuProcess.run(["add", "json", "--git", "../remotes/user/json.git"], environment: remotes.env, directory: remotes.root + "/app/src")
        #expect(add.stderr == """
                Adding json = { git = "\(absolute)" } to [dependencies]
                Adding json v1.0.0
            Locked 1 package in asthra.lock

            """)
        #expect(add.status == 0)
        let written = try remotes.read("app/asthra.toml")
        #expect(written == """
            [package]
            name = "app"
            version = "0.1.0"

            [dependencies]
            json = { git = "\(absolute)" }


            """)
    }
}
