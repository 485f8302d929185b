/// `ampu tree`, `why` and `graph` for an Elm project, which has no lock file: elm.json and the
/// package cache already say which release of each package a build uses (`ElmDependencies`),
/// and each release's own elm.json what it depends on.
extension ElmEcosystem: ResolvesWithoutLock {
    public func dependencyTree(of manifest: PackageManifest, environment: [String: String], fileSystem: any FileSystem) -> DependencyTree {
        let set = ElmDependencies(project: manifest, environment: environment, fileSystem: fileSystem)
        let packages = set.releases.values.sorted { $0.name < $1.name }.map { release in
            LockFile.Package(name: release.name, version: release.version, source: "elm+" + release.directory, dependencies: release.dependencies)
        }
        // The record of the versions is elm.json itself.
        let record = LockFile(packages: packages, format: .standard(fileName: manifestFileNames[0], cacheVariable: "ELM_HOME", cacheHome: ".elm"))
        return DependencyTree(root: manifest, lock: record, selected: manifest.dependencies.filter { $0.scope == .normal })
    }
}
