#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildModel
import Synchronization

/// Where the server's messages go.
public protocol MessageSink: Sendable {
    func send(_ message: JSONValue)
}

/// The server on standard input and output. At start the real stdout is kept for protocol
/// messages only and file descriptor 1 is pointed at stderr, so that nothing a library prints
/// can corrupt the stream. A thread reads and frames stdin; the server handles messages in order.
public final class StdioTransport: MessageSink {
    private let output: Int32
    /// Whether the client's end of the output is gone (a write failed); then the server stops.
    private let outputClosed = Mutex(false)

    public init() {
        output = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        // A client that closes its end of the pipe must not kill the server with SIGPIPE: the
        // write fails with EPIPE instead, and the server stops cleanly.
        signal(SIGPIPE, SIG_IGN)
    }

    public func send(_ message: JSONValue) {
        guard let body = try? JSON.serialize(message) else { return }
        let framed = MessageFramer.frame(body)
        outputClosed.withLock { closed in
            guard !closed else { return }
            framed.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(output, raw.baseAddress! + offset, raw.count - offset)
                    if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else {
                        Log.error("cannot write to the client (\(n < 0 ? String(cString: strerror(errno)) : "no progress")); stopping")
                        closed = true
                        return
                    }
                }
            }
        }
    }

    private var isOutputClosed: Bool { outputClosed.withLock { $0 } }

    /// Serves until `exit` or the end of input; the process's exit code.
    public func serve(_ makeServer: (any MessageSink, Inbox) -> LanguageServer) async -> Int32 {
        let inbox = Inbox()
        let server = makeServer(self, inbox)
        let (stream, continuation) = AsyncStream<Inbox.Envelope>.makeStream()
        // A thread of its own (not one of the pool the server's tasks run on), blocked in read.
        OwnThread.start("ampu reader") {
            var framer = MessageFramer()
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                for event in framer.feed(chunk[0..<n]) {
                    switch event {
                    case .message(let body):
                        if let envelope = inbox.receive(IncomingMessage.parse(body)) { continuation.yield(envelope) }
                    case .invalidHeader(let why):
                        Log.error("skipped a message with a bad header: \(why)")
                    }
                }
            }
            continuation.finish()
        }
        for await envelope in stream {
            if let code = await server.handle(envelope) { return code }
            if isOutputClosed { return await server.exitCodeAtEndOfInput }
        }
        return await server.exitCodeAtEndOfInput
    }
}

/// Logging to stderr: the editor shows it in its server log.
enum Log {
    static func error(_ text: String) { write("error: " + text) }
    static func info(_ text: String) { write(text) }

    private static func write(_ text: String) {
        let line = Array(("ampu lsp: " + text + "\n").utf8)
        line.withUnsafeBytes { _ = Glibc.write(STDERR_FILENO, $0.baseAddress!, $0.count) }
    }
}
