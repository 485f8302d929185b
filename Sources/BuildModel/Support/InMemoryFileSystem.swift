import Synchronization

/// A file system held in memory, for tests and for unsaved editor buffers.
public final class InMemoryFileSystem: FileSystem {
    private enum Node {
        case file([UInt8], mtime: Int64)
        case directory
        case symbolicLink(String)
    }

    private struct State {
        var nodes: [String: Node] = ["/": .directory]
        var clock: Int64 = 1
        var inodes: [String: UInt64] = ["/": 1]
        var nextInode: UInt64 = 2
    }

    public let currentDirectory: String
    private let state = Mutex(State())

    /// - Parameter files: path → contents; parent directories are created.
    public init(currentDirectory: String = "/", files: [String: String] = [:]) {
        self.currentDirectory = Paths.normalize(currentDirectory)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try? createDirectory(Paths.parent(absolute(path)))
            try? writeFile(path, Array(text.utf8))
        }
        try? createDirectory(self.currentDirectory)
    }

    /// Adds a symbolic link at `path` pointing to `target` (kept as given).
    public func createSymbolicLink(_ path: String, to target: String) throws(FileSystemError) {
        let path = absolute(path)
        let parent = try resolve(Paths.parent(path))
        let full = Paths.join(parent, Paths.lastComponent(path))
        try state.withLock { (s: inout State) throws(FileSystemError) in
            if s.nodes[full] != nil { throw .alreadyExists(path) }
            s.nodes[full] = .symbolicLink(target)
            s.inodes[full] = s.nextInode
            s.nextInode += 1
        }
    }

    /// Follows links in every component of `path`; the result names no link.
    private func resolve(_ path: String, followLast: Bool = true) throws(FileSystemError) -> String {
        try state.withLock { (s: inout State) throws(FileSystemError) -> String in
            try Self.resolve(absolute(path), in: s, followLast: followLast)
        }
    }

    private static func resolve(_ path: String, in s: State, followLast: Bool) throws(FileSystemError) -> String {
        var pending = Paths.normalize(path).split(separator: "/").map(String.init)
        var current = "/"
        var hops = 0
        while !pending.isEmpty {
            let part = pending.removeFirst()
            if part == ".." {
                current = Paths.parent(current)
                continue
            }
            let next = Paths.join(current, part)
            switch s.nodes[next] {
            case .symbolicLink(let target) where followLast || !pending.isEmpty:
                hops += 1
                if hops > 40 { throw .symlinkLoop(path) }
                let targetParts = target.split(separator: "/").map(String.init)
                if target.hasPrefix("/") { current = "/" }
                pending = targetParts + pending
            case .some(.file) where !pending.isEmpty:
                throw .notADirectory(next)
            case .none where !pending.isEmpty:
                throw .notFound(next)
            default:
                current = next
            }
        }
        return current
    }

    public func status(_ path: String) -> FileStatus? {
        guard let resolved = try? resolve(path) else { return nil }
        return statusOf(resolved)
    }

    public func linkStatus(_ path: String) -> FileStatus? {
        guard let resolved = try? resolve(path, followLast: false) else { return nil }
        return statusOf(resolved)
    }

    private func statusOf(_ resolved: String) -> FileStatus? {
        state.withLock { s -> FileStatus? in
            guard let node = s.nodes[resolved] else { return nil }
            let identity = FileIdentity(device: 1, inode: s.inodes[resolved] ?? 0)
            switch node {
            case .file(let bytes, let mtime):
                // Files here have no modes: each may be run, as a test's stand-in program must.
                return FileStatus(kind: .file, size: bytes.count, modificationTime: mtime, identity: identity, isExecutable: true)
            case .directory:
                return FileStatus(kind: .directory, size: 0, modificationTime: 0, identity: identity)
            case .symbolicLink(let target):
                return FileStatus(kind: .symbolicLink, size: target.utf8.count, modificationTime: 0, identity: identity)
            }
        }
    }

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        let resolved = try resolve(path)
        return try state.withLock { (s: inout State) throws(FileSystemError) -> [UInt8] in
            switch s.nodes[resolved] {
            case .file(let bytes, _): return bytes
            case .directory: throw .isADirectory(absolute(path))
            default: throw .notFound(absolute(path))
            }
        }
    }

    public func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        let parent = try resolve(Paths.parent(absolute(path)))
        let full = Paths.join(parent, Paths.lastComponent(absolute(path)))
        let target = (try? resolve(full)) ?? full
        try state.withLock { (s: inout State) throws(FileSystemError) in
            guard case .directory = s.nodes[parent] else { throw .notFound(parent) }
            if case .directory = s.nodes[target] { throw .isADirectory(target) }
            s.clock += 1
            s.nodes[target] = .file(bytes, mtime: s.clock)
            if s.inodes[target] == nil {
                s.inodes[target] = s.nextInode
                s.nextInode += 1
            }
        }
    }

    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        let resolved = try resolve(path)
        return try state.withLock { (s: inout State) throws(FileSystemError) -> [String] in
            guard let node = s.nodes[resolved] else { throw .notFound(absolute(path)) }
            guard case .directory = node else { throw .notADirectory(absolute(path)) }
            let prefix = resolved == "/" ? "/" : resolved + "/"
            return s.nodes.keys
                .filter { $0.hasPrefix(prefix) && $0 != "/" && !$0.dropFirst(prefix.count).contains("/") }
                .map { String($0.dropFirst(prefix.count)) }
                .sorted(by: Paths.precedes)
        }
    }

    public func createDirectory(_ path: String) throws(FileSystemError) {
        var current = "/"
        for part in Paths.normalize(absolute(path)).split(separator: "/") {
            let next = try resolve(Paths.join(current, String(part)))
            try state.withLock { (s: inout State) throws(FileSystemError) in
                switch s.nodes[next] {
                case .directory: break
                case .none:
                    s.nodes[next] = .directory
                    s.inodes[next] = s.nextInode
                    s.nextInode += 1
                default: throw .notADirectory(next)
                }
            }
            current = next
        }
    }

    public func removeItem(_ path: String) throws(FileSystemError) {
        guard let resolved = try? resolve(path, followLast: false) else { return }
        state.withLock { s in
            let prefix = resolved + "/"
            for key in s.nodes.keys where key == resolved || key.hasPrefix(prefix) {
                s.nodes[key] = nil
                s.inodes[key] = nil
            }
        }
    }

    public func linkDestination(_ path: String) -> String? {
        guard let resolved = try? resolve(path, followLast: false) else { return nil }
        return state.withLock { s in if case .symbolicLink(let target)? = s.nodes[resolved] { target } else { nil } }
    }

    public func realPath(_ path: String) throws(FileSystemError) -> String {
        let resolved = try resolve(path)
        guard statusOf(resolved) != nil else { throw .notFound(absolute(path)) }
        return resolved
    }
}
