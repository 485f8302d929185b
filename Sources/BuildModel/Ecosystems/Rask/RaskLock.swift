/// `rask.lock` as the Rask compiler writes and reads it: a comment, `lockfile-version = 1`,
/// and a `[[package]]` per dependency with `name`, `version`, `source` (`path+DIR` relative to
/// the root, `registry+…`) and `checksum`, which the compiler requires on every entry and
/// compares with the package's files before it builds. ampu writes its `dependencies` key
/// beside them (the compiler's reader passes over keys it does not know), and reads the
/// compiler's own file back.
enum RaskLock {
    /// Git packages are checked out into `$RASK_CACHE`, else `~/.rask/cache` (the seed names no
    /// place: this is ampu's).
    static let format = LockFormat(fileName: "rask.lock", preamble: "# rask.lock — auto-generated, do not edit\nlockfile-version = 1\n",
                                   checksumsPathPackages: true, cacheVariable: "RASK_CACHE", cacheHome: ".rask/cache") { directory, fileSystem throws(FileSystemError) in
        try checksum(of: directory, fileSystem: fileSystem)
    }

    /// `sha256:` as the compiler takes it: the package's `.rk` files except `build.rk`, below
    /// its directory but outside directories named `build` or `vendor` or starting with a dot;
    /// for each, in order of their relative paths compared part by part, the path (with `/`)
    /// and then the file's bytes.
    static func checksum(of directory: String, fileSystem: any FileSystem) throws(FileSystemError) -> String {
        var files: [[String]] = []
        var pending: [[String]] = [[]]
        var seen: Set<String> = []
        while let parts = pending.popLast() {
            let dir = parts.reduce(directory) { Paths.join($0, $1) }
            // A linked directory is followed once: a link back up ends there.
            guard seen.insert((try? fileSystem.realPath(dir)) ?? dir).inserted else { continue }
            for (name, kind) in try fileSystem.directoryEntries(dir) {
                switch kind {
                case .directory where !(name.hasPrefix(".") || name == "build" || name == "vendor"):
                    pending.append(parts + [name])
                case .file where name.hasSuffix(".rk") && name != "build.rk":
                    files.append(parts + [name])
                default:
                    break
                }
            }
        }
        files.sort { a, b in a.lexicographicallyPrecedes(b, by: Paths.precedes) }
        var hash = SHA256()
        for parts in files {
            hash.update(Array(parts.joined(separator: "/").utf8))
            hash.update(try fileSystem.readFile(parts.reduce(directory) { Paths.join($0, $1) }))
        }
        return "sha256:" + SHA256.hex(digest: hash.finish())
    }
}
