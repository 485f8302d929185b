#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time per target directory: an exclusive `flock` on `target/.ampu-lock`, held
/// until the build ends (the kernel lets go when the process does, however it ends).
public final class BuildLock {
    private let descriptor: Int32

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case cannotMake(FileSystemError)
        case cannotOpen(String, reason: String)
        public var description: String {
            switch self {
            case .cannotMake(.notADirectory(let path)):
                "cannot make the build directory: '\(path)' is in the way, and is not a directory\n  = help: remove or rename '\(path)', then build again"
            case .cannotMake(let error): "cannot make the build directory: \(error)"
            case .cannotOpen(let path, let reason): "cannot lock the build directory: '\(path)': \(reason)"
            }
        }
    }

    /// Takes the lock; when another build holds it, calls `waiting` once and waits.
    public init(targetDirectory: String, fileSystem: any FileSystem, waiting: () -> Void) throws(Failure) {
        do throws(FileSystemError) { try fileSystem.createDirectory(targetDirectory) } catch { throw .cannotMake(error) }
        let path = Paths.join(targetDirectory, ".ampu-lock")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
