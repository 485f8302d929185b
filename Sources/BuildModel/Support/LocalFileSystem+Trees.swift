#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory tree removed or measured by the bytes of its names, each taken relative to its
/// directory's descriptor: a name that is not UTF-8 (a `String` cannot hold it, and decoding it
/// would name another file) goes and counts as any other. A link is taken as itself, never
/// followed.
extension LocalFileSystem {
    public func removeItem(_ path: String) throws(FileSystemError) {
        let path = absolute(path)
        try Self.remove(at: AT_FDCWD, Array(path.utf8CString), shown: path)
    }

    public func treeUsage(_ path: String) -> (files: Int, bytes: Int) {
        Self.usage(at: AT_FDCWD, Array(absolute(path).utf8CString))
    }

    /// Removes `name` (ending in 0) in the directory open as `fd`, and all under it.
    private static func remove(at fd: Int32, _ name: [CChar], shown: String) throws(FileSystemError) {
        var st = stat()
        guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFDIR {
            let directory = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard directory >= 0 else { throw error(errno, "list", shown) }
            defer { close(directory) }
            let listing = names(directory)
            if listing.error != 0 { throw error(listing.error, "list", shown) }
            for entry in listing.names { try remove(at: directory, entry, shown: shown + "/" + decoded(entry)) }
            if unlinkat(fd, name, AT_REMOVEDIR) != 0 { throw error(errno, "remove", shown) }
        } else if unlinkat(fd, name, 0) != 0 && errno != ENOENT {
            throw error(errno, "remove", shown)
        }
    }

    /// The files (links and others, not directories) at and under `name` in the directory open
    /// as `fd`, and their bytes; what cannot be read counts nothing.
    private static func usage(at fd: Int32, _ name: [CChar]) -> (files: Int, bytes: Int) {
        var st = stat()
        guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return (0, 0) }
        guard st.st_mode & S_IFMT == S_IFDIR else { return (1, Int(st.st_size)) }
        let directory = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else { return (0, 0) }
        defer { close(directory) }
        var total = (files: 0, bytes: 0)
        for entry in names(directory).names {
            let (files, bytes) = usage(at: directory, entry)
            total.files += files
            total.bytes += bytes
        }
        return total
    }

    /// The entries of the directory open as `fd` but `.` and `..`, each name's bytes ending in 0,
    /// all read before any is removed; or the error that kept it from being listed (0: none).
    private static func names(_ fd: Int32) -> (names: [[CChar]], error: Int32) {
        let copy = dup(fd)
        guard copy >= 0 else { return ([], errno) }
        guard let dir = fdopendir(copy) else {
            let code = errno
            close(copy)
            return ([], code)
        }
        defer { closedir(dir) }
        var out: [[CChar]] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen($0) + 1)) }
            }
            if name == [46, 0] || name == [46, 46, 0] { continue }
            out.append(name)
        }
        return (out, 0)
    }

    /// A name for a message (a byte that is not UTF-8 shown as U+FFFD).
    private static func decoded(_ name: [CChar]) -> String {
        String(decoding: name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
