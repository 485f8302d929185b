import Synchronization

/// The status of each file asked for, taken once per build: actions share inputs, and each
/// should cost one `stat`, as in Ninja; with the content hashes known for them (from the load,
/// or from a fingerprint), so that a file is not read twice. Files an action writes are
/// forgotten when it finishes, so the actions after it see them as written.
public final class StatCache: Sendable {
    public let fileSystem: any FileSystem
    private let known = Mutex<[String: FileStatus?]>([:])
    private let digests = Mutex<[String: (size: Int, time: Int64, digest: String)]>([:])

    public init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

    public func status(_ path: String) -> FileStatus? {
        if let cached = known.withLock({ $0[path] }) { return cached }
        let status = fileSystem.status(path)
        known.withLock { $0[path] = .some(status) }
        return status
    }

    public func forget(_ paths: [String]) {
        known.withLock { for p in paths { $0[p] = nil } }
    }

    /// The content hash of `path` when it is known for the size and time it has now: a file
    /// read for the plan, or confirmed by an earlier fingerprint, is not read again.
    public func knownDigest(_ path: String, status: FileStatus) -> String? {
        guard let d = digests.withLock({ $0[path] }), d.size == status.size, d.time == status.modificationTime else { return nil }
        return d.digest
    }

    public func remember(_ path: String, status: FileStatus, digest: String) {
        digests.withLock { $0[path] = (status.size, status.modificationTime, digest) }
    }

    /// The files a fresh load read: each one's status as it was read (when the file system
    /// gave one) is the status this build takes for it, and its hash is taken from the bytes
    /// held when their size is the one read. A file saved after the load read it then shows as
    /// changed to the next build, as it is.
    public func remember(sources: [String: SourceText]) {
        let texts = Array(sources)
        known.withLock { known in
            for (path, source) in texts { if let read = source.status, known[path] == nil { known[path] = .some(read) } }
        }
        // The hashes on every core, each file's from the bytes the load holds.
        let hashes = Parallel.map(texts.count) { i -> (path: String, status: FileStatus, digest: String)? in
            let (path, source) = texts[i]
            guard let status = status(path), status.size == source.bytes.count else { return nil }
            return (path, status, ContentHash.hex(source.bytes))
        }
        digests.withLock { digests in
            for case let (path, status, digest)? in hashes { digests[path] = (status.size, status.modificationTime, digest) }
        }
    }
}
