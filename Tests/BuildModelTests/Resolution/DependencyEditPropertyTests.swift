import Testing
import TestSupport
@testable import BuildModel

/// `ampu add` and `ampu remove` on thousands of random asthra.toml files, as users lay them out
/// (comments beside and between entries, inline tables, `[dependencies.x]` tables, dotted keys,
/// the sections in any order, CRLF, no final newline): an added dependency reads back with what
/// was asked, every other dependency reads as before, and removing what was added gives the
/// file back byte for byte; removing one that was there leaves the others as they were.
@Suite("Dependency edits on random manifests")
struct DependencyEditPropertyTests {

    /// One random manifest with the dependencies `existing` in one of the ways TOML allows.
    static func manifest(_ random: inout SeededRandom) -> (text: String, existing: [String]) {
        let newline = random.chance(4) ? "\r\n" : "\n"
        var blocks: [String] = []
        var package = ["[package]", "name = \"app\"", "version = \"0.1.0\""]
        if random.chance(2) { package.insert("# the package", at: random.next(2) == 0 ? 0 : 1) }
        if random.chance(3) { package.append("description = \"a test\" # trailing") }
        var names: [String] = []
        var entries: [String] = []
        var subtables: [String] = []
        for i in 0..<random.next(4) {
            let name = ["json", "http", "yaml", "toml"][i]
            names.append(name)
            switch random.next(5) {
            case 0: entries.append("\(name) = \"^1.\(i)\"")
            case 1: entries.append("\(name) = { path = \"../\(name)\" }" + (random.chance(2) ? " # local" : ""))
            case 2: entries.append("\(name) = { git = \"github.com/user/\(name)\", tag = \"v1.0.\(i)\" }")
            case 3: entries.append("\"\(name)\" = \"~1.0\"")
            default: subtables.append("[dependencies.\(name)]\(newline)version = \"1.\(i)\"")
            }
            if random.chance(3) { entries.append("# about \(name)") }
        }
        // Dotted keys before any table (`dependencies.json = "^1.0"`), and then no [dependencies]
        // (TOML forbids defining the table twice).
        let dotted = !entries.isEmpty && subtables.isEmpty && random.chance(5)
        if dotted {
            package = entries.map { $0.hasPrefix("#") ? $0 : "dependencies." + $0 } + package
            entries = []
        }
        blocks.append(package.joined(separator: newline))
        if !entries.isEmpty || (subtables.isEmpty && !dotted && random.chance(2)) {
            blocks.append((["[dependencies]"] + entries).joined(separator: newline))
        }
        if random.chance(3) { blocks.append(["[build]", "timeout = 60"].joined(separator: newline)) }
        blocks.append(contentsOf: subtables)
        if random.chance(4) { blocks.swapAt(blocks.count - 1, random.next(blocks.count)) }
        // [package] stays first unless dotted keys went into it (they must come before any table).
        if let p = blocks.firstIndex(where: { $0.contains("[package]") }), p != 0 { blocks.swapAt(0, p) }
        var text = blocks.joined(separator: newline + (random.chance(3) ? "" : newline))
        if !random.chance(5) { text += newline }
        return (text, names)
    }

    static func read(_ text: String) -> PackageManifest {
        AsthraEcosystem().readManifest(SourceText(path: "/p/asthra.toml", bytes: Array(text.utf8)))
    }

    /// Each dependency as it reads: name, source and requirement.
    static func summary(_ manifest: PackageManifest) -> [String] {
        manifest.dependencies.map { dep in
            let source = switch dep.source {
            case .registry: "registry"
            case .path(let p): "path \(p.value)"
            case .git(let url, let reference): "git \(url.value) \(reference.map { "\($0.value)" } ?? "-")"
            }
            return "\(dep.name.value) \(dep.scope) \(source) \(dep.requirement.map { "\($0.value)" } ?? "-")"
        }.sorted()
    }

    @Test("add then remove gives the file back; every other dependency reads as before")
    func addThenRemove() throws {
        var random = SeededRandom(state: 42)
        var checked = 0, exact = 0
        for round in 0..<2000 {
            let (text, _) = Self.manifest(&random)
            let before = Self.read(text)
            try #require(before.diagnostics.filter { $0.severity == .error }.isEmpty, "round \(round): the generator wrote a bad manifest:\n\(text)")
            let request: DependencyEdit.Request = switch random.next(3) {
            case 0: DependencyEdit.Request(name: "serde", requirement: "^2.1", source: .registry, dev: false)
            case 1: DependencyEdit.Request(name: "serde", requirement: nil, source: .path("../serde"), dev: false)
            default: DependencyEdit.Request(name: "serde", requirement: "^2.1", source: .git("github.com/user/serde", reference: nil), dev: random.chance(2))
            }
            let added: [UInt8]
            do { added = try DependencyEdit.add(request, to: before, ecosystem: AsthraEcosystem()).text } catch {
                Issue.record("round \(round): add failed: \(error)\n\(text)")
                continue
            }
            let after = Self.read(String(decoding: added, as: UTF8.self))
            #expect(after.diagnostics.filter { $0.severity == .error }.isEmpty, "round \(round):\n\(String(decoding: added, as: UTF8.self))")
            let new = after.dependencies.filter { $0.name.value == "serde" }
            #expect(new.count == 1 && new[0].scope == (request.dev ? .dev : .normal), "round \(round):\n\(String(decoding: added, as: UTF8.self))")
            #expect(Self.summary(after).filter { !$0.hasPrefix("serde ") } == Self.summary(before), "round \(round):\n\(String(decoding: added, as: UTF8.self))")
            let removed: [UInt8]
            do { removed = try DependencyEdit.remove("serde", from: after, ecosystem: AsthraEcosystem()) } catch {
                Issue.record("round \(round): remove failed: \(error)")
                continue
            }
            let back = String(decoding: removed, as: UTF8.self)
            // What add made for the entry alone (a section header) may stay, as Cargo leaves it.
            if back == text { exact += 1 } else {
                #expect(Self.summary(Self.read(back)) == Self.summary(before), "round \(round)")
                let extra = back.utf8.count - text.utf8.count
                #expect(extra > 0 && extra <= "\r\n\r\n[dev-dependencies]\r\n".utf8.count, "round \(round): before\n\(text)\nafter add and remove\n\(back)")
            }
            checked += 1
        }
        #expect(checked == 2000)
        // Most files had the section the entry went into: those come back whole.
        #expect(exact > 1000, "\(exact) of 2000 came back byte for byte")
    }

    @Test("removing a dependency that is there leaves the others as they read before")
    func removeExisting() throws {
        var random = SeededRandom(state: 7)
        var removedCount = 0
        for round in 0..<2000 {
            let (text, _) = Self.manifest(&random)
            let before = Self.read(text)
            try #require(before.diagnostics.filter { $0.severity == .error }.isEmpty, "round \(round): the generator wrote a bad manifest:\n\(text)")
            guard let victim = before.dependencies.randomElement(using: &random) else { continue }
            let removed: [UInt8]
            do { removed = try DependencyEdit.remove(victim.name.value, from: before, ecosystem: AsthraEcosystem()) } catch {
                Issue.record("round \(round): remove \(victim.name.value) failed: \(error)\n\(text)")
                continue
            }
            let after = Self.read(String(decoding: removed, as: UTF8.self))
            #expect(after.diagnostics.filter { $0.severity == .error }.isEmpty, "round \(round):\n\(String(decoding: removed, as: UTF8.self))")
            #expect(Self.summary(after) == Self.summary(before).filter { !$0.hasPrefix(victim.name.value + " ") },
                    "round \(round): removing \(victim.name.value) from\n\(text)\ngave\n\(String(decoding: removed, as: UTF8.self))")
            removedCount += 1
        }
        #expect(removedCount > 1000)
    }
}

