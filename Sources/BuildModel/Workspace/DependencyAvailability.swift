/// A dependency by name and version that is nowhere on this machine: not locked to a registry
/// directory, not in the package cache. Its imports cannot be checked and the compiler will not
/// find it; `ampu update` fetches it. Only for ecosystems with a lock file (the others report a
/// version-only dependency in their own terms).
enum DependencyAvailability {
    static func check(_ members: [PackageManifest], ecosystem: any Ecosystem, resolver: any ImportResolver) -> [Diagnostic] {
        guard let lockName = ecosystem.lockFileName else { return [] }
        var out: [Diagnostic] = []
        for member in members {
            for dep in member.dependencies {
                guard case .registry = dep.source, resolver.directory(of: dep, declaredIn: member) == nil else { continue }
                out.append(Diagnostic(
                    severity: .warning, code: DiagnosticCode.unavailableDependency.rawValue,
                    message: "dependency '\(dep.name.value)' is not on this machine: \(lockName) locks no copy of it and the package cache has none",
                    file: member.path, range: dep.name.range, label: "not fetched",
                    notes: ["its imports are not checked, and the compiler will not find it"],
                    help: ["run `ampu update --registry DIR` (or set AMPU_REGISTRY) to fetch it, or give it a `path` or `git` source"]))
            }
        }
        return out
    }
}
