import Testing
@testable import BuildModel

@Suite("gitignore patterns")
struct GitIgnoreTests {
    static let text = """
        # build output
        /build/
        *.tmp
        gen/**/*.aria
        !gen/keep.aria
        docs/
        \\#literal
        trailing.aria   \n
        vendor/**
        """

    @Test("what a .gitignore ignores, as git reads it", arguments: [
        ("build", true, true), ("build", false, false), ("src/build", true, false),
        ("a.tmp", false, true), ("src/deep/a.tmp", false, true),
        ("gen/x/y.aria", false, true), ("gen/keep.aria", false, false), ("src/gen/x.aria", false, false),
        ("docs", true, true), ("src/docs", true, true), ("docs", false, false),
        ("#literal", false, true), ("trailing.aria", false, true), ("main.aria", false, false),
        // `vendor/**` is what is inside vendor, not vendor itself: a file of that name stays.
        ("vendor/x.aria", false, true), ("vendor/a/b", true, true), ("vendor", false, false), ("vendor", true, false),
    ])
    func ignores(_ path: String, _ isDirectory: Bool, _ expected: Bool) {
        #expect(GitIgnore(Self.text).ignores(path, isDirectory: isDirectory) == expected)
    }

    @Test("a file in an ignored directory is ignored; a glob's walk leaves ignored files and directories out")
    func walk() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/p", files: [
            "/p/src/a.aria": "", "/p/src/b.tmp.aria": "", "/p/docs/d.aria": "", "/p/build/out.aria": "", "/p/src/build/kept.aria": "",
        ])
        let ignore = GitIgnore("/build/\ndocs/\n*.tmp.aria\n")
        #expect(ignore.ignoresAnyPart(of: "docs/d.aria"))
        #expect(!ignore.ignoresAnyPart(of: "src/build/kept.aria"))
        #expect(Glob("**/*.aria").files(in: "/p", fileSystem: fs, ignoring: ignore) == ["src/a.aria", "src/build/kept.aria"])
        #expect(Glob("**/*.aria").files(in: "/p", fileSystem: fs) == ["build/out.aria", "docs/d.aria", "src/a.aria", "src/b.tmp.aria", "src/build/kept.aria"])
        #expect(Glob("docs/d.aria").files(in: "/p", fileSystem: fs, ignoring: ignore) == [])
        #expect(Glob("docs/*.aria").files(in: "/p", fileSystem: fs, ignoring: ignore) == [])
    }
}
