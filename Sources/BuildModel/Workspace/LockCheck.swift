/// What `check` can tell about the lock file without fetching anything: a git dependency the
/// manifest declares that the lock does not have, or has at a version the manifest no longer
/// allows. Both mean the lock is out of date; `ampu update` writes it again.
enum LockCheck {
    /// The lock file beside the root manifest, read, and what is wrong with it.
    /// (`members`: the workspace's other members, whose git dependencies the lock records too.)
    static func check(_ manifest: PackageManifest, members: [PackageManifest] = [], ecosystem: any Ecosystem, fileSystem: any FileSystem) -> (lock: LockFile?, diagnostics: [Diagnostic]) {
        guard let format = ecosystem.lockFormat else { return (nil, []) }
        let name = format.fileName
        let lock: LockFile
        do {
            guard let read = try LockFile.read(in: manifest.directory, format: format, fileSystem: fileSystem) else { return (nil, []) }
            lock = read
        } catch {
            return (nil, [Diagnostic(severity: .error, code: DiagnosticCode.outdatedLock.rawValue, message: "\(error)", file: Paths.join(manifest.directory, name),
                                     range: .at(0), help: ["`ampu update` writes it again"])])
        }
        var out: [Diagnostic] = []
        for member in [manifest] + members.filter({ $0.path != manifest.path }) {
            out += check(member, against: lock, lockName: name)
        }
        return (lock, out)
    }

    /// A manifest's git dependencies the lock does not record, or records at a version the
    /// requirement no longer allows.
    private static func check(_ manifest: PackageManifest, against lock: LockFile, lockName name: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for dep in manifest.dependencies {
            guard case .git = dep.source else { continue }
            guard let locked = lock.package(for: dep) else {
                out.append(.warning("'\(dep.name.value)' is not in \(name)", .outdatedLock, at: dep.name.range,
                                    help: ["run `ampu update` to resolve it and record the version it gets"]).inFile(manifest.path))
                continue
            }
            if let requirement = dep.requirement, !requirement.value.versionSet.contains(locked.version) {
                out.append(.warning("\(name) has '\(dep.name.value)' at \(locked.version), which \(requirement.value) does not allow", .outdatedLock,
                                    at: requirement.range, label: "does not allow \(locked.version)",
                                    help: ["run `ampu update` to choose a version this allows"]).inFile(manifest.path))
            }
        }
        return out
    }
}
