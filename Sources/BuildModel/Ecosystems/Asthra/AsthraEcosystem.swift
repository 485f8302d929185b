/// Asthra: `asthra.toml` manifests, `.asthra` and `.ast` sources, `import "stdlib/string";`.
public struct AsthraEcosystem: Ecosystem {
    public init() {}

    public var name: String { "Asthra" }
    /// `Asthra.toml` is what the language's own documentation shows.
    public var manifestFileNames: [String] { Self.manifestNames }
    static let manifestNames = ["asthra.toml", "Asthra.toml"]
    public var sourceExtensions: [String] { ["asthra", "ast"] }
    /// `[native] sources`.
    public var patternExtensions: [String] { ["c"] }
    public var ignoredDirectories: Set<String> { ["target"] }
    public var manifestSchema: ManifestSchema { AsthraManifestSchema.schema }
    public var manifestSyntax: any ManifestSyntax { TOMLManifestSyntax() }
    /// Fetched packages go where the compiler reads them: `$ASTHRA_CACHE`, else `~/.asthra/cache`.
    public var lockFormat: LockFormat? { .standard(fileName: "asthra.lock", cacheVariable: "ASTHRA_CACHE", cacheHome: ".asthra/cache") }
    public var howToAddProgram: String {
        "add src/main.asthra (a program named after the package), `entry = \"src/app.ast\"` under [package] or a [[bin]] with `name` and `path`"
    }

    public func nothingToBuild(_ root: PackageManifest) -> (notes: [String], help: [String]) {
        let program = howToAddProgram + ", or tests under tests/"
        guard root.toolchain.preset?.value == "seed" else {
            return (["today's compiler (`preset = \"current\"`) builds programs and tests; a library is compiled into each program that imports it"],
                    [program, "or set `preset = \"seed\"` under [toolchain] to build each package's library on its own"])
        }
        return ([], [program])
    }
    public var diagnosticCodes: [DiagnosticCode] { DiagnosticCode.asthra }
    public var workspaceRootMayBeVirtual: Bool { true }
    public var environmentVariables: [String] { ["ASTHRA", "ASTHRA_HOME", "ASTHRA_CACHE", "AMPU_REGISTRY"] }

    public func packageTemplate(name: String, library: Bool) throws(PackageTemplate.Problem) -> [PackageTemplate.File] {
        if let reason = AsthraPackageName.problem(with: name) {
            throw .invalidName(name, reason: reason, suggestion: AsthraPackageName.suggestion(from: name))
        }
        return AsthraPackageTemplate.files(name: name, library: library)
    }

    public func readManifest(_ source: SourceText) -> PackageManifest {
        AsthraManifestReader.read(source)
    }

    /// Every `entry`, `[[bin]]` and `[lib]` path must be a file (a warning: the seed's era did
    /// not require it, today's compiler cannot build without it), and every `[native] sources`
    /// pattern must match one (B005).
    public func checkManifest(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        missingTargetPaths(manifest, fileSystem: fileSystem) + NativeCompilation.emptyPatterns(manifest, ecosystem: self, fileSystem: fileSystem)
    }

    private func missingTargetPaths(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        (manifest.package?.targets ?? []).compactMap { target in
            let path = Paths.join(manifest.directory, target.path.value)
            guard !fileSystem.isFile(path) else { return nil }
            // A default path (no `path` written) has no range of its own to correct.
            let meant = target.path.range.isEmpty ? nil : PathSpelling.closest(to: target.path.value, from: manifest.directory, fileSystem: fileSystem, isWanted: fileSystem.isFile)
            return .warning("\(target.kind == .lib ? "library" : "program") '\(target.name.value)' has its source at '\(target.path.value)', which does not exist",
                            .missingTargetPath, at: target.path.range,
                            help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["the path is relative to the package root; create the file or correct the path"],
                            fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: target.path.range, newText: TOMLLiteral.renderString($0))]) })
        }
    }

    /// `std/x` and `stdlib/x` are one module.
    public func moduleKey(ofImport path: String) -> String {
        path.hasPrefix("std/") ? "stdlib/" + path.dropFirst(4) : path
    }

    public func scanSource(_ source: SourceText) -> SourceScan {
        AsthraSourceScanner.scan(source)
    }

    /// `import "stdlib/i|` on the cursor's line: the path after the opening quote, up to the
    /// closing quote when there is one (half-typed imports do not scan, so this reads the line).
    public func importPathBeingTyped(in source: SourceText, at offset: Int) -> (prefix: String, range: SourceRange)? {
        let line = source.lines.line(containing: offset)
        let content = source.lines.contentRange(ofLine: line)
        let bytes = source.bytes
        var quote: Int?
        var i = content.lowerBound
        // The last `import` keyword before the cursor, then its opening quote.
        while i + 6 <= offset {
            if bytes[i..<i + 6].elementsEqual("import".utf8), i == content.lowerBound || !AsthraLexer.isIdentifierByte(bytes[i - 1]) {
                var j = i + 6
                while j < offset && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                if j < offset && bytes[j] == 0x22 && j > i + 6 { quote = j } else if j < offset { quote = nil }
                i = j
            } else {
                i += 1
            }
        }
        guard let open = quote else { return nil }
        if bytes[(open + 1)..<offset].contains(0x22) { return nil }
        var close = offset
        while close < content.upperBound && bytes[close] != 0x22 && bytes[close] != 0x3B && bytes[close] != 0x20 { close += 1 }
        return (String(decoding: bytes[(open + 1)..<offset], as: UTF8.self), SourceRange(open + 1, close))
    }

    public func makeImportResolver(_ setup: ImportResolverSetup) -> any ImportResolver {
        AsthraImportResolver(setup: setup, extensions: sourceExtensions, cache: setup.directories)
    }
}
