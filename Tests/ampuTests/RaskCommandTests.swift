import Foundation
import Testing

@Suite("ampu check and new for Rask")
struct RaskCommandTests {
    @Test("a program with a path dep, a default feature's dep, sub-packages and the standard library checks clean")
    func clean() throws {
        let result = try AmpuProcess.run(["check"], environment: plain, directory: examples + "/rask/app/storage")
        #expect(result.stderr == "Checked 1 package, 3 modules and 2 imported modules: no problems\n")
        #expect(result.status == 0)
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
              = help: build with --features ssl, or mark the feature `default: true` in rask.build

            """))
    }

    @Test("new --lang rask makes a package that checks clean; build says it cannot build Rask yet")
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
        let build = try AmpuProcess.run(["build"], environment: plain, directory: dir.path + "/app")
        #expect(build.stderr == """
            error[R017]: ampu cannot build Rask packages yet
             --> rask.build:1:9
              |
            1 | package "app" "0.1.0" {
              |         ^^^^^ a Rask package
              |
              = help: `ampu check` reads this package and its imports; building it comes next

            error: could not build; the plan has errors (above)

            """)
        #expect(build.status == 1)
    }
}
