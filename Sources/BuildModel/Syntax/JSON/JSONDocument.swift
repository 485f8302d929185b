/// JSON read for a manifest (`elm.json`): every value and every key with its byte range, members
/// in the order written, and every problem as a located diagnostic. It never stops at the first
/// error: a bad member is reported and skipped, and what surrounds it is still read, so that a
/// manifest with one typo still tells its dependencies. (The json-c wrapper in `Support/JSON`
/// serves the protocol's wire, where ranges are not needed.)
public struct JSONDocument: Sendable {
    public indirect enum Value: Sendable {
        case object([Member])
        case array([Node])
        case string(String)
        /// The number as written (`1`, `-2.5e3`): manifests compare it as text.
        case number(String)
        case bool(Bool)
        case null
        /// What could not be read (the diagnostic says why).
        case invalid
    }

    public struct Node: Sendable {
        public var value: Value
        public var range: SourceRange

        /// `object`, `array`, `string`, … as messages name the kind.
        public var typeName: String {
            switch value {
            case .object: "an object"
            case .array: "an array"
            case .string: "a string"
            case .number: "a number"
            case .bool: "a boolean"
            case .null: "null"
            case .invalid: "an invalid value"
            }
        }

        public var members: [Member]? { if case .object(let m) = value { m } else { nil } }
        public var elements: [Node]? { if case .array(let e) = value { e } else { nil } }
        public var string: String? { if case .string(let s) = value { s } else { nil } }

        /// The first member named `key`.
        public func member(_ key: String) -> Member? { members?.first { $0.key == key } }
    }

    public struct Member: Sendable {
        public var key: String
        /// The key with its quotes.
        public var keyRange: SourceRange
        public var value: Node
    }

    public let source: SourceText
    /// The top-level value; nil when there is none at all.
    public private(set) var root: Node?
    public private(set) var diagnostics: [Diagnostic] = []

    /// Nesting deeper than this is an error, not a stack overflow.
    public static let depthLimit = 512

    public init(parsing source: SourceText) {
        self.source = source
        var parser = Parser(bytes: source.bytes)
        parser.skipSpace()
        if parser.at == parser.bytes.count {
            parser.problem("the file is empty; expected a JSON object", .jsonSyntax, at: SourceRange.at(0), label: "nothing here")
        } else {
            root = parser.value(depth: 0)
            parser.skipSpace()
            if parser.at < parser.bytes.count {
                parser.problem("unexpected \(parser.describe(parser.at)) after the end of the JSON value", .jsonSyntax,
                               at: SourceRange(parser.at, parser.bytes.count), label: "nothing may follow the value")
            }
        }
        diagnostics = parser.diagnostics
        if let path = source.path { diagnostics = diagnostics.map { $0.inFile(path) } }
    }

    /// The recursive-descent reader over bytes.
    struct Parser {
        let bytes: [UInt8]
        var at = 0
        var diagnostics: [Diagnostic] = []

        mutating func problem(_ message: String, _ code: DiagnosticCode, at range: SourceRange, label: String? = nil, help: [String] = []) {
            diagnostics.append(.error(message, code, at: range, label: label, help: help))
        }

        mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
        }

        /// What is at `i`, for messages: a quoted character, or "the end of the file".
        func describe(_ i: Int) -> String {
            guard i < bytes.count else { return "the end of the file" }
            let b = bytes[i]
            if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            if b == 0x20 { return "a space" }
            return b < 0x80 ? "byte 0x" + String(b, radix: 16, uppercase: true) : "a non-ASCII character"
        }

        mutating func value(depth: Int) -> Node {
            skipSpace()
            let start = at
            guard at < bytes.count else {
                problem("expected a value, found the end of the file", .jsonSyntax, at: .at(at), label: "a value goes here")
                return Node(value: .invalid, range: .at(at))
            }
            if depth >= JSONDocument.depthLimit {
                problem("values nested more than \(JSONDocument.depthLimit) deep", .jsonSyntax, at: SourceRange(at, at + 1),
                        help: ["a manifest needs a few levels; this one is not a manifest"])
                at = bytes.count
                return Node(value: .invalid, range: SourceRange(start, start + 1))
            }
            switch bytes[at] {
            case 0x7B: return object(depth: depth)
            case 0x5B: return array(depth: depth)
            case 0x22:
                let (text, range) = string()
                return Node(value: text.map { .string($0) } ?? .invalid, range: range)
            case 0x2D, 0x30...0x39: return number()
            default:
                for (word, value) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] where matches(word) {
                    at += word.utf8.count
                    return Node(value: value, range: SourceRange(start, at))
                }
                // A string in single quotes: the whole of it, once.
                if bytes[start] == 0x27 {
                    var end = start + 1
                    while end < bytes.count, bytes[end] != 0x27, bytes[end] != 0x0A { end += 1 }
                    if end < bytes.count, bytes[end] == 0x27 { end += 1 }
                    problem("expected a value, found a string in single quotes", .jsonSyntax, at: SourceRange(start, end), label: "not a JSON string",
                            help: ["JSON strings use double quotes: \"\(String(decoding: bytes[(start + 1)..<max(start + 1, end - 1)], as: UTF8.self))\""])
                    at = end
                    return Node(value: .invalid, range: SourceRange(start, end))
                }
                // A bare word or a stray character: report the whole word.
                var end = at + 1
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                let word = String(decoding: bytes[start..<end], as: UTF8.self)
                var help: [String] = []
                if isWordByte(bytes[start]) { help = ["strings are written in double quotes: \"\(word)\""] }
                problem("expected a value, found \(isWordByte(bytes[start]) ? "'\(word)'" : describe(start))", .jsonSyntax,
                        at: SourceRange(start, end), label: "not a JSON value", help: help)
                at = end
                return Node(value: .invalid, range: SourceRange(start, end))
            }
        }

        func matches(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard at + w.count <= bytes.count, bytes[at..<(at + w.count)].elementsEqual(w) else { return false }
            return at + w.count == bytes.count || !isWordByte(bytes[at + w.count])
        }

        func isWordByte(_ b: UInt8) -> Bool { ASCII.isAlphanumeric(b) || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x2B }

        mutating func object(depth: Int) -> Node {
            let start = at
            at += 1
            var members: [Member] = []
            var seen: [String: SourceRange] = [:]
            skipSpace()
            if at < bytes.count, bytes[at] == 0x7D {
                at += 1
                return Node(value: .object([]), range: SourceRange(start, at))
            }
            while true {
                skipSpace()
                guard at < bytes.count else {
                    problem("this object has no closing '}'", .jsonSyntax, at: SourceRange(start, start + 1), label: "opened here")
                    return Node(value: .object(members), range: SourceRange(start, at))
                }
                guard bytes[at] == 0x22 else {
                    let found = at
                    problem("expected a key in double quotes, found \(describe(found))", .jsonSyntax, at: SourceRange(found, min(found + 1, bytes.count)),
                            label: "a key goes here", help: bytes[found] == 0x7D ? ["remove the ',' before the '}': JSON allows no trailing comma"] : [])
                    if !recover(closing: 0x7D) { return Node(value: .object(members), range: SourceRange(start, at)) }
                    continue
                }
                let (key, keyRange) = string()
                skipSpace()
                guard at < bytes.count, bytes[at] == 0x3A else {
                    problem("expected ':' after the key, found \(describe(at))", .jsonSyntax, at: SourceRange(at, min(at + 1, bytes.count)), label: "':' goes here")
                    if !recover(closing: 0x7D) { return Node(value: .object(members), range: SourceRange(start, at)) }
                    continue
                }
                at += 1
                let node = value(depth: depth + 1)
                if let key {
                    if let first = seen[key] {
                        var d = Diagnostic.error("the key \"\(key)\" is given twice", .jsonDuplicateKey, at: keyRange, label: "given again here",
                                                 help: ["remove one of them"])
                        d.related = [Diagnostic.Related(range: first, message: "first given here")]
                        diagnostics.append(d)
                    } else {
                        seen[key] = keyRange
                    }
                    members.append(Member(key: key, keyRange: keyRange, value: node))
                }
                if after(container: start, closing: 0x7D, name: "object", element: "value",
                         missingComma: "members are separated by commas: add one before this key") == .closed {
                    return Node(value: .object(members), range: SourceRange(start, at))
                }
            }
        }

        mutating func array(depth: Int) -> Node {
            let start = at
            at += 1
            var elements: [Node] = []
            skipSpace()
            if at < bytes.count, bytes[at] == 0x5D {
                at += 1
                return Node(value: .array([]), range: SourceRange(start, at))
            }
            while true {
                elements.append(value(depth: depth + 1))
                if after(container: start, closing: 0x5D, name: "array", element: "element",
                         missingComma: "elements are separated by commas: add one before this one") == .closed {
                    return Node(value: .array(elements), range: SourceRange(start, at))
                }
            }
        }

        enum Next { case another, closed }

        /// After a member or an element of the container opened at `start`: another follows
        /// (after a ',', or a forgotten one before a string, which is read on from), or the
        /// container ends — at its closing bracket, at a trailing comma before it, at the end
        /// of the file, or after what could not be read past.
        mutating func after(container start: Int, closing: UInt8, name: String, element: String, missingComma: String) -> Next {
            let bracket = Character(Unicode.Scalar(closing))
            skipSpace()
            guard at < bytes.count else {
                problem("this \(name) has no closing '\(bracket)'", .jsonSyntax, at: SourceRange(start, start + 1), label: "opened here")
                return .closed
            }
            if bytes[at] == 0x2C {
                let comma = at
                at += 1
                skipSpace()
                guard at < bytes.count, bytes[at] == closing else { return .another }
                problem("a ',' before the '\(bracket)'", .jsonSyntax, at: SourceRange(comma, comma + 1), label: "trailing comma",
                        help: ["remove it: JSON allows no trailing comma"])
                at += 1
                return .closed
            }
            if bytes[at] == closing {
                at += 1
                return .closed
            }
            problem("expected ',' or '\(bracket)' after the \(element), found \(describe(at))", .jsonSyntax, at: SourceRange(at, at + 1),
                    label: "',' or '\(bracket)' goes here", help: bytes[at] == 0x22 ? [missingComma] : [])
            if bytes[at] == 0x22 { return .another }
            return recover(closing: closing) ? .another : .closed
        }

        /// After an error inside an object or array: skips to the next ',' at this level (and
        /// past it: true, go on) or to the closing bracket (past it: false, the container ends).
        mutating func recover(closing: UInt8) -> Bool {
            var depth = 0
            while at < bytes.count {
                let b = bytes[at]
                if b == 0x22 {
                    _ = string()
                    continue
                }
                if b == 0x7B || b == 0x5B { depth += 1 }
                if b == 0x7D || b == 0x5D {
                    if depth == 0 {
                        if b == closing { at += 1 }
                        return false
                    }
                    depth -= 1
                }
                if b == 0x2C && depth == 0 {
                    at += 1
                    return true
                }
                at += 1
            }
            return false
        }

        /// A string at `at` (its opening quote): the decoded text (nil when it is broken) and
        /// its range with the quotes.
        mutating func string() -> (String?, SourceRange) {
            let start = at
            at += 1
            var out: [UInt8] = []
            var ok = true
            while at < bytes.count {
                let b = bytes[at]
                if b == 0x22 {
                    at += 1
                    return (ok ? String(decoding: out, as: UTF8.self) : nil, SourceRange(start, at))
                }
                if b == 0x0A {
                    break
                }
                if b < 0x20 {
                    problem("a control character in a string", .jsonString, at: SourceRange(at, at + 1), label: "write it as \\u00\(String(b, radix: 16))")
                    ok = false
                    at += 1
                    continue
                }
                if b == 0x5C {
                    guard at + 1 < bytes.count else { break }
                    let e = bytes[at + 1]
                    switch e {
                    case 0x22, 0x5C, 0x2F: out.append(e)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        if let scalar = unicodeEscape() {
                            out += Array(String(Character(scalar)).utf8)
                            continue
                        }
                        ok = false
                        continue
                    default:
                        problem("unknown escape '\\\(Character(Unicode.Scalar(e)))'", .jsonString, at: SourceRange(at, at + 2), label: "not a JSON escape",
                                help: ["JSON escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX"])
                        ok = false
                    }
                    at += 2
                    continue
                }
                out.append(b)
                at += 1
            }
            problem("this string has no closing quote", .jsonString, at: SourceRange(start, at), label: "opened here")
            return (nil, SourceRange(start, at))
        }

        /// `\uXXXX` (and a following low surrogate) at `at`; the scalar, or nil with a diagnostic.
        mutating func unicodeEscape() -> Unicode.Scalar? {
            func hex(_ i: Int) -> UInt32? {
                guard i + 6 <= bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { return nil }
                var v: UInt32 = 0
                for b in bytes[(i + 2)..<(i + 6)] {
                    guard let d = ASCII.hexValue(b) else { return nil }
                    v = v << 4 | UInt32(d)
                }
                return v
            }
            let start = at
            guard let first = hex(at) else {
                problem("'\\u' must be followed by four hexadecimal digits", .jsonString, at: SourceRange(at, min(at + 6, bytes.count)), label: "not \\uXXXX")
                at += 2
                return nil
            }
            at += 6
            if (0xD800...0xDBFF).contains(first), let second = hex(at), (0xDC00...0xDFFF).contains(second) {
                at += 6
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            }
            guard let scalar = Unicode.Scalar(first) else {
                problem("'\\u\(String(first, radix: 16))' is half of a surrogate pair without its other half", .jsonString, at: SourceRange(start, at))
                return nil
            }
            return scalar
        }

        mutating func number() -> Node {
            let start = at
            if bytes[at] == 0x2D { at += 1 }
            var digits = 0
            let intStart = at
            while at < bytes.count, ASCII.isDigit(bytes[at]) { at += 1; digits += 1 }
            var valid = digits > 0 && !(bytes[intStart] == 0x30 && digits > 1)
            if at < bytes.count, bytes[at] == 0x2E {
                at += 1
                var fraction = 0
                while at < bytes.count, ASCII.isDigit(bytes[at]) { at += 1; fraction += 1 }
                valid = valid && fraction > 0
            }
            if at < bytes.count, bytes[at] == 0x65 || bytes[at] == 0x45 {
                at += 1
                if at < bytes.count, bytes[at] == 0x2B || bytes[at] == 0x2D { at += 1 }
                var exponent = 0
                while at < bytes.count, ASCII.isDigit(bytes[at]) { at += 1; exponent += 1 }
                valid = valid && exponent > 0
            }
            while at < bytes.count, isWordByte(bytes[at]) { at += 1; valid = false }
            let text = String(decoding: bytes[start..<at], as: UTF8.self)
            guard valid else {
                problem("'\(text)' is not a JSON number", .jsonNumber, at: SourceRange(start, at), label: "not a number",
                        help: ["a version is a string: write it in double quotes"])
                return Node(value: .invalid, range: SourceRange(start, at))
            }
            return Node(value: .number(text), range: SourceRange(start, at))
        }
    }
}

extension DiagnosticCode {
    public static let jsonSyntax = DiagnosticCode("J001", "JSON that does not follow the grammar: a missing ',', ':' or bracket, a trailing comma, a bare word, text after the value.")
    public static let jsonString = DiagnosticCode("J002", "A JSON string with an unknown escape, a control character or no closing quote.")
    public static let jsonNumber = DiagnosticCode("J003", "A number JSON does not allow (`01`, `1.`, `1e`), or a version written without quotes.")
    public static let jsonDuplicateKey = DiagnosticCode("J004", "The same key twice in one JSON object.")

    static let json: [DiagnosticCode] = [.jsonSyntax, .jsonString, .jsonNumber, .jsonDuplicateKey]
}
