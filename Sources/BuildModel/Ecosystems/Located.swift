/// A manifest value with where it was written: the value's text and the key that named it.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    /// The value as written (a string's range includes its quotes).
    public var range: SourceRange
    /// The key that names the value; equal to `range` when there is no key (array elements).
    public var keyRange: SourceRange

    public init(_ value: Value, range: SourceRange, keyRange: SourceRange? = nil) {
        self.value = value
        self.range = range
        self.keyRange = keyRange ?? range
    }
}
