/// What a path to a package being typed in a manifest (a dependency's `path = "…"`, a workspace
/// member) may go on to: each directory where the typed path leads that holds a package of the
/// ecosystem, and each that holds such a directory (to go on typing into); for a dependency with
/// nothing but a name typed, the packages beside the manifest's own directory too (`../json`),
/// where path dependencies most often are. Never the manifest's own package, those `excluding`
/// names (the members listed already), hidden directories or build output.
public enum PackagePathCandidates {
    public struct Candidate: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// A package, by its name (nil when its manifest names none).
            case package(String?)
            /// A directory holding a package, to go on typing into.
            case folder
            /// A directory, for a key whose values name directories.
            case directory
        }

        /// The path as it is to be written: the typed directories, then the name (a folder's
        /// with `/` after it).
        public var path: String
        public var kind: Kind
    }

    /// At most this many directories are looked at where the typed path leads, and this many
    /// inside each of them for a package: a path typed as `/` or `/proc/` must not make a
    /// completion look through the whole disk.
    static let listedLimit = 500
    static let insideLimit = 100

    /// - Parameters:
    ///   - typed: the path typed so far (the string's text before the cursor).
    ///   - directory: the manifest's directory, which the path is relative to.
    ///   - wanted: the dependency's name: its package comes first.
    ///   - siblings: whether the packages beside `directory` are offered when no directory is typed.
    public static func candidates(typed: String, from directory: String, wanted: String?, siblings: Bool = true, excluding: Set<String> = [],
                                  ecosystem: any Ecosystem, fileSystem: any FileSystem) -> [Candidate] {
        let (written, base) = leadsTo(typed, from: directory)
        let own = excluding.union([Paths.normalize(directory)])
        var found = listed(base, writtenAs: written, own: own, ecosystem: ecosystem, fileSystem: fileSystem)
        if written.isEmpty && siblings {
            let parent = Paths.parent(Paths.normalize(directory))
            if parent != Paths.normalize(directory) {
                found += listed(parent, writtenAs: "../", own: own, folders: false, ecosystem: ecosystem, fileSystem: fileSystem)
            }
        }
        func rank(_ c: Candidate) -> Int {
            switch c.kind {
            case .package(let name?) where name == wanted: 0
            case .package, .directory: 1
            case .folder: 2
            }
        }
        return found.sorted { (rank($0), $0.path) < (rank($1), $1.path) }
    }

    /// The packages right inside `base` (and, with `folders`, the directories holding one),
    /// written after `written`.
    private static func listed(_ base: String, writtenAs written: String, own: Set<String>, folders: Bool = true, ecosystem: any Ecosystem,
                               fileSystem: any FileSystem) -> [Candidate] {
        guard let names = try? fileSystem.contentsOfDirectory(base) else { return [] }
        var out: [Candidate] = []
        for name in names.prefix(listedLimit) where !name.hasPrefix(".") && !ecosystem.ignoredDirectories.contains(name) {
            let path = Paths.join(base, name)
            guard !own.contains(path), fileSystem.isDirectory(path) else { continue }
            if holdsManifest(path, ecosystem: ecosystem, fileSystem: fileSystem) {
                let manifest = ecosystem.loadManifest(in: path, fileSystem: fileSystem)
                out.append(Candidate(path: written + name, kind: .package(manifest?.package?.name?.value)))
            } else if folders, holdsPackage(below: path, own: own, ecosystem: ecosystem, fileSystem: fileSystem) {
                out.append(Candidate(path: written + name + "/", kind: .folder))
            }
        }
        return out
    }

    /// For a key whose values name directories (`ManifestKey.namesDirectories`): each directory
    /// where the typed path leads, written after what is typed of the path; not hidden ones or
    /// build output.
    public static func directories(typed: String, from directory: String, ecosystem: any Ecosystem, fileSystem: any FileSystem) -> [Candidate] {
        let (written, base) = leadsTo(typed, from: directory)
        guard let names = try? fileSystem.contentsOfDirectory(base) else { return [] }
        return names.prefix(listedLimit).filter { name in
            !name.hasPrefix(".") && !ecosystem.ignoredDirectories.contains(name) && fileSystem.isDirectory(Paths.join(base, name))
        }.sorted().map { Candidate(path: written + $0, kind: .directory) }
    }

    /// The directories of a typed path (through its last `/`) and the directory they lead to
    /// from `directory`.
    private static func leadsTo(_ typed: String, from directory: String) -> (written: String, base: String) {
        let written = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
        return (written, Paths.normalize(Paths.isAbsolute(written) ? written : Paths.join(directory, written)))
    }

    private static func holdsManifest(_ directory: String, ecosystem: any Ecosystem, fileSystem: any FileSystem) -> Bool {
        ecosystem.manifestFileNames.contains { fileSystem.status(Paths.join(directory, $0))?.kind == .file }
    }

    /// Whether a directory right inside `directory` holds a package (not one of `own`).
    private static func holdsPackage(below directory: String, own: Set<String>, ecosystem: any Ecosystem, fileSystem: any FileSystem) -> Bool {
        guard let names = try? fileSystem.contentsOfDirectory(directory) else { return false }
        return names.prefix(insideLimit).contains { name in
            let path = Paths.join(directory, name)
            return !name.hasPrefix(".") && !own.contains(path) && holdsManifest(path, ecosystem: ecosystem, fileSystem: fileSystem)
        }
    }
}
