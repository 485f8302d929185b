import BuildModel
import LSPServer
import Testing

@Suite("Content-Length framing")
struct MessageFramerTests {
    let first = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"text":"é ✓"}}"#
    let second = #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#

    var stream: [UInt8] {
        MessageFramer.frame(Array(first.utf8)) + Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".utf8).prefix(0)
            + Array("Content-Length: \(second.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n\(second)".utf8)
    }

    @Test("two messages split at every byte boundary come out whole and in order")
    func everySplit() {
        let bytes = stream
        for cut in 0...bytes.count {
            var framer = MessageFramer()
            let events = framer.feed(bytes[0..<cut]) + framer.feed(bytes[cut...])
            #expect(events == [.message(Array(first.utf8)), .message(Array(second.utf8))], "split at \(cut)")
            #expect(framer.bufferedCount == 0)
        }
    }

    @Test("one byte at a time")
    func byteByByte() {
        var framer = MessageFramer()
        var events: [MessageFramer.Event] = []
        for b in stream { events += framer.feed([b]) }
        #expect(events == [.message(Array(first.utf8)), .message(Array(second.utf8))])
    }

    @Test("several messages in one read, and a partial one kept for the next")
    func severalInOneRead() {
        var framer = MessageFramer()
        let third = MessageFramer.frame(Array("{}".utf8))
        #expect(framer.feed(stream + third.prefix(5)) == [.message(Array(first.utf8)), .message(Array(second.utf8))])
        #expect(framer.feed(third.dropFirst(5)) == [.message(Array("{}".utf8))])
    }

    @Test("a header without Content-Length is reported and skipped; the next message still arrives")
    func badHeader() {
        var framer = MessageFramer()
        let input = Array("Content-Type: text/plain\r\n\r\n".utf8) + Array("Content-Length: x1\r\n\r\n".utf8) + MessageFramer.frame(Array("[]".utf8))
        #expect(framer.feed(input) == [
            .invalidHeader("header block without Content-Length"),
            .invalidHeader("invalid Content-Length 'x1': expected a decimal number of bytes"),
            .message(Array("[]".utf8)),
        ])
    }

    @Test("header names are case-insensitive")
    func caseInsensitive() {
        var framer = MessageFramer()
        #expect(framer.feed(Array("content-length:2\r\n\r\n{}".utf8)) == [.message(Array("{}".utf8))])
    }

    /// After each broken header block (and the body it announced, if any) comes one good
    /// message: the framer reports the block once and then delivers the good one.
    @Test("every kind of broken header is reported once and the next message still arrives", arguments: [
        ("Content-Type: text/plain\r\n\r\n{\"id\":1}", "header block without Content-Length"),
        ("Content-Length: -5\r\n\r\n{\"id\":1}", "invalid Content-Length '-5': expected a decimal number of bytes"),
        ("Content-Length: abc\r\n\r\n{\"id\":1}", "invalid Content-Length 'abc': expected a decimal number of bytes"),
        ("Content-Length: 0x10\r\n\r\n{\"id\":1}", "invalid Content-Length '0x10': expected a decimal number of bytes"),
        ("Content-Length: +8\r\n\r\n{\"id\":1}", "invalid Content-Length '+8': expected a decimal number of bytes"),
        ("Content-Length: \r\n\r\n{\"id\":1}", "invalid Content-Length '': expected a decimal number of bytes"),
        ("Content-Length: 18446744073709551616\r\n\r\n{\"id\":1}", "Content-Length 18446744073709551616 is above the limit of 67108864 bytes (64 MiB)"),
        ("Content-Length: 1000000000000\r\n\r\n{\"id\":1}", "Content-Length 1000000000000 is above the limit of 67108864 bytes (64 MiB)"),
        ("Content-Length: 8\r\nContent-Length: 9\r\n\r\n{\"id\":1}", "conflicting Content-Length headers: 8 and 9"),
        ("Content-Length: 8\n\n{\"id\":1}", "invalid Content-Length '8\n\n{\"id\":1}Content-Length: 2': expected a decimal number of bytes"),
        ("Content-Length 8\r\n\r\n{\"id\":1}", "header line without ':': 'Content-Length 8'"),
        ("\r\n\r\n", "header block without Content-Length"),
        ("Content-Length: 8\u{0}\r\n\r\n{\"id\":1}", "header block contains a NUL byte"),
        ("Cont\u{0}ent-Length: 8\r\n\r\n{\"id\":1}", "header block contains a NUL byte"),
        ("Content-Length: 8\r\n\"junk\": 1\r\n\r\n{\"id\":1}", "malformed header name '\"junk\"'"),
        ("Content-Length : 8\r\n\r\n{\"id\":1}", "malformed header name 'Content-Length '"),
    ])
    func resynchronises(broken: String, problem: String) {
        let input = Array(broken.utf8) + MessageFramer.frame(Array("{}".utf8))
        let expected: [MessageFramer.Event] = [.invalidHeader(problem), .message(Array("{}".utf8))]
        var whole = MessageFramer()
        #expect(whole.feed(input) == expected)
        #expect(whole.bufferedCount == 0)
        var bytewise = MessageFramer()
        var events: [MessageFramer.Event] = []
        for b in input { events += bytewise.feed([b]) }
        #expect(events == expected, "fed one byte at a time")
    }

    @Test("a header block over the limit is dropped without buffering the stream, and the next message arrives")
    func endlessHeader() {
        var framer = MessageFramer()
        var events: [MessageFramer.Event] = []
        for _ in 0..<100 { events += framer.feed(Array(repeating: UInt8(ascii: "x"), count: 1000)) }
        #expect(framer.bufferedCount < 64)
        events += framer.feed(MessageFramer.frame(Array("{}".utf8)))
        #expect(events == [.invalidHeader("header block longer than 8192 bytes"), .message(Array("{}".utf8))])
    }

    @Test("a declared length above the limit is refused before its body is buffered")
    func hugeLength() {
        var framer = MessageFramer()
        var events = framer.feed(Array("Content-Length: 1000000000000\r\n\r\n".utf8))
        for _ in 0..<1000 { events += framer.feed(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
        #expect(framer.bufferedCount < 64)
        events += framer.feed(MessageFramer.frame(Array("[1]".utf8)))
        #expect(events == [
            .invalidHeader("Content-Length 1000000000000 is above the limit of 67108864 bytes (64 MiB)"),
            .message(Array("[1]".utf8)),
        ])
    }

    @Test("a Content-Length repeated with the same value is accepted")
    func agreeingDuplicates() {
        var framer = MessageFramer()
        #expect(framer.feed(Array("Content-Length: 2\r\ncontent-length: 2\r\n\r\n{}".utf8)) == [.message(Array("{}".utf8))])
    }
}
