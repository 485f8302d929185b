import Testing
@testable import BuildModel

@Suite("a test program's checks (PASS and FAIL lines)")
struct TestOutputTests {
    @Test("PASS and FAIL lines are checks, after blanks, followed by a colon, a blank or the line's end")
    func checks() {
        let out = TestOutput("PASS: a\n  PASS b\nFAILED to start\nFAIL: c\nPASSWORD\n\tFAIL\tindented\nFAIL\nPASS")
        #expect(out.passed == 3 && out.failed == 3)
        #expect(out.failures == ["FAIL: c", "FAIL\tindented", "FAIL"])
        #expect(out.summary == "3 of 6 checks failed")
        #expect(TestOutput("hello\n").summary == nil)
        #expect(TestOutput("PASS\n").summary == "1 check passed")
        #expect(TestOutput("FAIL\n").summary == "1 of 1 check failed")
    }

    @Test("lines ended by a carriage return and a line feed count as the same lines, the return not kept")
    func carriageReturns() {
        let out = TestOutput("PASS\r\nFAIL: x\r\nFAIL\r\nPASSED\r\n")
        #expect(out.passed == 1 && out.failed == 2)
        #expect(out.failures == ["FAIL: x", "FAIL"])
    }

    @Test("read in pieces cut anywhere, the count and the failures are those of the whole text")
    func pieces() {
        let text = "spam\n  PASS: one\nFAIL: two is a longer line than the rest\nFAI\nL\nPASS\n\nFAIL three\nPAS"
        let whole = TestOutput(text)
        #expect(whole.passed == 2 && whole.failed == 2)
        let bytes = Array(text.utf8)
        for size in 1...bytes.count {
            var out = TestOutput()
            var i = 0
            while i < bytes.count {
                out.read(bytes[i..<min(i + size, bytes.count)])
                i += size
            }
            out.finish()
            #expect(out == whole, "pieces of \(size) bytes")
        }
    }

    @Test("a failed check's line is kept to 200 bytes, and the first 10 of them; all are counted")
    func failuresKept() {
        let long = "FAIL: " + String(repeating: "x", count: 500)
        let text = (0..<15).map { "FAIL: check \($0)\n" }.joined()
        let out = TestOutput(long + "\n" + text)
        #expect(out.failed == 16)
        #expect(out.failures == [String(long.prefix(200))] + (0..<9).map { "FAIL: check \($0)" })
    }

    @Test("a line too long to hold is read past without being held: only its start decides")
    func longLines() {
        var out = TestOutput()
        let chunk = ArraySlice(repeating: UInt8(ascii: "y"), count: 1 << 20)
        out.read(ArraySlice("PASS ".utf8))
        for _ in 0..<8 { out.read(chunk) }
        out.read(ArraySlice("\nFAIL: after\n".utf8))
        out.finish()
        #expect(out.passed == 1 && out.failed == 1 && out.failures == ["FAIL: after"])
    }

    @Test("two streams' checks are added, the failures of the first stream first")
    func twoStreams() {
        let both = TestOutput("PASS\nFAIL: out\n") + TestOutput("FAIL: err\n")
        #expect(both.passed == 1 && both.failed == 2 && both.failures == ["FAIL: out", "FAIL: err"])
    }
}
