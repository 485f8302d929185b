#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM during a build, seen by every thread at once: the signal handler
/// writes a byte to a pipe that is never read, so the read end stays readable for every
/// `poll` that watches it. `ProcessRunner` watches it to stop its child; the scheduler asks it
/// before it starts anything new.
public final class Interruption: Sendable {
    /// The read end every waiter polls.
    public let descriptor: Int32

    /// Installs the handlers (once per process) and returns the shared instance. The signals are
    /// unblocked in the calling thread: a parent may start ampu with them blocked (a child started
    /// from a thread of Swift's concurrency pool inherits such a mask), and a signal that no
    /// thread takes never reaches its handler.
    public static let shared: Interruption = {
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        interruptionWriteEnd = fds[1]
        signal(SIGINT, interruptionHandler)
        signal(SIGTERM, interruptionHandler)
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        return Interruption(descriptor: fds[0])
    }()

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Whether a signal has arrived.
    public var isRaised: Bool {
        var fd = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) > 0
    }

    /// Raises it from inside the program (tests, and a build that must stop).
    public func raise() { interruptionHandler(SIGINT) }
}

nonisolated(unsafe) private var interruptionWriteEnd: Int32 = -1

private func interruptionHandler(_ signal: Int32) {
    var byte: UInt8 = 1
    _ = write(interruptionWriteEnd, &byte, 1)
}
