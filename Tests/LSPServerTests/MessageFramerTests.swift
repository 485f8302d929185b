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
            .invalidHeader("invalid Content-Length 'x1'"),
            .message(Array("[]".utf8)),
        ])
    }

    @Test("header names are case-insensitive")
    func caseInsensitive() {
        var framer = MessageFramer()
        #expect(framer.feed(Array("content-length:2\r\n\r\n{}".utf8)) == [.message(Array("{}".utf8))])
    }
}
