/// What the Rask package-block reader makes of some bytes, in a line: `ampu debug probe rask`,
/// which the fuzzer drives (Rask is not registered yet).
public enum RaskProbe {
    public static func describe(_ bytes: [UInt8]) -> String {
        let d = RaskPackageDocument(parsing: SourceText(path: "/p/rask.build", bytes: bytes))
        guard let p = d.package else {
            return "rask.build: no package block, \(d.strayDependencies.count) stray deps, \(d.diagnostics.count) problems\n"
        }
        func deps(_ g: [RaskPackageDocument.Group]) -> Int { g.reduce(0) { $0 + $1.dependencies.count + deps($1.groups) } }
        return "rask.build: package \(p.name.value) \(p.version?.value ?? "-"), \(p.entries.count) entries, \(p.dependencies.count + deps(p.groups)) deps, "
            + "\(p.groups.count) groups, build function \(d.buildFunction == nil ? "no" : "yes"), \(d.diagnostics.count) problems\n"
    }
}
