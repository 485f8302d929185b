/// The key path of a table while a document is built (`["package", "metadata"]`), as a chain
/// that shares its prefix with its parent's: extending it is one allocation, however deep the
/// table, so a key of d parts costs O(d) and not O(d²). The names are put together only for
/// messages.
struct TOMLKeyPath: Sendable {
    private final class Node: Sendable {
        let parent: Node?
        let name: String
        let count: Int

        init(parent: Node?, name: String) {
            self.parent = parent
            self.name = name
            self.count = (parent?.count ?? 0) + 1
        }
    }

    private let last: Node?

    private init(last: Node?) { self.last = last }

    static let root = TOMLKeyPath(last: nil)

    init(_ names: [String]) {
        var node: Node?
        for name in names { node = Node(parent: node, name: name) }
        last = node
    }

    func appending(_ name: String) -> TOMLKeyPath { TOMLKeyPath(last: Node(parent: last, name: name)) }

    var names: [String] {
        var out = [String](repeating: "", count: last?.count ?? 0)
        var node = last
        while let n = node {
            out[n.count - 1] = n.name
            node = n.parent
        }
        return out
    }
}
