/// The packages and modules of a workspace whose names match what a user types, for an
/// editor's "go to symbol in workspace": each package by its name (at the manifest's `name`),
/// each member's module by its path in the workspace without its extension (`app/src/orders`),
/// at its declaration. A name matches when the query's characters appear in it in order,
/// ignoring case; the best first: a match at the start of the name's last part, then a match of
/// the query as one piece, then the rest, shorter names first.
public enum WorkspaceSymbols {
    public enum Kind: Hashable, Sendable { case package, module }

    public struct Entry: Hashable, Sendable {
        public var name: String
        public var kind: Kind
        /// The package a module belongs to.
        public var container: String?
        public var file: String
        public var range: SourceRange
    }

    /// At most `limit` entries of `snapshot` matching `query`, the best first.
    public static func search(_ query: String, in snapshot: WorkspaceSnapshot, limit: Int = 256) -> [Entry] {
        var scored: [(score: Int, entry: Entry)] = []
        for package in snapshot.packages.packages {
            guard let name = package.package?.name else { continue }
            if let score = score(query, name.value) {
                scored.append((score, Entry(name: name.value, kind: .package, file: package.path, range: name.range)))
            }
        }
        let packageNames = Dictionary(snapshot.packages.packages.map { ($0.path, $0.package?.name?.value) }, uniquingKeysWith: { first, _ in first })
        for module in snapshot.memberModules {
            let relative = Paths.relative(module.path, from: snapshot.root)
            let name = Paths.lastComponent(relative).contains(".") ? String(relative[..<relative.lastIndex(of: ".")!]) : relative
            if let score = score(query, name) {
                scored.append((score, Entry(name: name, kind: .module, container: module.memberManifest.flatMap { packageNames[$0] ?? nil },
                                            file: module.path, range: module.declaration?.range ?? .at(0))))
            }
        }
        scored.sort { ($0.score, $0.entry.name.utf8.count, $0.entry.name) < ($1.score, $1.entry.name.utf8.count, $1.entry.name) }
        return scored.prefix(limit).map(\.entry)
    }

    /// 0: the query starts the name's last part; 1: it is in the name as one piece; 2: its
    /// characters are in the name in order; nil: they are not. Case is ignored.
    static func score(_ query: String, _ name: String) -> Int? {
        let q = query.lowercased(), n = name.lowercased()
        if q.isEmpty { return 2 }
        let last = n.split(separator: "/").last.map(String.init) ?? n
        if last.hasPrefix(q) { return 0 }
        if n.contains(q) { return 1 }
        var rest = n[...]
        for c in q {
            guard let found = rest.firstIndex(of: c) else { return nil }
            rest = rest[rest.index(after: found)...]
        }
        return 2
    }
}
