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

extension Module {
    /// The first problem reported at an import of this module (its diagnostics are kept with
    /// the module, not with each import).
    public func problem(of resolved: ResolvedImport) -> Diagnostic? {
        diagnostics.first { $0.range == resolved.statement.literalRange }
    }
}

/// An import and its outcome. The outcome's diagnostics are moved into the module's list, so
/// that a file with 400,000 broken imports holds each one once: `Module.problem(of:)`.
public struct ResolvedImport: Sendable {
    public var statement: ImportStatement
    public var outcome: ImportOutcome
}
