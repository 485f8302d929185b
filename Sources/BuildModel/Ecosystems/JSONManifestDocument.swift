/// JSON's manifest syntax, for every ecosystem whose manifest is a JSON file (`elm.json`).
public struct JSONManifestSyntax: ManifestSyntax {
    public init() {}

    public func renderKey(_ key: String) -> String { JSONText.quoted(key) }
    public func renderString(_ value: String) -> String { JSONText.quoted(value) }
    public func renderEntry(key: String, value: String) -> String { "\(JSONText.quoted(key)): \(value)" }
    public func document(_ source: SourceText) -> any ManifestDocument { JSONManifestDocument(JSONDocument(parsing: source)) }
}

/// A JSON manifest asked by the server's features. Objects are its tables; none is written as
/// a section of its own.
public struct JSONManifestDocument: ManifestDocument {
    public let document: JSONDocument

    public init(_ document: JSONDocument) { self.document = document }

    public var source: SourceText { document.source }

    public var writtenSections: Set<[String]> { [] }

    /// The innermost member holding `offset` (its key, or its value when that is no object),
    /// with its path; or the innermost object holding it between members.
    private func locate(_ offset: Int) -> (path: [String], member: JSONDocument.Member?, object: JSONDocument.Node)? {
        guard var node = document.root, node.members != nil, node.range.lowerBound < offset, offset <= node.range.upperBound else { return nil }
        var path: [String] = []
        while true {
            guard let members = node.members else { return nil }
            guard let m = members.first(where: { $0.keyRange.lowerBound < offset && offset <= max($0.keyRange.upperBound, $0.value.range.upperBound) }) else {
                return (path, nil, node)
            }
            if m.value.members != nil, m.value.range.lowerBound < offset, offset < m.value.range.upperBound {
                path.append(m.key)
                node = m.value
                continue
            }
            return (path, m, node)
        }
    }

    /// Keys are completed whole, quotes included (`"elm/u|"` is replaced by `"elm/url": "1.0.0"`);
    /// a key typed where the reader found no member yet (no `:` after it) is found in the text.
    public func place(at offset: Int) -> ManifestPlace? {
        guard let (path, member, _) = locate(offset) else { return nil }
        let bytes = source.bytes
        guard let member else {
            guard let literal = stringLiteral(around: offset) else { return .key(table: path, partial: "", range: .at(offset)) }
            return .key(table: path, partial: String(decoding: bytes[(literal.lowerBound + 1)..<offset], as: UTF8.self), range: literal)
        }
        if offset <= member.keyRange.upperBound {
            guard offset > member.keyRange.lowerBound else { return nil }
            let end = min(offset, bytes[member.keyRange.upperBound - 1] == 0x22 && member.keyRange.count > 1 ? member.keyRange.upperBound - 1 : member.keyRange.upperBound)
            return .key(table: path, partial: String(decoding: bytes[(member.keyRange.lowerBound + 1)..<end], as: UTF8.self), range: member.keyRange)
        }
        let value = member.value.range
        guard offset >= value.lowerBound, offset <= value.upperBound else { return nil }
        return .value(key: path + [member.key], partial: String(decoding: bytes[value.lowerBound..<offset], as: UTF8.self), range: value)
    }

    /// The string literal on `offset`'s line that holds it: from its opening quote to its
    /// closing one (or the cursor, when it is not closed yet).
    private func stringLiteral(around offset: Int) -> SourceRange? {
        let bytes = source.bytes
        let line = source.lines.contentRange(ofLine: source.lines.line(containing: offset))
        var open: Int?
        var i = line.lowerBound
        while i < offset {
            if bytes[i] == 0x5C, open != nil { i += 2; continue }
            if bytes[i] == 0x22 { open = open == nil ? i : nil }
            i += 1
        }
        guard let start = open else { return nil }
        var end = offset
        while end < line.upperBound, bytes[end] != 0x22 { end += bytes[end] == 0x5C ? 2 : 1 }
        return SourceRange(start, min(end + 1, line.upperBound))
    }

    public func element(at offset: Int) -> ManifestElement? {
        guard let (path, member, _) = locate(offset), let member else { return nil }
        let onKey = offset <= member.keyRange.upperBound
        return ManifestElement(path: path + [member.key], keyRange: member.keyRange, valueRange: member.value.range, onKey: onKey,
                               isTable: member.value.members != nil)
    }

    public func keys(in path: [String]) -> Set<String>? {
        document.node(at: path)?.members.map { Set($0.map(\.key)) }
    }

    public func outline(budget: inout Int) -> [ManifestSymbol] {
        guard let root = document.root else { return [] }
        return Self.symbols(root, budget: &budget)
    }

    private static func symbols(_ node: JSONDocument.Node, budget: inout Int) -> [ManifestSymbol] {
        var out: [ManifestSymbol] = []
        for member in node.members ?? [] {
            guard budget > 0 else { break }
            budget -= 1
            let kind: ManifestSymbol.Kind = switch member.value.value {
            case .object: .table
            case .string: .string
            case .number: .number
            case .bool: .boolean
            case .array: .array
            case .null, .invalid: .other
            }
            out.append(ManifestSymbol(name: member.key, detail: member.value.string, kind: kind, range: member.keyRange.union(member.value.range),
                                      selection: member.keyRange, children: kind == .table ? symbols(member.value, budget: &budget) : []))
        }
        return out
    }

    public func insertion(of key: String, string value: String, in path: [String], after anchor: [String]?) -> [TextEdit]? {
        document.insertion(of: key, json: JSONText.quoted(value), in: path)
    }

    public func insertion(of key: String, table value: [(String, String)], in path: [String], after anchor: [String]?) -> [TextEdit]? {
        let inner = value.map { "\(JSONText.quoted($0.0)): \(JSONText.quoted($0.1))" }.joined(separator: ", ")
        return document.insertion(of: key, json: "{ \(inner) }", in: path)
    }

    public func removal(of path: [String]) -> [TextEdit]? {
        document.removal(of: path)
    }

    public func strings(inArrayAt path: [String]) -> [Located<String>] {
        (document.node(at: path)?.elements ?? []).compactMap { e in e.string.map { Located($0, range: e.range) } }
    }
}
