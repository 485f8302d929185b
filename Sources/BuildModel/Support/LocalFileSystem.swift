#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine's own file system, through POSIX calls.
public struct LocalFileSystem: FileSystem {
    public let currentDirectory: String

    public init(currentDirectory: String? = nil) {
        if let dir = currentDirectory {
            self.currentDirectory = Paths.normalize(dir)
        } else {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count) != nil
                ? String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "/"
            self.currentDirectory = cwd
        }
    }

    public func status(_ path: String) -> FileStatus? { fileStatus(absolute(path), follow: true) }

    public func linkStatus(_ path: String) -> FileStatus? { fileStatus(absolute(path), follow: false) }

    /// An absolute path given as bytes is statted with no `String` made (relative ones go the
    /// usual way).
    public func status(pathBytes path: ArraySlice<UInt8>) -> FileStatus? {
        guard path.first == 0x2F, !path.contains(0) else { return status(String(decoding: path, as: UTF8.self)) }
        var st = stat()
        let rc = withUnsafeTemporaryAllocation(of: CChar.self, capacity: path.count + 1) { buffer -> Int32 in
            for (i, b) in path.enumerated() { buffer[i] = CChar(bitPattern: b) }
            buffer[path.count] = 0
            return stat(buffer.baseAddress!, &st)
        }
        guard rc == 0 else { return nil }
        return Self.fileStatus(st)
    }

    /// Each file is statted by its name relative to its directory, opened once for the files
    /// next to each other in it: the kernel walks a path's components once per directory
    /// instead of once per file.
    public func statuses(pathBytes paths: ArraySlice<ArraySlice<UInt8>>) -> [FileStatus?] {
        var out: [FileStatus?] = []
        out.reserveCapacity(paths.count)
        var directory: ArraySlice<UInt8> = []
        var fd: Int32 = -1
        defer { if fd >= 0 { close(fd) } }
        for path in paths {
            guard path.first == 0x2F, !path.contains(0), let slash = path.lastIndex(of: 0x2F), slash > path.startIndex else {
                out.append(status(pathBytes: path))
                continue
            }
            let dir = path[..<slash]
            if !dir.elementsEqual(directory) {
                if fd >= 0 { close(fd) }
                directory = dir
                fd = withUnsafeTemporaryAllocation(of: CChar.self, capacity: dir.count + 1) { buffer in
                    for (i, b) in dir.enumerated() { buffer[i] = CChar(bitPattern: b) }
                    buffer[dir.count] = 0
                    return open(buffer.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                }
            }
            guard fd >= 0 else {
                out.append(status(pathBytes: path))
                continue
            }
            let name = path[(slash + 1)...]
            var st = stat()
            let rc = withUnsafeTemporaryAllocation(of: CChar.self, capacity: name.count + 1) { buffer -> Int32 in
                for (i, b) in name.enumerated() { buffer[i] = CChar(bitPattern: b) }
                buffer[name.count] = 0
                return fstatat(fd, buffer.baseAddress!, &st, 0)
            }
            out.append(rc == 0 ? Self.fileStatus(st) : nil)
        }
        return out
    }

    private func fileStatus(_ path: String, follow: Bool) -> FileStatus? {
        var st = stat()
        let rc = follow ? stat(path, &st) : lstat(path, &st)
        guard rc == 0 else { return nil }
        return Self.fileStatus(st)
    }

    private static func fileStatus(_ st: stat) -> FileStatus? {
        let kind: FileKind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        return FileStatus(
            kind: kind, size: Int(st.st_size), modificationTime: mtime,
            identity: FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)), isExecutable: st.st_mode & 0o111 != 0)
    }

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        try readFileAndStatus(path).bytes
    }

    /// The status is the open file's (`fstat`), taken before it is read: no second lookup of
    /// the path, and the time belongs to the bytes read even if the file is replaced meanwhile.
    public func readFileAndStatus(_ path: String) throws(FileSystemError) -> (bytes: [UInt8], status: FileStatus?) {
        let path = absolute(path)
        // Opened without blocking, so that a FIFO with no writer cannot hang the open; only
        // regular files are read (standard input has `readStandardInput`).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { throw Self.error(errno, "read", path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Self.error(errno, "read", path) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isADirectory(path)
        default: throw .notARegularFile(path)
        }
        // O_NONBLOCK does nothing to reads of a regular file; it stays.
        return (try Self.readAll(fd, size: Int(st.st_size), path: path), Self.fileStatus(st))
    }

    /// Everything on standard input, until its end (a pipe, a terminal or a file).
    public static func readStandardInput() throws(FileSystemError) -> [UInt8] {
        try readAll(STDIN_FILENO, size: 0, path: "<stdin>")
    }

    private static func readAll(_ fd: Int32, size: Int, path: String) throws(FileSystemError) -> [UInt8] {
        // Read straight into the array, growing it only when the file is larger than stat said
        // (files can grow while being read; /dev/stdin and pipes report 0). One byte more than
        // stat said, so that the first read finds the end; no more, as the array keeps its
        // capacity: a workspace holds its ten thousand sources of a kilobyte or two each.
        var result: [UInt8] = []
        var capacity = size > 0 ? size + 1 : 4096
        while true {
            var count = result.count
            var failure: FileSystemError?
            var reachedEnd = false
            let old = result
            result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                old.withUnsafeBufferPointer { if let src = $0.baseAddress { _ = memcpy(buffer.baseAddress!, src, $0.count) } }
                while count < capacity {
                    let n = read(fd, buffer.baseAddress! + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = Self.error(errno, "read", path)
                        break
                    }
                    if n == 0 { reachedEnd = true; break }
                    count += n
                }
                initialized = count
            }
            if let failure { throw failure }
            if reachedEnd { break }
            capacity *= 2
        }
        return result
    }


    /// In place, with no temporary file and rename: renames into one directory from several
    /// threads wait on each other in the kernel. A record that a crash cuts short is told by
    /// its missing last line (each format has one) and read as absent.
    public func writeRecord(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        try write(path, bytes, flags: O_TRUNC, operation: "write")
    }

    public func appendFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        try write(path, bytes, flags: O_APPEND, operation: "append to")
    }

    /// Opens the file for writing (made when missing) with `flags` and writes every byte.
    private func write(_ path: String, _ bytes: [UInt8], flags: Int32, operation: String) throws(FileSystemError) {
        let path = absolute(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o644)
        if fd < 0 { throw Self.creationError(errno, operation, path) }
        defer { close(fd) }
        if let failure = Self.writeAll(fd, bytes, path: path) { throw failure }
    }

    /// Writes every byte to `fd` (retrying short writes and interruptions); the error, if any.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) -> FileSystemError? {
        var failure: FileSystemError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = error(errno, "write", path)
                    return
                }
                offset += n
            }
        }
        return failure
    }

    /// Atomically: written beside the file under a temporary name, then renamed over it. A
    /// symbolic link is written through, as an editor does: the file it leads to is replaced,
    /// and the link stays a link.
    public func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        let named = absolute(path)
        var link = stat()
        let path = lstat(named, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK ? (try? realPath(named)) ?? named : named
        let dir = Paths.parent(path)
        let temp = Paths.join(dir, ".\(Paths.lastComponent(path)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        var mode: mode_t = 0o644
        var existing = stat()
        if stat(path, &existing) == 0 { mode = existing.st_mode & 0o7777 }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        // The file the caller named, not the temporary one, is what a message must name.
        if fd < 0 { throw Self.creationError(errno, "write", path) }
        var failure = Self.writeAll(fd, bytes, path: temp)
        if failure == nil && fsync(fd) != 0 { failure = Self.error(errno, "write", temp) }
        close(fd)
        if failure == nil && rename(temp, path) != 0 { failure = Self.error(errno, "replace", path) }
        if let failure {
            unlink(temp)
            throw failure
        }
    }

    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        let path = absolute(path)
        guard let dir = opendir(path) else { throw Self.error(errno, "list", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        Paths.sortBytewise(&names) { $0 }
        return names
    }

    /// readdir's entry types spare a `stat` per entry; only links and unknown types are stat'ed.
    public func directoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)] {
        var entries = try unorderedDirectoryEntries(path)
        Paths.sortBytewise(&entries) { $0.name }
        return entries
    }

    public func unorderedDirectoryEntries(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind)] {
        let path = absolute(path)
        guard let dir = opendir(path) else { throw Self.error(errno, "list", path) }
        defer { closedir(dir) }
        var entries: [(name: String, kind: FileKind)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: FileKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            default: kind = status(path + "/" + name)?.kind ?? .symbolicLink
            }
            entries.append((name, kind))
        }
        return entries
    }

    public func createDirectory(_ path: String) throws(FileSystemError) {
        let path = absolute(path)
        if isDirectory(path) { return }
        let parent = Paths.parent(path)
        if parent != path && !exists(parent) { try createDirectory(parent) }
        if mkdir(path, 0o755) != 0 {
            // Made meanwhile by another process is fine; a file there is not.
            if errno == EEXIST && isDirectory(path) { return }
            throw Self.error(errno == EEXIST ? ENOTDIR : errno, "create directory", path)
        }
    }

    /// Renames a file or directory in one step (`rename(2)`): what makes cache entries and
    /// atomic writes all-or-nothing. Fails when `to` exists and is a directory with contents.
    public func moveItem(_ from: String, _ to: String) throws(FileSystemError) {
        guard rename(absolute(from), absolute(to)) == 0 else { throw Self.error(errno, "rename", from) }
    }

    public func linkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(absolute(path), &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func realPath(_ path: String) throws(FileSystemError) -> String {
        let path = absolute(path)
        guard let resolved = realpath(path, nil) else { throw Self.error(errno, "resolve", path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A file that could not be made: ENOENT there means its directory is missing, and the
    /// message names the directory ("'out/dir' does not exist"), not the file to be written.
    static func creationError(_ code: Int32, _ operation: String, _ path: String) -> FileSystemError {
        code == ENOENT ? .notFound(Paths.parent(path)) : error(code, operation, path)
    }

    static func error(_ code: Int32, _ operation: String, _ path: String) -> FileSystemError {
        switch code {
        case ENOENT: .notFound(path)
        case EACCES, EPERM: .permissionDenied(path)
        case ENOTDIR: .notADirectory(path)
        case EISDIR: .isADirectory(path)
        case ELOOP: .symlinkLoop(path)
        case EEXIST: .alreadyExists(path)
        default: .other(operation: operation, path: path, reason: String(cString: strerror(code)))
        }
    }
}
