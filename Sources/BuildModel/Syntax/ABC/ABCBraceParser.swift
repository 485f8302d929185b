/// build.abc's form in the seed: `{ project: { … }, variables: { … }, targets: [ { … } ] }`, keys
/// bare or quoted, `:` (or `=`) between key and value, commas between members and elements
/// (trailing ones allowed, and members on their own lines need none), `//` comments, the outer
/// braces optional. JSON is one of its spellings.
struct ABCBraceParser {
    var syntax: ABCSyntax
    var diagnostics: [Diagnostic] { syntax.diagnostics }

    init(bytes: [UInt8]) { syntax = ABCSyntax(bytes: bytes, hashComments: false) }

    mutating func parse() -> ABCDocument.Node {
        syntax.skipSpace()
        let root: Int32
        if !syntax.atEnd, syntax.bytes[syntax.at] == 0x7B {
            root = Self.object(&syntax, depth: 1)
        } else {
            // Without the outer braces: members up to the end of the file.
            root = Self.members(&syntax, start: syntax.at, closing: nil, depth: 1)
        }
        syntax.skipSpace()
        if !syntax.atEnd {
            let start = syntax.at
            syntax.problem("unexpected \(syntax.describe(start)) after the end of the build file", .abcSyntax, at: SourceRange(start, syntax.bytes.count),
                           label: "nothing may follow")
        }
        return ABCDocument.Node(store: syntax.builder.finish(), id: root)
    }

    static func object(_ syntax: inout ABCSyntax, depth: Int) -> Int32 {
        let start = syntax.at
        syntax.at += 1
        return members(&syntax, start: start, closing: 0x7D, depth: depth)
    }

    /// Members up to `closing` (or the end of the file when nil).
    static func members(_ syntax: inout ABCSyntax, start: Int, closing: UInt8?, depth: Int) -> Int32 {
        let bytes = syntax.bytes
        let id = syntax.builder.add(.object, SourceRange(start, start))
        while true {
            syntax.skipSpace()
            if syntax.atEnd {
                if closing != nil {
                    syntax.problem("this object has no closing '}'", .abcSyntax, at: SourceRange(start, start + 1), label: "opened here", help: ["close it with }"])
                }
                syntax.builder.grow(id, toHold: Int32(start), Int32(syntax.at))
                return id
            }
            if let closing, bytes[syntax.at] == closing {
                syntax.at += 1
                syntax.builder.grow(id, toHold: Int32(start), Int32(syntax.at))
                return id
            }
            let keyStart = syntax.at
            let key: String
            var quoted = false
            var decodedKey: String?
            if bytes[syntax.at] == 0x22 || bytes[syntax.at] == 0x27 {
                guard let (range, decoded) = syntax.quoted() else {
                    skipToNext(&syntax, closing: closing)
                    continue
                }
                key = decoded ?? String(decoding: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)], as: UTF8.self)
                quoted = true
                decodedKey = decoded
            } else if ABCSyntax.isKeyByte(bytes[syntax.at]) {
                while !syntax.atEnd, ABCSyntax.isKeyByte(bytes[syntax.at]) { syntax.at += 1 }
                key = String(decoding: bytes[keyStart..<syntax.at], as: UTF8.self)
            } else {
                syntax.problem("expected a key, found \(syntax.describe(syntax.at))", .abcSyntax, at: SourceRange(syntax.at, syntax.at + 1),
                               label: "a key goes here", help: ["write name: \"value\""])
                skipToNext(&syntax, closing: closing)
                continue
            }
            let keyRange = SourceRange(keyStart, syntax.at)
            syntax.skipSpace()
            guard !syntax.atEnd, bytes[syntax.at] == 0x3A || bytes[syntax.at] == 0x3D else {
                syntax.problem("expected ':' after the key '\(key)', found \(syntax.describe(syntax.at))", .abcSyntax,
                               at: SourceRange(syntax.at, min(syntax.at + 1, bytes.count)), label: "':' goes here", help: ["write \(key): \"value\""])
                skipToNext(&syntax, closing: closing)
                continue
            }
            syntax.at += 1
            syntax.skipSpace()
            let value = syntax.value(depth: depth) { s, d in object(&s, depth: d) }
            // Objects of the seed's form are small: their keys are searched one by one.
            if let first = syntax.builder.child(of: id, keyed: key) {
                var d = Diagnostic.error("key '\(key)' is written twice in this object", .abcDuplicateKey, at: keyRange, label: "again here",
                                         help: ["remove one; the first one counts"])
                d.related = [Diagnostic.Related(range: syntax.builder.slots[Int(first)].keyRange, message: "first written here")]
                syntax.diagnostics.append(d)
            } else {
                syntax.builder.setKey(value, keyRange, quoted: quoted, decoded: decodedKey)
                syntax.builder.append(value, to: id)
            }
            // A comma, or a line break, or the closing brace.
            syntax.skipBlanks()
            if !syntax.atEnd, bytes[syntax.at] == 0x2C { syntax.at += 1; continue }
            if syntax.atEnd || bytes[syntax.at] == 0x0A || bytes[syntax.at] == closing { continue }
            syntax.problem("expected ',' or a new line after the value of '\(key)', found \(syntax.describe(syntax.at))", .abcSyntax,
                           at: SourceRange(syntax.at, syntax.at + 1), label: "a comma goes here")
            skipToNext(&syntax, closing: closing)
        }
    }

    /// Past what cannot be read: to the next comma or line, or to the closing brace.
    private static func skipToNext(_ syntax: inout ABCSyntax, closing: UInt8?) {
        while !syntax.atEnd, syntax.bytes[syntax.at] != 0x2C, syntax.bytes[syntax.at] != 0x0A, syntax.bytes[syntax.at] != closing { syntax.at += 1 }
        if !syntax.atEnd, syntax.bytes[syntax.at] == 0x2C { syntax.at += 1 }
    }
}
