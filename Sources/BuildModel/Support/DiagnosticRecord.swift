import OrderedCollections

/// A diagnostic as data that is kept on disk and read back whole: every field, ranges as byte
/// offsets. Not a format for people or other programs (`--message-format json` is that); the
/// kept plan's warnings (`KeptWarnings`) are written in it.
extension Diagnostic {
    public var record: JSONValue {
        var o: OrderedDictionary<String, JSONValue> = [
            "severity": .string(severity.rawValue), "message": .string(message), "range": Self.record(range),
        ]
        if let code { o["code"] = .string(code) }
        if let file { o["file"] = .string(file) }
        if let label { o["label"] = .string(label) }
        if !notes.isEmpty { o["notes"] = .array(notes.map(JSONValue.string)) }
        if !help.isEmpty { o["help"] = .array(help.map(JSONValue.string)) }
        if !placed { o["placed"] = .bool(false) }
        if !related.isEmpty {
            o["related"] = .array(related.map { r in
                var ro: OrderedDictionary<String, JSONValue> = ["range": Self.record(r.range), "message": .string(r.message)]
                if let file = r.file { ro["file"] = .string(file) }
                return .object(ro)
            })
        }
        if let fix {
            var fo: OrderedDictionary<String, JSONValue> = ["title": .string(fix.title), "edits": .array(fix.edits.map { e in
                var eo: OrderedDictionary<String, JSONValue> = ["range": Self.record(e.range), "newText": .string(e.newText)]
                if let file = e.file { eo["file"] = .string(file) }
                return .object(eo)
            })]
            if fix.isCertain { fo["certain"] = .bool(true) }
            o["fix"] = .object(fo)
        }
        return .object(o)
    }

    /// The diagnostic `record` wrote; nil for anything else.
    public init?(record: JSONValue) {
        guard let severity = record["severity"]?.stringValue.flatMap(Severity.init(rawValue:)), let message = record["message"]?.stringValue,
              let range = record["range"].flatMap(Self.range) else { return nil }
        func strings(_ key: String) -> [String]? {
            guard let value = record[key] else { return [] }
            let items = value.arrayValue?.compactMap(\.stringValue)
            return items?.count == value.arrayValue?.count ? items : nil
        }
        guard let notes = strings("notes"), let help = strings("help") else { return nil }
        var related: [Related] = []
        for r in record["related"]?.arrayValue ?? [] {
            guard let range = r["range"].flatMap(Self.range), let message = r["message"]?.stringValue else { return nil }
            related.append(Related(file: r["file"]?.stringValue, range: range, message: message))
        }
        var fix: Fix?
        if let f = record["fix"] {
            guard let title = f["title"]?.stringValue, let edits = f["edits"]?.arrayValue else { return nil }
            var made: [TextEdit] = []
            for e in edits {
                guard let range = e["range"].flatMap(Self.range), let text = e["newText"]?.stringValue else { return nil }
                made.append(TextEdit(file: e["file"]?.stringValue, range: range, newText: text))
            }
            fix = Fix(title: title, edits: made, certain: f["certain"]?.boolValue ?? false)
        }
        self.init(severity: severity, code: record["code"]?.stringValue, message: message, file: record["file"]?.stringValue, range: range,
                  related: related, label: record["label"]?.stringValue, notes: notes, help: help, fix: fix)
        placed = record["placed"]?.boolValue ?? true
    }

    /// The files the diagnostic points into: its own, its related places' and its fix's.
    public var files: [String] {
        var out: [String] = []
        for f in [file] + related.map(\.file) + (fix?.edits.map(\.file) ?? []) {
            if let f, !out.contains(f) { out.append(f) }
        }
        return out
    }

    private static func record(_ range: SourceRange) -> JSONValue { .array([.int(Int64(range.lowerBound)), .int(Int64(range.upperBound))]) }

    private static func range(_ value: JSONValue) -> SourceRange? {
        guard let a = value[0]?.intValue, let b = value[1]?.intValue, value.arrayValue?.count == 2, a >= 0, a <= b, b <= Int64(UInt32.max) else { return nil }
        return SourceRange(Int(a), Int(b))
    }
}
