import Foundation
import Testing
import TestSupport

@Suite("ampu check and new for Rask")
struct RaskCommandTests {
    @Test("a program with a path dep, a default feature's dep, sub-packages and the standard library checks clean")
    func clean() throws {
        let result = try AmpuProcess.run(["check"], environment: plain, directory: examples + "/rask/app/storage")
        #expect(result.stderr == "Checked 1 package, 3 modules and 2 imported modules: no problems\n")
        #expect(result.status == 0)
    }

    @Test("a package made inside a Rask workspace joins the block's members, laid out as the list is")
    func newMember() throws {
        let dir = try ScratchDirectory()
        let block = """
            package "store" "0.1.0" {
                members: [
                    "lsm",  // the engine
                ]
            }

            """
        try dir.write("build.rk", block)
        // Named by the list already: made, the list left as it is.
        let named = try AmpuProcess.run(["new", "lsm", "--lang", "rask", "--vcs", "none"], environment: plain, directory: dir.path)
        #expect(named.stderr == "Created program package 'lsm' in \(dir.path)/lsm\n")
        #expect(try dir.read("build.rk") == block)
        let created = try AmpuProcess.run(["new", "cli", "--lang", "rask", "--vcs", "none"], environment: plain, directory: dir.path)
        #expect(created.stderr == "Created program package 'cli' in \(dir.path)/cli\nAdded 'cli' to the members of the workspace at \(dir.path)\n")
        #expect(try dir.read("build.rk") == block.replacingOccurrences(of: "// the engine\n", with: "// the engine\n        \"cli\",\n"))
        // What a build writes is left out of git: its outputs, the build script's sources, the compile commands.
        #expect(try dir.read("cli/.gitignore") == "/target/\n/.rk-gen/\n/compile_commands.json\n")
        let probe = try AmpuProcess.run(["debug", "probe", "rask"], stdin: try dir.read("build.rk"), environment: plain)
        #expect(probe.stdout == "rask.build: package store 0.1.0, 1 entries, 0 deps, 0 groups, build function no, 0 problems\n")
        #expect(try AmpuProcess.run(["check"], environment: plain, directory: dir.path).stderr == "Checked 3 packages, 2 modules: no problems\n")
    }

    @Test("every kind of Rask import problem, with the block's own")
    func problems() throws {
        let result = try AmpuProcess.run(["check", "--message-format", "short"], environment: plain, directory: examples + "/rask-problems/app")
        #expect(result.stderr == """
            main.rk:1:8: error[R016]: dependency 'openssl' is off: it comes only with feature 'ssl', which is not enabled
            main.rk:2:8: error[I004]: package 'jsno' is not declared in the package block of 'app'
            main.rk:3:21: warning[R015]: `import storage.cache.*` brings every public name of 'storage.cache' into this file
            main.rk:4:12: error[R014]: this import is not `import name[.name…]`
            main.rk:5:12: error[R014]: this import is not `import name[.name…]`
            rask.build:2:9: warning[M023]: dependency 'http-extra' is not on this machine: rask.lock locks no copy of it and the package cache has none
            rask.build:5:13: warning[M023]: dependency 'openssl' is not on this machine: rask.lock locks no copy of it and the package cache has none
            error: check failed: 4 errors, 3 warnings in 1 package, 2 modules

            """)
        #expect(result.status == 1)
    }

    @Test("an import of a dep only a feature brings in, drawn rustc-style with the fix in words")
    func featureOff() throws {
        let result = try AmpuProcess.run(["check"], environment: plain, directory: examples + "/rask-problems/app")
        #expect(result.stderr.hasPrefix("""
            error[R016]: dependency 'openssl' is off: it comes only with feature 'ssl', which is not enabled
             --> main.rk:1:8
              |
            1 | import openssl
              |        ^^^^^^^ not in this build
              |
              = help: turn it on with --features ssl, or mark the feature `default: true` in rask.build

            """))
    }

    @Test("an import of a dep with target: for another platform is a warning; --target checks as that platform; an unknown platform is refused")
    func targetFilter() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/rask.build", """
            package "app" "0.1.0" {
                dep "epoll" { path: "../epoll", target: "linux" }
                dep "kqueue" { path: "../kqueue", target: "macos" }
            }

            """)
        try dir.write("app/main.rk", "import kqueue\n\nfunc main() {}\n")
        for name in ["epoll", "kqueue"] {
            try dir.write("\(name)/rask.build", "package \"\(name)\" \"1.0.0\" {}\n")
            try dir.write("\(name)/lib.rk", "")
        }
        let app = dir.path + "/app"
        let here = try AmpuProcess.run(["check", "--target", "linux"], environment: plain, directory: app)
        #expect(here.stderr == """
            warning[R018]: dependency 'kqueue' is only for macos (`target: "macos"`), and this is checked for linux
             --> main.rk:1:8
              |
            1 | import kqueue
              |        ^^^^^^ not on linux
              |
              = help: a build for linux does not have it: import it only where macos is built, or check for macos with `ampu check --target macos`

            Checked 1 package, 1 module and 1 imported module: 1 warning

            """)
        #expect(here.status == 0)
        let there = try AmpuProcess.run(["check", "--target", "macos"], environment: plain, directory: app)
        #expect(there.stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        let unknown = try AmpuProcess.run(["check", "--target", "plan9"], environment: plain, directory: app)
        #expect(unknown.stderr == "error: 'plan9' is not a platform\n  = help: --target takes linux, macos, windows\n")
        #expect(unknown.status == 1)
    }

    @Test("--features turns a feature's deps on for the imports; --no-default-features turns the defaults off; an unknown feature is named")
    func featureSelection() throws {
        let on = try AmpuProcess.run(["check", "--features", "ssl", "--message-format", "short"], environment: plain, directory: examples + "/rask-problems/app")
        #expect(!on.stderr.contains("R016"))
        #expect(on.stderr.hasSuffix("error: check failed: 3 errors, 3 warnings in 1 package, 2 modules\n"))
        let off = try AmpuProcess.run(["check", "--no-default-features", "--message-format", "short"], environment: plain, directory: examples + "/rask/app")
        #expect(off.stderr == """
            main.rk:2:8: error[R016]: dependency 'logger' is off: it comes only with feature 'logging', which is not enabled
            error: check failed: 1 error, 0 warnings in 1 package, 3 modules and 1 imported module

            """)
        let unknown = try AmpuProcess.run(["check", "--features", "loging"], environment: plain, directory: examples + "/rask/app")
        #expect(unknown.stderr == """
            error[R010]: package 'app' has no feature 'loging'
             --> rask.build:1:9
              |
            1 | package "app" "0.1.0" {
              |         ^^^^^ --features loging
              |
              = help: did you mean 'logging'?
              = help: its features are: logging

            error: check failed: 1 error, 0 warnings in 1 package, 3 modules and 2 imported modules

            """)
        #expect(unknown.status == 1)
    }

    @Test("a directory of .rk sources with no build file is a package named for it, at 0.0.0; an empty directory is not")
    func noBuildFile() throws {
        let dir = try ScratchDirectory()
        try dir.write("hello/main.rk", "import util\nimport http\nimport nope\n\nfunc main() {}\n")
        try dir.write("hello/util/strings.rk", "")
        try dir.write("empty/notes.txt", "")
        let result = try AmpuProcess.run(["check"], environment: plain, directory: dir.path + "/hello")
        #expect(result.stderr == """
            error[I004]: package 'nope' is not declared in the package block of 'hello'
             --> main.rk:3:8
              |
            3 | import nope
              |        ^^^^ not a dep, a sub-package or the standard library
              |
              = help: this package has no build file: add rask.build with package "hello" "0.1.0" { dep "nope" { path: "…" } }, or make 'nope' a directory of this package

            error: check failed: 1 error, 0 warnings in 1 package, 2 modules

            """)
        let empty = try AmpuProcess.run(["check"], environment: plain, directory: dir.path + "/empty")
        #expect(empty.stderr.hasPrefix("error[F001]: could not find 'asthra.toml'"))
        #expect(empty.status == 1)
    }

    @Test("add and remove edit the package block and keep the rest of the file: deps after the last dep, dev deps in scope \"dev\" (made when missing)")
    func addRemove() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/rask.build", """
            // SPDX-License-Identifier: MIT
            package "app" "0.1.0" {
                description: "An app"   // kept

                dep "util" { path: "../util" }

                feature "logging" {
                    default: true
                    dep "logger" "^1.0"
                }
            }

            func build(ctx: BuildContext) -> () or Error {
                try ctx.declare_dependency("api.proto")
            }

            """)
        try dir.write("util/rask.build", "package \"util\" \"0.2.0\" {}\n")
        let app = dir.path + "/app"
        let added = try AmpuProcess.run(["add", "json@^1.5"], environment: plain, directory: app)
        #expect(added.stderr == "    Adding dep \"json\" \"^1.5\" to the package block\n")
        #expect(try AmpuProcess.run(["add", "mock@^2.0", "--dev"], environment: plain, directory: app).stderr == "    Adding dep \"mock\" \"^2.0\" to scope \"dev\"\n")
        // A git dep's repository is fetched first: a branch it does not have is refused.
        let remotes = try GitFixture()
        try remotes.repository("bench", versions: ["0.3.0"]) { ["rask.build": "package \"bench\" \"\($0)\" {}\n", "lib.rk": "func run() {}\n"] }
        let withRemotes = remotes.env.merging(["NO_COLOR": "1"]) { $1 }
        let missing = try AmpuProcess.run(["add", "tool", "--git", "https://github.com/user/bench", "--branch", "mian"], environment: withRemotes, directory: app)
        #expect(missing.stderr == "error: cannot get 'github.com/user/bench': the repository has no branch 'mian'\n  = help: did you mean branch 'main'?\n")
        // A Rask git dep follows a branch: a tag is no key of its block, and is not written.
        let tagged = try AmpuProcess.run(["add", "tool", "--git", "https://github.com/user/bench", "--tag", "v0.3.0"], environment: withRemotes, directory: app)
        #expect(tagged.stderr == "error: the manifest would not be valid: unknown key `tag` in dep \"tool\"; the keys here are: target, path, git, branch, with, scope, feature, allow\n")
        #expect(try AmpuProcess.run(["add", "bench", "--dev", "--git", "https://github.com/user/bench", "--branch", "main"], environment: withRemotes, directory: app).stderr
                == "    Adding dep \"bench\" { git: \"https://github.com/user/bench\", branch: \"main\" } to scope \"dev\"\n")
        #expect(try dir.read("app/rask.build") == """
            // SPDX-License-Identifier: MIT
            package "app" "0.1.0" {
                description: "An app"   // kept

                dep "util" { path: "../util" }
                dep "json" "^1.5"

                feature "logging" {
                    default: true
                    dep "logger" "^1.0"
                }
                scope "dev" {
                    dep "mock" "^2.0"
                    dep "bench" { git: "https://github.com/user/bench", branch: "main" }
                }
            }

            func build(ctx: BuildContext) -> () or Error {
                try ctx.declare_dependency("api.proto")
            }

            """)
        // Added again with another requirement, as `cargo add` takes it: changed in place.
        let twice = try AmpuProcess.run(["add", "json@^2"], environment: plain, directory: app)
        #expect(twice.stderr == "    Updating json \"^1.5\" to \"^2\" in the package block\n")
        #expect(twice.status == 0)
        #expect(try AmpuProcess.run(["remove", "util"], environment: plain, directory: app).stderr == "  Removing util\n")
        #expect(try AmpuProcess.run(["remove", "logger"], environment: plain, directory: app).status == 0)
        #expect(try AmpuProcess.run(["remove", "mock"], environment: plain, directory: app).status == 0)
        #expect(try dir.read("app/rask.build") == """
            // SPDX-License-Identifier: MIT
            package "app" "0.1.0" {
                description: "An app"   // kept

                dep "json" "^2"

                feature "logging" {
                    default: true
                }
                scope "dev" {
                    dep "bench" { git: "https://github.com/user/bench", branch: "main" }
                }
            }

            func build(ctx: BuildContext) -> () or Error {
                try ctx.declare_dependency("api.proto")
            }

            """)
        // A block on one line opens up.
        #expect(try AmpuProcess.run(["add", "app", "--path", "../app"], environment: plain, directory: dir.path + "/util").status == 0)
        #expect(try dir.read("util/rask.build") == "package \"util\" \"0.2.0\" {\n    dep \"app\" { path: \"../app\" }\n}\n")
    }

    @Test("add --feature puts the dep in that feature's block, made when missing; elsewhere --feature is refused")
    func addToFeature() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/rask.build", """
            package "app" "0.1.0" {
                feature "ssl" {
                    dep "openssl" "^3.0"
                }
            }

            """)
        let app = dir.path + "/app"
        #expect(try AmpuProcess.run(["add", "ring@^0.17", "--feature", "ssl"], environment: plain, directory: app).stderr
                == "    Adding dep \"ring\" \"^0.17\" to feature \"ssl\"\n")
        #expect(try AmpuProcess.run(["add", "zap@^2.0", "--feature", "logging"], environment: plain, directory: app).stderr
                == "    Adding dep \"zap\" \"^2.0\" to feature \"logging\"\n")
        #expect(try dir.read("app/rask.build") == """
            package "app" "0.1.0" {
                feature "ssl" {
                    dep "openssl" "^3.0"
                    dep "ring" "^0.17"
                }
                feature "logging" {
                    dep "zap" "^2.0"
                }
            }

            """)
        let again = try AmpuProcess.run(["add", "ring@^0.17", "--feature", "ssl"], environment: plain, directory: app)
        #expect(again.stderr == "   Unchanged ring ^0.17 in feature \"ssl\"\n")
        try dir.write("lib/asthra.toml", "[package]\nname = \"lib\"\nversion = \"0.1.0\"\n")
        let asthra = try AmpuProcess.run(["add", "json@^1", "--feature", "ssl"], environment: plain, directory: dir.path + "/lib")
        #expect(asthra.stderr == "error: Asthra manifests have no feature blocks: --feature is for Rask's rask.build\n")
        #expect(asthra.status == 1)
    }

    @Test("with: turns on a dep's features for the imports inside it; without it, the dep's own import is off, with the fix")
    func withFeatures() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/rask.build", "package \"app\" \"0.1.0\" {\n    dep \"util\" { path: \"../util\", with: [\"json\"] }\n}\n")
        try dir.write("app/main.rk", "import util\n")
        try dir.write("util/rask.build", "package \"util\" \"0.1.0\" {\n    feature \"json\" {\n        dep \"serde\" { path: \"../serde\" }\n    }\n}\n")
        try dir.write("util/lib.rk", "import serde\n")
        try dir.write("serde/rask.build", "package \"serde\" \"1.0.0\" {}\n")
        try dir.write("serde/s.rk", "")
        let app = dir.path + "/app"
        #expect(try AmpuProcess.run(["check"], environment: plain, directory: app).stderr == "Checked 1 package, 1 module and 2 imported modules: no problems\n")
        try dir.write("app/rask.build", "package \"app\" \"0.1.0\" {\n    dep \"util\" { path: \"../util\" }\n}\n")
        #expect(try AmpuProcess.run(["check"], environment: plain, directory: app).stderr == """
            error[R016]: dependency 'serde' is off: it comes only with feature 'json', which is not enabled
             --> ../util/lib.rk:1:8
              |
            1 | import serde
              |        ^^^^^ not in this build
              |
              = help: ask for it where 'util' is declared: { with: ["json"] }, or mark the feature `default: true` in ../util/rask.build

            error: check failed: 1 error, 0 warnings in 1 package, 1 module and 1 imported module

            """)
    }

    @Test("new --lang rask makes a package that checks clean; build names the compiler it needs")
    func new() throws {
        let dir = try ScratchDirectory()
        let app = try AmpuProcess.run(["new", "app", "--lang", "rask"], environment: plain, directory: dir.path)
        #expect(app.stderr == "Created program package 'app' in \(dir.path)/app\n")
        #expect(try dir.read("app/rask.build") == """
            package "app" "0.1.0" {
                description: ""
                license: "MIT"
            }

            """)
        let check = try AmpuProcess.run(["check"], environment: plain, directory: dir.path + "/app")
        #expect(check.stderr == "Checked 1 package, 1 module: no problems\n")
        // Building it needs the compiler, which is named with the way to get it.
        let build = try AmpuProcess.run(["build"], environment: plain, directory: dir.path + "/app")
        #expect(build.stderr == """
            error[B001]: the Rask compiler was not found: $RASK is not set and no 'rask' is on PATH
              = note: PATH is /usr/bin:/bin
              = help: install rask and put its directory on PATH, or set RASK=/path/to/rask

            error: could not build; the plan has errors (above)

            """)
        #expect(build.status == 1)
    }

    @Test("update resolves with minimal version selection: the highest of the minimums, not the newest; a requirement it cannot meet is explained")
    func minimalVersions() throws {
        let remotes = try GitFixture(extra: plain)
        for (name, version, deps) in [("a", "1.0.0", ""), ("a", "1.1.0", ""), ("a", "1.2.0", ""), ("a", "2.0.0", ""), ("b", "1.0.0", "dep \"a\" \"^1.1\"")] {
            try remotes.write("registry/\(name)/\(version)/rask.build", "package \"\(name)\" \"\(version)\" {\n    \(deps)\n}\n")
            try remotes.write("registry/\(name)/\(version)/lib.rk", "")
        }
        try remotes.write("app/rask.build", "package \"app\" \"0.1.0\" {\n    dep \"a\" \"^1.0\"\n    dep \"b\" \"^1.0\"\n}\n")
        try remotes.write("app/main.rk", "import a\nimport b\n")
        let app = remotes.root + "/app"
        let result = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(result.stderr == "    Adding a v1.1.0\n    Adding b v1.0.0\nLocked 2 packages in rask.lock\n")
        #expect(try remotes.read("app/rask.lock").contains("name = \"a\"\nversion = \"1.1.0\"\n"))
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: app).stderr == "Checked 1 package, 1 module and 2 imported modules: no problems\n")
        // b needs a ^1.1 while the app takes a 2.0: no version satisfies both.
        try remotes.write("registry/b/1.0.0/rask.build", "package \"b\" \"1.0.0\" {\n    dep \"a\" \"^1.1\"\n}\n")
        try remotes.write("app/rask.build", "package \"app\" \"0.1.0\" {\n    dep \"a\" \"^2.0\"\n    dep \"b\" \"^1.0\"\n}\n")
        let failed = try AmpuProcess.run(["update", "--registry", "../registry"], environment: remotes.env, directory: app)
        #expect(failed.stderr == """
            error[M021]: no versions of the dependencies meet every requirement
             --> rask.build:3:13
              |
            2 |     dep "a" "^2.0"
              |             ------ 'a' takes part
            3 |     dep "b" "^1.0"
              |             ^^^^^^ cannot be met together with the other requirements
              |
              = note: Because app depends on a ^2.0.0, a 2.0.0 is the lowest version every requirement may take, and b 1.0.0 depends on a ^1.1.0, which does not allow it: version selection failed.
              = help: change a requirement so that one version fits them all


            """)
        #expect(failed.status == 1)
    }

    @Test("a git dep: not locked yet (M026) before update; then checked out into ~/.rask/cache (or $RASK_CACHE), where its imports are read")
    func gitDependency() throws {
        let remotes = try GitFixture(extra: plain)
        try remotes.repository("lexer", versions: ["1.0.0"]) { v in
            ["rask.build": "package \"lexer\" \"\(v)\" {\n}\n", "lib.rk": "public func lex() {}\n", "tokens/kinds.rk": "public struct Kind {}\n"]
        }
        try remotes.write("app/rask.build", "package \"app\" \"0.1.0\" {\n    dep \"lexer\" { git: \"file://\(remotes.root)/remotes/user/lexer.git\" }\n}\n")
        try remotes.write("app/main.rk", "import lexer\nimport lexer.tokens\n")
        let app = remotes.root + "/app"
        let before = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(before.stderr == """
            warning[M026]: 'lexer' is not locked: there is no rask.lock yet
             --> rask.build:2:9
              |
            2 |     dep "lexer" { git: "file://\(remotes.root)/remotes/user/lexer.git" }
              |         ^^^^^^^ no commit chosen
              |
              = note: its imports are not checked until it is locked and fetched
              = help: run `ampu update` to resolve it and write rask.lock (`ampu build` does it first)

            Checked 1 package, 1 module: 1 warning

            """)
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).stderr == "    Adding lexer v1.0.0\nLocked 1 package in rask.lock\n")
        let commit = try remotes.commit("lexer", "v1.0.0")
        #expect(FileManager.default.fileExists(atPath: remotes.root + "/.rask/cache/lexer/\(commit)/tokens/kinds.rk"))
        #expect(try AmpuProcess.run(["check"], environment: remotes.env, directory: app).stderr == "Checked 1 package, 1 module and 2 imported modules: no problems\n")
        // The build compiles it from there and hands it to the app's compile.
        let plan = try AmpuProcess.run(["build", "--plan"], environment: remotes.env.merging(["RASK": raskStandIn]) { $1 }, directory: app)
        #expect(plan.stdout.contains("\(raskStandIn) compile \(remotes.root)/.rask/cache/lexer/\(commit) --emit lib -o target/debug/deps/liblexer.a"))
        #expect(plan.stdout.contains("--dep lexer=\(remotes.root)/.rask/cache/lexer/\(commit) "))
        // Elsewhere with RASK_CACHE, where nothing is fetched yet.
        let moved = remotes.env.merging(["RASK_CACHE": remotes.root + "/rask-cache"]) { $1 }
        let elsewhere = try AmpuProcess.run(["check"], environment: moved, directory: app)
        #expect(elsewhere.stderr.hasPrefix("warning[M022]: 'lexer' is not in the package cache\n"))
        #expect(elsewhere.stderr.contains("  = note: the compiler reads it from \(remotes.root)/rask-cache/lexer/\(commit)\n"))
    }

    @Test("tree shows the deps a selection takes: the default features', those --features names, a platform's target deps; dev deps marked")
    func treeForFeatures() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/rask.build", """
            package "app" "0.1.0" {
                dep "core" { path: "../core" }
                dep "epoll" { path: "../epoll", target: "linux" }
                dep "kqueue" { path: "../kqueue", target: "macos" }
                scope "dev" { dep "mock" { path: "../mock" } }
                feature "ssl" { dep "openssl" { path: "../openssl" } }
                feature "full" { enables: ["ssl"] }
                feature "json" {
                    default: true
                    dep "serde" { path: "../serde" }
                }
            }

            """)
        for name in ["core", "epoll", "kqueue", "mock", "openssl", "serde"] {
            try dir.write("\(name)/rask.build", "package \"\(name)\" \"1.0.0\" {}\n")
        }
        let app = dir.path + "/app"
        #expect(try AmpuProcess.run(["update"], environment: plain, directory: app).stderr.hasSuffix("Locked 6 packages in rask.lock\n"))
        #expect(try AmpuProcess.run(["tree"], environment: plain, directory: app).stdout == """
            app v0.1.0
            ├── core v1.0.0
            ├── epoll v1.0.0
            ├── mock v1.0.0 [dev]
            └── serde v1.0.0

            """)
        let full = try AmpuProcess.run(["tree", "--features", "full", "--no-default-features", "--target", "macos"], environment: plain, directory: app)
        #expect(full.stdout == """
            app v0.1.0
            ├── core v1.0.0
            ├── kqueue v1.0.0
            ├── mock v1.0.0 [dev]
            └── openssl v1.0.0

            """)
        let unknown = try AmpuProcess.run(["tree", "--features", "tls"], environment: plain, directory: app)
        #expect(unknown.stderr == """
            error[R010]: package 'app' has no feature 'tls'
             --> rask.build:1:9
              |
            1 | package "app" "0.1.0" {
              |         ^^^^^ --features tls
              |
              = help: its features are: ssl, full, json


            """)
        #expect(unknown.status == 1)
    }

    @Test("update writes rask.lock as the Rask compiler reads it: its version key and a checksum of the .rk files on every entry; the compiler's own lock reads back")
    func raskLockFormat() throws {
        let dir = try ScratchDirectory()
        try dir.write("app/rask.build", """
            package "app" "0.1.0" {
                dep "util" { path: "../util" }
                dep "a" "^1.0"
            }

            """)
        try dir.write("app/main.rk", "import util\nimport a\n")
        try dir.write("util/rask.build", "package \"util\" \"0.2.0\" {}\n")
        // Summed: a/b.rk, a.rk, lib.rk (in that order: paths compare part by part).
        try dir.write("util/lib.rk", "pub func util() {}\n")
        try dir.write("util/a.rk", "pub func a() {}\n")
        try dir.write("util/a/b.rk", "pub func b() {}\n")
        // Not summed: output, vendored and hidden directories, other files.
        try dir.write("util/build/gen.rk", "generated\n")
        try dir.write("util/vendor/v.rk", "vendored\n")
        try dir.write("util/.cache/x.rk", "hidden\n")
        try dir.write("util/notes.txt", "notes\n")
        try dir.write("registry/a/1.0.0/rask.build", "package \"a\" \"1.0.0\" {}\n")
        try dir.write("registry/a/1.0.0/lib.rk", "pub func a() {}\n")
        let app = dir.path + "/app"
        let update = try AmpuProcess.run(["update", "--registry", "../registry"], environment: plain, directory: app)
        #expect(update.stderr == "    Adding a v1.0.0\n    Adding util v0.2.0\nLocked 2 packages in rask.lock\n")
        #expect(try dir.read("app/rask.lock") == """
            # rask.lock — auto-generated, do not edit
            lockfile-version = 1

            [[package]]
            name = "a"
            version = "1.0.0"
            source = "registry+\(dir.path)/registry"
            checksum = "sha256:a14123cb70a5161355bcec0ef96159ee25ede8ca4eba930c6a5bb5b7bbe409ea"
            dependencies = []

            [[package]]
            name = "util"
            version = "0.2.0"
            source = "path+../util"
            checksum = "sha256:eeba02ba7a2e2b0089bc8cc586f674a3756b6f151490531029eba76edabd4989"
            dependencies = []

            """)
        // The compiler's own file (capabilities, no dependencies key) is read as it is.
        try dir.write("app/rask.lock", """
            # rask.lock — auto-generated, do not edit
            lockfile-version = 1

            [[package]]
            name = "util"
            version = "0.2.0"
            source = "path+../util"
            checksum = "sha256:eeba02ba7a2e2b0089bc8cc586f674a3756b6f151490531029eba76edabd4989"
            capabilities = ["net"]


            """)
        #expect(try AmpuProcess.run(["tree"], environment: plain, directory: app).stdout == """
            app v0.1.0
            └── util v0.2.0

            """)
        // ampu's next update keeps what the compiler recorded beside its own keys.
        let again = try AmpuProcess.run(["update", "--registry", "../registry"], environment: plain, directory: app)
        #expect(again.stderr == "    Adding a v1.0.0\nLocked 2 packages in rask.lock\n")
        #expect(try dir.read("app/rask.lock") == """
            # rask.lock — auto-generated, do not edit
            lockfile-version = 1

            [[package]]
            name = "a"
            version = "1.0.0"
            source = "registry+\(dir.path)/registry"
            checksum = "sha256:a14123cb70a5161355bcec0ef96159ee25ede8ca4eba930c6a5bb5b7bbe409ea"
            dependencies = []

            [[package]]
            name = "util"
            version = "0.2.0"
            source = "path+../util"
            checksum = "sha256:eeba02ba7a2e2b0089bc8cc586f674a3756b6f151490531029eba76edabd4989"
            dependencies = []
            capabilities = ["net"]

            """)
    }
}
