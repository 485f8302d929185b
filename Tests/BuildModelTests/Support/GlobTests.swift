import Testing
@testable import BuildModel

@Suite("Globs")
struct GlobTests {
    @Test("what a pattern matches", arguments: [
        ("src/*.aria", "src/main.aria", true), ("src/*.aria", "src/a/main.aria", false), ("src/*.aria", "src/main.c", false),
        ("src/**/*.aria", "src/main.aria", true), ("src/**/*.aria", "src/a/b/c.aria", true), ("src/**/*.aria", "lib/a.aria", false),
        ("**", "anything/at/all", true), ("**/x", "x", true), ("a/**/b/**/c", "a/b/c", true), ("a/**/b/**/c", "a/x/b/y/z/c", true),
        ("a/**/b/**/c", "a/x/y/c", false), ("m?.c", "m1.c", true), ("m?.c", "m10.c", false), ("*", "", false), ("lib/*", "lib", false),
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
}
