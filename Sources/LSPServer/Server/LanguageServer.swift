import BuildModel

/// The language server: one actor owns every piece of state (the client's capabilities, the
/// open documents, the loaded workspaces, what was last published). Messages are handled one
/// at a time, in the order they arrived; features are pure queries over a snapshot.
public actor LanguageServer {
    let sink: any MessageSink
    let inbox: Inbox
    /// The ecosystems served; each workspace is one ecosystem's, found by its manifest.
    let registry: EcosystemRegistry
    let fileSystem: OverlayFileSystem
    let environment: [String: String]
    /// Manifests read so far, shared by every load: unchanged ones are not parsed again.
    let manifests = ManifestCache()

    var client = ClientCapabilities()
    var converter = PositionConverter(encoding: .utf16)
    var initializeReceived = false
    var shutdownReceived = false
    var folders: [String] = []
    var documents: [String: Document] = [:]
    /// The open documents' URIs in the order they were opened (one opened again goes last):
    /// documents a workspace no longer holds are given to one in that order, as they came
    /// (`rehome`).
    var openOrder: [String] = []
    var workspaces: [WorkspaceState] = []
    /// Open documents above `Document.analysisLimit`: not analysed, one diagnostic each.
    var oversized: [String: Diagnostic] = [:]
    /// Diagnostics last sent per file, to send only what changed.
    var published: [String: [Diagnostic]] = [:]
    /// Files whose diagnostics may have changed since the last publication.
    var dirty: Set<String> = []
    var nextRequestID: Int64 = 1
    /// When the oldest unpublished change was made.
    var dirtySince: ContinuousClock.Instant?
    /// Open documents changed and not yet given to their workspace, because a later change or
    /// close of them was already received (`didChange`): a burst of keystrokes in a manifest
    /// loads the workspace once, for the last of them, not once for each in turn.
    var unanalysed: Set<String> = []
    /// Open documents being given to a workspace again (`rehome`), by URI: one that the change
    /// this makes leaves without a home again is not given again, which would go on forever.
    var rehoming: Set<String> = []
    /// How many times an open document's text was given to its workspace (each analysis of an
    /// edit): what shows that a burst of edits was analysed once.
    public internal(set) var documentsAnalysed = 0
    static let publishDelay = Duration.milliseconds(50)

    public init(sink: any MessageSink, inbox: Inbox, registry: EcosystemRegistry, fileSystem: any FileSystem, environment: [String: String]) {
        self.sink = sink
        self.inbox = inbox
        self.registry = registry
        self.fileSystem = OverlayFileSystem(base: fileSystem)
        self.environment = environment
    }

    /// Handles one message; the exit code once the client says `exit`.
    public func handle(_ envelope: Inbox.Envelope) async -> Int32? {
        inbox.take()
        var exitCode: Int32?
        switch envelope.message {
        case .invalid(let id, let error):
            sink.send(OutgoingMessage.error(id: id, error))
        case .request(let id, let method, let params):
            sink.send(reply(to: id, method: method, params: params, editsAtReceipt: envelope.editsAtReceipt))
        case .notification(let method, let params):
            if method == "exit" {
                exitCode = shutdownReceived ? 0 : 1
            } else if !initializeReceived {
                // Before initialize only `exit` counts (LSP 3.17, "Initialize Request").
                Log.info("ignored '\(method)' before 'initialize'")
            } else {
                notify(method, params, editsAtReceipt: envelope.editsAtReceipt)
            }
        case .response:
            break
        }
        // A change held back for a later one that never came as a change (it was not valid):
        // analysed once nothing else waits.
        if !unanalysed.isEmpty && inbox.pendingCount == 0 { analyseHeldBack() }
        if exitCode == nil && !dirty.isEmpty {
            // Debounced: publish once the inbox is empty (a burst of edits publishes once), or
            // when changes have waited longer than `publishDelay` behind a stream of messages.
            let now = ContinuousClock.now
            let since = dirtySince ?? now
            dirtySince = since
            if inbox.pendingCount == 0 || now - since >= Self.publishDelay {
                publishDiagnostics()
                dirtySince = nil
            }
        }
        return exitCode
    }

    /// Input ended without `exit`: the client is gone.
    public var exitCodeAtEndOfInput: Int32 { shutdownReceived ? 0 : 1 }

    private func reply(to id: RequestID, method: String, params: JSONValue, editsAtReceipt: Int) -> JSONValue {
        if inbox.startAnswering(id) {
            return OutgoingMessage.error(id: id, ResponseError(.requestCancelled, "'\(method)' was cancelled"))
        }
        if !initializeReceived && method != "initialize" {
            return OutgoingMessage.error(id: id, ResponseError(.serverNotInitialized, "the server is not initialized; send 'initialize' first"))
        }
        if shutdownReceived && method != "shutdown" {
            return OutgoingMessage.error(id: id, ResponseError(.invalidRequest, "the server is shutting down; only 'exit' is accepted"))
        }
        if let uri = params["textDocument"]?["uri"]?.stringValue, inbox.editedSince(uri, editsAtReceipt) {
            return OutgoingMessage.error(id: id, ResponseError(.contentModified, "the document changed after '\(method)' was sent"))
        }
        if method.hasPrefix("textDocument/"), let uri = params["textDocument"]?["uri"]?.stringValue, let path = DocumentURI.path(uri) {
            if !oversized.isEmpty, oversized[path] != nil {
                // Too large to analyse: nothing to offer but the diagnostic that says so.
                return OutgoingMessage.response(id: id, result: method == "textDocument/diagnostic"
                    ? ["kind": "full", "items": .array(diagnostics(for: path).map { lspDiagnostic($0, file: path) })] : .null)
            }
            if method != "textDocument/diagnostic", registry.ecosystem(forFile: path) == nil {
                // No ecosystem's manifest or source (the client sent a file it should not have).
                return OutgoingMessage.response(id: id, result: .null)
            }
        }
        do throws(ResponseError) {
            return OutgoingMessage.response(id: id, result: try answer(method, params))
        } catch {
            return OutgoingMessage.error(id: id, error)
        }
    }

    private func answer(_ method: String, _ params: JSONValue) throws(ResponseError) -> JSONValue {
        switch method {
        case "initialize": return try initialize(params)
        case "shutdown":
            shutdownReceived = true
            return .null
        case "textDocument/completion": return try Completion.answer(try query(params))
        case "textDocument/hover": return try Hover.answer(try query(params))
        case "textDocument/definition": return try Definition.answer(try query(params))
        case "textDocument/references": return try References.answer(try query(params))
        case "textDocument/documentLink": return DocumentLinks.answer(try query(params))
        case "textDocument/documentSymbol": return DocumentSymbols.answer(try query(params))
        case "textDocument/codeAction": return try CodeActions.answer(try query(params))
        case "textDocument/inlayHint": return InlayHints.answer(try query(params))
        case "textDocument/formatting": return Formatting.answer(try query(params))
        case "textDocument/foldingRange": return FoldingRanges.answer(try query(params))
        case "textDocument/prepareRename": return try Rename.prepare(try query(params))
        case "textDocument/rename": return try Rename.answer(try query(params)) { documents[DocumentURI.uri($0)]?.version }
        case "textDocument/diagnostic": return try pullDiagnostics(params)
        case "workspace/diagnostic": return workspaceDiagnostics()
        case "workspace/symbol": return try workspaceSymbols(params)
        case "workspace/willRenameFiles": return try willRenameFiles(params)
        default: throw ResponseError(.methodNotFound, "unknown method '\(method)'")
        }
    }

    private func notify(_ method: String, _ params: JSONValue, editsAtReceipt: Int) {
        do throws(ResponseError) {
            switch method {
            case "initialized": initialized()
            case "textDocument/didOpen": try didOpen(params)
            case "textDocument/didChange": try didChange(params, editsAtReceipt: editsAtReceipt)
            case "textDocument/didClose": try didClose(params)
            case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
            case "workspace/didChangeWorkspaceFolders": didChangeWorkspaceFolders(params)
            default: return  // textDocument/didSave, $/setTrace and anything unknown: nothing to do
            }
            if method != "initialized" {
                dropRedundant()
                dropUngiven()
            }
        } catch {
            Log.error("'\(method)': \(error.message)")
        }
    }

    // MARK: Lifecycle

    private func initialize(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        guard !initializeReceived else { throw ResponseError(.invalidRequest, "'initialize' was already received") }
        initializeReceived = true
        client = ClientCapabilities(params["capabilities"] ?? .null)
        converter = PositionConverter(encoding: client.positionEncoding)
        if let list = params["workspaceFolders"]?.arrayValue {
            folders = list.compactMap { $0["uri"]?.stringValue.flatMap(DocumentURI.path) }
        }
        if folders.isEmpty, let root = params["rootUri"]?.stringValue.flatMap(DocumentURI.path) ?? params["rootPath"]?.stringValue {
            folders = [root]
        }
        return ["capabilities": ServerCapabilities.json(for: client, sourceExtensions: registry.sourceExtensions), "serverInfo": ServerInfo.current.json]
    }

    private func initialized() {
        for folder in folders { openWorkspace(from: folder) }
        if client.watchedFilesRegistration {
            let watchers: [JSONValue] = (registry.manifestFileNames + registry.lockFileNames + (registry.sourceExtensions + registry.patternExtensions).map { "*.\($0)" })
                .map { ["globPattern": .string("**/\($0)")] }
            sendRequest("client/registerCapability", ["registrations": [[
                "id": "ampu-watched-files", "method": "workspace/didChangeWatchedFiles",
                "registerOptions": ["watchers": .array(watchers)],
            ]]])
        }
    }

    func sendRequest(_ method: String, _ params: JSONValue) {
        sink.send(OutgoingMessage.request(id: .number(nextRequestID), method, params))
        nextRequestID += 1
    }

    /// Loads the workspace found upward from `directory`, unless one already holds it.
    @discardableResult
    func openWorkspace(from directory: String) -> Int? {
        if let i = workspaces.firstIndex(where: { $0.start == directory || $0.root == directory }) { return i }
        do throws(WorkspaceError) {
            let (loader, manifest) = try registry.loader(from: directory, manifestPath: nil, fileSystem: fileSystem,
                                                         environment: environment, manifests: manifests)
            let state = try WorkspaceState(loader: loader, start: directory, manifest: manifest)
            if let i = workspaces.firstIndex(where: { $0.root == state.root }) { return i }
            workspaces.append(state)
            dirty.formUnion(state.filesWithDiagnostics)
            resolveInBackground(workspaces.count - 1)
            return workspaces.count - 1
        } catch {
            Log.info("no workspace at '\(directory)': \(error)")
            return nil
        }
    }

    private func didChangeWorkspaceFolders(_ params: JSONValue) {
        for removed in params["event"]?["removed"]?.arrayValue ?? [] {
            guard let path = removed["uri"]?.stringValue.flatMap(DocumentURI.path) else { continue }
            folders.removeAll { $0 == path }
            for i in workspaces.indices.reversed() where workspaces[i].start == path { dropWorkspace(at: i) }
        }
        for added in params["event"]?["added"]?.arrayValue ?? [] {
            guard let path = added["uri"]?.stringValue.flatMap(DocumentURI.path) else { continue }
            folders.append(path)
            openWorkspace(from: path)
        }
    }
}
