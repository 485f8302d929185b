import Testing
@testable import BuildModel

@Suite("Paths")
struct PathsTests {
    @Test("normalize", arguments: [
        ("/a/./b//c/../d", "/a/b/d"), ("a/../../b", "../b"), ("/../x", "/x"), ("", "."), ("./", "."), ("/", "/"),
    ])
    func normalize(input: String, expected: String) {
        #expect(Paths.normalize(input) == expected)
    }

    @Test("join, parent, components")
    func parts() {
        #expect(Paths.join("/w/p", "src/../lib/x.ast") == "/w/p/lib/x.ast")
        #expect(Paths.join("/w/p", "/abs") == "/abs")
        #expect(Paths.parent("/w/p/x.ast") == "/w/p")
        #expect(Paths.parent("/x") == "/")
        #expect(Paths.parent("x") == ".")
        #expect(Paths.lastComponent("/w/p/x.ast") == "x.ast")
        #expect(Paths.lastComponent("x.ast") == "x.ast")
        #expect(Paths.lastComponent("/w/p/") == "p")
        #expect(Paths.lastComponent("/w/p/x/..") == "p")
        #expect(Paths.lastComponent("/w/p/.") == "p")
        #expect(Paths.lastComponent("/") == "")
        #expect(Paths.fileExtension("/w/p.d/x") == "")
        #expect(Paths.fileExtension("/w/p/x.ast/") == "ast")
        #expect(Paths.stem("/w/p/x.tar.gz") == "x.tar")
        #expect(Paths.fileExtension("/w/p/x.ast") == "ast")
        #expect(Paths.fileExtension("/w/.hidden") == "")
    }

    @Test("containment and relative paths")
    func relation() {
        #expect(Paths.isWithin("/w/p/src/a", "/w/p"))
        #expect(!Paths.isWithin("/w/pq", "/w/p"))
        #expect(Paths.isWithin("/w/p", "/w/p"))
        #expect(Paths.relative("/w/p/src/a.ast", from: "/w/p") == "src/a.ast")
        #expect(Paths.relative("/w/q/b", from: "/w/p/src") == "../../q/b")
        #expect(Paths.relative("/w/p", from: "/w/p") == ".")
        #expect(Paths.relative("/w/pq/a", from: "/w/p") == "../pq/a")
        #expect(Paths.relative("/w/p/", from: "/w/p/") == ".")
        #expect(Paths.relative("/w/p/./x/../y", from: "/w/p") == "y")
        #expect(Paths.relative("/a", from: "/") == "a")
    }

    @Test("a path is shown relative when that is short and says where it is, else absolute")
    func shown() {
        #expect(Paths.display("/w/p/src/a.asthra", from: "/w/p") == "src/a.asthra")
        #expect(Paths.display("/w/q/b.asthra", from: "/w/p/src") == "../../q/b.asthra")
        #expect(Paths.display("/w/a/b/c/d.asthra", from: "/w/p/q/r") == "../../../a/b/c/d.asthra")
        // Four directories up: absolute.
        #expect(Paths.display("/w/a/d.asthra", from: "/w/p/q/r/s") == "/w/a/d.asthra")
        // Nothing shared below `/` (a package cache beside a project in /tmp): absolute.
        #expect(Paths.display("/home/me/.elm/0.19.1/packages/elm/core/1.0.5/src/List.elm", from: "/tmp/t/app")
            == "/home/me/.elm/0.19.1/packages/elm/core/1.0.5/src/List.elm")
        #expect(Paths.display("/a/b", from: "/") == "a/b")
        #expect(Paths.display("relative/x", from: "/w") == "relative/x")
    }

    @Test("names sort in the C locale's order: by their UTF-8 bytes, a prefix first")
    func byteOrder() {
        let names = ["b", "a.rk", "a/b.rk", "", "B", "é", "a", "z", "ab", "a-b"]
        #expect(names.sorted(by: Paths.precedes) == ["", "B", "a", "a-b", "a.rk", "a/b.rk", "ab", "b", "z", "é"])
        #expect(!Paths.precedes("same", "same"))
        // Longer than a small string's inline storage, different only at the end.
        #expect(Paths.precedes("/a/long/path/to/some/module/m0001.asthra", "/a/long/path/to/some/module/m0002.asthra"))
    }

    @Test("sorting by a key gives precedes's order: keys alike in their first 16 bytes, zero bytes, a prefix first")
    func sortByKey() {
        var items = [
            ("sixteen-bytes-ab-2", 1), ("sixteen-bytes-ab-1", 2), ("sixteen-bytes-ab", 3), ("sixteen-bytes-aa", 4),
            ("a\u{0}b", 5), ("a\u{0}", 6), ("a", 7), ("é", 8), ("e\u{301}", 9), ("Z", 10), ("", 11),
        ]
        let expected = items.sorted { Paths.precedes($0.0, $1.0) }.map(\.1)
        Paths.sortBytewise(&items) { $0.0 }
        #expect(items.map(\.1) == expected)
        #expect(expected == [11, 10, 7, 6, 5, 9, 4, 3, 2, 1, 8])
    }
}
