/// The package block of a Rask build file, read on its own (seed 002, rule 7: a syntax error in
/// `func build()` or anywhere after the block never hides the dependencies):
///
///     package "my-app" "1.0.0" {
///         description: "…"                      // metadata: key: value
///         dep "http" "^2.0" { target: "linux" }  // keyword "name" ["version"] [{ key: value }]
///         scope "dev" { dep "mock" "^2.0" }
///         feature "ssl" { default: true  dep "openssl" "^3.0" }
///         profile "embedded" { inherits: "release", opt_level: "z" }
///     }
///
/// Entries are separated by line ends or commas; every name, value and block keeps its range.
/// The reader never stops at the first problem: it reports it (R001, R002) and goes on with the
/// next entry. What lies outside the block is only scanned: for `func build`, for a second
/// `package` block and for a `dep` outside any block, which the ecosystem reports.
public struct RaskPackageDocument: Sendable {
    /// A value: a string, number, `true`/`false`, a bare word, or a list of values.
    public struct Value: Sendable {
        public enum Kind: Sendable {
            case string(String)
            case number(String)
            case bool(Bool)
            case word(String)
            case list([Value])
            case invalid
        }
        public var kind: Kind
        public var range: SourceRange

        public var string: String? { if case .string(let s) = kind { s } else { nil } }
        public var list: [Value]? { if case .list(let l) = kind { l } else { nil } }

        /// How messages name its kind.
        public var typeName: String {
            switch kind {
            case .string: "a string"
            case .number: "a number"
            case .bool: "a boolean"
            case .word: "a bare word"
            case .list: "a list"
            case .invalid: "an invalid value"
            }
        }
    }

    /// `key: value`.
    public struct Entry: Sendable {
        public var key: Located<String>
        public var value: Value
    }

    /// `dep "name" ["version"] [{ key: value … }]`.
    public struct Dependency: Sendable {
        public var name: Located<String>
        public var version: Located<String>?
        public var properties: [Entry]
        /// From `dep` to the end of its sub-block.
        public var range: SourceRange

        public func property(_ key: String) -> Entry? { properties.first { $0.key.value == key } }
    }

    /// `feature`, `scope` or `profile` with its name and block: what it holds, groups inside it
    /// included (which the ecosystem reports: groups do not nest).
    public struct Group: Sendable {
        public var keyword: Located<String>
        public var name: Located<String>
        public var entries: [Entry] = []
        public var dependencies: [Dependency] = []
        public var groups: [Group] = []
        /// Whether it has a `{ … }` block (`feature "verbose"` has none).
        public var hasBlock = false
        public var range: SourceRange

        public func entry(_ key: String) -> Entry? { entries.first { $0.key.value == key } }
    }

    /// `package "name" ["version"] { … }`.
    public struct Package: Sendable {
        public var keyword: SourceRange
        public var name: Located<String>
        public var version: Located<String>?
        public var entries: [Entry] = []
        public var dependencies: [Dependency] = []
        public var groups: [Group] = []
        /// From `package` to the closing brace.
        public var range: SourceRange

        public func entry(_ key: String) -> Entry? { entries.first { $0.key.value == key } }
    }

    public let source: SourceText
    /// The first package block; nil when the file has none.
    public let package: Package?
    /// Each further `package` keyword that starts a block (the seed allows one).
    public let extraPackages: [SourceRange]
    /// Each `dep` written outside the package block, at the top of the file.
    public let strayDependencies: [SourceRange]
    /// The name of `func build`, when the file defines it.
    public let buildFunction: SourceRange?
    public let diagnostics: [Diagnostic]

    public init(parsing source: SourceText) {
        self.source = source
        var parser = RaskPackageParser(bytes: source.bytes)
        parser.run()
        package = parser.package
        extraPackages = parser.extraPackages
        strayDependencies = parser.strayDependencies
        buildFunction = parser.buildFunction
        diagnostics = source.path.map { path in parser.diagnostics.map { $0.inFile(path) } } ?? parser.diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension DiagnosticCode {
    public static let raskSyntax = DiagnosticCode("R001", "A package block that does not follow its grammar: a missing name, `:`, value, bracket or brace, an entry that is none.")
    public static let raskString = DiagnosticCode("R002", "A string in a Rask build file with no closing quote.")
}
