import BuildModel

/// The parts of an LSP `WorkspaceEdit`: each edit's range counted in its file's text, the edits
/// grouped by file in the order the files first come.
enum WorkspaceEdits {
    /// Its `changes`.
    /// - Parameters:
    ///   - defaultFile: the file of an edit that names none.
    ///   - text: a file's text, for its positions (an empty text when there is none).
    static func changes(_ edits: [TextEdit], defaultFile: String, converter: PositionConverter, text: (String) -> SourceText?) -> JSONValue {
        .init(pairs: grouped(edits, defaultFile: defaultFile, converter: converter, text: text).map { (DocumentURI.uri($0.file), .array($0.edits)) })
    }

    /// Its `documentChanges`: a `TextDocumentEdit` for each file, with the version of the
    /// document the client has open (null for a file it has not).
    static func documentChanges(_ edits: [TextEdit], converter: PositionConverter, text: (String) -> SourceText?, version: (String) -> Int?) -> [JSONValue] {
        grouped(edits, defaultFile: "", converter: converter, text: text).map { file, edits in
            ["textDocument": ["uri": .string(DocumentURI.uri(file)), "version": version(file).map { .int(Int64($0)) } ?? .null], "edits": .array(edits)]
        }
    }

    private static func grouped(_ edits: [TextEdit], defaultFile: String, converter: PositionConverter, text: (String) -> SourceText?) -> [(file: String, edits: [JSONValue])] {
        var files: [(file: String, edits: [JSONValue])] = []
        for edit in edits {
            let file = edit.file ?? defaultFile
            let e: JSONValue = ["range": converter.range(edit.range, in: text(file) ?? SourceText("")), "newText": .string(edit.newText)]
            if let i = files.firstIndex(where: { $0.file == file }) { files[i].edits.append(e) } else { files.append((file, [e])) }
        }
        return files
    }
}
