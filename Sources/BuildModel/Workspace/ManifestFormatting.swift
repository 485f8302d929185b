/// `ampu fmt`: the manifests of a workspace laid out as their format's formatter lays them out
/// (`ManifestSyntax.formatted`, what the server's formatting gives an editor).
public enum ManifestFormatting {
    public enum Outcome: Sendable {
        case unchanged
        /// The file's new text.
        case formatted([UInt8])
        /// It has a syntax error (the parse's errors): where a part begins and ends is not known.
        case syntaxError([Diagnostic], SourceText)
    }

    public enum Problem: Error, Sendable, CustomStringConvertible {
        /// The workspace's manifests are in a format without a formatter.
        case noFormatter(manifest: String, ecosystem: String)
        /// A file named that is no manifest or TOML file.
        case notFormattable(String)

        public var description: String {
            switch self {
            case .noFormatter(let manifest, let ecosystem):
                "\(ecosystem)'s manifest (\(Paths.lastComponent(manifest))) has no formatter in ampu: it formats TOML manifests (asthra.toml, Oats.toml)"
            case .notFormattable(let path):
                "'\(path)' is not a TOML file: ampu fmt formats TOML manifests (asthra.toml, Oats.toml) and other .toml files"
            }
        }
    }

    /// The manifests of the workspace `manifest` belongs to: its root and every member, each
    /// once, in the order the root lists them.
    public static func workspaceManifests(of manifest: String, ecosystem: any Ecosystem, fileSystem: any FileSystem) throws(Problem) -> [String] {
        guard ecosystem.manifestSyntax.formats else { throw .noFormatter(manifest: manifest, ecosystem: ecosystem.name) }
        let locator = WorkspaceLocator(ecosystem: ecosystem, fileSystem: fileSystem)
        let rootPath = locator.workspaceRoot(for: manifest)
        guard let source = try? fileSystem.readText(rootPath) else { return [rootPath] }
        let root = ecosystem.readManifest(source)
        var seen: Set<String> = []
        return ([rootPath] + locator.memberManifests(of: root).map(\.path)).filter { seen.insert($0).inserted }
    }

    /// What formatting one file gives. A manifest is formatted as its ecosystem's format says;
    /// any other `.toml` file as TOML.
    public static func format(_ path: String, fileSystem: any FileSystem) throws(FileSystemError) -> Outcome {
        let source = try fileSystem.readText(path)
        let syntax: any ManifestSyntax = EcosystemRegistry.standard.ecosystem(forManifest: path)?.manifestSyntax ?? TOMLManifestSyntax()
        guard let formatted = syntax.formatted(source) else {
            let errors = TOMLSyntaxTree.parse(source).diagnostics.filter { $0.severity == .error }.map { $0.inFile(path) }
            return .syntaxError(errors, source)
        }
        return Bytes.equal(formatted, source.bytes) ? .unchanged : .formatted(formatted)
    }

    /// Whether `ampu fmt` formats a file named on its command line.
    public static func isFormattable(_ path: String) -> Bool {
        if let ecosystem = EcosystemRegistry.standard.ecosystem(forManifest: path) { return ecosystem.manifestSyntax.formats }
        return path.hasSuffix(".toml")
    }
}
