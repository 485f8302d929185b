/// A dependency that is nowhere on this machine, so that its imports cannot be checked and the
/// compiler will not find it: one by name and version not locked to a registry directory and not
/// in the package cache (M023); a git one while there is no lock file yet, so that no commit of it
/// is chosen, and no copy put in the cache by hand stands in (M026). `ampu update` fetches them.
/// Only for ecosystems with a lock file (the others report a version-only dependency in their
/// own terms).
enum DependencyAvailability {
    /// - Parameter unlocked: there is no lock file (one that cannot be read is M020).
    static func check(_ members: [PackageManifest], ecosystem: any Ecosystem, resolver: any ImportResolver, unlocked: Bool) -> [Diagnostic] {
        guard let lockName = ecosystem.lockFileName else { return [] }
        var out: [Diagnostic] = []
        for member in members {
            for dep in member.dependencies {
                if case .git = dep.source, unlocked, resolver.directory(of: dep, declaredIn: member) == nil {
                    out.append(.warning("'\(dep.name.value)' is not locked: there is no \(lockName) yet", .unlockedDependency, at: dep.name.range,
                                        label: "no commit chosen", notes: ["its imports are not checked until it is locked and fetched"],
                                        help: ["run `ampu update` to resolve it and write \(lockName) (`ampu build` does it first)"]).inFile(member.path))
                }
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
