import BuildModel

/// What the client said it can do, reduced to what the server acts on.
public struct ClientCapabilities: Sendable {
    /// UTF-8 when the client offers it (`general.positionEncodings`), else UTF-16.
    public var positionEncoding: ColumnEncoding = .utf16
    /// `textDocument.diagnostic`: the client pulls diagnostics.
    public var pullDiagnostics = false
    /// `workspace.diagnostics.refreshSupport`.
    public var diagnosticRefresh = false
    /// `workspace.didChangeWatchedFiles.dynamicRegistration`.
    public var watchedFilesRegistration = false
    /// `textDocument.hover.contentFormat` includes markdown.
    public var markdownHover = false
    /// `textDocument.completion.completionItem.documentationFormat` includes markdown.
    public var markdownCompletion = false
    /// `textDocument.codeAction.codeActionLiteralSupport`: actions, not only commands.
    public var codeActionLiterals = false
    /// `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`.
    public var hierarchicalSymbols = false
    /// `textDocument.publishDiagnostics.versionSupport`.
    public var diagnosticVersions = false
    /// `textDocument.inlayHint`: the client shows inlay hints.
    public var inlayHints = false
    /// `textDocument.foldingRange.rangeLimit`: the most folding ranges the client takes.
    public var foldingRangeLimit: Int?
    /// `workspace.workspaceEdit.resourceOperations` has `rename`: a file's rename among the
    /// `documentChanges` of an edit (Neovim says so without `documentChanges` itself), which
    /// renaming a module needs.
    public var renamesFiles = false
    /// `textDocument.rename.prepareSupport`.
    public var prepareRename = false
    /// `workspace.workspaceEdit.documentChanges`: versioned edits of documents; else an edit is
    /// sent as `changes`.
    public var documentChanges = false

    public init() {}

    public init(_ json: JSONValue) {
        let encodings = json["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if encodings.contains("utf-8") { positionEncoding = .utf8 }
        let document = json["textDocument"]
        pullDiagnostics = document?["diagnostic"] != nil && document?["diagnostic"] != .null
        diagnosticRefresh = json["workspace"]?["diagnostics"]?["refreshSupport"]?.boolValue ?? false
        watchedFilesRegistration = json["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        markdownHover = document?["hover"]?["contentFormat"]?.arrayValue?.contains("markdown") ?? false
        markdownCompletion = document?["completion"]?["completionItem"]?["documentationFormat"]?.arrayValue?.contains("markdown") ?? false
        codeActionLiterals = document?["codeAction"]?["codeActionLiteralSupport"] != nil
        hierarchicalSymbols = document?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.boolValue ?? false
        diagnosticVersions = document?["publishDiagnostics"]?["versionSupport"]?.boolValue ?? false
        inlayHints = document?["inlayHint"] != nil && document?["inlayHint"] != .null
        foldingRangeLimit = document?["foldingRange"]?["rangeLimit"]?.intValue.map { Int(max(0, min($0, Int64(Int32.max)))) }
        renamesFiles = json["workspace"]?["workspaceEdit"]?["resourceOperations"]?.arrayValue?.contains("rename") ?? false
        prepareRename = document?["rename"]?["prepareSupport"]?.boolValue ?? false
        documentChanges = json["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
    }
}
