/// A lock file (`asthra.lock`, `rask.lock`): every package the last resolution chose, in name
/// order, so that a build tomorrow uses the same ones. The keys the languages' compilers read
/// are there (Asthra's `name`, `git` = the import path, `commit`, `tag`; Rask's `name`,
/// `version`, `source`, `checksum`), and ampu's own beside them (`dependencies`). Its `format`
/// says how the file begins and how checksums are taken.
public struct LockFile: Hashable, Sendable {
    public struct Package: Hashable, Sendable {
        /// The package as imports name it (`github.com/user/json`).
        public var name: String
        public var version: Version
        /// Where it came from: `git+<url>`, `path+<directory>` or `registry+<directory>`.
        public var source: String
        public var commit: String?
        public var tag: String?
        /// `sha256:` of its files, as `LockFile.checksum(of:)` computes it.
        public var checksum: String?
        public var dependencies: [String]
        /// The keys ampu does not know that the file had for this package (the Rask compiler's
        /// `capabilities`), each with its value as written: ampu writes them back, so that a
        /// compiler that compares what it finds with what it recorded still can.
        public var carried: [CarriedKey] = []

        /// Where its files are: a git package's checkout in the cache at `cacheRoot`, a registry
        /// package's version directory; nil for a path package (its manifest says where).
        public func directory(cacheRoot: String?) -> String? {
            if source.hasPrefix("git+"), let commit, let cacheRoot {
                return Paths.join(cacheRoot, "\(name)/\(commit)")
            }
            if source.hasPrefix("registry+") {
                return Paths.join(String(source.dropFirst("registry+".count)), "\(name)/\(version)")
            }
            return nil
        }

        public init(name: String, version: Version, source: String, commit: String? = nil, tag: String? = nil,
                    checksum: String? = nil, dependencies: [String] = []) {
            self.name = name
            self.version = version
            self.source = source
            self.commit = commit
            self.tag = tag
            self.checksum = checksum
            self.dependencies = dependencies
        }
    }

    /// A key of a `[[package]]` that ampu passes through, and its value's text.
    public struct CarriedKey: Hashable, Sendable {
        public var key: String
        public var text: String

        public init(key: String, text: String) {
            self.key = key
            self.text = text
        }
    }

    /// The keys of a `[[package]]` that ampu itself reads and writes.
    static let ownKeys: Set<String> = ["name", "version", "source", "git", "tag", "commit", "checksum", "dependencies"]

    /// In name order, which `package(named:)` relies on.
    public private(set) var packages: [Package]
    public var format: LockFormat

    public init(packages: [Package], format: LockFormat) {
        self.packages = packages.sorted { $0.name < $1.name }
        self.format = format
    }

    /// The (first) package of that name, found by halving the name-ordered list: a lock of
    /// ten thousand packages is asked for each of them.
    public func package(named name: String) -> Package? {
        var low = 0, high = packages.count
        while low < high {
            let middle = (low + high) / 2
            if packages[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return low < packages.count && packages[low].name == name ? packages[low] : nil
    }

    /// What the lock records for a manifest's git or registry dependency: a git one under the
    /// package it is (its location), one from a registry under its name. (A path has the one
    /// version its manifest says: the lock adds nothing to know.)
    public func package(for dependency: DependencySpec) -> Package? {
        switch dependency.source {
        case .git: package(named: Self.name(of: dependency))
        case .registry: package(named: Self.name(of: dependency)).flatMap { $0.source.hasPrefix("registry+") ? $0 : nil }
        case .path: nil
        }
    }

    /// The name a lock records a dependency under: a git one's location (`github.com/user/json`;
    /// a repository on this machine, its dependency's name), any other its name.
    public static func name(of dependency: DependencySpec) -> String {
        guard case .git(let url, _) = dependency.source else { return dependency.name.value }
        return SourcePackageProvider.location(of: dependency, url: url.value)
    }

    /// The lock without the packages the manifests no longer lead to, directly or through what
    /// the lock says each package depends on: what a removed dependency leaves behind goes, as
    /// `cargo remove` prunes Cargo.lock. Nothing is resolved again, and nothing fetched.
    public func keeping(reachableFrom manifests: [PackageManifest]) -> LockFile {
        var reached = Set<String>()
        var pending = manifests.flatMap { $0.dependencies.map(Self.name(of:)) }
        while let name = pending.popLast() {
            guard reached.insert(name).inserted, let p = package(named: name) else { continue }
            pending += p.dependencies
        }
        var kept = self
        kept.packages = packages.filter { reached.contains($0.name) }
        return kept
    }

    /// The text, the same for the same packages: keys in a fixed order, packages by name.
    public var rendered: String {
        var out = format.preamble
        for p in packages {
            out += "\n[[package]]\n"
            out += "name = \(TOMLLiteral.renderString(p.name))\n"
            out += "version = \(TOMLLiteral.renderString("\(p.version)"))\n"
            out += "source = \(TOMLLiteral.renderString(p.source))\n"
            if p.source.hasPrefix("git+") { out += "git = \(TOMLLiteral.renderString(p.name))\n" }
            if let tag = p.tag { out += "tag = \(TOMLLiteral.renderString(tag))\n" }
            if let commit = p.commit { out += "commit = \(TOMLLiteral.renderString(commit))\n" }
            if let checksum = p.checksum { out += "checksum = \(TOMLLiteral.renderString(checksum))\n" }
            out += "dependencies = [" + p.dependencies.sorted().map(TOMLLiteral.renderString).joined(separator: ", ") + "]\n"
            for c in p.carried { out += "\(TOMLLiteral.renderKey(c.key)) = \(c.text)\n" }
        }
        return out
    }

    public enum ReadError: Error, Hashable, Sendable, CustomStringConvertible {
        case invalid(String)
        /// There is one, and the system would not give its bytes (a directory by its name, a
        /// file without read permission).
        case unreadable(FileSystemError)
        public var description: String {
            switch self {
            case .invalid(let m): "the lock file cannot be read: \(m); delete it and run `ampu update` to write it again"
            case .unreadable(let error): "the lock file cannot be read: \(error)"
            }
        }
    }

    /// The lock file of `format` in `directory`, read; nil when there is none. One that is
    /// there but cannot be read is an error, not taken for none: a build would write over it.
    public static func read(in directory: String, format: LockFormat, fileSystem: any FileSystem) throws(ReadError) -> LockFile? {
        let path = Paths.join(directory, format.fileName)
        let bytes: [UInt8]
        do { bytes = try fileSystem.readFile(path) } catch {
            if case .notFound = error { return nil }
            throw .unreadable(error)
        }
        return try parse(SourceText(path: path, bytes: bytes), format: format)
    }

    public static func parse(_ source: SourceText, format: LockFormat) throws(ReadError) -> LockFile {
        let document = TOMLDocument(parsing: source)
        if let first = document.diagnostics.first(where: { $0.severity == .error }) {
            throw .invalid("\(source.location(of: first.range.lowerBound)): \(first.message)")
        }
        guard case .arrayOfTables(let tables)? = document.root.entries["package"]?.value.kind else {
            return LockFile(packages: [], format: format)
        }
        var packages: [Package] = []
        for t in tables {
            guard let name = t.entries["name"]?.value.string, let versionText = t.entries["version"]?.value.string,
                  let version = Version(versionText), let origin = t.entries["source"]?.value.string else {
                throw .invalid("a [[package]] needs name, version and source")
            }
            var package = Package(
                name: name, version: version, source: origin, commit: t.entries["commit"]?.value.string,
                tag: t.entries["tag"]?.value.string, checksum: t.entries["checksum"]?.value.string,
                dependencies: t.entries["dependencies"]?.value.array?.compactMap(\.string) ?? [])
            for (key, entry) in t.entries where !ownKeys.contains(key) {
                // A value written in one piece (not a table made of several lines of keys).
                switch entry.value.kind {
                case .table, .arrayOfTables: continue
                default: package.carried.append(CarriedKey(key: key, text: source.text(entry.value.range)))
                }
            }
            packages.append(package)
        }
        return LockFile(packages: packages, format: format)
    }

    /// `sha256:` over a directory's files: each file's digest and relative path, in byte order
    /// of the paths, links as their targets' text. The same files give the same sum anywhere.
    public static func checksum(of directory: String, fileSystem: any FileSystem) throws(FileSystemError) -> String {
        var entries: [(String, String)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let dir = relative.isEmpty ? directory : Paths.join(directory, relative)
            for (name, kind) in try fileSystem.directoryEntries(dir) {
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind {
                case .directory: pending.append(path)
                case .file: entries.append((path, SHA256.hex(try fileSystem.readFile(Paths.join(directory, path)))))
                default: entries.append((path, "link"))
                }
            }
        }
        var h = SHA256()
        for (path, digest) in entries.sorted(by: { Paths.precedes($0.0, $1.0) }) {
            h.update(Array("\(digest)  \(path)\n".utf8))
        }
        return "sha256:" + SHA256.hex(digest: h.finish())
    }
}
