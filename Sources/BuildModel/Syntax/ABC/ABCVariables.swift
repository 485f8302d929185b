/// `&{name}` in build.abc strings, resolved as the seed orders it: the target's own scope first
/// (its `variables` object, then its own string fields such as `name`), then the file's
/// `variables` block, then `&{ENV.VAR}` from the environment. Variables are expanded when first
/// asked and remembered; a variable's value may use others.
///
/// Problems are located at the reference: an undefined name (the closest defined one
/// suggested), a variable that reaches itself through others (the chain shown), variables used
/// within each other more than 64 deep, a value longer than 131,072 bytes, a `&{` with no `}`,
/// an environment variable that is not set.
public struct ABCVariables: Sendable {
    /// The `variables` block of the file, by name.
    let global: [String: ABCDocument.Node]
    /// nil when the file is read on its own: `&{ENV.X}` is then left as written.
    let environment: [String: String]?
    let source: SourceText
    /// The file's form, for saying where a variable is defined in it.
    let form: ABCDocument.Form

    /// Where each of the file's variables is defined: its key.
    let globalKeys: [String: SourceRange]

    public init(_ document: ABCDocument, environment: [String: String]?) {
        var global: [String: ABCDocument.Node] = [:]
        var keys: [String: SourceRange] = [:]
        for m in document.root?.member("variables")?.value.members ?? [] where global[m.key] == nil {
            global[m.key] = m.value
            keys[m.key] = m.keyRange
        }
        self.global = global
        globalKeys = keys
        self.environment = environment
        source = document.source
        form = document.form
    }

    /// How many variables may be used one within another's value (as the Rask reader reads
    /// blocks and lists no deeper than 64).
    static let depthLimit = 64

    /// How a variable `name` is defined in this file's form.
    func howToDefine(_ name: String) -> String {
        form == .ini ? "define it in the [variables] section: \(name) = \"…\"" : "define it under variables: \(name): \"…\""
    }

    /// Where `&{name}` is defined, as the seed orders the scopes: the target's `variables`, its
    /// own fields, the file's `variables`; nil for `ENV.…` and for a name defined nowhere.
    public func definition(of name: String, in target: ABCDocument.Node? = nil) -> (key: SourceRange, scope: Scope)? {
        if let m = target?.member("variables")?.value.member(name) { return (m.keyRange, .targetVariables) }
        if let m = target?.member(name), m.value.string != nil { return (m.keyRange, .targetField) }
        return globalKeys[name].map { ($0, .file) }
    }

    /// Where a variable's value comes from.
    public enum Scope: Sendable { case targetVariables, targetField, file, environment }

    /// The value `&{name}` has in `target`'s scope (the file's outside any), or why it has none.
    public func value(of name: String, at range: SourceRange, in target: ABCDocument.Node? = nil) -> Result<String, Problems> {
        var stack: [String] = []
        var memo: [String: String] = [:]
        var expansions = Expansions()
        return resolve(Reference(name: name, range: range), target: target, stack: &stack, memo: &memo, expansions: &expansions)
    }

    /// The names `&{` may be followed by in `target`: its variables, its string fields, the
    /// file's variables (each once, the nearest scope first).
    public func names(in target: ABCDocument.Node? = nil) -> [(name: String, scope: Scope)] {
        var out: [(name: String, scope: Scope)] = []
        var seen = Set<String>()
        for m in target?.member("variables")?.value.members ?? [] where seen.insert(m.key).inserted { out.append((m.key, .targetVariables)) }
        for m in target?.members ?? [] where m.value.string != nil && seen.insert(m.key).inserted { out.append((m.key, .targetField)) }
        for name in global.keys.sorted() where seen.insert(name).inserted { out.append((name, .file)) }
        return out
    }

    /// Why a string cannot be expanded: every problem in it.
    public struct Problems: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// One `&{…}` in a string literal: its name and where it is (the whole `&{…}`).
    struct Reference {
        var name: String
        var range: SourceRange
    }

    /// What one reading of the file has expanded of the file's own `variables` (their values do
    /// not depend on the target that uses them): each value once, and the variables that could
    /// not be expanded, whose problems were given then and are not given again.
    public struct Expansions: Sendable {
        var values: [String: String] = [:]
        var failed: Set<String> = []

        public init() {}
    }

    /// The text of a string value with every reference replaced, or the problems that stop it.
    /// - Parameter target: the target whose scope comes first (its object), when inside one.
    public func expand(_ node: ABCDocument.Node, in target: ABCDocument.Node? = nil) -> Result<String, Problems> {
        var expansions = Expansions()
        return expand(node, in: target, expansions: &expansions)
    }

    /// The same, sharing `expansions` with the other strings of one reading: a failure is then
    /// given once, not again for each string that uses the variable (its problems are empty).
    public func expand(_ node: ABCDocument.Node, in target: ABCDocument.Node? = nil, expansions: inout Expansions) -> Result<String, Problems> {
        var stack: [String] = []
        var memo: [String: String] = [:]
        return expand(node, target: target, stack: &stack, memo: &memo, expansions: &expansions)
    }

    /// The most bytes a value may expand to: what Linux passes as one argument (a path or a
    /// flag is far shorter). Variables that each use the next twice would double their length
    /// at each step, past any memory, in forty steps.
    static let lengthLimit = 131_072

    private func expand(_ node: ABCDocument.Node, target: ABCDocument.Node?, stack: inout [String], memo: inout [String: String],
                        expansions: inout Expansions) -> Result<String, Problems> {
        guard node.isQuoted else { return .success(node.string ?? "") }
        // Most strings use no variable: their text as it is.
        let r = node.range
        if !source.bytes[r.lowerBound..<r.upperBound].withContiguousStorageIfAvailable({ b in
            b.indices.dropLast().contains { b[$0] == 0x26 && b[$0 + 1] == 0x7B }
        })! {
            return .success(node.string ?? "")
        }
        let (pieces, unterminated) = Self.pieces(of: node, in: source)
        var problems: [Diagnostic] = []
        if let open = unterminated {
            problems.append(.error("'&{' is not closed", .abcVariable, at: open, label: "opened here", help: ["close the variable's name with }: &{name}"]))
        }
        var out = ""
        var failed = false
        for piece in pieces {
            let added: String
            let place: SourceRange
            switch piece {
            case .text(let text):
                added = text
                place = node.range
            case .reference(let reference):
                place = reference.range
                switch resolve(reference, target: target, stack: &stack, memo: &memo, expansions: &expansions) {
                case .success(let value): added = value
                case .failure(let more):
                    problems += more.diagnostics
                    failed = true
                    continue
                }
            }
            if out.utf8.count + added.utf8.count > Self.lengthLimit {
                problems.append(.error("this value would be longer than \(Self.lengthLimit) bytes, the most Linux passes as one argument", .abcVariable, at: place,
                                       label: "too long from here", help: ["a value this long is no path or flag: use fewer variables in it"]))
                failed = true
                break
            }
            out += added
        }
        return failed || !problems.isEmpty ? .failure(Problems(diagnostics: problems)) : .success(out)
    }

    private func resolve(_ reference: Reference, target: ABCDocument.Node?, stack: inout [String], memo: inout [String: String],
                         expansions: inout Expansions) -> Result<String, Problems> {
        let name = reference.name
        if name.hasPrefix("ENV.") {
            let variable = String(name.dropFirst(4))
            guard let environment else { return .success("&{\(name)}") }
            if let value = environment[variable] { return .success(value) }
            return .failure(Problems(diagnostics: [.error("environment variable '\(variable)' is not set", .abcVariable, at: reference.range, label: "not set",
                                    help: ["set \(variable) before building, or \(howToDefine(variable))"])]))
        }
        // The target's scope: its own variables, then its fields (`&{name}` in its output).
        let local = target?.member("variables")?.value.member(name)?.value ?? target?.member(name).flatMap { $0.value.string != nil ? $0.value : nil }
        guard let definition = local ?? global[name] else {
            // In a fixed order (a tie goes to the first), and not those being defined here: a
            // variable that used one of them would refer to itself.
            let known = (global.keys.sorted() + (target?.member("variables")?.value.members?.map(\.key) ?? [])).filter { !stack.contains($0) }
            let guess = Spelling.closest(to: name, in: known)
            return .failure(Problems(diagnostics: [.error("undefined variable '\(name)'", .abcVariable, at: reference.range, label: "not defined",
                                    help: guess.map { ["did you mean '\($0)'?"] } ?? ["\(howToDefine(name)), or use &{ENV.\(name)} for the environment's"],
                                    fix: guess.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: reference.range, newText: "&{\($0)}")]) })]))
        }
        let key = (local != nil ? "local." : "") + name
        if local == nil {
            if let known = expansions.values[name] { return .success(known) }
            if expansions.failed.contains(name) { return .failure(Problems(diagnostics: [])) }
        } else if let known = memo[key] {
            return .success(known)
        }
        if let loop = stack.firstIndex(of: name) {
            let chain = (stack[loop...] + [name]).joined(separator: " → ")
            return .failure(Problems(diagnostics: [.error("variable '\(name)' refers to itself: \(chain)", .abcVariable, at: reference.range, label: "loops back here",
                                    help: ["give one of them a value that does not use the others"])]))
        }
        // Each variable's value is expanded within the last one's: a chain too long for any
        // real file would run the stack out.
        if stack.count >= Self.depthLimit {
            let chain = stack.prefix(3) + ["…"] + stack.suffix(2) + [name]
            return .failure(Problems(diagnostics: [.error("variables used within each other more than \(Self.depthLimit) deep: \(chain.joined(separator: " → "))",
                                                          .abcVariable, at: reference.range, label: "one too many",
                                                          help: ["give one of them a value that does not use the next"])]))
        }
        stack.append(name)
        defer { stack.removeLast() }
        let result = expand(definition, target: local != nil ? target : nil, stack: &stack, memo: &memo, expansions: &expansions)
        switch result {
        case .success(let value):
            if local == nil { expansions.values[name] = value } else { memo[key] = value }
        case .failure:
            if local == nil { expansions.failed.insert(name) }
        }
        return result
    }

    enum Piece {
        case text(String)
        case reference(Reference)
    }

    /// The literal's text between its quotes, cut at each `&{name}`; and where a `&{` with no
    /// `}` starts, if one does.
    static func pieces(of node: ABCDocument.Node, in source: SourceText) -> ([Piece], SourceRange?) {
        let bytes = source.bytes
        let start = node.range.lowerBound + 1
        let end = max(start, node.range.upperBound - 1)
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var i = start
        while i < end {
            if bytes[i] == 0x5C, i + 1 < end {
                let e = bytes[i + 1]
                text.append(e == 0x6E ? 0x0A : e == 0x74 ? 0x09 : e)
                i += 2
                continue
            }
            if bytes[i] == 0x26, i + 1 < end, bytes[i + 1] == 0x7B {
                guard let close = bytes[(i + 2)..<end].firstIndex(of: 0x7D) else {
                    if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
                    return (pieces, SourceRange(i, i + 2))
                }
                if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
                var nameBytes = bytes[(i + 2)..<close]
                while let first = nameBytes.first, first == 0x20 { nameBytes = nameBytes.dropFirst() }
                while let last = nameBytes.last, last == 0x20 { nameBytes = nameBytes.dropLast() }
                let name = String(decoding: nameBytes, as: UTF8.self)
                pieces.append(.reference(Reference(name: name, range: SourceRange(i, close + 1))))
                i = close + 1
                continue
            }
            text.append(bytes[i])
            i += 1
        }
        if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
        return (pieces, nil)
    }
}

extension DiagnosticCode {
    public static let abcVariable = DiagnosticCode("A005", "A `&{…}` in build.abc that cannot be expanded: an undefined name, a variable that refers to itself, variables used within each other more than 64 deep, a value longer than 131,072 bytes, an unset environment variable, a `&{` with no `}`.")
}
