/// One import as written in a source file.
public struct ImportStatement: Hashable, Sendable {
    /// What is imported, as the language spells it, escapes decoded (`stdlib/string`, `./math`,
    /// Elm's `Html.Attributes`).
    public var path: String
    /// The imported name as written: a string literal with its quotes, or a bare module name.
    /// Diagnostics point here.
    public var literalRange: SourceRange
    /// The name itself (inside the quotes, when there are quotes): what completion replaces.
    public var pathRange: SourceRange
    public var alias: Located<String>?
    /// The whole statement, from `import` to its `;`.
    public var range: SourceRange
    /// What removing the statement deletes: its whole line when nothing else is on it.
    public var removalRange: SourceRange

    public init(path: String, literalRange: SourceRange, pathRange: SourceRange, alias: Located<String>? = nil, range: SourceRange, removalRange: SourceRange? = nil) {
        self.path = path
        self.literalRange = literalRange
        self.pathRange = pathRange
        self.alias = alias
        self.range = range
        self.removalRange = removalRange ?? range
    }

    /// The range of a statement widened to its whole line when it stands alone there:
    /// indentation before it, blanks after it and the line break.
    public static func lineRange(of range: SourceRange, in bytes: [UInt8]) -> SourceRange {
        var start = range.lowerBound
        while start > 0 && (bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09) { start -= 1 }
        var end = range.upperBound
        while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
        let startsLine = start == 0 || bytes[start - 1] == 0x0A
        if end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A { end += 2 }
        else if end < bytes.count && bytes[end] == 0x0A { end += 1 }
        else if end < bytes.count { return range }
        return startsLine ? SourceRange(start, end) : SourceRange(range.lowerBound, end)
    }
}

/// What a source file says about itself: the module it declares and what it imports.
public struct SourceScan: Sendable {
    /// The declared module or package name (`main`, `stdlib::hash`), with its range.
    public var declaration: Located<String>?
    /// The words the declaration starts with before its keyword (Elm's `port` in `port module
    /// Main`), with their ranges; empty for a plain declaration.
    public var declarationModifiers: [Located<String>] = []
    public var imports: [ImportStatement]
    /// Malformed statements found while scanning.
    public var diagnostics: [Diagnostic]
    /// The file defines the language's entry point (Elm's top-level `main`).
    public var definesEntryPoint = false
    /// The names the file exports, where a build's command lines name them (an Oats entry's
    /// functions, which today's oatsc is told of a dependency); empty elsewhere.
    public var exports: [String] = []
    /// The file holds tests the build compiles into a test program (Rask's `test "…"` blocks
    /// and `@test` functions); false where tests are files of their own.
    public var holdsTests = false

    public init(declaration: Located<String>? = nil, imports: [ImportStatement] = [], diagnostics: [Diagnostic] = []) {
        self.declaration = declaration
        self.imports = imports
        self.diagnostics = diagnostics
    }
}
