/// Replace the bytes of `range` with `newText`.
public struct TextEdit: Hashable, Sendable {
    /// The file, or nil for the one the edit is computed against.
    public var file: String?
    public var range: SourceRange
    public var newText: String

    public init(file: String? = nil, range: SourceRange, newText: String) {
        self.file = file
        self.range = range
        self.newText = newText
    }

    public static func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(range: .at(offset), newText: text)
    }

    public static func delete(_ range: SourceRange) -> TextEdit {
        TextEdit(range: range, newText: "")
    }

    /// The one edit that turns the text `old` into `new` (both UTF-8): the bytes between what
    /// they begin and end with alike, each end on a character's first byte; nil when they are
    /// the same.
    public static func replacing(_ old: [UInt8], with new: [UInt8], file: String? = nil) -> TextEdit? {
        guard old != new else { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        while prefix > 0, prefix < old.count, isContinuation(old[prefix]) { prefix -= 1 }
        while suffix > 0, isContinuation(old[old.count - suffix]) { suffix -= 1 }
        return TextEdit(file: file, range: SourceRange(prefix, old.count - suffix), newText: String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self))
    }

    public enum ApplyError: Error, Equatable, CustomStringConvertible {
        case overlapping(SourceRange, SourceRange)
        case outOfBounds(SourceRange, length: Int)

        public var description: String {
            switch self {
            case .overlapping(let a, let b): "edits overlap at \(a) and \(b)"
            case .outOfBounds(let r, let n): "edit \(r) lies outside a text of \(n) bytes"
            }
        }
    }

    /// Applies non-overlapping edits to `bytes`; bytes outside the edits are kept as they are.
    /// Insertions at the same offset keep their given order.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) throws(ApplyError) -> [UInt8] {
        let sorted = edits.enumerated().sorted { a, b in
            (a.element.range.lowerBound, a.element.range.upperBound, a.offset)
                < (b.element.range.lowerBound, b.element.range.upperBound, b.offset)
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.newText.utf8.count })
        var cursor = 0
        var previous: SourceRange?
        for edit in sorted {
            if edit.range.upperBound > bytes.count { throw .outOfBounds(edit.range, length: bytes.count) }
            if let p = previous, edit.range.lowerBound < p.upperBound { throw .overlapping(p, edit.range) }
            out.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.newText.utf8)
            cursor = edit.range.upperBound
            previous = edit.range
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }
}
