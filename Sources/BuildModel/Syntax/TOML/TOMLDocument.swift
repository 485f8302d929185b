/// A parsed TOML file: the lossless syntax tree, the tables it means, and every diagnostic.
public struct TOMLDocument: Sendable {
    public let syntax: TOMLSyntaxTree
    public let root: TOMLTable
    /// Syntax and meaning problems, in the order of the file.
    public let diagnostics: [Diagnostic]

    public var source: SourceText { syntax.source }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init(parsing source: SourceText, version: TOMLVersion = .v1_0) {
        let tree = TOMLParser.parse(source, version: version)
        var builder = TOMLDocumentBuilder(source: source)
        builder.build(tree.statements)
        self.syntax = tree
        self.root = builder.freeze()
        self.diagnostics = (tree.diagnostics + builder.diagnostics).sorted { $0.range < $1.range }
    }

    public init(_ text: String, version: TOMLVersion = .v1_0) {
        self.init(parsing: SourceText(text), version: version)
    }

    public func value(at path: [String]) -> TOMLValue? { root.value(at: path) }

    public func table(at path: [String]) -> TOMLTable? {
        path.isEmpty ? root : value(at: path)?.table
    }
}
