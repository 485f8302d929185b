import Foundation
import Testing
@testable import BuildModel

@Suite("Rask package block")
struct RaskPackageDocumentTests {
    func read(_ text: String) -> RaskPackageDocument { RaskPackageDocument(parsing: SourceText(path: "/p/rask.build", text)) }

    func show(_ v: RaskPackageDocument.Value) -> String {
        switch v.kind {
        case .string(let s): "\"\(s)\""
        case .number(let n): n
        case .bool(let b): "\(b)"
        case .word(let w): w
        case .list(let l): "[" + l.map(show).joined(separator: ", ") + "]"
        case .invalid: "invalid"
        }
    }

    /// The block as lines: entries, deps (with their properties) and groups, nested by indent.
    func dump(_ d: RaskPackageDocument) -> [String] {
        guard let p = d.package else { return ["no package"] }
        var out = ["package \(p.name.value) \(p.version?.value ?? "-") @\(d.source.location(of: p.keyword.lowerBound))"]
        func items(_ entries: [RaskPackageDocument.Entry], _ deps: [RaskPackageDocument.Dependency], _ groups: [RaskPackageDocument.Group], _ indent: String) {
            for e in entries { out.append("\(indent)\(e.key.value): \(show(e.value))") }
            for dep in deps {
                let props = dep.properties.map { "\($0.key.value): \(show($0.value))" }.joined(separator: ", ")
                out.append("\(indent)dep \(dep.name.value) \(dep.version?.value ?? "-")\(props.isEmpty ? "" : " { \(props) }") @\(d.source.location(of: dep.range.lowerBound))")
            }
            for g in groups {
                out.append("\(indent)\(g.keyword.value) \(g.name.value)\(g.hasBlock ? "" : " (no block)")")
                items(g.entries, g.dependencies, g.groups, indent + "  ")
            }
        }
        items(p.entries, p.dependencies, p.groups, "  ")
        return out
    }

    func problems(_ d: RaskPackageDocument) -> [String] {
        d.diagnostics.map { "\(d.source.location(of: $0.range.lowerBound)) \($0.code ?? "") \($0.message)" }
    }

    @Test("the seed's full example: metadata, deps with sub-blocks, scopes, features, profiles; func build found")
    func seed() {
        let d = read("""
            package "my-api" "1.0.0" {
                description: "REST API server"
                license: "MIT"

                dep "http" "^2.0"
                dep "epoll" "^1.0" { target: "linux" }
                dep "my-fork" {
                    git: "https://github.com/me/lib"
                    branch: "fix-bug"
                }
                dep "tokio" "^1.0" { with: ["rt-multi-thread", "net"] }

                scope "dev" {
                    dep "mock-server" "^2.0"
                }

                feature "ssl" {
                    default: true
                    dep "openssl" "^3.0" { target: "linux" }
                    dep "ring" "^0.17" { feature: "crypto" }
                }
                feature "verbose"
                feature "full" { enables: ["ssl", "logging"] }

                profile "bench" {
                    inherits: "release"
                    lto: "fat"
                    codegen_units: 1
                }
                build_timeout: 300
            }

            func build(ctx: BuildContext) -> () or Error {
                try ctx.declare_dependency("api.proto")
            }
            """)
        #expect(d.diagnostics.isEmpty)
        #expect(dump(d) == [
            "package my-api 1.0.0 @1:1",
            "  description: \"REST API server\"",
            "  license: \"MIT\"",
            "  build_timeout: 300",
            "  dep http ^2.0 @5:5",
            "  dep epoll ^1.0 { target: \"linux\" } @6:5",
            "  dep my-fork - { git: \"https://github.com/me/lib\", branch: \"fix-bug\" } @7:5",
            "  dep tokio ^1.0 { with: [\"rt-multi-thread\", \"net\"] } @11:5",
            "  scope dev",
            "    dep mock-server ^2.0 @14:9",
            "  feature ssl",
            "    default: true",
            "    dep openssl ^3.0 { target: \"linux\" } @19:9",
            "    dep ring ^0.17 { feature: \"crypto\" } @20:9",
            "  feature verbose (no block)",
            "  feature full",
            "    enables: [\"ssl\", \"logging\"]",
            "  profile bench",
            "    inherits: \"release\"",
            "    lto: \"fat\"",
            "    codegen_units: 1",
        ])
        #expect(d.buildFunction.map { d.source.location(of: $0.lowerBound) } == "33:6")
    }

    @Test("sub-blocks on one line with commas, as the spec's snippets write them; comments anywhere")
    func inline() {
        let d = read("""
            // SPDX-License-Identifier: (MIT OR Apache-2.0)
            package "lsm-cli" "0.1.0" { /* a /* nested */ comment */
                dep "lsm" { path: "../lsm" }
                dep "openssl" "^3.0" { target: "linux", allow: ["ffi"] }
                profile "staging" { inherits: "release", debug_info: true }
                allow: ["net", "os"]
                members: ["lsm", "lsm-cli"],
            }
            """)
        #expect(d.diagnostics.isEmpty)
        #expect(dump(d) == [
            "package lsm-cli 0.1.0 @2:1",
            "  allow: [\"net\", \"os\"]",
            "  members: [\"lsm\", \"lsm-cli\"]",
            "  dep lsm - { path: \"../lsm\" } @3:5",
            "  dep openssl ^3.0 { target: \"linux\", allow: [\"ffi\"] } @4:5",
            "  profile staging",
            "    inherits: \"release\"",
            "    debug_info: true",
        ])
    }

    @Test("rule 7: build logic that does not parse never hides the block; what is outside it is noted, not read")
    func outside() {
        let d = read("""
            dep "early" "^1.0"
            func build(ctx: BuildContext) -> () or Error {
                this is ( not { valid
            }
            package "app" "0.1.0" {
                dep "http" "^2.0"
            }
            package "again" "1.0.0" { dep "x" "^1" }
            func helper() { " unterminated
            """)
        #expect(d.diagnostics.isEmpty)
        #expect(dump(d) == ["package app 0.1.0 @5:1", "  dep http ^2.0 @6:5"])
        #expect(d.strayDependencies.map { d.source.location(of: $0.lowerBound) } == ["1:1"])
        #expect(d.extraPackages.map { d.source.location(of: $0.lowerBound) } == ["8:1"])
        #expect(d.buildFunction != nil)
    }

    @Test("problems in the block: each located, reading goes on with the next entry")
    func problems() {
        let d = read("""
            package "app" "0.1.0" {
                description "no colon"
                dep http "^2.0"
                license: "MIT
                dep "ok" "^1.0"
                members: ["a", : ]
                profile "p" { opt_level: }
                dep "last" "^2.0"
            """)
        #expect(problems(d) == [
            "2:5 R001 expected an entry (key: value, dep, feature, scope or profile), found 'description'",
            "3:9 R001 expected a name in quotes, found 'http'",
            "4:14 R002 this string has no closing quote",
            "6:20 R001 expected a value (a string, a number, true, false or a list), found ':'",
            "7:30 R001 expected a value (a string, a number, true, false or a list), found '}'",
            "1:23 R001 this block has no closing '}'",
        ])
        #expect(dump(d).filter { $0.contains("dep") } == ["  dep  ^2.0 @3:5", "  dep ok ^1.0 @5:5", "  dep last ^2.0 @8:5"])
    }

    @Test("a package with no block: said where the '{' should be, with the block to write; the name and version are still read")
    func noBlock() {
        for (text, found) in [("package \"app\" \"0.1.0\"\n", "2:1 R001 expected '{' after the package's name and version, found the end of the file"),
                              ("package \"app\" [\n", "1:15 R001 expected '{' after the package's name, found '['")] {
            let d = read(text)
            #expect(problems(d) == [found])
            #expect(d.diagnostics.map(\.label) == ["'{' expected here"])
            #expect(d.diagnostics.map(\.help) == [["write package \"app\" \"0.1.0\" { … }"]])
            #expect(d.package?.name.value == "app")
        }
    }

    @Test("deps nested in deps, and lists in lists, 100,000 deep (found by fuzzing: the reader recursed until the stack ran out; a list gave a problem per bracket): read 64 deep, the rest skipped and said once, reading goes on after them")
    func deepNesting() {
        let depth = 100_000
        let d = read("package \"x\" \"1.0\" {\n" + String(repeating: "dep \"a\" { ", count: depth) + String(repeating: "}", count: depth) + "\ndep \"after\" \"^1\"\n}\n")
        let found = problems(d)
        // The 64th dep's block is the one not read: its `{` is the 64th on line 2.
        #expect(found.filter { !$0.hasSuffix("a dep cannot hold another dep") } == ["2:\(63 * 10 + 9) R001 blocks nested more than 64 deep"])
        #expect(found.count == 1 + 63)
        #expect(d.package?.dependencies.map(\.name.value) == ["a", "after"])

        // Lists: the 64th (its `[` in column 13 + 64) is skipped whole, said once (its brackets were each an
        // entry that is none, 200,000 problems), and the entries after it are read.
        let lists = read("package \"x\" \"1.0\" {\n    members: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n    description: \"d\"\n}\n")
        #expect(problems(lists) == ["2:\(13 + 64) R001 lists nested more than 64 deep"])
        #expect(lists.package?.entries.map(\.key.value) == ["members", "description"])
    }

    @Test("no package block: nothing, and no problem (name from the directory, version 0.0.0, says the seed)")
    func none() {
        let d = read("func build(ctx: BuildContext) -> () or Error {}\n")
        #expect(d.package == nil && d.diagnostics.isEmpty && d.buildFunction != nil)
    }

    @Test("the real build.rk files in ../shared read without a problem",
          .enabled(if: FileManager.default.fileExists(atPath: raskCorpus), "skipped: ../shared/corpora/rask is absent"))
    func corpus() throws {
        let files = try #require(FileManager.default.enumerator(atPath: raskCorpus)?.compactMap { $0 as? String }.filter { $0.hasSuffix("build.rk") })
        #expect(files.count == 7)
        for file in files {
            let d = RaskPackageDocument(parsing: SourceText(path: file, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: raskCorpus + "/" + file)))))
            #expect(d.package != nil, "\(file)")
            #expect(d.diagnostics.isEmpty, "\(file): \(problems(d))")
        }
    }
}

/// The real Rask files in ../shared beside the repository.
let raskCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/rask").path

/// Seed 002 in ../shared beside the repository.
let raskSeed = URL(fileURLWithPath: raskCorpus).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds/002_a8dac52699fc92c8.txt").path

@Suite("Seed 002's package-block examples")
struct RaskSeedExampleTests {
    /// The seed's ```rask blocks, in order.
    static func blocks() throws -> [String] {
        let text = try String(contentsOfFile: raskSeed, encoding: .utf8)
        return text.components(separatedBy: "```rask\n").dropFirst().map { String($0.components(separatedBy: "```")[0]) }
    }

    /// An example as a build file: a fragment of the block goes inside `package "example"`.
    static func file(_ example: String) -> String {
        example.hasPrefix("package ") ? example : "package \"example\" \"0.1.0\" {\n" + example + "}\n"
    }

    /// The reading of one example and the rules' findings, as lines.
    static func outcome(_ example: String) -> [String] {
        let source = SourceText(path: "/p/rask.build", file(example))
        let document = RaskPackageDocument(parsing: source)
        let rules = RaskPackageRules.check(document, path: "/p/rask.build")
        let manifest = RaskEcosystem().readManifest(source)
        func selected(_ features: [String], defaults: Bool = true) -> String {
            RaskEcosystem().selectedDependencies(of: manifest, features: FeatureSelection(names: features, defaults: defaults), platform: "linux")
                .dependencies.map(\.name.value).joined(separator: " ")
        }
        let features = document.package?.groups.filter { $0.keyword.value == "feature" }.map(\.name.value) ?? []
        return RaskPackageDocumentTests().dump(document)
            + (document.diagnostics + rules).map { "\(source.location(of: $0.range.lowerBound)) \($0.severity)[\($0.code ?? "-")] \($0.message)" }
            + ["on linux, by default: " + selected([]), "with --no-default-features: " + selected([], defaults: false)]
            + features.map { "with --features \($0): " + selected([$0]) }
    }

    @Test("each example of the package block reads as the seed describes it, breaks no rule, and selects the deps the seed says",
          .enabled(if: FileManager.default.fileExists(atPath: raskSeed), "skipped: ../shared/seeds is absent"))
    func examples() throws {
        let blocks = try Self.blocks()
        #expect(blocks.count == 25)
        let blockExamples = blocks.filter { b in
            let first = b.split(separator: "\n").first.map(String.init) ?? ""
            return ["package ", "dep ", "scope ", "feature ", "profile ", "// In the package block"].contains { first.hasPrefix($0) }
        }
        // The dep block shows alternatives for one dep ("shared"): each of its paragraphs is an example of its own.
        var examples: [String] = []
        for b in blockExamples {
            if b.hasPrefix("dep \"epoll\"") { examples += b.components(separatedBy: "\n\n").map { $0.hasSuffix("\n") ? $0 : $0 + "\n" } } else { examples.append(b) }
        }
        #expect(examples.count == 17)
        #expect(examples.map(Self.outcome) == [
            [
                "package my-app 1.0.0 @1:1",
                "  dep http ^2.0 @2:5",
                "  dep json ^1.5 @3:5",
                "on linux, by default: http json",
                "with --no-default-features: http json",
            ],
            [
                "package json-parser 2.1.0 @1:1",
                "  description: \"Fast JSON parser for Rask\"",
                "  license: \"MIT\"",
                "  repository: \"https://github.com/alice/json-parser\"",
                "  dep unicode ^1.0 @6:5",
                "on linux, by default: unicode",
                "with --no-default-features: unicode",
            ],
            [
                "package example 0.1.0 @1:1",
                "  dep http ^2.0 @2:1",
                "  dep json ^1.5 @3:1",
                "  dep sqlite ^3.0 @4:1",
                "on linux, by default: http json sqlite",
                "with --no-default-features: http json sqlite",
            ],
            [
                "package example 0.1.0 @1:1",
                "  dep epoll ^1.0 { target: \"linux\" } @2:1",
                "on linux, by default: epoll",
                "with --no-default-features: epoll",
            ],
            [
                "package example 0.1.0 @1:1",
                "  dep my-fork - { git: \"https://github.com/me/lib\", branch: \"fix-bug\" } @2:1",
                "on linux, by default: my-fork",
                "with --no-default-features: my-fork",
            ],
            [
                "package example 0.1.0 @1:1",
                "  dep shared - { path: \"../shared\" } @2:1",
                "on linux, by default: shared",
                "with --no-default-features: shared",
            ],
            [
                "package example 0.1.0 @1:1",
                "  dep shared ^1.0 { path: \"../shared\" } @2:1",
                "on linux, by default: shared",
                "with --no-default-features: shared",
            ],
            [
                "package example 0.1.0 @1:1",
                "  dep tokio ^1.0 { with: [\"rt-multi-thread\", \"net\"] } @2:1",
                "on linux, by default: tokio",
                "with --no-default-features: tokio",
            ],
            [
                "package example 0.1.0 @1:1",
                "  scope dev",
                "    dep mock-server ^2.0 @3:5",
                "    dep test-utils ^1.0 @4:5",
                "    dep bench-runner ^1.0 @5:5",
                "  scope build",
                "    dep codegen ^1.0 @9:5",
                "    dep protobuf-gen ^2.0 @10:5",
                "on linux, by default: mock-server test-utils bench-runner codegen protobuf-gen",
                "with --no-default-features: mock-server test-utils bench-runner codegen protobuf-gen",
            ],
            [
                "package example 0.1.0 @1:1",
                "  feature ssl",
                "    dep openssl ^3.0 @3:5",
                "    dep rustls ^0.21 @4:5",
                "  feature logging",
                "    dep zap ^2.0 @8:5",
                "  feature full",
                "    enables: [\"ssl\", \"logging\"]",
                "on linux, by default: ",
                "with --no-default-features: ",
                "with --features ssl: openssl rustls",
                "with --features logging: zap",
                "with --features full: openssl rustls zap",
            ],
            [
                "package example 0.1.0 @1:1",
                "  feature verbose (no block)",
                "on linux, by default: ",
                "with --no-default-features: ",
                "with --features verbose: ",
            ],
            [
                "package example 0.1.0 @1:1",
                "  feature json",
                "    default: true",
                "    dep serde-json ^1.0 @4:5",
                "on linux, by default: serde-json",
                "with --no-default-features: ",
                "with --features json: serde-json",
            ],
            [
                "package example 0.1.0 @1:1",
                "  feature ssl",
                "    dep openssl ^3.0 @3:5",
                "    dep ring ^0.17 { feature: \"crypto\" } @4:5",
                "  feature crypto",
                "    dep libsodium ^1.0 @8:5",
                "on linux, by default: ",
                "with --no-default-features: ",
                "with --features ssl: openssl ring",
                "with --features crypto: ring libsodium",
            ],
            [
                "package example 0.1.0 @1:1",
                "  feature ssl",
                "    dep openssl ^3.0 @3:5",
                "    dep ssl-test-helpers ^1.0 { scope: \"dev\" } @4:5",
                "on linux, by default: ",
                "with --no-default-features: ",
                "with --features ssl: openssl ssl-test-helpers",
            ],
            [
                "package example 0.1.0 @1:1",
                "  profile embedded",
                "    inherits: \"release\"",
                "    opt_level: \"z\"",
                "    panic: \"abort\"",
                "  profile bench",
                "    inherits: \"release\"",
                "    lto: \"fat\"",
                "    codegen_units: 1",
                "  profile staging",
                "    inherits: \"release\"",
                "    debug_info: true",
                "on linux, by default: ",
                "with --no-default-features: ",
            ],
            [
                "package example 0.1.0 @1:1",
                "  build_timeout: 300",
                "  build_max_memory: \"1GB\"",
                "on linux, by default: ",
                "with --no-default-features: ",
            ],
            [
                "package my-api 1.0.0 @1:1",
                "  description: \"REST API server\"",
                "  license: \"MIT\"",
                "  dep http ^2.0 @5:5",
                "  dep json ^1.5 @6:5",
                "  dep config ^3.0 @7:5",
                "  dep epoll ^1.0 { target: \"linux\" } @8:5",
                "  dep kqueue ^1.0 { target: \"macos\" } @9:5",
                "  scope dev",
                "    dep mock-server ^2.0 @12:9",
                "    dep test-utils ^1.0 @13:9",
                "  scope build",
                "    dep protobuf-gen ^2.0 @17:9",
                "  feature ssl",
                "    dep openssl ^3.0 { target: \"linux\" } @21:9",
                "    dep security-framework ^2.0 { target: \"macos\" } @22:9",
                "  feature logging",
                "    dep zap ^2.0 @26:9",
                "  feature full",
                "    enables: [\"ssl\", \"logging\"]",
                "  profile staging",
                "    inherits: \"release\"",
                "    debug_info: true",
                "on linux, by default: http json config epoll mock-server test-utils protobuf-gen",
                "with --no-default-features: http json config epoll mock-server test-utils protobuf-gen",
                "with --features ssl: http json config epoll mock-server test-utils protobuf-gen openssl",
                "with --features logging: http json config epoll mock-server test-utils protobuf-gen zap",
                "with --features full: http json config epoll mock-server test-utils protobuf-gen openssl zap",
            ],
        ])
    }
}
