import Synchronization

/// Packages from where manifests say they are, for the solver:
/// - from a git repository, a package is its location (`github.com/user/json`), its versions
///   are its tags, and a version's dependencies are what the ecosystem reads in the manifest of
///   that tag's commit; a dependency pinned to a tag, branch or commit has just that version;
/// - from a directory (`path = "../lib"`), a package is its name, with one version, the one
///   its manifest says, and that manifest's dependencies.
/// The root's come from its manifest.
public final class SourcePackageProvider: PackageProvider, Sendable {
    public let cache: GitCache
    let ecosystem: any Ecosystem
    let root: PackageManifest
    public let rootName: String
    /// Each location's URL and tags, learned as the solver asks.
    private let state = Mutex<(urls: [String: String], tags: [String: [(version: Version, tag: String?, commit: String)]], pins: [String: String],
                               directories: [String: String])>(([:], [:], [:], [:]))
    /// Reads path dependencies' manifests.
    let fileSystem: any FileSystem

    /// Only what the cache holds: no fetch, tags read from the mirrors.
    let offline: Bool

    public init(cache: GitCache, ecosystem: any Ecosystem, root: PackageManifest, offline: Bool = false,
                fileSystem: any FileSystem = LocalFileSystem()) {
        self.offline = offline
        self.fileSystem = fileSystem
        self.cache = cache
        self.ecosystem = ecosystem
        self.root = root
        self.rootName = root.displayName
    }

    /// The version the root stands at.
    public var rootVersion: Version { root.package?.version?.value ?? Version(0, 0, 0) }

    /// The commit a chosen version of a package is at, and the tag that names it.
    public func commit(of package: String, version: Version) -> (commit: String, tag: String?)? {
        state.withLock { $0.tags[package]?.first { $0.version == version }.map { ($0.commit, $0.tag) } }
    }

    /// The URL a package is fetched from.
    public func url(of package: String) -> String {
        state.withLock { $0.urls[package] } ?? GitCLI.url(forLocation: package)
    }

    /// The versions learned so far, by package: what completion may offer.
    public var knownVersions: [String: [Version]] {
        state.withLock { $0.tags.mapValues { $0.map(\.version) } }
    }

    /// The directory of a package that comes from a path dependency.
    public func directory(of package: String) -> String? {
        state.withLock { $0.directories[package] }
    }

    /// A path dependency's manifest, which must name the package it is declared as.
    private func pathManifest(_ package: String) throws(ResolutionError) -> PackageManifest? {
        guard let directory = directory(of: package) else { return nil }
        guard let found = ecosystem.manifestFileNames.lazy.map({ Paths.join(directory, $0) }).first(where: { fileSystem.isFile($0) }),
              let text = try? fileSystem.readText(found) else {
            throw .unavailable(package: package, reason: "its path '\(directory)' has no \(ecosystem.manifestFileNames[0])")
        }
        let manifest = ecosystem.readManifest(text)
        if let name = manifest.package?.name?.value, name != package {
            throw .unavailable(package: package, reason: "the manifest at '\(found)' names the package '\(name)'")
        }
        return manifest
    }

    public func versions(of package: String) throws(ResolutionError) -> [Version] {
        if let manifest = try pathManifest(package) { return [manifest.package?.version?.value ?? Version(0, 0, 0)] }
        if let known = state.withLock({ $0.tags[package] }) { return known.map(\.version) }
        let url = state.withLock { $0.urls[package] } ?? GitCLI.url(forLocation: package)
        let pin = state.withLock { $0.pins[package] }
        var versions: [(version: Version, tag: String?, commit: String)] = []
        do {
            let mirror = try cache.mirror(of: package)
            if offline {
                guard LocalFileSystem().isDirectory(mirror) else {
                    throw ResolutionError.notCached(package: package)
                }
            } else {
                try cache.update(package, url: url)
            }
            if let pin {
                // A branch or commit: one version, the one its manifest says.
                let commit = try cache.commit(package, ref: pin)
                let manifest = try cache.file(package, commit: commit, path: ecosystem.manifestFileNames[0])
                    .map { ecosystem.readManifest(SourceText(path: ecosystem.manifestFileNames[0], bytes: $0)) }
                versions = [(manifest?.package?.version?.value ?? Version(0, 0, 0), nil, commit)]
            } else {
                let tags = offline ? try cache.git.tags(ofMirror: mirror) : try cache.git.tags(of: url)
                versions = tags.compactMap { t in GitCLI.version(ofTag: t.tag).map { (version: $0, tag: t.tag, commit: t.commit) } }
            }
        } catch let error as ResolutionError {
            throw error
        } catch {
            throw .unavailable(package: package, reason: "\(error)")
        }
        state.withLock { $0.tags[package] = versions }
        return versions.map(\.version)
    }

    public func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement] {
        if package == rootName { return requirements(of: root) }
        if let manifest = try pathManifest(package) { return requirements(of: manifest) }
        _ = try versions(of: package)
        guard let commit = commit(of: package, version: version)?.commit else { return [] }
        let name = ecosystem.manifestFileNames[0]
        let bytes: [UInt8]?
        do { bytes = try cache.file(package, commit: commit, path: name) } catch { throw .unavailable(package: package, reason: "\(error)") }
        guard let bytes else {
            throw .unavailable(package: package, reason: "version \(version) (commit \(commit.prefix(12))) has no \(name)")
        }
        return requirements(of: ecosystem.readManifest(SourceText(path: name, bytes: bytes)))
    }

    /// A manifest's git and path dependencies as requirements: on their locations, and on
    /// their names. A path inside a fetched package (no directory of its own here) is skipped.
    private func requirements(of manifest: PackageManifest) -> [PackageRequirement] {
        manifest.dependencies.compactMap { dep in
            if case .path(let path) = dep.source {
                guard manifest.path.hasPrefix("/") else { return nil }
                let directory = Paths.normalize(Paths.join(manifest.directory, path.value))
                state.withLock { $0.directories[dep.name.value] = directory }
                return PackageRequirement(dep.name.value, dep.requirement?.value.versionSet ?? .any)
            }
            guard case .git(let url, let reference) = dep.source else { return nil }
            let location = Self.location(of: dep, url: url.value)
            state.withLock { $0.urls[location] = url.value.contains("://") ? url.value : GitCLI.url(forLocation: url.value) }
            var versions = dep.requirement?.value.versionSet ?? .any
            switch reference?.value {
            case .tag(let tag)?: if let pinned = GitCLI.version(ofTag: tag) { versions = .exactly(pinned) }
            case .branch(let ref)?, .rev(let ref)?: state.withLock { $0.pins[location] = ref }
            case nil: break
            }
            return PackageRequirement(location, versions)
        }
    }

    /// The package a git dependency is: its location, or (for a repository on this machine,
    /// `file://…`, which has no import path) the dependency's name.
    public static func location(of dependency: DependencySpec, url: String) -> String {
        if url.hasPrefix("file://") || url.hasPrefix("/") { return dependency.name.value }
        return GitCLI.location(ofURL: url)
    }
}
