import Foundation
import Testing
import TestSupport

@Suite("Builds with fetched dependencies")
struct BuildDependenciesTests {
    @Test("a git dependency in the cache is compiled into its own library first, and the program links it (seed)")
    func gitDependency() throws {
        let remotes = try GitFixture(extra: plain)
        try remotes.repository("json", versions: ["1.0.0", "1.1.0"]) { GitFixture.asthraPackage("json", $0) }
        let commit = try remotes.commit("json", "v1.1.0")
        try remotes.write("app/asthra.toml", """
            [package]
            name = "app"
            version = "0.1.0"
            entry = "src/main.asthra"

            [dependencies]
            json = { git = "github.com/user/json", version = "^1.0" }

            [toolchain]
            preset = "seed"

            """)
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\n// STANDIN_OUTPUT: parsed\npub fn main(none) -> void {}\n")
        let app = remotes.root + "/app"
        let env = remotes.env.merging(["ASTHRA": standIn]) { $1 }
        #expect(try AmpuProcess.run(["update"], environment: env, directory: app).status == 0)
        let built = try AmpuProcess.run(["build", "-j1"], environment: env, directory: app)
        #expect(timeless(built.stderr) == """
               Compiling github.com/user/json
               Compiling app (bin "app")
                 Linking app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        let checkout = remotes.root + "/cache/github.com/user/json/" + commit
        let plan = try AmpuProcess.run(["build", "--plan"], environment: env, directory: app)
        #expect(plan.stdout.contains("\n[1] Compiling github.com/user/json\n    \(standIn) \(checkout)/src/lib.asthra -o target/debug/deps/libgithub_com_user_json.a -I \(checkout) -O0 -g\n"))
        #expect(plan.stdout.contains("cc target/debug/build/app/app.o target/debug/deps/libgithub_com_user_json.a -o target/debug/app"))
        let run = try AmpuProcess.run(["run"], environment: env, directory: app)
        #expect(run.stdout == "parsed\n")
    }

    @Test("build brings the lock up to date first, as cargo build does: written when missing or out of date (not with --locked), the cache filled when a checkout is missing (not with --offline)")
    func buildResolves() throws {
        let remotes = try GitFixture(extra: plain)
        try remotes.repository("json", versions: ["1.0.0", "1.1.0"]) { GitFixture.asthraPackage("json", $0) }
        let manifest = """
            [package]
            name = "app"
            version = "0.1.0"

            [dependencies]
            json = { git = "github.com/user/json", version = "^1.0" }

            """
        try remotes.write("app/asthra.toml", manifest)
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\npub fn main(none) -> void {}\n")
        let app = remotes.root + "/app"
        let env = remotes.env.merging(["ASTHRA": standIn]) { $1 }
        // No lock: --locked refuses to write one, says what it would hold, and nothing is built.
        let locked = try AmpuProcess.run(["build", "--locked"], environment: env, directory: app)
        #expect(locked.stderr == """
            error: asthra.lock needs updating, and --locked forbids it
              = help:     Adding github.com/user/json v1.1.0
              = help: run `ampu update` to write it, or build without --locked

            """)
        #expect(locked.status == 1)
        #expect(!FileManager.default.fileExists(atPath: app + "/asthra.lock"))
        #expect(!FileManager.default.fileExists(atPath: app + "/target"))
        let built = try AmpuProcess.run(["build"], environment: env, directory: app)
        #expect(timeless(built.stderr) == """
                Adding github.com/user/json v1.1.0
            Locked 1 package in asthra.lock
               Compiling app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        // Up to date: nothing more to say.
        #expect(timeless(try AmpuProcess.run(["build"], environment: env, directory: app).stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        // A requirement the lock no longer meets: solved again, the rest of the lock kept.
        try remotes.write("app/asthra.toml", manifest.replacingOccurrences(of: "^1.0", with: "~1.0.0"))
        let moved = try AmpuProcess.run(["build"], environment: env, directory: app)
        #expect(timeless(moved.stderr) == """
              Updating github.com/user/json v1.1.0 -> v1.0.0
            Locked 1 package in asthra.lock
               Compiling app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        // With -q, the lock is brought up to date without a word.
        try remotes.write("app/asthra.toml", manifest.replacingOccurrences(of: "^1.0", with: "=1.1.0"))
        let quiet = try AmpuProcess.run(["build", "-q"], environment: env, directory: app)
        #expect(quiet.stderr == "" && quiet.status == 0)
        #expect(try remotes.read("app/asthra.lock").contains("version = \"1.1.0\""))
        try remotes.write("app/asthra.toml", manifest.replacingOccurrences(of: "^1.0", with: "~1.0.0"))
        #expect(try AmpuProcess.run(["build", "-q"], environment: env, directory: app).stderr == "")
        // The cache gone: --offline cannot fetch; a plain build fetches.
        try FileManager.default.removeItem(atPath: remotes.root + "/cache")
        try remotes.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\npub fn main(none) -> void { }\n")
        let offline = try AmpuProcess.run(["build", "--offline"], environment: env, directory: app)
        #expect(offline.stderr == "error: 'github.com/user/json' is not in the cache, and --offline forbids fetching it\n")
        #expect(offline.status == 1)
        let fetched = try AmpuProcess.run(["build"], environment: env, directory: app)
        #expect(timeless(fetched.stderr) == """
               Fetched github.com/user/json v1.0.0
               Compiling app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(FileManager.default.fileExists(atPath: remotes.root + "/cache/github.com/user/json/" + (try remotes.commit("json", "v1.0.0")) + "/src/lib.asthra"))
        // A path dependency added: `add` records it in the lock, as `cargo add` does; then a
        // build (whose plan the manifest's change made again) has nothing to lock.
        try remotes.write("util/asthra.toml", "[package]\nname = \"util\"\nversion = \"0.3.0\"\n")
        try remotes.write("util/src/lib.asthra", "package util;\n")
        #expect(try AmpuProcess.run(["add", "util", "--path", "../util"], environment: env, directory: app).stderr == """
                Adding util = { path = "../util" } to [dependencies]
                Adding util v0.3.0
            Locked 2 packages in asthra.lock

            """)
        #expect(timeless(try AmpuProcess.run(["build"], environment: env, directory: app).stderr) == """
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        try remotes.write("app/src/main.asthra", "package main;\npub fn main(none) -> void {}\n")
        // Removed, the git one leaves the lock at once, as `cargo remove` prunes Cargo.lock.
        #expect(try AmpuProcess.run(["remove", "json"], environment: env, directory: app).stderr == "  Removing json\n  Removing github.com/user/json v1.0.0\n")
        #expect(timeless(try AmpuProcess.run(["build"], environment: env, directory: app).stderr) == """
               Compiling app (bin "app")
                Finished `debug` profile [unoptimized + debuginfo] in [time]

            """)
        #expect(try remotes.read("app/asthra.lock") == """
            # Written by `ampu update`: it records the exact versions a build uses. Do not edit it by hand.
            version = 1

            [[package]]
            name = "util"
            version = "0.3.0"
            source = "path+../util"
            dependencies = []

            """)
    }
}
