#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during a build, seen by every thread at once: the signal handler
/// writes a byte to a pipe that is never read, so the read end stays readable for every
/// `poll` that watches it. `ProcessRunner` watches it to stop its child; the scheduler asks it
/// before it starts anything new, through a flag the handler sets as well (a load, where a
/// `poll` would be a system call before every program a build starts).
public final class Interruption: Sendable {
    /// The read end every waiter polls.
    public let descriptor: Int32
    private let writeEnd: Int32
    /// Set when it is raised, never cleared (as the pipe is never read).
    private let raised = Atomic<Bool>(false)

    /// Installs the handlers (once per process) and returns the shared instance. The signals are
    /// unblocked in the calling thread: a parent may start ampu with them blocked (a child started
    /// from a thread of Swift's concurrency pool inherits such a mask), and a signal that no
    /// thread takes never reaches its handler.
    public static let shared: Interruption = {
        let shared = Interruption()
        // Set before a handler can run: a signal handler must not be the first to use it.
        signalled = shared
        signal(SIGINT, interruptionHandler)
        signal(SIGTERM, interruptionHandler)
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        return shared
    }()

    /// One that no signal raises (`shared` is the one they do): for tests.
    init() {
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        descriptor = fds[0]
        writeEnd = fds[1]
    }

    /// Whether it was raised.
    public var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Raises it: from the signal handler, or from inside the program (a build that must stop).
    /// Only what a signal handler may do: an atomic store and a `write`.
    public func raise() {
        raised.store(true, ordering: .relaxed)
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }
}

/// The instance the handler raises (`Interruption.shared`).
nonisolated(unsafe) private var signalled: Interruption?

private func interruptionHandler(_ signal: Int32) {
    signalled?.raise()
}
