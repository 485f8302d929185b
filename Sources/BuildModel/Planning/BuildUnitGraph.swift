/// What a plan builds, unit by unit (an Aria target, a package), and which units each needs:
/// from the actions' own dependencies, so that it is the order the build really keeps. `ampu
/// tree` and `ampu graph` show it for an ecosystem without a lock file.
public struct BuildUnitGraph: Sendable {
    /// Units in plan order (dependencies first).
    public var names: [String]
    /// For each unit, the units it needs, in plan order.
    public var needs: [[Int]]

    public init(_ plan: BuildPlan) {
        var index: [String: Int] = [:]
        var names: [String] = []
        for action in plan.actions where index[action.package] == nil {
            index[action.package] = names.count
            names.append(action.package)
        }
        var needs = [Set<Int>](repeating: [], count: names.count)
        for action in plan.actions {
            let unit = index[action.package]!
            for d in action.dependencies {
                let other = index[plan.actions[d].package]!
                if other != unit { needs[unit].insert(other) }
            }
        }
        self.names = names
        self.needs = needs.map { $0.sorted() }
    }

    /// As `cargo tree` draws it: each unit nothing needs, with what it needs below it; a unit
    /// shown before is marked `(*)` and not expanded again.
    public func tree() -> String {
        var neededBy = Set<Int>()
        for n in needs { neededBy.formUnion(n) }
        var lines: [String] = []
        var shown = Set<Int>()
        func walk(_ unit: Int, prefix: String) {
            for (k, kid) in needs[unit].enumerated() {
                let last = k == needs[unit].count - 1
                let repeated = !shown.insert(kid).inserted && !needs[kid].isEmpty
                lines.append(prefix + (last ? "└── " : "├── ") + names[kid] + (repeated ? " (*)" : ""))
                if !repeated { walk(kid, prefix: prefix + (last ? "    " : "│   ")) }
            }
        }
        for unit in names.indices where !neededBy.contains(unit) {
            lines.append(names[unit])
            shown.insert(unit)
            walk(unit, prefix: "")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Graphviz: an edge from each unit to each unit it needs.
    public var dot: String {
        var out = "digraph build {\n"
        for (unit, name) in names.enumerated() {
            out += "  \(name.dotQuoted);\n"
            for other in needs[unit] { out += "  \(name.dotQuoted) -> \(names[other].dotQuoted);\n" }
        }
        return out + "}\n"
    }
}
