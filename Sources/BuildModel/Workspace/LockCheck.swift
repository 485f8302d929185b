/// What `check` can tell about the lock file without fetching anything: a git dependency the
/// manifest declares that the lock does not have, or a git or registry one it has at a version
/// the manifest no longer allows. Both mean the lock is out of date; `ampu update` writes it
/// again.
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
            // A directory (or a FIFO) by its name: `ampu update` cannot write over it.
            let inTheWay = switch error {
            case .unreadable(.isADirectory), .unreadable(.notARegularFile): true
            default: false
            }
            return (nil, [Diagnostic(severity: .error, code: DiagnosticCode.outdatedLock.rawValue, message: "\(error)", file: Paths.join(manifest.directory, name),
                                     range: .at(0), help: [inTheWay ? "remove what is there by its name, then `ampu update` writes it" : "`ampu update` writes it again"])])
        }
        var out: [Diagnostic] = []
        for member in [manifest] + members.filter({ $0.path != manifest.path }) {
            out += check(member, against: lock, lockName: name)
        }
        return (lock, out)
    }

    /// A manifest's git dependencies the lock does not record, records from another
    /// repository or at another tag or commit than the dependency pins, or records at a
    /// version the requirement no longer allows.
    private static func check(_ manifest: PackageManifest, against lock: LockFile, lockName name: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for dep in manifest.dependencies {
            if case .registry = dep.source {
                // Not locked is M023's (from the package cache, or `ampu update`).
                if let locked = lock.package(for: dep), let outside = disallowed(dep, locked, lockName: name) { out.append(outside.inFile(manifest.path)) }
                continue
            }
            guard case .git(let url, let reference) = dep.source else { continue }
            guard let locked = lock.package(for: dep) else {
                out.append(.warning("'\(dep.name.value)' is not in \(name)", .outdatedLock, at: dep.name.range,
                                    help: ["run `ampu update` to resolve it and record the version it gets"]).inFile(manifest.path))
                continue
            }
            // A repository on this machine is its dependency's name, whatever its path: only the
            // source tells a moved one (elsewhere the location is the name, and a move renames).
            let fetched = SourcePackageProvider.fetchURL(of: url.value)
            if url.value.hasPrefix("file://") || url.value.hasPrefix("/"), locked.source.hasPrefix("git+"), locked.source.dropFirst(4) != fetched {
                out.append(.warning("\(name) has '\(dep.name.value)' from \(locked.source.dropFirst(4)), not from \(fetched)", .outdatedLock,
                                    at: url.range, label: "not the repository \(name) records",
                                    help: ["run `ampu update` to fetch it from here"]).inFile(manifest.path))
                continue
            }
            switch reference?.value {
            case .tag(let tag)? where locked.tag != tag:
                out.append(.warning("\(name) has '\(dep.name.value)' at \(locked.tag.map { "tag \($0)" } ?? "version \(locked.version)"), not at tag \(tag)",
                                    .outdatedLock, at: reference!.range, label: "not the tag \(name) records",
                                    help: ["run `ampu update` to record this tag"]).inFile(manifest.path))
                continue
            case .rev(let rev)? where rev.utf8.allSatisfy({ ASCII.hexValue($0) != nil }) && !(locked.commit ?? "").hasPrefix(rev.lowercased()):
                out.append(.warning("\(name) has '\(dep.name.value)' at commit \((locked.commit ?? "none").prefix(12)), not at \(rev)",
                                    .outdatedLock, at: reference!.range, label: "not the commit \(name) records",
                                    help: ["run `ampu update` to record this commit"]).inFile(manifest.path))
                continue
            default: break
            }
            if let outside = disallowed(dep, locked, lockName: name) { out.append(outside.inFile(manifest.path)) }
        }
        return out
    }

    /// The warning for a locked version the dependency's requirement does not allow.
    private static func disallowed(_ dep: DependencySpec, _ locked: LockFile.Package, lockName name: String) -> Diagnostic? {
        guard let requirement = dep.requirement, !requirement.value.versionSet.contains(locked.version) else { return nil }
        return .warning("\(name) has '\(dep.name.value)' at \(locked.version), which \(requirement.value) does not allow", .outdatedLock,
                        at: requirement.range, label: "does not allow \(locked.version)",
                        help: ["run `ampu update` to choose a version this allows"])
    }
}
