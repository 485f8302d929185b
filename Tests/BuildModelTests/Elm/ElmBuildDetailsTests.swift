import Testing
@testable import BuildModel

/// elm-stuff/0.19.1/d.dat as elm 0.19.1 writes it (Haskell Data.Binary, big-endian).
@Suite("elm's d.dat")
struct ElmBuildDetailsTests {
    func name(_ s: String) -> [UInt8] { [UInt8(s.utf8.count)] + Array(s.utf8) }
    func word64(_ n: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: n >> (56 - 8 * $0)) } }
    func string(_ s: String) -> [UInt8] { word64(UInt64(s.count)) + Array(s.utf8) }
    /// A big Integer: tag 1, sign 1, then the bytes, least significant first.
    func integer(_ n: UInt128) -> [UInt8] {
        var bytes: [UInt8] = []
        var x = n
        while x > 0 { bytes.append(UInt8(truncatingIfNeeded: x)); x >>= 8 }
        return [1, 1] + word64(UInt64(bytes.count)) + bytes
    }

    /// An application with source directories src and lib, and one module importing another and Html.
    var sample: [UInt8] {
        var b = integer(1_796_204_640_969_788_394_000)
        b += [0, 1] + string("src") + word64(1) + [1] + string("lib")
        b += word64(3)
        b += word64(2)
        b += name("Main") + string("/app/src/Main.elm") + integer(1_796_204_640_969_493_687_000) + word64(2) + name("Html") + name("Utils") + [1] + word64(3) + word64(3)
        b += name("Utils") + string("/app/src/Utils.elm") + integer(5) + word64(0) + [0] + word64(1) + word64(2)
        b += word64(1) + name("Html") + name("elm") + name("html") + word64(0)
        return b
    }

    @Test("the record: elm.json's time, the source directories, each local module, each foreign one's package")
    func read() throws {
        let d = try ElmBuildDetails(sample)
        #expect(d.outlineTime == 1_796_204_640_969_788_394_000)
        #expect(d.sourceDirectories == ["src", "lib"])
        #expect(d.buildID == 3)
        #expect(d.locals["Main"] == ElmBuildDetails.Local(path: "/app/src/Main.elm", time: 1_796_204_640_969_493_687_000, imports: ["Html", "Utils"],
                                                          hasMain: true, lastChange: 3, lastCompile: 3))
        #expect(d.locals["Utils"]?.lastCompile == 2)
        #expect(d.foreigns == ["Html": "elm/html"])
    }

    @Test("every truncation and a foreign tag are errors, never a crash")
    func damaged() {
        let bytes = sample
        for n in 0..<bytes.count {
            #expect(throws: ElmBinary.Damaged.self) { try ElmBuildDetails(Array(bytes.prefix(n))) }
        }
        var wrongTag = bytes
        wrongTag[0] = 7
        #expect(throws: ElmBinary.Damaged.self) { try ElmBuildDetails(wrongTag) }
        // A count larger than the file is refused before anything is reserved for it.
        #expect(throws: ElmBinary.Damaged.self) { try ElmBuildDetails(integer(1) + [0, 1] + word64(UInt64.max) + [0x73]) }
    }
}
