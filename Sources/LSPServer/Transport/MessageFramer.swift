/// Splits a byte stream into JSON-RPC message bodies framed by `Content-Length` headers.
/// A pure state machine: feed it bytes as they arrive, in chunks of any size, and it returns
/// each complete body (or a framing problem) in order. It does no I/O.
public struct MessageFramer: Sendable {
    public enum Event: Hashable, Sendable {
        case message([UInt8])
        /// A header block that cannot be used; the framer skips it and goes on.
        case invalidHeader(String)
    }

    private enum State: Sendable {
        case header
        case body(length: Int)
    }

    private var state = State.header
    private var buffer: [UInt8] = []
    /// Where the scan for the blank line ending the header block resumes.
    private var scanFrom = 0
    /// Headers longer than this are refused (a client never sends them; garbage might).
    public static let headerLimit = 8 * 1024

    public init() {}

    /// Bytes buffered and not yet part of a returned event.
    public var bufferedCount: Int { buffer.count }

    public mutating func feed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [Event] {
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        var start = 0
        loop: while true {
            switch state {
            case .header:
                guard let end = headerEnd(from: max(start, scanFrom)) else {
                    if buffer.count - start > Self.headerLimit {
                        events.append(.invalidHeader("header block longer than \(Self.headerLimit) bytes"))
                        start = buffer.count
                    }
                    // Resume where a split "\r\n\r\n" could still begin.
                    scanFrom = max(start, buffer.count - 3)
                    break loop
                }
                let header = buffer[start..<end]
                start = end + 4
                scanFrom = start
                switch Self.contentLength(header) {
                case .success(let length): state = .body(length: length)
                case .failure(let problem): events.append(.invalidHeader(problem.text))
                }
            case .body(let length):
                guard buffer.count - start >= length else { break loop }
                events.append(.message(Array(buffer[start..<start + length])))
                start += length
                scanFrom = start
                state = .header
            }
        }
        if start > 0 {
            buffer.removeFirst(start)
            scanFrom = max(0, scanFrom - start)
        }
        return events
    }

    /// The offset of `\r\n\r\n` at or after `from`.
    private func headerEnd(from: Int) -> Int? {
        var i = from
        while i + 3 < buffer.count {
            if buffer[i] == 0x0D && buffer[i + 1] == 0x0A && buffer[i + 2] == 0x0D && buffer[i + 3] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    struct Problem: Error { var text: String }

    /// `Content-Length: N` out of a header block (names are case-insensitive; other headers,
    /// such as `Content-Type`, are allowed and ignored).
    static func contentLength(_ header: ArraySlice<UInt8>) -> Result<Int, Problem> {
        let text = String(decoding: header, as: UTF8.self)
        var length: Int?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(Problem(text: "header line without ':': '\(line)'"))
            }
            let name = line[..<colon].trimmingCharacters(in: " \t").lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            if name == "content-length" {
                guard let n = Int(value), n >= 0 else { return .failure(Problem(text: "invalid Content-Length '\(value)'")) }
                length = n
            }
        }
        guard let length else { return .failure(Problem(text: "header block without Content-Length")) }
        return .success(length)
    }

    /// The header and body of one outgoing message.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
