/// build.abc's INI-like form, as real projects write it:
///
///     [project]                       # or ; comments
///     name = "nitpick-json"
///     [target.nitpick-json]
///     type = "library"
///     sources = ["src/a.npk",
///                "src/b.npk"]
///
/// `[a.b]` is the member `b` of the object `a`; keys before any section belong to the top. A
/// section or key written twice is A003 (the first one counts). A line that is no section and no
/// `key = value` is A001, and reading goes on with the next line.
struct ABCINIParser {
    var syntax: ABCSyntax
    var diagnostics: [Diagnostic] { syntax.diagnostics }

    init(bytes: [UInt8]) { syntax = ABCSyntax(bytes: bytes, hashComments: true) }

    /// The top object and its sections, as a tree of members with ranges.
    final class Table {
        var members: [ABCDocument.Member] = []
        /// The members' keys, for the duplicate check of a file with a thousand targets.
        var keys: Set<String> = []
        var tables: [String: Table] = [:]
        var range: SourceRange
        init(range: SourceRange) { self.range = range }

        /// Its range covers every member: `[target.a]` and `[target.b]` far apart are both in
        /// `target`.
        func node() -> ABCDocument.Node {
            var whole = range
            let out = members.map { m in
                var m = m
                if let t = tables[m.key] { m.value = t.node() }
                whole = whole.union(m.keyRange).union(m.value.range)
                return m
            }
            return ABCDocument.Node(value: .object(out), range: whole)
        }
    }

    mutating func parse() -> ABCDocument.Node {
        let bytes = syntax.bytes
        let top = Table(range: SourceRange(0, bytes.count))
        var current = top
        var seenSections: [String: SourceRange] = [:]
        while true {
            syntax.skipSpace()
            guard !syntax.atEnd else { break }
            let lineStart = syntax.at
            var readable = true
            if bytes[syntax.at] == 0x5B {
                if let table = section(top, seen: &seenSections) { current = table } else { readable = false }
            } else if ABCSyntax.isKeyByte(bytes[syntax.at]) || bytes[syntax.at] == 0x22 {
                readable = entry(into: current)
            } else {
                readable = false
                syntax.problem("expected a [section] or a key = value line, found \(syntax.describe(syntax.at))", .abcSyntax,
                               at: SourceRange(syntax.at, syntax.at + 1), label: "not a section or a key",
                               help: ["a line is [section], key = \"value\", or a comment starting with # or ;"])
            }
            // Whatever is left of the line is reported, then skipped.
            syntax.skipBlanks()
            if readable, !syntax.atEnd, bytes[syntax.at] != 0x0A, syntax.at > lineStart {
                let start = syntax.at
                while !syntax.atEnd, bytes[syntax.at] != 0x0A { syntax.at += 1 }
                syntax.problem("unexpected \(syntax.describe(start)) after the value", .abcSyntax, at: SourceRange(start, syntax.at),
                               label: "nothing may follow on this line", help: ["put one key = value on each line; start a comment with #"])
            } else if !syntax.atEnd, bytes[syntax.at] != 0x0A {
                while !syntax.atEnd, bytes[syntax.at] != 0x0A { syntax.at += 1 }
            }
        }
        return top.node()
    }

    /// `[a.b.c]`: the table it names, created along the way; nil when the header cannot be read.
    private mutating func section(_ top: Table, seen: inout [String: SourceRange]) -> Table? {
        let bytes = syntax.bytes
        let open = syntax.at
        syntax.at += 1
        var parts: [(String, SourceRange)] = []
        while true {
            syntax.skipBlanks()
            let start = syntax.at
            if !syntax.atEnd, bytes[syntax.at] == 0x22 {
                let s = syntax.string()
                guard let text = s.string else { return nil }
                parts.append((text, s.range))
            } else {
                while !syntax.atEnd, ABCSyntax.isKeyByte(bytes[syntax.at]), bytes[syntax.at] != 0x2E { syntax.at += 1 }
                if start == syntax.at {
                    syntax.problem("expected a section name, found \(syntax.describe(syntax.at))", .abcSyntax, at: SourceRange(start, min(start + 1, bytes.count)),
                                   label: "a name goes here", help: ["write [project] or [target.NAME]"])
                    return nil
                }
                parts.append((String(decoding: bytes[start..<syntax.at], as: UTF8.self), SourceRange(start, syntax.at)))
            }
            syntax.skipBlanks()
            if !syntax.atEnd, bytes[syntax.at] == 0x2E { syntax.at += 1; continue }
            break
        }
        guard !syntax.atEnd, bytes[syntax.at] == 0x5D else {
            syntax.problem("expected ']' to close the section name, found \(syntax.describe(syntax.at))", .abcSyntax, at: SourceRange(open, syntax.at),
                           label: "this [ is not closed", help: ["write [\(parts.map(\.0).joined(separator: "."))]"])
            return nil
        }
        syntax.at += 1
        let header = SourceRange(open, syntax.at)
        let name = parts.map(\.0).joined(separator: ".")
        if let first = seen[name] {
            var d = Diagnostic.error("section [\(name)] is written twice", .abcDuplicateKey, at: header, label: "again here",
                                     help: ["merge its keys into the first [\(name)], or rename one"])
            d.related = [Diagnostic.Related(range: first, message: "first written here")]
            syntax.diagnostics.append(d)
        } else {
            seen[name] = header
        }
        var table = top
        for (part, range) in parts {
            if let existing = table.tables[part] {
                table = existing
                continue
            }
            let child = Table(range: header)
            if table.keys.contains(part) {
                syntax.problem("[\(name)] names '\(part)', which is already a key with a value", .abcDuplicateKey, at: range, label: "already a value")
                return nil
            }
            table.members.append(ABCDocument.Member(key: part, keyRange: range, value: ABCDocument.Node(value: .object([]), range: header)))
            table.keys.insert(part)
            table.tables[part] = child
            table = child
        }
        return table
    }

    /// `key = value` (also `key: value`), added to `table` when its value could be read; whether
    /// the line could be read.
    private mutating func entry(into table: Table) -> Bool {
        let bytes = syntax.bytes
        let keyStart = syntax.at
        let key: String
        if bytes[syntax.at] == 0x22 {
            let s = syntax.string()
            guard let text = s.string else { return false }
            key = text
        } else {
            while !syntax.atEnd, ABCSyntax.isKeyByte(bytes[syntax.at]) { syntax.at += 1 }
            key = String(decoding: bytes[keyStart..<syntax.at], as: UTF8.self)
        }
        let keyRange = SourceRange(keyStart, syntax.at)
        syntax.skipBlanks()
        guard !syntax.atEnd, bytes[syntax.at] == 0x3D || bytes[syntax.at] == 0x3A else {
            syntax.problem("expected '=' after the key '\(key)', found \(syntax.describe(syntax.at))", .abcSyntax, at: SourceRange(syntax.at, min(syntax.at + 1, bytes.count)),
                           label: "'=' goes here", help: ["write \(key) = \"value\""])
            return false
        }
        syntax.at += 1
        syntax.skipBlanks()
        let value = syntax.value(depth: 0, object: nil)
        // A value that could not be read is reported already; a later line may give the key.
        if case .invalid = value.value { return true }
        if table.keys.contains(key), let first = table.members.first(where: { $0.key == key }) {
            var d = Diagnostic.error("key '\(key)' is written twice in this section", .abcDuplicateKey, at: keyRange, label: "again here",
                                     help: ["remove one; the first one counts"])
            d.related = [Diagnostic.Related(range: first.keyRange, message: "first written here")]
            syntax.diagnostics.append(d)
            return true
        }
        table.members.append(ABCDocument.Member(key: key, keyRange: keyRange, value: value))
        table.keys.insert(key)
        table.range = table.range.union(value.range)
        return true
    }
}
