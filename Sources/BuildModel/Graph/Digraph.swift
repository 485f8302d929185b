import HeapModule

/// A directed graph over nodes `0..<count`, with deterministic algorithms: strongly connected
/// components, a shortest cycle through a node, and a topological order.
public struct Digraph: Sendable {
    public private(set) var successors: [[Int]]

    public init(nodeCount: Int) {
        successors = Array(repeating: [], count: nodeCount)
    }

    public var nodeCount: Int { successors.count }

    public mutating func addEdge(_ from: Int, _ to: Int) {
        successors[from].append(to)
    }

    /// Replaces every edge out of `node`.
    public mutating func setSuccessors(of node: Int, _ targets: [Int]) {
        successors[node] = targets
    }

    /// Strongly connected components (Tarjan, iterative: no recursion depth limit), each sorted,
    /// in reverse topological order of the condensation.
    public func stronglyConnectedComponents() -> [[Int]] {
        let n = nodeCount
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        var work: [(node: Int, edge: Int)] = []
        for start in 0..<n where index[start] < 0 {
            work.append((start, 0))
            index[start] = counter; low[start] = counter; counter += 1
            stack.append(start); onStack[start] = true
            while let (v, e) = work.last {
                if e < successors[v].count {
                    work[work.count - 1].edge += 1
                    let w = successors[v][e]
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[v]) }
                if low[v] == index[v] {
                    var component: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.append(w)
                        if w == v { break }
                    }
                    components.append(component.sorted())
                }
            }
        }
        return components
    }

    /// The shortest cycle through `node` staying inside `allowed`, as nodes from `node` back to it
    /// (`[a, b, a]`); nil when there is none. Successors are tried in ascending order.
    public func shortestCycle(through node: Int, within allowed: Set<Int>) -> [Int]? {
        var parent: [Int: Int] = [:]
        var queue = [node]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for w in successors[v].sorted() where allowed.contains(w) {
                if w == node {
                    var path = [node]
                    var x = v
                    while x != node {
                        path.append(x)
                        x = parent[x]!
                    }
                    return [node] + Array(path[1...].reversed()) + [node]
                }
                if parent[w] == nil && w != node {
                    parent[w] = v
                    queue.append(w)
                }
            }
        }
        return nil
    }

    /// One cycle per strongly connected component that has one (self-loops included), each
    /// starting at the component's smallest node, ordered by that node.
    public func cycles() -> [[Int]] {
        var out: [[Int]] = []
        for component in stronglyConnectedComponents() {
            let first = component[0]
            if component.count == 1 && !successors[first].contains(first) { continue }
            if let cycle = shortestCycle(through: first, within: Set(component)) { out.append(cycle) }
        }
        return out.sorted { $0[0] < $1[0] }
    }

    /// A topological order (every edge's target before its source, i.e. dependencies first),
    /// smallest available node first; nil when there is a cycle.
    public func dependencyOrder() -> [Int]? {
        var remaining = successors.map(\.count)
        var dependents = [[Int]](repeating: [], count: nodeCount)
        for (v, ws) in successors.enumerated() { for w in ws { dependents[w].append(v) } }
        var ready = Heap<Int>()
        for v in 0..<nodeCount where remaining[v] == 0 { ready.insert(v) }
        var order: [Int] = []
        while let v = ready.popMin() {
            order.append(v)
            for d in dependents[v] {
                remaining[d] -= 1
                if remaining[d] == 0 { ready.insert(d) }
            }
        }
        return order.count == nodeCount ? order : nil
    }

    /// Each node's level: 0 for a node without successors, else one more than its highest
    /// successor's, so that the nodes of one level never depend on each other and every level
    /// needs only the ones below it. The nodes of a cycle share a level, as one node would.
    public func levels() -> [Int] {
        var level = [Int](repeating: 0, count: nodeCount)
        // Components come dependencies first.
        for component in stronglyConnectedComponents() {
            let members = Set(component)
            var highest = -1
            for v in component {
                for w in successors[v] where !members.contains(w) { highest = max(highest, level[w]) }
            }
            for v in component { level[v] = highest + 1 }
        }
        return level
    }
}
