import BuildModel

/// The `changes` of an LSP `WorkspaceEdit`: each edit's range counted in its file's text, the
/// edits grouped by file in the order the files first come.
enum WorkspaceEdits {
    /// - Parameters:
    ///   - defaultFile: the file of an edit that names none.
    ///   - text: a file's text, for its positions (an empty text when there is none).
    static func changes(_ edits: [TextEdit], defaultFile: String, converter: PositionConverter, text: (String) -> SourceText?) -> JSONValue {
        var changes: [(uri: String, edits: [JSONValue])] = []
        for edit in edits {
            let file = edit.file ?? defaultFile
            let e: JSONValue = ["range": converter.range(edit.range, in: text(file) ?? SourceText("")), "newText": .string(edit.newText)]
            let uri = DocumentURI.uri(file)
            if let i = changes.firstIndex(where: { $0.uri == uri }) { changes[i].edits.append(e) } else { changes.append((uri, [e])) }
        }
        return .init(pairs: changes.map { ($0.uri, .array($0.edits)) })
    }
}
