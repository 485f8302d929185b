/// The packages of a workspace and the local packages they depend on by `path`, followed
/// transitively, with an edge for each path dependency. Every ecosystem's rule for a path
/// dependency is the same: the directory exists, holds a manifest, and that manifest names the
/// package the dependency is called; the packages must not depend on each other in a loop.
/// A build plan compiles them in `dependencyOrder`.
public struct PackageGraph: Sendable {
    /// Members first (in the workspace's order), then path dependencies as they were reached.
    public private(set) var packages: [PackageManifest]
    /// For each package, the packages its path dependencies name (indices into `packages`),
    /// with the dependency that makes each edge.
    public private(set) var dependencies: [[(package: Int, spec: DependencySpec)]]
    /// Problems with path dependencies, each in the manifest that declares the dependency.
    public private(set) var diagnostics: [Diagnostic]

    /// Follows the path dependencies of `members`, reading each dependency's manifest the
    /// ecosystem's way.
    public init(members: [PackageManifest], ecosystem: any Ecosystem, fileSystem: any FileSystem, manifests: ManifestCache = ManifestCache()) {
        packages = members
        dependencies = []
        diagnostics = []
        // Packages by their directory with every link resolved: a link back to a package (or a
        // loop of links) names that package, not a new one at a longer path.
        let canonical: (String) -> String = { (try? fileSystem.realPath($0)) ?? $0 }
        var index: [String: Int] = [:]
        for (i, m) in members.enumerated() { index[canonical(m.directory)] = i }
        var next = 0
        while next < packages.count {
            let manifest = packages[next]
            var edges: [(package: Int, spec: DependencySpec)] = []
            let here = canonical(manifest.directory)
            for dep in manifest.dependencies {
                guard let path = dep.path else { continue }
                let dir = Paths.join(manifest.directory, path.value)
                let key = canonical(dir)
                if dir == manifest.directory || key == here {
                    let removal = ecosystem.manifestSyntax.document(manifest.source)
                        .removal(of: dep.section.split(separator: ".").map(String.init) + [dep.name.value])
                    report(.error(
                        "package '\(manifest.displayName)' depends on itself: path dependency '\(dep.name.value)' points to its own directory",
                        .selfDependency, at: path.range,
                        help: ["remove the dependency: a package's own modules are imported with local paths (\"./module\")"],
                        fix: removal.map { Diagnostic.Fix(title: "Remove the dependency '\(dep.name.value)'", edits: $0) }), in: manifest)
                    continue
                }
                let target: Int
                if let known = index[key] {
                    target = known
                } else {
                    guard fileSystem.isDirectory(dir) else {
                        let meant = Self.closePackageDirectory(to: path.value, from: manifest.directory, ecosystem: ecosystem, fileSystem: fileSystem)
                        report(.error(
                            "path dependency '\(dep.name.value)' points to '\(path.value)', which does not exist", .missingPathDependency,
                            at: path.range, label: "no directory here", notes: ["the path is relative to this manifest"],
                            help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["fix it, or create the package there with `ampu new`"],
                            fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: path.range, newText: ecosystem.manifestSyntax.renderString($0))]) }), in: manifest)
                        continue
                    }
                    guard let other = ecosystem.loadManifest(in: dir, fileSystem: fileSystem, manifests: manifests) else {
                        report(.error(
                            "path dependency '\(dep.name.value)' points to '\(path.value)', which has no \(ecosystem.manifestFileNames[0])", .missingPathDependency,
                            at: path.range, help: ["run `ampu init` in '\(path.value)', or point the path at the package's directory"]), in: manifest)
                        continue
                    }
                    target = packages.count
                    index[key] = target
                    packages.append(other)
                }
                edges.append((target, dep))
                if let name = packages[target].package?.name?.value, name != dep.name.value {
                    report(.error(
                        "path dependency '\(dep.name.value)' points to a package named '\(name)'", .pathDependencyNameMismatch,
                        at: dep.name.range,
                        help: ["rename the dependency to '\(name)', or point 'path' at the package called '\(dep.name.value)'"],
                        fix: Diagnostic.Fix(title: "Rename the dependency to '\(name)'",
                                            edits: [TextEdit(range: dep.name.range, newText: ecosystem.manifestSyntax.renderKey(name))])), in: manifest)
                }
            }
            dependencies.append(edges)
            next += 1
        }
        reportCycles()
    }

    /// The graph of package indices, an edge from each package to each it depends on.
    public var digraph: Digraph {
        var graph = Digraph(nodeCount: packages.count)
        for (i, edges) in dependencies.enumerated() {
            var targets: [Int] = []
            for e in edges where !targets.contains(e.package) { targets.append(e.package) }
            graph.setSuccessors(of: i, targets)
        }
        return graph
    }

    /// The packages with every dependency before its dependents; nil when they form a cycle.
    public var dependencyOrder: [PackageManifest]? {
        digraph.dependencyOrder()?.map { packages[$0] }
    }

    /// For a path that leads nowhere, the path the writer most likely meant: respelt as the
    /// closest directories there are, ending in one that holds a package of this ecosystem
    /// (`../common` for `../comon`), not the package's own (a package cannot depend on itself);
    /// nil when none is close.
    static func closePackageDirectory(to path: String, from directory: String, ecosystem: any Ecosystem, fileSystem: any FileSystem) -> String? {
        PathSpelling.closest(to: path, from: directory, fileSystem: fileSystem) { candidate in
            Paths.normalize(candidate) != Paths.normalize(directory) && ecosystem.manifestFileNames.contains { fileSystem.isFile(Paths.join(candidate, $0)) }
        }
    }

    private mutating func report(_ diagnostic: Diagnostic, in manifest: PackageManifest) {
        diagnostics.append(diagnostic.inFile(manifest.path))
    }

    /// One error per cycle, at the dependency that starts it, each further step related.
    private mutating func reportCycles() {
        for cycle in digraph.cycles() {
            let names = cycle.map { packages[$0].displayName }
            var steps: [(manifest: PackageManifest, spec: DependencySpec)] = []
            for (a, b) in zip(cycle, cycle.dropFirst()) {
                if let edge = dependencies[a].first(where: { $0.package == b }) { steps.append((packages[a], edge.spec)) }
            }
            let first = steps[0]
            let related = steps.dropFirst().map { step in
                Diagnostic.Related(file: step.manifest.path, range: step.spec.name.range,
                                   message: "'\(step.manifest.displayName)' depends on '\(step.spec.name.value)' here")
            }
            var d = Diagnostic.error(
                "package cycle: " + names.joined(separator: " → "), .packageCycle, at: first.spec.name.range,
                help: ["packages cannot depend on each other in a loop: move what they share into a package that depends on none of them"])
            d.related = Array(related)
            report(d, in: first.manifest)
        }
    }
}
