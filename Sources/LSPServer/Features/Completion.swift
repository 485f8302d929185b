import BuildModel

/// `textDocument/completion`: import paths in sources, keys and values in manifests.
enum Completion {
    static func answer(_ q: FeatureQuery) throws(ResponseError) -> JSONValue {
        let offset = try q.requireOffset()
        let items = q.isManifest ? ManifestCompletion.items(q, at: offset) : ImportCompletion.items(q, at: offset)
        return ["isIncomplete": false, "items": .array(items)]
    }

    /// LSP `CompletionItemKind` values used here.
    enum Kind: Int64 {
        case value = 12, keyword = 14, property = 10, module = 9, folder = 19, enumMember = 20
    }

    static func item(label: String, kind: Kind, detail: String?, documentation: JSONValue? = nil,
                     newText: String, range: JSONValue, sortText: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("label", .string(label)), ("kind", .int(kind.rawValue))]
        if let detail { pairs.append(("detail", .string(detail))) }
        if let documentation { pairs.append(("documentation", documentation)) }
        if let sortText { pairs.append(("sortText", .string(sortText))) }
        pairs.append(("filterText", .string(newText)))
        pairs.append(("textEdit", ["range": range, "newText": .string(newText)]))
        return .init(pairs: pairs)
    }
}

/// Inside `import "…"`: what the resolver says the file may import from where the path is.
enum ImportCompletion {
    static func items(_ q: FeatureQuery, at offset: Int) -> [JSONValue] {
        guard q.ecosystem.isSourceFile(q.path), let snapshot = q.snapshot,
              let (prefix, range) = q.ecosystem.importPathBeingTyped(in: q.text, at: offset) else { return [] }
        let origin = snapshot.modules[q.path]?.origin
            ?? snapshot.resolver.origin(ofFile: q.path, member: snapshot.member(containing: q.path))
        let lspRange = q.lspRange(range)
        return snapshot.resolver.candidates(forPrefix: prefix, inFile: q.path, origin: origin).enumerated().map { i, c in
            let kind: Completion.Kind = switch c.kind {
            case .module: .module
            case .directory: .folder
            case .package: .module
            case .prefix: .keyword
            }
            let detail = c.category.map { "\($0.rawValue) · \(c.detail)" } ?? c.detail
            return Completion.item(label: c.path, kind: kind, detail: detail, newText: c.path, range: lspRange,
                                   sortText: String(format4(i)))
        }
    }

    private static func format4(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
