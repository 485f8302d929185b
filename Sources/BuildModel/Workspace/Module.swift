/// One source file of the workspace (or of a library it reaches), scanned and resolved.
/// A class: snapshots share modules, and a check of 10,000 files should not copy them.
public final class Module: Sendable {
    public let path: String
    public let source: SourceText
    public let scan: SourceScan
    public let origin: ModuleOrigin
    /// The manifest of the workspace member holding the file; nil for library and dependency files.
    public let memberManifest: String?
    /// Each import with what it resolved to, in source order.
    public let imports: [ResolvedImport]
    /// Problems in this file: malformed statements, bad imports, invalid UTF-8.
    public let diagnostics: [Diagnostic]

    public init(path: String, source: SourceText, scan: SourceScan, origin: ModuleOrigin, memberManifest: String?,
                imports: [ResolvedImport], diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.scan = scan
        self.origin = origin
        self.memberManifest = memberManifest
        self.imports = imports
        self.diagnostics = diagnostics
    }
}

/// An import and its outcome.
public struct ResolvedImport: Sendable {
    public var statement: ImportStatement
    public var outcome: ImportOutcome
}
