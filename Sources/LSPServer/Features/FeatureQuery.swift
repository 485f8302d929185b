import BuildModel

/// Everything a feature reads to answer one request: the document, the cursor or range, the
/// workspace snapshot holding the file, and how positions are counted. Features are pure
/// functions of it.
struct FeatureQuery: Sendable {
    let params: JSONValue
    let uri: String
    let path: String
    let text: SourceText
    /// The cursor (`params.position`), as a byte offset.
    let offset: Int?
    /// The selection (`params.range`), as byte offsets.
    let range: SourceRange?
    let workspace: WorkspaceState?
    /// The server's other workspaces (folders open beside the one holding the file), whose
    /// imports may lead into it: references and renames look there too.
    let others: [WorkspaceSnapshot]
    let ecosystem: any Ecosystem
    let converter: PositionConverter
    let client: ClientCapabilities
    /// The text of any other file, for positions in it.
    let textOf: @Sendable (String) -> SourceText?
    /// Parses of `text`, shared by every request on the same version of an open document.
    let analysis: DocumentAnalysis
    /// The disk, for answers that look at it (a pattern's matches), and the server's environment.
    let fileSystem: any FileSystem
    let environment: [String: String]

    var isManifest: Bool { ecosystem.isManifestFile(path) }
    var snapshot: WorkspaceSnapshot? { workspace?.snapshot }
    /// The text as a manifest document of the ecosystem's format (parsed once per version).
    var manifestDocument: any ManifestDocument { analysis.manifestDocument(of: text, ecosystem: ecosystem) }
    /// The text as the ecosystem's manifest (read once per document version).
    var manifest: PackageManifest { analysis.manifest(of: text, ecosystem: ecosystem) }

    /// A source file's declaration and every import statement, repeated ones too (at most
    /// `limit`): the workspace's module of this text, or a scan of it when no workspace holds
    /// the file.
    func sourceImports(limit: Int = .max) -> (declaration: Located<String>?, statements: [ImportStatement]) {
        if let module = snapshot?.modules[path] { return (module.declaration, module.importStatements(limit: limit)) }
        let scan = analysis.scan(of: text, ecosystem: ecosystem)
        return (scan.declaration, Array(scan.imports.prefix(limit)))
    }

    func requireOffset() throws(ResponseError) -> Int {
        guard let offset else { throw .invalidParams("missing 'position'") }
        return offset
    }

    func location(_ file: String, _ range: SourceRange) -> JSONValue {
        let t = file == path ? text : textOf(file) ?? SourceText("")
        return ["uri": .string(DocumentURI.uri(file)), "range": converter.range(range, in: t)]
    }

    func lspRange(_ range: SourceRange) -> JSONValue { converter.range(range, in: text) }

    /// Completion documentation: markup when the client reads markdown, else a plain string.
    func documentation(_ markdown: String) -> JSONValue {
        client.markdownCompletion ? ["kind": "markdown", "value": .string(markdown)] : .string(markdown.replacingBackticks())
    }

    /// Markdown or plain text, as the client reads it.
    func markup(_ markdown: String, markdownAllowed: Bool) -> JSONValue {
        ["kind": markdownAllowed ? "markdown" : "plaintext", "value": .string(markdownAllowed ? markdown : markdown.replacingBackticks())]
    }
}

extension String {
    /// Markdown reduced to plain text for clients that show no markdown.
    func replacingBackticks() -> String {
        var out = ""
        for c in self where c != "`" && c != "*" { out.append(c) }
        return out
    }
}

extension LanguageServer {
    /// The query for a request about `params.textDocument`.
    func query(_ params: JSONValue) throws(ResponseError) -> FeatureQuery {
        let uri = try params.documentURI()
        guard let path = DocumentURI.path(uri) else { throw .invalidParams("'\(uri)' is not a file: URI") }
        let open = documents[uri]
        guard let text = open?.text ?? text(of: path) else { throw .invalidParams("'\(uri)' is not open and cannot be read") }
        let holder = workspace(holding: path)
        guard let ecosystem = holder?.snapshot.ecosystem ?? registry.ecosystem(forFile: path) else {
            throw .invalidParams("'\(uri)' is neither a manifest nor a source file ampu reads")
        }
        var offset: Int?
        if let position = params["position"], !position.isNull {
            offset = converter.offset(try position.linePosition(), in: text)
        }
        var range: SourceRange?
        if let r = params["range"], !r.isNull {
            let (a, b) = try r.lineRange()
            let start = converter.offset(a, in: text)
            range = SourceRange(start, max(start, converter.offset(b, in: text)))
        }
        let documents = self.documents
        let sources = workspaces.map(\.snapshot.sources)
        let fs = fileSystem
        return FeatureQuery(
            params: params, uri: uri, path: path, text: text, offset: offset, range: range,
            workspace: holder, others: workspaces.filter { $0.root != holder?.root }.map(\.snapshot), ecosystem: ecosystem, converter: converter, client: client,
            textOf: { file in
                if let d = documents[DocumentURI.uri(file)] { return d.text }
                for s in sources { if let t = s[file] { return t } }
                return try? fs.readText(file)
            },
            analysis: open?.analysis ?? DocumentAnalysis(), fileSystem: fs, environment: environment)
    }
}
