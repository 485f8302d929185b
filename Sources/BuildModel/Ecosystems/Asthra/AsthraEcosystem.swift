/// Asthra: `asthra.toml` manifests, `.asthra` and `.ast` sources, `import "stdlib/string";`.
public struct AsthraEcosystem: Ecosystem {
    public init() {}

    public var name: String { "Asthra" }
    /// `Asthra.toml` is what the language's own documentation shows.
    public var manifestFileNames: [String] { Self.manifestNames }
    static let manifestNames = ["asthra.toml", "Asthra.toml"]
    public var sourceExtensions: [String] { ["asthra", "ast"] }
    public var ignoredDirectories: Set<String> { ["target"] }
    public var manifestSchema: ManifestSchema { AsthraManifestSchema.schema }

    public func readManifest(_ source: SourceText) -> PackageManifest {
        AsthraManifestReader.read(source)
    }

    public func checkManifest(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        AsthraManifestChecks.check(manifest, fileSystem: fileSystem)
    }

    public func scanSource(_ source: SourceText) -> SourceScan {
        AsthraSourceScanner.scan(source)
    }

    public func makeImportResolver(_ setup: ImportResolverSetup) -> any ImportResolver {
        AsthraImportResolver(setup: setup, extensions: sourceExtensions, cache: setup.directories)
    }

    /// The manifest in a directory, read; nil when there is none or it cannot be read.
    static func loadManifest(in directory: String, fileSystem: any FileSystem) -> PackageManifest? {
        for name in manifestNames {
            let path = Paths.join(directory, name)
            if let bytes = try? fileSystem.readFile(path) {
                return AsthraManifestReader.read(SourceText(path: path, bytes: bytes))
            }
        }
        return nil
    }
}
