import BuildModel

/// `textDocument/prepareRename` and `textDocument/rename`: a module renamed by its name in an
/// import (`ModuleRename`). The answer edits every import that follows it, then renames its
/// file, in that order (the edits name the files where they are before the rename).
enum Rename {
    static func prepare(_ q: FeatureQuery) throws(ResponseError) -> JSONValue {
        guard let target = target(q, at: try q.requireOffset()) else { return .null }
        return ["range": q.lspRange(target.name.range), "placeholder": .string(target.name.value)]
    }

    /// - Parameter version: the version of a document the client has open.
    static func answer(_ q: FeatureQuery, version: (String) -> Int?) throws(ResponseError) -> JSONValue {
        guard let newName = q.params["newName"]?.stringValue else { throw .invalidParams("missing 'newName'") }
        guard let snapshot = q.snapshot, let target = target(q, at: try q.requireOffset()) else {
            throw ResponseError(.requestFailed, "nothing to rename here: a module is renamed by its name in an import")
        }
        let move: (old: String, new: String), edits: [TextEdit]
        do {
            (move, edits) = try ModuleRename.rename(target, to: newName, in: snapshot, fileSystem: q.fileSystem)
        } catch {
            throw ResponseError(.requestFailed, "\(error)")
        }
        var changes = WorkspaceEdits.documentChanges(edits, converter: q.converter, text: { $0 == q.path ? q.text : q.textOf($0) }, version: version)
        if move.old != move.new {
            changes.append(["kind": "rename", "oldUri": .string(DocumentURI.uri(move.old)), "newUri": .string(DocumentURI.uri(move.new))])
        }
        return ["documentChanges": .array(changes)]
    }

    private static func target(_ q: FeatureQuery, at offset: Int) -> ModuleRename.Target? {
        guard !q.isManifest, let snapshot = q.snapshot else { return nil }
        return ModuleRename.target(at: offset, in: q.path, snapshot: snapshot)
    }
}
