/// UTF-8 well-formedness (overlong forms, surrogates and values above U+10FFFF are errors).
public enum UTF8Validation {
    /// The offset of the first byte that is not part of a well-formed sequence, or nil.
    public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidOffset)
    }

    public static func firstInvalidOffset(in b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < b.count {
            if b[i] < 0x80 {
                i += 1
            } else if let length = sequenceLength(in: b, at: i) {
                i += length
            } else {
                return i
            }
        }
        return nil
    }

    /// The length of the well-formed sequence starting at `i`, or nil.
    @inline(__always)
    static func sequenceLength(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let c = b[i]
        if c < 0x80 { return 1 }
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        let length: Int
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return nil
        }
        guard i + length <= b.count, b[i + 1] >= lowest, b[i + 1] <= highest else { return nil }
        var k = 2
        while k < length {
            if b[i + k] & 0xC0 != 0x80 { return nil }
            k += 1
        }
        return length
    }
}
