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
        for path in files.sorted() { publish(diagnostics(for: path), for: path) }
    }

    /// Sends `now` as the diagnostics of `path` unless the client already has exactly these.
    private func publish(_ now: [Diagnostic], for path: String) {
        if now == (published[path] ?? []) { return }
        published[path] = now.isEmpty ? nil : now
        let uri = DocumentURI.uri(path)
        var params: JSONValue = ["uri": .string(uri), "diagnostics": .array(now.map { lspDiagnostic($0, file: path) })]
        if client.diagnosticVersions, let version = documents[uri]?.version, case .object(var o) = params {
            o["version"] = .int(Int64(version))
            params = .object(o)
        }
        sink.send(OutgoingMessage.notification("textDocument/publishDiagnostics", params))
    }

    /// Staged diagnostics (as taplo stages them): a manifest's own problems — syntax, keys,
    /// values — go out as soon as its new text is read, before the workspace is loaded again,
    /// which takes a while in a large one. The full set follows once the load is done.
    ///
    /// Only for a manifest that shows nothing yet (just opened, or clean until this edit):
    /// replacing a full set with a partial one would hide the workspace's findings until the
    /// load ends. And only when nothing else waits in the inbox: a burst of edits publishes once.
    func publishOwnDiagnostics(of document: Document) {
        guard !client.pullDiagnostics, inbox.pendingCount == 0, published[document.path] == nil,
              let ecosystem = registry.ecosystem(forManifest: document.path) else { return }
        let manifest = document.analysis.manifest(of: document.text, ecosystem: ecosystem)
        manifests.store(manifest)  // the load that follows reads the same text
        let own = manifest.diagnostics.map { $0.inFile(document.path) }.sorted { $0.range < $1.range }
        publish(Self.limited(own, path: document.path), for: document.path)
    }

    /// What the client is shown for `path`: at most `publishedLimit` diagnostics, in order, and
    /// then one that says how many more there are. A file with 400,000 broken imports is still
    /// diagnosed at once; an editor cannot show more than a screenful anyway.
    func diagnostics(for path: String) -> [Diagnostic] {
        if let tooLarge = oversized[path] { return [tooLarge] }
        // A file the workspace could not read as one of its own (a member manifest that is a
        // directory) still has its diagnostics shown.
        let holder = workspace(holding: path) ?? workspaces.first { $0.hasDiagnostics(for: path) }
        return Self.limited(holder?.diagnostics(for: path) ?? [], path: path)
    }

    /// The first `publishedLimit` of a file's diagnostics, then one that says how many more
    /// there are: all the client is sent, pushed (staged or in full) or pulled.
    static func limited(_ all: [Diagnostic], path: String) -> [Diagnostic] {
        guard all.count > Self.publishedLimit else { return all }
        var shown = Array(all.prefix(Self.publishedLimit))
        let more = all.count - Self.publishedLimit
        shown.append(Diagnostic(severity: .information, code: nil,
            message: "\(more) more problem\(more == 1 ? "" : "s") in this file \(more == 1 ? "is" : "are") not shown (the first \(Self.publishedLimit) are)",
            file: path, range: all[Self.publishedLimit].range,
            help: ["`ampu check` lists them all"]))
        return shown
    }

    static let publishedLimit = 1000

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
                    "items": .array(Self.limited(w.diagnostics(for: path), path: path).map { lspDiagnostic($0, file: path) }),
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

/// A model diagnostic as the protocol writes it: the note and help lines follow the message (the
/// label is what the editor's underline shows already), related
/// places become `relatedInformation`, the code links nowhere.
enum LSPDiagnostic {
    static func json(_ d: Diagnostic, file: String, converter: PositionConverter, text: (String) -> SourceText?) -> JSONValue {
        let source = text(file) ?? SourceText("")
        var message = d.message
        for note in d.notes { message += "\nnote: " + note }
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

