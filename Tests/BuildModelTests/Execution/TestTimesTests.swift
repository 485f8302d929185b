import Testing
@testable import BuildModel

@Suite("The test programs' times: the record, and the order they start in")
struct TestTimesTests {
    @Test("the record reads back what it wrote, one line a program, sorted by path")
    func record() throws {
        let times = TestTimes(times: ["/w/target/debug/tests/app/smoke": 1_500, "/w/target/debug/tests/a b/slow": 2_000_000])
        #expect(String(decoding: times.bytes, as: UTF8.self) == """
            ampu-test-times 1
            2000000\t/w/target/debug/tests/a b/slow
            1500\t/w/target/debug/tests/app/smoke
            end

            """)
        #expect(TestTimes(bytes: times.bytes) == times)
        let fs = InMemoryFileSystem()
        #expect(TestTimes.read(targetDirectory: "/w/target", fileSystem: fs) == TestTimes())
        try times.write(targetDirectory: "/w/target", fileSystem: fs)
        #expect(try fs.readFile("/w/target/cache/test-times") == times.bytes)
        #expect(TestTimes.read(targetDirectory: "/w/target", fileSystem: fs) == times)
    }

    @Test("a record cut short, of another format, or with a line that does not read knows nothing")
    func damaged() {
        let whole = "ampu-test-times 1\n5\t/w/a\n7\t/w/b\nend\n"
        #expect(TestTimes(bytes: Array(whole.utf8)).times == ["/w/a": 5, "/w/b": 7])
        for text in [
            "ampu-test-times 1\n5\t/w/a\n7\t/w/b\n",
            "ampu-test-times 1\n5\t/w/a\n7\t/w/b\nend",
            "ampu-test-times 2\n5\t/w/a\nend\n",
            "ampu-test-times 1\n5\t/w/a\n-7\t/w/b\nend\n",
            "ampu-test-times 1\n5\t/w/a\nx\t/w/b\nend\n",
            "ampu-test-times 1\n5\t/w/a\n7\nend\n",
            "ampu-test-times 1\n5\t\nend\n",
            "",
        ] {
            #expect(TestTimes(bytes: Array(text.utf8)) == TestTimes(), "\(text)")
        }
    }

    @Test("the longest last time first; one not run before as the median of those known; ties, and nothing known, in the tests' order")
    func order() {
        let times = TestTimes(times: ["/a": 10, "/b": 300, "/c": 10, "/d": 50])
        #expect(times.order(["/a", "/b", "/c", "/d"]) == [1, 3, 0, 2])
        // `/new` takes the median of 10, 10, 300: 10, and stands after `/a` in the tests' order.
        #expect(times.order(["/new", "/a", "/b", "/c"]) == [2, 0, 1, 3])
        #expect(TestTimes().order(["/x", "/y", "/z"]) == [0, 1, 2])
        #expect(times.order([]) == [])
    }

    @Test("an update records the programs that ran, keeps what is known of the others the plan still makes, and leaves out a path no line of the record can hold")
    func update() {
        var times = TestTimes(times: ["/a": 10, "/b": 300])
        times.update(["/a", "/b", "/c", "/tab\there", "/line\nbreak"], ran: [20, nil, 5, 1, 1])
        #expect(times == TestTimes(times: ["/a": 20, "/b": 300, "/c": 5]))
        #expect(TestTimes(bytes: times.bytes) == times)
        // A program the plan no longer makes (a test removed or renamed) is forgotten.
        times.update(["/c"], ran: [7], known: ["/a", "/c"])
        #expect(times == TestTimes(times: ["/a": 20, "/c": 7]))
    }
}
