/// The resolved dependency graph of a root manifest, from its lock file: what `ampu tree` draws
/// and `ampu why` walks. No network: only what the lock says. At a workspace's root the graph
/// starts from several roots: the root package, when the root is one, and each member, all
/// from the one lock.
public struct DependencyTree: Sendable {
    /// A package the graph starts from, with its direct dependencies by the names the lock
    /// knows them by, and the scope of each that is not a normal one (`dev`, `build`).
    struct Root: Sendable {
        var name: String
        var version: Version?
        var direct: [String]
        var scopes: [String: DependencyScope]
    }

    private let roots: [Root]
    /// Each root's place in `roots`, by name (the first of a name).
    private let rootIndex: [String: Int]
    public let lock: LockFile
    /// The roots' dependency keys that the lock knows by another name (`json` for
    /// github.com/user/json), so that either may be given.
    private let keys: [String: String]

    /// - Parameter selected: the root's dependencies a build takes (a selection of features);
    ///   all of them when nil.
    public init(root: PackageManifest, lock: LockFile, selected: [DependencySpec]? = nil) {
        self.init(roots: [(root, selected)], lock: lock)
    }

    /// The graph from several roots (a workspace's root package and members).
    public init(roots manifests: [(manifest: PackageManifest, selected: [DependencySpec]?)], lock: LockFile) {
        // Each root's dependencies by key (the first of a key), as `SourcePackageProvider.package(named:in:)`
        // finds them, looked up once each.
        let byKey: [[String: DependencySpec]] = manifests.map { root, _ in
            var found: [String: DependencySpec] = [:]
            for dep in root.dependencies where found[dep.name.value] == nil { found[dep.name.value] = dep }
            return found
        }
        func package(_ key: String, root: Int) -> String { byKey[root][key].map(SourcePackageProvider.package(of:)) ?? key }
        roots = manifests.enumerated().map { i, rootAndSelected in
            let (root, selected) = rootAndSelected
            let specs = (selected ?? root.dependencies).map { (name: package($0.name.value, root: i), scope: $0.scope) }
                .filter { lock.package(named: $0.name) != nil }
            var scopes: [String: DependencyScope] = [:]
            for s in specs where s.scope != .normal { scopes[s.name] = s.scope }
            for s in specs where s.scope == .normal { scopes[s.name] = nil }
            return Root(name: root.displayName, version: root.package?.version?.value, direct: Array(Set(specs.map(\.name))).sorted(), scopes: scopes)
        }
        var rootIndex: [String: Int] = [:]
        for (i, root) in roots.enumerated() where rootIndex[root.name] == nil { rootIndex[root.name] = i }
        self.rootIndex = rootIndex
        var keys: [String: String] = [:]
        for (i, (root, _)) in manifests.enumerated() {
            for dep in root.dependencies {
                let name = package(dep.name.value, root: i)
                if name != dep.name.value && lock.package(named: name) != nil { keys[dep.name.value] = keys[dep.name.value] ?? name }
            }
        }
        self.keys = keys
        self.lock = lock
    }

    /// A package as the graph names it: as the lock does, or by a root's key for it.
    public func package(named name: String) -> String? {
        if root(named: name) != nil || lock.package(named: name) != nil { return name }
        return keys[name]
    }

    /// The roots' names, then the locked packages' that are not roots.
    private var everyone: [String] {
        roots.map(\.name) + lock.packages.map(\.name).filter { rootIndex[$0] == nil }
    }

    private func root(named name: String) -> Root? { rootIndex[name].map { roots[$0] } }

    private func children(of name: String) -> [String] {
        root(named: name)?.direct ?? (lock.package(named: name)?.dependencies ?? []).sorted()
    }

    private func label(_ name: String) -> String {
        if let root = root(named: name) { return root.version.map { "\(name) v\($0)" } ?? name }
        return lock.package(named: name).map { "\(name) v\($0.version)" } ?? name
    }

    /// Cargo's drawing: each package once in full; later appearances marked `(*)`. `depth` cuts
    /// the tree below that many levels; `invert` draws what depends on a package instead. With
    /// several roots, each root's tree, a blank line between them.
    public func render(depth: Int? = nil, invert asked: String? = nil) -> String {
        guard let invert = asked.map({ package(named: $0) ?? $0 }) else { return roots.map { draw(from: $0.name, depth: depth, next: children(of:)) }.joined(separator: "\n") }
        let everyone = everyone
        return draw(from: invert, depth: depth) { name in everyone.filter { self.children(of: $0).contains(name) }.sorted() }
    }

    private func draw(from start: String, depth: Int?, next: (String) -> [String]) -> String {
        let inverted = root(named: start) == nil
        var lines = [label(start)]
        var shown: Set<String> = [start]
        func walk(_ name: String, prefix: String, level: Int) {
            if let depth, level >= depth { return }
            let kids = next(name)
            for (i, kid) in kids.enumerated() {
                let last = i == kids.count - 1
                let repeated = !shown.insert(kid).inserted && !next(kid).isEmpty
                let scope = !inverted && name == start ? root(named: name)?.scopes[kid].map { " [\($0)]" } ?? "" : ""
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

    /// Every path from a root to `package`, each as the packages along it.
    public func paths(to package: String) -> [[String]] {
        var out: [[String]] = []
        func walk(_ name: String, _ path: [String]) {
            if name == package { out.append(path); return }
            for kid in children(of: name) where !path.contains(kid) { walk(kid, path + [kid]) }
        }
        for root in roots where root.name != package { walk(root.name, [root.name]) }
        return out
    }

    /// `ampu why`: each path as `root → a → b`, with versions.
    public func why(_ asked: String) -> String? {
        let all = paths(to: package(named: asked) ?? asked)
        guard !all.isEmpty else { return nil }
        return all.map { $0.map(label).joined(separator: " → ") }.joined(separator: "\n") + "\n"
    }

    /// Every edge of the graph, `from → to`, in name order.
    public var edges: [(from: String, to: String)] {
        everyone.flatMap { from in children(of: from).map { (from, $0) } }
    }

    /// Graphviz: one node per package (labelled with its version), one edge per dependency.
    public var dot: String {
        var out = "digraph dependencies {\n"
        for name in everyone { out += "  \(quoted(name)) [label=\(quoted(label(name)))];\n" }
        for e in edges { out += "  \(quoted(e.from)) -> \(quoted(e.to));\n" }
        return out + "}\n"
    }

    /// The same as JSON: `{"root": …, "packages": [{"name", "version", "dependencies"}]}`; for a
    /// workspace whose root is no package, `"roots"`: its members.
    public var json: JSONValue {
        let packages: [JSONValue] = everyone.map { (name: String) -> JSONValue in
            let version: Version? = root(named: name).map(\.version) ?? lock.package(named: name)?.version
            let deps: [JSONValue] = children(of: name).map { JSONValue.string($0) }
            return JSONValue(pairs: [("name", .string(name)), ("version", version.map { .string("\($0)") } ?? .null), ("dependencies", .array(deps))])
        }
        let start: (String, JSONValue) = roots.count == 1 ? ("root", .string(roots[0].name)) : ("roots", .array(roots.map { .string($0.name) }))
        return .init(pairs: [start, ("packages", .array(packages))])
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

/// An ecosystem with no lock file whose manifest and package store still say which package
/// versions a build uses (Elm: elm.json and the package cache): `ampu tree`, `why` and `graph`
/// draw that instead of a lock.
public protocol ResolvesWithoutLock: Ecosystem {
    func dependencyTree(of manifest: PackageManifest, environment: [String: String], fileSystem: any FileSystem) -> DependencyTree
}
