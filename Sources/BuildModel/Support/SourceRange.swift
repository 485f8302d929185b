/// A half-open range of byte offsets into one source text.
///
/// Positions are UTF-8 byte offsets everywhere inside the model; they become
/// line/column pairs only at the edges (terminal rendering, the LSP).
///
/// Stored in 32 bits: ranges sit in every syntax node, token and diagnostic, and
/// halving them makes the trees that hold them cheaper to build and copy. Files are
/// read whole into memory; offsets past 4 GiB are clamped rather than trapping.
public struct SourceRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    private let start: UInt32
    private let end: UInt32

    public var lowerBound: Int { Int(start) }
    public var upperBound: Int { Int(end) }

    public init(_ lowerBound: Int, _ upperBound: Int) {
        precondition(lowerBound <= upperBound, "SourceRange bounds out of order")
        self.start = UInt32(clamping: lowerBound)
        self.end = UInt32(clamping: upperBound)
    }

    public init(_ range: Range<Int>) {
        self.init(range.lowerBound, range.upperBound)
    }

    /// An empty range at `offset`.
    public static func at(_ offset: Int) -> SourceRange { SourceRange(offset, offset) }

    public var range: Range<Int> { lowerBound..<upperBound }
    public var count: Int { upperBound - lowerBound }
    public var isEmpty: Bool { lowerBound == upperBound }

    public func contains(_ offset: Int) -> Bool { offset >= lowerBound && offset < upperBound }

    /// True when `offset` lies inside the range or touches its end (what a cursor
    /// right after a word expects).
    public func touches(_ offset: Int) -> Bool { offset >= lowerBound && offset <= upperBound }

    public func contains(_ other: SourceRange) -> Bool {
        other.lowerBound >= lowerBound && other.upperBound <= upperBound
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(lowerBound, other.lowerBound), max(upperBound, other.upperBound))
    }

    public static func < (a: SourceRange, b: SourceRange) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }

    public var description: String { "\(lowerBound)..<\(upperBound)" }
}
