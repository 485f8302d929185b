/// Format-preserving edits of a TOML document. Each call returns text edits that
/// touch only the bytes they must; every other byte, comment and blank line stays.
public struct TOMLEditor: Sendable {
    public let document: TOMLDocument
    /// The document's statements grouped under their headers, computed once.
    let sections: [Section]

    public init(_ document: TOMLDocument) {
        self.document = document
        self.sections = Self.sections(of: document.syntax.statements)
    }

    public enum EditError: Error, Hashable, Sendable, CustomStringConvertible {
        case notFound([String])
        case keyExists([String])
        case notATable([String])
        case notAnArray([String])
        /// The document has errors where the edit would go; fix them first.
        case invalidDocument(String)

        public var description: String {
            switch self {
            case .notFound(let p): "'\(TOMLKeySyntax.render(p))' is not in the document"
            case .keyExists(let p): "'\(TOMLKeySyntax.render(p))' already exists; set its value instead"
            case .notATable(let p): "'\(TOMLKeySyntax.render(p))' is not a table"
            case .notAnArray(let p): "'\(TOMLKeySyntax.render(p))' is not an array"
            case .invalidDocument(let why): "cannot edit the document: \(why)"
            }
        }
    }

    var source: SourceText { document.source }
    var newline: String { source.preferredNewline }

    // MARK: - Public edits

    /// Sets the value at `path`: replaces the value if the key exists, else inserts the key
    /// (creating its table when needed).
    public func setValue(_ value: TOMLLiteral, at path: [String]) throws(EditError) -> [TextEdit] {
        guard let key = path.last else { throw .notFound(path) }
        if let found = findPair(path) {
            return [TextEdit(range: found.pair.value.range, newText: value.rendered)]
        }
        return try insertKey(key, value: value, inTable: Array(path.dropLast()))
    }

    /// Adds `key = value` to the table at `tablePath`, creating the table if it is absent: after
    /// the section `newTableAfter` names when there is one (a manifest's `[dependencies]` after
    /// its `[package]`), else beside its siblings, else at the end.
    public func insertKey(_ key: String, value: TOMLLiteral, inTable tablePath: [String], newTableAfter anchor: [String]? = nil) throws(EditError) -> [TextEdit] {
        if document.root.value(at: tablePath + [key]) != nil || findPair(tablePath + [key]) != nil {
            throw .keyExists(tablePath + [key])
        }
        if !tablePath.isEmpty, let existing = document.root.value(at: tablePath) {
            switch existing.kind {
            case .table, .arrayOfTables: break
            default: throw .notATable(tablePath)
            }
        }
        let line = TOMLLiteral.renderKey(key) + " = " + value.rendered
        // An inline table, or a key inside one: extend it in place.
        for depth in stride(from: tablePath.count, through: 1, by: -1) {
            let prefix = Array(tablePath.prefix(depth))
            guard let found = findPair(prefix) else { continue }
            guard case .inlineTable(let pairs) = found.pair.value.kind else { break }
            let rest = Array(tablePath.dropFirst(depth))
            var text = line
            if let first = rest.first {
                text = TOMLLiteral.renderKey(first) + " = " + nestedValue(rest.dropFirst(), key, value).rendered
            }
            return [insertIntoInlineTable(found.pair.value, pairs: pairs, text: text)]
        }
        // A section [tablePath]: after its last pair.
        if let section = sections.last(where: { $0.path == tablePath }) ?? (tablePath.isEmpty ? sections.first : nil) {
            return [insertLine(line, in: section)]
        }
        // A table made by dotted keys: after the last pair that names it.
        if let (section, relative) = dottedOwner(of: tablePath) {
            let dotted = (relative + [key]).map(TOMLLiteral.renderKey).joined(separator: ".") + " = " + value.rendered
            return [insertLine(dotted, in: section, after: { $0.starts(with: relative) })]
        }
        return [newSection(tablePath, line: line, after: anchor)]
    }

    private func nestedValue(_ rest: ArraySlice<String>, _ key: String, _ value: TOMLLiteral) -> TOMLLiteral {
        rest.reversed().reduce(TOMLLiteral.inlineTable([(key, value)])) { inner, name in .inlineTable([(name, inner)]) }
    }

    /// Adds `value` at the end of the array at `path`, laid out as the array is: on a line of
    /// its own, indented as the last element, in an array written one element per line;
    /// after `, ` in one written on a line. A missing key is inserted with a one-element array.
    public func append(_ value: TOMLLiteral, toArrayAt path: [String]) throws(EditError) -> [TextEdit] {
        guard let found = findPair(path) else {
            guard let key = path.last else { throw .notFound(path) }
            return try insertKey(key, value: .array([value]), inTable: Array(path.dropLast()))
        }
        let array = found.pair.value
        guard case .array(let elements) = array.kind else { throw .notAnArray(path) }
        return ListAppend.edits(value.rendered, list: array.range, elements: elements.map(\.range), in: source, comment: "#")
    }

    /// Removes the key at `path` with its whole line (or its place in an inline table).
    public func removeKey(at path: [String]) throws(EditError) -> [TextEdit] {
        guard let found = findPair(path) else { throw .notFound(path) }
        if let inline = found.inlineParent, case .inlineTable(let pairs) = inline.kind {
            return [removeFromInlineTable(inline.range, pairs: pairs, index: found.index)]
        }
        return [TextEdit.delete(found.pair.lineRange)]
    }

    /// Removes a table: its [section] and every sub-table section, or the key that holds it.
    public func removeTable(at path: [String]) throws(EditError) -> [TextEdit] {
        guard !path.isEmpty, let value = document.root.value(at: path) else { throw .notFound(path) }
        switch value.kind {
        case .table, .arrayOfTables: break
        default: throw .notATable(path)
        }
        var edits: [TextEdit] = []
        let all = sections
        for section in all where section.path.starts(with: path) && section.header != nil {
            edits.append(.delete(SourceRange(section.header!.lineRange.lowerBound, section.endIncludingBlankLines(in: source))))
        }
        // Keys outside those sections that build the table (dotted keys, inline tables).
        for section in all where !section.path.starts(with: path) {
            for pair in section.pairs where (section.path + pair.key.names).starts(with: path) {
                edits.append(.delete(pair.lineRange))
            }
        }
        if edits.isEmpty { throw .notFound(path) }
        return edits
    }

    /// Applies edits and parses the result.
    public static func apply(_ edits: [TextEdit], to document: TOMLDocument, version: TOMLVersion = .v1_0) throws(TextEdit.ApplyError) -> TOMLDocument {
        let bytes = try TextEdit.apply(edits, to: document.source.bytes)
        return TOMLDocument(parsing: SourceText(path: document.source.path, bytes: bytes), version: version)
    }

    // MARK: - Finding things

    /// A run of statements under one header (or before the first one).
    struct Section {
        var header: TOMLTableHeaderSyntax?
        var path: [String]
        var pairs: [TOMLKeyValueSyntax]

        /// The end of the section's last line, plus the blank lines after it.
        func endIncludingBlankLines(in source: SourceText) -> Int {
            var end = pairs.last?.lineRange.upperBound ?? header?.lineRange.upperBound ?? 0
            let bytes = source.bytes
            while end < bytes.count {
                var probe = end
                while probe < bytes.count && (bytes[probe] == 0x20 || bytes[probe] == 0x09) { probe += 1 }
                if probe < bytes.count && bytes[probe] == 0x0A {
                    end = probe + 1
                } else if probe + 1 < bytes.count && bytes[probe] == 0x0D && bytes[probe + 1] == 0x0A {
                    end = probe + 2
                } else if probe == bytes.count {
                    end = probe
                } else {
                    break
                }
            }
            return end
        }
    }

    static func sections(of statements: [TOMLStatement]) -> [Section] {
        var result = [Section(header: nil, path: [], pairs: [])]
        for statement in statements {
            switch statement {
            case .header(let h): result.append(Section(header: h, path: h.key.names, pairs: []))
            case .keyValue(let kv): result[result.count - 1].pairs.append(kv)
            }
        }
        return result
    }

    struct FoundPair {
        var pair: TOMLKeyValueSyntax
        /// The inline table holding the pair, if any, and the pair's index in it.
        var inlineParent: TOMLValueSyntax?
        var index: Int
    }

    /// The pair that writes the value at `path` (the last `[[…]]` element for arrays of tables).
    func findPair(_ path: [String]) -> FoundPair? {
        var result: FoundPair?
        for section in sections {
            for (i, pair) in section.pairs.enumerated() {
                let full = section.path + pair.key.names
                if full == path { result = FoundPair(pair: pair, inlineParent: nil, index: i) }
                if path.count > full.count && path.starts(with: full), case .inlineTable = pair.value.kind,
                    let inner = findInInline(pair.value, prefix: full, path: path)
                {
                    result = inner
                }
            }
        }
        return result
    }

    private func findInInline(_ table: TOMLValueSyntax, prefix: [String], path: [String]) -> FoundPair? {
        guard case .inlineTable(let pairs) = table.kind else { return nil }
        for (i, pair) in pairs.enumerated() {
            let full = prefix + pair.key.names
            if full == path { return FoundPair(pair: pair, inlineParent: table, index: i) }
            if path.count > full.count && path.starts(with: full), let inner = findInInline(pair.value, prefix: full, path: path) {
                return inner
            }
        }
        return nil
    }

    /// The section whose dotted keys make the table at `path`, and the key prefix relative to it.
    private func dottedOwner(of path: [String]) -> (Section, [String])? {
        for section in sections.reversed() where path.starts(with: section.path) && path.count > section.path.count {
            let relative = Array(path.dropFirst(section.path.count))
            if section.pairs.contains(where: { $0.key.names.count > relative.count && $0.key.names.starts(with: relative) }) {
                return (section, relative)
            }
        }
        return nil
    }

    // MARK: - Making edits

    /// The indentation of the line that starts at `offset`.
    private func indentation(ofLineAt offset: Int) -> String {
        var end = offset
        while end < source.bytes.count && (source.bytes[end] == 0x20 || source.bytes[end] == 0x09) { end += 1 }
        return source.text(SourceRange(offset, end))
    }

    /// True when the line starting at `offset` holds nothing but white space.
    private func blankLine(at offset: Int) -> Bool {
        var i = offset
        while i < source.bytes.count && (source.bytes[i] == 0x20 || source.bytes[i] == 0x09) { i += 1 }
        return i < source.bytes.count && (source.bytes[i] == 0x0A || source.bytes[i] == 0x0D)
    }

    /// True when `offset` is at the start of a line (or the text is empty).
    private func atLineStart(_ offset: Int) -> Bool {
        offset == 0 || source.bytes[offset - 1] == 0x0A
    }

    private func insertLine(_ line: String, in section: Section, after matching: ([String]) -> Bool = { _ in true }) -> TextEdit {
        let anchor = section.pairs.last(where: { matching($0.key.names) })
        if let anchor {
            let at = anchor.lineRange.upperBound
            let lead = atLineStart(at) ? "" : newline
            return .insert(lead + indentation(ofLineAt: anchor.lineRange.lowerBound) + line + newline, at: at)
        }
        if let header = section.header {
            let at = header.lineRange.upperBound
            let lead = atLineStart(at) ? "" : newline
            return .insert(lead + line + newline, at: at)
        }
        // The root section is empty: before the first header, or at the end.
        if let first = document.syntax.statements.first {
            return .insert(line + newline + newline, at: first.lineRange.lowerBound)
        }
        let end = source.bytes.count
        let lead = end == 0 || atLineStart(end) ? "" : newline
        return .insert(lead + line + newline, at: end)
    }

    private func newSection(_ path: [String], line: String, after anchor: [String]?) -> TextEdit {
        let header = "[" + TOMLKeySyntax.render(path) + "]"
        let all = sections
        // After the anchor's section, or beside the tables that share its parent, when there are
        // any; else at the end.
        var at = source.bytes.count
        if let anchor, let section = all.last(where: { $0.header != nil && $0.path == anchor }) {
            at = section.pairs.last?.lineRange.upperBound ?? section.header!.lineRange.upperBound
        } else {
            at = besideSiblings(path, in: all) ?? at
        }
        let empty = document.syntax.statements.isEmpty && source.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if empty { return TextEdit(range: SourceRange(0, source.bytes.count), newText: header + newline + line + newline) }
        let lead = (atLineStart(at) ? "" : newline) + newline
        let trail = at < source.bytes.count && !blankLine(at: at) ? newline : ""
        return .insert(lead + header + newline + line + newline + trail, at: at)
    }

    /// The end of the last table that shares the path's parent.
    private func besideSiblings(_ path: [String], in all: [Section]) -> Int? {
        var at: Int?
        for length in stride(from: path.count - 1, through: 1, by: -1) {
            let parent = Array(path.prefix(length))
            if let last = all.last(where: { $0.header != nil && $0.path.starts(with: parent) }) {
                at = last.pairs.last?.lineRange.upperBound ?? last.header!.lineRange.upperBound
                break
            }
        }
        return at
    }

    private func insertIntoInlineTable(_ table: TOMLValueSyntax, pairs: [TOMLKeyValueSyntax], text: String) -> TextEdit {
        if let last = pairs.last {
            return .insert(", " + text, at: last.range.upperBound)
        }
        return TextEdit(range: table.range, newText: "{ " + text + " }")
    }

    private func removeFromInlineTable(_ tableRange: SourceRange, pairs: [TOMLKeyValueSyntax], index: Int) -> TextEdit {
        if pairs.count == 1 { return TextEdit(range: tableRange, newText: "{}") }
        if index + 1 < pairs.count {
            return .delete(SourceRange(pairs[index].range.lowerBound, pairs[index + 1].range.lowerBound))
        }
        return .delete(SourceRange(pairs[index - 1].range.upperBound, pairs[index].range.upperBound))
    }
}
