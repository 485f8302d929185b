#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import BuildModel

/// `DisplayWidth` against the C library's `wcwidth` in the C.UTF-8 locale (what terminals and
/// gcc count by), for every assigned scalar from U+0300 on; and the widths the gcc and clang
/// tests rely on.
@Suite("Display width")
struct DisplayWidthTests {
    /// Scalars that Swift's Unicode data and glibc's class apart: U+1171E AHOM CONSONANT SIGN
    /// MEDIAL RA, a spacing mark to Swift and a nonspacing one to glibc.
    static let classedApart: Set<UInt32> = [0x1171E]

    @Test("every assigned scalar takes the columns glibc's wcwidth gives it")
    func againstWcwidth() throws {
        typealias Width = @convention(c) (Int32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "wcwidth") else {
            Issue.record("the C library has no wcwidth")
            return
        }
        let wcwidth = unsafeBitCast(symbol, to: Width.self)
        // This thread's own locale, so that tests running beside it keep theirs.
        let utf8 = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
        let previous = uselocale(utf8)
        defer {
            uselocale(previous)
            freelocale(utf8)
        }
        var differ: [String] = []
        for value in UInt32(0x300)...0x3FFFF where !Self.classedApart.contains(value) {
            guard let scalar = Unicode.Scalar(value), ![.unassigned, .privateUse, .surrogate, .control].contains(scalar.properties.generalCategory) else { continue }
            let theirs = wcwidth(Int32(value))
            if theirs >= 0 && Int(theirs) != DisplayWidth.of(scalar) { differ.append("U+\(String(value, radix: 16, uppercase: true)) \(DisplayWidth.of(scalar)) \(theirs)") }
        }
        #expect(differ == [], "\(differ.count) scalars differ (scalar, ampu's width, glibc's), the first: \(differ.prefix(20))")
    }

    @Test("a character is as wide as it shows: wide scripts two, a combined accent one, an emoji and a flag two")
    func characters() {
        #expect(["a", "é", "e\u{301}", "名", "한", "Ａ", "😀", "✅", "🇫🇷", "👩‍💻", "·"].map(DisplayWidth.of) == [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1])
    }
}
