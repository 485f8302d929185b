/// What a package's elm.json must name that elm looks for on disk and among its dependencies:
/// elm/core among the dependencies (the default imports need it), and each exposed module as a
/// file under `src/`.
enum ElmPackageCheck {
    static func check(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        guard let package = manifest.package, package.name != nil else { return [] }
        var out: [Diagnostic] = []
        if !manifest.dependencies.contains(where: { $0.scope == .normal && $0.name.value == ElmApplicationCheck.core }) {
            out.append(.error("a package needs elm/core in \"dependencies\"", .missingCorePackage, at: package.range, label: "no elm/core",
                              notes: ["the default imports (List, Maybe, …) come from it"], help: ["add \"elm/core\": \"1.0.0 <= v < 2.0.0\" to \"dependencies\""]))
        }
        let source = Paths.join(manifest.directory, "src")
        for module in manifest.exposedModules where ElmPackageFields.isModuleName(module.value) {
            let file = Paths.join(source, module.value.replacing(".", with: "/") + ".elm")
            guard !fileSystem.isFile(file) else { continue }
            out.append(.error("the exposed module \(module.value) is not in src/", .elmPackageField, at: module.range, label: "no \(Paths.relative(file, from: manifest.directory))",
                              help: ["create it, or correct or remove the entry"]))
        }
        return out.map { $0.inFile(manifest.path) }
    }
}
