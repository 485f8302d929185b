/// Oats: `Oats.toml` manifests found upward from the working directory, `.oats` sources with
/// TypeScript's import forms, path dependencies only (seed 004; toasty and oatsc).
public struct OatsEcosystem: Ecosystem {
    public init() {}

    static let extensions = ["oats"]

    public var name: String { "Oats" }
    public var manifestFileNames: [String] { ["Oats.toml"] }
    public var sourceExtensions: [String] { Self.extensions }
    public var ignoredDirectories: Set<String> { ["target"] }
    public var manifestSchema: ManifestSchema { OatsManifestSchema.schema }
    public var manifestSyntax: any ManifestSyntax { TOMLManifestSyntax() }
    public var diagnosticCodes: [DiagnosticCode] { DiagnosticCode.oats }
    public var toolchainCodes: [DiagnosticCode] { [.oatsRuntimeMissing] }
    public var environmentVariables: [String] { ["OATSC", "OATS_RUNTIME"] }

    public func readManifest(_ source: SourceText) -> PackageManifest {
        OatsManifestReader.read(source)
    }

    /// The entry must exist: toasty compiles from it.
    public func checkManifest(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        OatsEntryCheck.check(manifest, fileSystem: fileSystem)
    }

    public func scanSource(_ source: SourceText) -> SourceScan {
        var scan = OatsSourceScanner.scan(source)
        scan.exports = OatsExports.functions(in: source)
        return scan
    }

    /// `from "./ma|` or `import "./ma|` on the cursor's line: the text after the quote.
    public func importPathBeingTyped(in source: SourceText, at offset: Int) -> (prefix: String, range: SourceRange)? {
        let line = source.lines.line(containing: offset)
        let content = source.lines.contentRange(ofLine: line)
        let bytes = source.bytes
        guard offset >= content.lowerBound else { return nil }
        // The last quote before the cursor, not closed before it.
        var open: Int?
        var i = content.lowerBound
        while i < offset {
            let b = bytes[i]
            if let o = open {
                if b == bytes[o] { open = nil }
            } else if b == 0x22 || b == 0x27 {
                open = i
            } else if b == 0x2F && i + 1 < offset && bytes[i + 1] == 0x2F {
                return nil  // the rest of the line is a comment
            }
            i += 1
        }
        guard let quote = open else { return nil }
        // The word before it is `from` or `import`.
        var end = quote
        while end > content.lowerBound && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        var start = end
        while start > content.lowerBound && OatsLexer.isIdentifierByte(bytes[start - 1]) { start -= 1 }
        let word = bytes[start..<end]
        guard word.elementsEqual("from".utf8) || word.elementsEqual("import".utf8) else { return nil }
        var close = offset
        while close < content.upperBound && bytes[close] != bytes[quote] && bytes[close] != 0x3B && bytes[close] != 0x20 { close += 1 }
        return (String(decoding: bytes[(quote + 1)..<offset], as: UTF8.self), SourceRange(quote + 1, close))
    }

    public func planBuild(_ request: BuildRequest) -> BuildPlan {
        OatsBuildPlanner.plan(request)
    }

    public func makeImportResolver(_ setup: ImportResolverSetup) -> any ImportResolver {
        OatsImportResolver(setup: setup)
    }

    public func packageTemplate(name: String, library: Bool) throws(PackageTemplate.Problem) -> [PackageTemplate.File] {
        if let reason = OatsPackageName.problem(with: name) {
            throw .invalidName(name, reason: reason, suggestion: OatsPackageName.suggestion(from: name))
        }
        return OatsPackageTemplate.files(name: name, library: library)
    }
}
