/// Reads typed values out of a TOML manifest, recording a diagnostic for every unknown key
/// and every value of the wrong type. Shared by the TOML-based ecosystems.
struct TOMLManifestReader {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Warns about keys of `table` that are not in `known`, suggesting the closest known key. The
    /// rename is offered as a fix only when that key takes the value as written: a fix must not
    /// turn a warning into an error (`optimization_level = 2` is no `optimization`, which takes
    /// a string).
    mutating func checkKeys(_ table: TOMLTable, known: [ManifestKey], in name: @autoclosure () -> String) {
        for (key, entry) in table.entries where !known.contains(where: { $0.name == key }) {
            let name = name()
            let names = known.map(\.name)
            let place = name.isEmpty ? "at the top level" : "in [\(name)]"
            var help: [String] = []
            var fix: Diagnostic.Fix?
            if let guess = Spelling.closest(to: key, in: names), let guessed = known.first(where: { $0.name == guess }) {
                if Self.value(entry.value, fits: guessed.kind) {
                    help.append("did you mean '\(guess)'?")
                    fix = Diagnostic.Fix(title: "Rename '\(key)' to '\(guess)'", edits: [TextEdit(range: entry.keyRange, newText: TOMLLiteral.renderKey(guess))])
                } else {
                    let example = guessed.example.map { ", such as \(guess) = \($0)" } ?? ""
                    help.append("did you mean '\(guess)'? it takes \(article(guessed.kind.rawValue))\(example)")
                }
            }
            add(.warning("unknown key '\(key)' \(place)", .unknownKey, at: entry.keyRange, label: "unknown key",
                         notes: ["the keys \(place) are: " + names.joined(separator: ", ")], help: help, fix: fix))
        }
    }

    /// Whether a value as written is of the type a key takes.
    static func value(_ value: TOMLValue, fits kind: ManifestKey.Kind) -> Bool {
        switch kind {
        case .string: value.string != nil
        case .integer: value.integer != nil
        case .boolean: value.boolean != nil
        case .stringArray: value.array.map { $0.allSatisfy { $0.string != nil } } ?? false
        case .table: value.table != nil
        case .dependency: value.string != nil || value.table != nil
        }
    }

    private mutating func wrongType(_ entry: TOMLEntry, path: String, expected: String, example: String) {
        add(.error(
            "'\(path)' must be \(expected), found \(article(entry.value.typeName))", .wrongType,
            at: entry.value.range, label: "expected \(expected)", help: ["write it as \(example)"]))
    }

    func article(_ type: String) -> String {
        (type.first.map { "aeiou".contains($0) } ?? false) ? "an \(type)" : "a \(type)"
    }

    /// The value of `key` when it has the type `extract` accepts; a wrong type is reported.
    private mutating func scalar<T: Hashable & Sendable>(
        _ table: TOMLTable, _ key: String, path: () -> String, expected: String, example: @autoclosure () -> String,
        _ extract: (TOMLValue) -> T?
    ) -> Located<T>? {
        guard let entry = table.entries[key] else { return nil }
        guard let value = extract(entry.value) else {
            wrongType(entry, path: path(), expected: expected, example: example())
            return nil
        }
        return Located(value, range: entry.value.range, keyRange: entry.keyRange)
    }

    mutating func string(_ table: TOMLTable, _ key: String, path: @autoclosure () -> String) -> Located<String>? {
        scalar(table, key, path: path, expected: "a string", example: "\(key) = \"…\"") { $0.string }
    }

    mutating func bool(_ table: TOMLTable, _ key: String, path: @autoclosure () -> String) -> Located<Bool>? {
        scalar(table, key, path: path, expected: "a boolean", example: "\(key) = true or \(key) = false") { $0.boolean }
    }

    /// `[build] timeout`: how long one build action may run, at least a second.
    mutating func timeout(_ table: TOMLTable) -> Located<Int64>? {
        guard let timeout = integer(table, "timeout", path: "build.timeout") else { return nil }
        guard timeout.value >= 1 else {
            add(.error("'build.timeout' must be at least 1 second, found \(timeout.value)", .invalidValue, at: timeout.range,
                       label: "not a number of seconds", help: ["remove it to allow each action 300 seconds"]))
            return nil
        }
        return timeout
    }

    mutating func integer(_ table: TOMLTable, _ key: String, path: @autoclosure () -> String) -> Located<Int64>? {
        scalar(table, key, path: path, expected: "an integer", example: "\(key) = 2") { $0.integer }
    }

    /// An array of strings; elements of another type are reported one by one and left out.
    mutating func strings(_ table: TOMLTable, _ key: String, path: @autoclosure () -> String) -> [Located<String>]? {
        guard let entry = table.entries[key] else { return nil }
        guard let array = entry.value.array else {
            wrongType(entry, path: path(), expected: "an array of strings", example: "\(key) = [\"…\"]")
            return nil
        }
        var out: [Located<String>] = []
        for element in array {
            if let s = element.string {
                out.append(Located(s, range: element.range))
            } else {
                add(.error(
                    "'\(path())' must hold only strings, found \(article(element.typeName))", .wrongType,
                    at: element.range, help: ["put the value in quotes, or remove it"]))
            }
        }
        return out
    }

    /// A sub-table, written as a header or inline.
    mutating func table(_ table: TOMLTable, _ key: String, path: @autoclosure () -> String) -> (TOMLTable, TOMLEntry)? {
        guard let entry = table.entries[key] else { return nil }
        guard let t = entry.value.table else {
            wrongType(entry, path: path(), expected: "a table", example: "a [\(path())] section")
            return nil
        }
        return (t, entry)
    }

    /// The value when it is one of `allowed`; otherwise reported with the closest allowed value
    /// as a fix, and nil.
    mutating func oneOf(_ value: Located<String>?, _ allowed: [String], key: String) -> Located<String>? {
        guard let value else { return nil }
        if allowed.contains(value.value) { return value }
        var help: [String] = []
        var fix: Diagnostic.Fix?
        if let guess = Spelling.closest(to: value.value, in: allowed) {
            help.append("did you mean '\(guess)'?")
            fix = Diagnostic.Fix(title: "Replace with '\(guess)'", edits: [TextEdit(range: value.range, newText: TOMLLiteral.renderString(guess))])
        }
        add(.error("unknown \(key) '\(value.value)'", .invalidValue, at: value.range, label: "not one of the allowed values",
                   notes: ["'\(key)' is one of: " + allowed.joined(separator: ", ")], help: help, fix: fix))
        return nil
    }

    /// `name` and `version` of a `[package]`-like table, both required: the name checked by the
    /// ecosystem's rule (`problem`, with `nameHelp` when it fails), the version as MAJOR.MINOR.PATCH.
    mutating func nameAndVersion(_ table: TOMLTable, header: TOMLEntry, tableName: String, problem: (String) -> String?,
                                 nameHelp: (String) -> String, example: String) -> (Located<String>?, Located<Version>?) {
        let name = string(table, "name", path: "\(tableName).name")
        if let name, let reason = problem(name.value) {
            add(.error("invalid package name '\(name.value)': \(reason)", .invalidPackageName, at: name.range, help: [nameHelp(name.value)]))
        }
        if table.entries["name"] == nil {
            add(.error("[\(tableName)] has no 'name'", .missingKey, at: header.keyRange, help: ["add a line such as: name = \"\(example)\""]))
        }
        var version: Located<Version>?
        if let text = string(table, "version", path: "\(tableName).version") {
            switch Version.parse(text.value) {
            case .success(let v): version = Located(v, range: text.range, keyRange: text.keyRange)
            case .failure(let error):
                add(VersionProblem.version(text, reason: error.reason))
            }
        } else if table.entries["version"] == nil {
            add(.error("[\(tableName)] has no 'version'", .missingKey, at: header.keyRange, help: ["add a line such as: version = \"0.1.0\""]))
        }
        return (name, version)
    }

    /// A version requirement written as `text`; a reason and `examples` when it cannot be read.
    mutating func requirement(_ text: String, range: SourceRange, keyRange: SourceRange, examples: String) -> Located<VersionRequirement>? {
        switch VersionRequirement.parse(text) {
        case .success(let r): return Located(r, range: range, keyRange: keyRange)
        case .failure(let error):
            add(VersionProblem.requirement(Located(text, range: range), reason: error.reason, examples: examples))
            return nil
        }
    }
}
