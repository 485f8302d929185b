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
