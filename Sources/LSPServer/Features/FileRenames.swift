import BuildModel

/// `workspace/willRenameFiles`: before the editor moves files or directories, the edits that
/// keep the relative imports of and in them right (`ImportRenames`), as one workspace edit;
/// null when no import changes.
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
        var changes: [(uri: String, edits: [JSONValue])] = []
        for w in workspaces {
            for edit in ImportRenames.edits(moving: moves, in: w.snapshot) {
                guard let file = edit.file else { continue }
                let text = text(of: file) ?? SourceText("")
                let e: JSONValue = ["range": converter.range(edit.range, in: text), "newText": .string(edit.newText)]
                let uri = DocumentURI.uri(file)
                if let i = changes.firstIndex(where: { $0.uri == uri }) { changes[i].edits.append(e) } else { changes.append((uri, [e])) }
            }
        }
        if changes.isEmpty { return .null }
        return ["changes": .init(pairs: changes.map { ($0.uri, .array($0.edits)) })]
    }
}
