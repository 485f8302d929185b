import BuildModel

/// `textDocument/codeAction`: the fixes the model attached to diagnostics in the requested
/// range — remove a forbidden import, add an undeclared dependency to the manifest (an edit
/// of another file that keeps its formatting), use the suggested key or path.
enum CodeActions {
    static func answer(_ q: FeatureQuery) throws(ResponseError) -> JSONValue {
        guard let range = q.range else { throw .invalidParams("missing 'range'") }
        guard q.client.codeActionLiterals else { return [] }
        let only = q.params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        if let only, !only.contains(where: { "quickfix".hasPrefix($0) || $0.hasPrefix("quickfix") }) { return [] }
        let diagnostics = q.workspace?.diagnostics(for: q.path) ?? (q.isManifest ? q.manifest.diagnostics : [])
        var actions: [JSONValue] = []
        for d in diagnostics {
            guard let fix = d.fix, d.range.lowerBound <= range.upperBound && range.lowerBound <= d.range.upperBound else { continue }
            let changes = WorkspaceEdits.changes(fix.edits, defaultFile: q.path, converter: q.converter) { $0 == q.path ? q.text : q.textOf($0) }
            actions.append([
                "title": .string(fix.title),
                "kind": "quickfix",
                "diagnostics": [LSPDiagnostic.json(d, file: q.path, converter: q.converter, text: { q.textOf($0) })],
                "isPreferred": true,
                "edit": ["changes": changes],
            ])
        }
        return .array(actions)
    }
}
