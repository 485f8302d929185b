import Testing
import TestSupport
@testable import BuildModel

/// Random TOML documents written from random trees, in the many ways TOML allows (tables as
/// `[headers]`, inline tables or dotted keys; arrays of tables as `[[headers]]` or inline;
/// bare, quoted and literal keys; every string form with escapes, every integer base, floats
/// with exponents and specials, comments and blank lines between): each reads without a
/// diagnostic back to its tree, value for value.
@Suite("TOML documents written from random trees")
struct TOMLRandomDocumentTests {
    indirect enum Node: Equatable {
        case string(String), integer(Int64), float(Double), boolean(Bool)
        case array([Node])
        case table([(String, Node)])
        case tables([[(String, Node)]])

        static func == (a: Node, b: Node) -> Bool {
            switch (a, b) {
            case let (.string(x), .string(y)): x == y
            case let (.integer(x), .integer(y)): x == y
            case let (.float(x), .float(y)): x == y || (x.isNaN && y.isNaN)
            case let (.boolean(x), .boolean(y)): x == y
            case let (.array(x), .array(y)): x == y
            case let (.table(x), .table(y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
            case let (.tables(x), .tables(y)): x.count == y.count && zip(x, y).allSatisfy { Node.table($0) == Node.table($1) }
            default: false
            }
        }
    }


    static let keys = ["a", "b-c", "d_e", "1", "name", "with space", "dot.ted", "é", "quote\"d", "", "x"]
    static let strings = ["", "plain", "tab\there", "line\nbreak", "quote \" and \\ back", "é ü 😀", "\u{1}", "'single'", "a\r\nb", "trailing \\"]

    static func leaf(_ r: inout SeededRandom) -> Node {
        switch r.next(4) {
        case 0: .string(strings[r.next(strings.count)])
        case 1: .integer([0, 1, -1, 42, 1_000_000, Int64.max, Int64.min, 0o755, 0xDEAD_BEEF][r.next(9)])
        case 2: .float([0.0, -0.0, 3.5, -2.25, 1e100, 6.25e-5, .infinity, -.infinity, .nan, 1_000.5][r.next(10)])
        default: .boolean(r.chance(2))
        }
    }

    static func tree(_ r: inout SeededRandom, depth: Int) -> [(String, Node)] {
        var used: Set<String> = []
        var out: [(String, Node)] = []
        for _ in 0..<(1 + r.next(4)) {
            let key = keys[r.next(keys.count)]
            guard used.insert(key).inserted else { continue }
            let kind = depth > 2 ? 0 : r.next(6)
            switch kind {
            case 0, 1, 2: out.append((key, leaf(&r)))
            case 3: out.append((key, .array((0..<r.next(4)).map { _ in r.chance(4) && depth < 2 ? .array([leaf(&r)]) : leaf(&r) })))
            case 4: out.append((key, .table(tree(&r, depth: depth + 1))))
            default: out.append((key, .tables((0..<(1 + r.next(3))).map { _ in tree(&r, depth: depth + 1) })))
            }
        }
        return out
    }

    // MARK: Writing

    static func key(_ k: String, _ r: inout SeededRandom) -> String {
        let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if bare && !r.chance(4) { return k }
        if !k.contains("'") && !k.contains("\n") && r.chance(2) { return "'\(k)'" }
        return basic(k, &r)
    }

    static func basic(_ s: String, _ r: inout SeededRandom) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += r.chance(2) ? "\\t" : "\t"
            case "\r": out += "\\r"
            case "\u{1}": out += "\\u0001"
            case "é": out += r.chance(2) ? "\\u00E9" : "é"
            case "😀": out += r.chance(2) ? "\\U0001F600" : "😀"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    static func value(_ n: Node, _ r: inout SeededRandom) -> String {
        switch n {
        case .string(let s):
            if !s.contains("'") && !s.contains("\n") && !s.contains("\r") && !s.contains("\u{1}") && r.chance(3) { return "'\(s)'" }
            if !s.contains("'''") && !s.contains("\r") && !s.contains("\u{1}") && !s.hasSuffix("'") && r.chance(4) {
                return "'''" + (r.chance(2) ? "\n" : "") + s + "'''"
            }
            if r.chance(4) && !s.contains("\u{1}") {
                // Multi-line basic: its first newline dropped, a line-ending backslash joining lines.
                var body = basic(s, &r).dropFirst().dropLast().replacingOccurrences(of: "\\n", with: "\n")
                if body.hasSuffix("\"") { body = String(body.dropLast()) + "\\\"" }
                return "\"\"\"\n" + (r.chance(2) ? "\\\n   " : "") + body + "\"\"\""
            }
            return basic(s, &r)
        case .integer(let i):
            if i > 0 && r.chance(3) { return ["0x" + String(i, radix: 16), "0o" + String(i, radix: 8), "0b" + String(i, radix: 2)][r.next(3)] }
            if i == 1_000_000 && r.chance(2) { return "1_000_000" }
            return i > 0 && r.chance(4) ? "+\(i)" : "\(i)"
        case .float(let f):
            if f.isNaN { return ["nan", "+nan", "-nan"][r.next(3)] }
            if f.isInfinite { return f > 0 ? (r.chance(2) ? "inf" : "+inf") : "-inf" }
            if f == 1e100 { return ["1e100", "1E+100", "10e99"][r.next(3)] }
            if f == 6.25e-5 { return ["6.25e-5", "0.0000625", "625e-7"][r.next(3)] }
            if f == 1_000.5 { return "1_000.5" }
            return "\(f)"
        case .boolean(let b): return "\(b)"
        case .array(let items):
            let sep = r.chance(3) ? ",\n  " : ", "
            return "[" + (r.chance(3) ? "\n  # inside\n  " : "") + items.map { value($0, &r) }.joined(separator: sep) + (r.chance(3) && !items.isEmpty ? "," : "") + "]"
        case .table(let entries): return "{" + entries.map { key($0.0, &r) + " = " + value($0.1, &r) }.joined(separator: ", ") + (entries.isEmpty ? "}" : " }")
        case .tables(let elements): return "[" + elements.map { value(.table($0), &r) }.joined(separator: ", ") + "]"
        }
    }

    /// A table's body: its plain entries (and what goes inline or dotted), then its headers.
    static func write(_ entries: [(String, Node)], path: [String], _ r: inout SeededRandom, into text: inout String) {
        var headers: [(String, Node)] = []
        for (k, n) in entries {
            switch n {
            case .table(let sub) where !sub.isEmpty && r.chance(2):
                if r.chance(2), sub.allSatisfy({ if case .table = $0.1 { false } else if case .tables = $0.1 { false } else { true } }) {
                    // Dotted keys.
                    for (sk, sn) in sub { text += key(k, &r) + "." + key(sk, &r) + " = " + value(sn, &r) + "\n" }
                } else {
                    headers.append((k, n))
                }
            case .tables(let elements) where elements.allSatisfy({ !$0.isEmpty }) && r.chance(2):
                headers.append((k, n))
            default:
                text += key(k, &r) + " = " + value(n, &r) + (r.chance(5) ? " # note" : "") + "\n"
            }
            if r.chance(6) { text += "\n# a comment\n" }
        }
        for (k, n) in headers {
            let full = path.map { key($0, &r) } + [key(k, &r)]
            switch n {
            case .table(let sub):
                text += "\n[" + full.joined(separator: ".") + "]\n"
                write(sub, path: path + [k], &r, into: &text)
            case .tables(let elements):
                for element in elements {
                    text += "\n[[" + full.joined(separator: ".") + "]]\n"
                    write(element, path: path + [k], &r, into: &text)
                }
            default: break
            }
        }
    }

    // MARK: Reading back

    static func node(_ v: TOMLValue) -> Node {
        switch v.kind {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        case .float(let f): .float(f)
        case .boolean(let b): .boolean(b)
        case .dateTime: .string("date")
        case .array(let items): .array(items.map(node))
        case .table(let t): .table(entries(t))
        case .arrayOfTables(let ts): .tables(ts.map(entries))
        }
    }

    static func entries(_ t: TOMLTable) -> [(String, Node)] { t.entries.map { ($0.key, node($0.value.value)) } }

    @Test("documents written from random trees read back to their trees")
    func readsBack() {
        var r = SeededRandom(state: 77)
        var read = 0
        for round in 0..<3000 {
            let tree = Self.tree(&r, depth: 0)
            var text = r.chance(4) ? "# header comment\n" : ""
            Self.write(tree, path: [], &r, into: &text)
            // CRLF line ends (not where a multi-line string holds a line end: that is its value).
            if r.chance(5) && !text.contains("\"\"\"") && !text.contains("\'\'\'") { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            let document = TOMLDocument(text)
            guard document.diagnostics.isEmpty else {
                Issue.record("round \(round): \(document.diagnostics.map(\.message)) in\n\(text)")
                continue
            }
            // Entries are compared by key (a table's own order is the writer's, not the tree's),
            // and an array of tables as the array of tables it is, however it was written.
            let got = Node.table(Self.entries(document.root).sorted { $0.0 < $1.0 })
            func sorted(_ n: Node) -> Node {
                switch n {
                case .table(let e): .table(e.map { ($0.0, sorted($0.1)) }.sorted { $0.0 < $1.0 })
                case .tables(let ts): .array(ts.map { sorted(.table($0)) })
                case .array(let items): .array(items.map(sorted))
                default: n
                }
            }
            let want = sorted(.table(tree))
            #expect(sorted(got) == want, "round \(round):\n\(text)")
            read += 1
        }
        #expect(read == 3000)
    }
}
