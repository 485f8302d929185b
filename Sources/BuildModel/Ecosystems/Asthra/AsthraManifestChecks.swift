/// Checks of a manifest against the disk: every `path` dependency exists, has a manifest, and
/// that manifest names the package the dependency is called.
enum AsthraManifestChecks {
    static func check(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for dep in manifest.dependencies {
            guard let path = dep.path else { continue }
            let dir = Paths.join(manifest.directory, path.value)
            if dir == manifest.directory {
                out.append(.error(
                    "package '\(manifest.displayName)' depends on itself: path dependency '\(dep.name.value)' points to its own directory",
                    .selfDependency, at: path.range,
                    help: ["remove the dependency: a package's own modules are imported with local paths (\"./module\")"]))
                continue
            }
            guard fileSystem.isDirectory(dir) else {
                out.append(.error(
                    "path dependency '\(dep.name.value)' points to '\(path.value)', which does not exist", .missingPathDependency,
                    at: path.range, help: ["the path is relative to this manifest; fix it, or create the package there with `ampu new`"]))
                continue
            }
            guard let other = AsthraEcosystem.loadManifest(in: dir, fileSystem: fileSystem) else {
                out.append(.error(
                    "path dependency '\(dep.name.value)' points to '\(path.value)', which has no asthra.toml", .missingPathDependency,
                    at: path.range, help: ["run `ampu init` in '\(path.value)', or point the path at the package's directory"]))
                continue
            }
            if let name = other.package?.name?.value, name != dep.name.value {
                out.append(.error(
                    "path dependency '\(dep.name.value)' points to a package named '\(name)'", .pathDependencyNameMismatch,
                    at: dep.name.range,
                    help: ["rename the dependency to '\(name)', or point 'path' at the package called '\(dep.name.value)'"],
                    fix: Diagnostic.Fix(title: "Rename the dependency to '\(name)'", edits: [TextEdit(range: dep.name.range, newText: TOMLLiteral.renderKey(name))])))
            }
        }
        return out
    }
}
