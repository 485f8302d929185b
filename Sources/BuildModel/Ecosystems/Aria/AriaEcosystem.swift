/// Aria (seed 003, aria_make): a `build.abc` of targets in the INI-like form real projects
/// write, the seed's brace form or JSON; `.aria` and `.npk` sources with `use` statements;
/// targets built by `ariac` (C libraries by `cc`), programs run by `lli`.
public struct AriaEcosystem: Ecosystem {
    public init() {}

    public var name: String { "Aria" }
    /// The one name a project's build file has.
    static let manifestName = "build.abc"
    public var manifestFileNames: [String] { [Self.manifestName] }
    public var sourceExtensions: [String] { AriaImportResolver.extensions }
    /// A `c_library` target's sources.
    public var patternExtensions: [String] { ["c"] }
    public var ignoredDirectories: Set<String> { [".aria_make"] }
    public var manifestSchema: ManifestSchema { AriaManifestSchema.schema }
    public var withoutLockFile: String { "a build.abc has no package dependencies; `ampu tree` draws its targets" }

    public var manifestSyntax: any ManifestSyntax { AriaManifestSyntax() }
    public var diagnosticCodes: [DiagnosticCode] { DiagnosticCode.aria }
    public var environmentVariables: [String] { ["ARIAC", "ARIA_PATH", "ARIA_STDLIB", "CC", "LLI"] }
    /// Aria has no profiles: a target's flags carry its optimisation.
    public var usesProfiles: Bool { false }
    public var buildsTargets: Bool { true }
    public var howToAddProgram: String { "add a target with `type = \"binary\"` and its `sources` to build.abc" }

    public func readManifest(_ source: SourceText) -> PackageManifest {
        AriaManifestReader.read(source)
    }

    public func checkManifest(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        AriaManifestReader.check(manifest, fileSystem: fileSystem)
    }

    public func scanSource(_ source: SourceText) -> SourceScan {
        AriaSourceScanner.scan(source)
    }

    /// `use "../sr|` on the cursor's line: the text after the quote.
    public func importPathBeingTyped(in source: SourceText, at offset: Int) -> (prefix: String, range: SourceRange)? {
        let line = source.lines.line(containing: offset)
        let content = source.lines.contentRange(ofLine: line)
        let bytes = source.bytes
        guard offset >= content.lowerBound, offset <= content.upperBound else { return nil }
        guard let quote = bytes[content.lowerBound..<offset].lastIndex(of: 0x22),
              !bytes[content.lowerBound..<quote].contains(0x22) else { return nil }
        var end = quote
        while end > content.lowerBound && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard end >= content.lowerBound + 3, bytes[(end - 3)..<end].elementsEqual("use".utf8),
              end - 3 == content.lowerBound || !AriaSourceScanner.isIdentifierByte(bytes[end - 4]) else { return nil }
        var close = offset
        while close < content.upperBound && bytes[close] != 0x22 && bytes[close] != 0x3B { close += 1 }
        return (String(decoding: bytes[(quote + 1)..<offset], as: UTF8.self), SourceRange(quote + 1, close))
    }

    public func manifestNavigation(_ manifest: PackageManifest) -> (any ManifestNavigation)? {
        AriaManifestNavigation(manifest)
    }

    public func planBuild(_ request: BuildRequest) -> BuildPlan {
        AriaBuildPlanner.plan(request)
    }

    public func makeImportResolver(_ setup: ImportResolverSetup) -> any ImportResolver {
        AriaImportResolver(setup: setup)
    }

    public func packageTemplate(name: String, library: Bool) throws(PackageTemplate.Problem) -> [PackageTemplate.File] {
        if let reason = AriaTemplate.problem(with: name) {
            throw .invalidName(name, reason: reason, suggestion: AriaTemplate.suggestion(from: name))
        }
        return AriaTemplate.files(name: name, library: library)
    }
}
