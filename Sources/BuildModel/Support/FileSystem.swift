/// What kind of thing a path names.
public enum FileKind: Sendable, Hashable {
    case file, directory, symbolicLink, other
}

/// What `stat` tells about a path.
public struct FileStatus: Sendable, Hashable {
    public var kind: FileKind
    public var size: Int
    /// Modification time in nanoseconds since the epoch.
    public var modificationTime: Int64
    /// Identifies the file across links (device and inode on disk).
    public var identity: FileIdentity
    /// Whether some execute permission bit is set.
    public var isExecutable: Bool

    public init(kind: FileKind, size: Int, modificationTime: Int64, identity: FileIdentity, isExecutable: Bool = false) {
        self.kind = kind
        self.size = size
        self.modificationTime = modificationTime
        self.identity = identity
        self.isExecutable = isExecutable
    }
}

public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

/// Everything the model reads from and writes to disk goes through this, so
/// tests and the language server (unsaved buffers) can supply their own files.
///
/// Paths are absolute; relative ones are taken from `currentDirectory`.
public protocol FileSystem: Sendable {
    var currentDirectory: String { get }
    /// Status of the file a path names, following symbolic links; nil when it does not exist.
    func status(_ path: String) -> FileStatus?
    /// Status of the path itself (a link is reported as a link).
    func linkStatus(_ path: String) -> FileStatus?
    /// The status of the file whose absolute path is these UTF-8 bytes (a line of one of ampu's
    /// records): `status` without making a `String` first, where the file system can.
    func status(pathBytes: ArraySlice<UInt8>) -> FileStatus?
    /// The statuses of many files by their absolute paths' bytes, in order; those next to each
    /// other in one directory are cheapest.
    func statuses(pathBytes: ArraySlice<ArraySlice<UInt8>>) -> [FileStatus?]
    func readFile(_ path: String) throws(FileSystemError) -> [UInt8]
    /// The file's bytes and its status as it was when read (taken before the bytes): what was
    /// read is recorded with the time it had, so that a save during the read or after it shows
    /// as a change.
    func readFileAndStatus(_ path: String) throws(FileSystemError) -> (bytes: [UInt8], status: FileStatus?)
    /// Writes the whole file atomically: readers see the old or the new bytes, never a mix.
    func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError)
    /// Writes the whole file without waiting for the disk: for ampu's own records (fingerprints,
    /// the kept plan), whose formats end with a line that tells a record cut short by a crash.
    func writeRecord(_ path: String, _ bytes: [UInt8]) throws(FileSystemError)
    /// Adds the bytes at the end of a file (made when missing) in one write, without waiting for
    /// the disk: for ampu's logs, whose entries say how long they are, so that one cut short is
    /// told.
    func appendFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError)
    /// Entry names of a directory, sorted bytewise.
    func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String]
    /// Entry names of a directory with their kinds, following symbolic links; sorted bytewise.
    /// Entries whose kind cannot be found (a dangling link) are reported as `.symbolicLink`.
    func directoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)]
    /// The same in whatever order the directory gives them: for a walk that sorts what it keeps
    /// once, at its end.
    func unorderedDirectoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)]
    /// Creates a directory and any missing parents.
    func createDirectory(_ path: String) throws(FileSystemError)
    /// Removes a file, a link, or a directory with everything in it; absent paths are fine.
    func removeItem(_ path: String) throws(FileSystemError)
    /// The files at and under `path` (every entry but directories; a link is one, not
    /// followed) and their bytes, as `removeItem` would remove them; (0, 0) when it is absent.
    func treeUsage(_ path: String) -> (files: Int, bytes: Int)
    /// The canonical absolute path with every link resolved.
    func realPath(_ path: String) throws(FileSystemError) -> String
    /// What a symbolic link says, as written; nil for anything else.
    func linkDestination(_ path: String) -> String?
    /// The program a bare name runs: the first executable file of that name in the
    /// directories of `searchPath` (`PATH`, `:`-separated); nil when none has one.
    func findProgram(_ name: String, searchPath: String) -> String?
}

extension FileSystem {
    public func absolute(_ path: String) -> String { Paths.join(currentDirectory, path) }

    public func linkDestination(_ path: String) -> String? { nil }

    public func findProgram(_ name: String, searchPath: String) -> String? {
        for dir in searchPath.split(separator: ":") where !dir.isEmpty {
            let candidate = Paths.join(String(dir), name)
            if isProgram(candidate) { return candidate }
        }
        return nil
    }

    /// Whether `path` is a program: a regular file with an execute bit.
    public func isProgram(_ path: String) -> Bool { status(path).map { $0.kind == .file && $0.isExecutable } ?? false }

    public func status(pathBytes: ArraySlice<UInt8>) -> FileStatus? {
        status(String(decoding: pathBytes, as: UTF8.self))
    }

    public func statuses(pathBytes: ArraySlice<ArraySlice<UInt8>>) -> [FileStatus?] { pathBytes.map { status(pathBytes: $0) } }

    public func exists(_ path: String) -> Bool { status(path) != nil }

    public func readFileAndStatus(_ path: String) throws(FileSystemError) -> (bytes: [UInt8], status: FileStatus?) {
        let before = status(path)
        return (try readFile(path), before)
    }

    public func directoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)] {
        try contentsOfDirectory(path).map { name in
            (name, status(Paths.join(path, name))?.kind ?? .symbolicLink)
        }
    }

    public func unorderedDirectoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)] {
        try directoryEntries(path)
    }

    public func isDirectory(_ path: String) -> Bool { status(path)?.kind == .directory }

    public func treeUsage(_ path: String) -> (files: Int, bytes: Int) {
        guard let status = linkStatus(path) else { return (0, 0) }
        guard status.kind == .directory else { return (1, status.size) }
        var total = (files: 0, bytes: 0)
        for name in (try? contentsOfDirectory(path)) ?? [] {
            let (files, bytes) = treeUsage(Paths.join(path, name))
            total.files += files
            total.bytes += bytes
        }
        return total
    }

    /// The identities of the directories above `path`, up to `/`: a walk down from `path` that
    /// meets one of them through a link would go back up and through everything beside it (a
    /// link to `/` would walk the whole file system), so a walk takes them as seen already.
    public func identitiesAbove(_ path: String) -> [FileIdentity] {
        var out: [FileIdentity] = []
        var above = absolute(path)
        while above != "/" {
            above = Paths.parent(above)
            if let identity = status(above)?.identity { out.append(identity) }
        }
        return out
    }

    public func isFile(_ path: String) -> Bool { status(path)?.kind == .file }

    public func writeRecord(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) { try writeFile(path, bytes) }

    public func appendFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        let before = status(path) == nil ? [] : try readFile(path)
        try writeFile(path, before + bytes)
    }

    public func writeFile(_ path: String, _ text: String) throws(FileSystemError) {
        try writeFile(path, Array(text.utf8))
    }

    public func readText(_ path: String) throws(FileSystemError) -> SourceText {
        SourceText(path: absolute(path), bytes: try readFile(path))
    }
}

/// A file-system operation that failed, naming the path and how to go on.
public enum FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(String)
    case permissionDenied(String)
    case notADirectory(String)
    case isADirectory(String)
    /// A FIFO, socket or device where a file was to be read: reading it could block forever.
    case notARegularFile(String)
    case symlinkLoop(String)
    case alreadyExists(String)
    /// Any other failure: the operation, the path and the system's words.
    case other(operation: String, path: String, reason: String)

    public var path: String {
        switch self {
        case .notFound(let p), .permissionDenied(let p), .notADirectory(let p), .isADirectory(let p),
            .notARegularFile(let p), .symlinkLoop(let p), .alreadyExists(let p):
            p
        case .other(_, let p, _): p
        }
    }

    public var description: String {
        switch self {
        case .notFound(let p): "'\(p)' does not exist"
        case .permissionDenied(let p): "permission denied for '\(p)'; check its owner and mode (ls -l)"
        case .notADirectory(let p): "'\(p)' is not a directory"
        case .isADirectory(let p): "'\(p)' is a directory, expected a file"
        case .notARegularFile(let p): "'\(p)' is not a regular file (a FIFO, socket or device), expected a file"
        case .symlinkLoop(let p): "'\(p)' is part of a symbolic link loop; remove or repoint one of the links"
        case .alreadyExists(let p): "'\(p)' already exists"
        case .other(let op, let p, let reason): "cannot \(op) '\(p)': \(reason)"
        }
    }

    /// What went wrong without the path, for a message whose location already names it (a
    /// path shown twice would be shown once relative and once absolute).
    public var reason: String {
        switch self {
        case .notFound: "it does not exist"
        case .permissionDenied: "permission denied; check its owner and mode (ls -l)"
        case .notADirectory: "it is not a directory"
        case .isADirectory: "it is a directory, expected a file"
        case .notARegularFile: "it is not a regular file (a FIFO, socket or device), expected a file"
        case .symlinkLoop: "it is part of a symbolic link loop; remove or repoint one of the links"
        case .alreadyExists: "it already exists"
        case .other(let op, _, let reason): "cannot \(op) it: \(reason)"
        }
    }
}
