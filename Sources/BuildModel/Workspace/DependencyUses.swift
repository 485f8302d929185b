/// The imports that reach into a declared dependency: what a removal of the dependency leaves
/// without a package (`ampu remove` says so; `check` then reports them).
public enum DependencyUses {
    /// The imports of `dependency` as `manifest` declares it, by file, in source order.
    public static func imports(of dependency: String, declaredIn manifest: String, in snapshot: WorkspaceSnapshot) -> [(file: String, statement: ImportStatement)] {
        ImportReferences.imports(leadingTo: .dependency(name: dependency, declaredIn: manifest), in: snapshot)
    }

    /// A warning that `dependency` is still imported, at its first import, the others as related
    /// places; nil when nothing imports it.
    public static func warning(removing dependency: String, declaredIn manifest: String, in snapshot: WorkspaceSnapshot) -> Diagnostic? {
        let uses = imports(of: dependency, declaredIn: manifest, in: snapshot)
        guard let first = uses.first else { return nil }
        var d = Diagnostic(severity: .warning, message: "'\(dependency)' is still imported: \(uses.count == 1 ? "this import needs" : "these \(uses.count) imports need") it as a dependency of the package",
                           file: first.file, range: first.statement.literalRange, label: "imports '\(dependency)'",
                           help: ["remove \(uses.count == 1 ? "the import" : "the imports"), or add the dependency back with `ampu add`; until then `ampu check` reports \(uses.count == 1 ? "it as an error" : "them as errors")"])
        d.related = uses.dropFirst().map { Diagnostic.Related(file: $0.file, range: $0.statement.literalRange, message: "imports '\(dependency)' too") }
        return d
    }
}
