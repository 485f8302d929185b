/// Import cycles between the modules of a snapshot, one diagnostic per cycle.
public enum ImportCycles {
    public static func diagnostics(in snapshot: WorkspaceSnapshot) -> [Diagnostic] {
        snapshot.importGraph.cycles().map { cycle in
            let names = cycle.map { Paths.relative($0, from: snapshot.root) }
            // The import that makes each step, in the file that takes it.
            var steps: [(file: String, statement: ImportStatement)] = []
            for (a, b) in zip(cycle, cycle.dropFirst()) {
                let module = snapshot.modules[a]!
                if let edge = module.imports.first(where: { $0.outcome.targets.contains(b) }) {
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
