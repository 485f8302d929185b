/// `ampu fetch`: every package the lock file names, in the cache at its commit and with the
/// files the lock's checksum vouches for. A cached copy whose files changed is an error that
/// says how to recover, never a silent refetch.
public enum LockFetch {
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case missingOffline(package: String)
        case tampered(package: String, directory: String, lockFile: String)
        case fetch(package: String, reason: String)
        case registryChanged(package: String, directory: String, lockFile: String)

        public var description: String {
            switch self {
            case .missingOffline(let p): "'\(p)' is not in the cache, and --offline forbids fetching it"
            case .tampered(let p, let dir, let lockFile):
                "the cached files of '\(p)' are not the ones \(lockFile) recorded (its checksum differs): delete '\(dir)' and run `ampu fetch` again"
            case .fetch(let p, let reason): "cannot fetch '\(p)': \(reason)"
            case .registryChanged(let p, let dir, let lockFile):
                "the files of '\(p)' at '\(dir)' in the registry are not the ones \(lockFile) recorded (its checksum differs): run `ampu update -p \(p)` to take them as they are now"
            }
        }
    }

    /// The packages fetched now (those already cached and intact are not).
    @discardableResult
    public static func fetch(_ lock: LockFile, cache: GitCache, offline: Bool,
                             progress: (@Sendable (String) -> Void)? = nil) throws(Failure) -> [String] {
        var fetched: [String] = []
        let fileSystem = LocalFileSystem()
        for package in lock.packages where package.source.hasPrefix("registry+") {
            // In the registry, where the lock says: it must still be there and unchanged.
            guard let directory = package.directory(cacheRoot: nil), fileSystem.isDirectory(directory) else {
                throw .fetch(package: package.name, reason: "version \(package.version) is no longer in the registry at '\(package.source.dropFirst("registry+".count))'")
            }
            if let expected = package.checksum, (try? lock.format.checksum(of: directory, fileSystem: fileSystem)) != expected {
                throw .registryChanged(package: package.name, directory: directory, lockFile: lock.format.fileName)
            }
        }
        for package in lock.packages where package.source.hasPrefix("git+") {
            guard let commit = package.commit else { continue }
            let url = String(package.source.dropFirst(4))
            let directory: String
            do {
                directory = try cache.checkout(of: package.name, commit: commit)
                if !fileSystem.isDirectory(directory) {
                    if offline { throw Failure.missingOffline(package: package.name) }
                    progress?(package.name)
                    try cache.update(package.name, url: url)
                    try cache.materialize(package.name, commit: commit)
                    fetched.append(package.name)
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw .fetch(package: package.name, reason: "\(error)")
            }
            if let expected = package.checksum {
                let actual = try? lock.format.checksum(of: directory, fileSystem: fileSystem)
                if actual != expected { throw .tampered(package: package.name, directory: directory, lockFile: lock.format.fileName) }
            }
        }
        return fetched
    }
}
