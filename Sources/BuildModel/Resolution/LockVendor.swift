/// `ampu vendor`: a copy of every git package the lock records inside the project, for builds
/// that must not reach the network or the user's cache. It is laid out as the cache is
/// (`<dir>/<import path>/<commit>/`), so pointing `ASTHRA_CACHE` at it makes `check`, `fetch
/// --offline` and the server read it; path dependencies stay where they are. The directory is
/// made anew beside its place and swapped in whole, and each copy is checked against the
/// lock's checksum.
public enum LockVendor {
    /// The file that marks a directory as ampu's vendor copy (and so safe to replace).
    public static let marker = ".ampu-vendor"

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case notAVendorDirectory(String)
        case fetch(LockFetch.Failure)
        case copy(package: String, reason: String)
        case checksum(package: String)
        case fileSystem(String)

        public var description: String {
            switch self {
            case .notAVendorDirectory(let d):
                "'\(d)' exists and is not a vendor directory ampu wrote (it has no \(LockVendor.marker)); remove it or name another directory"
            case .fetch(let f): "\(f)"
            case .copy(let p, let reason): "cannot copy '\(p)': \(reason)"
            case .checksum(let p): "the vendored files of '\(p)' are not the ones the lock file recorded"
            case .fileSystem(let m): m
            }
        }
    }

    /// Writes `directory` with the lock's git packages; the packages vendored.
    public static func vendor(_ lock: LockFile, cache: GitCache, into directory: String, offline: Bool,
                              progress: (@Sendable (String) -> Void)? = nil) throws(Failure) -> [LockFile.Package] {
        let fileSystem = LocalFileSystem()
        if fileSystem.exists(directory) && !fileSystem.isFile(Paths.join(directory, marker)) {
            throw .notAVendorDirectory(directory)
        }
        // Everything in the cache and as the lock says first: the copies come from there.
        do { try LockFetch.fetch(lock, cache: cache, offline: offline, progress: progress) } catch { throw .fetch(error) }
        let temporary = directory + ".partial-\(UInt32.random(in: 0...UInt32.max))"
        let packages = lock.packages.filter { $0.source.hasPrefix("git+") && $0.commit != nil }
        do throws(Failure) {
            do { try fileSystem.createDirectory(temporary) } catch { throw .fileSystem("\(error)") }
            for package in packages {
                let copy: String
                do { copy = try cache.materialize(package.name, commit: package.commit!, into: temporary) } catch {
                    throw .copy(package: package.name, reason: "\(error)")
                }
                if let expected = package.checksum, (try? lock.format.checksum(of: copy, fileSystem: fileSystem)) != expected {
                    throw .checksum(package: package.name)
                }
            }
            do {
                try fileSystem.writeFile(Paths.join(temporary, marker),
                                         "Written by `ampu vendor` from the lock file; `ampu vendor` writes it again. Use it with ASTHRA_CACHE=<this directory>.\n")
            } catch { throw .fileSystem("\(error)") }
        } catch {
            try? fileSystem.removeItem(temporary)
            throw error
        }
        // The new copy in, the old one out.
        do {
            if fileSystem.exists(directory) {
                let old = directory + ".old-\(UInt32.random(in: 0...UInt32.max))"
                try fileSystem.moveItem(directory, old)
                try fileSystem.moveItem(temporary, directory)
                try? fileSystem.removeItem(old)
            } else {
                try fileSystem.moveItem(temporary, directory)
            }
        } catch {
            try? fileSystem.removeItem(temporary)
            throw .fileSystem("\(error)")
        }
        return packages
    }
}
