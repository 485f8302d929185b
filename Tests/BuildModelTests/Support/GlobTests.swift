import Foundation
import Testing
@testable import BuildModel

@Suite("Globs")
struct GlobTests {
    @Test("what a pattern matches", arguments: [
        ("src/*.aria", "src/main.aria", true), ("src/*.aria", "src/a/main.aria", false), ("src/*.aria", "src/main.c", false),
        ("src/**/*.aria", "src/main.aria", true), ("src/**/*.aria", "src/a/b/c.aria", true), ("src/**/*.aria", "lib/a.aria", false),
        ("**", "anything/at/all", true), ("**/x", "x", true), ("a/**/b/**/c", "a/b/c", true), ("a/**/b/**/c", "a/x/b/y/z/c", true),
        ("a/**/b/**/c", "a/x/y/c", false), ("m?.c", "m1.c", true), ("m?.c", "m10.c", false), ("*", "", false), ("lib/*", "lib", false),
        ("file[0-9].aria", "file3.aria", true), ("file[0-9].aria", "fileA.aria", false), ("[!a]*.c", "b.c", true), ("[!a]*.c", "a.c", false),
        ("x[^0-9]", "xa", true), ("x[^0-9]", "x5", false), ("[abc]", "b", true), ("[abc]", "d", false), ("*[xy].c", "max.c", true),
        ("a[.c", "a[.c", true), ("a[.c", "ab.c", false), ("[]x]", "]", true), ("[]x]", "x", true), ("[]x]", "y", false),
        // A trailing `**` is what is inside, as git, Python and bash read it.
        ("src/**", "src", false), ("src/**", "src/a", true), ("src/**", "src/a/b", true), ("**", "a", true), ("**/*.npk", "a.npk", true), ("**/*.npk", "a/b.aria", false),
        ("a/**/b/c", "a/b", false), ("a/**/b/c", "a/b/c", true), ("a/**/b/c", "a/x/b/c", true),
        ("?.aria", "é.aria", true), ("??.aria", "é.aria", false), ("[à-ü]x", "éx", true), ("[à-ü]x", "ax", false), ("*é", "café", true),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    @Test("many ** against a deep path end quickly: each pair of positions is tried once")
    func manyStars() {
        let pattern = Glob(Array(repeating: "**", count: 40).joined(separator: "/") + "/z")
        let path = Array(repeating: "a", count: 200).joined(separator: "/")
        #expect(!pattern.matches(path))
    }

    @Test("files: sorted, through a link to a directory once, never round a link loop")
    func files() throws {
        let fs = LocalFileSystem()
        let root = "/tmp/ampu-glob-\(ProcessInfo.processInfo.processIdentifier)"
        try? fs.removeItem(root)
        defer { try? fs.removeItem(root) }
        for file in ["src/b.aria", "src/a.aria", "src/deep/c.aria", "shared/d.aria", "src/deep/skip.c"] {
            try fs.createDirectory(Paths.parent(root + "/" + file))
            try fs.writeFile(root + "/" + file, "")
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/src/linked", withDestinationPath: root + "/shared")
        try FileManager.default.createSymbolicLink(atPath: root + "/src/deep/up", withDestinationPath: root + "/src")
        #expect(Glob("src/**/*.aria").files(in: root, fileSystem: fs) == ["src/a.aria", "src/b.aria", "src/deep/c.aria", "src/linked/d.aria"])
        #expect(Glob("src/[ab].aria").files(in: root, fileSystem: fs) == ["src/a.aria", "src/b.aria"])
    }

    @Test("files: a link to a directory above where the walk starts (`/`, the project's parent) is not followed")
    func filesNotAbove() throws {
        let fs = InMemoryFileSystem(files: ["/home/p/src/a.aria": "", "/home/p/src/deep/b.aria": "", "/elsewhere/x.aria": "", "/home/q.aria": ""])
        try fs.createSymbolicLink("/home/p/src/deep/root", to: "/")
        try fs.createSymbolicLink("/home/p/src/home", to: "/home")
        #expect(Glob("src/**/*.aria").files(in: "/home/p", fileSystem: fs) == ["src/a.aria", "src/deep/b.aria"])
        #expect(Glob("**/*.aria").files(in: "/home/p", fileSystem: fs) == ["src/a.aria", "src/deep/b.aria"])
    }

    @Test("files with skips: no directory of a skipped name and no other package's directory below the literal start; one the pattern names is read")
    func filesSkipping() throws {
        let fs = InMemoryFileSystem(files: [
            "/p/asthra.toml": "", "/p/csrc/a.c": "", "/p/csrc/deep/b.c": "", "/p/target/debug/gen.c": "", "/p/csrc/target/c.c": "",
            "/p/member/asthra.toml": "", "/p/member/csrc/m.c": "", "/p/vendor/asthra.toml": "", "/p/vendor/v.c": "",
        ])
        let skips = Glob.Skips(directories: ["target"], packageMarkers: ["asthra.toml"])
        #expect(Glob("**/*.c").files(in: "/p", fileSystem: fs) == [
            "csrc/a.c", "csrc/deep/b.c", "csrc/target/c.c", "member/csrc/m.c", "target/debug/gen.c", "vendor/v.c",
        ])
        #expect(Glob("**/*.c").files(in: "/p", fileSystem: fs, skipping: skips) == ["csrc/a.c", "csrc/deep/b.c"])
        #expect(Glob("target/debug/*.c").files(in: "/p", fileSystem: fs, skipping: skips) == ["target/debug/gen.c"])
        #expect(Glob("vendor/*.c").files(in: "/p", fileSystem: fs, skipping: skips) == ["vendor/v.c"])
        #expect(Glob("**/*.cc").correction(in: "/p", fileSystem: fs, skipping: skips) == "**/*.c")
        #expect(Glob("member/csrc/*.cc").correction(in: "/p", fileSystem: fs, skipping: skips) == "member/csrc/*.c")
    }

    @Test("files come out in the byte order of their whole paths: a name with a dot, then its directory, then a digit")
    func filesInPathOrder() throws {
        // The real file system, which lists a directory in no particular order.
        let fs = LocalFileSystem()
        let root = "/tmp/ampu-glob-order-\(ProcessInfo.processInfo.processIdentifier)"
        try? fs.removeItem(root)
        defer { try? fs.removeItem(root) }
        let files = ["a0.aria", "a/z.aria", "a.aria", "a/b/y.aria", "a/b.aria", "a-b/x.aria", "b.aria", "Z/w.aria", "a/b0/v.aria"]
        for file in files {
            try fs.createDirectory(Paths.parent(root + "/" + file))
            try fs.writeFile(root + "/" + file, "")
        }
        #expect(Glob("**/*.aria").files(in: root, fileSystem: fs) == files.sorted(by: Paths.precedes))
        #expect(Glob("**/*.aria").files(in: root, fileSystem: fs) == [
            "Z/w.aria", "a-b/x.aria", "a.aria", "a/b.aria", "a/b/y.aria", "a/b0/v.aria", "a/z.aria", "a0.aria", "b.aria",
        ])
    }

    @Test("a pattern that matches nothing: the close pattern that matches, a directory or an extension respelt, or none", arguments: [
        ("scr/*.aria", "src/*.aria"),
        ("src/**/*.aira", "src/**/*.aria"),
        ("scr/**/*.aira", "src/**/*.aria"),
        ("lib/*.npx", "lib/*.npk"),
        ("./csrc/*.cc", "./csrc/*.c"),
        ("docs/*.md", nil),
        ("src/*.c", nil),
        ("csrc/mian.c", nil),
    ] as [(String, String?)])
    func correction(pattern: String, meant: String?) {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: [
            "/p/src/main.aria": "", "/p/src/util/str.aria": "", "/p/lib/core.npk": "", "/p/csrc/main.c": "", "/p/.hidden/x.md": "",
        ])
        #expect(Glob(pattern).files(in: "/p", fileSystem: fs).isEmpty)
        #expect(Glob(pattern).correction(in: "/p", fileSystem: fs) == meant)
    }
}
