/// A Rask build file for the server's manifest features: its outline (document symbols) from
/// the package block. Completion, hover and edits inside the block are not there yet: `place`
/// and `element` find nothing, and insertions and removals are refused.
public struct RaskManifestSyntax: ManifestSyntax {
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

    public func insertion(of key: String, string value: String, in path: [String]) -> [TextEdit]? { nil }
    public func insertion(of key: String, table value: [(String, String)], in path: [String], after anchor: [String]?) -> [TextEdit]? { nil }
    public func removal(of path: [String]) -> [TextEdit]? { nil }
}
