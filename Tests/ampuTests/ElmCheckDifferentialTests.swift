import BuildModel
import Foundation
import Testing
import TestSupport

/// `ampu check` against the real `elm make` on random applications over the offline package
/// cache: `"direct"` holds elm/core and up to three other packages at random cached versions,
/// `"indirect"` what they need (as elm install writes it), now and then spoilt (a package left
/// out, one at another version, one nothing needs, a direct one at a version the cache lacks,
/// elm/core in "indirect", no elm/json). Then, where elm accepted it, `ampu add` or `ampu remove`
/// of a package must leave an elm.json elm accepts too.
/// ampu must report an error exactly when elm refuses the elm.json. Skipped, saying so, without
/// elm or ../shared/elm-home.
@Suite("ampu check against elm make on random elm.json", .serialized)
struct ElmCheckDifferentialTests {
    static let packages = ["elm/browser", "elm/bytes", "elm/file", "elm/html", "elm/http", "elm/json", "elm/parser", "elm/random", "elm/time", "elm/url"]

    /// The versions the cache holds of a package, oldest first.
    static func versions(_ package: String, home: String) -> [Version] {
        let directory = home + "/0.19.1/packages/" + package
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).compactMap(Version.init).sorted()
    }

    static func elmJSON(direct: [(String, String)], indirect: [(String, String)], test: [(String, String)] = [], testIndirect: [(String, String)] = []) -> String {
        func object(_ pairs: [(String, String)]) -> String {
            pairs.isEmpty ? "{}" : "{\n" + pairs.map { "            \"\($0.0)\": \"\($0.1)\"" }.joined(separator: ",\n") + "\n        }"
        }
        return """
            {
                "type": "application",
                "source-directories": ["src"],
                "elm-version": "0.19.1",
                "dependencies": {
                    "direct": \(object(direct)),
                    "indirect": \(object(indirect))
                },
                "test-dependencies": {
                    "direct": \(object(test)),
                    "indirect": \(object(testIndirect))
                }
            }

            """
    }

    @Test("ampu reports an error exactly when elm refuses the dependencies", arguments: Array(UInt64(1)...20))
    func agree(seed: UInt64) throws {
        guard let (scratch, home) = try elmScratch() else { return }
        var random = SeededRandom(state: seed)
        let app = scratch.path + "/app"

        // The direct dependencies, and what they need, as the package cache's solver derives it.
        var direct: [(String, String)] = [("elm/core", Self.versions("elm/core", home: home).last!.description)]
        for package in Self.packages.shuffled(using: &random).prefix(random.next(4)) {
            let versions = Self.versions(package, home: home)
            direct.append((package, versions[random.next(versions.count)].description))
        }
        direct.sort { $0.0 < $1.0 }
        try scratch.write("app/elm.json", Self.elmJSON(direct: direct, indirect: []))
        let manifest = ElmEcosystem().readManifest(try SourceText(path: app + "/elm.json", String(contentsOfFile: app + "/elm.json", encoding: .utf8)))
        let cache = ElmPackageCache(directory: home + "/0.19.1/packages", fileSystem: LocalFileSystem(), application: manifest)
        var solver = PubGrubSolver(provider: cache, root: manifest.displayName, version: ElmPackageCache.rootVersion)
        var indirect: [(String, String)] = []
        if let solution = try? solver.solve() {
            let named = Set(direct.map(\.0) + [manifest.displayName])
            for (name, version) in solution where !named.contains(name) { indirect.append((name, version.description)) }
            indirect.sort { $0.0 < $1.0 }
        }
        var spoilt = "none"
        switch random.next(9) {
        case 0 where !indirect.isEmpty:
            let gone = indirect.remove(at: random.next(indirect.count))
            spoilt = "\(gone.0) left out of indirect"
        case 1 where !indirect.isEmpty:
            let i = random.next(indirect.count)
            let others = Self.versions(indirect[i].0, home: home).map(\.description).filter { $0 != indirect[i].1 }
            if let other = others.first {
                spoilt = "\(indirect[i].0) at \(other) in indirect"
                indirect[i].1 = other
            }
        case 2:
            let names = Set(direct.map(\.0) + indirect.map(\.0))
            if let extra = Self.packages.filter({ !names.contains($0) }).first {
                indirect.append((extra, Self.versions(extra, home: home).last!.description))
                indirect.sort { $0.0 < $1.0 }
                spoilt = "\(extra) in indirect, needed by nothing"
            }
        case 3:
            let i = random.next(direct.count)
            direct[i].1 = "9.9.9"
            spoilt = "\(direct[i].0) at 9.9.9, which the cache lacks"
        case 4:
            let core = direct.remove(at: direct.firstIndex { $0.0 == "elm/core" }!)
            indirect.append(core)
            indirect.sort { $0.0 < $1.0 }
            spoilt = "elm/core in indirect"
        case 5:
            direct.removeAll { $0.0 == "elm/json" }
            indirect.removeAll { $0.0 == "elm/json" }
            spoilt = "no elm/json"
        case 6:
            let twice = direct[random.next(direct.count)]
            indirect.append(twice)
            indirect.sort { $0.0 < $1.0 }
            spoilt = "\(twice.0) in direct and in indirect"
        default:
            break
        }
        // Now and then test dependencies: elm-explorations/test at a random version, with what it
        // needs beyond the others in their "indirect" (elm verifies the four lists together), or
        // without it.
        var test: [(String, String)] = [], testIndirect: [(String, String)] = []
        if random.chance(3) {
            let versions = Self.versions("elm-explorations/test", home: home)
            test = [("elm-explorations/test", versions[random.next(versions.count)].description)]
            try scratch.write("app/elm.json", Self.elmJSON(direct: direct + test, indirect: indirect))
            let both = ElmEcosystem().readManifest(try SourceText(path: app + "/elm.json", String(contentsOfFile: app + "/elm.json", encoding: .utf8)))
            var testSolver = PubGrubSolver(provider: ElmPackageCache(directory: home + "/0.19.1/packages", fileSystem: LocalFileSystem(), application: both),
                                           root: both.displayName, version: ElmPackageCache.rootVersion)
            if random.chance(3) {
                spoilt += ", test dependencies without their indirect ones"
            } else if let solution = try? testSolver.solve() {
                let named = Set((direct + indirect + test).map(\.0) + [both.displayName])
                for (name, version) in solution where !named.contains(name) { testIndirect.append((name, version.description)) }
                testIndirect.sort { $0.0 < $1.0 }
            }
        }
        // Now and then a package the application needs indirectly is a direct one of the tests
        // too: elm takes that at the same version only.
        if test.isEmpty, random.chance(5), let shared = indirect.first {
            let other = Self.versions(shared.0, home: home).map(\.description).first { $0 != shared.1 }
            let version = random.chance(2) ? shared.1 : other ?? shared.1
            test = [(shared.0, version)]
            spoilt += ", \(shared.0) \(version) among the tests' direct ones"
        }
        let text = Self.elmJSON(direct: direct, indirect: indirect, test: test, testIndirect: testIndirect)
        try scratch.write("app/elm.json", text)
        try scratch.write("app/src/Main.elm", "module Main exposing (value)\n\n\nvalue : Int\nvalue =\n    1\n")

        let environment = plain.merging(["ELM_HOME": home, "HOME": scratch.path, "https_proxy": "http://127.0.0.1:9"]) { $1 }
        let check = try AmpuProcess.run(["check"], environment: environment, directory: app)
        let elm = try elmMake(["src/Main.elm", "--output=/dev/null"], environment: environment, directory: app)
        let ampuRefuses = check.stderr.contains("error[")
        #expect(ampuRefuses == (elm.status != 0), "seed \(seed) (\(spoilt)):\n\(text)\nampu: \(check.stderr)\nelm: \(elm.stdout)\(elm.stderr)")
        guard elm.status == 0 else { return }

        // An edit of an elm.json elm accepts leaves one it accepts: a package added, or a direct one removed.
        let removable = direct.map(\.0).filter { $0 != "elm/core" }
        let edit = !removable.isEmpty && random.next(2) == 0 ? ["remove", removable[random.next(removable.count)]]
            : ["add", Self.packages[random.next(Self.packages.count)]]
        let edited = try AmpuProcess.run(edit, environment: environment, directory: app)
        let after = try String(contentsOfFile: app + "/elm.json", encoding: .utf8)
        let elmAfter = try elmMake(["src/Main.elm", "--output=/dev/null"], environment: environment, directory: app)
        #expect(elmAfter.status == 0, "seed \(seed): ampu \(edit.joined(separator: " ")) (\(edited.status)):\n\(edited.stderr)\n\(after)\nelm: \(elmAfter.stdout)\(elmAfter.stderr)")
        let checkAfter = try AmpuProcess.run(["check"], environment: environment, directory: app)
        #expect(!checkAfter.stderr.contains("error["), "seed \(seed): \(checkAfter.stderr)")
    }

    /// Constraint texts around the one form elm reads: other spacing, other operators, exact
    /// versions, bounds equal or reversed, two-part versions.
    static func constraint(_ random: inout SeededRandom) -> String {
        let versions = ["1.0.0", "1.0.5", "1.1.0", "2.0.0", "1.0", "01.0.0"]
        let low = versions[random.next(versions.count)], high = versions[random.next(versions.count)]
        let ops = ["<=", "<", "<=", "<", ">=", "=<"]
        let space = { (random: inout SeededRandom) in random.chance(5) ? "  " : " " }
        switch random.next(7) {
        case 0: return low
        case 1: return " " + low + " <= v < " + high
        case 2: return low + " <= v < " + high + " "
        default:
            return low + space(&random) + ops[random.next(ops.count)] + space(&random) + "v" + space(&random) + ops[random.next(ops.count)] + space(&random) + high
        }
    }

    /// A package project whose elm.json has these fields (the others as elm takes them) and a
    /// src/Foo.elm, checked by ampu (short messages) and built by elm make: what each said.
    static func package(name: String = "me/pkg", summary: String = "A package", license: String = "BSD-3-Clause", exposed: String = "Foo",
                        elmVersion: String = "0.19.0 <= v < 0.20.0", core: String = "1.0.0 <= v < 2.0.0",
                        foo: String = "module Foo exposing (x)\n\n\nx : Int\nx =\n    1\n",
                        scratch: ScratchDirectory, home: String) throws -> (ampu: String, elm: String) {
        try scratch.write("pkg/elm.json", """
            {
                "type": "package",
                "name": "\(name)",
                "summary": "\(summary)",
                "license": "\(license)",
                "version": "1.0.0",
                "exposed-modules": ["\(exposed)"],
                "elm-version": "\(elmVersion)",
                "dependencies": { "elm/core": "\(core)" },
                "test-dependencies": {}
            }

            """)
        try scratch.write("pkg/src/Foo.elm", foo)
        let environment = plain.merging(["ELM_HOME": home, "HOME": scratch.path, "https_proxy": "http://127.0.0.1:9"]) { $1 }
        let check = try AmpuProcess.run(["check", "--message-format", "short"], environment: environment, directory: scratch.path + "/pkg")
        let elm = try elmMake([], environment: environment, directory: scratch.path + "/pkg")
        return (check.stderr, elm.stdout + elm.stderr)
    }

    @Test("a package's port module: elm and ampu both refuse it; its plain module both take")
    func packagePortModule() throws {
        guard let (scratch, home) = try elmScratch() else { return }
        for (header, refused) in [("port module Foo exposing (x)", true), ("module Foo exposing (x)", false)] {
            let said = try Self.package(foo: header + "\n\n\nx : Int\nx =\n    1\n", scratch: scratch, home: home)
            #expect(said.elm.contains("-- PACKAGES CANNOT HAVE PORTS") == refused, "elm: \(said.elm)")
            #expect(said.ampu.contains("error[E013]") == refused, "ampu: \(said.ampu)")
        }
    }

    @Test("in a package, ampu refuses a constraint exactly when elm does", arguments: Array(UInt64(1)...24))
    func packageConstraints(seed: UInt64) throws {
        guard let (scratch, home) = try elmScratch() else { return }
        var random = SeededRandom(state: seed)
        let text = Self.constraint(&random)
        let said = try Self.package(core: text, scratch: scratch, home: home)
        #expect(said.ampu.contains("error[M005]") == said.elm.contains("-- PROBLEM WITH CONSTRAINT"), "seed \(seed): '\(text)'\nampu: \(said.ampu)\nelm: \(said.elm)")
    }

    @Test("ampu refuses a package's name exactly when elm does", arguments: Array(UInt64(1)...16))
    func packageNames(seed: UInt64) throws {
        guard let (scratch, home) = try elmScratch() else { return }
        var random = SeededRandom(state: seed)
        let pieces = ["me", "a", "-", "--", "_", "X", "1", "elm", ".", "p"]
        func part(_ random: inout SeededRandom) -> String { (0...random.next(3)).map { _ in pieces[random.next(pieces.count)] }.joined() }
        let name = part(&random) + "/" + part(&random)
        let said = try Self.package(name: name, scratch: scratch, home: home)
        #expect(said.ampu.contains("error[M003]") == said.elm.contains("-- INVALID PACKAGE NAME"), "seed \(seed): '\(name)'\nampu: \(said.ampu)\nelm: \(said.elm)")
    }

    @Test("ampu refuses a package's summary, license, elm-version and exposed modules exactly when elm does", arguments: Array(UInt64(1)...24))
    func packageFields(seed: UInt64) throws {
        guard let (scratch, home) = try elmScratch() else { return }
        var random = SeededRandom(state: seed)
        func pick(_ choices: [String]) -> String { choices[random.next(choices.count)] }
        // Mostly what elm takes, so that each field is now and then the one it refuses.
        let summary = random.chance(4) ? String(repeating: pick(["x", "é"]), count: [39, 40, 79, 80][random.next(4)]) : "A package"
        let license = random.chance(3) ? pick(["MIT", "mit", "BSD3", "GPL-3.0-only", "Unlicense", "LPPL-1.3c", "Zlib", "EPL-2.0", "0BSD"]) : "BSD-3-Clause"
        let elmVersion = random.chance(4) ? pick(["0.18.0 <= v < 0.19.0", "0.19.1 <= v < 0.20.0", "0.19.0 <= v < 0.19.1", "0.19.0 < v <= 0.19.1"]) : "0.19.0 <= v < 0.20.0"
        let module = random.chance(4) ? pick(["Foo.Bar", "Foo.bar", "Foo_x", "foo", "Foo..Bar", "F1"]) : "Foo"
        let said = try Self.package(summary: summary, license: license, exposed: module, elmVersion: elmVersion, scratch: scratch, home: home)
        let elmRefuses = ["-- SUMMARY TOO LONG", "-- UNKNOWN LICENSE", "-- ELM VERSION MISMATCH", "-- PROBLEM WITH MODULE NAME", "-- MISSING MODULE"].contains { said.elm.contains($0) }
        #expect(said.ampu.contains("error[E012]") == elmRefuses,
                "seed \(seed): summary of \(summary.utf8.count) bytes, \(license), \(elmVersion), \(module)\nampu: \(said.ampu)\nelm: \(said.elm)")
    }

    @Test("ampu refuses an application's elm-version and source directories exactly when elm does", arguments: Array(UInt64(1)...8))
    func applicationFields(seed: UInt64) throws {
        guard let (scratch, home) = try elmScratch() else { return }
        var random = SeededRandom(state: seed)
        let version = ["0.19.1", "0.19.1", "0.19.0", "0.19.2"][random.next(4)]
        let directories = random.chance(3) ? "[]" : "[\"src\"]"
        let text = Self.elmJSON(direct: [("elm/core", "1.0.5"), ("elm/json", "1.1.3")], indirect: [])
            .replacing("\"elm-version\": \"0.19.1\"", with: "\"elm-version\": \"\(version)\"").replacing("[\"src\"]", with: directories)
        try scratch.write("app/elm.json", text)
        try scratch.write("app/src/Main.elm", "module Main exposing (value)\n\n\nvalue : Int\nvalue =\n    1\n")
        let environment = plain.merging(["ELM_HOME": home, "HOME": scratch.path, "https_proxy": "http://127.0.0.1:9"]) { $1 }
        let check = try AmpuProcess.run(["check", "--message-format", "short"], environment: environment, directory: scratch.path + "/app")
        let elm = try elmMake(["src/Main.elm", "--output=/dev/null"], environment: environment, directory: scratch.path + "/app")
        #expect(check.stderr.contains("error[") == (elm.status != 0), "seed \(seed):\n\(text)\nampu: \(check.stderr)\nelm: \(elm.stdout)\(elm.stderr)")
    }

    /// The dependency lists of an elm.json: "direct" and "indirect" of both groups, by package.
    static func lists(_ path: String) throws -> [String: [String: String]] {
        let value = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        var out: [String: [String: String]] = [:]
        for group in ["dependencies", "test-dependencies"] {
            for part in ["direct", "indirect"] { out["\(group).\(part)"] = (value[group] as? [String: Any])?[part] as? [String: String] ?? [:] }
        }
        return out
    }

    @Test("ampu add writes the lists elm install writes", arguments: Array(UInt64(1)...12))
    func addAsElmInstalls(seed: UInt64) throws {
        guard let (scratch, home) = try elmScratch() else { return }
        var random = SeededRandom(state: seed)
        // An application elm accepts: elm/core and elm/json, and up to two others at random cached versions.
        var direct: [(String, String)] = [("elm/core", "1.0.5"), ("elm/json", Self.versions("elm/json", home: home).last!.description)]
        for package in Self.packages.filter({ $0 != "elm/json" }).shuffled(using: &random).prefix(random.next(3)) {
            let versions = Self.versions(package, home: home)
            direct.append((package, versions[random.next(versions.count)].description))
        }
        direct.sort { $0.0 < $1.0 }
        for copy in ["ampu", "elm"] {
            try scratch.write("\(copy)/elm.json", Self.elmJSON(direct: direct, indirect: []))
            try scratch.write("\(copy)/src/Main.elm", "module Main exposing (value)\n\n\nvalue : Int\nvalue =\n    1\n")
        }
        let environment = plain.merging(["ELM_HOME": home, "HOME": scratch.path, "https_proxy": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9"]) { $1 }
        // The indirect ones as elm itself writes them, from the direct ones: ampu's check must agree first.
        let manifest = ElmEcosystem().readManifest(try SourceText(path: scratch.path + "/ampu/elm.json", String(contentsOfFile: scratch.path + "/ampu/elm.json", encoding: .utf8)))
        let cache = ElmPackageCache(directory: home + "/0.19.1/packages", fileSystem: LocalFileSystem(), application: manifest)
        var solver = PubGrubSolver(provider: cache, root: manifest.displayName, version: ElmPackageCache.rootVersion)
        guard let solution = try? solver.solve() else { return }  // no application elm would accept
        let named = Set(direct.map(\.0) + [manifest.displayName])
        let indirect = solution.filter { !named.contains($0.key) }.map { ($0.key, $0.value.description) }.sorted { $0.0 < $1.0 }
        for copy in ["ampu", "elm"] { try scratch.write("\(copy)/elm.json", Self.elmJSON(direct: direct, indirect: indirect)) }

        let candidates = Self.packages.filter { p in !direct.contains { $0.0 == p } }
        let package = candidates[random.next(candidates.count)]
        let installed = try runTool(["sh", "-c", "echo y | elm install \(package)"], environment: environment, directory: scratch.path + "/elm")
        let added = try AmpuProcess.run(["add", package], environment: environment, directory: scratch.path + "/ampu")
        let elmLists = try Self.lists(scratch.path + "/elm/elm.json"), ampuLists = try Self.lists(scratch.path + "/ampu/elm.json")
        #expect(ampuLists == elmLists, "seed \(seed): add \(package) to \(direct) with \(indirect)\nelm: \(installed.stdout)\nampu: \(added.stderr)")
    }
}

/// `elm make` with these arguments; run again (at most three times more) when it stopped without one
/// of its reports (`-- TITLE ----`), as on its own race between its threads over elm-stuff
/// (elm/compiler#2258: "….dat: openBinaryFile: resource busy (file is locked)"): such a stop
/// says nothing of the project.
func elmMake(_ arguments: [String], environment: [String: String], directory: String) throws -> AmpuProcess.Result {
    func reported(_ r: AmpuProcess.Result) -> Bool { (r.stdout + "\n" + r.stderr).split(separator: "\n").contains { $0.hasPrefix("-- ") } }
    // The race shows as that message, also on a run that then reports nothing of the project.
    func raced(_ r: AmpuProcess.Result) -> Bool { (r.status != 0 && !reported(r)) || (r.stdout + r.stderr).contains("resource busy (file is locked)") }
    var result = try runTool(["elm", "make"] + arguments, environment: environment, directory: directory)
    for _ in 0..<3 where raced(result) {
        // From a clean elm-stuff: what the stopped run left there can stop the next one too.
        try? FileManager.default.removeItem(atPath: directory + "/elm-stuff")
        result = try runTool(["elm", "make"] + arguments, environment: environment, directory: directory)
    }
    return result
}

/// A scratch directory with a copy of ../shared/elm-home in it (elm writes into its cache), and
/// that copy; nil, said, without elm or the cache.
func elmScratch() throws -> (scratch: ScratchDirectory, home: String)? {
    guard FileManager.default.fileExists(atPath: ElmCommandTests.elmHome), FileManager.default.isExecutableFile(atPath: "/usr/bin/elm") else {
        print("skipped: elm (scripts/install-deps installs elm-compiler) or ../shared/elm-home is not here")
        return nil
    }
    let scratch = try ScratchDirectory()
    let home = scratch.path + "/elm-home"
    try FileManager.default.copyItem(atPath: ElmCommandTests.elmHome, toPath: home)
    return (scratch, home)
}
