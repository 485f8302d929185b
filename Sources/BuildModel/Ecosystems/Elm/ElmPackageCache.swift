/// Elm's package cache, `ELM_HOME` (default `~/.elm`) as the real compiler lays it out:
/// `0.19.1/packages/AUTHOR/PROJECT/VERSION/` with the release's `elm.json` and `src/`. It is the
/// solver's provider: the versions of a package are the directories there, a version's
/// dependencies the constraints of its `elm.json`. The root is the application, whose direct
/// dependencies are its exact versions.
public struct ElmPackageCache: PackageProvider {
    /// `…/0.19.1/packages`.
    public let directory: String
    let fileSystem: any FileSystem
    /// The application, as the solver's root: its name and what it requires.
    let rootName: String
    let rootRequirements: [PackageRequirement]

    public static let rootVersion = Version(1, 0, 0)

    /// The cache `ELM_HOME` names, else `~/.elm`; nil when neither can be said.
    public static func directory(environment: [String: String]) -> String? {
        if let home = environment["ELM_HOME"], !home.isEmpty { return Paths.join(home, "0.19.1", "packages") }
        if let home = environment["HOME"], !home.isEmpty { return Paths.join(home, ".elm", "0.19.1", "packages") }
        return nil
    }

    public init(directory: String, fileSystem: any FileSystem, application: PackageManifest) {
        self.init(directory: directory, fileSystem: fileSystem, rootName: application.displayName,
                  requirements: application.dependencies.filter { $0.scope == .normal }.compactMap { dep in
                      dep.requirement.map { PackageRequirement(dep.name.value, $0.value.versionSet) }
                  })
    }

    /// The cache with a root that requires these (an edit's dependencies before they are written).
    init(directory: String, fileSystem: any FileSystem, rootName: String, requirements: [PackageRequirement]) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.rootName = rootName
        rootRequirements = requirements
    }

    /// The directory of one release.
    public func directory(of package: String, _ version: Version) -> String { Paths.join(directory, package, "\(version)") }

    /// Every package the cache has a release of (`author/project`), sorted.
    public func packageNames() -> [String] {
        var names: [String] = []
        for author in (try? fileSystem.contentsOfDirectory(directory)) ?? [] {
            for project in (try? fileSystem.contentsOfDirectory(Paths.join(directory, author))) ?? []
            where ((try? versions(of: "\(author)/\(project)")) ?? []).isEmpty == false {
                names.append("\(author)/\(project)")
            }
        }
        return names.sorted()
    }

    public func versions(of package: String) throws(ResolutionError) -> [Version] {
        if package == rootName { return [Self.rootVersion] }
        let names = (try? fileSystem.contentsOfDirectory(Paths.join(directory, package))) ?? []
        return names.compactMap { Version($0) }.sorted()
    }

    public func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement] {
        if package == rootName { return rootRequirements }
        let path = Paths.join(directory(of: package, version), "elm.json")
        guard let bytes = try? fileSystem.readFile(path) else {
            throw .unavailable(package: package, reason: "its elm.json for \(version) cannot be read; delete \(Paths.join(directory, package, "\(version)")) and let elm download it again")
        }
        let manifest = ElmManifestReader.read(SourceText(path: path, bytes: bytes))
        if manifest.hasErrors {
            throw .unavailable(package: package, reason: "its elm.json for \(version) is not valid: \(manifest.diagnostics.first { $0.severity == .error }!.message)")
        }
        return manifest.dependencies.filter { $0.scope == .normal }.compactMap { dep in
            dep.requirement.map { PackageRequirement(dep.name.value, $0.value.versionSet) }
        }
    }

    /// Versions in elm's words: `1.0.0 <= v < 2.0.0`, as elm.json writes them.
    public func wording(of versions: VersionSet) -> String { ElmConstraint.wording(of: versions) }
}
