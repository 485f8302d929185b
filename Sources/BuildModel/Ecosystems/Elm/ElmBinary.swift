/// Reads what the real `elm` writes with Haskell's `Data.Binary` (big-endian): the files of
/// `elm-stuff/0.19.1` and the package cache. Every read checks the bytes left, so a damaged or
/// foreign file is an error, never a crash.
struct ElmBinary {
    struct Damaged: Error {}

    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ n: Int) throws(Damaged) -> ArraySlice<UInt8> {
        guard n >= 0, n <= bytes.count - position else { throw Damaged() }
        defer { position += n }
        return bytes[position..<(position + n)]
    }

    mutating func word8() throws(Damaged) -> UInt8 { try take(1).first! }

    mutating func word64() throws(Damaged) -> UInt64 {
        try take(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func bool() throws(Damaged) -> Bool { try word8() != 0 }

    /// A count (`Int64`) of a list, map or set, kept to what the rest of the file could hold.
    mutating func count() throws(Damaged) -> Int {
        let n = try word64()
        guard n <= UInt64(bytes.count - position) else { throw Damaged() }
        return Int(n)
    }

    /// Elm's names (modules, package authors and projects): a length byte, then UTF-8.
    mutating func name() throws(Damaged) -> String {
        let n = Int(try word8())
        return String(decoding: try take(n), as: UTF8.self)
    }

    /// A Haskell `String` (file paths): the number of characters, then each in UTF-8.
    mutating func string() throws(Damaged) -> String {
        let characters = try count()
        let start = position
        for _ in 0..<characters {
            let lead = try word8()
            let extra = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
            _ = try take(extra)
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// A Haskell `Integer`: small (tag 0, `Int32`) or big (tag 1, sign, bytes least significant
    /// first). Elm's file times are picoseconds since the epoch, which need the big form.
    mutating func integer() throws(Damaged) -> UInt128 {
        switch try word8() {
        case 0:
            let value = try take(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard Int32(bitPattern: value) >= 0 else { throw Damaged() }
            return UInt128(value)
        case 1:
            guard try word8() == 1 else { throw Damaged() }
            let digits = try count()
            guard digits <= 16 else { throw Damaged() }
            return try take(digits).reversed().reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
        default:
            throw Damaged()
        }
    }

    /// A package version: three bytes, or 0xFF and three 16-bit numbers.
    mutating func version() throws(Damaged) -> Version {
        let first = try word8()
        if first != 0xFF { return Version(UInt64(first), UInt64(try word8()), UInt64(try word8())) }
        func word16(_ r: inout ElmBinary) throws(Damaged) -> UInt64 { UInt64(try r.take(2).reduce(UInt16(0)) { $0 << 8 | UInt16($1) }) }
        return Version(try word16(&self), try word16(&self), try word16(&self))
    }

    /// A package name, `author/project`.
    mutating func packageName() throws(Damaged) -> String {
        let author = try name()
        return author + "/" + (try name())
    }
}
