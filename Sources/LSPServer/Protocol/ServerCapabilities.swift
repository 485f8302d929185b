import BuildModel
import OrderedCollections

/// The `capabilities` of the `initialize` result, shaped by what the client can do.
enum ServerCapabilities {
    static let completionTriggers: [JSONValue] = ["\"", "/", "[", ".", "=", " "]

    /// - Parameter sourceExtensions: the source files whose renames the server keeps imports of
    ///   right (`workspace/willRenameFiles`), with any directory.
    static func json(for client: ClientCapabilities, sourceExtensions: [String]) -> JSONValue {
        var caps: OrderedDictionary<String, JSONValue> = [
            "positionEncoding": .string(client.positionEncoding.rawValue),
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "completionProvider": ["triggerCharacters": .array(completionTriggers), "resolveProvider": false],
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentSymbolProvider": true,
            "documentLinkProvider": ["resolveProvider": false],
            "workspaceSymbolProvider": true,
            "documentFormattingProvider": true,
            "foldingRangeProvider": true,
            "codeActionProvider": client.codeActionLiterals ? ["codeActionKinds": ["quickfix", "source.fixAll"]] : true,
            "workspace": [
                "workspaceFolders": ["supported": true, "changeNotifications": true],
                "fileOperations": ["willRename": ["filters": [
                    ["scheme": "file", "pattern": ["glob": .string("**/*.{\(sourceExtensions.joined(separator: ","))}"), "matches": "file"]],
                    ["scheme": "file", "pattern": ["glob": "**", "matches": "folder"]],
                ]]],
            ],
        ]
        if client.inlayHints { caps["inlayHintProvider"] = true }
        // A package is renamed by text edits alone; a module with its file, only for a client
        // that renames files as told (`Rename`).
        caps["renameProvider"] = client.prepareRename ? ["prepareProvider": true] : true
        if client.pullDiagnostics {
            caps["diagnosticProvider"] = ["identifier": "ampu", "interFileDependencies": true, "workspaceDiagnostics": true]
        }
        return .object(caps)
    }
}

