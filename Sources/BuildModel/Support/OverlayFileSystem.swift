import Synchronization

/// A file system whose files can be shadowed by texts held in memory: the editor's unsaved
/// buffers over the disk. Reads of a shadowed file give the buffer; everything else, writes
/// included, goes to the file system below.
public final class OverlayFileSystem: FileSystem {
    public let base: any FileSystem
    private let overlays = Mutex<[String: [UInt8]]>([:])

    public init(base: any FileSystem) {
        self.base = base
    }

    public var currentDirectory: String { base.currentDirectory }

    /// Shadows `path` with `bytes`; nil removes the shadow.
    public func setOverlay(_ path: String, _ bytes: [UInt8]?) {
        overlays.withLock { $0[path] = bytes }
    }

    public func overlay(_ path: String) -> [UInt8]? {
        overlays.withLock { $0[path] }
    }

    public func status(_ path: String) -> FileStatus? {
        let p = absolute(path)
        if let bytes = overlay(p) {
            var s = base.status(p) ?? FileStatus(kind: .file, size: 0, modificationTime: 0, identity: FileIdentity(device: 0, inode: 0))
            s.kind = .file
            s.size = bytes.count
            return s
        }
        return base.status(p)
    }

    public func linkStatus(_ path: String) -> FileStatus? {
        overlay(absolute(path)) != nil ? status(path) : base.linkStatus(path)
    }

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        if let bytes = overlay(absolute(path)) { return bytes }
        return try base.readFile(path)
    }

    /// A buffer has no status of its own that a build could record: nil.
    public func readFileAndStatus(_ path: String) throws(FileSystemError) -> (bytes: [UInt8], status: FileStatus?) {
        if let bytes = overlay(absolute(path)) { return (bytes, nil) }
        return try base.readFileAndStatus(path)
    }

    public func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        try base.writeFile(path, bytes)
    }

    /// The directory's entries on disk plus unsaved buffers that live in it.
    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        try directoryEntries(path).map(\.name)
    }

    public func directoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)] {
        let dir = absolute(path)
        var entries = try base.directoryEntries(dir)
        let extra = overlays.withLock { o in o.keys.filter { Paths.parent($0) == dir }.map(Paths.lastComponent) }
        let names = Set(entries.map(\.name))
        let added = extra.filter { !names.contains($0) }
        guard !added.isEmpty else { return entries }
        entries += added.map { ($0, FileKind.file) }
        entries.sort { Paths.precedes($0.name, $1.name) }
        return entries
    }

    public func createDirectory(_ path: String) throws(FileSystemError) { try base.createDirectory(path) }
    public func removeItem(_ path: String) throws(FileSystemError) { try base.removeItem(path) }
    public func treeUsage(_ path: String) -> (files: Int, bytes: Int) { base.treeUsage(path) }
    public func linkDestination(_ path: String) -> String? { base.linkDestination(path) }

    public func realPath(_ path: String) throws(FileSystemError) -> String {
        overlay(absolute(path)) != nil && base.status(path) == nil ? absolute(path) : try base.realPath(path)
    }
}
