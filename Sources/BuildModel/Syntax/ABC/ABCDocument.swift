/// An Aria build file (`build.abc`) read into one model, whichever form it is written in:
///
/// - the INI-like form real projects use (`[project]`, `[target.NAME]`, `key = "v"`, arrays over
///   several lines, `#` and `;` comments): sections become nested objects, `[target.app]` the
///   member `app` of `target`;
/// - the seed's form (objects in `{}`, arrays in `[]`, keys bare or quoted, `:` between key and
///   value, `//` comments, trailing commas, with or without the outer braces), of which JSON is a
///   part;
/// - the keyword form some packages write (`LIBRARY "x"`, `SOURCES:`, `DEPENDENCIES:`), which is
///   not a tree of values: it is read into `keywordFile` (`ABCKeywordFile`), and `root` is nil.
///
/// Every key and value keeps its range, and every problem is a located diagnostic; the reader
/// never stops at the first one. The old block form (`targets { lib "x" { … } }`), which no
/// current file uses, is named in one error, not guessed at.
public struct ABCDocument: Sendable {
    public enum Form: String, Sendable { case ini, braces, keyword, block, empty }

    /// A value, as the callers that take a file apart see it.
    public enum Value: Sendable {
        case object([Member])
        case array([Node])
        /// A string, escapes decoded.
        case string(String)
        /// A number as written.
        case number(String)
        case bool(Bool)
        /// A bare word where a value belongs (`type = binary`), as written.
        case word(String)
        /// What could not be read (the diagnostic says why).
        case invalid
    }

    /// One value of the file: a handle into the file's store, where every value is a slot of
    /// one array (a file of a thousand targets is read without an allocation per value).
    public struct Node: Sendable {
        let store: ABCStore
        let id: Int32

        var slot: ABCStore.Slot { store.slots[Int(id)] }

        public var range: SourceRange { slot.range }

        public var value: Value {
            switch slot.kind {
            case .object: .object(members ?? [])
            case .array: .array(elements ?? [])
            case .string: .string(store.text(of: id))
            case .number: .number(store.text(of: id))
            case .word: .word(store.text(of: id))
            case .trueValue: .bool(true)
            case .falseValue: .bool(false)
            case .invalid: .invalid
            }
        }

        /// The members, in the order written; nil when it is no object.
        public var members: [Member]? {
            guard slot.kind == .object else { return nil }
            return store.children(of: id).map { Member(store: store, id: $0) }
        }

        /// The elements; nil when it is no array.
        public var elements: [Node]? {
            guard slot.kind == .array else { return nil }
            return store.children(of: id).map { Node(store: store, id: $0) }
        }

        /// A boolean's value; nil for any other value.
        public var bool: Bool? { slot.kind == .trueValue ? true : slot.kind == .falseValue ? false : nil }

        /// Whether it is a quoted string; whether it could not be read.
        public var isQuoted: Bool { slot.kind == .string }
        public var isInvalid: Bool { slot.kind == .invalid }

        /// A string, or a bare word, as text.
        public var string: String? { slot.kind == .string || slot.kind == .word ? store.text(of: id) : nil }

        /// The first member named `key`.
        public func member(_ key: String) -> Member? {
            guard slot.kind == .object else { return nil }
            var child = slot.first
            while child >= 0 {
                if store.keyEquals(child, key) { return Member(store: store, id: child) }
                child = store.slots[Int(child)].next
            }
            return nil
        }

        /// How messages name its kind: `a string`, `an array`.
        public var typeName: String {
            switch slot.kind {
            case .object: "an object"
            case .array: "an array"
            case .string: "a string"
            case .number: "a number"
            case .trueValue, .falseValue: "a boolean"
            case .word: "a bare word"
            case .invalid: "an invalid value"
            }
        }
    }

    /// A key of an object and its value.
    public struct Member: Sendable {
        let store: ABCStore
        let id: Int32

        public var key: String { store.key(of: id) }
        public var keyRange: SourceRange { store.slots[Int(id)].keyRange }
        public var value: Node { Node(store: store, id: id) }
    }

    public let source: SourceText
    public let form: Form
    /// The file as one object; nil for the keyword form and for a form ampu does not read.
    public let root: Node?
    /// The keyword form's library, sources and dependencies; nil for the other forms.
    public let keywordFile: ABCKeywordFile?
    public let diagnostics: [Diagnostic]

    public init(parsing source: SourceText) {
        self.source = source
        let form = Self.form(of: source.bytes)
        self.form = form
        var problems: [Diagnostic] = []
        var keywordFile: ABCKeywordFile?
        switch form {
        case .ini:
            var parser = ABCINIParser(bytes: source.bytes)
            root = parser.parse()
            problems = parser.diagnostics
        case .braces:
            var parser = ABCBraceParser(bytes: source.bytes)
            root = parser.parse()
            problems = parser.diagnostics
        case .empty:
            var builder = ABCBuilder(bytes: source.bytes)
            let id = builder.add(.object, SourceRange(0, source.bytes.count))
            root = Node(store: builder.finish(), id: id)
        case .keyword:
            root = nil
            (keywordFile, problems) = ABCKeywordFile.read(source.bytes)
        case .block:
            root = nil
            problems = [.error("this build file is written in the old block form (`targets { lib \"x\" { … } }`), which ampu does not read", .abcUnsupportedForm, at: Self.firstWord(source.bytes),
                               label: "ampu reads [project] and [target.NAME] sections, or the seed's { project: …, targets: [ … ] }",
                               help: ["rewrite it with sections: [project] with name and version, then [target.NAME] with type, sources, deps and flags"])]
        }
        self.keywordFile = keywordFile
        diagnostics = source.path.map { path in problems.map { $0.inFile(path) } } ?? problems
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The form, from the first thing that is not a comment: `[` starts a section, `{` or
    /// `name:` the seed's form, an upper-case keyword the keyword form, `word {` or `word "x" {`
    /// the block form, anything else (`key = …`) the INI form.
    static func form(of bytes: [UInt8]) -> Form {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if b == 0x23 || b == 0x3B || (b == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x2F) {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if b == 0x5B { return .ini }
            if b == 0x7B || b == 0x22 { return .braces }
            var end = i
            while end < bytes.count, ABCSyntax.isKeyByte(bytes[end]) { end += 1 }
            let word = bytes[i..<end]
            var next = end
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            let after = next < bytes.count ? bytes[next] : 0
            // `LIBRARY "name"`, `LIBRARY name`, `SOURCES:`.
            if !word.isEmpty, word.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F }),
               after == 0x20 || after == 0x22 || after == 0x3A || after == 0x0A || (next > end && ABCSyntax.isKeyByte(after)) {
                return word.count > 1 && after != 0x3D ? .keyword : .ini
            }
            if after == 0x3A { return .braces }
            if after == 0x7B || after == 0x22 { return .block }
            // `build test {`: a kind, a name, a brace.
            var second = next
            while second < bytes.count, ABCSyntax.isKeyByte(bytes[second]) { second += 1 }
            while second < bytes.count, bytes[second] == 0x20 || bytes[second] == 0x09 { second += 1 }
            if second > next, second < bytes.count, bytes[second] == 0x7B { return .block }
            return .ini
        }
        return .empty
    }

    private static func firstWord(_ bytes: [UInt8]) -> SourceRange {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x23 || (bytes[i] == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x2F) {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            } else if bytes[i] <= 0x20 {
                i += 1
            } else {
                break
            }
        }
        var end = i
        while end < bytes.count, ABCSyntax.isKeyByte(bytes[end]) { end += 1 }
        return SourceRange(i, max(end, min(i + 1, bytes.count)))
    }
}

extension DiagnosticCode {
    public static let abcSyntax = DiagnosticCode("A001", "A build.abc that does not follow its form's grammar: a missing `]`, `=`, `:`, comma or bracket, a value that is none; in the keyword form, an unknown keyword, an entry outside a section, a mark other than `(optional)`.")
    public static let abcString = DiagnosticCode("A002", "A string in build.abc with no closing quote, or an unknown escape.")
    public static let abcDuplicateKey = DiagnosticCode("A003", "The same key, or the same [section], twice in build.abc (in the keyword form, the same keyword).")
    public static let abcUnsupportedForm = DiagnosticCode("A004", "A build.abc in the old block form (`targets { lib \"x\" { … } }`), which no current file uses and ampu does not read.")
}
