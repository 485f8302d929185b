import Synchronization

/// The packages of a workspace by directory, for a resolver whose packages are directories with
/// a manifest (Oats, Rask): the members and the packages they reach by path, known from the
/// load; any other directory's manifest read when first asked, and remembered.
final class LocalPackages: Sendable {
    let ecosystem: any Ecosystem
    let fileSystem: any FileSystem
    private let manifests: [String: PackageManifest]
    private let memberDirectories: Set<String>
    private let others = Mutex<[String: PackageManifest?]>([:])

    init(_ setup: ImportResolverSetup, ecosystem: any Ecosystem) {
        self.ecosystem = ecosystem
        fileSystem = setup.fileSystem
        var manifests: [String: PackageManifest] = [:]
        for package in setup.packages.packages where manifests[package.directory] == nil { manifests[package.directory] = package }
        self.manifests = manifests
        memberDirectories = Set(setup.members.map(\.directory))
    }

    /// The package holding a file: its member, else the nearest directory above it with a
    /// package of the workspace (a member: user code; another: a dependency), else the file's
    /// own directory.
    func origin(ofFile path: String, member: PackageManifest?) -> ModuleOrigin {
        if let member { return ModuleOrigin(kind: .user, boundary: member.directory, manifestPath: member.path) }
        var dir = Paths.parent(path)
        while true {
            if let m = manifests[dir] {
                return ModuleOrigin(kind: memberDirectories.contains(dir) ? .user : .thirdParty, boundary: dir, manifestPath: m.path)
            }
            let up = Paths.parent(dir)
            if up == dir { break }
            dir = up
        }
        return ModuleOrigin(kind: .user, boundary: Paths.parent(path), manifestPath: nil)
    }

    func manifest(in directory: String) -> PackageManifest? {
        if let m = manifests[directory] { return m }
        if let known = others.withLock({ $0[directory] }) { return known }
        let m = ecosystem.loadManifest(in: directory, fileSystem: fileSystem)
        others.withLock { $0[directory] = .some(m) }
        return m
    }
}
