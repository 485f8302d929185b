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
    /// The children of a table by key, once it has many (a file with a thousand targets); a
    /// few are searched one by one, which costs less than hashing.
    private var index: [Int32: [String: Int32]] = [:]
    /// The parts of the section name being read, kept from one header to the next.
    private var parts: [(text: String, range: SourceRange, quoted: Bool, decoded: String?)] = []

    static let indexedFrom = 16

    init(bytes: [UInt8]) { syntax = ABCSyntax(bytes: bytes, hashComments: true) }

    private func child(of table: Int32, keyed key: String) -> Int32? {
        if syntax.builder.extras[Int(table)].indexed { return index[table]?[key] }
        return syntax.builder.child(of: table, keyed: key)
    }

    /// The same for a key written bare, without making a string of it unless the table is indexed.
    private func child(of table: Int32, keyRange range: SourceRange) -> Int32? {
        let key = syntax.bytes[range.lowerBound..<range.upperBound]
        if syntax.builder.extras[Int(table)].indexed { return index[table]?[String(decoding: key, as: UTF8.self)] }
        return syntax.builder.child(of: table, keyBytes: key)
    }

    /// Adds a member to a table.
    private mutating func add(_ member: Int32, key: @autoclosure () -> String, to table: Int32) {
        syntax.builder.append(member, to: table)
        if syntax.builder.extras[Int(table)].indexed {
            index[table]![key()] = member
            return
        }
        if syntax.builder.extras[Int(table)].count == Self.indexedFrom {
            var made: [String: Int32] = [:]
            var c = syntax.builder.slots[Int(table)].first
            while c >= 0 {
                let k = syntax.builder.keyText(c)
                if made[k] == nil { made[k] = c }
                c = syntax.builder.slots[Int(c)].next
            }
            index[table] = made
            syntax.builder.extras[Int(table)].indexed = true
        }
    }

    mutating func parse() -> ABCDocument.Node {
        let bytes = syntax.bytes
        let top = syntax.builder.add(.object, SourceRange(0, bytes.count))
        var current = top
        while true {
            syntax.skipSpace()
            guard !syntax.atEnd else { break }
            let lineStart = syntax.at
            var readable = true
            if bytes[syntax.at] == 0x5B {
                if let table = section(top) { current = table } else { readable = false }
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
        return ABCDocument.Node(store: syntax.builder.finish(), id: top)
    }

    /// `[a.b.c]`: the table it names, created along the way; nil when the header cannot be read.
    private mutating func section(_ top: Int32) -> Int32? {
        let bytes = syntax.bytes
        let open = syntax.at
        syntax.at += 1
        parts.removeAll(keepingCapacity: true)
        while true {
            syntax.skipBlanks()
            let start = syntax.at
            if !syntax.atEnd, bytes[syntax.at] == 0x22 {
                guard let (range, decoded) = syntax.quoted() else { return nil }
                parts.append((decoded ?? String(decoding: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)], as: UTF8.self), range, true, decoded))
            } else {
                while !syntax.atEnd, ABCSyntax.isKeyByte(bytes[syntax.at]), bytes[syntax.at] != 0x2E { syntax.at += 1 }
                if start == syntax.at {
                    syntax.problem("expected a section name, found \(syntax.describe(syntax.at))", .abcSyntax, at: SourceRange(start, min(start + 1, bytes.count)),
                                   label: "a name goes here", help: ["write [project] or [target.NAME]"])
                    return nil
                }
                parts.append((String(decoding: bytes[start..<syntax.at], as: UTF8.self), SourceRange(start, syntax.at), false, nil))
            }
            syntax.skipBlanks()
            if !syntax.atEnd, bytes[syntax.at] == 0x2E { syntax.at += 1; continue }
            break
        }
        guard !syntax.atEnd, bytes[syntax.at] == 0x5D else {
            syntax.problem("expected ']' to close the section name, found \(syntax.describe(syntax.at))", .abcSyntax, at: SourceRange(open, syntax.at),
                           label: "this [ is not closed", help: ["write [\(parts.map(\.text).joined(separator: "."))]"])
            return nil
        }
        syntax.at += 1
        let header = SourceRange(open, syntax.at)
        var table = top
        for part in parts {
            if let existing = child(of: table, keyed: part.text) {
                guard syntax.builder.slots[Int(existing)].kind == .object else {
                    let name = parts.map(\.text).joined(separator: ".")
                    syntax.problem("[\(name)] names '\(part.text)', which is already a key with a value", .abcDuplicateKey, at: part.range, label: "already a value")
                    return nil
                }
                table = existing
                continue
            }
            let child = syntax.builder.add(.object, header)
            syntax.builder.setKey(child, part.range, quoted: part.quoted, decoded: part.decoded)
            add(child, key: part.text, to: table)
            table = child
        }
        let slot = syntax.builder.extras[Int(table)]
        if slot.headerStart >= 0 {
            let first = SourceRange(Int(slot.headerStart), Int(slot.headerEnd))
            let name = parts.map(\.text).joined(separator: ".")
            var d = Diagnostic.error("section [\(name)] is written twice", .abcDuplicateKey, at: header, label: "again here",
                                     help: ["merge its keys into the first [\(name)], or rename one"])
            d.related = [Diagnostic.Related(range: first, message: "first written here")]
            syntax.diagnostics.append(d)
        } else {
            syntax.builder.extras[Int(table)].headerStart = Int32(header.lowerBound)
            syntax.builder.extras[Int(table)].headerEnd = Int32(header.upperBound)
        }
        return table
    }

    /// `key = value` (also `key: value`), added to `table` when its value could be read; whether
    /// the line could be read.
    private mutating func entry(into table: Int32) -> Bool {
        let bytes = syntax.bytes
        let keyStart = syntax.at
        var quotedKey: String?
        var decodedKey: String?
        if bytes[syntax.at] == 0x22 {
            guard let (range, decoded) = syntax.quoted() else { return false }
            quotedKey = decoded ?? String(decoding: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)], as: UTF8.self)
            decodedKey = decoded
        } else {
            while !syntax.atEnd, ABCSyntax.isKeyByte(bytes[syntax.at]) { syntax.at += 1 }
        }
        let keyRange = SourceRange(keyStart, syntax.at)
        // The key as text, made only when it is needed (a message, an indexed table).
        func key() -> String { quotedKey ?? String(decoding: bytes[keyStart..<keyRange.upperBound], as: UTF8.self) }
        syntax.skipBlanks()
        guard !syntax.atEnd, bytes[syntax.at] == 0x3D || bytes[syntax.at] == 0x3A else {
            syntax.problem("expected '=' after the key '\(key())', found \(syntax.describe(syntax.at))", .abcSyntax, at: SourceRange(syntax.at, min(syntax.at + 1, bytes.count)),
                           label: "'=' goes here", help: ["write \(key()) = \"value\""])
            return false
        }
        syntax.at += 1
        syntax.skipBlanks()
        let value = syntax.value(depth: 0, object: nil)
        // A value that could not be read is reported already; a later line may give the key.
        if syntax.builder.slots[Int(value)].kind == .invalid { return true }
        let existing = quotedKey.map { child(of: table, keyed: $0) } ?? child(of: table, keyRange: keyRange)
        if let first = existing {
            var d = Diagnostic.error("key '\(key())' is written twice in this section", .abcDuplicateKey, at: keyRange, label: "again here",
                                     help: ["remove one; the first one counts"])
            d.related = [Diagnostic.Related(range: syntax.builder.slots[Int(first)].keyRange, message: "first written here")]
            syntax.diagnostics.append(d)
            return true
        }
        syntax.builder.setKey(value, keyRange, quoted: quotedKey != nil, decoded: decodedKey)
        add(value, key: key(), to: table)
        return true
    }
}
