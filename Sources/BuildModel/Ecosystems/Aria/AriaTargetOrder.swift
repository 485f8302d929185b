/// The order targets build in: Kahn's topological sort over `deps`/`depends_on` and the edges
/// `use` statements add (a source of one target using a source of another), dependencies
/// first; a circle is one error that prints it as a path (`app → core → app`).
public struct AriaTargetOrder: Sendable {
    /// Why one target needs another: the `deps` entry, or a `use` in a source.
    public struct Edge: Hashable, Sendable {
        public var from: Int
        public var to: Int
        /// Where it is written in build.abc (the `deps` entry; for a `use`, the target's name).
        public var range: SourceRange
        /// For an edge a `use` makes: the using file and the used one (as messages show them).
        public var usingFile: String?
        public var usedFile: String?

        public init(from: Int, to: Int, range: SourceRange, usingFile: String? = nil, usedFile: String? = nil) {
            self.from = from
            self.to = to
            self.range = range
            self.usingFile = usingFile
            self.usedFile = usedFile
        }
    }

    /// The targets' explicit edges (unknown names left out: the reader reports them).
    public static func explicitEdges(_ targets: [AriaTarget]) -> [Edge] {
        var index: [String: Int] = [:]
        for (i, t) in targets.enumerated() where index[t.name.value] == nil { index[t.name.value] = i }
        var edges: [Edge] = []
        for (i, t) in targets.enumerated() {
            for dep in t.dependencies { if let j = index[dep.value], j != i { edges.append(Edge(from: i, to: j, range: dep.range)) } }
        }
        return edges
    }

    /// Target indices, dependencies first; or the circle.
    public static func order(_ targets: [AriaTarget], edges: [Edge]) -> Result<[Int], Diagnostic> {
        var graph = Digraph(nodeCount: targets.count)
        for e in edges { graph.addEdge(e.from, e.to) }
        if let order = graph.dependencyOrder() { return .success(order) }
        // A cycle as a path that ends where it starts: `[a, b, c, a]`.
        var cycle = graph.cycles()[0]
        if cycle.count > 1 && cycle.first == cycle.last { cycle.removeLast() }
        return .failure(diagnostic(cycle, targets: targets, edges: edges))
    }

    /// The circle of explicit dependencies, when there is one.
    static func cycle(in targets: [AriaTarget]) -> Diagnostic? {
        if case .failure(let d) = order(targets, edges: explicitEdges(targets)) { return d }
        return nil
    }

    private static func diagnostic(_ cycle: [Int], targets: [AriaTarget], edges: [Edge]) -> Diagnostic {
        let path = (cycle + [cycle[0]]).map { targets[$0].name.value }.joined(separator: " → ")
        // Each step's edge: the first listed in `deps`, else the first found through a `use`;
        // looked up, not searched for among all the edges at each step of a long circle.
        struct Step: Hashable { var from: Int, to: Int }
        var listed: [Step: Edge] = [:], used: [Step: Edge] = [:]
        for e in edges {
            let step = Step(from: e.from, to: e.to)
            if e.usedFile == nil { listed[step] = listed[step] ?? e } else { used[step] = used[step] ?? e }
        }
        var steps: [Edge] = []
        for (k, v) in cycle.enumerated() {
            let step = Step(from: v, to: cycle[(k + 1) % cycle.count])
            if let e = listed[step] ?? used[step] { steps.append(e) }
        }
        let first = steps.first
        var d = Diagnostic.error("targets depend on each other in a circle: \(path)", .ariaTargetCycle,
                                 at: first.map { $0.usedFile == nil ? $0.range : targets[$0.from].name.range } ?? targets[cycle[0]].name.range,
                                 label: "the circle starts here",
                                 help: ["no target can be built first; remove one of these dependencies, or move the code both need into a library of its own"])
        d.notes = steps.map { e in
            if let used = e.usedFile, let using = e.usingFile {
                return "'\(targets[e.from].name.value)' needs '\(targets[e.to].name.value)': \(using) uses \(used)"
            }
            return "'\(targets[e.from].name.value)' lists '\(targets[e.to].name.value)' in its deps"
        }
        return d
    }
}
