import Synchronization

/// The status of each file asked for, taken once per build: actions share inputs, and each
/// should cost one `stat`, as in Ninja; with the content hashes known for them (from the load,
/// or from a fingerprint), so that a file is not read twice. Files an action writes are
/// forgotten when it finishes, so the actions after it see them as written.
public final class StatCache: Sendable {
    public let fileSystem: any FileSystem

    /// What is known of one path: its status (nil inside when it does not exist; nil outside
    /// when it has not been taken, or was forgotten), and its content hash with the size and
    /// time it was taken at. One entry for both, so that an action's fingerprint finds each
    /// input's facts with one lookup.
    private struct Entry {
        var status: FileStatus??
        var digest: (size: Int, time: Int64, digest: String)?

        func digest(for status: FileStatus) -> String? {
            guard let digest, digest.size == status.size, digest.time == status.modificationTime else { return nil }
            return digest.digest
        }
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

    public func status(_ path: String) -> FileStatus? {
        if let cached = entries.withLock({ $0[path]?.status }) { return cached }
        let status = fileSystem.status(path)
        entries.withLock { $0[path, default: Entry()].status = .some(status) }
        return status
    }

    /// The status of each of `paths` and its content hash when one is known for that status,
    /// under one lock for the whole list (an action's fingerprint asks this of every input).
    public func statusesAndDigests(_ paths: [String]) -> [(status: FileStatus?, digest: String?)] {
        var found = entries.withLock { entries in paths.map { entries[$0] ?? Entry() } }
        for i in found.indices where found[i].status == nil {
            let status = fileSystem.status(paths[i])
            entries.withLock { $0[paths[i], default: Entry()].status = .some(status) }
            found[i].status = .some(status)
        }
        return found.map { entry in
            guard let status = entry.status! else { return (nil, nil) }
            return (status, entry.digest(for: status))
        }
    }

    /// Statuses taken already (each file of a kept plan, statted to tell whether the plan
    /// stands), so that the fingerprints do not take them again; a status known already is kept.
    public func remember(statuses: [(path: String, status: FileStatus?)]) {
        entries.withLock { entries in
            for (path, status) in statuses where entries[path]?.status == nil { entries[path, default: Entry()].status = .some(status) }
        }
    }

    public func forget(_ paths: [String]) {
        entries.withLock { for p in paths { $0[p]?.status = nil } }
    }

    /// The content hash of `path` when it is known for the size and time it has now: a file
    /// read for the plan, or confirmed by an earlier fingerprint, is not read again.
    public func knownDigest(_ path: String, status: FileStatus) -> String? {
        entries.withLock { $0[path]?.digest(for: status) }
    }

    public func remember(_ path: String, status: FileStatus, digest: String) {
        entries.withLock { $0[path, default: Entry()].digest = (status.size, status.modificationTime, digest) }
    }

    /// The files a fresh load read: each one's status as it was read (when the file system
    /// gave one) is the status this build takes for it, and its hash is taken from the bytes
    /// held when their size is the one read. A file saved after the load read it then shows as
    /// changed to the next build, as it is.
    public func remember(sources: [String: SourceText]) {
        let texts = Array(sources)
        entries.withLock { entries in
            for (path, source) in texts {
                if let read = source.status, entries[path]?.status == nil { entries[path, default: Entry()].status = .some(read) }
            }
        }
        // The hashes on every core, each file's from the bytes the load holds.
        let hashes = Parallel.map(texts.count) { i -> (path: String, status: FileStatus, digest: String)? in
            let (path, source) = texts[i]
            guard let status = status(path), status.size == source.bytes.count else { return nil }
            return (path, status, ContentHash.hex(source.bytes))
        }
        entries.withLock { entries in
            for case let (path, status, digest)? in hashes {
                entries[path, default: Entry()].digest = (status.size, status.modificationTime, digest)
            }
        }
    }
}
