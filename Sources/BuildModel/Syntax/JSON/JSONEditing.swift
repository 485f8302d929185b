/// Edits of a JSON document that keep the rest of its text as written: a member added to an
/// object (in key order, indented like its siblings) or removed with its comma and its line.
/// Only for documents without errors: an edit of text the reader could not make sense of would
/// guess.
extension JSONDocument {
    /// The node at a path of keys from the top; nil when a key is missing or a step is no object.
    public func node(at path: [String]) -> Node? {
        var node = root
        for key in path { node = node?.member(key)?.value }
        return node
    }

    /// Edits that add `"key": value` (value already written as JSON) to the object at `path`;
    /// nil when the document has errors, there is no such object, or it has the key already.
    public func insertion(of key: String, json value: String, in path: [String]) -> [TextEdit]? {
        guard diagnostics.isEmpty, let object = node(at: path), let members = object.members, !members.contains(where: { $0.key == key }) else { return nil }
        let entry = JSONText.quoted(key) + ": " + value
        guard let first = members.first else {
            let indent = indentation(at: object.range.lowerBound)
            return [TextEdit(range: SourceRange(object.range.lowerBound + 1, object.range.upperBound - 1),
                             newText: "\n" + indent + "    " + entry + "\n" + indent)]
        }
        let indent = indentation(at: first.keyRange.lowerBound)
        // After the last member whose key sorts before the new one, else before the first.
        if let before = members.last(where: { $0.key < key }) {
            return [TextEdit(range: .at(before.value.range.upperBound), newText: ",\n" + indent + entry)]
        }
        return [TextEdit(range: .at(first.keyRange.lowerBound), newText: entry + ",\n" + indent)]
    }

    /// Edits that remove the member at `path` with its value and one comma, and its line when it
    /// stands alone there; nil when the document has errors or there is no such member.
    public func removal(of path: [String]) -> [TextEdit]? {
        guard diagnostics.isEmpty, let key = path.last, let object = node(at: Array(path.dropLast())), let members = object.members,
              let index = members.firstIndex(where: { $0.key == key }) else { return nil }
        let member = members[index]
        if members.count == 1 {
            return [TextEdit(range: SourceRange(object.range.lowerBound + 1, object.range.upperBound - 1), newText: "")]
        }
        if index + 1 < members.count {
            // Up to the next member: this one's comma and the line break go with it.
            let start = lineStartIfAlone(member.keyRange.lowerBound) ?? member.keyRange.lowerBound
            let next = members[index + 1].keyRange.lowerBound
            return [TextEdit(range: SourceRange(start, lineStartIfAlone(next) ?? next), newText: "")]
        }
        // The last member: the comma after the one before it goes.
        return [TextEdit(range: SourceRange(members[index - 1].value.range.upperBound, member.value.range.upperBound), newText: "")]
    }

    /// The spaces and tabs that start the line holding `offset`.
    private func indentation(at offset: Int) -> String {
        let bytes = source.bytes
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var end = start
        while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The start of the line holding `offset` when only blanks come before it there.
    private func lineStartIfAlone(_ offset: Int) -> Int? {
        let bytes = source.bytes
        var start = offset
        while start > 0 && (bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09) { start -= 1 }
        return start == 0 || bytes[start - 1] == 0x0A ? start : nil
    }
}
