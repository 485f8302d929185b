import Testing
@testable import BuildModel

@Suite("a program's redrawn lines, settled for output that is not a terminal")
struct RedrawnLinesTests {
    /// `RedrawnLines` over `chunks`, as a pipe delivers them, then its end.
    func settle(_ chunks: [String]) -> String {
        var lines = RedrawnLines()
        var out: [UInt8] = []
        for chunk in chunks { out += lines.feed(Array(chunk.utf8)[...]) }
        out += lines.finish()
        return String(decoding: out, as: UTF8.self)
    }

    @Test("elm's progress (its bytes when its output is a pipe): each line as it ends up on a terminal")
    func elmProgress() {
        let elm = "\rVerifying dependencies (0/7)\rVerifying dependencies (7/7)\r                            \rDependencies ready!\n"
            + "Compiling ...\rCompiling (1)\rCompiling (5)\rSuccess! Compiled 5 modules.\n\n    Main ───> index.html\n\n"
        #expect(settle([elm]) == "Dependencies ready!\nSuccess! Compiled 5 modules.\n\n    Main ───> index.html\n\n")
    }

    @Test("a line split across reads, even between a carriage return and what follows it, is settled whole")
    func splitReads() {
        #expect(settle(["Compiling (1)", "\r", "Compi", "ling (2)\r      ", "       \rDone.\n", "next"]) == "Done.\nnext")
    }

    @Test("what a shorter redraw does not cover stays, as on a terminal; the spaces that clear it go")
    func overwriting() {
        #expect(settle(["Compiling (5)\rDone\n"]) == "Doneiling (5)\n")
        #expect(settle(["Compiling (5)\r             \rDone\n"]) == "Done\n")
        #expect(settle(["ab\r\n"]) == "ab\n")
        #expect(settle(["\r\n"]) == "\n")
    }

    @Test("a line without a carriage return passes byte for byte: spaces at its end, bytes that are not UTF-8")
    func untouched() {
        var lines = RedrawnLines()
        let bytes: [UInt8] = Array("trailing  \n".utf8) + [0xFF, 0xFE, 0x0A] + Array("no end ".utf8)
        #expect(lines.feed(bytes[...]) + lines.finish() == bytes)
    }

    @Test("nothing written: nothing passed on")
    func empty() {
        #expect(settle([]) == "")
        #expect(settle(["", ""]) == "")
    }
}
