/// Whether the package cache holds a release built against the versions a project uses: elm
/// keeps `artifacts.dat` beside each release it built, starting with the set of fingerprints
/// (each the versions of the release's dependencies) it was built with.
enum ElmArtifactCache {
    /// The fingerprints in `directory/artifacts.dat`; empty when there is none or it is damaged.
    static func fingerprints(of directory: String, fileSystem: any FileSystem) -> [[String: Version]] {
        guard let bytes = try? fileSystem.readFile(Paths.join(directory, "artifacts.dat")) else { return [] }
        var r = ElmBinary(bytes)
        do throws(ElmBinary.Damaged) {
            var out: [[String: Version]] = []
            for _ in 0..<(try r.count()) {
                var fingerprint: [String: Version] = [:]
                for _ in 0..<(try r.count()) { fingerprint[try r.packageName()] = try r.version() }
                out.append(fingerprint)
            }
            return out
        } catch {
            return []
        }
    }

    /// The release is built with its dependencies at the versions of `dependencies`.
    static func isBuilt(_ release: ElmDependencies.Release, in dependencies: ElmDependencies, fileSystem: any FileSystem) -> Bool {
        var wanted: [String: Version] = [:]
        for name in release.dependencies { wanted[name] = dependencies.releases[name]?.version }
        return fingerprints(of: release.directory, fileSystem: fileSystem).contains(wanted)
    }
}
