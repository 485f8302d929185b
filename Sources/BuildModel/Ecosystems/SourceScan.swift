/// One import as written in a source file.
public struct ImportStatement: Hashable, Sendable {
    /// The imported path with escapes decoded (`stdlib/string`).
    public var path: String
    /// The string literal, quotes included: where diagnostics point.
    public var literalRange: SourceRange
    /// The text between the quotes: what completion replaces.
    public var pathRange: SourceRange
    public var alias: Located<String>?
    /// The whole statement, from `import` to its `;`.
    public var range: SourceRange

    public init(path: String, literalRange: SourceRange, pathRange: SourceRange, alias: Located<String>? = nil, range: SourceRange) {
        self.path = path
        self.literalRange = literalRange
        self.pathRange = pathRange
        self.alias = alias
        self.range = range
    }
}

/// What a source file says about itself: the module it declares and what it imports.
public struct SourceScan: Sendable {
    /// The declared module or package name (`main`, `stdlib::hash`), with its range.
    public var declaration: Located<String>?
    public var imports: [ImportStatement]
    /// Malformed statements found while scanning.
    public var diagnostics: [Diagnostic]

    public init(declaration: Located<String>? = nil, imports: [ImportStatement] = [], diagnostics: [Diagnostic] = []) {
        self.declaration = declaration
        self.imports = imports
        self.diagnostics = diagnostics
    }
}
