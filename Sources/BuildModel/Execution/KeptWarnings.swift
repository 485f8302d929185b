/// The warnings a kept plan was made with, shown again each time the plan is used, as Cargo
/// shows a fresh unit's warnings again: kept in `plan-<profile>.warnings` beside the plan (which
/// names this file among those it was made from), with the size and time of every file they
/// point into. A change to one of those files makes the plan afresh, so a warning is never shown
/// for text that is no longer there.
struct KeptWarnings {
    var diagnostics: [Diagnostic]
    /// The texts the diagnostics point into, for the front end to show them in.
    var sources: [String: SourceText]

    static func file(amending plan: String) -> String { plan + ".warnings" }

    /// Whether a plan made with `diagnostic` may be kept with it. Not when what it says depends on
    /// the machine rather than on the workspace's files, which the kept plan watches: a tool
    /// that is not installed yet (`codes`), a dependency not in the package cache, a problem of
    /// the environment.
    static func keepable(_ diagnostic: Diagnostic, machineCodes codes: Set<String>) -> Bool {
        diagnostic.severity != .error && diagnostic.placed && diagnostic.file != nil
            && !codes.contains(diagnostic.code ?? "") && diagnostic.code != DiagnosticCode.unavailableDependency.rawValue
    }

    /// The file's bytes for `diagnostics` (each placed in a file), with the status `stats` gives
    /// each file they point into; nil when one of those files is not there.
    static func text(_ diagnostics: [Diagnostic], stats: StatCache) -> [UInt8]? {
        var files: [JSONValue] = []
        var seen: Set<String> = []
        for path in diagnostics.flatMap(\.files) where seen.insert(path).inserted {
            guard let s = stats.status(path) else { return nil }
            files.append(.array([.string(path), .int(Int64(s.size)), .int(s.modificationTime)]))
        }
        return try? JSON.serialize(.object(["files": .array(files), "diagnostics": .array(diagnostics.map(\.record))]))
    }

    /// What `file` holds, its files read again; nil when it cannot be read whole or one of its
    /// files changed since.
    static func read(_ file: String, fileSystem: any FileSystem) -> KeptWarnings? {
        guard let bytes = try? fileSystem.readFile(file), let value = try? JSON.parse(bytes),
              let files = value["files"]?.arrayValue, let records = value["diagnostics"]?.arrayValue else { return nil }
        var sources: [String: SourceText] = [:]
        for entry in files {
            guard let path = entry[0]?.stringValue, let size = entry[1]?.intValue, let time = entry[2]?.intValue,
                  let (text, status) = try? fileSystem.readFileAndStatus(path), let status, Int64(status.size) == size, status.modificationTime == time
            else { return nil }
            sources[path] = SourceText(path: path, bytes: text, status: status)
        }
        var diagnostics: [Diagnostic] = []
        for record in records {
            // Every place inside its file as it is: a record cut or changed on disk is not shown.
            guard let d = Diagnostic(record: record), let file = d.file, let size = sources[file]?.bytes.count, d.range.upperBound <= size,
                  d.related.allSatisfy({ r in r.range.upperBound <= sources[r.file ?? file]?.bytes.count ?? -1 }),
                  (d.fix?.edits ?? []).allSatisfy({ e in e.range.upperBound <= sources[e.file ?? file]?.bytes.count ?? -1 }) else { return nil }
            diagnostics.append(d)
        }
        return KeptWarnings(diagnostics: diagnostics, sources: sources)
    }
}
