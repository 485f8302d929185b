import Foundation
import Testing
import TestSupport

/// `ampu update` against real git repositories in a temporary directory, reached as
/// `github.com/user/…` through an `insteadOf` in a test-local git config.
@Suite("ampu update and asthra.lock")
struct UpdateCommandTests {
    /// A fixture whose ampu runs see no colours and no stdlib from the machine.
    func fixture() throws -> GitFixture { try GitFixture(extra: plain) }

    /// `app/asthra.toml`: the package `app` 0.1.0 with these `[dependencies]` lines.
    func writeApp(_ remotes: GitFixture, _ dependencies: String) throws {
        try remotes.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\n\(dependencies)\n")
    }

    /// `remotes/user/json.git`, tagged v1.0.0 and v1.1.0; the commits by tag.
    @discardableResult
    func json(_ remotes: GitFixture) throws -> [String: String] {
        try remotes.repository("json", versions: ["1.0.0", "1.1.0"]) { GitFixture.asthraPackage("json", $0) }
        return try ["v1.0.0": remotes.commit("json", "v1.0.0"), "v1.1.0": remotes.commit("json", "v1.1.0")]
    }

    @Test("a name that is the last part of the one locked name, where the manifest's key is the whole name: that name is meant")
    func lastPartOfWholeKey() throws {
        let remotes = try fixture()
        try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "\"github.com/user/json\" = { git = \"github.com/user/json\", version = \"^1.0\" }")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\n")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        for command in [["why", "json"], ["update", "-p", "json"]] {
            let named = try AmpuProcess.run(command, environment: remotes.env, directory: app)
            #expect(named.stderr == """
                error: 'json' is not in asthra.lock
                  = help: did you mean 'github.com/user/json'?
                  = help: the packages asthra.lock records are: github.com/user/json

                """, "\(command)")
            #expect(named.status == 1)
        }
    }

    @Test("a git dependency on a repository of this machine that is not there names its directory at the dependency, and the repository spelt closest, as the URL was written")
    func localRepositoryMissing() throws {
        let remotes = try fixture()
        try json(remotes)
        let app = remotes.root + "/app"
        let misspelt = "file://\(remotes.root)/remotes/usr/jsno.git"
        try writeApp(remotes, "json = { git = \"\(misspelt)\", version = \"^1.0\" }")
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        let underline = String(repeating: "^", count: "{ git = \"\(misspelt)\", version = \"^1.0\" }".count)
        #expect(update.stderr == """
            error: cannot get 'json': there is no directory '\(remotes.root)/remotes/usr/jsno.git'
             --> asthra.toml:6:8
              |
            6 | json = { git = "\(misspelt)", version = "^1.0" }
              |        \(underline) required here
              |
              = help: did you mean 'file://\(remotes.root)/remotes/user/json.git'?


            """)
        #expect(update.status == 1)
        #expect(!FileManager.default.fileExists(atPath: app + "/asthra.lock"))
    }

    @Test("resolves, fetches to where the compiler looks, writes the lock, and check then finds the package")
    func update() throws {
        let remotes = try fixture()
        let commits = try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\n")

        let first = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(first.stderr == "    Adding github.com/user/json v1.1.0\nLocked 1 package in asthra.lock\n")
        #expect(first.status == 0)
        let commit = try #require(commits["v1.1.0"])
        let lock = try remotes.read("app/asthra.lock")
        let checksum = try #require(lock.split(separator: "\n").first { $0.hasPrefix("checksum = ") })
        #expect(lock == """
            # Written by `ampu update`: it records the exact versions a build uses. Do not edit it by hand.
            version = 1

            [[package]]
            name = "github.com/user/json"
            version = "1.1.0"
            source = "git+https://github.com/user/json.git"
            git = "github.com/user/json"
            tag = "v1.1.0"
            commit = "\(commit)"
            \(checksum)
            dependencies = []

            """)
        #expect(FileManager.default.fileExists(atPath: remotes.root + "/cache/github.com/user/json/\(commit)/src/lib.asthra"))

        // Nothing changed: nothing to say, the lock as it was.
        let again = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(again.stderr == "Locked 1 package in asthra.lock\n")
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(check.stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        let tree = try AmpuProcess.run(["tree"], environment: remotes.env, directory: app)
        #expect(tree.stdout == "app v0.1.0\n└── github.com/user/json v1.1.0\n")
        // The specification's spelling.
        #expect(try AmpuProcess.run(["deps", "--tree"], environment: remotes.env, directory: app).stdout == tree.stdout)
        let why = try AmpuProcess.run(["why", "github.com/user/json"], environment: remotes.env, directory: app)
        #expect(why.stdout == "app v0.1.0 → github.com/user/json v1.1.0\n")
        // By its key in asthra.toml too, as `update -p` takes it.
        #expect(try AmpuProcess.run(["why", "json"], environment: remotes.env, directory: app).stdout == why.stdout)
        #expect(try AmpuProcess.run(["tree", "--invert", "json"], environment: remotes.env, directory: app).stdout
                == "github.com/user/json v1.1.0\n└── app v0.1.0\n")
        // A name the lock does not record: the one spelt like it, whole or by its last part.
        let notLocked = "  = help: the packages asthra.lock records are: github.com/user/json\n"
        for command in [["why", "jsno"], ["tree", "--invert", "jsno"], ["update", "-p", "jsno"]] {
            let misspelt = try AmpuProcess.run(command, environment: remotes.env, directory: app)
            #expect(misspelt.stderr == "error: 'jsno' is not in asthra.lock\n  = help: did you mean 'json'?\n" + notLocked)
            #expect(misspelt.status == 1)
        }
        #expect(try AmpuProcess.run(["why", "github.com/usr/json"], environment: remotes.env, directory: app).stderr
                == "error: 'github.com/usr/json' is not in asthra.lock\n  = help: did you mean 'github.com/user/json'?\n" + notLocked)
        // With no lock yet, -p is checked against the lock the update makes: nothing is written.
        let written = try String(contentsOfFile: app + "/asthra.lock", encoding: .utf8)
        try FileManager.default.removeItem(atPath: app + "/asthra.lock")
        let unlocked = try AmpuProcess.run(["update", "-p", "jsno"], environment: remotes.env, directory: app)
        #expect(unlocked.stderr == "error: 'jsno' is not in asthra.lock\n  = help: did you mean 'json'?\n" + notLocked)
        #expect(!FileManager.default.fileExists(atPath: app + "/asthra.lock"))
        #expect(try AmpuProcess.run(["update", "-p", "json"], environment: remotes.env, directory: app).status == 0)
        #expect(try String(contentsOfFile: app + "/asthra.lock", encoding: .utf8) == written)

        // fetch: nothing to do; with the cache gone, it fetches again (not with --offline);
        // a cached file changed by hand is found and named.
        let cached = try AmpuProcess.run(["fetch"], environment: remotes.env, directory: app)
        #expect(cached.stderr == "1 package in the cache, as asthra.lock records it\n")
        try FileManager.default.removeItem(atPath: remotes.root + "/cache")
        let offline = try AmpuProcess.run(["fetch", "--offline"], environment: remotes.env, directory: app)
        #expect(offline.stderr == "error: 'github.com/user/json' is not in the cache, and --offline forbids fetching it\n")
        let refetched = try AmpuProcess.run(["fetch"], environment: remotes.env, directory: app)
        #expect(refetched.stderr == "   Fetched github.com/user/json v1.1.0\n1 package in the cache, as asthra.lock records it\n")
        let checkout = remotes.root + "/cache/github.com/user/json/\(commit)"
        try "package json; // changed\n".write(toFile: checkout + "/src/lib.asthra", atomically: true, encoding: .utf8)
        let tampered = try AmpuProcess.run(["fetch"], environment: remotes.env, directory: app)
        #expect(tampered.stderr == "error: the cached files of 'github.com/user/json' are not the ones asthra.lock recorded (its checksum differs): delete '\(checkout)' and run `ampu fetch` again\n")
        #expect(tampered.status == 1)
        try FileManager.default.removeItem(atPath: checkout)

        // A requirement the lock no longer meets: --locked refuses to change it.
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"~1.0.0\" }")
        let refused = try AmpuProcess.run(["update", "--locked"], environment: remotes.env, directory: app)
        #expect(refused.stderr == """
            error: asthra.lock needs updating, and --locked forbids it
              = help:   Updating github.com/user/json v1.1.0 -> v1.0.0
              = help: run `ampu update` without --locked to write it

            """)
        #expect(refused.status == 1)
        let updated = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(updated.stderr == "  Updating github.com/user/json v1.1.0 -> v1.0.0\nLocked 1 package in asthra.lock\n")
    }

    @Test("a tag moved in its repository to another commit: --locked refuses and names both commits; update says what changed and warns")
    func movedTag() throws {
        let remotes = try fixture()
        let commits = try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        let was = String(try #require(commits["v1.1.0"]).prefix(7)), now = String(try #require(commits["v1.0.0"]).prefix(7))
        try remotes.git(["tag", "-f", "v1.1.0", "v1.0.0"], in: remotes.root + "/remotes/user/json.git")

        let refused = try AmpuProcess.run(["update", "--locked"], environment: remotes.env, directory: app)
        #expect(refused.stderr == """
            error: asthra.lock needs updating, and --locked forbids it
              = help:   Updating github.com/user/json v1.1.0 (commit \(was) -> \(now))
              = help: run `ampu update` without --locked to write it

            """)
        #expect(refused.status == 1)
        let updated = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(updated.stderr == """
              Updating github.com/user/json v1.1.0 (commit \(was) -> \(now))
            warning: the tag v1.1.0 of github.com/user/json names commit \(now) now, not \(was) as when it was locked: it was moved in its repository
              = help: see what changed between the two (`git diff \(was) \(now)` in a clone of it) before you build it
            Locked 1 package in asthra.lock

            """)
        #expect(updated.status == 0)
        #expect(try remotes.read("app/asthra.lock").contains("tag = \"v1.1.0\"\ncommit = \"\(try #require(commits["v1.0.0"]))\"\n"))
        // Nothing moved since: nothing is said.
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).stderr == "Locked 1 package in asthra.lock\n")
    }

    @Test("a tag that names no version (stable) pins its commit as a commit does: the version its manifest says, the tag in the lock; a misspelt one is M025")
    func wordTag() throws {
        let remotes = try fixture()
        let commits = try json(remotes)
        try remotes.git(["tag", "stable", "v1.0.0"], in: remotes.root + "/remotes/user/json.git")
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", tag = \"stable\" }")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\n")
        let updated = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(updated.stderr == "    Adding github.com/user/json v1.0.0\nLocked 1 package in asthra.lock\n")
        let lock = try remotes.read("app/asthra.lock")
        #expect(lock.contains("version = \"1.0.0\"\nsource = \"git+https://github.com/user/json.git\"\ngit = \"github.com/user/json\"\ntag = \"stable\"\ncommit = \"\(try #require(commits["v1.0.0"]))\"\n"))
        let checked = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(checked.stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        try writeApp(remotes, "json = { git = \"github.com/user/json\", tag = \"stabel\" }")
        let misspelt = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(misspelt.stderr == """
            error[M025]: cannot get 'github.com/user/json': the repository has no tag 'stabel'
             --> asthra.toml:6:46
              |
            6 | json = { git = "github.com/user/json", tag = "stabel" }
              |                                              ^^^^^^^^ not in the repository
              |
              = help: did you mean tag 'stable'?


            """)
        #expect(misspelt.status == 1)
    }

    @Test("remove takes from the lock what no manifest leads to any more, as cargo remove does; what another dependency still needs stays")
    func removePrunesLock() throws {
        let remotes = try fixture()
        try remotes.repository("unicode", versions: ["1.0.0"]) { GitFixture.asthraPackage("unicode", $0) }
        try remotes.repository("json", versions: ["1.0.0"]) {
            GitFixture.asthraPackage("json", $0, dependencies: ["unicode = { git = \"github.com/user/unicode\", version = \"^1.0\" }"])
        }
        try remotes.repository("http", versions: ["2.0.0"]) {
            GitFixture.asthraPackage("http", $0, dependencies: ["unicode = { git = \"github.com/user/unicode\", version = \"^1.0\" }"])
        }
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }\nhttp = { git = \"github.com/user/http\", version = \"^2.0\" }")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        let locked = { try remotes.read("app/asthra.lock").split(separator: "\n").filter { $0.hasPrefix("name = ") }.map(String.init) }
        #expect(try locked() == ["name = \"github.com/user/http\"", "name = \"github.com/user/json\"", "name = \"github.com/user/unicode\""])
        let one = try AmpuProcess.run(["remove", "json"], environment: remotes.env, directory: app)
        #expect(one.stderr == "  Removing json\n  Removing github.com/user/json v1.0.0\n")
        #expect(try locked() == ["name = \"github.com/user/http\"", "name = \"github.com/user/unicode\""])
        let other = try AmpuProcess.run(["remove", "http"], environment: remotes.env, directory: app)
        #expect(other.stderr == "  Removing http\n  Removing github.com/user/http v2.0.0\n  Removing github.com/user/unicode v1.0.0\n")
        #expect(try locked() == [])
        // The lock is as `ampu update` writes it for the manifest as it is now: update changes nothing.
        let pruned = try remotes.read("app/asthra.lock")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).stderr == "Locked 0 packages in asthra.lock\n")
        #expect(try remotes.read("app/asthra.lock") == pruned)
    }

    @Test("a path dependency is locked as a path, and its own git dependencies are resolved with the root's")
    func pathDependency() throws {
        let remotes = try fixture()
        let commits = try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "util = { path = \"../util\" }")
        try remotes.write("util/asthra.toml", "[package]\nname = \"util\"\nversion = \"0.3.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"~1.0.0\" }\n")
        let result = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(result.stderr == "    Adding github.com/user/json v1.0.0\n    Adding util v0.3.0\nLocked 2 packages in asthra.lock\n")
        let lock = try remotes.read("app/asthra.lock")
        let checksum = try #require(lock.split(separator: "\n").first { $0.hasPrefix("checksum = ") })
        #expect(lock == """
            # Written by `ampu update`: it records the exact versions a build uses. Do not edit it by hand.
            version = 1

            [[package]]
            name = "github.com/user/json"
            version = "1.0.0"
            source = "git+https://github.com/user/json.git"
            git = "github.com/user/json"
            tag = "v1.0.0"
            commit = "\(commits["v1.0.0"]!)"
            \(checksum)
            dependencies = []

            [[package]]
            name = "util"
            version = "0.3.0"
            source = "path+../util"
            dependencies = ["github.com/user/json"]

            """)
        // A path whose manifest names another package is an error naming both.
        try remotes.write("util/asthra.toml", "[package]\nname = \"utils\"\nversion = \"0.3.0\"\n")
        let renamed = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(renamed.stderr == """
            error: cannot get 'util': the manifest at '\(remotes.root)/util/asthra.toml' names the package 'utils'
             --> asthra.toml:6:8
              |
            6 | util = { path = "../util" }
              |        ^^^^^^^^^^^^^^^^^^^^ required here


            """)
        #expect(renamed.status == 1)
    }

    @Test("update -p PKG --precise V takes exactly that version, named by the manifest's key or the import path")
    func precise() throws {
        let remotes = try fixture()
        try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        let down = try AmpuProcess.run(["update", "-p", "json", "--precise", "1.0.0"], environment: remotes.env, directory: app)
        #expect(down.stderr == "  Updating github.com/user/json v1.1.0 -> v1.0.0\nLocked 1 package in asthra.lock\n")
        let up = try AmpuProcess.run(["update", "-p", "github.com/user/json", "--precise", "1.1.0"], environment: remotes.env, directory: app)
        #expect(up.stderr == "  Updating github.com/user/json v1.0.0 -> v1.1.0\nLocked 1 package in asthra.lock\n")
        let missing = try AmpuProcess.run(["update", "-p", "json", "--precise", "1.2.0"], environment: remotes.env, directory: app)
        #expect(missing.stderr == """
            error: cannot get 'github.com/user/json': it has no version 1.2.0 (it has 1.0.0, 1.1.0)
             --> asthra.toml:6:8
              |
            6 | json = { git = "github.com/user/json", version = "^1.0" }
              |        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ required here


            """)
        #expect(missing.status == 1)
        let unknown = try AmpuProcess.run(["update", "-p", "yaml", "--precise", "1.0.0"], environment: remotes.env, directory: app)
        #expect(unknown.stderr == "error: 'yaml' is not in asthra.lock\n  = help: the packages asthra.lock records are: github.com/user/json\n")
        let alone = try AmpuProcess.run(["update", "--precise", "1.0.0"], environment: remotes.env, directory: app)
        #expect(alone.stderr == "error: --precise needs exactly one -p PACKAGE\n")
        // A pinned dependency is moved by its pin, and the error says so.
        try writeApp(remotes, "json = { git = \"github.com/user/json\", tag = \"v1.1.0\" }")
        let pinned = try AmpuProcess.run(["update", "-p", "json", "--precise", "1.0.0", "--offline"], environment: remotes.env, directory: app)
        #expect(pinned.stderr == """
            error: cannot get 'github.com/user/json': it has no version 1.0.0 (it has 1.1.0)
             --> asthra.toml:6:8
              |
            6 | json = { git = "github.com/user/json", tag = "v1.1.0" }
              |        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ required here
              |
              = help: it is pinned to tag 'v1.1.0': change that in the manifest to move it to another version


            """)
    }

    @Test("a pin edited after the lock was written (another tag, another commit) is a warning at the pin until `ampu update` records it")
    func pinEditedAfterLock() throws {
        let remotes = try fixture()
        let commits = try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", tag = \"v1.1.0\" }")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"json\";\n")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        try writeApp(remotes, "json = { git = \"github.com/user/json\", tag = \"v1.0.0\" }")
        let tag = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(tag.stderr == """
            warning[M020]: asthra.lock has 'json' at tag v1.1.0, not at tag v1.0.0
             --> asthra.toml:6:46
              |
            6 | json = { git = "github.com/user/json", tag = "v1.0.0" }
              |                                              ^^^^^^^^ not the tag asthra.lock records
              |
              = help: run `ampu update` to record this tag

            Checked 1 package, 1 module and 1 imported module: 1 warning

            """)
        let old = String(try #require(commits["v1.0.0"]).prefix(10))
        try writeApp(remotes, "json = { git = \"github.com/user/json\", rev = \"\(old)\" }")
        let rev = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(rev.stderr == """
            warning[M020]: asthra.lock has 'json' at commit \(try #require(commits["v1.1.0"]).prefix(12)), not at \(old)
             --> asthra.toml:6:46
              |
            6 | json = { git = "github.com/user/json", rev = "\(old)" }
              |                                              ^^^^^^^^^^^^ not the commit asthra.lock records
              |
              = help: run `ampu update` to record this commit

            Checked 1 package, 1 module and 1 imported module: 1 warning

            """)
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: app).stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
    }

    @Test("on a terminal, a progress line says what is being fetched, and is cleared; in a pipe there is none")
    func progressLine() throws {
        let remotes = try fixture()
        try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }")
        // `script` runs ampu on a pseudo-terminal (which ends lines with \r\n).
        let (text, status) = try onTerminal("update", directory: app, environment: remotes.env)
        #expect(text == "\r\u{1B}[2K    Fetching github.com/user/json\r\u{1B}[2K    Adding github.com/user/json v1.1.0\r\nLocked 1 package in asthra.lock\r\n")
        #expect(status == 0)
        try FileManager.default.removeItem(atPath: remotes.root + "/cache")
        let fetched = try AmpuProcess.run(["fetch"], environment: remotes.env, directory: app)
        #expect(fetched.stderr == "   Fetched github.com/user/json v1.1.0\n1 package in the cache, as asthra.lock records it\n")
    }

    @Test("ampu vendor copies the locked packages into the project, in the cache's layout; ASTHRA_CACHE=vendor then needs nothing else")
    func vendor() throws {
        let remotes = try fixture()
        let commits = try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\n")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        let vendored = try AmpuProcess.run(["vendor"], environment: remotes.env, directory: app)
        #expect(vendored.stderr == "  Vendored github.com/user/json v1.1.0\n1 package in vendor\n  = help: use them with ASTHRA_CACHE=\(app)/vendor\n")
        #expect(vendored.status == 0)
        let commit = try #require(commits["v1.1.0"])
        #expect(try remotes.read("app/vendor/github.com/user/json/\(commit)/src/lib.asthra") == "package json;\n")
        // Vendoring again replaces the directory whole: what the lock does not name goes.
        try remotes.write("app/vendor/github.com/user/stale/\(commit)/src/lib.asthra", "package stale;\n")
        #expect(try AmpuProcess.run(["vendor"], environment: remotes.env, directory: app).stderr == vendored.stderr)
        #expect(try FileManager.default.contentsOfDirectory(atPath: app + "/vendor/github.com/user") == ["json"])
        // Nothing else to reach: no remote, no cache.
        try FileManager.default.removeItem(atPath: remotes.root + "/remotes")
        try FileManager.default.removeItem(atPath: remotes.root + "/cache")
        let inVendor = remotes.env.merging(["ASTHRA_CACHE": app + "/vendor"]) { $1 }
        #expect(try AmpuProcess.run(["check"], environment: inVendor, directory: app).stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        #expect(try AmpuProcess.run(["fetch", "--offline"], environment: inVendor, directory: app).status == 0)
        // A directory ampu did not write is never replaced.
        try remotes.write("app/third_party/notes.txt", "mine\n")
        let refused = try AmpuProcess.run(["vendor", "third_party"], environment: inVendor, directory: app)
        #expect(refused.stderr == "error: '\(app)/third_party' exists and is not a vendor directory ampu wrote (it has no .ampu-vendor); remove it or name another directory\n")
        #expect(try remotes.read("app/third_party/notes.txt") == "mine\n")
    }

    @Test("a registry directory: dependencies by name and version, locked as registry+DIR and imported from there")
    func registry() throws {
        let remotes = try fixture()
        let app = remotes.root + "/app"
        for (name, version, deps) in [("json", "1.0.0", ""), ("json", "1.2.0", "\n[dependencies]\nunicode = \"^1.0\"\n"), ("unicode", "1.0.0", "")] {
            try remotes.write("registry/\(name)/\(version)/asthra.toml", "[package]\nname = \"\(name)\"\nversion = \"\(version)\"\n" + deps)
            try remotes.write("registry/\(name)/\(version)/src/lib.asthra", "package \(name);\n")
        }
        try writeApp(remotes, "json = \"^1.0\"")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"json\";\n")
        let result = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(result.stderr == "    Adding json v1.2.0\n    Adding unicode v1.0.0\nLocked 2 packages in asthra.lock\n")
        let lock = try remotes.read("app/asthra.lock")
        let sums = lock.split(separator: "\n").filter { $0.hasPrefix("checksum = ") }
        try #require(sums.count == 2)
        #expect(lock == """
            # Written by `ampu update`: it records the exact versions a build uses. Do not edit it by hand.
            version = 1

            [[package]]
            name = "json"
            version = "1.2.0"
            source = "registry+\(remotes.root)/registry"
            \(sums[0])
            dependencies = ["unicode"]

            [[package]]
            name = "unicode"
            version = "1.0.0"
            source = "registry+\(remotes.root)/registry"
            \(sums[1])
            dependencies = []

            """)
        // The import is found in the registry, at the locked version.
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: app).stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        // AMPU_REGISTRY says the same; the lock does not change. A relative one is taken from
        // the workspace root, wherever ampu runs, as the editor takes it.
        let again = try AmpuProcess.run(["update", "--locked"], environment: remotes.env.merging(["AMPU_REGISTRY": remotes.root + "/registry"]) { $1 }, directory: app)
        #expect(again.stderr == "Locked 2 packages in asthra.lock\n")
        let relative = try AmpuProcess.run(["update", "--locked"], environment: remotes.env.merging(["AMPU_REGISTRY": "../registry"]) { $1 }, directory: app + "/src")
        #expect(relative.stderr == "Locked 2 packages in asthra.lock\n")
        #expect(relative.status == 0)
        // A registry entry that changed under the lock is an error that says what to do.
        try remotes.write("registry/json/1.2.0/src/lib.asthra", "package json; // changed\n")
        let changed = try AmpuProcess.run(["fetch"], environment: remotes.env, directory: app)
        #expect(changed.stderr == "error: the files of 'json' at '\(remotes.root)/registry/json/1.2.0' in the registry are not the ones asthra.lock recorded (its checksum differs): run `ampu update -p json` to take them as they are now\n")
        #expect(changed.status == 1)
        // A requirement the locked version no longer meets: the lock is out of date, as for git.
        try writeApp(remotes, "json = \"^2.0\"")
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: app).stderr == """
            warning[M020]: asthra.lock has 'json' at 1.2.0, which ^2.0 does not allow
             --> asthra.toml:6:8
              |
            6 | json = "^2.0"
              |        ^^^^^^ does not allow 1.2.0
              |
              = help: run `ampu update` to choose a version this allows

            Checked 1 package, 1 module and 1 imported module: 1 warning

            """)
    }

    @Test("update moves every package to the newest version that fits, as cargo update does; -p moves only the one named")
    func updateMovesToNewest() throws {
        let remotes = try fixture()
        let app = remotes.root + "/app"
        func publish(_ name: String, _ version: String) throws {
            try remotes.write("registry/\(name)/\(version)/asthra.toml", "[package]\nname = \"\(name)\"\nversion = \"\(version)\"\n")
            try remotes.write("registry/\(name)/\(version)/src/lib.asthra", "package \(name);\n")
        }
        try publish("json", "1.0.0")
        try publish("yaml", "0.4.0")
        try writeApp(remotes, "json = \"^1.0\"\nyaml = \"~0.4\"")
        let first = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(first.stderr == "    Adding json v1.0.0\n    Adding yaml v0.4.0\nLocked 2 packages in asthra.lock\n")
        try publish("json", "1.1.0")
        try publish("json", "2.0.0")
        try publish("yaml", "0.4.3")
        let one = try AmpuProcess.run(["update", "-p", "yaml", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(one.stderr == "  Updating yaml v0.4.0 -> v0.4.3\nLocked 2 packages in asthra.lock\n")
        let all = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(all.stderr == "  Updating json v1.0.0 -> v1.1.0\nLocked 2 packages in asthra.lock\n")
        #expect(try AmpuProcess.run(["tree"], environment: remotes.env, directory: app).stdout == "app v0.1.0\n├── json v1.1.0\n└── yaml v0.4.3\n")
    }

    @Test("a package first met pinned by a tag, then asked for by a range, another tag or a branch only where the solver backtracks, is solved with what each asks", arguments: [
        ("x = { git = \"github.com/user/x\", version = \"~1.1\" }", ["a v1.0.0", "b v1.0.0", "x v1.1.0"]),
        ("x = { git = \"github.com/user/x\", tag = \"v1.1.0\" }", ["a v1.0.0", "b v1.0.0", "x v1.1.0"]),
        // main is at v1.2.0: the branch and a 1.1.0's tag pin one commit.
        ("x = { git = \"github.com/user/x\", branch = \"main\" }", ["a v1.1.0", "b v1.0.0", "x v1.2.0"]),
    ])
    func lateRequirementOnPinnedPackage(requirement: String, chosen: [String]) throws {
        let remotes = try fixture()
        // a 1.1.0 pins x to v1.2.0; b 1.1.0 cannot be had (q needs an a 2.x there is not), and
        // b 1.0.0 asks for x as given. The prefetch reads the newest manifests (a 1.1.0, b
        // 1.1.0), so it learns x pinned by one tag; b 1.0.0's requirement is read only once the
        // solver turns back from b 1.1.0.
        try remotes.repository("x", versions: ["1.1.0", "1.2.0"]) { GitFixture.asthraPackage("x", $0) }
        try remotes.repository("a", versions: ["1.0.0", "1.1.0"]) { v in
            GitFixture.asthraPackage("a", v, dependencies: v == "1.0.0" ? [] : ["x = { git = \"github.com/user/x\", tag = \"v1.2.0\" }"])
        }
        try remotes.repository("q", versions: ["1.0.0"]) { GitFixture.asthraPackage("q", $0, dependencies: ["a = { git = \"github.com/user/a\", version = \"^2.0\" }"]) }
        try remotes.repository("b", versions: ["1.0.0", "1.1.0"]) { v in
            GitFixture.asthraPackage("b", v, dependencies: [v == "1.0.0" ? requirement : "q = { git = \"github.com/user/q\", version = \"^1.0\" }"])
        }
        try writeApp(remotes, "a = { git = \"github.com/user/a\", version = \"^1.0\" }\nb = { git = \"github.com/user/b\", version = \"^1.0\" }")
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: remotes.root + "/app")
        #expect(update.stderr == chosen.map { "    Adding github.com/user/\($0)\n" }.joined() + "Locked 3 packages in asthra.lock\n")
        #expect(update.status == 0)
        #expect(try AmpuProcess.run(["tree"], environment: remotes.env, directory: remotes.root + "/app").stdout == """
            app v0.1.0
            ├── github.com/user/\(chosen[0])\(chosen[0] == "a v1.1.0" ? "\n│   └── github.com/user/x v1.2.0" : "")
            └── github.com/user/\(chosen[1])
                └── github.com/user/\(chosen[2])

            """)
    }

    @Test("one repository spelt two ways by two dependencies is one package, locked from one URL whatever order the manifests are read in; the workspace's own spelling first")
    func oneRepositoryTwoSpellings() throws {
        let remotes = try fixture()
        try remotes.repository("x", versions: ["1.0.0"]) { GitFixture.asthraPackage("x", $0) }
        try remotes.repository("a", versions: ["1.0.0"]) { GitFixture.asthraPackage("a", $0, dependencies: ["x = { git = \"github.com/user/x\", version = \"^1.0\" }"]) }
        try remotes.repository("b", versions: ["1.0.0"]) { GitFixture.asthraPackage("b", $0, dependencies: ["x = { git = \"https://github.com/user/x\", version = \"^1.0\" }"]) }
        let app = remotes.root + "/app"
        func source(of package: String) throws -> String? {
            let lock = try remotes.read("app/asthra.lock")
            guard let at = lock.range(of: "name = \"\(package)\"\nversion = \"1.0.0\"\nsource = \"") else { return nil }
            return String(lock[at.upperBound...].prefix { $0 != "\"" })
        }
        try writeApp(remotes, "a = { git = \"github.com/user/a\", version = \"^1.0\" }\nb = { git = \"github.com/user/b\", version = \"^1.0\" }")
        for _ in 0..<4 {
            try? FileManager.default.removeItem(atPath: remotes.root + "/cache")
            try? FileManager.default.removeItem(atPath: app + "/asthra.lock")
            #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
            #expect(try source(of: "github.com/user/x") == "git+https://github.com/user/x")
        }
        // The workspace's own spelling wins over its dependencies'.
        try writeApp(remotes, "a = { git = \"github.com/user/a\", version = \"^1.0\" }\nb = { git = \"github.com/user/b\", version = \"^1.0\" }\n"
                     + "x = { git = \"github.com/user/x\", version = \"^1.0\" }")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        #expect(try source(of: "github.com/user/x") == "git+https://github.com/user/x.git")
    }

    @Test("pins of one package are one checkout: pins that name different commits are an error naming each pin and who asks, pins that agree and a range the pinned version meets are locked at the pinned commit")
    func pinsOfOnePackage() throws {
        let remotes = try fixture()
        let x = try remotes.repository("x", versions: ["1.0.0", "1.1.0"]) { GitFixture.asthraPackage("x", $0) }
        try remotes.git(["checkout", "--quiet", "-b", "dev"], in: x)
        for (path, text) in GitFixture.asthraPackage("x", "1.5.0") { try remotes.write("remotes/user/x.git/" + path, text) }
        try remotes.git(["commit", "--quiet", "-am", "dev"], in: x)
        try remotes.git(["checkout", "--quiet", "main"], in: x)
        let dev = try remotes.commit("x", "dev")
        let v100 = try remotes.commit("x", "v1.0.0")
        try remotes.repository("a", versions: ["1.0.0"]) { GitFixture.asthraPackage("a", $0, dependencies: ["x = { git = \"github.com/user/x\", branch = \"dev\" }"]) }
        let app = remotes.root + "/app"
        func update(_ x: String) throws -> AmpuProcess.Result {
            try writeApp(remotes, "a = { git = \"github.com/user/a\", version = \"^1.0\" }\n" + x)
            try? FileManager.default.removeItem(atPath: app + "/asthra.lock")
            return try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        }

        let different = try update("x = { git = \"github.com/user/x\", tag = \"v1.0.0\" }")
        #expect(different.stderr == """
            error[M021]: no versions of the dependencies meet every requirement
             --> asthra.toml:7:1
              |
            6 | a = { git = "github.com/user/a", version = "^1.0" }
              |                                            ------ 'a' takes part
            7 | x = { git = "github.com/user/x", tag = "v1.0.0" }
              | ^ cannot be met together with the other requirements
              |
              = note: github.com/user/x is pinned to different commits: branch 'dev' (commit \(dev.prefix(12))) by github.com/user/a 1.0.0; tag 'v1.0.0' (commit \(v100.prefix(12))) by app 0.1.0.
              = note: A build has one checkout of each package: pin it to the same tag, branch or commit in each manifest, or ask for a version range.
              = help: change a requirement so that one version fits them all


            """)
        // check says it too, from what the failed update fetched into the cache.
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(check.stderr == """
            error[M021]: no versions of the dependencies meet every requirement
             --> asthra.toml:7:1
              |
            6 | a = { git = "github.com/user/a", version = "^1.0" }
              |                                            ------ 'a' takes part
            7 | x = { git = "github.com/user/x", tag = "v1.0.0" }
              | ^ cannot be met together with the other requirements
              |
              = note: github.com/user/x is pinned to different commits: branch 'dev' (commit \(dev.prefix(12))) by github.com/user/a 1.0.0; tag 'v1.0.0' (commit \(v100.prefix(12))) by app 0.1.0.
              = note: A build has one checkout of each package: pin it to the same tag, branch or commit in each manifest, or ask for a version range.
              = help: the versions are the tags in the package cache; change a requirement, or run `ampu update` to fetch newer tags

            error: check failed: 1 error, 0 warnings in 1 package, 0 modules

            """)
        #expect(check.status == 1)
        #expect(different.status == 1)
        #expect(!FileManager.default.fileExists(atPath: app + "/asthra.lock"))

        let locked = """
                Adding github.com/user/a v1.0.0
                Adding github.com/user/x v1.5.0
            Locked 2 packages in asthra.lock

            """
        for agreeing in ["x = { git = \"github.com/user/x\", rev = \"\(dev)\" }", "x = { git = \"github.com/user/x\", version = \"^1.0\" }"] {
            let same = try update(agreeing)
            #expect(same.stderr == locked, "\(agreeing)")
            #expect(try remotes.read("app/asthra.lock").contains("name = \"github.com/user/x\"\nversion = \"1.5.0\"\nsource = \"git+https://github.com/user/x.git\"\ngit = \"github.com/user/x\"\ncommit = \"\(dev)\"\n"))
        }

        // A range the pinned commit's version does not meet: the explanation says what pins it.
        let outside = try update("x = { git = \"github.com/user/x\", version = \"~1.0\" }")
        #expect(outside.stderr == """
            error[M021]: no versions of the dependencies meet every requirement
             --> asthra.toml:7:44
              |
            7 | x = { git = "github.com/user/x", version = "~1.0" }
              |                                            ^^^^^^ cannot be met
              |
              = note: Because no versions of github.com/user/x match ~1.0.0 and app depends on github.com/user/x ~1.0.0, version solving failed.
              = note: github.com/user/x is pinned to branch 'dev' by github.com/user/a 1.0.0, whose commit is version 1.5.0: no other version of it can be chosen.
              = help: change a requirement so that one version fits them all


            """)
        #expect(outside.status == 1)
    }

    @Test("a package the registry lacks (with the name it most likely means), and a version directory without its manifest: said at the requirement, with what to do, and no lock written")
    func registryGaps() throws {
        let remotes = try fixture()
        let app = remotes.root + "/app"
        try remotes.write("registry/json/1.0.0/asthra.toml", "[package]\nname = \"json\"\nversion = \"1.0.0\"\n")
        try remotes.write("registry/json/1.0.0/src/lib.asthra", "package json;\n")
        try writeApp(remotes, "jsn = \"^1.0\"")
        try remotes.write("app/src/main.asthra", "package main;\n")
        let misspelt = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(misspelt.stderr == """
            error: cannot get 'jsn': the registry at '\(remotes.root)/registry' has no 'jsn'
             --> asthra.toml:6:7
              |
            6 | jsn = "^1.0"
              |       ^^^^^^ required here
              |
              = help: did you mean 'json'?


            """)
        #expect(misspelt.status == 1)
        try writeApp(remotes, "yaml = \"^1.0\"")
        let absent = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(absent.stderr.contains("  = help: a registry holds a directory for each package, and in it one for each version with its asthra.toml ('yaml/1.0.0/asthra.toml')\n"), "\(absent.stderr)")
        try FileManager.default.createDirectory(atPath: remotes.root + "/registry/json/1.1.0", withIntermediateDirectories: true)
        try writeApp(remotes, "json = \"^1.0\"")
        let empty = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(empty.stderr == """
            error: cannot get 'json': version 1.1.0 in the registry has no asthra.toml at '\(remotes.root)/registry/json/1.1.0/asthra.toml'
             --> asthra.toml:6:8
              |
            6 | json = "^1.0"
              |        ^^^^^^ required here
              |
              = help: put the version's asthra.toml there, or remove '\(remotes.root)/registry/json/1.1.0' so that the version is not offered


            """)
        #expect(!FileManager.default.fileExists(atPath: app + "/asthra.lock"))
    }

    @Test("with no registry, a dependency by name and version is said to be left out, at its line; the git one beside it is locked")
    func nameWithoutRegistry() throws {
        let remotes = try fixture()
        try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }\nunicode = \"^1.0\"")
        let result = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(result.stderr == """
            warning: dependency 'unicode' was not resolved: no registry is given
             --> asthra.toml:7:1
              |
            7 | unicode = "^1.0"
              | ^^^^^^^ by name and version
              |
              = note: a dependency by name and version comes from a registry; without one, only a copy put in the package cache by hand serves it
              = help: run `ampu update --registry DIR` (or set AMPU_REGISTRY), or give it a `path` or `git` source

                Adding github.com/user/json v1.1.0
            Locked 1 package in asthra.lock

            """)
        #expect(result.status == 0)
        // Given a registry that has it, the same manifest locks both, and says nothing more.
        try remotes.write("registry/unicode/1.0.0/asthra.toml", "[package]\nname = \"unicode\"\nversion = \"1.0.0\"\n")
        let registered = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(registered.stderr == "    Adding unicode v1.0.0\nLocked 2 packages in asthra.lock\n")
    }

    @Test("a workspace has one lock, beside its root: the members' git dependencies are solved into it from the root or from a member, and tree draws each member")
    func workspaceMembers() throws {
        let remotes = try fixture()
        let commits = try json(remotes)
        try remotes.write("ws/asthra.toml", "[workspace]\nmembers = [\"app\", \"lib\"]\n")
        try remotes.write("ws/app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\nlib = { path = \"../lib\" }\n")
        try remotes.write("ws/lib/asthra.toml", "[package]\nname = \"lib\"\nversion = \"0.2.0\"\n")
        let root = remotes.root + "/ws"
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: root)
        #expect(update.stderr == "    Adding github.com/user/json v1.1.0\n    Adding lib v0.2.0\nLocked 2 packages in asthra.lock\n")
        #expect(update.status == 0)
        let lock = try remotes.read("ws/asthra.lock")
        let checksum = try #require(lock.split(separator: "\n").first { $0.hasPrefix("checksum = ") })
        #expect(lock == """
            # Written by `ampu update`: it records the exact versions a build uses. Do not edit it by hand.
            version = 1

            [[package]]
            name = "github.com/user/json"
            version = "1.1.0"
            source = "git+https://github.com/user/json.git"
            git = "github.com/user/json"
            tag = "v1.1.0"
            commit = "\(try #require(commits["v1.1.0"]))"
            \(checksum)
            dependencies = []

            [[package]]
            name = "lib"
            version = "0.2.0"
            source = "path+lib"
            dependencies = []

            """)
        // From a member: the same lock, as it was; the member's tree from it.
        let fromMember = try AmpuProcess.run(["update"], environment: remotes.env, directory: root + "/app")
        #expect(fromMember.stderr == "Locked 2 packages in asthra.lock\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/app/asthra.lock"))
        let tree = try AmpuProcess.run(["tree"], environment: remotes.env, directory: root + "/app")
        #expect(tree.stdout == "app v0.1.0\n├── github.com/user/json v1.1.0\n└── lib v0.2.0\n")
        // From the root, which is no package: each member's tree, as `cargo tree` draws them.
        let all = try AmpuProcess.run(["tree"], environment: remotes.env, directory: root)
        #expect(all.stdout == "app v0.1.0\n├── github.com/user/json v1.1.0\n└── lib v0.2.0\n\nlib v0.2.0\n")
        // A member is not a dependency to update.
        let member = try AmpuProcess.run(["update", "-p", "app"], environment: remotes.env, directory: root)
        #expect(member.stderr == """
            error: 'app' is a package of this workspace, not a dependency: asthra.lock records what the workspace's packages depend on
              = help: name one of its dependencies (`ampu tree` lists them), or run `ampu update` for all

            """)
        #expect(member.status == 1)
        // There, why, an inverted tree and the graph start from every member too.
        let why = try AmpuProcess.run(["why", "lib"], environment: remotes.env, directory: root)
        #expect(why.stdout == "app v0.1.0 → lib v0.2.0\n")
        let inverted = try AmpuProcess.run(["tree", "--invert", "github.com/user/json"], environment: remotes.env, directory: root)
        #expect(inverted.stdout == "github.com/user/json v1.1.0\n└── app v0.1.0\n")
        let graph = try AmpuProcess.run(["graph"], environment: remotes.env, directory: root)
        #expect(graph.stdout == """
            digraph dependencies {
              "app" [label="app v0.1.0"];
              "lib" [label="lib v0.2.0"];
              "github.com/user/json" [label="github.com/user/json v1.1.0"];
              "app" -> "github.com/user/json";
              "app" -> "lib";
            }

            """)
        // A member's requirement the lock no longer meets is said at the member's line.
        try remotes.write("ws/app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^2.0\" }\nlib = { path = \"../lib\" }\n")
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: root)
        #expect(check.stderr.contains("asthra.lock has 'json' at 1.1.0, which ^2.0 does not allow"))
    }

    @Test("at a workspace root that is a package itself, tree, why and graph start from it and from each member")
    func rootPackageWithMembers() throws {
        let remotes = try fixture()
        try remotes.write("ws/asthra.toml", "[package]\nname = \"ws\"\nversion = \"1.0.0\"\n\n[workspace]\nmembers = [\"app\", \"lib\"]\n")
        try remotes.write("ws/app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n")
        try remotes.write("ws/lib/asthra.toml", "[package]\nname = \"lib\"\nversion = \"0.2.0\"\n")
        let root = remotes.root + "/ws"
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: root)
        #expect(update.stderr == "    Adding lib v0.2.0\nLocked 1 package in asthra.lock\n")
        let tree = try AmpuProcess.run(["tree"], environment: remotes.env, directory: root)
        #expect(tree.stdout == "ws v1.0.0\n\napp v0.1.0\n└── lib v0.2.0\n\nlib v0.2.0\n")
        let why = try AmpuProcess.run(["why", "lib"], environment: remotes.env, directory: root)
        #expect(why.stdout == "app v0.1.0 → lib v0.2.0\n")
        let graph = try AmpuProcess.run(["graph", "--format", "json"], environment: remotes.env, directory: root)
        #expect(graph.stdout.hasPrefix("{\n  \"roots\": [\n    \"ws\",\n    \"app\",\n    \"lib\"\n  ],\n"))
        // To a file, it says so, as compile-commands and gen ninja do; where it cannot, why.
        let written = try AmpuProcess.run(["graph", "--format", "json", "--output", "deps.json"], environment: remotes.env, directory: root)
        #expect(written.stderr == "       Wrote deps.json\n")
        #expect(try remotes.read("ws/deps.json") == graph.stdout)
        let nowhere = try AmpuProcess.run(["graph", "--output", "missing/deps.dot"], environment: remotes.env, directory: root)
        #expect(nowhere.stderr == "error: cannot write '\(root)/missing/deps.dot': '\(root)/missing' does not exist\n")
        #expect(nowhere.status == 1)
        // From a member, that member's alone.
        let member = try AmpuProcess.run(["tree"], environment: remotes.env, directory: root + "/app")
        #expect(member.stdout == "app v0.1.0\n└── lib v0.2.0\n")
    }

    @Test("two members that ask for versions of one package no version meets: update and check say so at both members' lines, with the explanation")
    func workspaceMembersConflict() throws {
        let remotes = try fixture()
        try json(remotes)
        try remotes.write("ws/asthra.toml", "[workspace]\nmembers = [\"app\", \"lib\"]\n")
        try remotes.write("ws/app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"~1.0.0\" }\n")
        try remotes.write("ws/lib/asthra.toml", "[package]\nname = \"lib\"\nversion = \"0.2.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.1\" }\n")
        let root = remotes.root + "/ws"
        // The same error from update and check, but for what it advises.
        func conflict(help: String) -> String {
            """
            error[M021]: no versions of the dependencies meet every requirement
             --> app/asthra.toml:6:50
              |
            6 | json = { git = "github.com/user/json", version = "~1.0.0" }
              |                                                  ^^^^^^^^ cannot be met together with the other requirements
             ::: lib/asthra.toml:6:50: 'json' takes part
              |
              = note: Because lib depends on github.com/user/json ^1.1.0 and app depends on github.com/user/json ~1.0.0, lib is incompatible with app.
              = note: So, because the workspace depends on both app and lib, version solving failed.
              = help: \(help)


            """
        }
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: root)
        #expect(update.stderr == conflict(help: "change a requirement so that one version fits them all"))
        #expect(update.status == 1)
        #expect(!FileManager.default.fileExists(atPath: root + "/asthra.lock"))
        // `check` from a member finds the same conflict in the cache, at the same lines.
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: root + "/app")
        #expect(check.stderr == conflict(help: "the versions are the tags in the package cache; change a requirement, or run `ampu update` to fetch newer tags")
                + "error: check failed: 1 error, 0 warnings in 2 packages, 0 modules\n")
        #expect(check.status == 1)
    }

    @Test("a member whose manifest has an error stops update: its errors are shown and the lock stays as it was")
    func brokenMember() throws {
        let remotes = try fixture()
        try json(remotes)
        try remotes.write("ws/asthra.toml", "[workspace]\nmembers = [\"app\", \"lib\"]\n")
        try remotes.write("ws/app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n")
        try remotes.write("ws/lib/asthra.toml", "[package]\nname = \"lib\"\nversion = \"0.2.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n")
        let root = remotes.root + "/ws"
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: root).status == 0)
        let before = try remotes.read("ws/asthra.lock")
        try remotes.write("ws/app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\"\n")
        let update = try AmpuProcess.run(["update"], environment: remotes.env, directory: root)
        #expect(update.stderr == """
            error[T002]: an inline table must end on the line it starts on
             --> app/asthra.toml:6:24
              |
            6 | lib = { path = "../lib"
              |                        ^
              |
              = help: close it with '}' on this line, or use a [table] section for longer tables

            error: asthra.lock is not updated: a manifest has an error
              = help: fix it (`ampu check` shows every problem), then run `ampu update` again

            """)
        #expect(update.status == 1)
        #expect(try remotes.read("ws/asthra.lock") == before)
    }

    @Test("a git dependency moved to another repository, or pinned to another tag or commit than the lock records, is an outdated lock (M020) at that value")
    func lockFromElsewhere() throws {
        let remotes = try fixture()
        // Reached by its directory, the package is its key in the manifest: it names itself so.
        try remotes.repository("json", versions: ["1.0.0", "1.1.0"]) { ["asthra.toml": "[package]\nname = \"json\"\nversion = \"\($0)\"\n"] }
        let commits = try ["v1.0.0": remotes.commit("json", "v1.0.0"), "v1.1.0": remotes.commit("json", "v1.1.0")]
        let repository = "file://\(remotes.root)/remotes/user/json.git"
        try writeApp(remotes, "json = { git = \"\(repository)\", tag = \"v1.0.0\" }")
        let app = remotes.root + "/app"
        let first = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(first.stderr == "    Adding json v1.0.0\nLocked 1 package in asthra.lock\n")
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: app).stderr == "Checked 1 package, 0 modules: no problems\n")
        try writeApp(remotes, "json = { git = \"\(repository)\", tag = \"v1.1.0\" }")
        let tag = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        let tagColumn = "json = { git = \"\(repository)\", tag = ".count + 1
        #expect(tag.stderr == """
            warning[M020]: asthra.lock has 'json' at tag v1.0.0, not at tag v1.1.0
             --> asthra.toml:6:\(tagColumn)
              |
            6 | json = { git = "\(repository)", tag = "v1.1.0" }
              | \(String(repeating: " ", count: tagColumn - 1))^^^^^^^^ not the tag asthra.lock records
              |
              = help: run `ampu update` to record this tag

            Checked 1 package, 0 modules: 1 warning

            """)
        try writeApp(remotes, "json = { git = \"\(repository)\", rev = \"\(try #require(commits["v1.1.0"]).prefix(10))\" }")
        let rev = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(rev.stderr.hasPrefix("warning[M020]: asthra.lock has 'json' at commit \(try #require(commits["v1.0.0"]).prefix(12)), not at \(try #require(commits["v1.1.0"]).prefix(10))\n"))
        let moved = "file://\(remotes.root)/remotes/user/json-moved.git"
        try writeApp(remotes, "json = { git = \"\(moved)\", tag = \"v1.0.0\" }")
        let source = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(source.stderr == """
            warning[M020]: asthra.lock has 'json' from \(repository), not from \(moved)
             --> asthra.toml:6:16
              |
            6 | json = { git = "\(moved)", tag = "v1.0.0" }
              |                \(String(repeating: "^", count: moved.count + 2)) not the repository asthra.lock records
              |
              = help: run `ampu update` to fetch it from here

            Checked 1 package, 0 modules: 1 warning

            """)
    }

    @Test("a tag, branch or commit the repository does not have: M025 at that value, the closest as the fix; check says the cached copy lacks it")
    func missingReference() throws {
        let remotes = try fixture()
        try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", tag = \"v1.2.0\" }")
        let tag = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(tag.stderr == """
            error[M025]: cannot get 'github.com/user/json': the repository has no tag 'v1.2.0'
             --> asthra.toml:6:46
              |
            6 | json = { git = "github.com/user/json", tag = "v1.2.0" }
              |                                              ^^^^^^^^ not in the repository
              |
              = help: did you mean tag 'v1.1.0'?


            """)
        #expect(tag.status == 1)
        #expect(!FileManager.default.fileExists(atPath: app + "/asthra.lock"))
        // The mirror is in the cache now: check, which fetches nothing, says what the copy lacks.
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(check.stderr.hasPrefix("""
            error[M025]: cannot get 'github.com/user/json': the package cache's copy of the repository has no tag 'v1.2.0'
             --> asthra.toml:6:46
              |
            6 | json = { git = "github.com/user/json", tag = "v1.2.0" }
              |                                              ^^^^^^^^ not in the cached copy
              |
              = help: did you mean tag 'v1.1.0'?
              = help: run `ampu update` to fetch what the repository has now

            """))
        // The fix, for an editor: the tag meant, in place of the one written.
        let json = try AmpuProcess.run(["check", "--message-format", "json"], environment: remotes.env, directory: app)
        #expect(json.stdout.contains(#""fix":{"title":"Change the tag to 'v1.1.0'","edits":[{"file":"asthra.toml","line":6,"column":46,"endLine":6,"endColumn":54,"newText":"\"v1.1.0\""}],"certain":false}"#))
        try writeApp(remotes, "json = { git = \"github.com/user/json\", branch = \"mian\" }")
        let branch = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(branch.stderr.hasPrefix("error[M025]: cannot get 'github.com/user/json': the repository has no branch 'mian'\n"))
        #expect(branch.stderr.contains("  = help: did you mean branch 'main'?\n"))
        try writeApp(remotes, "json = { git = \"github.com/user/json\", rev = \"deadbeef\" }")
        let rev = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(rev.stderr.hasPrefix("error[M025]: cannot get 'github.com/user/json': the repository has no commit 'deadbeef'\n"))
        #expect(rev.stderr.contains("  = help: give a commit the repository has (its full id, or an abbreviation of it)\n"))
    }

    @Test("two repositories on this machine with one name: the cache's copy of one is not taken for the other, and offline says whose it is")
    func sameNameElsewhere() throws {
        let remotes = try fixture()
        try remotes.repository("json", versions: ["1.0.0"]) { ["asthra.toml": "[package]\nname = \"json\"\nversion = \"\($0)\"\n", "src/lib.asthra": "package json;\n"] }
        let first = try remotes.commit("json", "v1.0.0")
        // Another repository named json, elsewhere, with other files at the same tag.
        let other = remotes.root + "/elsewhere/json"
        try remotes.write("elsewhere/json/asthra.toml", "[package]\nname = \"json\"\nversion = \"1.0.0\"\n")
        try remotes.write("elsewhere/json/src/lib.asthra", "package json; // the other one\n")
        for args in [["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", "other"], ["tag", "v1.0.0"]] { _ = try remotes.git(args, in: other) }
        let second = try remotes.git(["rev-parse", "v1.0.0^{commit}"], in: other).trimmingCharacters(in: .whitespacesAndNewlines)
        let app = remotes.root + "/app"
        let firstURL = "file://\(remotes.root)/remotes/user/json.git", secondURL = "file://\(other)"
        try writeApp(remotes, "json = { git = \"\(firstURL)\", tag = \"v1.0.0\" }")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        #expect(try remotes.read("app/asthra.lock").contains("commit = \"\(first)\"\n"))
        try FileManager.default.removeItem(atPath: app + "/asthra.lock")
        try writeApp(remotes, "json = { git = \"\(secondURL)\", tag = \"v1.0.0\" }")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        #expect(try remotes.read("app/asthra.lock").contains("commit = \"\(second)\"\n"))
        // Offline, the copy there is the second's: said, not taken for the first.
        try FileManager.default.removeItem(atPath: app + "/asthra.lock")
        try writeApp(remotes, "json = { git = \"\(firstURL)\", tag = \"v1.0.0\" }")
        let offline = try AmpuProcess.run(["update", "--offline"], environment: remotes.env, directory: app)
        #expect(offline.stderr.hasPrefix("error: cannot get 'json': the package cache's copy comes from \(secondURL), not from \(firstURL)\n"))
        #expect(offline.stderr.contains("  = help: run `ampu update` without --offline to fetch it from \(firstURL)\n"))
        #expect(offline.status == 1)
    }

    @Test("two fetches at once into one cache take turns: both succeed, one checkout, nothing half-made")
    func concurrentFetches() throws {
        let remotes = try fixture()
        let commits = try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        try FileManager.default.removeItem(atPath: remotes.root + "/cache")
        let processes = (0..<2).map { _ -> Process in
            let p = Process()
            p.executableURL = AmpuProcess.executable
            p.arguments = ["fetch"]
            p.currentDirectoryURL = URL(fileURLWithPath: app)
            p.environment = ProcessInfo.processInfo.environment.merging(remotes.env) { $1 }
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let entries = try FileManager.default.contentsOfDirectory(atPath: remotes.root + "/cache/github.com/user/json")
        #expect(entries == [commits["v1.1.0"]!])
        #expect(try AmpuProcess.run(["fetch", "--offline"], environment: remotes.env, directory: app).status == 0)
        let list = try AmpuProcess.run(["list"], environment: remotes.env, directory: app)
        #expect(list.stdout == "github.com/user/json v1.1.0 (\(commits["v1.1.0"]!.prefix(12)))\n")
        #expect(list.stderr == "1 package in \(remotes.root)/cache\n")
    }

    @Test("--offline resolves from the cache's mirrors alone; --frozen also refuses to change the lock")
    func offline() throws {
        let remotes = try fixture()
        try json(remotes)
        let app = remotes.root + "/app"
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^1.0\" }")
        let missing = try AmpuProcess.run(["update", "--offline"], environment: remotes.env, directory: app)
        #expect(missing.stderr == """
            error: cannot get 'github.com/user/json': it is not in the cache, and --offline forbids fetching it
             --> asthra.toml:6:8
              |
            6 | json = { git = "github.com/user/json", version = "^1.0" }
              |        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ required here
              |
              = help: run it again without --offline to fetch it


            """)
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        // The remote goes away: the cache still answers.
        try FileManager.default.removeItem(atPath: remotes.root + "/remotes")
        let offline = try AmpuProcess.run(["update", "--offline"], environment: remotes.env, directory: app)
        #expect(offline.stderr == "Locked 1 package in asthra.lock\n")
        #expect(try AmpuProcess.run(["update", "--frozen"], environment: remotes.env, directory: app).status == 0)
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"~1.0.0\" }")
        let frozen = try AmpuProcess.run(["update", "--frozen"], environment: remotes.env, directory: app)
        #expect(frozen.stderr == """
            error: asthra.lock needs updating, and --frozen forbids it
              = help:   Updating github.com/user/json v1.1.0 -> v1.0.0
              = help: run `ampu update` without --frozen to write it

            """)
    }

    @Test("a requirement no tag meets is explained")
    func unsolvable() throws {
        let remotes = try fixture()
        try json(remotes)
        try writeApp(remotes, "json = { git = \"github.com/user/json\", version = \"^2.0\" }")
        let result = try AmpuProcess.run(["update"], environment: remotes.env, directory: remotes.root + "/app")
        #expect(result.stderr == """
            error[M021]: no versions of the dependencies meet every requirement
             --> asthra.toml:6:50
              |
            6 | json = { git = "github.com/user/json", version = "^2.0" }
              |                                                  ^^^^^^ cannot be met
              |
              = note: Because no versions of github.com/user/json match ^2.0.0 and app depends on github.com/user/json ^2.0.0, version solving failed.
              = help: change a requirement so that one version fits them all


            """)
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: remotes.root + "/app/asthra.lock"))
        let tree = try AmpuProcess.run(["tree"], environment: remotes.env, directory: remotes.root + "/app")
        #expect(tree.stderr == "error: there is no asthra.lock beside asthra.toml\n  = help: run `ampu update` to resolve the dependencies and write it\n")
    }
}

@Suite("tree and why without a lock file")
struct UnlockedTreeTests {
    @Test("a package with no dependencies needs no lock: tree shows it alone, why says nothing is locked")
    func noDependencies() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", "[package]\nname = \"solo\"\nversion = \"0.3.0\"\n")
        try dir.write("src/main.asthra", "package main;\n")
        let tree = try AmpuProcess.run(["tree"], environment: plain, directory: dir.path)
        #expect(tree.stdout == "solo v0.3.0\n")
        #expect(tree.stderr == "")
        #expect(tree.status == 0)
        let why = try AmpuProcess.run(["why", "json"], environment: plain, directory: dir.path)
        #expect(why.stderr == "error: 'json' is not in asthra.lock\n  = help: no package is locked: the root has no dependencies\n")
        #expect(why.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/asthra.lock"))
    }

    @Test("a workspace whose dependencies are all directories needs no lock either: tree and why draw it as a lock would record it, and write none")
    func directoriesOnly() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n")
        try dir.write("lib/asthra.toml", "[package]\nname = \"lib\"\nversion = \"0.2.0\"\n\n[dependencies]\nutil = { path = \"../util\" }\n")
        try dir.write("util/asthra.toml", "[package]\nname = \"util\"\nversion = \"1.0.0\"\n")
        let tree = try AmpuProcess.run(["tree"], environment: plain, directory: dir.path + "/app")
        #expect(tree.stdout == "app v0.1.0\n└── lib v0.2.0\n    └── util v1.0.0\n")
        #expect(tree.stderr == "")
        #expect(tree.status == 0)
        #expect(try AmpuProcess.run(["why", "util"], environment: plain, directory: dir.path + "/app").stdout == "app v0.1.0 → lib v0.2.0 → util v1.0.0\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/app/asthra.lock"))
        // One that is not a directory still needs `ampu update` first.
        try dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../lib\" }\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n")
        let unlocked = try AmpuProcess.run(["tree"], environment: plain, directory: dir.path + "/app")
        #expect(unlocked.stderr == "error: there is no asthra.lock beside asthra.toml\n  = help: run `ampu update` to resolve the dependencies and write it\n")
        #expect(unlocked.status == 1)
    }
}

/// What `ampu check` says about git dependencies, from the package cache alone.
@Suite("ampu check and the package cache")
struct CheckResolutionTests {
    /// json 1.0.0 and 1.1.0, both needing unicode ^1.0; unicode 1.0.0 and 2.0.0. `app` asks for
    /// json ^1.0 and unicode with `unicode`, and has been updated once (the cache has every tag).
    func updatedApp(unicode: String) throws -> GitFixture {
        let remotes = try GitFixture(extra: plain)
        try remotes.repository("unicode", versions: ["1.0.0", "2.0.0"]) { GitFixture.asthraPackage("unicode", $0) }
        try remotes.repository("json", versions: ["1.0.0", "1.1.0"]) {
            GitFixture.asthraPackage("json", $0, dependencies: ["unicode = { git = \"github.com/user/unicode\", version = \"^1.0\" }"])
        }
        try remotes.write("app/asthra.toml", Self.manifest(unicode: "^1.0"))
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\n")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: remotes.root + "/app").status == 0)
        if unicode != "^1.0" { try remotes.write("app/asthra.toml", Self.manifest(unicode: unicode)) }
        return remotes
    }

    static func manifest(unicode: String) -> String {
        """
        [package]
        name = "app"
        version = "0.1.0"

        [dependencies]
        json = { git = "github.com/user/json", version = "^1.0" }
        unicode = { git = "github.com/user/unicode", version = "\(unicode)" }

        """
    }

    @Test("requirements the cached versions cannot meet together: one M021, on the requirements that take part (json's own line too), with the explanation")
    func unsolvable() throws {
        let remotes = try updatedApp(unicode: "^2.0")
        // The line of json's own manifest that takes part is shown from its checkout.
        let json = try remotes.commit("json", "v1.1.0")
        let result = try AmpuProcess.run(["check"], environment: remotes.env, directory: remotes.root + "/app")
        #expect(result.stderr == """
            warning[M020]: asthra.lock has 'unicode' at 1.0.0, which ^2.0 does not allow
             --> asthra.toml:7:56
              |
            7 | unicode = { git = "github.com/user/unicode", version = "^2.0" }
              |                                                        ^^^^^^ does not allow 1.0.0
              |
              = help: run `ampu update` to choose a version this allows

            error[M021]: no versions of the dependencies meet every requirement
             --> asthra.toml:7:56
              |
            6 | json = { git = "github.com/user/json", version = "^1.0" }
              |                                                  ------ 'json' takes part
            7 | unicode = { git = "github.com/user/unicode", version = "^2.0" }
              |                                                        ^^^^^^ cannot be met together with the other requirements
             ::: ../cache/github.com/user/json/\(json)/asthra.toml:6:56: github.com/user/json 1.1.0 requires github.com/user/unicode ^1.0.0
              |
              = note: Because app depends on github.com/user/json ^1.0.0 which depends on github.com/user/unicode ^1.0.0, github.com/user/unicode ^1.0.0 is required.
              = note: So, because app depends on github.com/user/unicode ^2.0.0, version solving failed.
              = help: the versions are the tags in the package cache; change a requirement, or run `ampu update` to fetch newer tags

            error: check failed: 1 error, 1 warning in 1 package, 1 module and 1 imported module

            """)
        #expect(result.status == 1)
        // Requirements the cache can meet: the lock is only out of date.
        try remotes.write("app/asthra.toml", Self.manifest(unicode: "~1.0.0"))
        let solvable = try AmpuProcess.run(["check"], environment: remotes.env, directory: remotes.root + "/app")
        #expect(solvable.stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
    }

    @Test("a locked package that is not checked out where the compiler reads it: M022, also for one a dependency needs")
    func unfetched() throws {
        let remotes = try updatedApp(unicode: "^1.0")
        let clean = try AmpuProcess.run(["check"], environment: remotes.env, directory: remotes.root + "/app")
        #expect(clean.stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        let unicode = try remotes.commit("unicode", "v1.0.0")
        try FileManager.default.removeItem(atPath: remotes.root + "/cache/github.com/user/unicode")
        let result = try AmpuProcess.run(["check"], environment: remotes.env, directory: remotes.root + "/app")
        #expect(result.stderr == """
            warning[M022]: 'github.com/user/unicode', which 'json' depends on, is not in the package cache
             --> asthra.toml:6:1
              |
            6 | json = { git = "github.com/user/json", version = "^1.0" }
              | ^^^^ asthra.lock has 1.0.0 (commit \(unicode.prefix(12))), not fetched
              |
              = note: the compiler reads it from \(remotes.root)/cache/github.com/user/unicode/\(unicode)
              = help: run `ampu fetch` to fetch what asthra.lock records

            warning[M022]: 'unicode' is not in the package cache
             --> asthra.toml:7:1
              |
            7 | unicode = { git = "github.com/user/unicode", version = "^1.0" }
              | ^^^^^^^ asthra.lock has 1.0.0 (commit \(unicode.prefix(12))), not fetched
              |
              = note: the compiler reads it from \(remotes.root)/cache/github.com/user/unicode/\(unicode)
              = help: run `ampu fetch` to fetch what asthra.lock records

            Checked 1 package, 1 module and 1 imported module: 2 warnings

            """)
        #expect(result.status == 0)
        #expect(try AmpuProcess.run(["fetch"], environment: remotes.env, directory: remotes.root + "/app").status == 0)
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: remotes.root + "/app").stderr == clean.stderr)
    }

    @Test("with no lock yet, check says each git dependency is not locked (M020), and no checkout in the cache is taken for it")
    func notLockedYet() throws {
        let remotes = try GitFixture(extra: plain)
        try UpdateCommandTests().json(remotes)
        let app = remotes.root + "/app"
        try UpdateCommandTests().writeApp(remotes, "json = { git = \"github.com/user/json\", tag = \"v1.1.0\" }")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\n")
        let expected = """
            warning[M026]: 'json' is not locked: there is no asthra.lock yet
             --> asthra.toml:6:1
              |
            6 | json = { git = "github.com/user/json", tag = "v1.1.0" }
              | ^^^^ no commit chosen
              |
              = note: its imports are not checked until it is locked and fetched
              = help: run `ampu update` to resolve it and write asthra.lock (`ampu build` does it first)

            Checked 1 package, 1 module: 1 warning

            """
        let before = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(before.stderr == expected)
        #expect(before.status == 0)
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: app).stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        // The lock gone, the cache still holds the checkout: `<cache>/github.com/user/json/` is
        // not a package put there by hand, and the warning is the same as before.
        try FileManager.default.removeItem(atPath: app + "/asthra.lock")
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: app).stderr == expected)
    }

    @Test("a repository on this machine (file://) is read where the lock puts it, at the locked tag, not from its working tree")
    func fileRepositoryReadAtItsLock() throws {
        let remotes = try GitFixture(extra: plain)
        // A package named by its key, as one on this machine is; 1.1.0 adds a module, and the
        // repository's working tree is at 1.1.0.
        try remotes.repository("json", versions: ["1.0.0", "1.1.0"]) { v in
            ["asthra.toml": "[package]\nname = \"json\"\nversion = \"\(v)\"\n", "src/lib.asthra": "package json;\n"]
                .merging(v == "1.1.0" ? ["src/extra.asthra": "package json;\n"] : [:]) { a, _ in a }
        }
        let app = remotes.root + "/app"
        try UpdateCommandTests().writeApp(remotes, "json = { git = \"file://\(remotes.root)/remotes/user/json.git\", tag = \"v1.0.0\" }")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"json\";\nimport \"json/extra\";\n")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        let commit = try remotes.commit("json", "v1.0.0")
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(check.stderr == """
            error[I003]: cannot find module 'json/extra'
             --> src/main.asthra:3:8
              |
            3 | import "json/extra";
              |        ^^^^^^^^^^^^
              |
              = help: there is no 'extra.asthra', 'extra.ast' or directory 'extra' in '../cache/json/\(commit)'

            error: check failed: 1 error, 0 warnings in 1 package, 1 module and 1 imported module

            """)
        #expect(check.status == 1)
    }
}
