#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with an argument vector (never a shell), in a directory, with an environment,
/// for at most `timeout` seconds: its exit status and everything it wrote. A program that
/// outlives its time is killed (SIGTERM, then SIGKILL) with its process group, and so is one
/// whose resident memory passes `memoryLimit` bytes (read from `/proc` every 20 ms; the
/// program's own, not its children's). With `keep`, no more than that many bytes of each
/// stream are kept (the rest is read and counted, so a program that writes without end cannot
/// take this process's memory). Git, compilers and linkers all go through here.
public enum ProcessRunner {
    public struct Result: Sendable, Hashable {
        /// The exit status, or 128 + the signal that ended it.
        public var status: Int32
        /// The signal that ended it, when one did (a crash: SIGSEGV, SIGABRT; or a kill).
        public var signal: Int32? = nil
        public var stdout: [UInt8]
        public var stderr: [UInt8]
        /// Bytes the program wrote past `keep` (a stream cut short ends at the end of a line).
        public var leftOut: Int = 0
        public var timedOut: Bool
        /// Stopped because the `interrupt` descriptor became readable (Ctrl-C).
        public var interrupted: Bool = false
        /// Stopped because its memory passed the limit.
        public var memoryExceeded: Bool = false
        /// It had ended before `whileRunning` returned: how long it ran is not known apart from
        /// that work's time.
        public var endedWhileBusy: Bool = false

        public var succeeded: Bool { status == 0 && !timedOut && !interrupted && !memoryExceeded }
        /// How it ended, in words: `exit status 1`, or `signal 11, SIGSEGV`.
        public var ending: String { signal.map(ProcessRunner.describe(signal:)) ?? "exit status \(status)" }
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// The program's streams `run` passes on as they come.
    public struct Echo: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let standardOutput = Echo(rawValue: 1)
        public static let standardError = Echo(rawValue: 2)
    }

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The program could not be started (not found, not executable).
        case cannotStart(program: String, reason: String)

        public var description: String {
            switch self {
            case .cannotStart(let program, let reason): "cannot run '\(program)': \(reason)"
            }
        }
    }

    /// - Parameters:
    ///   - arguments: the program (a path, or a name looked up in the environment's `PATH`) and its arguments.
    ///   - environment: the whole environment of the child.
    ///   - interrupt: a descriptor that becomes readable when the child must stop at once
    ///     (`Interruption.shared.descriptor`); the child is then ended as on a timeout.
    ///   - whileRunning: called once on this thread as soon as the program has started, before
    ///     anything waits for it: work that can be done while it runs (its output meanwhile
    ///     fills the pipes, which hold 64 KiB before the program waits). It is given a probe
    ///     that tells whether the program has ended (then reaped), for work that can wait for
    ///     the next program rather than keep this one's end waiting.
    ///   - echo: which of what the program writes to pass on to this process's own standard
    ///     output and error as it comes (it is kept all the same).
    ///   - watch: called with each piece of a stream as it is read, kept or not (one of
    ///     `.standardOutput` and `.standardError`, and the bytes).
    public static func run(_ arguments: [String], directory: String? = nil, environment: [String: String],
                           timeout: Double = 600, input: [UInt8] = [], interrupt: Int32? = nil, memoryLimit: Int? = nil, keep keptBytes: Int? = nil,
                           echo: Echo = [], whileRunning: (_ ended: () -> Bool) -> Void = { _ in }, watch: (Echo, ArraySlice<UInt8>) -> Void = { _, _ in }) throws(Failure) -> Result {
        precondition(!arguments.isEmpty)
        // A child that exits without reading its input must not take this process with it.
        _ = Self.ignorePipeSignal
        guard let program = resolve(arguments[0], path: environment["PATH"] ?? "/usr/bin:/bin") else {
            throw .cannotStart(program: arguments[0], reason: "not found on PATH")
        }
        var stdoutPipe: [Int32] = [0, 0], stderrPipe: [Int32] = [0, 0], stdinPipe: [Int32] = [0, 0]
        // Close-on-exec: a child started by another thread at the same moment must not inherit
        // these ends (holding the input's write end open, it would keep this child waiting for
        // the end of its input forever). The child's own copies, made by dup2, stay open.
        // With no input, the child reads `/dev/null` (opened once): the end of its input at
        // once, as from a pipe closed at the other end, for one `pipe` less per program.
        let noInput = input.isEmpty && Self.devNull >= 0
        guard makePipe(&stdoutPipe), makePipe(&stderrPipe), noInput || makePipe(&stdinPipe) else {
            throw .cannotStart(program: program, reason: String(cString: strerror(errno)))
        }
        if noInput { stdinPipe = [Self.devNull, -1] }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        // The pipes' own ends close on exec (`makePipe`): the child keeps only its copies.
        if let directory {
            guard let addChdir = Self.addChdir else { throw .cannotStart(program: program, reason: "this C library cannot start a program in another directory") }
            _ = addChdir(&actions, directory)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so that a timeout ends whatever it started too.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)

        let argv = arguments.enumerated().map { strdup($0.offset == 0 ? program : $0.element) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        // A program that was just written can be busy for a moment: another process started
        // while its file was open for writing holds that descriptor until it execs or ends.
        // The state passes; tried again for up to about a second.
        var busy = 0
        while spawned == ETXTBSY && busy < Self.busyRetries {
            busy += 1
            usleep(20_000)
            spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        }
        if !noInput { close(stdinPipe[0]) }
        close(stdoutPipe[1]); close(stderrPipe[1])
        guard spawned == 0 else {
            if !noInput { close(stdinPipe[1]) }
            close(stdoutPipe[0]); close(stderrPipe[0])
            throw .cannotStart(program: program, reason: String(cString: strerror(spawned)))
        }
        // Standard input is fed as the child reads it, in the same loop that drains its output:
        // written all at once first, a large input and a large output would wait on each other.
        var inputFD: Int32? = stdinPipe[1]
        var written = 0
        if input.isEmpty {
            if !noInput { close(stdinPipe[1]) }
            inputFD = nil
        } else {
            _ = fcntl(stdinPipe[1], F_SETFL, fcntl(stdinPipe[1], F_GETFL) | O_NONBLOCK)
        }

        let deadline = Clock.seconds() + timeout
        var status: Int32 = 0
        var reaped = false
        func ended() -> Bool {
            if !reaped && waitpid(pid, &status, WNOHANG) == pid { reaped = true }
            return reaped
        }
        whileRunning(ended)
        _ = ended()
        var out: [UInt8] = [], err: [UInt8] = []
        var open = [stdoutPipe[0], stderrPipe[0]]
        var timedOut = false
        var interrupted = false
        var memoryExceeded = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        // The program itself has ended (and is reaped).
        var exited = reaped
        var outLeftOut = 0, errLeftOut = 0
        func keep(_ fd: Int32, _ n: Int) {
            let isOut = fd == stdoutPipe[0]
            let kept = min(n, max(0, (keptBytes ?? .max) - (isOut ? out.count : err.count)))
            if isOut { out += buffer[0..<kept]; outLeftOut += n - kept } else { err += buffer[0..<kept]; errLeftOut += n - kept }
            if echo.contains(isOut ? .standardOutput : .standardError) { writeAll(isOut ? 1 : 2, buffer[0..<n]) }
            watch(isOut ? .standardOutput : .standardError, buffer[0..<n])
        }
        func stop() {
            kill(-pid, SIGTERM)
            usleep(200_000)
            kill(-pid, SIGKILL)
        }
        while !open.isEmpty {
            let left = deadline - Clock.seconds()
            if left <= 0 {
                timedOut = true
                stop()
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let fd = inputFD { fds.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
            if let interrupt { fds.append(pollfd(fd: interrupt, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, memoryLimit == nil ? 0.25 : 0.02) * 1000))
            if ready < 0 && errno != EINTR { break }
            // A process the program started may hold its output open after the program ended
            // (a compiler wrapper that leaves a server behind): once the program has ended and
            // a wait passed with nothing to read, what the pipes hold is read, and the run is over.
            if ready == 0 {
                if !exited, waitpid(pid, &status, WNOHANG) == pid { exited = true }
                if exited {
                    for fd in open {
                        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                        while case let n = read(fd, &buffer, buffer.count), n > 0 { keep(fd, n) }
                    }
                    break
                }
            }
            if let memoryLimit, let resident = residentBytes(of: pid), resident > memoryLimit {
                memoryExceeded = true
                stop()
                break
            }
            if let interrupt, fds.contains(where: { $0.fd == interrupt && $0.revents != 0 }) {
                interrupted = true
                stop()
                break
            }
            for f in fds where f.revents != 0 {
                if f.fd == inputFD {
                    let n = input.withUnsafeBytes { write(f.fd, $0.baseAddress! + written, $0.count - written) }
                    if n > 0 { written += n }
                    if n < 0 && errno != EAGAIN || written == input.count {
                        close(f.fd)
                        inputFD = nil
                    }
                    continue
                }
                let n = read(f.fd, &buffer, buffer.count)
                if n > 0 {
                    keep(f.fd, n)
                } else {
                    open.removeAll { $0 == f.fd }
                }
            }
        }
        close(stdoutPipe[0]); close(stderrPipe[0])
        if let fd = inputFD { close(fd) }
        if !exited {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        let exit: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // A stream cut short ends at its last whole line.
        func trim(_ bytes: inout [UInt8], _ leftOut: inout Int) {
            guard leftOut > 0, let end = bytes.lastIndex(of: 0x0A) else { return }
            leftOut += bytes.count - (end + 1)
            bytes.removeSubrange((end + 1)...)
        }
        trim(&out, &outLeftOut)
        trim(&err, &errLeftOut)
        var result = Result(status: exit, stdout: out, stderr: err, timedOut: timedOut, interrupted: interrupted, memoryExceeded: memoryExceeded, endedWhileBusy: reaped)
        if (status & 0x7F) != 0 { result.signal = status & 0x7F }
        result.leftOut = outLeftOut + errLeftOut
        return result
    }

    /// How many times a program whose file is busy (`ETXTBSY`) is tried again, 20 ms apart.
    static let busyRetries = 50

    /// A signal in words: `signal 11, SIGSEGV`.
    public static func describe(signal: Int32) -> String {
        "signal \(signal)" + (signalNames[signal].map { ", " + $0 } ?? "")
    }

    /// The names of the signals a program is most often ended by.
    static let signalNames: [Int32: String] = [
        SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS",
        SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM",
    ]

    /// A running process's resident memory, from `/proc/PID/statm` (its second field, in pages);
    /// nil where there is no `/proc`.
    static func residentBytes(of pid: pid_t) -> Int? {
        let fd = open("/proc/\(pid)/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0 else { return nil }
        let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static let ignorePipeSignal: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Writes every byte, as far as the descriptor takes them (a closed reader ends it).
    static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) {
        var rest = bytes
        while !rest.isEmpty {
            let n = rest.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            rest = rest.dropFirst(n)
        }
    }

    /// `/dev/null` for reading, open for the life of the process (closed on exec: each child
    /// gets its own copy as its standard input); -1 where it cannot be opened.
    private static let devNull: Int32 = open("/dev/null", O_RDONLY | O_CLOEXEC)

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    /// glibc's `pipe2`, which the Swift module does not declare.
    private static let pipe2: Pipe2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: Pipe2.self)
    }()

    /// A pipe whose two ends close on exec: with `pipe2` at once; elsewhere just after.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        if let pipe2 {
            return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, O_CLOEXEC) } == 0
        }
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which the Swift module
    /// does not declare: the child changes directory, not this multithreaded process.
    private static let addChdir: AddChdir? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// A program name looked up in `PATH`, as a plan looks it up (`FileSystem.findProgram`); a
    /// path as it is when it is executable.
    static func resolve(_ program: String, path: String) -> String? {
        if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
        return LocalFileSystem().findProgram(program, searchPath: path)
    }
}
