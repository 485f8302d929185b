import Foundation
import Testing
import TestSupport

@Suite("ampu check and new for Oats")
struct OatsCommandTests {
    @Test("the seed's multi-package example checks clean from any directory inside it")
    func clean() throws {
        let result = try AmpuProcess.run(["check"], environment: plain, directory: examples + "/oats/app/src/shapes")
        #expect(result.stderr == "Checked 1 package, 3 modules and 2 imported modules: no problems\n")
        #expect(result.status == 0)
    }

    @Test("every kind of Oats problem, in the compiler's one-line format")
    func problems() throws {
        let result = try AmpuProcess.run(["check", "--message-format", "short"], environment: plain, directory: examples + "/oats-problems/app")
        #expect(result.stderr == """
            Oats.toml:4:1: warning[M001]: unknown key 'licence' in [package]
            Oats.toml:7:9: error[O001]: External dependencies not yet supported: 'serde' has a version but no 'path'
            Oats.toml:8:1: error[M008]: path dependency 'helpers' points to a package named 'helper-lib'
            Oats.toml:9:1: error[M018]: package cycle: app → ring → app
            Oats.toml:12:11: error[M013]: unknown build.profile 'relase'
            src/main.oats:1:23: error[I004]: package 'json' is not declared in [dependencies] of 'app'
            src/main.oats:2:21: error[I003]: cannot find module './mth'
            src/main.oats:3:24: error[I005]: relative import '../../outside' leaves package 'app'
            src/main.oats:4:12: error[I001]: expected ',' or '}' in the import list, found 'from'
            error: check failed: 8 errors, 1 warning in 1 package, 2 modules

            """)
        #expect(result.status == 1)
    }

    @Test("a package cycle is shown with each step, rustc-style")
    func cycle() throws {
        let result = try AmpuProcess.run(["check"], environment: plain, directory: examples + "/oats-problems/app")
        #expect(result.stderr.contains("""
            error[M018]: package cycle: app → ring → app
             --> Oats.toml:9:1
              |
            9 | ring = { path = "../ring" }
              | ^^^^
             ::: ../ring/Oats.toml:7:1: 'ring' depends on 'app' here
              |
              = help: packages cannot depend on each other in a loop: move what they share into a package that depends on none of them

            """))
    }

    @Test("new --lang oats makes a program and a library that a path dependency joins and check accepts")
    func new() throws {
        let dir = try ScratchDirectory()
        let app = try AmpuProcess.run(["new", "app", "--lang", "oats"], environment: plain, directory: dir.path)
        #expect(app.stderr == "Created program package 'app' in \(dir.path)/app\n")
        let lib = try AmpuProcess.run(["new", "mylib", "--lang", "oats", "--lib"], environment: plain, directory: dir.path)
        #expect(lib.status == 0)
        #expect(try dir.read("mylib/Oats.toml") == """
            [package]
            name = "mylib"
            version = "0.1.0"
            authors = ["Your Name <your.email@example.com>"]
            description = "An Oats project"
            license = "MIT"
            entry = "src/lib.oats"

            [dependencies]

            """)
        #expect(try dir.read("app/src/main.oats") == """
            // app/src/main.oats
            // Executable entry point

            export function main(): number {
                println("Hello, app!");
                return 0;
            }

            """)
        try dir.write("app/Oats.toml", try dir.read("app/Oats.toml") + "mylib = { path = \"../mylib\" }\n")
        try dir.write("app/src/main.oats", "import { hello } from \"mylib\";\n" + (try dir.read("app/src/main.oats")))
        let check = try AmpuProcess.run(["check"], environment: plain, directory: dir.path + "/app")
        #expect(check.stderr == "Checked 1 package, 1 module and 1 imported module: no problems\n")
        #expect(check.status == 0)
        let bad = try AmpuProcess.run(["new", "my app", "--lang", "oats"], environment: plain, directory: dir.path)
        #expect(bad.stderr == "error: invalid package name 'my app': it contains a space; try 'my-app'\n  = help: choose a valid name: it is also the directory's\n")
        #expect(bad.status == 1)
    }
}
