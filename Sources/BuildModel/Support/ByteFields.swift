#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines and tab-separated fields read straight from bytes, for the build's own record files
/// (fingerprints, the kept plan), which a no-op build reads thousands of lines of: splitting
/// `String`s by `Character` would cost more than the `stat`s the lines describe.
enum ByteFields {
    /// The non-empty lines.
    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        pieces(bytes, separator: 0x0A, limit: .max, keepEmpty: false)
    }

    /// At most `count` fields: the last holds the rest of the line, tabs and all.
    static func fields(_ line: ArraySlice<UInt8>, count: Int) -> [ArraySlice<UInt8>] {
        pieces(line, separator: 0x09, limit: count, keepEmpty: true)
    }

    /// The parts between separators, each found with `memchr` (the standard library's generic
    /// `split` costs several times a byte loop, and a byte loop several times `memchr`, over
    /// the megabytes of a kept plan).
    static func pieces(_ bytes: ArraySlice<UInt8>, separator: UInt8, limit: Int, keepEmpty: Bool) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            guard let origin = buffer.baseAddress else { return }
            let base = bytes.startIndex
            var i = 0
            while i < buffer.count && out.count < limit - 1 {
                let at = next(separator, in: origin, from: i, to: buffer.count)
                guard at < buffer.count else { break }
                if keepEmpty || base + at > start { out.append(bytes[start..<(base + at)]) }
                start = base + at + 1
                i = at + 1
            }
        }
        if keepEmpty || start < bytes.endIndex { out.append(bytes[start...]) }
        return out
    }

    /// Where the first `byte` at or after `from` is, or `to` when there is none before it.
    @inline(__always)
    static func next(_ byte: UInt8, in origin: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let found = memchr(origin + from, Int32(byte), to - from) else { return to }
        return origin.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// A decimal integer, with an optional leading '-'.
    static func integer(_ field: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        var negative = false
        var digits = field[...]
        if digits.first == 0x2D { negative = true; digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        for b in digits {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(b - 0x30))
            guard !o1 && !o2 else { return nil }
            value = a
        }
        return negative ? -value : value
    }

    static func string(_ field: ArraySlice<UInt8>) -> String { String(decoding: field, as: UTF8.self) }

    /// Appends `value` in decimal, as `integer` reads it back.
    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        bytes += String(value).utf8
    }

    static func equals(_ field: ArraySlice<UInt8>, _ text: String) -> Bool { field.elementsEqual(text.utf8) }

    /// Where `needle` first occurs: each candidate found with `memchr`, then compared.
    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack -> Int? in
            guard let origin = haystack.baseAddress else { return nil }
            let last = haystack.count - needle.count
            var i = 0
            while i <= last {
                i = next(needle[0], in: origin, from: i, to: last + 1)
                guard i <= last else { return nil }
                if memcmp(origin + i, needle, needle.count) == 0 { return i }
                i += 1
            }
            return nil
        }
    }
}

extension ByteFields {
    /// Up to five tab-separated fields of one line, as offsets into the record's bytes: no
    /// array and no reference per line, for records of tens of thousands of lines.
    struct Offsets {
        /// Where each field starts and ends; `count` of them are set.
        var starts: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
        var ends: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
        var count = 0

        func range(_ i: Int) -> Range<Int> {
            switch i {
            case 0: starts.0..<ends.0
            case 1: starts.1..<ends.1
            case 2: starts.2..<ends.2
            case 3: starts.3..<ends.3
            default: starts.4..<ends.4
            }
        }

        var last: Range<Int> { range(count - 1) }
    }

    /// The lines of `bytes[range]` split into at most `fields(firstByte)` fields each (the last
    /// holds the rest of its line), as offsets. Empty lines are skipped.
    static func offsets(_ bytes: [UInt8], in range: Range<Int>, fields: (UInt8) -> Int) -> [Offsets] {
        var out: [Offsets] = []
        // Room for lines of 24 bytes, shorter than the kept plan's shortest: the array is not
        // copied as it grows (a megabyte for 10,000 modules), and what it does not use is
        // never touched.
        out.reserveCapacity(range.count / 24)
        bytes.withUnsafeBufferPointer { b in
            guard let origin = b.baseAddress else { return }
            var i = range.lowerBound
            while i < range.upperBound {
                let end = next(0x0A, in: origin, from: i, to: range.upperBound)
                if end > i {
                    let wanted = max(1, min(5, fields(b[i])))
                    var o = Offsets()
                    var start = i
                    while o.count < wanted - 1 {
                        let tab = next(0x09, in: origin, from: start, to: end)
                        guard tab < end else { break }
                        o.set(o.count, start, tab)
                        o.count += 1
                        start = tab + 1
                    }
                    o.set(o.count, start, end)
                    o.count += 1
                    out.append(o)
                }
                i = end + 1
            }
        }
        return out
    }
}

extension ByteFields.Offsets {
    fileprivate mutating func set(_ i: Int, _ start: Int, _ end: Int) {
        switch i {
        case 0: starts.0 = start; ends.0 = end
        case 1: starts.1 = start; ends.1 = end
        case 2: starts.2 = start; ends.2 = end
        case 3: starts.3 = start; ends.3 = end
        default: starts.4 = start; ends.4 = end
        }
    }
}
