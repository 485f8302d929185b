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
}
