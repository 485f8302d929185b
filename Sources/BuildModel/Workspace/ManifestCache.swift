import Synchronization

/// Manifests already read, by path, reused while their text is unchanged. A language server
/// loads the workspace again after every manifest edit, and most of its manifests did not
/// change; the server also reads an opened manifest on its own before the load starts.
public final class ManifestCache: Sendable {
    private let manifests = Mutex<[String: PackageManifest]>([:])

    public init() {}

    /// The manifest `source` holds: the one read before when its bytes are the same, else read now.
    public func manifest(_ source: SourceText, ecosystem: any Ecosystem) -> PackageManifest {
        guard let path = source.path else { return ecosystem.readManifest(source) }
        if let known = manifests.withLock({ $0[path] }), known.source.bytes == source.bytes { return known }
        let manifest = ecosystem.readManifest(source)
        store(manifest)
        return manifest
    }

    /// Remembers a manifest read elsewhere.
    public func store(_ manifest: PackageManifest) {
        manifests.withLock { $0[manifest.path] = manifest }
    }
}
