import Dispatch

/// Import cycles between the modules of a snapshot, one diagnostic per cycle.
public enum ImportCycles {
    public static func diagnostics(in snapshot: WorkspaceSnapshot) -> [Diagnostic] {
        let paths = snapshot.modulePaths
        let modules = paths.map { snapshot.modules[$0]! }
        var index = [String: Int](minimumCapacity: paths.count)
        for (i, p) in paths.enumerated() { index[p] = i }
        let ids = index
        // Hashing every import target (60,000 paths in a 10,000-module workspace) is most of the
        // work: spread it over every core.
        let successors = ResultSlots<[Int]>(count: modules.count)
        let chunks = max(1, min(modules.count / 256, 64))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var i = chunk
            while i < modules.count {
                // A module has a handful of targets: a linear scan dedups them without a set per module.
                var edges: [Int] = []
                for resolved in modules[i].imports {
                    for t in resolved.outcome.targets {
                        if let j = ids[t], !edges.contains(j) { edges.append(j) }
                    }
                }
                successors[i] = edges
                i += chunks
            }
        }
        var graph = Digraph(nodeCount: paths.count)
        for (i, edges) in successors.values.enumerated() { graph.setSuccessors(of: i, edges!) }
        return graph.cycles().map { cycle in
            let names = cycle.map { Paths.relative(paths[$0], from: snapshot.root) }
            // The import that makes each step, in the file that takes it.
            var steps: [(file: String, statement: ImportStatement)] = []
            for (a, b) in zip(cycle, cycle.dropFirst()) {
                let module = snapshot.modules[paths[a]]!
                if let edge = module.imports.first(where: { $0.outcome.targets.contains(paths[b]) }) {
                    steps.append((module.path, edge.statement))
                }
            }
            let first = steps[0]
            let related = steps.dropFirst().map { step in
                Diagnostic.Related(file: step.file, range: step.statement.literalRange,
                                   message: "'\(Paths.relative(step.file, from: snapshot.root))' imports '\(step.statement.path)' here")
            }
            return Diagnostic(
                severity: .error, code: DiagnosticCode.importCycle.rawValue,
                message: "import cycle: " + names.joined(separator: " → "), file: first.file,
                range: first.statement.literalRange, related: related,
                help: ["move what these modules share into a module that imports none of them, or remove one of the imports"])
        }
    }
}
