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
