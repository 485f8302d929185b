import Dispatch
import Synchronization

/// The status of each file asked for, taken once per build: the plan's check and every
/// action's fingerprint ask about the same sources, and each should cost one `stat`, as in
/// Ninja. Files an action writes are forgotten when it finishes, so the actions after it see
/// them as written.
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

    /// Takes the statuses of many files at once, on every core: a no-op build's check of its
    /// kept plan is mostly this.
    public func prefetch(_ paths: [String]) {
        let paths = known.withLock { known in paths.filter { known[$0] == nil } }
        let chunks = max(1, min(paths.count / 512, 16))
        let results = ResultSlots<[(String, FileStatus?)]>(count: chunks)
        let fileSystem = self.fileSystem
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var out: [(String, FileStatus?)] = []
            var i = chunk
            while i < paths.count {
                out.append((paths[i], fileSystem.status(paths[i])))
                i += chunks
            }
            results[chunk] = out
        }
        known.withLock { known in
            for part in results.values { for (path, status) in part ?? [] { known[path] = .some(status) } }
        }
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

    /// The hashes of the files a fresh load read, from the bytes it holds, for the files whose
    /// size is the one read (their time is the one now, statted once here).
    public func remember(sources: [String: SourceText]) {
        for (path, source) in sources {
            guard let status = status(path), status.size == source.bytes.count else { continue }
            remember(path, status: status, digest: ContentHash.hex(source.bytes))
        }
    }
}
