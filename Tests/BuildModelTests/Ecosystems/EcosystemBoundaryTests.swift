import Foundation
import Testing

/// Adding a language is adding a folder: no code outside an ecosystem's folder names its types,
/// except the registry's one list. (BuildModel is one module, so the compiler does not enforce
/// this; this test does.)
@Suite("Ecosystem boundaries")
struct EcosystemBoundaryTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    @Test("an ecosystem's types are named only in its folder and in EcosystemRegistry.swift", arguments: ["Asthra", "Oats", "Elm", "Aria", "Rask"])
    func boundary(_ name: String) throws {
        let pattern = try NSRegularExpression(pattern: "\\b\(name)[A-Z][A-Za-z]*")
        var offenders: [String] = []
        let files = FileManager.default.enumerator(atPath: Self.sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files where !file.hasPrefix("BuildModel/Ecosystems/\(name)/") && file != "BuildModel/Ecosystems/EcosystemRegistry.swift" {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//")[0]
                if pattern.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil {
                    offenders.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offenders == [])
    }
}
