import Synchronization

/// The status of each file asked for, taken once per build: the plan's check and every
/// action's fingerprint ask about the same sources, and each should cost one `stat`, as in
/// Ninja. Files an action writes are forgotten when it finishes, so the actions after it see
/// them as written.
public final class StatCache: Sendable {
    public let fileSystem: any FileSystem
    private let known = Mutex<[String: FileStatus?]>([:])

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
}
