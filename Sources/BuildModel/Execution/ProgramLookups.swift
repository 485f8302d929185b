import Synchronization

/// A file system that notes each program looked up by name in `PATH` (`findProgram`) and where
/// it was found: what a plan made through it depends on beside its files. The kept plan
/// (`PlanCache`) keeps these lookups in place of `PATH` itself, so a build under another `PATH`
/// (a virtual environment, a profiler, an editor's terminal) keeps the plan while each program
/// is found where it was, and plans afresh when one is found elsewhere or has changed.
public final class ProgramLookups: FileSystem {
    public let base: any FileSystem
    private let found = Mutex<[String: String?]>([:])

    public init(base: any FileSystem) {
        self.base = base
    }

    /// Each name looked up, with the program found (nil: none was), in the order of names.
    public var lookups: [(name: String, path: String?)] {
        found.withLock { $0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public func findProgram(_ name: String, searchPath: String) -> String? {
        let program = base.findProgram(name, searchPath: searchPath)
        found.withLock { $0[name] = program }
        return program
    }

    public var currentDirectory: String { base.currentDirectory }
    public func status(_ path: String) -> FileStatus? { base.status(path) }
    public func linkStatus(_ path: String) -> FileStatus? { base.linkStatus(path) }
    public func status(pathBytes: ArraySlice<UInt8>) -> FileStatus? { base.status(pathBytes: pathBytes) }
    public func statuses(pathBytes: ArraySlice<ArraySlice<UInt8>>) -> [FileStatus?] { base.statuses(pathBytes: pathBytes) }
    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] { try base.readFile(path) }
    public func readFileAndStatus(_ path: String) throws(FileSystemError) -> (bytes: [UInt8], status: FileStatus?) { try base.readFileAndStatus(path) }
    public func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) { try base.writeFile(path, bytes) }
    public func writeRecord(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) { try base.writeRecord(path, bytes) }
    public func appendFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) { try base.appendFile(path, bytes) }
    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] { try base.contentsOfDirectory(path) }
    public func directoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)] { try base.directoryEntries(path) }
    public func unorderedDirectoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)] {
        try base.unorderedDirectoryEntries(path)
    }
    public func createDirectory(_ path: String) throws(FileSystemError) { try base.createDirectory(path) }
    public func removeItem(_ path: String) throws(FileSystemError) { try base.removeItem(path) }
    public func treeUsage(_ path: String) -> (files: Int, bytes: Int) { base.treeUsage(path) }
    public func realPath(_ path: String) throws(FileSystemError) -> String { try base.realPath(path) }
    public func linkDestination(_ path: String) -> String? { base.linkDestination(path) }
}
