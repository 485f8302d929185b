/// The resolved dependency graph of a root manifest, from its lock file: what `ampu tree` draws
/// and `ampu why` walks. No network: only what the lock says.
public struct DependencyTree: Sendable {
    public let rootName: String
    public let rootVersion: Version?
    /// The root's direct dependencies, by the names the lock knows them by.
    public let direct: [String]
    public let lock: LockFile
    /// The scope of each direct dependency that is not a normal one (`dev`, `build`), shown after it.
    private let directScopes: [String: DependencyScope]

    /// - Parameter selected: the root's dependencies a build takes (a selection of features);
    ///   all of them when nil.
    public init(root: PackageManifest, lock: LockFile, selected: [DependencySpec]? = nil) {
        rootName = root.displayName
        rootVersion = root.package?.version?.value
        let specs = (selected ?? root.dependencies).map { (name: SourcePackageProvider.package(named: $0.name.value, in: root), scope: $0.scope) }
            .filter { lock.package(named: $0.name) != nil }
        direct = Array(Set(specs.map(\.name))).sorted()
        var scopes: [String: DependencyScope] = [:]
        for s in specs where s.scope != .normal { scopes[s.name] = s.scope }
        for s in specs where s.scope == .normal { scopes[s.name] = nil }
        directScopes = scopes
        self.lock = lock
    }

    private func children(of name: String) -> [String] {
        name == rootName ? direct : (lock.package(named: name)?.dependencies ?? []).sorted()
    }

    private func label(_ name: String) -> String {
        if name == rootName { return rootVersion.map { "\(rootName) v\($0)" } ?? rootName }
        return lock.package(named: name).map { "\(name) v\($0.version)" } ?? name
    }

    /// Cargo's drawing: each package once in full; later appearances marked `(*)`. `depth` cuts
    /// the tree below that many levels; `invert` draws what depends on a package instead.
    public func render(depth: Int? = nil, invert: String? = nil) -> String {
        let start = invert ?? rootName
        let everyone = [rootName] + lock.packages.map(\.name)
        let next: (String) -> [String] = { name in
            guard invert != nil else { return self.children(of: name) }
            return everyone.filter { (other: String) -> Bool in self.children(of: other).contains(name) }.sorted()
        }
        var lines = [label(start)]
        var shown: Set<String> = [start]
        func walk(_ name: String, prefix: String, level: Int) {
            if let depth, level >= depth { return }
            let kids = next(name)
            for (i, kid) in kids.enumerated() {
                let last = i == kids.count - 1
                let repeated = !shown.insert(kid).inserted && !next(kid).isEmpty
                let scope = name == rootName && invert == nil ? directScopes[kid].map { " [\($0)]" } ?? "" : ""
                lines.append(prefix + (last ? "└── " : "├── ") + label(kid) + scope + (repeated ? " (*)" : ""))
                if !repeated { walk(kid, prefix: prefix + (last ? "    " : "│   "), level: level + 1) }
            }
        }
        walk(start, prefix: "", level: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Packages locked under different names that come from one place (one repository reached
    /// as `github.com/user/json` and as `file://…`, one directory by two paths): each such group
    /// by name, the groups in order. A build would compile that code twice.
    public var duplicates: [[String]] {
        Dictionary(grouping: lock.packages, by: \.source).values.map { $0.map(\.name).sorted() }
            .filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    /// `tree --duplicates`: what depends on each package of every duplicate group.
    public func renderDuplicates() -> String {
        duplicates.map { group in group.map { render(invert: $0) }.joined(separator: "\n") }.joined(separator: "\n")
    }

    /// Every path from the root to `package`, each as the packages along it.
    public func paths(to package: String) -> [[String]] {
        var out: [[String]] = []
        func walk(_ name: String, _ path: [String]) {
            if name == package { out.append(path); return }
            for kid in children(of: name) where !path.contains(kid) { walk(kid, path + [kid]) }
        }
        walk(rootName, [rootName])
        return out
    }

    /// `ampu why`: each path as `root → a → b`, with versions.
    public func why(_ package: String) -> String? {
        let all = paths(to: package)
        guard !all.isEmpty else { return nil }
        return all.map { $0.map(label).joined(separator: " → ") }.joined(separator: "\n") + "\n"
    }

    /// Every edge of the graph, `from → to`, in name order.
    public var edges: [(from: String, to: String)] {
        ([rootName] + lock.packages.map(\.name)).flatMap { from in children(of: from).map { (from, $0) } }
    }

    /// Graphviz: one node per package (labelled with its version), one edge per dependency.
    public var dot: String {
        var out = "digraph dependencies {\n"
        for name in [rootName] + lock.packages.map(\.name) { out += "  \(quoted(name)) [label=\(quoted(label(name)))];\n" }
        for e in edges { out += "  \(quoted(e.from)) -> \(quoted(e.to));\n" }
        return out + "}\n"
    }

    /// The same as JSON: `{"root": …, "packages": [{"name", "version", "dependencies"}]}`.
    public var json: JSONValue {
        let packages: [JSONValue] = ([rootName] + lock.packages.map(\.name)).map { (name: String) -> JSONValue in
            let version: Version? = name == rootName ? rootVersion : lock.package(named: name)?.version
            let deps: [JSONValue] = children(of: name).map { JSONValue.string($0) }
            return JSONValue(pairs: [("name", .string(name)), ("version", version.map { .string("\($0)") } ?? .null), ("dependencies", .array(deps))])
        }
        return .init(pairs: [("root", .string(rootName)), ("packages", .array(packages))])
    }

    private func quoted(_ s: String) -> String { s.dotQuoted }
}

extension String {
    /// As a double-quoted Graphviz string: `\` and `"` escaped.
    var dotQuoted: String {
        var out = "\""
        for c in self { out += c == "\\" ? "\\\\" : c == "\"" ? "\\\"" : String(c) }
        return out + "\""
    }
}
