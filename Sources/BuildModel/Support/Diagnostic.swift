/// A problem found in a file: data made by the model, rendered by the front ends.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, information, hint

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .information: 2
            case .hint: 3
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// Another place that explains this diagnostic ("first defined here").
    public struct Related: Hashable, Sendable {
        /// The file, or nil for the diagnostic's own file.
        public var file: String?
        public var range: SourceRange
        public var message: String

        public init(file: String? = nil, range: SourceRange, message: String) {
            self.file = file
            self.range = range
            self.message = message
        }
    }

    /// A mechanical repair: edits that, applied together, fix the problem.
    public struct Fix: Hashable, Sendable {
        public var title: String
        public var edits: [TextEdit]
        /// The edits are what the problem needs, with no choice left to make and nothing else
        /// changed in meaning (a missing `;`, `1.0` written `1.0.0`, npm's `1.0 - 2.0` in this
        /// format's spelling): `ampu fix` applies it unasked, as `cargo fix` applies rustc's
        /// machine-applicable suggestions. False for a guess (the name spelt closest, an entry to
        /// add or remove), which an editor offers and a person chooses.
        public var isCertain: Bool

        public init(title: String, edits: [TextEdit], certain: Bool = false) {
            self.title = title
            self.edits = edits
            self.isCertain = certain
        }
    }

    public var severity: Severity
    /// A stable code such as `E0101`, documented in the README; nil for none.
    public var code: String?
    public var message: String
    /// The file, or nil while it is not known (parsing standard input).
    public var file: String?
    public var range: SourceRange
    public var related: [Related]
    /// What the primary range is, said beside its carets (`not declared in [dependencies]`).
    public var label: String?
    /// `note:` lines: the rule the problem breaks, or why it matters.
    public var notes: [String]
    /// `help:` lines: how to fix it, in words.
    public var help: [String]
    public var fix: Fix?
    /// Whether `range` is a place in the file. False for a problem of the environment (a
    /// variable naming a directory that is not there): a terminal shows it with no place, an
    /// editor at the start of the file it concerns.
    public var placed: Bool = true

    public init(
        severity: Severity, code: String? = nil, message: String, file: String? = nil,
        range: SourceRange, related: [Related] = [], label: String? = nil, notes: [String] = [], help: [String] = [], fix: Fix? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.range = range
        self.related = related
        self.label = label
        self.notes = notes
        self.help = help
        self.fix = fix
    }

    /// The same diagnostic, about the environment rather than a place in its file.
    public var unplaced: Diagnostic {
        var copy = self
        copy.placed = false
        return copy
    }

    /// The same diagnostic, placed in `file` (and its related ranges with it).
    public func inFile(_ path: String) -> Diagnostic {
        var copy = self
        copy.file = path
        copy.related = related.map { r in
            var r = r
            if r.file == nil { r.file = path }
            return r
        }
        return copy
    }
}

/// A diagnostic can be what a step fails with (`Result<ProfileSettings, Diagnostic>`).
extension Diagnostic: Error {}
