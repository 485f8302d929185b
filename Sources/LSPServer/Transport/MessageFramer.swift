/// Splits a byte stream into JSON-RPC message bodies framed by `Content-Length` headers.
/// A pure state machine: feed it bytes as they arrive, in chunks of any size, and it returns
/// each complete body (or a framing problem) in order. It does no I/O.
///
/// A header block it cannot use (no valid `Content-Length`, a length above `bodyLimit`, a block
/// longer than `headerLimit`) is reported once and skipped together with whatever body follows
/// it: the framer resynchronises on the next plausible `Content-Length:` and goes on, so one
/// broken message never costs the ones after it. Every byte is looked at a bounded number of
/// times, however the input is split.
public struct MessageFramer: Sendable {
    public enum Event: Hashable, Sendable {
        case message([UInt8])
        /// A header block that cannot be used; the framer skips it and goes on.
        case invalidHeader(String)
    }

    private enum State: Sendable {
        case header
        case body(length: Int)
        /// After a rejected header block: skipping to the next `Content-Length:`.
        case seeking
    }

    private var state = State.header
    private var buffer: [UInt8] = []
    /// Where the scan for the blank line ending the header block (or for the next
    /// `Content-Length:` while seeking) resumes.
    private var scanFrom = 0
    /// Headers longer than this are refused (a client never sends them; garbage might).
    public static let headerLimit = 8 * 1024
    /// The largest body accepted: 64 MiB. A larger declared length is refused before anything
    /// of it is buffered.
    public static let bodyLimit = 64 * 1024 * 1024

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
                        start += 1
                        scanFrom = start
                        state = .seeking
                        continue loop
                    }
                    // Resume where a split "\r\n\r\n" could still begin.
                    scanFrom = max(start, buffer.count - 3)
                    break loop
                }
                switch Self.contentLength(buffer[start..<end]) {
                case .success(let length):
                    start = end + 4
                    scanFrom = start
                    state = .body(length: length)
                case .failure(let problem):
                    events.append(.invalidHeader(problem.text))
                    // The next message may begin inside this block when its line breaks were
                    // wrong (LF only); a Content-Length that starts one of its own lines is
                    // part of the broken block and is skipped with it.
                    if let next = nextContentLength(from: start + 1, to: end, skippingLineStarts: true) {
                        start = next
                        scanFrom = next
                    } else {
                        start = end + 4
                        scanFrom = start
                        state = .seeking
                    }
                }
            case .body(let length):
                guard buffer.count - start >= length else { break loop }
                events.append(.message(Array(buffer[start..<start + length])))
                start += length
                scanFrom = start
                state = .header
            case .seeking:
                if let next = nextContentLength(from: max(start, scanFrom), to: buffer.count, skippingLineStarts: false) {
                    start = next
                    scanFrom = next
                    state = .header
                    continue loop
                }
                // Keep only a tail that could still be the beginning of the name.
                start = max(start, buffer.count - (Self.name.count - 1))
                scanFrom = start
                break loop
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

    private static let name = Array("content-length:".utf8)

    /// Where the next `Content-Length:` (any case) starts, wholly before `to`. With
    /// `skippingLineStarts`, one right after a `\r\n` does not count.
    private func nextContentLength(from: Int, to: Int, skippingLineStarts: Bool) -> Int? {
        let name = Self.name
        var i = from
        while i + name.count <= to {
            var k = 0
            while k < name.count && Self.lowercased(buffer[i + k]) == name[k] { k += 1 }
            if k == name.count && !(skippingLineStarts && i >= 2 && buffer[i - 2] == 0x0D && buffer[i - 1] == 0x0A) {
                return i
            }
            i += 1
        }
        return nil
    }

    private static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }

    private static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    struct Problem: Error { var text: String }

    /// `Content-Length: N` out of a header block (names are case-insensitive; other headers,
    /// such as `Content-Type`, are allowed and ignored). The value is decimal digits only, at
    /// most `bodyLimit`; a repeated Content-Length must agree.
    static func contentLength(_ header: ArraySlice<UInt8>) -> Result<Int, Problem> {
        if header.contains(0) { return .failure(Problem(text: "header block contains a NUL byte")) }
        let text = String(decoding: header, as: UTF8.self)
        var length: Int?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(Problem(text: "header line without ':': '\(line.prefix(80))'"))
            }
            let rawName = line[..<colon]
            // A header name is an HTTP token (RFC 9110): garbage before a colon is no header.
            guard !rawName.isEmpty, rawName.utf8.allSatisfy(isTokenByte) else {
                return .failure(Problem(text: "malformed header name '\(rawName.prefix(40))'"))
            }
            let name = rawName.lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            guard name == "content-length" else { continue }
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(value) ?? (value.utf8.count > 18 ? Int.max : nil) else {
                return .failure(Problem(text: "invalid Content-Length '\(value.prefix(40))': expected a decimal number of bytes"))
            }
            guard n <= bodyLimit else {
                return .failure(Problem(text: "Content-Length \(value.prefix(40)) is above the limit of \(bodyLimit) bytes (64 MiB)"))
            }
            if let length, length != n {
                return .failure(Problem(text: "conflicting Content-Length headers: \(length) and \(n)"))
            }
            length = n
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
