import Foundation
import Testing
import TestSupport

@Suite("ampu add and ampu remove")
struct AddRemoveCommandTests {
    let manifest = """
        # The app.
        [package]
        name = "app"     # its name
        version = "0.1.0"

        [build]
        target = "native"

        """

    /// Repositories as `ampu add` fetches them (github.com/user/… through the fixture's
    /// `insteadOf`): json 1.0.0 and 1.2.0, http 1.2.0, 1.3.0 and 2.0.0, yaml 0.5.0.
    func remotes() throws -> (GitFixture, [String: String]) {
        let remotes = try GitFixture()
        try remotes.repository("json", versions: ["1.0.0", "1.2.0"]) { GitFixture.asthraPackage("json", $0) }
        try remotes.repository("http", versions: ["1.2.0", "1.3.0", "2.0.0"]) { GitFixture.asthraPackage("http", $0) }
        try remotes.repository("yaml", versions: ["0.5.0"]) { GitFixture.asthraPackage("yaml", $0) }
        return (remotes, remotes.env.merging(["NO_COLOR": "1", "ASTHRA_HOME": ""]) { $1 })
    }

    @Test("each source form, written where it belongs, the rest of the file untouched byte for byte")
    func add() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", manifest)
        let (remotes, env) = try remotes()
        try remotes.repository("test", owner: "asthra-lang", versions: ["1.0.0"]) { v in
            ["asthra.toml": "[package]\nname = \"github.com/asthra-lang/test\"\nversion = \"\(v)\"\n", "src/lib.asthra": "package test;\n"]
        }
        let git = try AmpuProcess.run(["add", "github.com/user/json@^1.2"], environment: env, directory: dir.path)
        #expect(git.stderr == """
                Adding json = { git = "github.com/user/json", version = "^1.2" } to [dependencies]
                Adding github.com/user/json v1.2.0
            Locked 1 package in asthra.lock

            """)
        let tagged = try AmpuProcess.run(["add", "http", "--git", "github.com/user/http", "--tag", "v2.0.0"], environment: env, directory: dir.path)
        #expect(tagged.status == 0)
        try dir.write("libs/mathlib/asthra.toml", "[package]\nname = \"mathlib\"\nversion = \"0.2.0\"\n")
        let local = try AmpuProcess.run(["add", "mathlib", "--path", "libs/mathlib"], environment: env, directory: dir.path)
        #expect(local.status == 0)
        let registry = try AmpuProcess.run(["add", "github.com/asthra-lang/test@1.0", "--dev", "--git", "https://github.com/asthra-lang/test.git"], environment: env, directory: dir.path)
        #expect(registry.status == 0)
        #expect(try dir.read("asthra.toml") == """
            # The app.
            [package]
            name = "app"     # its name
            version = "0.1.0"

            [dependencies]
            json = { git = "github.com/user/json", version = "^1.2" }
            http = { git = "github.com/user/http", tag = "v2.0.0" }
            mathlib = { path = "libs/mathlib" }

            [dev-dependencies]
            "github.com/asthra-lang/test" = { git = "https://github.com/asthra-lang/test.git", version = "1.0" }

            [build]
            target = "native"

            """)
    }

    @Test("a dependency by name, with a registry: its newest release as a caret requirement, as cargo add writes it; a name or a requirement the registry cannot serve is not written")
    func fromRegistry() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/asthra.toml", manifest)
        for (name, version) in [("json", "1.0.0"), ("json", "1.4.2"), ("json", "2.0.0-beta.1"), ("unicode", "0.3.0")] {
            try dir.write("registry/\(name)/\(version)/asthra.toml", "[package]\nname = \"\(name)\"\nversion = \"\(version)\"\n")
        }
        let app = dir.path + "/app"
        // AMPU_REGISTRY, relative to the workspace root, as `ampu update` takes it.
        let fromEnvironment = plain.merging(["AMPU_REGISTRY": "../registry"]) { $1 }
        let added = try AmpuProcess.run(["add", "json"], environment: fromEnvironment, directory: app)
        #expect(added.stderr == "    Adding json = \"^1.4.2\" to [dependencies]\n    Adding json v1.4.2\nLocked 1 package in asthra.lock\n")
        let pinned = try AmpuProcess.run(["add", "unicode@0.3", "--dev", "--registry", "../registry"], environment: plain, directory: app)
        #expect(pinned.stderr == "    Adding unicode = \"0.3\" to [dev-dependencies]\n    Adding unicode v0.3.0\nLocked 2 packages in asthra.lock\n")
        let misspelt = try AmpuProcess.run(["add", "unicod"], environment: fromEnvironment, directory: app)
        #expect(misspelt.stderr == "error: the registry at '\(dir.path)/registry' has no package 'unicod'; did you mean 'unicode'?\n")
        #expect(misspelt.status == 1)
        let tooNew = try AmpuProcess.run(["add", "unicode@^1", "--registry", "../registry"], environment: plain, directory: app)
        #expect(tooNew.stderr == "error: no version of 'unicode' in the registry at '\(dir.path)/registry' matches ^1 (it has 0.3.0)\n")
        // With no registry, the name alone is all there is to write (M023 says so at check);
        // the lock, which could not be solved without the registry, is left as it is.
        let lock = try dir.read("app/asthra.lock")
        let unknown = try AmpuProcess.run(["add", "other"], environment: plain, directory: app)
        #expect(unknown.stderr == "    Adding other = \"*\" to [dependencies]\n")
        #expect(try dir.read("app/asthra.lock") == lock)
        #expect(try dir.read("app/asthra.toml") == manifest.replacingOccurrences(of: "\n[build]", with: """

            [dependencies]
            json = "^1.4.2"
            other = "*"

            [dev-dependencies]
            unicode = "0.3"

            [build]
            """))
    }

    @Test("several at once, as cargo add takes them: each made on what the one before wrote, written together; one that fails writes none")
    func several() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", manifest)
        let (remotes, env) = try remotes()
        defer { withExtendedLifetime(remotes) {} }
        let added = try AmpuProcess.run(["add", "github.com/user/json@^1.2", "github.com/user/http@2.0"], environment: env, directory: dir.path)
        #expect(added.stderr == """
                Adding json = { git = "github.com/user/json", version = "^1.2" } to [dependencies]
                Adding http = { git = "github.com/user/http", version = "2.0" } to [dependencies]
                Adding github.com/user/http v2.0.0
                Adding github.com/user/json v1.2.0
            Locked 2 packages in asthra.lock

            """)
        let both = manifest.replacingOccurrences(of: "\n[build]", with: """

            [dependencies]
            json = { git = "github.com/user/json", version = "^1.2" }
            http = { git = "github.com/user/http", version = "2.0" }

            [build]
            """)
        #expect(try dir.read("asthra.toml") == both)
        let refused = try AmpuProcess.run(["add", "github.com/user/yaml", "github.com/user/json"], environment: env, directory: dir.path)
        #expect(refused.stderr == "error: dependency 'json' is already in [dependencies]; change it there, or `ampu remove json` first\n")
        #expect(refused.status == 1)
        #expect(try dir.read("asthra.toml") == both)
        let placed = try AmpuProcess.run(["add", "a", "b", "--path", "../x"], environment: plain, directory: dir.path)
        #expect(placed.stderr == "error: --path and --git name the place of one dependency, and 2 are given\n  = help: add each of them with its own `ampu add`\n")
        let removed = try AmpuProcess.run(["remove", "json", "http"], environment: plain, directory: dir.path)
        #expect(removed.stderr == "  Removing json\n  Removing http\n  Removing github.com/user/http v2.0.0\n  Removing github.com/user/json v1.2.0\n")
        #expect(try dir.read("asthra.toml") == manifest.replacingOccurrences(of: "\n[build]", with: "\n[dependencies]\n\n[build]"))
    }

    @Test("a git dependency is checked against its repository first, as cargo add does: what the repository lacks is refused with what it has, and nothing is written")
    func gitChecked() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", manifest)
        let (remotes, env) = try remotes()
        try remotes.repository("imposter", versions: ["1.0.0"]) { GitFixture.asthraPackage("other", $0) }
        let untagged = remotes.root + "/remotes/user/untagged.git"
        try remotes.write("remotes/user/untagged.git/asthra.toml", "[package]\nname = \"untagged\"\nversion = \"0.1.0\"\n")
        for args in [["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", "first"]] { try remotes.git(args, in: untagged) }
        let imposter = String(try remotes.commit("imposter", "v1.0.0").prefix(12))
        let json = String(try remotes.commit("json", "v1.2.0").prefix(12))
        let refusals: [([String], String)] = [
            (["http", "--git", "github.com/user/http", "--tag", "v2.0.1"],
             "error: cannot get 'github.com/user/http': the repository has no tag 'v2.0.1'\n  = help: did you mean tag 'v2.0.0'?\n"),
            (["json", "--git", "github.com/user/json", "--branch", "mian"],
             "error: cannot get 'github.com/user/json': the repository has no branch 'mian'\n  = help: did you mean branch 'main'?\n"),
            (["json", "--git", "github.com/user/json", "--rev", "0123abcd"],
             "error: cannot get 'github.com/user/json': the repository has no commit '0123abcd'\n  = help: give a commit the repository has (its full id, or an abbreviation of it)\n"),
            (["github.com/user/json@^3"],
             "error: no tag of https://github.com/user/json.git is a version that matches ^3 (its versions are 1.2.0, 1.0.0)\n"),
            (["json@^1.3", "--git", "github.com/user/json", "--branch", "main"],
             "error: the branch 'main' of https://github.com/user/json.git is version 1.2.0, which does not match ^1.3\n"),
            (["json@^1.3", "--git", "github.com/user/json", "--tag", "v1.2.0"],
             "error: the manifest would not be valid: tag 'v1.2.0' of dependency 'json' is version 1.2.0, which its version requirement \"^1.3\" does not allow\n"
             + "  = help: change the tag to one the requirement allows, or remove `version` (the tag alone pins it)\n"),
            (["github.com/user/untagged"],
             "error: https://github.com/user/untagged.git has no tags that name versions (v1.2.3 or 1.2.3): pin a commit with --tag, --branch or --rev\n"),
            (["github.com/user/imposter"],
             "error: cannot get 'github.com/user/imposter': version 1.0.0 (commit \(imposter)) is the package 'github.com/user/other', by its asthra.toml\n"
             + "  = help: check the address: https://github.com/user/imposter.git holds the package 'github.com/user/other'\n"),
            (["parser", "--git", "file://\(remotes.root)/remotes/user/json.git"],
             "error: cannot get 'parser': version 1.2.0 (commit \(json)) is the package 'github.com/user/json', by its asthra.toml\n"
             + "  = help: name the dependency 'json', as its asthra.toml does\n"),
            (["github.com/user/nothere"],
             "error: cannot get 'github.com/user/nothere': there is no directory '\(remotes.root)/remotes/user/nothere.git', where git's `insteadOf` rules send https://github.com/user/nothere.git\n"
             + "  = help: check the address: `git ls-remote https://github.com/user/nothere.git` shows whether git reaches it, and its tags and branches\n"),
            // Offline, only the package cache's copy is looked at, and there is none yet.
            (["github.com/user/yaml", "--offline"],
             "error: cannot get 'github.com/user/yaml': it is not in the cache, and --offline forbids fetching it\n  = help: run it again without --offline to fetch it\n"),
        ]
        for (args, message) in refusals {
            let refused = try AmpuProcess.run(["add"] + args, environment: env, directory: dir.path)
            #expect(refused.stderr == message, "ampu add \(args.joined(separator: " "))")
            #expect(refused.status == 1)
        }
        #expect(try dir.read("asthra.toml") == manifest)
        // What the repositories have is written; then the cache's copy serves offline.
        let added = try AmpuProcess.run(["add", "json", "--git", "file://\(remotes.root)/remotes/user/json.git", "--branch", "main"], environment: env, directory: dir.path)
        #expect(added.stderr == "    Adding json = { git = \"file://\(remotes.root)/remotes/user/json.git\", branch = \"main\" } to [dependencies]\n"
                + "    Adding json v1.2.0\nLocked 1 package in asthra.lock\n")
        let pinned = try AmpuProcess.run(["add", "github.com/user/untagged", "--rev", String(try remotes.git(["rev-parse", "HEAD"], in: untagged).prefix(8))],
                                         environment: env, directory: dir.path)
        #expect(pinned.status == 0)
        // The cache's copy has what the first fetches found: a newer tag needs a fetch.
        try remotes.git(["tag", "v2.1.0"], in: remotes.root + "/remotes/user/http.git")
        let offline = try AmpuProcess.run(["add", "github.com/user/http@^2.1", "--dev", "--offline"], environment: env, directory: dir.path)
        #expect(offline.stderr == """
            error: no tag of the package cache's copy of https://github.com/user/http.git is a version that matches ^2.1 (its versions are 2.0.0, 1.3.0, 1.2.0)
              = help: run it again without --offline to fetch what the repository has now

            """)
        let fetched = try AmpuProcess.run(["add", "github.com/user/http@^2.1", "--dev"], environment: env, directory: dir.path)
        #expect(fetched.stderr == "    Adding http = { git = \"github.com/user/http\", version = \"^2.1\" } to [dev-dependencies]\n"
                + "    Adding github.com/user/http v2.1.0\nLocked 3 packages in asthra.lock\n")
        let cached = try AmpuProcess.run(["add", "github.com/user/http@^2.0", "--dev", "--offline"], environment: env, directory: dir.path)
        // 2.1.0, locked, still fits: the lock stays as it is.
        #expect(cached.stderr == "    Updating http \"^2.1\" to \"^2.0\" in [dev-dependencies]\nLocked 3 packages in asthra.lock\n")
        let again = try AmpuProcess.run(["add", "client", "--git", "github.com/user/http", "--tag", "v1.3.0"], environment: env, directory: dir.path)
        #expect(again.stderr == """
            error: 'http' is github.com/user/http already, and one repository is one dependency
              = help: edit 'http' in the manifest instead, or `ampu remove http` first

            """)
        #expect(try dir.read("asthra.toml") == manifest.replacingOccurrences(of: "\n[build]", with: """

            [dependencies]
            json = { git = "file://\(remotes.root)/remotes/user/json.git", branch = "main" }
            untagged = { git = "github.com/user/untagged", rev = "\(String(try remotes.git(["rev-parse", "HEAD"], in: untagged).prefix(8)))" }

            [dev-dependencies]
            http = { git = "github.com/user/http", version = "^2.0" }

            [build]
            """))
    }

    @Test("the lock follows, as cargo add writes Cargo.lock: the added package locked, the others kept at their versions; one no version of which fits the others is refused with the reason, and nothing is written")
    func lockFollows() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", manifest.replacingOccurrences(of: "\n[build]", with: """

            [dependencies]
            json = { git = "github.com/user/json", version = "^1.0" }

            [build]
            """))
        let remotes = try GitFixture()
        let env = remotes.env.merging(["NO_COLOR": "1", "ASTHRA_HOME": ""]) { $1 }
        let json = try remotes.repository("json", versions: ["1.0.0"]) { GitFixture.asthraPackage("json", $0) }
        try remotes.repository("http", versions: ["1.3.0", "2.0.0"]) { v in
            GitFixture.asthraPackage("http", v, dependencies: ["json = { git = \"github.com/user/json\", version = \"^\(v.prefix(1)).0\" }"])
        }
        #expect(try AmpuProcess.run(["update"], environment: env, directory: dir.path).status == 0)
        // A newer json than the locked one: adding http leaves json where the lock has it.
        try remotes.write("remotes/user/json.git/src/lib.asthra", "package json; // 1.2\n")
        for args in [["commit", "--quiet", "-am", "1.2.0"], ["tag", "v1.2.0"], ["tag", "v2.0.0"]] { try remotes.git(args, in: json) }
        let added = try AmpuProcess.run(["add", "github.com/user/http@^1.3"], environment: env, directory: dir.path)
        #expect(added.stderr == """
                Adding http = { git = "github.com/user/http", version = "^1.3" } to [dependencies]
                Adding github.com/user/http v1.3.0
            Locked 2 packages in asthra.lock

            """)
        #expect(added.status == 0)
        let tree = "app v0.1.0\n├── github.com/user/http v1.3.0\n│   └── github.com/user/json v1.0.0\n└── github.com/user/json v1.0.0\n"
        #expect(try AmpuProcess.run(["tree"], environment: env, directory: dir.path).stdout == tree)
        let (manifestBefore, lockBefore) = (try dir.read("asthra.toml"), try dir.read("asthra.lock"))
        // http 2.0 needs json ^2.0, and the app asks for json ^1.0.
        let refused = try AmpuProcess.run(["add", "github.com/user/http@^2.0"], environment: env, directory: dir.path)
        #expect(refused.stderr == """
            error[M021]: no versions of the dependencies meet every requirement
             --> asthra.toml:8:50
              |
            7 | json = { git = "github.com/user/json", version = "^1.0" }
              |                                                  ------ 'json' takes part
            8 | http = { git = "github.com/user/http", version = "^2.0" }
              |                                                  ^^^^^^ cannot be met together with the other requirements
              |
              = note: Because app depends on github.com/user/http ^2.0.0 which depends on github.com/user/json ^2.0.0, github.com/user/json ^2.0.0 is required.
              = note: So, because app depends on github.com/user/json ^1.0.0, version solving failed.
              = help: change a requirement so that one version fits them all
              = help: nothing was written: asthra.toml and asthra.lock are as they were


            """)
        #expect(refused.status == 1)
        #expect(try dir.read("asthra.toml") == manifestBefore)
        #expect(try dir.read("asthra.lock") == lockBefore)
    }

    @Test("a manifest that is a symbolic link is written through: the file it leads to changes, and the link stays a link")
    func symlinkedManifest() throws {
        let dir = try ScratchDirectory()
        try dir.write("shared/app.toml", manifest)
        try dir.write("libs/mathlib/asthra.toml", "[package]\nname = \"mathlib\"\nversion = \"0.2.0\"\n")
        try FileManager.default.createDirectory(atPath: dir.path + "/app", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/app/asthra.toml", withDestinationPath: "../shared/app.toml")
        let added = try AmpuProcess.run(["add", "mathlib", "--path", "../libs/mathlib"], environment: plain, directory: dir.path + "/app")
        #expect(added.stderr == "    Adding mathlib = { path = \"../libs/mathlib\" } to [dependencies]\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/app/asthra.toml") == "../shared/app.toml")
        #expect(try dir.read("shared/app.toml") == manifest.replacingOccurrences(of: "\n[build]", with: "\n[dependencies]\nmathlib = { path = \"../libs/mathlib\" }\n\n[build]"))
    }

    @Test("in a workspace root with no [package], add says the dependency belongs to a member, and names them, as cargo add does")
    func virtualWorkspace() throws {
        let dir = try ScratchDirectory()
        let root = "[workspace]\nmembers = [\"libs/*\"]\n"
        try dir.write("asthra.toml", root)
        for name in ["core", "net"] { try dir.write("libs/\(name)/asthra.toml", "[package]\nname = \"\(name)\"\nversion = \"0.1.0\"\n") }
        let refused = try AmpuProcess.run(["add", "json@^1.0"], environment: plain, directory: dir.path)
        #expect(refused.stderr == """
            error: asthra.toml here is a workspace with no [package]: a dependency belongs to the member that imports it
              = help: run `ampu add` in that member's directory, or give --manifest-path MEMBER/asthra.toml (the members: libs/core, libs/net)

            """)
        #expect(refused.status == 1)
        #expect(try dir.read("asthra.toml") == root)
        let member = try AmpuProcess.run(["add", "json@^1.0", "--manifest-path", "libs/net/asthra.toml"], environment: plain, directory: dir.path)
        #expect(member.stderr == "    Adding json = \"^1.0\" to [dependencies]\n")
    }

    @Test("remove says where the dependency is still imported, at the first import with the others beside it; nothing when nothing imports it")
    func removeStillImported() throws {
        let dir = try ScratchDirectory()
        try dir.write("json/asthra.toml", "[package]\nname = \"json\"\nversion = \"0.1.0\"\n")
        try dir.write("json/src/lib.asthra", "package json;\n")
        try dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { path = \"../json\" }\nother = { path = \"../json\" }\n")
        try dir.write("app/src/main.asthra", "package main;\nimport \"json\";\n")
        try dir.write("app/src/util.asthra", "package main;\n\nimport \"json\";\n")
        let removed = try AmpuProcess.run(["remove", "json"], environment: plain, directory: dir.path + "/app")
        #expect(removed.stderr == """
              Removing json
            warning: 'json' is still imported: these 2 imports need it as a dependency of the package
             --> src/main.asthra:2:8
              |
            2 | import "json";
              |        ^^^^^^ imports 'json'
             ::: src/util.asthra:3:8: imports 'json' too
              |
              = help: remove the imports, or add the dependency back with `ampu add`; until then `ampu check` reports them as errors


            """)
        #expect(removed.status == 0)
        #expect(try AmpuProcess.run(["remove", "other"], environment: plain, directory: dir.path + "/app").stderr == "  Removing other\n")
    }

    @Test("a dependency already there from the same place: its requirement changed in place, as cargo add changes it; the same one changes nothing")
    func changeRequirement() throws {
        let dir = try ScratchDirectory()
        let before = manifest + "\n[dependencies]\njson = \"^1.0\"  # the parser\nhttp = { git = \"github.com/user/http\", version = \"~1.2\" }\n"
        try dir.write("asthra.toml", before)
        let (remotes, env) = try remotes()
        defer { withExtendedLifetime(remotes) {} }
        let changed = try AmpuProcess.run(["add", "json@^2.1", "github.com/user/http@^1.3"], environment: env, directory: dir.path)
        #expect(changed.stderr == """
                Updating json "^1.0" to "^2.1" in [dependencies]
                Updating http "~1.2" to "^1.3" in [dependencies]

            """)
        let after = manifest + "\n[dependencies]\njson = \"^2.1\"  # the parser\nhttp = { git = \"github.com/user/http\", version = \"^1.3\" }\n"
        #expect(try dir.read("asthra.toml") == after)
        let same = try AmpuProcess.run(["add", "json@^2.1"], environment: plain, directory: dir.path)
        #expect(same.stderr == "   Unchanged json ^2.1 in [dependencies]\n")
        #expect(same.status == 0)
        let invalid = try AmpuProcess.run(["add", "json@^2.x.1"], environment: plain, directory: dir.path)
        #expect(invalid.stderr == "error: the manifest would not be valid: invalid version requirement '^2.x.1': a number cannot follow a wildcard\n"
                + "  = help: write a requirement such as \"^1.2\", \"~1.2.3\", \">=1.0, <2.0\" or \"*\"\n")
        #expect(try dir.read("asthra.toml") == after)
    }

    @Test("a dependency already there, one the manifest would reject, a path to no package of its name, two pins: not written")
    func refused() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", manifest + "\n[dependencies]\njson = \"^1.0\"\n")
        // From another place: which one is meant is the user's to say.
        let twice = try AmpuProcess.run(["add", "json", "--path", "../json"], environment: plain, directory: dir.path)
        #expect(twice.stderr == "error: dependency 'json' is already in [dependencies]; change it there, or `ampu remove json` first\n")
        #expect(twice.status == 1)
        let bad = try AmpuProcess.run(["add", "yaml@^1.y"], environment: plain, directory: dir.path)
        #expect(bad.stderr == "error: the manifest would not be valid: invalid version requirement '^1.y': 'y' is not a number\n"
                + "  = help: write a requirement such as \"^1.2\", \"~1.2.3\", \">=1.0, <2.0\" or \"*\"\n")
        // The same problem as one already in the file is still a new one.
        try dir.write("broken/asthra.toml", manifest + "\n[dependencies]\nold = \"^1.y\"\n")
        let again = try AmpuProcess.run(["add", "yaml@^1.y"], environment: plain, directory: dir.path + "/broken")
        #expect(again.stderr == bad.stderr)
        #expect(try dir.read("broken/asthra.toml") == manifest + "\n[dependencies]\nold = \"^1.y\"\n")
        // Another tool's spelling: what differs, and the requirement meant.
        let npm = try AmpuProcess.run(["add", "yaml@>=1.2 <2"], environment: plain, directory: dir.path)
        #expect(npm.stderr == "error: the manifest would not be valid: invalid version requirement '>=1.2 <2': comparators are separated by commas; did you mean \">=1.2, <2\"?\n")
        #expect(try dir.read("asthra.toml") == manifest + "\n[dependencies]\njson = \"^1.0\"\n")
        // Oats has no registry: a version alone is not a dependency it can have.
        try dir.write("oats/Oats.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\n")
        let oats = try AmpuProcess.run(["add", "serde@1.0"], environment: plain, directory: dir.path + "/oats")
        #expect(oats.stderr == "error: the manifest would not be valid: External dependencies not yet supported: 'serde' has a version but no 'path'\n"
                + "  = help: Oats builds only local packages: write serde = { path = \"../serde\" } pointing at a copy of it\n")
        // A path must lead to a package of that name, as `check` requires.
        let nowhere = try AmpuProcess.run(["add", "mylib", "--path", "../mylib"], environment: plain, directory: dir.path + "/oats")
        #expect(nowhere.stderr == "error: the manifest would not be valid: path dependency 'mylib' points to '../mylib', which does not exist\n"
                + "  = help: fix it, or create the package there with `ampu new`\n")
        #expect(nowhere.status == 1)
        try dir.write("mylib/Oats.toml", "[package]\nname = \"mylib\"\nversion = \"0.1.0\"\n")
        try dir.write("mylib/src/lib.oats", "export const x = 1;\n")
        let misnamed = try AmpuProcess.run(["add", "other", "--path", "../mylib"], environment: plain, directory: dir.path + "/oats")
        #expect(misnamed.stderr == "error: the manifest would not be valid: path dependency 'other' points to a package named 'mylib'; rename the dependency to 'mylib', or point 'path' at the package called 'other'\n")
        let pins = try AmpuProcess.run(["add", "r", "--git", "github.com/u/r", "--tag", "v1", "--rev", "abc"], environment: plain, directory: dir.path)
        #expect(pins.stderr == "error: --tag and --rev do not go together\n  = help: a git dependency follows one tag, branch or commit: give one\n")
        #expect(pins.status == 1)
        #expect(try dir.read("oats/Oats.toml") == "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\n")
        let oatsPath = try AmpuProcess.run(["add", "mylib", "--path", "../mylib"], environment: plain, directory: dir.path + "/oats")
        #expect(oatsPath.status == 0)
        #expect(try dir.read("oats/Oats.toml") == "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nmylib = { path = \"../mylib\" }\n")
    }

    @Test("remove takes the line out, and names what there is when the name is wrong")
    func remove() throws {
        let dir = try ScratchDirectory()
        try dir.write("asthra.toml", manifest + "\n[dependencies]\njson = \"^1.0\"  # JSON\nhttp = { git = \"github.com/user/http\" }\n")
        let removed = try AmpuProcess.run(["remove", "json"], environment: plain, directory: dir.path)
        #expect(removed.stderr == "  Removing json\n")
        #expect(try dir.read("asthra.toml") == manifest + "\n[dependencies]\nhttp = { git = \"github.com/user/http\" }\n")
        let missing = try AmpuProcess.run(["remove", "jsn"], environment: plain, directory: dir.path)
        #expect(missing.stderr == "error: there is no dependency 'jsn'; the manifest declares: http\n")
        #expect(missing.status == 1)
        let typo = try AmpuProcess.run(["remove", "htp"], environment: plain, directory: dir.path)
        #expect(typo.stderr == "error: there is no dependency 'htp'; did you mean 'http'? (the manifest declares: http)\n")
        #expect(typo.status == 1)
        // A dependency written as a table of its own goes with its table; so does one written
        // as a dotted key.
        try dir.write("asthra.toml", manifest + "\n[dependencies.json]\nversion = \"^1.0\"\n\n[dependencies]\nhttp = \"^2.0\"\n")
        #expect(try AmpuProcess.run(["remove", "json"], environment: plain, directory: dir.path).stderr == "  Removing json\n")
        #expect(try dir.read("asthra.toml") == manifest + "\n[dependencies]\nhttp = \"^2.0\"\n")
        try dir.write("asthra.toml", "dependencies.json = \"^1.0\"\n" + manifest)
        #expect(try AmpuProcess.run(["remove", "json"], environment: plain, directory: dir.path).stderr == "  Removing json\n")
        #expect(try dir.read("asthra.toml") == manifest)
    }

    @Test("an Aria build.abc has no package dependencies: add and remove say so and write nothing")
    func aria() throws {
        let dir = try ScratchDirectory()
        let build = "[project]\nname = \"app\"\n\n[target.app]\ntype = \"binary\"\nsources = [\"src/main.aria\"]\n"
        try dir.write("build.abc", build)
        let message = "error: a build.abc has no package dependencies to add or remove: a target's `deps` names the targets it needs; edit that list\n"
        let added = try AmpuProcess.run(["add", "json@^1.0"], environment: plain, directory: dir.path)
        #expect(added.stderr == message)
        #expect(added.status == 1)
        let removed = try AmpuProcess.run(["remove", "json"], environment: plain, directory: dir.path)
        #expect(removed.stderr == message)
        #expect(try dir.read("build.abc") == build)
    }
}
