
/// Which module imports which, with each module's path interned once per load as an integer id:
/// cycle detection after an edit walks integers instead of hashing 60,000 target paths again.
/// Ids follow the order modules were added (the sorted paths of a load, then new modules of
/// edits); results come out in path order regardless, so that a snapshot updated edit by edit
/// reports exactly what a fresh load of the same files would.
public struct ImportGraph: Sendable {
    /// Module paths by id.
    public private(set) var paths: [String]
    public private(set) var ids: [String: Int]
    /// The modules each module's imports reach, by id, each once.
    public private(set) var successors: [[Int]]

    /// The graph of `modules`, ids in the order of `sortedPaths`. The target lookups run on
    /// every core: they are most of the work.
    public init(modules: [String: Module], sortedPaths: [String]) {
        paths = sortedPaths
        var ids = [String: Int](minimumCapacity: sortedPaths.count)
        for (i, p) in sortedPaths.enumerated() { ids[p] = i }
        self.ids = ids
        let list = sortedPaths.map { modules[$0]! }
        let frozen = ids
        successors = Parallel.map(list.count) { Self.edges(of: list[$0], ids: frozen) }.map { $0! }
    }

    /// A module's targets as ids, each once (a module has a handful: a linear scan dedups them).
    private static func edges(of module: Module, ids: [String: Int]) -> [Int] {
        var edges: [Int] = []
        for resolved in module.imports {
            for t in resolved.outcome.targets {
                if let j = ids[t], !edges.contains(j) { edges.append(j) }
            }
        }
        return edges
    }

    /// After an edit: `changed` (the edited module and those loaded for the first time) read
    /// again from `modules`; new paths get the next ids.
    public mutating func update(_ changed: [String], modules: [String: Module]) {
        for path in changed where ids[path] == nil {
            ids[path] = paths.count
            paths.append(path)
            successors.append([])
        }
        // Every new id is given before any edges are read: the modules of one edit import each other.
        for path in changed {
            guard let module = modules[path] else { continue }
            let id = ids[path]!
            let edges = Self.edges(of: module, ids: ids)
            // Most edits leave a file's targets as they were: writing them again would copy the
            // whole list, which the previous snapshot still shares.
            if successors[id] != edges { successors[id] = edges }
        }
    }

    /// One cycle per strongly connected component that has one, each as module paths from its
    /// first module (in path order) back to it; the cycles in path order of their first modules.
    public func cycles() -> [[String]] {
        // Relabel by path order, so that ids given by edits do not change the answer.
        let order = paths.indices.sorted { paths[$0] < paths[$1] }
        var rank = [Int](repeating: 0, count: paths.count)
        for (r, id) in order.enumerated() { rank[id] = r }
        var graph = Digraph(nodeCount: paths.count)
        for (id, targets) in successors.enumerated() {
            graph.setSuccessors(of: rank[id], targets.map { rank[$0] })
        }
        return graph.cycles().map { cycle in cycle.map { paths[order[$0]] } }
    }
}
