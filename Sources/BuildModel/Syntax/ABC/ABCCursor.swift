/// Where a cursor is in a build.abc, for completion: what is being typed, read from the text
/// before it (half-typed text the parser cannot make sense of included), in either form. Paths
/// are keys from the top; an element of an array is `*` (`["targets", "*", "type"]`).
public enum ABCCursor {
    public enum Place: Hashable, Sendable {
        /// Inside an INI `[…]` header: a section name is being typed.
        case section(partial: String, range: SourceRange)
        /// A key of the object at `object` (`partial` so far, replacing `range`).
        case key(object: [String], partial: String, range: SourceRange)
        /// The value of `key` (or an element of the array at `key`): `partial` is the text so
        /// far, a quote included.
        case value(key: [String], partial: String, range: SourceRange)
    }

    /// One open object or array. Its path is the keys of the frames below it and its own
    /// (`segment`), put together only for the answer: a frame holding the whole path made
    /// nesting cost memory by its square (4,000 levels took 135 MB).
    private struct Frame {
        var isArray: Bool
        /// The keys from the frame below to this one: an INI section's dotted name for the
        /// first frame, one key or `*` for a nested one, none for an object with no key.
        var segment: [String]
        /// In an object: the key read, once its `=` or `:` is passed.
        var key: String?
        /// Where the key or element being typed starts.
        var segmentStart: Int
    }

    public static func place(in document: ABCDocument, at offset: Int) -> Place? {
        let bytes = document.source.bytes
        guard offset <= bytes.count else { return nil }
        let ini = document.form == .ini || document.form == .empty
        var stack = [Frame(isArray: false, segment: [], key: nil, segmentStart: 0)]
        var i = 0
        var lineStart = true
        var pendingKey: String?
        while i < offset {
            let b = bytes[i]
            if b == 0x0A {
                lineStart = true
                // A line ends an INI entry that is not inside brackets.
                if ini && stack.count == 1 { stack[0].key = nil; pendingKey = nil; stack[0].segmentStart = i + 1 }
                i += 1
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0D { i += 1; continue }
            let comment = (b == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x2F) || (ini && (b == 0x23 || b == 0x3B) && (lineStart || stack.count > 1 || b == 0x23))
            if comment {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                if i >= offset { return nil }
                continue
            }
            if ini && lineStart && stack.count == 1 && b == 0x5B {
                // A section header: the rest of the line, unless the cursor is in it.
                var end = i + 1
                while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x5D { end += 1 }
                if offset <= end && !(end < offset) {
                    var start = i + 1
                    while start < offset && bytes[start] == 0x20 { start += 1 }
                    return .section(partial: String(decoding: bytes[start..<offset], as: UTF8.self), range: SourceRange(start, end))
                }
                let name = String(decoding: bytes[(i + 1)..<end], as: UTF8.self).trimmingBlanks
                stack = [Frame(isArray: false, segment: name.split(separator: ".").map { String($0).trimmingBlanks.unquoted }, key: nil, segmentStart: end + 1)]
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                continue
            }
            lineStart = false
            if b == 0x22 || b == 0x27 {
                let open = i
                i += 1
                while i < bytes.count && bytes[i] != b && bytes[i] != 0x0A {
                    i += bytes[i] == 0x5C ? 2 : 1
                }
                if i >= offset {  // the cursor is inside this string
                    return value(stack, from: open, to: offset, bytes: bytes)
                }
                if stack[stack.count - 1].isArray == false && stack[stack.count - 1].key == nil {
                    pendingKey = String(decoding: bytes[(open + 1)..<min(i, bytes.count)], as: UTF8.self)
                }
                i += 1
                continue
            }
            var top = stack[stack.count - 1]
            switch b {
            case 0x3D, 0x3A:  // = :
                if !top.isArray && top.key == nil {
                    top.key = pendingKey ?? String(decoding: bytes[top.segmentStart..<i], as: UTF8.self).trimmingBlanks
                    top.segmentStart = i + 1
                    pendingKey = nil
                    stack[stack.count - 1] = top
                }
            case 0x2C:  // ,
                if top.isArray { top.segmentStart = i + 1 } else { top.key = nil; top.segmentStart = i + 1; pendingKey = nil }
                stack[stack.count - 1] = top
            case 0x7B, 0x5B:  // { [
                let segment: [String]
                if top.isArray { segment = ["*"] }
                else if let key = top.key { segment = [key] }
                else { segment = [] }
                if b == 0x7B && !top.isArray && top.key == nil && stack.count == 1 && i == firstByte(bytes) {
                    // The seed's outer braces: the top object itself.
                    stack[0].segmentStart = i + 1
                } else {
                    stack.append(Frame(isArray: b == 0x5B, segment: segment, key: nil, segmentStart: i + 1))
                }
            case 0x7D, 0x5D:  // } ]
                if stack.count > 1 { stack.removeLast() }
            default:
                if !top.isArray && top.key == nil && !ABCSyntax.isKeyByte(b) { pendingKey = nil }
            }
            i += 1
        }
        let top = stack[stack.count - 1]
        if top.isArray || top.key != nil { return value(stack, from: top.segmentStart, to: offset, bytes: bytes) }
        var start = offset
        while start > top.segmentStart && ABCSyntax.isKeyByte(bytes[start - 1]) { start -= 1 }
        var end = offset
        while end < bytes.count && ABCSyntax.isKeyByte(bytes[end]) { end += 1 }
        return .key(object: path(stack), partial: String(decoding: bytes[start..<offset], as: UTF8.self), range: SourceRange(start, end))
    }

    /// The value being typed from `from` (blanks skipped) to the cursor; its range runs to the
    /// end of the word or string under the cursor.
    private static func value(_ stack: [Frame], from: Int, to offset: Int, bytes: [UInt8]) -> Place {
        let top = stack[stack.count - 1]
        var start = from
        while start < offset && (bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D) { start += 1 }
        var end = offset
        if start < bytes.count && (bytes[start] == 0x22 || bytes[start] == 0x27) {
            while end < bytes.count && bytes[end] != bytes[start] && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count && bytes[end] == bytes[start] { end += 1 }
        } else {
            while end < bytes.count && ABCSyntax.isKeyByte(bytes[end]) { end += 1 }
        }
        let key = top.isArray ? path(stack) : path(stack) + [top.key ?? ""]
        return .value(key: key, partial: String(decoding: bytes[start..<offset], as: UTF8.self), range: SourceRange(start, end))
    }

    /// The keys from the top to the innermost open frame.
    private static func path(_ stack: [Frame]) -> [String] {
        stack.flatMap(\.segment)
    }

    private static func firstByte(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x2F {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            } else if bytes[i] <= 0x20 {
                i += 1
            } else {
                return i
            }
        }
        return i
    }
}

extension String {
    var trimmingBlanks: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return String(s)
    }

    /// Without surrounding double quotes, when it has them.
    var unquoted: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
