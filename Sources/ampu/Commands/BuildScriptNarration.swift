import BuildModel

/// `--build-verbose`: the seed's progress lines for build scripts (002, "Debugging"), for each
/// that ran:
///
///     Parsing package block...
///       ✓ 3 dependencies
///     Compiling build script...
///       ✓ Compiled rask.build
///     Running build script...
///       [build] Writing .rk-gen/types.rk
///       ✓ Build script succeeded (42ms)
struct BuildScriptNarration {
    let plan: BuildPlan
    let manifest: PackageManifest
    /// The actions that compile a build script: those writing a program a build-script action runs.
    let compiles: Set<Int>

    init(plan: BuildPlan, manifest: PackageManifest) {
        self.plan = plan
        self.manifest = manifest
        let programs = Set(plan.actions.filter { $0.kind == .buildScript }.compactMap(\.arguments.first))
        compiles = Set(plan.actions.filter { $0.outputs.contains(where: programs.contains) }.map(\.id))
    }

    func lines(for action: BuildAction, _ record: BuildExecutor.Record) -> String {
        let ok = !record.isFailure
        if compiles.contains(action.id) {
            let path = action.compiledFiles.first ?? action.package
            let file = plan.display(path)
            let count = manifest.dependencies.count
            // The root's block was read before the build began; the seed reports it here.
            let parsed = path == manifest.path ? "Parsing package block...\n  ✓ \(count) dependenc\(count == 1 ? "y" : "ies")\n" : ""
            return parsed + "Compiling build script...\n" + (ok ? "  ✓ Compiled \(file)\n" : "  ✗ Could not compile \(file)\n")
        }
        guard action.kind == .buildScript else { return "" }
        let said = record.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { "  [build] \($0)\n" }.joined()
        let milliseconds = Int((record.slotTime * 1000).rounded())
        return "Running build script...\n" + said + (ok ? "  ✓ Build script succeeded (\(milliseconds)ms)\n" : "  ✗ Build script failed (\(milliseconds)ms)\n")
    }
}
