import BuildModel

/// `workspace/symbol`: the packages and modules of every workspace the server holds whose names
/// match the query (`WorkspaceSymbols`), as `SymbolInformation`.
extension LanguageServer {
    func workspaceSymbols(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        guard let query = params["query"]?.stringValue else { throw .invalidParams("missing 'query'") }
        var found: [JSONValue] = []
        for w in workspaces {
            for entry in WorkspaceSymbols.search(query, in: w.snapshot) {
                let text = text(of: entry.file) ?? SourceText("")
                var pairs: [(String, JSONValue)] = [
                    ("name", .string(entry.name)), ("kind", .int(entry.kind == .package ? 4 : 2)),
                    ("location", ["uri": .string(DocumentURI.uri(entry.file)), "range": converter.range(entry.range, in: text)]),
                ]
                if let container = entry.container { pairs.append(("containerName", .string(container))) }
                found.append(.init(pairs: pairs))
            }
        }
        return .array(found)
    }
}
