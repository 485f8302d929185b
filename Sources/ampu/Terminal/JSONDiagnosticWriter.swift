import BuildModel
import OrderedCollections

/// `--message-format json`: one object per diagnostic and line, positions 1-based with columns
/// counted in characters, files relative to the workspace root; `"file": null` (and no
/// position) for one about no file (an action that failed).
struct JSONDiagnosticWriter {
    var sources: [String: SourceText]
    var root: String?

    /// Inside the workspace, relative to its root; elsewhere absolute, so that a program reading
    /// the output never has to resolve `..` (people get `Paths.display` in the other formats).
    private func relative(_ path: String) -> String { Paths.relative(path, ifWithin: root) }

    private func place(_ range: SourceRange, in file: String) -> [(String, JSONValue)] {
        guard let source = sources[file] else {
            return [("line", 1), ("column", 1), ("endLine", 1), ("endColumn", 1)]
        }
        let start = source.position(of: range.lowerBound, in: .utf32)
        let end = source.position(of: range.upperBound, in: .utf32)
        return [
            ("line", .int(Int64(start.line + 1))), ("column", .int(Int64(start.column + 1))),
            ("endLine", .int(Int64(end.line + 1))), ("endColumn", .int(Int64(end.column + 1))),
        ]
    }

    func line(_ d: Diagnostic, defaultFile: String) -> String {
        let file = d.file ?? defaultFile
        var object: OrderedDictionary<String, JSONValue> = ["file": file.isEmpty ? .null : .string(relative(file))]
        if d.placed && !file.isEmpty { for (k, v) in place(d.range, in: file) { object[k] = v } }
        object["severity"] = .string(d.severity.rawValue)
        object["code"] = d.code.map(JSONValue.string) ?? .null
        object["message"] = .string(d.message)
        if let label = d.label { object["label"] = .string(label) }
        if !d.notes.isEmpty { object["notes"] = .array(d.notes.map(JSONValue.string)) }
        object["help"] = .array(d.help.map(JSONValue.string))
        object["related"] = .array(d.related.map { r in
            let rfile = r.file ?? file
            var o: OrderedDictionary<String, JSONValue> = ["file": .string(relative(rfile))]
            for (k, v) in place(r.range, in: rfile) { o[k] = v }
            o["message"] = .string(r.message)
            return .object(o)
        })
        if let fix = d.fix {
            object["fix"] = .object([
                "title": .string(fix.title),
                "edits": .array(fix.edits.map { e in
                    let efile = e.file ?? file
                    var o: OrderedDictionary<String, JSONValue> = ["file": .string(relative(efile))]
                    for (k, v) in place(e.range, in: efile) { o[k] = v }
                    o["newText"] = .string(e.newText)
                    return .object(o)
                }),
                // `ampu fix` makes it unasked (rustc's machine-applicable); else a guess.
                "certain": .bool(fix.isCertain),
            ])
        }
        return ((try? JSON.serializeToString(.object(object))) ?? "{}") + "\n"
    }
}
