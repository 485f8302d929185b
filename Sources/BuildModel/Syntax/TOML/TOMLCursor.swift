/// Where a cursor is in a TOML file, for completion, hover and go-to-definition. Completion
/// works on half-typed lines the parser cannot make sense of, so `place` reads the text of
/// the cursor's line; `element` finds a complete key or value in the document model.
public enum TOMLCursor {
    public enum Place: Hashable, Sendable {
        /// Inside `[…]` or `[[…]]`: a table name is being typed.
        case header(partial: String, range: SourceRange)
        /// A key of `table` is being typed (`partial` so far, replacing `range`).
        case key(table: [String], partial: String, range: SourceRange)
        /// The value of `key` is being typed: `partial` is the text after `=` (a quote included).
        case value(key: [String], partial: String, range: SourceRange)
    }

    /// What is being typed at `offset`.
    public static func place(in document: TOMLDocument, at offset: Int) -> Place? {
        let source = document.source
        let line = source.lines.line(containing: offset)
        let lineStart = source.lines.lineStarts[line]
        guard offset >= lineStart else { return nil }
        let before = Array(source.bytes[lineStart..<offset])
        var i = 0
        while i < before.count && (before[i] == 0x20 || before[i] == 0x09) { i += 1 }
        if i < before.count && before[i] == 0x23 { return nil }  // a comment
        if i < before.count && before[i] == 0x5B {  // [
            var j = i + 1
            if j < before.count && before[j] == 0x5B { j += 1 }
            guard !before[j...].contains(0x5D) else { return nil }
            while j < before.count && before[j] == 0x20 { j += 1 }
            return .header(partial: String(decoding: before[j...], as: UTF8.self), range: SourceRange(lineStart + j, offset))
        }
        let table = tablePath(in: document, before: lineStart)
        return place(before[i...], start: lineStart + i, table: table, end: offset)
    }

    /// `key`, `key = value` or `key = { k = v, … }` typed so far, in `table`.
    private static func place(_ text: ArraySlice<UInt8>, start: Int, table: [String], end: Int) -> Place? {
        guard let eq = firstUnquoted(0x3D, in: text) else {
            let keys = splitKey(text)
            let partial = keys.last ?? ""
            let partialStart = end - trailingKeyLength(text)
            return .key(table: table + keys.dropLast(), partial: partial, range: SourceRange(partialStart, end))
        }
        let keyPath = table + splitKey(text[text.startIndex..<eq])
        var valueStart = eq + 1
        while valueStart < text.endIndex && (text[valueStart] == 0x20 || text[valueStart] == 0x09) { valueStart += 1 }
        let value = text[valueStart...]
        if let brace = lastOpenBrace(in: value) {
            // Inside an inline table: the text after its last comma is a key or `key = value`.
            var segmentStart = brace + 1
            var depth = 0
            forEachUnquoted(value[(brace + 1)...]) { k, b in
                if b == 0x7B || b == 0x5B { depth += 1 }
                else if b == 0x7D || b == 0x5D { depth -= 1 }
                else if b == 0x2C && depth == 0 { segmentStart = k + 1 }
                return true
            }
            while segmentStart < value.endIndex && (value[segmentStart] == 0x20 || value[segmentStart] == 0x09) { segmentStart += 1 }
            return place(value[segmentStart...], start: start + (segmentStart - text.startIndex), table: keyPath, end: end)
        }
        return .value(key: keyPath, partial: String(decoding: value, as: UTF8.self), range: SourceRange(start + (valueStart - text.startIndex), end))
    }

    /// The header path in force before `offset`: the last table header above it.
    public static func tablePath(in document: TOMLDocument, before offset: Int) -> [String] {
        var path: [String] = []
        for statement in document.syntax.statements {
            guard case .header(let h) = statement else { continue }
            if h.range.lowerBound >= offset { break }
            path = h.key.names
        }
        return path
    }

    /// The entry whose key or value holds `offset`, with its full key path; the innermost one.
    public static func element(in document: TOMLDocument, at offset: Int) -> (path: [String], entry: TOMLEntry, onKey: Bool)? {
        find(in: document.root, path: [], offset: offset)
    }

    private static func find(in table: TOMLTable, path: [String], offset: Int) -> (path: [String], entry: TOMLEntry, onKey: Bool)? {
        for (key, entry) in table.entries {
            let here = path + [key]
            switch entry.value.kind {
            case .table(let t):
                if let found = find(in: t, path: here, offset: offset) { return found }
            case .arrayOfTables(let ts):
                for t in ts { if let found = find(in: t, path: here, offset: offset) { return found } }
            default:
                break
            }
            if entry.keyRange.touches(offset) && !entry.keyRange.isEmpty { return (here, entry, true) }
            if case .table = entry.value.kind { continue }
            if case .arrayOfTables = entry.value.kind { continue }
            if entry.value.range.touches(offset) { return (here, entry, false) }
        }
        return nil
    }

    // MARK: Text helpers

    /// Calls `body` with each byte outside strings (basic strings with their escapes, literal
    /// strings) and its index, until `body` returns false.
    private static func forEachUnquoted(_ text: ArraySlice<UInt8>, _ body: (Int, UInt8) -> Bool) {
        var quote: UInt8?
        var i = text.startIndex
        while i < text.endIndex {
            let b = text[i]
            if let q = quote {
                if b == q { quote = nil } else if b == 0x5C && q == 0x22 { i += 1 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if !body(i, b) {
                return
            }
            i += 1
        }
    }

    private static func firstUnquoted(_ target: UInt8, in text: ArraySlice<UInt8>) -> Int? {
        var found: Int?
        forEachUnquoted(text) { i, b in
            if b == target { found = i }
            return found == nil
        }
        return found
    }

    /// The index of the `{` still open at the end of `text`.
    private static func lastOpenBrace(in text: ArraySlice<UInt8>) -> Int? {
        var open: [Int] = []
        forEachUnquoted(text) { i, b in
            if b == 0x7B { open.append(i) } else if b == 0x7D { _ = open.popLast() }
            return true
        }
        return open.last
    }

    /// `a."b c".d` → `["a", "b c", "d"]` (an unfinished last part included).
    static func splitKey(_ text: ArraySlice<UInt8>) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var quote: UInt8?
        for b in text {
            if let q = quote {
                if b == q { quote = nil } else { current.append(b) }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x2E {
                parts.append(String(decoding: current, as: UTF8.self))
                current = []
            } else if b != 0x20 && b != 0x09 {
                current.append(b)
            }
        }
        parts.append(String(decoding: current, as: UTF8.self))
        return parts
    }

    /// The length of the last key part at the end of `text` (quote included).
    private static func trailingKeyLength(_ text: ArraySlice<UInt8>) -> Int {
        var n = 0
        var i = text.endIndex
        while i > text.startIndex {
            let b = text[i - 1]
            if b == 0x2E || b == 0x20 || b == 0x09 { break }
            n += 1
            i -= 1
        }
        return n
    }
}
