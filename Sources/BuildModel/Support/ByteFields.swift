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

    /// The parts between separators (the standard library's generic `split` costs several
    /// times this loop).
    static func pieces(_ bytes: ArraySlice<UInt8>, separator: UInt8, limit: Int, keepEmpty: Bool) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            let base = bytes.startIndex
            while i < buffer.count && out.count < limit - 1 {
                if buffer[i] == separator {
                    if keepEmpty || base + i > start { out.append(bytes[start..<(base + i)]) }
                    start = base + i + 1
                }
                i += 1
            }
        }
        if keepEmpty || start < bytes.endIndex { out.append(bytes[start...]) }
        return out
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

    static func equals(_ field: ArraySlice<UInt8>, _ text: String) -> Bool { field.elementsEqual(text.utf8) }

    /// Where `needle` first occurs.
    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
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
        bytes.withUnsafeBufferPointer { b in
            var i = range.lowerBound
            while i < range.upperBound {
                var end = i
                while end < range.upperBound && b[end] != 0x0A { end += 1 }
                if end > i {
                    let wanted = max(1, min(5, fields(b[i])))
                    var o = Offsets()
                    var start = i
                    var j = i
                    while j < end && o.count < wanted - 1 {
                        if b[j] == 0x09 {
                            o.set(o.count, start, j)
                            o.count += 1
                            start = j + 1
                        }
                        j += 1
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
