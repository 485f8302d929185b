/// Elm 0.19.1 (seed 001): `elm.json` (an application's or a package's), `.elm` modules under
/// the source directories, packages from the package cache (`ELM_HOME`), and `elm make` as the
/// compiler that builds them.
public struct ElmEcosystem: WholeProgramBuilding {
    public init() {}

    public var name: String { "Elm" }
    public var manifestFileNames: [String] { ["elm.json"] }
    public var sourceExtensions: [String] { ["elm"] }
    public var ignoredDirectories: Set<String> { ["elm-stuff", "node_modules"] }
    public var manifestSchema: ManifestSchema { ElmManifestSchema.application }
    public func manifestSchema(for manifest: PackageManifest) -> ManifestSchema {
        ElmManifestSchema.isPackage(manifest) ? ElmManifestSchema.package : ElmManifestSchema.application
    }
    public var withoutLockFile: String { "elm.json lists the exact versions itself; `ampu tree` draws them" }

    public var manifestSyntax: any ManifestSyntax { JSONManifestSyntax() }
    public var diagnosticCodes: [DiagnosticCode] { DiagnosticCode.elm }
    public var environmentVariables: [String] { ["ELM_HOME", "ELM"] }

    public func readManifest(_ source: SourceText) -> PackageManifest {
        ElmManifestReader.read(source)
    }

    public func checkManifest(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        ElmSourceDirectories.check(manifest, fileSystem: fileSystem) + ElmPackageCheck.check(manifest, fileSystem: fileSystem)
    }

    /// An application's source directories that are clean relative paths; a package's `src`.
    static func sourceDirectories(of manifest: PackageManifest) -> [String] {
        if manifest.package?.name != nil { return [Paths.join(manifest.directory, "src")] }
        var out: [String] = []
        var taken = Set<String>()
        for dir in manifest.sourceDirectories where ElmSourceDirectories.isClean(dir.value) {
            let full = Paths.normalize(Paths.join(manifest.directory, dir.value))
            if taken.insert(full).inserted { out.append(full) }
        }
        return out
    }

    public func sourceRoots(of package: PackageManifest) -> [String] {
        Self.sourceDirectories(of: package)
    }

    public func scanSource(_ source: SourceText) -> SourceScan {
        ElmSourceScanner.scan(source)
    }

    /// `import Html.At|`: the module name after `import` on the cursor's line.
    public func importPathBeingTyped(in source: SourceText, at offset: Int) -> (prefix: String, range: SourceRange)? {
        let bytes = source.bytes
        let content = source.lines.contentRange(ofLine: source.lines.line(containing: offset))
        guard offset >= content.lowerBound else { return nil }
        func isNameByte(_ b: UInt8) -> Bool { ASCII.isAlphanumeric(b) || b == 0x5F || b == 0x2E }
        var start = offset
        while start > content.lowerBound && isNameByte(bytes[start - 1]) { start -= 1 }
        var keywordEnd = start
        while keywordEnd > content.lowerBound && (bytes[keywordEnd - 1] == 0x20 || bytes[keywordEnd - 1] == 0x09) { keywordEnd -= 1 }
        guard keywordEnd < start, keywordEnd - content.lowerBound >= 6, bytes[(keywordEnd - 6)..<keywordEnd].elementsEqual("import".utf8),
              keywordEnd - 6 == content.lowerBound || !isNameByte(bytes[keywordEnd - 7]) else { return nil }
        var end = offset
        while end < content.upperBound && isNameByte(bytes[end]) { end += 1 }
        return (String(decoding: bytes[start..<offset], as: UTF8.self), SourceRange(start, end))
    }

    /// An application pins exact versions; a package accepts the version up to the next major,
    /// as `elm install` writes them.
    public func requirements(for version: Version, in manifest: PackageManifest) -> [String] {
        manifest.package?.name == nil ? ["\(version)"] : ["\(version) <= v < \(version.major + 1).0.0"]
    }

    public func makeImportResolver(_ setup: ImportResolverSetup) -> any ImportResolver {
        ElmImportResolver(setup: setup)
    }

    public func packageTemplate(name: String, library: Bool) throws(PackageTemplate.Problem) -> [PackageTemplate.File] {
        if library, let reason = ElmPackageName.problem(with: name) {
            throw .invalidName(name, reason: reason, suggestion: ElmPackageName.suggestion(from: name))
        }
        return ElmPackageTemplate.files(name: name, library: library)
    }

    /// Seed 001's plan, and `elm make ENTRIES` run in the project's directory. The compiler is
    /// `$ELM`, else `elm` on PATH.
    public func planWholeProgram(_ snapshot: WorkspaceSnapshot, entries: [String], useCached: Bool, environment: [String: String],
                                 fileSystem: any FileSystem) -> WholeProgramPlan {
        let root = snapshot.rootManifest.directory
        let chosen = entries.isEmpty ? ElmBuildPlan.defaultEntries(snapshot) : entries
        let plan = ElmBuildPlan(snapshot, entries: chosen, useCached: useCached, fileSystem: fileSystem)
        var problems = plan.problems.map(\.diagnostic)
        if chosen.isEmpty {
            problems.append(Diagnostic(severity: .error, code: DiagnosticCode.badEntryFile.rawValue, message: "no module defines `main`, and no entry file was given",
                                       file: snapshot.rootManifest.path, range: .at(0),
                                       help: ["name the entry files, such as `ampu elm check src/Main.elm`, or define `main` in one module"]))
        }
        var compile: BuildAction?
        var missing: Diagnostic?
        if let elm = ToolLocator.find(configured: nil, variable: "ELM", defaultName: "elm", manifestDirectory: root, environment: environment, fileSystem: fileSystem) {
            let files = chosen.map { Paths.isWithin($0, root) ? Paths.relative($0, from: root) : $0 }
            compile = BuildAction(kind: .compile, package: snapshot.rootManifest.displayName, description: "elm make " + files.joined(separator: " "),
                                  arguments: [elm, "make"] + files, directory: root, inputs: plan.buildOrder.map(\.path), outputs: [])
        } else {
            missing = ToolLocator.notFound("the Elm compiler", variable: "ELM", defaultName: "elm",
                                           install: "install Elm 0.19.1 (on Debian: `apt-get install elm-compiler`)", environment: environment)
        }
        var summary = plan.summary
        if chosen.isEmpty { summary += "No entry file: name one, such as `src/Main.elm`, or define `main` in a module.\n" }
        var whole = WholeProgramPlan(document: plan.json, summary: summary, problems: problems, compile: compile, missingCompiler: missing)
        // elm 0.19.1 now and then ends a build with `elm: …/elm-stuff/0.19.1/d.dat: openBinaryFile:
        // resource busy (file is locked)`, a race between its own threads over its build files
        // (elm/compiler#2258), more often on a busy machine. It may stop while another thread
        // writes one of them: a second run on what it left finds `o.dat` torn (`Corrupt File …
        // not enough bytes`, then `CORRUPT CACHE`), as after a run stopped by Ctrl-C
        // (elm/compiler#2081). So the project's build files go first, as elm's own message
        // advises; the packages' (under ELM_HOME) stay.
        let cache = ["elm-stuff/0.19.1"]
        whole.transientFailures = [
            TransientFailure(texts: ["elm-stuff/0.19.1/", ".dat: openBinaryFile: resource busy (file is locked)"],
                             note: "elm stopped on its own race over its files in elm-stuff (elm/compiler#2258): removing elm-stuff/0.19.1, which it may have left torn, and running it again",
                             cleared: cache),
            TransientFailure(texts: ["-- CORRUPT CACHE"],
                             note: "elm found its files in elm-stuff torn (a run stopped while writing them, elm/compiler#2081): removing elm-stuff/0.19.1 and running it again, as elm advises",
                             cleared: cache),
        ]
        return whole
    }
}
