import BuildModel

/// Diagnostics: pushed (`textDocument/publishDiagnostics`) once nothing else waits in the
/// inbox — so a burst of edits publishes once — for the files whose diagnostics changed; or
/// pulled (`textDocument/diagnostic`, `workspace/diagnostic`) when the client declared that.
extension LanguageServer {
    func publishDiagnostics() {
        guard !dirty.isEmpty else { return }
        let files = dirty
        dirty = []
        if client.pullDiagnostics {
            if client.diagnosticRefresh { sendRequest("workspace/diagnostic/refresh", .null) }
            return
        }
        for path in files.sorted() {
            let now = diagnostics(for: path)
            if now == (published[path] ?? []) { continue }
            published[path] = now.isEmpty ? nil : now
            let uri = DocumentURI.uri(path)
            var params: JSONValue = ["uri": .string(uri), "diagnostics": .array(now.map { lspDiagnostic($0, file: path) })]
            if client.diagnosticVersions, let version = documents[uri]?.version, case .object(var o) = params {
                o["version"] = .int(Int64(version))
                params = .object(o)
            }
            sink.send(OutgoingMessage.notification("textDocument/publishDiagnostics", params))
        }
    }

    func diagnostics(for path: String) -> [Diagnostic] {
        workspace(holding: path)?.diagnostics(for: path) ?? []
    }

    func pullDiagnostics(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        guard let path = DocumentURI.path(try params.documentURI()) else { throw .invalidParams("not a file: URI") }
        return ["kind": "full", "items": .array(diagnostics(for: path).map { lspDiagnostic($0, file: path) })]
    }

    func workspaceDiagnostics() -> JSONValue {
        var items: [JSONValue] = []
        for w in workspaces {
            for path in w.filesWithDiagnostics.sorted() {
                let uri = DocumentURI.uri(path)
                items.append([
                    "kind": "full", "uri": .string(uri),
                    "version": documents[uri].map { .int(Int64($0.version)) } ?? .null,
                    "items": .array(w.diagnostics(for: path).map { lspDiagnostic($0, file: path) }),
                ])
            }
        }
        return ["items": .array(items)]
    }

    /// The text a position in `path` is counted in: the open buffer, else the workspace's copy.
    func text(of path: String) -> SourceText? {
        if let d = documents[DocumentURI.uri(path)] { return d.text }
        for w in workspaces { if let s = w.snapshot.sources[path] { return s } }
        return try? fileSystem.readText(path)
    }

    func lspDiagnostic(_ d: Diagnostic, file: String) -> JSONValue {
        LSPDiagnostic.json(d, file: file, converter: converter, text: text(of:))
    }
}

/// A model diagnostic as the protocol writes it: the help lines follow the message, related
/// places become `relatedInformation`, the code links nowhere.
enum LSPDiagnostic {
    static func json(_ d: Diagnostic, file: String, converter: PositionConverter, text: (String) -> SourceText?) -> JSONValue {
        let source = text(file) ?? SourceText("")
        var message = d.message
        for help in d.help { message += "\nhelp: " + help }
        let severity: Int64 = switch d.severity {
        case .error: 1
        case .warning: 2
        case .information: 3
        case .hint: 4
        }
        var object: [(String, JSONValue)] = [
            ("range", converter.range(d.range, in: source)),
            ("severity", .int(severity)),
        ]
        if let code = d.code { object.append(("code", .string(code))) }
        object.append(("source", "ampu"))
        object.append(("message", .string(message)))
        if !d.related.isEmpty {
            object.append(("relatedInformation", .array(d.related.map { r in
                let rfile = r.file ?? file
                let rtext = text(rfile) ?? SourceText("")
                return [
                    "location": ["uri": .string(DocumentURI.uri(rfile)), "range": converter.range(r.range, in: rtext)],
                    "message": .string(r.message),
                ]
            })))
        }
        return .init(pairs: object)
    }
}

extension JSONValue {
    init(pairs: [(String, JSONValue)]) {
        self = .object(.init(uniqueKeysWithValues: pairs))
    }
}
