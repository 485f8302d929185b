/// One source file of the workspace (or of a library it reaches), scanned and resolved.
public struct Module: Sendable {
    public var path: String
    public var source: SourceText
    public var scan: SourceScan
    public var origin: ModuleOrigin
    /// The manifest of the workspace member holding the file; nil for library and dependency files.
    public var memberManifest: String?
    /// Each import with what it resolved to, in source order.
    public var imports: [ResolvedImport]
    /// Problems in this file: malformed statements, bad imports, invalid UTF-8.
    public var diagnostics: [Diagnostic]
}

/// An import and its outcome.
public struct ResolvedImport: Sendable {
    public var statement: ImportStatement
    public var outcome: ImportOutcome
}
