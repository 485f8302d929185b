/// build.abc's syntax for the server's manifest features: keys as the form writes them, and the
/// document read by the ABC reader.
public struct AriaManifestSyntax: ManifestSyntax {
    public init() {}

    public func renderKey(_ key: String) -> String {
        !key.isEmpty && key.utf8.allSatisfy(ABCSyntax.isKeyByte) ? key : renderString(key)
    }

    public func renderString(_ value: String) -> String {
        var out = "\""
        for c in value {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    public func renderEntry(key: String, value: String) -> String { "\(renderKey(key)) = \(value)" }

    public func document(_ source: SourceText) -> any ManifestDocument { AriaManifestDocument(ABCDocument(parsing: source)) }

    public var dependencyEditsRefused: String? {
        "a build.abc has no package dependencies to add or remove: a target's `deps` names the targets it needs; edit that list"
    }
}

/// A build.abc asked by the server's features, in either form. Paths are those of the schema:
/// a target is `["target", NAME]` whether it is an INI section `[target.NAME]` or an element of
/// the seed's `targets: [ … ]` (named by its `name`). Aria has no dependency edits: insertions
/// and removals are refused.
public struct AriaManifestDocument: ManifestDocument {
    public let document: ABCDocument

    public init(_ document: ABCDocument) { self.document = document }

    public var source: SourceText { document.source }

    /// A raw path's `targets` and its elements as the schema names them.
    static func schemaPath(_ raw: [String]) -> [String] {
        guard raw.first == "targets" else { return raw }
        return ["target"] + raw.dropFirst()
    }

    public func place(at offset: Int) -> ManifestPlace? {
        switch ABCCursor.place(in: document, at: offset) {
        case .section(let partial, let range): .section(partial: partial, range: range)
        case .key(let object, let partial, let range): .key(table: Self.schemaPath(object), partial: partial, range: range)
        case .value(let key, let partial, let range): .value(key: Self.schemaPath(key), partial: partial, range: range)
        case nil: nil
        }
    }

    /// The path of each step: keys, and a target element by its name.
    static func path(of chain: [ABCDocument.Step]) -> [String] {
        var path: [String] = []
        for step in chain {
            if let key = step.key {
                path.append(key)
            } else if path == ["targets"] {
                path = ["target", step.node.member("name")?.value.string ?? "*"]
            } else {
                path.append("*")
            }
        }
        return path
    }

    public func element(at offset: Int) -> ManifestElement? {
        let chain = document.chain(at: offset)
        // The innermost member (an array's strings belong to their key).
        guard let last = chain.lastIndex(where: { $0.key != nil }) else { return nil }
        let step = chain[last]
        let path = Self.path(of: Array(chain[...last]))
        guard let keyRange = step.keyRange else { return nil }
        let isTable = step.node.members != nil
        return ManifestElement(path: path, keyRange: keyRange, valueRange: step.node.range, onKey: keyRange.touches(offset) && !step.node.range.contains(offset),
                               isTable: isTable)
    }

    public var writtenSections: Set<[String]> {
        guard document.form == .ini, let root = document.root else { return [] }
        var out: Set<[String]> = []
        for m in root.members ?? [] where m.value.members != nil {
            if m.key == "target" {
                for t in m.value.members ?? [] { out.insert(["target", t.key]) }
            } else {
                out.insert([m.key])
            }
        }
        return out
    }

    public func keys(in path: [String]) -> Set<String>? {
        guard var node = document.root else { return nil }
        var rest = path[...]
        if rest.first == "target", document.root?.member("target") == nil, let targets = document.root?.member("targets")?.value.elements {
            rest = rest.dropFirst()
            guard let name = rest.first else { return nil }
            guard let found = targets.first(where: { $0.member("name")?.value.string == name }) ?? (name == "*" ? targets.last : nil) else { return nil }
            node = found
            rest = rest.dropFirst()
        }
        for key in rest {
            guard let next = node.member(key)?.value else { return nil }
            node = next
        }
        return node.members.map { Set($0.map(\.key)) }
    }

    public func outline(budget: inout Int) -> [ManifestSymbol] {
        if let file = document.keywordFile { return Self.symbols(file) }
        guard let root = document.root else { return [] }
        return Self.symbols(root.members ?? [], budget: &budget)
    }

    /// The keyword form's one library, with its two sections.
    private static func symbols(_ file: ABCKeywordFile) -> [ManifestSymbol] {
        guard let name = file.name, let keyword = file.library else { return [] }
        func section(_ title: String, _ keyword: SourceRange?, _ entries: [SourceRange]) -> ManifestSymbol? {
            keyword.map { k in ManifestSymbol(name: title, detail: nil, kind: .array, range: entries.reduce(k) { $0.union($1) }, selection: k) }
        }
        let children = [section("SOURCES", file.sourcesKeyword, file.sources.map(\.range)),
                        section("DEPENDENCIES", file.dependenciesKeyword, file.dependencies.map(\.path.range))].compactMap { $0 }
        let range = children.reduce(keyword.union(name.range)) { $0.union($1.range) }
        return [ManifestSymbol(name: name.value, detail: "library", kind: .table, range: range, selection: name.range, children: children)]
    }

    private static func symbols(_ members: [ABCDocument.Member], budget: inout Int) -> [ManifestSymbol] {
        var out: [ManifestSymbol] = []
        for m in members {
            guard budget > 0 else { break }
            budget -= 1
            out.append(symbol(name: m.key, node: m.value, selection: m.keyRange, budget: &budget))
        }
        return out
    }

    private static func symbol(name: String, node: ABCDocument.Node, selection: SourceRange, budget: inout Int) -> ManifestSymbol {
        switch node.value {
        case .object(let members):
            let children = symbols(members, budget: &budget)
            let range = children.reduce(selection.union(node.range)) { $0.union($1.range) }
            return ManifestSymbol(name: name, detail: node.member("type")?.value.string, kind: .table, range: range, selection: selection, children: children)
        case .array(let elements) where elements.contains(where: { $0.members != nil }):
            // The seed's `targets`: each element by its name.
            var children: [ManifestSymbol] = []
            for (i, e) in elements.enumerated() where budget > 0 {
                budget -= 1
                let label = e.member("name")?.value.string ?? "[\(i)]"
                children.append(symbol(name: label, node: e, selection: e.member("name")?.value.range ?? e.range, budget: &budget))
            }
            return ManifestSymbol(name: name, detail: nil, kind: .array, range: selection.union(node.range), selection: selection, children: children)
        default:
            let kind: ManifestSymbol.Kind = switch node.value {
            case .string, .word: .string
            case .number: .number
            case .bool: .boolean
            case .array: .array
            default: .other
            }
            return ManifestSymbol(name: name, detail: node.string, kind: kind, range: selection.union(node.range), selection: selection)
        }
    }

    /// The brace form writes `key: value`.
    public func entryText(key: String, value: String) -> String? {
        document.form == .braces ? "\(AriaManifestSyntax().renderKey(key)): \(value)" : nil
    }

    public func insertion(of key: String, string value: String, in path: [String], after anchor: [String]?) -> [TextEdit]? { nil }
    public func insertion(of key: String, table value: [(String, String)], in path: [String], after anchor: [String]?) -> [TextEdit]? { nil }
    public func removal(of path: [String]) -> [TextEdit]? { nil }
}
