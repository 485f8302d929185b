/// `ampu clean -p NAME`, as `cargo clean -p`: what the plan's actions of some packages wrote is
/// removed, with their fingerprints, so that the next build runs them again; the rest of the
/// target directory stays.
extension PreparedBuild {
    /// Removes the outputs (and dependency files) of the actions of `packages` (of
    /// `plannedPackages`), and their
    /// fingerprints, counting what went into `removal`; the record of a complete build goes
    /// too, as the build it records is no longer there. Returns the paths removed. (A dry run
    /// removes nothing, fingerprints and record included.)
    public func removeOutputs(of packages: Set<String>, removal: inout OutputRemoval) throws(FileSystemError) -> [String] {
        let fileSystem = stats.fileSystem
        let fingerprints = FingerprintStore(targetDirectory: plan.targetDirectory, stats: stats)
        if !removal.dryRun { CompleteBuild(targetDirectory: plan.targetDirectory, profile: plan.profile.name, stats: stats).forget() }
        var removed: [String] = []
        for action in plan.actions where packages.contains(action.package) {
            if !removal.dryRun { fingerprints.remove(for: action) }
            for path in action.outputs + (action.depfile.map { [$0] } ?? []) where fileSystem.linkStatus(path) != nil {
                try removal.remove(path, fileSystem: fileSystem)
                removed.append(path)
            }
        }
        return removed
    }
}
