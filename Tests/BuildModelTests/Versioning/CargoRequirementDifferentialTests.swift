import Foundation
import Testing
import TestSupport
@testable import BuildModel

/// Requirements as Cargo reads them: random requirements (`^`, `~`, `=`, `>`, `>=`, `<`, `<=`,
/// bare versions, `*` and `1.*` wildcards, comma-separated pairs, pre-release bounds) against
/// random versions (pre-releases and build metadata among them), each answered by ampu and by the semver crate
/// Cargo uses (Tests/Fixtures/semver-oracle, built offline from Debian's librust-semver-dev).
/// The two must agree on which requirements parse, and on every match. Skipped, saying so,
/// without cargo and the crate (scripts/install-deps installs both).
@Suite("requirements against Cargo's semver crate", .serialized)
struct CargoRequirementDifferentialTests {
    static let oracleSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/semver-oracle").path

    /// The oracle built into a scratch directory; nil (said) when it cannot be.
    static func oracle(in scratch: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/cargo"), FileManager.default.fileExists(atPath: "/usr/share/cargo/registry") else {
            print("skipped: cargo or librust-semver-dev is not installed (scripts/install-deps installs them)")
            return nil
        }
        let copy = scratch + "/oracle"
        try FileManager.default.copyItem(atPath: oracleSource, toPath: copy)
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/cargo")
        build.arguments = ["build", "--release", "--quiet"]
        build.currentDirectoryURL = URL(fileURLWithPath: copy)
        build.environment = ["PATH": "/usr/bin:/bin", "HOME": scratch, "CARGO_HOME": scratch + "/cargo-home", "CARGO_TARGET_DIR": scratch + "/target"]
        try build.run()
        build.waitUntilExit()
        try #require(build.terminationStatus == 0, "the semver oracle did not build")
        return scratch + "/target/release/semver-oracle"
    }

    /// The oracle's answer for each (version, requirement).
    static func ask(_ oracle: String, _ pairs: [(String, String)]) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: oracle)
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        let text = pairs.map { "\($0.0)\t\($0.1)\n" }.joined()
        let writer = Thread { input.fileHandleForWriting.write(Data(text.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let answers = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        p.waitUntilExit()
        return answers
    }

    static func version(_ random: inout SeededRandom) -> String {
        let core = "\(random.next(3)).\(random.next(3)).\(random.next(3))"
        let pre = ["", "", "", "-alpha", "-alpha.1", "-beta", "-0", "-rc.2"][random.next(8)]
        let build = random.chance(6) ? ["+build", "+001", "+b.1"][random.next(3)] : ""
        return core + pre + build
    }

    static func comparator(_ random: inout SeededRandom) -> String {
        let op = ["", "^", "~", "=", ">", ">=", "<", "<="][random.next(8)]
        let parts = random.next(3) + 1
        var numbers = (0..<parts).map { _ in "\(random.next(3))" }
        if parts < 3, random.chance(4) { numbers.append("*") }
        let pre = parts == 3 && random.chance(4) ? ["-alpha", "-beta.1", "-0"][random.next(3)] : ""
        return op + numbers.joined(separator: ".") + pre
    }

    static func requirement(_ random: inout SeededRandom) -> String {
        switch random.next(8) {
        case 0: return "*"
        case 1, 2: return comparator(&random) + ", " + comparator(&random)
        default: return comparator(&random)
        }
    }

    @Test("every match and every refusal as Cargo's semver crate answers")
    func agree() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-semver-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        guard let oracle = try Self.oracle(in: scratch) else { return }
        var random = SeededRandom(state: 2026)
        var pairs: [(String, String)] = []
        for _ in 0..<4000 { pairs.append((Self.version(&random), Self.requirement(&random))) }
        let answers = try Self.ask(oracle, pairs)
        try #require(answers.count == pairs.count)
        var disagreements: [String] = []
        var matched = 0
        for ((version, requirement), cargo) in zip(pairs, answers) {
            let ours: String
            if let parsed = VersionRequirement(requirement) {
                ours = parsed.matches(Version(version)!) ? "yes" : "no"
            } else {
                ours = "bad-req"
            }
            if cargo == "yes" { matched += 1 }
            if ours != cargo { disagreements.append("\(version) against '\(requirement)': Cargo \(cargo), ampu \(ours)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(pairs.count):\n\(disagreements.prefix(40).joined(separator: "\n"))")
        #expect(matched > 400)
    }

    /// Version text as people and tags write it, valid or not: leading zeros, a `v`, four
    /// parts, numbers past 64 bits, empty or odd pre-release and build identifiers.
    static func versionText(_ random: inout SeededRandom) -> String {
        let numbers = ["0", "1", "2", "10", "01", "00", "18446744073709551615", "18446744073709551616", ""]
        let number = { (random: inout SeededRandom) in random.next(4) == 0 ? numbers[random.next(numbers.count)] : "\(random.next(3))" }
        var parts: [String] = []
        for _ in 0..<(random.chance(6) ? [1, 2, 4][random.next(3)] : 3) { parts.append(number(&random)) }
        let prefix = ["", "", "", "", "v", "=", " "][random.next(7)]
        let pre = ["", "", "", "-alpha", "-alpha.1", "-1", "-01", "-0", "-a-b", "-", "-alpha..1", "-Alpha", "-alpha.beta", "-rc.10", "-rc.9", "-x.7.z.92", "-1.a", "-beta.2", "-18446744073709551616", "-99999999999999999999.1"][random.next(20)]
        let build = ["", "", "", "", "+build", "+001", "+01", "+1", "+b.1", "+", "+a..b", "+exp.sha.5114f85", "+1.b"][random.next(13)]
        return prefix + parts.joined(separator: ".") + pre + build + (random.chance(12) ? " " : "")
    }

    @Test("which version texts parse, and how versions order, as Cargo's semver crate answers")
    func versions() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-semver-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        guard let oracle = try Self.oracle(in: scratch) else { return }
        var random = SeededRandom(state: 17)
        let texts = (0..<3000).map { _ in Self.versionText(&random) }
        let parsed = try Self.ask(oracle, texts.map { ("cmp", $0 + "\t" + $0) })
        try #require(parsed.count == texts.count)
        var disagreements: [String] = []
        var valid: [String] = []
        for (text, cargo) in zip(texts, parsed) {
            let ours = Version(text) == nil ? "bad-version" : "eq"
            if cargo == "eq" { valid.append(text) }
            if ours != cargo { disagreements.append("'\(text)': Cargo \(cargo == "eq" ? "reads it" : "refuses it"), ampu \(ours == "eq" ? "reads it" : "refuses it")") }
        }
        // Half the pairs one version against itself with other build metadata (or none).
        let pairs = (0..<4000).map { i -> (String, String) in
            let a = valid[random.next(valid.count)]
            guard i % 2 == 0 else { return (a, valid[random.next(valid.count)]) }
            let precedence = a.split(separator: "+", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces)
            return (a, precedence + ["", "+build", "+001", "+01", "+1", "+1.b", "+b.1"][random.next(7)])
        }
        let ordered = try Self.ask(oracle, pairs.map { ("cmp", $0.0 + "\t" + $0.1) })
        try #require(ordered.count == pairs.count)
        var orders: [String: Int] = [:]
        for ((a, b), cargo) in zip(pairs, ordered) {
            guard let x = Version(a), let y = Version(b) else {
                if cargo != "bad-version" { disagreements.append("'\(b)': Cargo reads it, ampu refuses it") }
                continue
            }
            let ours = x < y ? "lt" : y < x ? "gt" : "eq"
            orders[cargo, default: 0] += 1
            if ours != cargo { disagreements.append("'\(a)' against '\(b)': Cargo \(cargo), ampu \(ours)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(40).joined(separator: "\n"))")
        #expect(valid.count > 500 && orders["lt", default: 0] > 1000 && orders["eq", default: 0] > 150, "\(valid.count) valid texts; orders \(orders)")
    }
}
