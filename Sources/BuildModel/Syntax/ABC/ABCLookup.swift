extension ABCDocument {
    /// One step from the top to what holds an offset: a member (its key) or an array element.
    public struct Step: Sendable {
        /// The member's key; nil for an array element.
        public var key: String?
        public var keyRange: SourceRange?
        public var node: Node
    }

    /// The members and elements from the top down to the innermost value holding `offset` (or
    /// the key it is on: then the last step is that member and `offset` is in its key).
    public func chain(at offset: Int) -> [Step] {
        var out: [Step] = []
        var node = root
        while let current = node {
            node = nil
            switch current.value {
            case .object(let members):
                guard let m = members.first(where: { $0.keyRange.touches(offset) || $0.value.range.touches(offset) }) else { break }
                out.append(Step(key: m.key, keyRange: m.keyRange, node: m.value))
                if !m.keyRange.touches(offset) || m.value.range.touches(offset) { node = m.value }
            case .array(let elements):
                guard let e = elements.first(where: { $0.range.touches(offset) }) else { break }
                out.append(Step(key: nil, keyRange: nil, node: e))
                node = e
            default:
                break
            }
        }
        return out
    }
}
