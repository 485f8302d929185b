/// A build.abc in the keyword form, as some nitpick-packages packages write it:
///
///     LIBRARY "nitpick_tilemap"
///
///     SOURCES:
///         src/nitpick_tilemap.npk
///
///     DEPENDENCIES:
///         ../nitpick-math (optional)
///
/// Each keyword starts a line; a section's entries are the indented lines after it, one a line;
/// `#` and `//` start comment lines. A dependency is the directory of another project, marked
/// `(optional)` when the build goes on without it. Every entry keeps its range, and every problem
/// is a located diagnostic; the reader never stops at the first one.
public struct ABCKeywordFile: Sendable {
    public struct Dependency: Sendable, Equatable {
        /// The project's directory, as written (relative to this file's directory).
        public var path: Located<String>
        public var isOptional: Bool
    }

    /// The `LIBRARY` keyword, where it is written.
    public var library: SourceRange?
    /// The name after `LIBRARY`.
    public var name: Located<String>?
    public var sources: [Located<String>] = []
    public var dependencies: [Dependency] = []
    /// Where `SOURCES:` and `DEPENDENCIES:` are first written.
    public var sourcesKeyword: SourceRange?
    public var dependenciesKeyword: SourceRange?

    /// The keywords, as a line starts with them.
    static let keywords = ["LIBRARY", "SOURCES:", "DEPENDENCIES:"]

    /// Reads `bytes`, with the problems found.
    static func read(_ bytes: [UInt8]) -> (file: ABCKeywordFile, diagnostics: [Diagnostic]) {
        var reader = Reader(bytes: bytes)
        reader.read()
        return (reader.file, reader.diagnostics)
    }

    private struct Reader {
        let bytes: [UInt8]
        var file = ABCKeywordFile()
        var diagnostics: [Diagnostic] = []

        enum Section { case sources, dependencies, unknown }
        var section: Section?
        /// Where each keyword was first written: a second one is an error that points back.
        var seen: [String: SourceRange] = [:]

        init(bytes: [UInt8]) { self.bytes = bytes }

        static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

        mutating func read() {
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var last = end
                while last > start, Self.isBlank(bytes[last - 1]) { last -= 1 }
                var first = start
                while first < last, Self.isBlank(bytes[first]) { first += 1 }
                if first < last && !isComment(first) {
                    if first > start { entry(first..<last) } else { keyword(first..<last) }
                }
                start = end + 1
            }
            file.library = seen["LIBRARY"]
            file.sourcesKeyword = seen["SOURCES:"]
            file.dependenciesKeyword = seen["DEPENDENCIES:"]
        }

        func isComment(_ i: Int) -> Bool {
            bytes[i] == 0x23 || (bytes[i] == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x2F)
        }

        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        mutating func problem(_ d: Diagnostic) { diagnostics.append(d) }

        /// A line that starts at its first column.
        mutating func keyword(_ line: Range<Int>) {
            var end = line.lowerBound
            while end < line.upperBound, ABCSyntax.isKeyByte(bytes[end]) { end += 1 }
            if end < line.upperBound, bytes[end] == 0x3A { end += 1 }
            let word = SourceRange(line.lowerBound, max(end, line.lowerBound + 1))
            let spelled = text(word.range)
            guard Self.known(spelled) else {
                section = .unknown
                let guess = Spelling.closest(to: spelled, in: ABCKeywordFile.keywords)
                problem(.error("unknown keyword '\(spelled)'", .abcSyntax, at: word, label: "not a keyword of this form",
                               help: (guess.map { ["did you mean '\($0)'?"] } ?? [])
                                   + ["a build file in this form has LIBRARY \"name\", then SOURCES: and DEPENDENCIES:, each entry on an indented line below"],
                               fix: guess.map { Diagnostic.Fix(title: "Write '\($0)'", edits: [TextEdit(range: word, newText: $0)]) }))
                return
            }
            let isFirst = seen[spelled] == nil
            if let earlier = seen[spelled] {
                var d = Diagnostic.error("\(spelled) is written twice", .abcDuplicateKey, at: word, label: "again here",
                                         help: [spelled == "LIBRARY" ? "a build file in this form builds one library: remove this line" : "put every entry under the first \(spelled)"])
                d.related = [.init(range: earlier, message: "first written here")]
                problem(d)
            } else {
                seen[spelled] = word
            }
            switch spelled {
            case "LIBRARY":
                section = nil
                library(after: word, line: line, isFirst: isFirst)
            default:
                section = spelled == "SOURCES:" ? .sources : .dependencies
                if word.upperBound < line.upperBound, !isComment(skipBlanks(word.upperBound, line)) {
                    let rest = SourceRange(skipBlanks(word.upperBound, line), line.upperBound)
                    problem(.error("an entry on the line of \(spelled)", .abcSyntax, at: rest, label: "not on this line",
                                   help: ["write each entry on a line of its own below \(spelled), indented"]))
                }
            }
        }

        static func known(_ word: String) -> Bool { ABCKeywordFile.keywords.contains(word) }

        func skipBlanks(_ i: Int, _ line: Range<Int>) -> Int {
            var i = i
            while i < line.upperBound, Self.isBlank(bytes[i]) { i += 1 }
            return i
        }

        /// `LIBRARY "name"` (or a bare name); the name of the first one stands.
        mutating func library(after word: SourceRange, line: Range<Int>, isFirst: Bool) {
            let at = skipBlanks(word.upperBound, line)
            guard at < line.upperBound, !isComment(at) else {
                problem(.error("LIBRARY names no library", .abcSyntax, at: word, label: "the name goes after it",
                               help: ["write the library's name after it: LIBRARY \"name\""]))
                return
            }
            var name: Located<String>?
            var after = at
            if bytes[at] == 0x22 || bytes[at] == 0x27 {
                var syntax = ABCSyntax(bytes: bytes, hashComments: true)
                syntax.at = at
                let quoted = syntax.quoted()
                diagnostics += syntax.diagnostics
                // A string with no end: its error says so.
                guard let (range, decoded) = quoted else { return }
                name = Located(decoded ?? text((range.lowerBound + 1)..<(range.upperBound - 1)), range: range, keyRange: word)
                after = min(syntax.at, line.upperBound)
            } else {
                while after < line.upperBound, ABCSyntax.isKeyByte(bytes[after]) { after += 1 }
                if after > at { name = Located(text(at..<after), range: SourceRange(at, after), keyRange: word) }
            }
            let rest = skipBlanks(after, line)
            if name == nil {
                problem(.error("expected the library's name after LIBRARY, found \(describe(at))", .abcSyntax, at: SourceRange(at, line.upperBound),
                               label: "not a name", help: ["write its name, in quotes: LIBRARY \"name\""]))
            } else if rest < line.upperBound && !isComment(rest) {
                problem(.error("more than one name after LIBRARY", .abcSyntax, at: SourceRange(rest, line.upperBound),
                               label: "after the name", help: ["a build file in this form builds one library: write one name, LIBRARY \"name\""]))
            }
            if isFirst { file.name = name }
        }

        func describe(_ i: Int) -> String {
            let b = bytes[i]
            return b >= 0x21 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "a non-ASCII character"
        }

        /// An indented line: an entry of the section above it.
        mutating func entry(_ line: Range<Int>) {
            switch section {
            case nil:
                problem(.error("an indented line outside SOURCES: and DEPENDENCIES:", .abcSyntax, at: SourceRange(line), label: "in no section",
                               help: ["put it below SOURCES: (a source file) or DEPENDENCIES: (another project's directory)"]))
            case .unknown:
                break  // Under a keyword not known: that keyword's error says it.
            case .sources:
                file.sources.append(Located(text(line), range: SourceRange(line)))
            case .dependencies:
                dependency(line)
            }
        }

        /// `../nitpick-math`, or `../nitpick-math (optional)`.
        mutating func dependency(_ line: Range<Int>) {
            var pathEnd = line.upperBound
            var isOptional = false
            if bytes[line.upperBound - 1] == 0x29, let open = bytes[line].lastIndex(of: 0x28) {
                let mark = text((open + 1)..<(line.upperBound - 1))
                pathEnd = open
                while pathEnd > line.lowerBound, Self.isBlank(bytes[pathEnd - 1]) { pathEnd -= 1 }
                if mark == "optional" {
                    isOptional = true
                } else {
                    let range = SourceRange(open, line.upperBound)
                    let guess = Spelling.closest(to: mark, in: ["optional"])
                    problem(.error("unknown mark '(\(mark))' on a dependency", .abcSyntax, at: range, label: "not a mark",
                                   help: (guess.map { ["did you mean '(\($0))'?"] } ?? []) + ["the one mark a dependency takes is (optional): the build goes on without it"],
                                   fix: guess.map { Diagnostic.Fix(title: "Use '(\($0))'", edits: [TextEdit(range: range, newText: "(\($0))")]) }))
                    // Needed or not, it cannot be told: its error says so, and no other.
                    return
                }
                if pathEnd == line.lowerBound {
                    problem(.error("a dependency with no directory", .abcSyntax, at: SourceRange(line), label: "no directory before the mark",
                                   help: ["write the project's directory first: ../nitpick-math (optional)"]))
                    return
                }
            }
            file.dependencies.append(Dependency(path: Located(text(line.lowerBound..<pathEnd), range: SourceRange(line.lowerBound, pathEnd)), isOptional: isOptional))
        }
    }
}
