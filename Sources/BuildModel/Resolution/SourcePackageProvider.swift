import Dispatch
import Synchronization

/// Packages from where manifests say they are, for the solver:
/// - from a git repository, a package is its location (`github.com/user/json`), its versions
///   are its tags, and a version's dependencies are what the ecosystem reads in the manifest of
///   that tag's commit; a dependency pinned to a tag, branch or commit has just that version;
/// - from a directory (`path = "../lib"`), a package is its name, with one version, the one
///   its manifest says, and that manifest's dependencies;
/// - from a registry directory (`json = "^1.0"` when one is given), a package is its name and
///   its versions are the directories `<registry>/<name>/<version>/`, each a package.
/// The root's come from its manifest.
public final class SourcePackageProvider: PackageProvider, Sendable {
    public let cache: GitCache
    let ecosystem: any Ecosystem
    let root: PackageManifest
    let members: [PackageManifest]
    public let rootName: String
    /// The packages the prefetch has taken up.
    private let prefetched = Mutex<Set<String>>([])
    /// Each location's URL and tags, learned as the solver asks.
    private let state = Mutex<(urls: [String: String], tags: [String: [(version: Version, tag: String?, commit: String)]], pins: [String: Set<Pin>],
                               directories: [String: String], manifests: [String: [UInt8]?],
                               failures: [String: ResolutionError], pinnedTags: [String: Set<String>], ranged: Set<String>, fromRegistry: Set<String>,
                               learnedWith: [String: Asked], pinners: [String: Set<Depender>], ownURLs: Set<String>)>(([:], [:], [:], [:], [:], [:], [:], [], [], [:], [:], []))
    /// A tag that names no version, a branch or a commit one manifest pins a git package to.
    struct Pin: Hashable, Sendable, Comparable, CustomStringConvertible {
        var ref: String
        var kind: ResolutionError.ReferenceKind
        var description: String { "\(kind) '\(ref)'" }
        static func < (a: Pin, b: Pin) -> Bool { (a.kind.rawValue, a.ref) < (b.kind.rawValue, b.ref) }
    }

    /// A package (and version) whose manifest pins another.
    struct Depender: Hashable, Sendable, Comparable, CustomStringConvertible {
        var name: String
        var version: Version?
        var description: String { name + (version.map { " \($0)" } ?? "") }
        static func < (a: Depender, b: Depender) -> Bool { a.description < b.description }
    }

    /// What the manifests read so far ask of a git package: a range of it (`ranged`), tags that
    /// name versions, and pins. Its versions are learned from this, and learned again (by
    /// `solving`) when a manifest read since asks what they did not take in.
    struct Asked: Hashable, Sendable {
        var ranged: Bool
        var tags: Set<String>
        var pins: Set<Pin>

        /// Whether versions learned for `self` can be short of, or wrong for, what is asked now.
        func outgrown(by now: Asked) -> Bool {
            if pins != now.pins { return true }
            // Beside a pin, every tag must name the pinned commit: each one is looked at.
            if !now.pins.isEmpty { return tags != now.tags }
            // Every tag's version was listed.
            if ranged { return false }
            return now.ranged || !now.tags.isSubset(of: tags)
        }
    }

    /// Dependencies by name and version met while there is no registry, by manifest and name.
    private let skippedByName = Mutex<[String: (manifest: String, dependency: DependencySpec)]>([:])
    /// Reads path dependencies' manifests.
    let fileSystem: any FileSystem

    /// Only what the cache holds: no fetch, tags read from the mirrors.
    let offline: Bool
    /// The registry directory that dependencies by name and version come from.
    public let registry: String?

    /// The registry `AMPU_REGISTRY` names for the workspace at `root`: a relative one is taken
    /// from the root, as the editor (which has no place it runs from) takes it too.
    public static func environmentRegistry(_ environment: [String: String], root: String) -> String? {
        guard let named = environment["AMPU_REGISTRY"], !named.isEmpty else { return nil }
        return Paths.join(root, named)
    }

    /// The registry a command uses: `--registry` as given (taken from where ampu runs, as any
    /// path on its command line; empty is none), else `AMPU_REGISTRY` for the workspace at `root`.
    public static func registry(given: String?, environment: [String: String], root: String, fileSystem: any FileSystem) -> String? {
        given.flatMap { $0.isEmpty ? nil : Paths.normalize(fileSystem.absolute($0)) } ?? environmentRegistry(environment, root: root)
    }
    /// Told the location of each repository as its fetch starts (for a progress line).
    let progress: (@Sendable (String) -> Void)?

    /// - Parameter members: the workspace's other members: their dependencies are the root's
    ///   too (one lock for the workspace, as Cargo keeps one).
    public init(cache: GitCache, ecosystem: any Ecosystem, root: PackageManifest, members: [PackageManifest] = [], offline: Bool = false,
                fileSystem: any FileSystem = LocalFileSystem(), registry: String? = nil, progress: (@Sendable (String) -> Void)? = nil) {
        self.members = members
        self.offline = offline
        self.registry = registry
        self.progress = progress
        self.fileSystem = fileSystem
        self.cache = cache
        self.ecosystem = ecosystem
        self.root = root
        // A virtual workspace has no name of its own: explanations say "the workspace", not
        // the name of the directory it is in.
        self.rootName = root.package == nil ? Self.virtualRootName : root.displayName
    }

    /// What explanations call a workspace root that is no package; no package can be named so.
    public static let virtualRootName = "the workspace"

    /// The dependencies by name and version the solver met without a registry to take them
    /// from (not solved: the compiler looks for a copy in the package cache), by manifest and
    /// then in the order the manifest writes them.
    public var dependenciesWithoutRegistry: [(manifest: String, dependency: DependencySpec)] {
        skippedByName.withLock { Array($0.values) }.sorted {
            ($0.manifest, $0.dependency.name.range) < ($1.manifest, $1.dependency.name.range)
        }
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
        // A member as the caller read it (an editor's unsaved text).
        if let member = members.first(where: { $0.displayName == package && $0.directory == directory }) { return member }
        guard let found = ecosystem.manifestFileNames.lazy.map({ Paths.join(directory, $0) }).first(where: { fileSystem.isFile($0) }),
              let text = try? fileSystem.readText(found) else {
            throw .unavailable(package: package, reason: "its path '\(directory)' has no \(ecosystem.manifestFileNames[0])")
        }
        return try named(ecosystem.readManifest(text), package)
    }

    /// A manifest found for a package, which must name that package.
    private func named(_ manifest: PackageManifest, _ package: String) throws(ResolutionError) -> PackageManifest {
        if let name = manifest.package?.name?.value, name != package {
            throw .unavailable(package: package, reason: "the manifest at '\(manifest.path)' names the package '\(name)'")
        }
        return manifest
    }

    /// Whether a package comes from the registry.
    public func isFromRegistry(_ package: String) -> Bool {
        state.withLock { $0.fromRegistry.contains(package) }
    }

    /// A registry package's directory for one version.
    public func registryDirectory(of package: String, version: Version) -> String? {
        guard let registry, isFromRegistry(package) else { return nil }
        return Paths.join(registry, "\(package)/\(version)")
    }

    /// The versions a registry holds of a package: its version directories.
    private func registryVersions(_ package: String, registry: String) throws(ResolutionError) -> [Version] {
        guard (try? GitCache.checkedLocation(package)) != nil else {
            throw .unavailable(package: package, reason: "'\(package)' cannot be a registry path")
        }
        guard let versions = Self.registryVersions(package, registry: registry, fileSystem: fileSystem) else {
            let manifest = ecosystem.manifestFileNames[0]
            throw .unavailable(package: package, reason: "the registry at '\(registry)' has no '\(package)'", help: [
                Self.registryName(like: package, registry: registry, fileSystem: fileSystem).map { "did you mean '\($0)'?" }
                    ?? "a registry holds a directory for each package, and in it one for each version with its \(manifest) ('\(package)/1.0.0/\(manifest)')"])
        }
        return versions
    }

    /// The package of the registry whose name is closest to `package`, a name it does not hold.
    static func registryName(like package: String, registry: String, fileSystem: any FileSystem) -> String? {
        let parent = package.contains("/") ? Paths.parent(package) : nil
        let names = (try? fileSystem.contentsOfDirectory(parent.map { Paths.join(registry, $0) } ?? registry)) ?? []
        return Spelling.closest(to: Paths.lastComponent(package), in: names.filter { !$0.hasPrefix(".") }.sorted()).map { name in parent.map { $0 + "/" + name } ?? name }
    }

    /// The versions a registry holds of a package (its version directories, unordered); nil
    /// when the registry has no such package, or the name cannot be one (`..`, `/x`).
    static func registryVersions(_ package: String, registry: String, fileSystem: any FileSystem) -> [Version]? {
        guard (try? GitCache.checkedLocation(package)) != nil else { return nil }
        let directory = Paths.join(registry, package)
        guard let names = try? fileSystem.contentsOfDirectory(directory) else { return nil }
        return names.compactMap(Version.init).filter { fileSystem.isDirectory(Paths.join(directory, "\($0)")) }
    }

    /// A registry package's manifest at one version, which must name it.
    private func registryManifest(_ package: String, version: Version) throws(ResolutionError) -> PackageManifest {
        let directory = registryDirectory(of: package, version: version)!
        let path = Paths.join(directory, ecosystem.manifestFileNames[0])
        guard let text = try? fileSystem.readText(path) else {
            throw .unavailable(package: package, reason: "version \(version) in the registry has no \(ecosystem.manifestFileNames[0]) at '\(path)'",
                               help: ["put the version's \(ecosystem.manifestFileNames[0]) there, or remove '\(directory)' so that the version is not offered"])
        }
        return try named(ecosystem.readManifest(text), package)
    }

    public func versions(of package: String) throws(ResolutionError) -> [Version] {
        if let manifest = try pathManifest(package) { return [manifest.package?.version?.value ?? Version(0, 0, 0)] }
        if let registry, isFromRegistry(package) { return try registryVersions(package, registry: registry) }
        if let known = state.withLock({ $0.tags[package] }) { return known.map(\.version) }
        // A repository the prefetch could not reach is not tried again.
        if let failure = state.withLock({ $0.failures[package] }) { throw failure }
        let versions = try learn(package, holdingLock: false)
        state.withLock { $0.tags[package] = versions }
        return versions.map(\.version)
    }

    /// A git package's versions: its mirror brought up to date (unless offline), then its tags
    /// (or, pinned to a branch, a commit or a tag that names no version, that one commit at the
    /// version its manifest says).
    private func learn(_ package: String, holdingLock: Bool) throws(ResolutionError) -> [(version: Version, tag: String?, commit: String)] {
        let asked = asked(package)
        let versions = try learn(package, asked: asked, holdingLock: holdingLock)
        state.withLock { $0.learnedWith[package] = asked }
        return versions
    }

    /// What the manifests read so far ask of a git package.
    private func asked(_ package: String) -> Asked {
        state.withLock { s in Asked(ranged: s.ranged.contains(package), tags: s.pinnedTags[package] ?? [], pins: s.pins[package] ?? []) }
    }

    private func learn(_ package: String, asked: Asked, holdingLock: Bool) throws(ResolutionError) -> [(version: Version, tag: String?, commit: String)] {
        let url = state.withLock { $0.urls[package] } ?? GitCLI.url(forLocation: package)
        do {
            let mirror = try cache.mirror(of: package)
            if offline {
                guard LocalFileSystem().isDirectory(mirror) else { throw ResolutionError.notCached(package: package) }
                if let from = cache.fetchedFrom(package), from != url {
                    throw ResolutionError.unavailable(package: package, reason: "the package cache's copy comes from \(from), not from \(url)",
                                                      help: ["run `ampu update` without --offline to fetch it from \(url)"])
                }
            } else if cache.fetchedFrom(package) == url, let cached = try alreadyCached(package, mirror: mirror, asked: asked) {
                return cached
            } else if holdingLock {
                progress?(package)
                try cache.updateLocked(package, url: url)
            } else {
                progress?(package)
                try cache.update(package, url: url)
            }
            let tags = try cache.tags(package)
            if let missing = asked.tags.subtracting(tags.map(\.tag)).sorted().first {
                throw ResolutionError.missingReference(package: package, kind: .tag, reference: missing, known: Self.newestFirst(tags.map(\.tag)), cached: offline)
            }
            if !asked.pins.isEmpty { return [try pinnedCommit(package, asked: asked, tags: tags)] }
            // Pinned by tags alone, only those tags' versions can be chosen: only their manifests
            // are read (one, from the checkout the prefetch makes).
            return try tagged(package, tags: tags, only: asked.ranged ? nil : asked.tags)
        } catch let error as ResolutionError {
            throw error
        } catch {
            // git could not fetch: how to see what git sees of the address.
            let lsRemote = "check the address: `git ls-remote \(url)` shows whether git reaches it, and its tags and branches"
            let help = switch error as? GitCache.Failure {
            case .git?, .noRepository(_, .some, _)?: [lsRemote]
            case .noRepository(_, nil, let meant?)?: ["did you mean '\(meant)'?"]
            case .noRepository(_, nil, nil)?: ["a `file://` URL or a path names a git repository on this machine"]
            case .relativePath?: LocalRepositoryCheck.relativePathHelp
            default: [String]()
            }
            throw .unavailable(package: package, reason: "\(error)", help: help)
        }
    }

    /// Tags with the newest versions first, then those that name no version.
    public static func newestFirst(_ tags: [String]) -> [String] {
        tags.sorted { a, b in
            switch (GitCLI.version(ofTag: a), GitCLI.version(ofTag: b)) {
            case let (x?, y?): x != y ? x > y : a < b
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }

    /// What a mirror already holds for a package that only tags or commits pin (as Cargo does,
    /// a tag is taken not to move): every pinned tag there, or the pinned commit, means no
    /// fetch. Nil when the remote must be asked (a branch, a version range, something missing).
    private func alreadyCached(_ package: String, mirror: String, asked: Asked) throws
        -> [(version: Version, tag: String?, commit: String)]? {
        guard LocalFileSystem().isDirectory(mirror) else { return nil }
        let tags = (try? cache.tags(package)) ?? []
        guard asked.tags.isSubset(of: Set(tags.map(\.tag))) else { return nil }
        if !asked.pins.isEmpty {
            // A commit by its full id, or a tag: neither moves.
            for pin in asked.pins where pin.kind == .branch || pin.kind == .commit && (try? GitCache.checkedCommit(pin.ref)) == nil
                || pin.kind == .commit && (try? cache.commit(package, ref: pin.ref)) != pin.ref || pin.kind == .tag && !tags.contains(where: { $0.tag == pin.ref }) {
                return nil
            }
            return [try pinnedCommit(package, asked: asked, tags: tags)]
        }
        guard !asked.ranged, !asked.tags.isEmpty else { return nil }
        // Only the pinned tags' versions can be chosen.
        return try tagged(package, tags: tags, only: asked.tags)
    }

    /// The one commit the pins of a package name (a tag that names no version, a branch, a
    /// commit; and the tags beside them that name versions, which must be that commit too), at
    /// the version its manifest says. One checkout of a package serves a build: pins that name
    /// different commits are an error that names each pin and who asks for it.
    private func pinnedCommit(_ package: String, asked: Asked, tags: [(tag: String, commit: String)]) throws -> (version: Version, tag: String?, commit: String) {
        var named: [(pin: Pin, commit: String)] = []
        for pin in asked.pins.sorted() {
            switch pin.kind {
            case .tag:
                guard let commit = tags.first(where: { $0.tag == pin.ref })?.commit else {
                    throw ResolutionError.missingReference(package: package, kind: .tag, reference: pin.ref, known: Self.newestFirst(tags.map(\.tag)), cached: offline)
                }
                named.append((pin, commit))
            case .branch, .commit:
                // A branch or commit the repository does not have is said as such, with the
                // branches it has; git's own failure says only that `rev-parse` failed.
                guard let commit = try? cache.commit(package, ref: pin.ref) else {
                    let known = pin.kind == .branch ? (try? cache.branches(package)) ?? [] : []
                    throw ResolutionError.missingReference(package: package, kind: pin.kind, reference: pin.ref, known: known, cached: offline)
                }
                named.append((pin, commit))
            }
        }
        for tag in asked.tags.sorted() {
            if let commit = tags.first(where: { $0.tag == tag })?.commit { named.append((Pin(ref: tag, kind: .tag), commit)) }
        }
        if Set(named.map(\.commit)).count > 1 {
            let pinners = state.withLock { $0.pinners }
            let dependers = named.map { (pinners[Self.pinKey(package, $0.pin)] ?? []).sorted() }
            let each = zip(named, dependers).map { p, who in
                "\(p.pin) (commit \(p.commit.prefix(12))) by \(who.map(\.description).joined(separator: " and "))"
            }
            // Shown at the requirements of the root and its members that take part: their own
            // pins of it, and their dependencies that pin it.
            let own = Set(members.map(\.displayName) + [rootName])
            let involving = Set(dependers.joined().flatMap { d in own.contains(d.name) ? [package] : [d.name] }).sorted()
            throw ResolutionError.noSolution("\(package) is pinned to different commits: " + each.joined(separator: "; ") + ".\n"
                                             + "A build has one checkout of each package: pin it to the same tag, branch or commit in each manifest, or ask for a version range.",
                                             involving: involving)
        }
        let first = named[0]
        // A tag that names no version (`stable`) is the one the lock records; else a tag beside the pin.
        let tag = named.first { $0.pin.kind == .tag }?.pin.ref
        return try pinned(package, commit: first.commit, tag: tag)
    }

    /// Where `pinners` keeps who pins a package with a pin.
    private static func pinKey(_ package: String, _ pin: Pin) -> String { "\(package)\u{0}\(pin.kind)\u{0}\(pin.ref)" }

    /// A pinned commit as the one version there is: the one its manifest says; `tag`, the
    /// tag that pins it, when one does.
    private func pinned(_ package: String, commit: String, tag: String? = nil) throws(GitCache.Failure) -> (version: Version, tag: String?, commit: String) {
        let manifest = try manifestBytes(package, commit: commit)
            .map { ecosystem.readManifest(SourceText(path: ecosystem.manifestFileNames[0], bytes: $0)) }
        return (manifest?.package?.version?.value ?? Version(0, 0, 0), tag, commit)
    }

    /// The tags that name versions (`only`: those of these tags, for a package that only tags
    /// pin: while no manifest read asks for it otherwise, no other can be chosen, and the
    /// solver need not read their manifests; `solving` sees to it when one does), with their
    /// commits' manifests read at once when there are several.
    private func tagged(_ package: String, tags: [(tag: String, commit: String)], only: Set<String>? = nil) throws(GitCache.Failure) -> [(version: Version, tag: String?, commit: String)] {
        let versions = tags.compactMap { t in GitCLI.version(ofTag: t.tag).map { (version: $0, tag: Optional(t.tag), commit: t.commit) } }
            .filter { only?.contains($0.tag!) ?? true }
        try preloadManifests(package, commits: versions.map(\.commit))
        return versions
    }

    /// The manifests of every tagged commit, read at once (the solver may look at several
    /// versions of a package): one process instead of one per version.
    private func preloadManifests(_ package: String, commits: [String]) throws(GitCache.Failure) {
        let missing = commits.filter { c in state.withLock { $0.manifests[package + "@" + c] == nil } }
        guard missing.count > 1 else { return }
        let found = try cache.files(package, commits: missing, path: ecosystem.manifestFileNames[0])
        state.withLock { s in for (commit, bytes) in found { s.manifests[package + "@" + commit] = bytes } }
    }

    /// A commit's manifest, read from the mirror once (from its checkout, when there is one).
    private func manifestBytes(_ package: String, commit: String) throws(GitCache.Failure) -> [UInt8]? {
        let key = package + "@" + commit
        if let known = state.withLock({ $0.manifests[key] }) { return known }
        let name = ecosystem.manifestFileNames[0]
        let checkout = try cache.checkout(of: package, commit: commit)
        let bytes = LocalFileSystem().isDirectory(checkout) ? try? LocalFileSystem().readFile(Paths.join(checkout, name))
            : try cache.file(package, commit: commit, path: name)
        state.withLock { $0.manifests[key] = .some(bytes) }
        return bytes
    }

    /// Fetches ahead of the solver, several repositories at once: the root's git dependencies,
    /// and as soon as one is fetched, those of its newest version that fits, and so on down
    /// (no waiting for the rest of a round). The solver then finds most of what it asks for
    /// learned already; what it asks for beyond is fetched as it asks. Failures are kept for
    /// the solver to meet, where it can say who asked.
    public func prefetch() {
        guard !offline else { return }
        _ = try? cache.locked { () throws(GitCache.Failure) in
            Parallel.forEach(unfetched(throughPaths(rootRequirements())), width: GitCache.parallelism) { requirement, add in
                let versions: [(version: Version, tag: String?, commit: String)]
                do throws(ResolutionError) {
                    versions = try self.learn(requirement.package, holdingLock: true)
                } catch {
                    self.state.withLock { $0.failures[requirement.package] = error }
                    return
                }
                self.state.withLock { $0.tags[requirement.package] = versions }
                guard let newest = versions.filter({ requirement.versions.contains($0.version) && !$0.version.isPrerelease })
                        .max(by: { $0.version < $1.version }) else { return }
                // A package pinned to one commit gets that commit checked out where the
                // compiler reads it: done now, its manifest is read there, with no git process.
                if self.pinnedToOne(requirement.package) { _ = try? self.cache.materializeLocked(requirement.package, commit: newest.commit) }
                guard let bytes = try? self.manifestBytes(requirement.package, commit: newest.commit) else { return }
                let manifest = self.ecosystem.readManifest(SourceText(path: self.ecosystem.manifestFileNames[0], bytes: bytes))
                add(self.unfetched(self.requirements(of: manifest)))
            }
        }
    }

    /// `solve` (a solver over this provider), run again for as long as a version list it was
    /// given turns out to be short or wrong: a package that only tag pins had asked for was
    /// given only those tags' versions, a pinned one only its pinned commit, and a manifest read
    /// since (by the solver, or by the prefetch after the package was learned) may ask for a
    /// range of it, another tag or another pin (`Asked.outgrown`). A solver keeps the versions it
    /// is given for the whole solve, so the package's versions are learned again from what is
    /// asked now and the solve starts over: without it, which solution (or failure) came out
    /// would hang on the order the prefetch happened to read manifests in. A failure that
    /// names a pinned package says what pins it.
    public func solving<T>(_ solve: () throws(ResolutionError) -> T) throws(ResolutionError) -> T {
        while true {
            let result: Result<T, ResolutionError>
            do { result = .success(try solve()) } catch { result = .failure(error) }
            let outgrown = state.withLock { $0.learnedWith }.filter { $0.value.outgrown(by: asked($0.key)) }.map(\.key)
            if outgrown.isEmpty {
                // Explained in versions alone, a pin would read as if the other versions were not there.
                if case .failure(.noSolution(let text, let involving, let facts)) = result, case let notes = pinNotes(mentionedIn: text), !notes.isEmpty {
                    throw .noSolution(([text] + notes).joined(separator: "\n"), involving: involving, because: facts)
                }
                return try result.get()
            }
            // Each time, at least one list is learned in full or with more tags: this ends.
            state.withLock { s in
                for package in outgrown {
                    s.tags[package] = nil
                    s.learnedWith[package] = nil
                }
            }
        }
    }

    /// For each pinned package an explanation names, a sentence that says which commit the pins
    /// leave and who pins it.
    private func pinNotes(mentionedIn text: String) -> [String] {
        state.withLock { s in
            s.pins.filter { !$0.value.isEmpty && Self.mentions(text, $0.key) && !Self.mentions(text, $0.key + " is pinned to") }.sorted { $0.key < $1.key }.map { package, pins in
                let each = pins.sorted().map { pin in "\(pin) by \((s.pinners[Self.pinKey(package, pin)] ?? []).sorted().map(\.description).joined(separator: " and "))" }
                let version = s.tags[package]?.first.map { ", whose commit is version \($0.version)" } ?? ""
                return "\(package) is pinned to \(each.joined(separator: " and "))\(version): no other version of it can be chosen."
            }
        }
    }

    /// Whether `text` names the package `name` (not one whose name it begins).
    static func mentions(_ text: String, _ name: String) -> Bool {
        let bytes = Array(text.utf8), needle = Array(name.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            let end = start + needle.count
            if end == bytes.count || !(ASCII.isDigit(bytes[end]) || ASCII.isLetter(bytes[end]) || "-_./".utf8.contains(bytes[end])) { return true }
        }
        return false
    }

    /// What pins a git package to one commit, as messages name it (`tag 'v1.1.0'`); nil when
    /// nothing does, or a dependency asks for a range of it.
    public func pin(of package: String) -> String? {
        state.withLock { s in
            if let pins = s.pins[package], !pins.isEmpty { return pins.sorted().map(\.description).joined(separator: " and ") }
            guard !s.ranged.contains(package), let tags = s.pinnedTags[package], !tags.isEmpty else { return nil }
            return tags.sorted().map { "tag '\($0)'" }.joined(separator: " and ")
        }
    }

    /// Whether only one commit of a package can be chosen: it is pinned (a tag, branch or
    /// commit) and no dependency asks for a range of it.
    private func pinnedToOne(_ package: String) -> Bool {
        state.withLock { s in
            let pins = s.pins[package] ?? []
            return pins.count == 1 && (s.pinnedTags[package] ?? []).isEmpty || pins.isEmpty && !s.ranged.contains(package) && s.pinnedTags[package]?.count == 1
        }
    }

    /// `requirements` with, for each package in a directory here (a member, a path
    /// dependency), that package's own requirements, and so on down: what the prefetch starts from.
    private func throughPaths(_ start: [PackageRequirement]) -> [PackageRequirement] {
        var out: [PackageRequirement] = []
        var pending = start
        var seen: Set<String> = []
        while !pending.isEmpty {
            let requirement = pending.removeFirst()
            out.append(requirement)
            guard seen.insert(requirement.package).inserted, let manifest = try? pathManifest(requirement.package) else { continue }
            pending += requirements(of: manifest)
        }
        return out
    }

    /// Of `requirements`, those on git packages the prefetch has not taken up yet (and now has).
    private func unfetched(_ requirements: [PackageRequirement]) -> [PackageRequirement] {
        requirements.filter { r in directory(of: r.package) == nil && prefetched.withLock { $0.insert(r.package).inserted } }
    }

    public func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement] {
        if package == rootName { return rootRequirements() }
        if let manifest = try pathManifest(package) { return requirements(of: manifest) }
        if isFromRegistry(package) { return requirements(of: try registryManifest(package, version: version)) }
        _ = try versions(of: package)
        guard let commit = commit(of: package, version: version)?.commit else { return [] }
        let name = ecosystem.manifestFileNames[0]
        let bytes: [UInt8]?
        do { bytes = try manifestBytes(package, commit: commit) } catch { throw .unavailable(package: package, reason: "\(error)") }
        guard let bytes else {
            throw .unavailable(package: package, reason: "version \(version) (commit \(commit.prefix(12))) has no \(name)")
        }
        let manifest = ecosystem.readManifest(SourceText(path: name, bytes: bytes))
        // A repository's manifest names it by an import path or by a last part, as the
        // dependency does: the last parts must agree (a fork keeps its upstream's import path).
        if let own = manifest.package?.name?.value, Paths.lastComponent(own) != Paths.lastComponent(package) {
            // A repository on this machine is named by the dependency's key, which can change;
            // an import path cannot.
            let help = package.contains("/") ? ["check the address: \(url(of: package)) holds the package '\(own)'"]
                : ["name the dependency '\(Paths.lastComponent(own))', as its \(name) does"]
            throw .unavailable(package: package, reason: "version \(version) (commit \(commit.prefix(12))) is the package '\(own)', by its \(name)", help: help)
        }
        return requirements(of: manifest)
    }

    /// What the root asks for: its own dependencies, and each other member of the workspace
    /// at its version, as a package of its own whose dependencies are its manifest's (as Cargo
    /// solves a workspace). Two members that ask for different versions of one package are
    /// then a conflict between those two, which the solver's explanation can name.
    private func rootRequirements() -> [PackageRequirement] {
        let own = requirements(of: root)
        let named = Set(own.map(\.package))
        return own + members.compactMap { member -> PackageRequirement? in
            let name = member.displayName
            // A member the root also depends on by path is that requirement already.
            guard name != rootName, !named.contains(name) else { return nil }
            state.withLock { $0.directories[name] = member.directory }
            return PackageRequirement(name, .exactly(member.package?.version?.value ?? Version(0, 0, 0)))
        }
    }

    /// The workspace's members besides the root, by name: packages of one version each, as
    /// the root is.
    public var memberNames: Set<String> { Set(members.map(\.displayName)).subtracting([rootName]) }

    /// Whether a package is one of the workspace's members (besides the root).
    public func isMember(_ package: String) -> Bool {
        members.contains { $0.displayName == package }
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
            if case .registry = dep.source {
                // Without a registry, a dependency by name is found in the cache by hand: it is
                // not solved, and `ampu update` says so.
                guard registry != nil else {
                    skippedByName.withLock { $0[manifest.path + "\u{0}" + dep.name.value] = (manifest.path, dep) }
                    return nil
                }
                state.withLock { _ = $0.fromRegistry.insert(dep.name.value) }
                return PackageRequirement(dep.name.value, dep.requirement?.value.versionSet ?? .any)
            }
            guard case .git(let url, let reference) = dep.source else { return nil }
            let location = Self.location(of: dep, url: url.value)
            // One repository spelt two ways (`github.com/u/x`, `https://github.com/u/x`) is one
            // package fetched from one URL, the same whatever order manifests are read in: the
            // workspace's own spelling, else the first in byte order.
            let fetched = Self.fetchURL(of: url.value)
            let own = manifest.path == root.path || members.contains { $0.path == manifest.path }
            state.withLock { s in
                let known = s.urls[location], ownKnown = s.ownURLs.contains(location)
                if known == nil || own && !ownKnown || own == ownKnown && Array(fetched.utf8).lexicographicallyPrecedes(Array(known!.utf8)) {
                    s.urls[location] = fetched
                }
                if own { s.ownURLs.insert(location) }
            }
            let pin: Pin? = switch reference?.value {
            case .tag(let tag)? where GitCLI.version(ofTag: tag) == nil: Pin(ref: tag, kind: .tag)
            case .branch(let ref)?: Pin(ref: ref, kind: .branch)
            case .rev(let ref)?: Pin(ref: ref, kind: .commit)
            default: nil
            }
            // Who asks, for a message about pins that disagree.
            let depender = Depender(name: manifest.package == nil ? rootName : manifest.displayName, version: manifest.package?.version?.value)
            state.withLock { s in
                switch reference?.value {
                case .tag(let tag)? where pin == nil:
                    s.pinnedTags[location, default: []].insert(tag)
                    s.pinners[Self.pinKey(location, Pin(ref: tag, kind: .tag)), default: []].insert(depender)
                case nil:
                    s.ranged.insert(location)
                default:
                    s.pins[location, default: []].insert(pin!)
                    s.pinners[Self.pinKey(location, pin!), default: []].insert(depender)
                }
            }
            return PackageRequirement(location, Self.versions(of: dep))
        }
    }

    /// The versions a git dependency allows: the one its tag names, else its requirement's.
    static func versions(of dependency: DependencySpec) -> VersionSet {
        if case .git(_, let reference?) = dependency.source, case .tag(let tag) = reference.value, let pinned = GitCLI.version(ofTag: tag) {
            return .exactly(pinned)
        }
        return dependency.requirement?.value.versionSet ?? .any
    }

    /// Where a fact of a failed solve is written, when the depender's manifest is on disk (a
    /// path or registry package, or a git version checked out in the cache): the requirement's
    /// place in the newest such version, for an editor to show beside the error.
    public func place(of fact: DependencyFact) -> Diagnostic.Related? {
        var candidates: [(version: Version, directory: String)] = []
        if let directory = directory(of: fact.depender) {
            candidates = [(Version(0, 0, 0), directory)]
        } else if let registry, isFromRegistry(fact.depender) {
            candidates = ((try? registryVersions(fact.depender, registry: registry)) ?? [])
                .map { ($0, Paths.join(registry, "\(fact.depender)/\($0)")) }
        } else {
            candidates = (state.withLock { $0.tags[fact.depender] } ?? []).compactMap { v in
                (try? cache.checkout(of: fact.depender, commit: v.commit)).map { (v.version, $0) }
            }
        }
        for (version, directory) in candidates.sorted(by: { $0.version > $1.version })
        where directory == self.directory(of: fact.depender) || fact.versions.contains(version) {
            let path = Paths.join(directory, ecosystem.manifestFileNames[0])
            guard let text = try? fileSystem.readText(path) else { continue }
            let manifest = ecosystem.readManifest(text)
            guard let dep = manifest.dependencies.first(where: { Self.package(named: $0.name.value, in: manifest) == fact.dependency }) else { continue }
            let at = (manifest.package?.version?.value).map { " \($0)" } ?? ""
            return Diagnostic.Related(file: path, range: dep.requirement?.range ?? dep.range,
                                      message: "\(fact.depender)\(at) requires \(fact.dependency) \(fact.requirement)")
        }
        return nil
    }

    /// The package a user names (`-p json`): a dependency's key in the manifest stands for the
    /// package it is (a git dependency's location); anything else is taken as it is.
    public static func package(named name: String, in manifest: PackageManifest) -> String {
        manifest.dependencies.first { $0.name.value == name }.map(package(of:)) ?? name
    }

    /// The package a dependency is: a git dependency's location, else its key.
    public static func package(of dependency: DependencySpec) -> String {
        if case .git(let url, _) = dependency.source { return location(of: dependency, url: url.value) }
        return dependency.name.value
    }

    /// The URL a git dependency's `git` value is fetched from (and its lock entry's source
    /// names): a URL as written, an import path as its `https://` repository.
    public static func fetchURL(of value: String) -> String {
        value.contains("://") ? value : GitCLI.url(forLocation: value)
    }

    /// The package a git dependency is: its location, or (for a repository on this machine,
    /// `file://…` or a path, which has no import path) the dependency's name.
    public static func location(of dependency: DependencySpec, url: String) -> String {
        if url.hasPrefix("file://") || GitCLI.isPath(url) { return dependency.name.value }
        return GitCLI.location(ofURL: url)
    }
}
