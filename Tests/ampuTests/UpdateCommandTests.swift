import Foundation
import Testing

/// `ampu update` against real git repositories in a temporary directory, reached as
/// `github.com/user/…` through an `insteadOf` in a test-local git config.
@Suite("ampu update and asthra.lock")
struct UpdateCommandTests {
    final class Remotes {
        let dir: ScratchDirectory
        let env: [String: String]

        init() throws {
            dir = try ScratchDirectory()
            try dir.write("gitconfig", "[url \"file://\(dir.path)/remotes/\"]\n\tinsteadOf = https://github.com/\n[init]\n\tdefaultBranch = main\n")
            env = plain.merging([
                "HOME": dir.path, "ASTHRA_CACHE": dir.path + "/cache", "GIT_CONFIG_GLOBAL": dir.path + "/gitconfig", "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e",
            ]) { $1 }
        }

        @discardableResult
        func git(_ args: [String], in path: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            p.arguments = args
            p.currentDirectoryURL = URL(fileURLWithPath: path)
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// `remotes/user/json.git`, tagged v1.0.0 and v1.1.0; the commits by tag.
        func json() throws -> [String: String] {
            let repo = dir.path + "/remotes/user/json.git"
            var commits: [String: String] = [:]
            try FileManager.default.createDirectory(atPath: repo + "/src", withIntermediateDirectories: true)
            try git(["init", "--quiet"], in: repo)
            for v in ["1.0.0", "1.1.0"] {
                try "[package]\nname = \"github.com/user/json\"\nversion = \"\(v)\"\n".write(toFile: repo + "/asthra.toml", atomically: true, encoding: .utf8)
                try "package json;\n".write(toFile: repo + "/src/lib.asthra", atomically: true, encoding: .utf8)
                try git(["add", "-A"], in: repo)
                try git(["commit", "--quiet", "-m", v], in: repo)
                try git(["tag", "v" + v], in: repo)
                commits["v" + v] = try git(["rev-parse", "HEAD"], in: repo)
            }
            return commits
        }
    }

    @Test("resolves, fetches to where the compiler looks, writes the lock, and check then finds the package")
    func update() throws {
        let remotes = try Remotes()
        let commits = try remotes.json()
        let app = remotes.dir.path + "/app"
        try remotes.dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n")
        try remotes.dir.write("app/src/main.asthra", "package main;\nimport \"github.com/user/json\";\n")

        let first = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(first.stderr == "    Adding github.com/user/json v1.1.0\nLocked 1 package in asthra.lock\n")
        #expect(first.status == 0)
        let commit = try #require(commits["v1.1.0"])
        let lock = try remotes.dir.read("app/asthra.lock")
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
        #expect(FileManager.default.fileExists(atPath: remotes.dir.path + "/cache/github.com/user/json/\(commit)/src/lib.asthra"))

        // Nothing changed: nothing to say, the lock as it was.
        let again = try AmpuProcess.run(["update"], environment: remotes.env, directory: app)
        #expect(again.stderr == "Locked 1 package in asthra.lock\n")
        let check = try AmpuProcess.run(["check"], environment: remotes.env, directory: app)
        #expect(check.stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        let tree = try AmpuProcess.run(["tree"], environment: remotes.env, directory: app)
        #expect(tree.stdout == "app v0.1.0\n└── github.com/user/json v1.1.0\n")
        let why = try AmpuProcess.run(["why", "github.com/user/json"], environment: remotes.env, directory: app)
        #expect(why.stdout == "app v0.1.0 → github.com/user/json v1.1.0\n")

        // fetch: nothing to do; with the cache gone, it fetches again (not with --offline);
        // a cached file changed by hand is found and named.
        let cached = try AmpuProcess.run(["fetch"], environment: remotes.env, directory: app)
        #expect(cached.stderr == "1 package in the cache, as asthra.lock records it\n")
        try FileManager.default.removeItem(atPath: remotes.dir.path + "/cache")
        let offline = try AmpuProcess.run(["fetch", "--offline"], environment: remotes.env, directory: app)
        #expect(offline.stderr == "error: 'github.com/user/json' is not in the cache, and --offline forbids fetching it\n")
        let refetched = try AmpuProcess.run(["fetch"], environment: remotes.env, directory: app)
        #expect(refetched.stderr == "   Fetched github.com/user/json v1.1.0\n1 package in the cache, as asthra.lock records it\n")
        let checkout = remotes.dir.path + "/cache/github.com/user/json/\(commit)"
        try "package json; // changed\n".write(toFile: checkout + "/src/lib.asthra", atomically: true, encoding: .utf8)
        let tampered = try AmpuProcess.run(["fetch"], environment: remotes.env, directory: app)
        #expect(tampered.stderr == "error: the cached files of 'github.com/user/json' are not the ones asthra.lock recorded (its checksum differs): delete '\(checkout)' and run `ampu fetch` again\n")
        #expect(tampered.status == 1)
        try FileManager.default.removeItem(atPath: checkout)

        // A requirement the lock no longer meets: --locked refuses to change it.
        try remotes.dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"~1.0.0\" }\n")
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

    @Test("two fetches at once into one cache take turns: both succeed, one checkout, nothing half-made")
    func concurrentFetches() throws {
        let remotes = try Remotes()
        let commits = try remotes.json()
        let app = remotes.dir.path + "/app"
        try remotes.dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        try FileManager.default.removeItem(atPath: remotes.dir.path + "/cache")
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
        let entries = try FileManager.default.contentsOfDirectory(atPath: remotes.dir.path + "/cache/github.com/user/json")
        #expect(entries == [commits["v1.1.0"]!])
        #expect(try AmpuProcess.run(["fetch", "--offline"], environment: remotes.env, directory: app).status == 0)
        let list = try AmpuProcess.run(["list"], environment: remotes.env, directory: app)
        #expect(list.stdout == "github.com/user/json v1.1.0 (\(commits["v1.1.0"]!.prefix(12)))\n")
        #expect(list.stderr == "1 package in \(remotes.dir.path)/cache\n")
    }

    @Test("--offline resolves from the cache's mirrors alone; --frozen also refuses to change the lock")
    func offline() throws {
        let remotes = try Remotes()
        _ = try remotes.json()
        let app = remotes.dir.path + "/app"
        try remotes.dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n")
        let missing = try AmpuProcess.run(["update", "--offline"], environment: remotes.env, directory: app)
        #expect(missing.stderr == "error: cannot get 'github.com/user/json': it is not in the cache, and --offline forbids fetching it\n")
        #expect(try AmpuProcess.run(["update"], environment: remotes.env, directory: app).status == 0)
        // The remote goes away: the cache still answers.
        try FileManager.default.removeItem(atPath: remotes.dir.path + "/remotes")
        let offline = try AmpuProcess.run(["update", "--offline"], environment: remotes.env, directory: app)
        #expect(offline.stderr == "Locked 1 package in asthra.lock\n")
        #expect(try AmpuProcess.run(["update", "--frozen"], environment: remotes.env, directory: app).status == 0)
        try remotes.dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"~1.0.0\" }\n")
        let frozen = try AmpuProcess.run(["update", "--frozen"], environment: remotes.env, directory: app)
        #expect(frozen.stderr == """
            error: asthra.lock needs updating, and --frozen forbids it
              = help:   Updating github.com/user/json v1.1.0 -> v1.0.0
              = help: run `ampu update` without --frozen to write it

            """)
    }

    @Test("a requirement no tag meets is explained")
    func unsolvable() throws {
        let remotes = try Remotes()
        _ = try remotes.json()
        try remotes.dir.write("app/asthra.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^2.0\" }\n")
        let result = try AmpuProcess.run(["update"], environment: remotes.env, directory: remotes.dir.path + "/app")
        #expect(result.stderr == "error: Because no versions of github.com/user/json match ^2.0.0 and app depends on github.com/user/json ^2.0.0, version solving failed.\n")
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: remotes.dir.path + "/app/asthra.lock"))
        let tree = try AmpuProcess.run(["tree"], environment: remotes.env, directory: remotes.dir.path + "/app")
        #expect(tree.stderr == "error: there is no asthra.lock beside asthra.toml\n  = help: run `ampu update` to resolve the dependencies and write it\n")
    }
}
