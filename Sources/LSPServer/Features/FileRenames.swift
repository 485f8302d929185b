import BuildModel

/// `workspace/willRenameFiles`: before the editor moves files or directories, the edits that
/// keep the imports of and in them and the manifests' paths to them right (`FileMoveEdits`), as
/// one workspace edit; null when nothing changes.
extension LanguageServer {
    func willRenameFiles(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        guard let files = params["files"]?.arrayValue else { throw .invalidParams("missing 'files'") }
        var moves: [(old: String, new: String)] = []
        for file in files {
            guard let old = file["oldUri"]?.stringValue.flatMap(DocumentURI.path), let new = file["newUri"]?.stringValue.flatMap(DocumentURI.path) else {
                throw .invalidParams("each file needs an 'oldUri' and a 'newUri' with the file: scheme")
            }
            moves.append((old, new))
        }
        // Each edit names its file (the importing module).
        let edits = FileMoveEdits.edits(moving: moves, in: workspaces.map(\.snapshot))
        if edits.isEmpty { return .null }
        return ["changes": WorkspaceEdits.changes(edits, defaultFile: "", converter: converter, text: text(of:))]
    }
}
