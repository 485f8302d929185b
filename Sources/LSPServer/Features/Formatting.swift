import BuildModel

/// `textDocument/formatting`: a manifest laid out as its format's formatter lays it out
/// (`ManifestSyntax.formatted`, what `ampu fmt` writes), as one edit over the part that
/// changes; no edit when it is laid out already, null when it cannot be (a syntax error, a
/// source file, a format without a formatter).
enum Formatting {
    static func answer(_ q: FeatureQuery) -> JSONValue {
        guard q.isManifest, let formatted = q.ecosystem.manifestSyntax.formatted(q.text) else { return .null }
        guard let edit = TextEdit.replacing(q.text.bytes, with: formatted) else { return .array([]) }
        return .array([["range": q.lspRange(edit.range), "newText": .string(edit.newText)]])
    }
}
