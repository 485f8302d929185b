import Foundation
import Testing
@testable import BuildModel

@Suite("the kept plan's warnings")
struct KeptWarningsTests {
    @Test("read back whole while their files stand; a changed file, or a place outside its file, is not shown")
    func readBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-kept-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fs = LocalFileSystem()
        let source = dir + "/a.ast", manifest = dir + "/asthra.toml", kept = dir + "/plan-debug.warnings"
        try fs.writeFile(source, Array("package a;\nimport \"x\";\nimport \"x\";\n".utf8))
        try fs.writeFile(manifest, Array("[package]\n".utf8))
        let warning = Diagnostic(severity: .warning, code: "I010", message: "'x' is imported twice", file: source, range: SourceRange(30, 33),
                                 related: [Diagnostic.Related(file: manifest, range: SourceRange(1, 8), message: "the package")])
        func write(_ diagnostics: [Diagnostic]) throws { try fs.writeFile(kept, try #require(KeptWarnings.text(diagnostics, stats: StatCache(fileSystem: fs)))) }

        try write([warning])
        let read = try #require(KeptWarnings.read(kept, fileSystem: fs))
        #expect(read.diagnostics == [warning])
        #expect(read.sources.keys.sorted() == [source, manifest].sorted())
        #expect(read.sources[source]?.bytes == Array("package a;\nimport \"x\";\nimport \"x\";\n".utf8))

        // A place past the end of its file (the record changed on disk) is not shown.
        var outside = warning
        outside.related[0].range = SourceRange(1, 99)
        try write([outside])
        #expect(KeptWarnings.read(kept, fileSystem: fs) == nil)

        // A file it points into changed since: its text may no longer be what it says.
        try write([warning])
        try fs.writeFile(manifest, Array("[package]\nname = \"a\"\n".utf8))
        #expect(KeptWarnings.read(kept, fileSystem: fs) == nil)

        // Not JSON, or cut short.
        try fs.writeFile(kept, Array("{\"files\":[".utf8))
        #expect(KeptWarnings.read(kept, fileSystem: fs) == nil)
    }

    @Test("a warning that depends on the machine is not kept: a tool not found, a dependency not in the cache, a problem of the environment")
    func keepable() {
        let placed = Diagnostic(severity: .warning, code: "I010", message: "m", file: "/a", range: SourceRange(0, 1))
        var tool = placed
        tool.code = DiagnosticCode.toolNotFound.rawValue
        var cache = placed
        cache.code = DiagnosticCode.unavailableDependency.rawValue
        let codes = EcosystemRegistry.standard.toolchainCodes
        #expect(KeptWarnings.keepable(placed, machineCodes: codes))
        #expect(!KeptWarnings.keepable(tool, machineCodes: codes))
        #expect(!KeptWarnings.keepable(cache, machineCodes: codes))
        #expect(!KeptWarnings.keepable(placed.unplaced, machineCodes: codes))
        #expect(!KeptWarnings.keepable(Diagnostic(severity: .warning, message: "m", range: SourceRange(0, 0)), machineCodes: codes))
    }
}
