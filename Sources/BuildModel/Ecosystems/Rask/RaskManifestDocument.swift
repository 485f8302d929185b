/// A Rask build file for the server's manifest features and `ampu add`/`remove`: its outline
/// (document symbols) from the package block, and deps added or removed keeping the rest of the
/// file as it is. Completion and hover inside the block are not there yet: `place` and `element`
/// find nothing.
public struct RaskManifestSyntax: ManifestSyntax {
    public func profileDefinition(_ name: String, inheriting base: String) -> String {
        "`profile \"\(name)\" { inherits: \"\(base)\" }` in the package block"
    }

    public init() {}

    public func renderKey(_ key: String) -> String { key }

    public func renderString(_ value: String) -> String {
        var out = "\""
        for c in value.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    public func renderEntry(key: String, value: String) -> String { "\(key): \(value)" }

    public func document(_ source: SourceText) -> any ManifestDocument { RaskManifestDocument(RaskPackageDocument(parsing: source)) }

    /// Deps go at the top of the package block; dev deps in its `scope "dev"` block; a feature's
    /// in its block.
    public func dependencySection(dev: Bool, feature: String?) -> (path: [String], title: String)? {
        if let feature {
            let title = "feature " + renderString(feature)
            return ([title], title)
        }
        return dev ? (["scope \"dev\""], "scope \"dev\"") : (["the package block"], "the package block")
    }

    public func sectionTitle(_ section: String) -> String { section }

    /// `dep "name" "^1.0" { path: "…" }`.
    public func renderDependency(name: String, requirement: String?, source: [(String, String)]) -> String {
        var out = "dep " + renderString(name)
        if let requirement, requirement != "*" { out += " " + renderString(requirement) }
        if !source.isEmpty { out += " { " + source.map { "\($0.0): " + renderString($0.1) }.joined(separator: ", ") + " }" }
        return out
    }
}

public struct RaskManifestDocument: ManifestDocument {
    let document: RaskPackageDocument

    init(_ document: RaskPackageDocument) { self.document = document }

    public var source: SourceText { document.source }
    public var writtenSections: Set<[String]> { document.package == nil ? [] : [["package"]] }

    public func place(at offset: Int) -> ManifestPlace? { nil }
    public func element(at offset: Int) -> ManifestElement? { nil }

    public func keys(in path: [String]) -> Set<String>? {
        guard path == ["package"], let package = document.package else { return nil }
        return Set(package.entries.map(\.key.value))
    }

    /// The package, then its metadata, deps and groups with their deps, in the order written.
    public func outline(budget: inout Int) -> [ManifestSymbol] {
        guard let package = document.package, budget > 0 else { return [] }
        budget -= 1
        var children: [ManifestSymbol] = []
        func add(_ symbol: ManifestSymbol, to list: inout [ManifestSymbol]) {
            guard budget > 0 else { return }
            budget -= 1
            list.append(symbol)
        }
        for e in package.entries {
            add(ManifestSymbol(name: e.key.value, detail: nil, kind: .other, range: SourceRange(e.key.range.lowerBound, e.value.range.upperBound),
                               selection: e.key.range), to: &children)
        }
        for d in package.dependencies { add(Self.symbol(d), to: &children) }
        for g in package.groups {
            var inner: [ManifestSymbol] = []
            for d in g.dependencies { add(Self.symbol(d), to: &inner) }
            add(ManifestSymbol(name: "\(g.keyword.value) \"\(g.name.value)\"", detail: nil, kind: .table, range: g.range, selection: g.name.range,
                               children: inner), to: &children)
        }
        return [ManifestSymbol(name: "package \"\(package.name.value)\"", detail: package.version?.value, kind: .table, range: package.range,
                               selection: package.name.range, children: children)]
    }

    private static func symbol(_ d: RaskPackageDocument.Dependency) -> ManifestSymbol {
        ManifestSymbol(name: "dep \"\(d.name.value)\"", detail: d.version?.value, kind: .string, range: d.range, selection: d.name.range)
    }

    // MARK: Edits (`ampu add`, `ampu remove`)

    public func insertion(of key: String, string value: String, in path: [String], after anchor: [String]?) -> [TextEdit]? {
        insertion(of: key, table: [("version", value)], in: path, after: nil)
    }

    /// A workspace's `members: [...]` (path `["workspace", "members"]`, as the reader files it)
    /// with one more, laid out as the list is. Refused when the block has syntax errors or no
    /// such list.
    public func appending(string value: String, toArrayAt path: [String]) -> [TextEdit]? {
        guard path == ["workspace", "members"], !document.hasErrors, let entry = document.package?.entry("members"),
              let list = entry.value.list else { return nil }
        return ListAppend.edits(RaskManifestSyntax().renderString(value), list: entry.value.range, elements: list.map(\.range), in: source, comment: "//")
    }

    /// `dep "key" "version" { other: "…" }` as the last dep of the package block (path
    /// `["the package block"]`) or of a group (`["scope \"dev\""]`, `["feature \"ssl\""]`, made
    /// when it is missing),
    /// indented as the block's entries are. Refused when the block has syntax errors.
    public func insertion(of key: String, table value: [(String, String)], in path: [String], after anchor: [String]?) -> [TextEdit]? {
        guard !document.hasErrors, let package = document.package, let title = path.first else { return nil }
        let syntax = RaskManifestSyntax()
        let version = value.first { $0.0 == "version" }?.1
        let line = syntax.renderDependency(name: key, requirement: version, source: value.filter { $0.0 != "version" })
        let bytes = source.bytes
        let indent = indentation(of: package.dependencies.first?.range ?? package.entries.first?.key.range ?? package.groups.first?.range) ?? "    "
        if title == "the package block" {
            guard let close = closingBrace(of: package.range) else { return nil }
            // After the last top-level dep, or else at the end of the block.
            if let last = package.dependencies.last {
                let end = endOfLine(last.range.upperBound)
                return [TextEdit(range: .at(end), newText: indent + line + "\n")]
            }
            if startOfLine(close) <= package.range.lowerBound { return [TextEdit(range: .at(close), newText: "\n" + indent + line + "\n")] }
            return [TextEdit(range: .at(startOfLine(close)), newText: indent + line + "\n")]
        }
        if let group = package.groups.first(where: { "\($0.keyword.value) \"\($0.name.value)\"" == title }) {
            guard group.hasBlock, let close = closingBrace(of: group.range) else { return nil }
            if startOfLine(close) <= group.range.lowerBound {
                // `scope "dev" { dep "a" "^1" }` on one line: the new dep goes before the brace.
                return [TextEdit(range: .at(close), newText: (bytes[close - 1] == 0x20 ? "" : " ") + line + " ")]
            }
            let inner = group.dependencies.first.flatMap { indentation(of: $0.range) } ?? indent + indent
            return [TextEdit(range: .at(startOfLine(close)), newText: inner + line + "\n")]
        }
        guard title.hasPrefix("scope ") || title.hasPrefix("feature "), let close = closingBrace(of: package.range) else { return nil }
        let block = indent + title + " {\n" + indent + indent + line + "\n" + indent + "}\n"
        if startOfLine(close) <= package.range.lowerBound { return [TextEdit(range: .at(close), newText: "\n" + block)] }
        return [TextEdit(range: .at(startOfLine(close)), newText: block)]
    }

    /// The dep at `[section, name]` (`section` as `DependencySpec.section` names it), its whole line.
    public func removal(of path: [String]) -> [TextEdit]? {
        guard !document.hasErrors, let package = document.package, path.count >= 2 else { return nil }
        let title = path.dropLast().joined(separator: "."), name = path.last!
        let deps = title == "the package block" ? package.dependencies
            : package.groups.first { "\($0.keyword.value) \"\($0.name.value)\"" == title }?.dependencies ?? []
        guard let dep = deps.first(where: { $0.name.value == name }) else { return nil }
        return [TextEdit(range: ImportStatement.lineRange(of: dep.range, in: source.bytes), newText: "")]
    }

    /// The `}` a block's range ends with.
    private func closingBrace(of range: SourceRange) -> Int? {
        let at = range.upperBound - 1
        guard at >= 0, at < source.bytes.count, source.bytes[at] == 0x7D else { return nil }
        return at
    }

    private func startOfLine(_ offset: Int) -> Int { source.lines.lineStarts[source.lines.line(containing: offset)] }

    /// Past the line break that ends the line holding `offset`.
    private func endOfLine(_ offset: Int) -> Int {
        let next = source.lines.line(containing: offset) + 1
        return next < source.lines.lineCount ? source.lines.lineStarts[next] : source.bytes.count
    }

    /// The blanks before `range` on its line, when nothing else is before it.
    private func indentation(of range: SourceRange?) -> String? {
        guard let range else { return nil }
        let start = startOfLine(range.lowerBound)
        let prefix = source.bytes[start..<range.lowerBound]
        guard prefix.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return String(decoding: prefix, as: UTF8.self)
    }
}
