import BuildModel
import Synchronization

/// What features derive from one version of a document, computed on first use and kept with
/// that version: a hover or completion after the first one does not parse the buffer again.
final class DocumentAnalysis: Sendable {
    private let document = Mutex<(any ManifestDocument)?>(nil)
    private let manifest = Mutex<PackageManifest?>(nil)
    private let scan = Mutex<SourceScan?>(nil)

    /// The buffer as a manifest document of the ecosystem's format.
    func manifestDocument(of text: SourceText, ecosystem: any Ecosystem) -> any ManifestDocument {
        if let cached = document.withLock({ $0 }) { return cached }
        let parsed = ecosystem.manifestSyntax.document(text)
        document.withLock { $0 = parsed }
        return parsed
    }

    /// The buffer's declaration and imports, as the ecosystem scans a source.
    func scan(of text: SourceText, ecosystem: any Ecosystem) -> SourceScan {
        if let cached = scan.withLock({ $0 }) { return cached }
        let scanned = ecosystem.scanSource(text)
        scan.withLock { $0 = scanned }
        return scanned
    }

    /// The buffer read as the ecosystem's manifest.
    func manifest(of text: SourceText, ecosystem: any Ecosystem) -> PackageManifest {
        if let cached = manifest.withLock({ $0 }) { return cached }
        let read = ecosystem.readManifest(text)
        manifest.withLock { $0 = read }
        return read
    }
}
