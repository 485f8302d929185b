/// Rask (seed 002): a `rask.build` (real projects: `build.rk`) whose package block declares the
/// package, its deps, features, scopes and profiles; `.rk` sources, a directory per package,
/// `import a.b` statements; built by `RaskBuildPlanner` in the seed's lifecycle.
public struct RaskEcosystem: Ecosystem {
    public init() {}

    static let manifestNames = ["rask.build", "build.rk"]

    public var name: String { "Rask" }
    public var manifestFileNames: [String] { Self.manifestNames }
    public var sourceExtensions: [String] { ["rk"] }
    public var ignoredDirectories: Set<String> { ["build", "target"] }
    public var manifestSchema: ManifestSchema { RaskManifestSchema.schema }
    public var manifestSyntax: any ManifestSyntax { RaskManifestSyntax() }
    public var lockFormat: LockFormat? { RaskLock.format }
    /// What the plan is made with: the compiler (`$RASK`); `CC`, the linker, is in every key.
    public var environmentVariables: [String] { ["RASK", "RASK_CACHE", "AMPU_REGISTRY"] }
    public var diagnosticCodes: [DiagnosticCode] { DiagnosticCode.rask }
    /// The seed: dependencies resolve with minimal version selection.
    public var versionSelection: VersionSelection { .minimal }

    public func readManifest(_ source: SourceText) -> PackageManifest {
        RaskManifestReader.read(source)
    }

    /// The seed's selection: a feature's deps while it (or its tag's feature) is on, a dep with
    /// `target:` only on that platform.
    public func selectedDependencies(of manifest: PackageManifest, features: FeatureSelection, platform: String)
        -> (dependencies: [DependencySpec], problems: [Diagnostic]) {
        let block = RaskPackageDocument(parsing: manifest.source).package
        let gates = RaskFeatures(block)
        let problems = gates.unknown(features, in: manifest)
        let on = gates.enabled(named: features.names, defaults: features.defaults)
        let targets = Self.targets(of: block)
        let selected = manifest.dependencies.filter { dep in
            gates.isIn(dep.name.value, enabled: on) && targets[dep.name.value].map { $0 == platform } ?? true
        }
        return (selected, problems)
    }

    /// The platform each dep with `target:` is only for, by name.
    static func targets(of block: RaskPackageDocument.Package?) -> [String: String] {
        var targets: [String: String] = [:]
        for dep in (block?.dependencies ?? []) + (block?.groups.flatMap(\.dependencies) ?? []) {
            if let target = dep.property("target")?.value.string { targets[dep.name.value] = target }
        }
        return targets
    }

    /// The seed: a package with no rask.build is named for its directory, at version 0.0.0. A
    /// directory counts as one when it holds `.rk` sources.
    public func implicitManifest(in directory: String, fileSystem: any FileSystem) -> PackageManifest? {
        guard let names = try? fileSystem.contentsOfDirectory(directory),
              names.contains(where: { Paths.fileExtension($0) == "rk" && !Self.manifestNames.contains($0) }) else { return nil }
        let path = Paths.join(directory, Self.manifestNames[0])
        var manifest = PackageManifest(path: path, source: SourceText(path: path, bytes: []))
        var package = PackageSection(range: .at(0))
        package.name = Located(Paths.lastComponent(directory), range: .at(0))
        package.version = Located(Version(0, 0, 0), range: .at(0))
        manifest.package = package
        return manifest
    }

    /// `.rk-gen/`, where the build script writes, when the build file has one: nothing else
    /// writes there, so it is the build's to remove.
    public func generatedDirectories(of package: PackageManifest) -> [String] {
        guard RaskPackageDocument(parsing: package.source).buildFunction != nil else { return [] }
        return [Paths.join(package.directory, RaskBuildScript.generatedDirectory)]
    }

    /// `build.rk` ends in `.rk` but is the build file, not a source.
    public func isSource(_ path: String, of package: PackageManifest) -> Bool {
        isSourceFile(path) && !Self.manifestNames.contains(Paths.lastComponent(path))
    }

    public func scanSource(_ source: SourceText) -> SourceScan {
        RaskSourceScanner.scan(source)
    }

    /// `import ht|` on the cursor's line: the dotted name so far.
    public func importPathBeingTyped(in source: SourceText, at offset: Int) -> (prefix: String, range: SourceRange)? {
        let line = source.lines.line(containing: offset)
        let content = source.lines.contentRange(ofLine: line)
        let bytes = source.bytes
        guard offset >= content.lowerBound, offset <= content.upperBound else { return nil }
        var start = content.lowerBound
        while start < offset && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        guard offset >= start + 7, bytes[start..<(start + 7)].elementsEqual("import ".utf8) else { return nil }
        var nameStart = start + 7
        while nameStart < offset && bytes[nameStart] == 0x20 { nameStart += 1 }
        guard bytes[nameStart..<offset].allSatisfy({ RaskLexer.isNameByte($0) || $0 == 0x2E }) else { return nil }
        var end = offset
        while end < content.upperBound && RaskLexer.isNameByte(bytes[end]) { end += 1 }
        return (String(decoding: bytes[nameStart..<offset], as: UTF8.self), SourceRange(nameStart, end))
    }

    public func manifestNavigation(_ manifest: PackageManifest) -> (any ManifestNavigation)? {
        RaskManifestNavigation(manifest)
    }

    public func makeImportResolver(_ setup: ImportResolverSetup) -> any ImportResolver {
        RaskImportResolver(setup: setup)
    }

    public func planBuild(_ request: BuildRequest) -> BuildPlan {
        RaskBuildPlanner.plan(request)
    }

    public func packageTemplate(name: String, library: Bool) throws(PackageTemplate.Problem) -> [PackageTemplate.File] {
        if let reason = RaskTemplate.problem(with: name) {
            throw .invalidName(name, reason: reason, suggestion: RaskTemplate.suggestion(from: name))
        }
        return RaskTemplate.files(name: name, library: library)
    }
}
