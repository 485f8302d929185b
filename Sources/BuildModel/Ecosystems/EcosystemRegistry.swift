/// The build systems ampu knows, and which one a file or directory belongs to. This is the one
/// list of ecosystems in the program: the commands and the language server ask it, and adding a
/// language adds its folder and one entry to `standard`.
public struct EcosystemRegistry: Sendable {
    public let ecosystems: [any Ecosystem]

    public init(_ ecosystems: [any Ecosystem]) {
        self.ecosystems = ecosystems
    }

    /// Every ecosystem ampu ships, the first-class one first.
    public static let standard = EcosystemRegistry([AsthraEcosystem(), OatsEcosystem(), ElmEcosystem(), AriaEcosystem(), RaskEcosystem()])

    /// Readers of languages not registered yet, by name, for `ampu debug probe` (the fuzzer):
    /// bytes in, what they found out.
    public static let probes: [String: @Sendable ([UInt8]) -> String] = ["elm": ElmProbe.describe, "abc": ABCProbe.describe, "rask": RaskProbe.describe]

    /// Every ecosystem's manifest file names, each one's preferred name first.
    public var manifestFileNames: [String] { ecosystems.flatMap(\.manifestFileNames) }
    /// The lock files the ecosystems write.
    public var lockFileNames: [String] { ecosystems.compactMap(\.lockFileName) }

    /// Every diagnostic code ampu can report: the shared ones, then each ecosystem's own.
    public var diagnosticCodes: [DiagnosticCode] { DiagnosticCode.shared + ecosystems.flatMap(\.diagnosticCodes) }

    /// The codes that say a tool or library of the build is missing: a compiler not found
    /// (B001) and what the ecosystems add.
    public var toolchainCodes: Set<String> { Set(([DiagnosticCode.toolNotFound] + ecosystems.flatMap(\.toolchainCodes)).map(\.rawValue)) }

    /// Every ecosystem's source file extensions.
    public var sourceExtensions: [String] { ecosystems.flatMap(\.sourceExtensions) }

    /// Every ecosystem's `patternExtensions`, each once, not those of sources.
    public var patternExtensions: [String] {
        var seen = Set(sourceExtensions)
        return ecosystems.flatMap(\.patternExtensions).filter { seen.insert($0).inserted }
    }

    /// The ecosystem whose manifest has this file name.
    public func ecosystem(forManifest path: String) -> (any Ecosystem)? {
        ecosystems.first { $0.isManifestFile(path) }
    }

    /// The ecosystem whose sources have this extension.
    public func ecosystem(forSource path: String) -> (any Ecosystem)? {
        ecosystems.first { $0.isSourceFile(path) }
    }

    /// The ecosystem of a manifest or source file.
    public func ecosystem(forFile path: String) -> (any Ecosystem)? {
        ecosystem(forManifest: path) ?? ecosystem(forSource: path)
    }

    /// By the name users type (`--lang asthra`), in any case.
    public func ecosystem(named name: String) -> (any Ecosystem)? {
        ecosystems.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The names users type, for help texts: `asthra`.
    public var names: [String] { ecosystems.map { $0.name.lowercased() } }

    /// The manifest nearest to `directory` (in it or a parent), of any ecosystem, and whose it
    /// is. In one directory the ecosystems are asked in order.
    public func nearestManifest(from directory: String, fileSystem: any FileSystem) -> (path: String, ecosystem: any Ecosystem)? {
        let locators = ecosystems.map { WorkspaceLocator(ecosystem: $0, fileSystem: fileSystem) }
        var dir = fileSystem.absolute(directory)
        while true {
            for locator in locators {
                if let found = locator.manifest(in: dir) { return (found, locator.ecosystem) }
            }
            let up = Paths.parent(dir)
            if up == dir { return nil }
            dir = up
        }
    }

    /// The manifest a command run in `directory` works on, and its ecosystem: `manifestPath`
    /// when one is given (its file name says whose it is), else the nearest manifest upward.
    public func manifest(from directory: String, manifestPath: String?, fileSystem: any FileSystem) throws(WorkspaceError) -> (path: String, ecosystem: any Ecosystem) {
        if let manifestPath {
            let path = fileSystem.absolute(manifestPath)
            if fileSystem.isDirectory(path) { throw .unreadableManifest(.isADirectory(path)) }
            guard let ecosystem = ecosystem(forManifest: path) else {
                throw .unknownManifest(path, names: manifestFileNames)
            }
            return (path, ecosystem)
        }
        if let found = nearestManifest(from: directory, fileSystem: fileSystem) { return found }
        // No manifest anywhere up: a language whose packages need none may take the directory.
        for ecosystem in ecosystems {
            if let implicit = ecosystem.implicitManifest(in: fileSystem.absolute(directory), fileSystem: fileSystem) { return (implicit.path, ecosystem) }
        }
        throw .noManifest(start: fileSystem.absolute(directory), names: manifestFileNames)
    }

    /// The root directory of the workspace a loader from `directory` (`loader(from:)`) loads,
    /// found as its load finds it, without loading it; nil when there is no manifest.
    public func workspaceRoot(from directory: String, fileSystem: any FileSystem, manifests: ManifestCache = ManifestCache()) -> String? {
        guard let found = try? manifest(from: directory, manifestPath: nil, fileSystem: fileSystem) else { return nil }
        return Paths.parent(WorkspaceLocator(ecosystem: found.ecosystem, fileSystem: fileSystem, manifests: manifests).workspaceRoot(for: found.path))
    }

    /// A loader for the workspace a command run in `directory` works on, and the manifest to
    /// load it from.
    public func loader(from directory: String, manifestPath: String?, fileSystem: any FileSystem, environment: [String: String],
                       manifests: ManifestCache = ManifestCache(), features: FeatureSelection = .standard) throws(WorkspaceError) -> (loader: WorkspaceLoader, manifest: String) {
        let found = try manifest(from: directory, manifestPath: manifestPath, fileSystem: fileSystem)
        return (WorkspaceLoader(ecosystem: found.ecosystem, fileSystem: fileSystem, environment: environment, manifests: manifests, features: features),
                found.path)
    }
}
