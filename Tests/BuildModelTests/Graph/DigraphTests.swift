import Testing
@testable import BuildModel

@Suite("Digraph")
struct DigraphTests {
    func graph(_ n: Int, _ edges: [(Int, Int)]) -> Digraph {
        var g = Digraph(nodeCount: n)
        for (a, b) in edges { g.addEdge(a, b) }
        return g
    }

    @Test("strongly connected components")
    func components() {
        let g = graph(6, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3), (5, 5)])
        #expect(Set(g.stronglyConnectedComponents()) == [[0, 1, 2], [3, 4], [5]])
    }

    @Test("one shortest cycle per component, from its smallest node")
    func cycles() {
        // 0 → 1 → 2 → 0 and the shortcut 0 → 2 → 0 make the shortest cycle through 0 two steps.
        let g = graph(7, [(0, 1), (1, 2), (2, 0), (0, 2), (3, 4), (4, 5), (5, 3), (6, 6)])
        #expect(g.cycles() == [[0, 2, 0], [3, 4, 5, 3], [6, 6]])
    }

    @Test("an acyclic graph has no cycles and a dependency order")
    func order() {
        let g = graph(5, [(0, 1), (0, 2), (1, 3), (2, 3), (4, 0)])
        #expect(g.cycles().isEmpty)
        #expect(g.dependencyOrder() == [3, 1, 2, 0, 4])
        #expect(graph(2, [(0, 1), (1, 0)]).dependencyOrder() == nil)
    }

    @Test("a long chain does not exhaust the stack")
    func deepChain() {
        let n = 200_000
        var g = Digraph(nodeCount: n)
        for i in 0..<(n - 1) { g.addEdge(i, i + 1) }
        g.addEdge(n - 1, 0)
        let components = g.stronglyConnectedComponents()
        #expect(components.count == 1 && components[0].count == n)
    }

    @Test("levels: a node one above its highest successor; a cycle's nodes share a level")
    func levels() {
        // 3 and 4 depend on nothing; 1 on 3; 2 on 3 and 4; 0 on 1 and 2; 5 on 0.
        #expect(graph(6, [(0, 1), (0, 2), (1, 3), (2, 3), (2, 4), (5, 0)]).levels() == [2, 1, 1, 0, 0, 3])
        // 1 ⇄ 2 is one step above 3, and 0 one above it.
        #expect(graph(4, [(0, 1), (1, 2), (2, 1), (2, 3)]).levels() == [2, 1, 1, 0])
    }
}
