import BuildModel

/// `textDocument/codeAction`: the fixes the model attached to diagnostics in the requested
/// range — remove a forbidden import, add an undeclared dependency to the manifest (an edit
/// of another file that keeps its formatting), use the suggested key or path; and, asked for by
/// kind (`source.fixAll`, as an editor asks on save), one action that makes every certain fix
/// of the document at once, as `ampu fix` makes them (`CertainFixes`).
enum CodeActions {
    static func answer(_ q: FeatureQuery) throws(ResponseError) -> JSONValue {
        guard let range = q.range else { throw .invalidParams("missing 'range'") }
        guard q.client.codeActionLiterals else { return [] }
        // An array of kinds; Neovim 0.7 documents a string, and sends what it is given.
        let asked = q.params["context"]?["only"]
        let only = asked?.arrayValue?.compactMap(\.stringValue) ?? asked?.stringValue.map { [$0] }
        /// Whether the client asks for actions of `kind`: no `only`, or a kind it names, or
        /// one above it (`source` takes in `source.fixAll`). `explicitly`: only when named.
        func asks(_ kind: String, explicitly: Bool = false) -> Bool {
            guard let only else { return !explicitly }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let diagnostics = q.workspace?.diagnostics(for: q.path) ?? (q.isManifest ? q.manifest.diagnostics : [])
        var actions: [JSONValue] = []
        if asks("quickfix") {
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
        }
        if asks("source.fixAll", explicitly: true) {
            // The document's own certain fixes, when it is a file of the workspace (not a
            // dependency's module opened from the package cache).
            let own = q.snapshot.map { CertainFixes.isEditable(q.path, in: $0) } ?? q.isManifest
            let placed = diagnostics.map { d in var d = d; d.file = d.file ?? q.path; return d }
            if own, let fixes = CertainFixes.chosen(placed, editable: [q.path]).first {
                actions.append([
                    "title": .string("Make the certain fixes of this file (\(fixes.fixes))"),
                    "kind": "source.fixAll",
                    "edit": ["changes": WorkspaceEdits.changes(fixes.edits, defaultFile: q.path, converter: q.converter) { $0 == q.path ? q.text : q.textOf($0) }],
                ])
            }
        }
        return .array(actions)
    }
}
