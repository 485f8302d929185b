/// One source file of the workspace (or of a library it reaches), scanned and resolved.
/// A class: snapshots share modules, and a check of 10,000 files should not copy them.
public final class Module: Sendable {
    public let path: String
    public let source: SourceText
    /// The declared module or package name, with its range. (The scan's statements live on as
    /// `imports`; its problems are in `diagnostics`.)
    public let declaration: Located<String>?
    public let origin: ModuleOrigin
    /// The manifest of the workspace member holding the file; nil for library and dependency files.
    public let memberManifest: String?
    /// Each import with what it resolved to, in source order.
    public let imports: [ResolvedImport]
    /// Imports of a path the file imported before: reported (I010), not resolved.
    public let repeatedImports: [ImportStatement]
    /// Problems in this file: malformed statements, bad imports, invalid UTF-8.
    public let diagnostics: [Diagnostic]
    /// The file defines the language's entry point (Elm's top-level `main`).
    public let definesEntryPoint: Bool
    /// The names it exports, where a build's command lines name them (`SourceScan.exports`).
    public let exports: [String]
    /// It holds tests the build compiles (`SourceScan.holdsTests`).
    public let holdsTests: Bool

    public init(path: String, source: SourceText, declaration: Located<String>?, origin: ModuleOrigin, memberManifest: String?,
                imports: [ResolvedImport], repeatedImports: [ImportStatement] = [], diagnostics: [Diagnostic], definesEntryPoint: Bool = false,
                exports: [String] = [], holdsTests: Bool = false) {
        self.path = path
        self.source = source
        self.declaration = declaration
        self.origin = origin
        self.memberManifest = memberManifest
        self.imports = imports
        self.repeatedImports = repeatedImports
        self.diagnostics = diagnostics
        self.definesEntryPoint = definesEntryPoint
        self.exports = exports
        self.holdsTests = holdsTests
    }
}

extension Module {
    /// The first `limit` import statements of the file, repeated ones too, in source order.
    public func importStatements(limit: Int) -> [ImportStatement] {
        var out: [ImportStatement] = []
        out.reserveCapacity(min(limit, imports.count + repeatedImports.count))
        var i = 0, j = 0
        while out.count < limit && (i < imports.count || j < repeatedImports.count) {
            if j == repeatedImports.count || (i < imports.count && imports[i].statement.range < repeatedImports[j].range) {
                out.append(imports[i].statement)
                i += 1
            } else {
                out.append(repeatedImports[j])
                j += 1
            }
        }
        return out
    }

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
