#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Fetched git packages, laid out as today's Asthra compiler reads them: a checkout of each
/// commit at `<root>/<import path>/<commit>/`, from a bare mirror of the repository kept at
/// `<root>/.mirrors/<import path>.git`. Every entry is made in a temporary directory beside it
/// and renamed into place, so an interrupted fetch never leaves half an entry that is later
/// taken as good.
public struct GitCache: Sendable {
    public let root: String
    public let git: GitCLI
    let fileSystem: LocalFileSystem
    /// The user's `insteadOf` rules, once read (`localDirectory`).
    private let rewrites = RewriteMemo()

    public init(root: String, git: GitCLI) {
        self.root = root
        self.git = git
        self.fileSystem = LocalFileSystem()
    }

    /// What git runs in the cache with: no hooks. A mirror is made without the user's template
    /// (`init.templateDir`, `GIT_TEMPLATE_DIR`), which may hold hooks; and one an older ampu made
    /// with it has its hooks ignored, so that no `post-checkout` of the user's runs on each
    /// checkout of a dependency.
    static let noHooks = ["-c", "core.hooksPath=/dev/null"]

    /// How many git commands a fetch or checkout of many packages runs at once: more than
    /// the cores, as a git command spends much of its time waiting on the processes it starts.
    static let parallelism = 8

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case git(GitCLI.Failure)
        case unsafeLocation(String)
        case unsafeCommit(String)
        case escapingLink(package: String, link: String)
        case fileSystem(String)
        /// A repository on this machine (a `file://` URL or a path) whose directory is not there:
        /// said before git is asked to clone or fetch it. `sentFrom`: the URL as written, when git's `insteadOf`
        /// rules made it this one; `meant`: the URL of the repository spelt closest, written as
        /// the URL was (only when no rule rewrote it).
        case noRepository(directory: String, sentFrom: String?, meant: String?)
        /// A repository named by a relative path (`../json`), which git would read from the
        /// directory ampu runs in, whatever manifest wrote it: refused before git is asked.
        case relativePath(String)

        public var description: String {
            switch self {
            case .git(let f): "\(f)"
            case .noRepository(let directory, let sentFrom?, _): "there is no directory '\(directory)', where git's `insteadOf` rules send \(sentFrom)"
            case .noRepository(let directory, nil, _): "there is no directory '\(directory)'"
            case .relativePath(let path): "'\(path)' is a relative path, which git would read from the directory ampu runs in, not from the manifest's"
            case .unsafeLocation(let l): "'\(l)' cannot be a cache path: use an import path such as 'github.com/user/repo'"
            case .unsafeCommit(let c): "'\(c)' is not a commit id (40 or 64 hexadecimal digits); run `ampu update` to write the lock file again"
            case .escapingLink(let package, let link): "package '\(package)' has a symbolic link '\(link)' that points outside it; ampu refuses it"
            case .fileSystem(let m): m
            }
        }
    }

    /// The location's segments, each a plain name: no `..`, no absolute part from user text.
    static func checkedLocation(_ location: String) throws(Failure) -> String {
        let segments = location.split(separator: "/", omittingEmptySubsequences: false)
        guard !location.isEmpty, !location.hasPrefix("/"),
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix("-") }) else {
            throw .unsafeLocation(location)
        }
        return location
    }

    public func mirror(of location: String) throws(Failure) -> String {
        Paths.join(root, ".mirrors/\(try Self.checkedLocation(location)).git")
    }

    public func checkout(of location: String, commit: String) throws(Failure) -> String {
        Paths.join(root, "\(try Self.checkedLocation(location))/\(try Self.checkedCommit(commit))")
    }

    /// A commit id as a path component: 40 (SHA-1) or 64 (SHA-256) hex digits, nothing else
    /// (a lock file is user text).
    static func checkedCommit(_ commit: String) throws(Failure) -> String {
        guard commit.utf8.count == 40 || commit.utf8.count == 64, commit.utf8.allSatisfy({ ASCII.hexValue($0) != nil }) else {
            throw .unsafeCommit(commit)
        }
        return commit
    }

    /// Runs `body` holding the cache's lock (`<root>/.lock`, `flock`): two ampu processes
    /// fetching into one cache take turns instead of writing the same mirror at once.
    func locked<T>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        try makeDirectory(root)
        let fd = open(Paths.join(root, ".lock"), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .fileSystem("cannot open the cache's lock '\(Paths.join(root, ".lock"))'") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// The bare mirror of `url`, cloned the first time and fetched again after.
    @discardableResult
    public func update(_ location: String, url: String) throws(Failure) -> String {
        try locked { () throws(Failure) -> String in try updateLocked(location, url: url) }
    }

    /// `update` for a caller that holds the cache's lock already (`locked`).
    @discardableResult
    func updateLocked(_ location: String, url: String) throws(Failure) -> String {
        let mirror = try mirror(of: location)
        let exists = fileSystem.isDirectory(mirror)
        if !exists { try makeDirectory(Paths.parent(mirror)) }
        let temporary = mirror + ".partial-\(UInt32.random(in: 0...UInt32.max))"
        let note = Paths.join(mirror, Self.tagNote)
        let setAside = note + ".fetching"
        if GitCLI.isRelativePath(url) { throw .relativePath(url) }
        if let missing = missingRepository(url) { throw missing }
        do throws(GitCLI.Failure) {
            try GitCLI.check(url: url)
            let local = localDirectory(of: url)
            // The repository's branches and tags are the mirror's already: asking for them costs
            // half a fetch that would change nothing, and the notes stand (unless a fetch was cut
            // short: its note is set aside, and the fetch below makes it again).
            // A repository on this machine says its refs in its files (GitLocalMirror).
            if exists, fetchedFrom(location) == url, fileSystem.status(note) != nil, let stored = storedRefs(mirror),
               (local.flatMap(repositoryRefs) ?? (try? git.refs(of: local ?? url))) == stored {
                return mirror
            }
            if exists {
                // The note is set aside while git fetches: a fetch cut short leaves no note
                // that may be out of date. git names on standard error each ref it changes,
                // and says nothing when none changed: then the note stands as it was.
                let noted = (try? fileSystem.moveItem(note, setAside)) != nil
                // Tags by a refspec of their own, not `--tags`: `--prune` then also removes the
                // tags the repository no longer has (a tag fetched by `--tags` is never pruned).
                let fetched = try git.outputs(Self.noHooks + ["--git-dir", mirror, "fetch", "--prune", "--force", "--no-auto-maintenance", "--no-write-fetch-head",
                                               "--", url, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"])
                if noted && fetched.stderr.isEmpty, (try? fileSystem.moveItem(setAside, note)) != nil {
                    noteSource(mirror, url: url)
                    return mirror
                }
                try? fileSystem.removeItem(setAside)
            } else if let local, linkMirror(of: local, into: temporary) {
                // Made without git (GitLocalMirror).
            } else {
                try? fileSystem.removeItem(temporary)
                try git.run(Self.noHooks + ["clone", "--quiet", "--mirror", "--template=", "--", local ?? url, temporary])
            }
        } catch {
            try? fileSystem.removeItem(temporary)
            throw .git(error)
        }
        if !exists {
            noteSource(temporary, url: url)
            try rename(temporary, mirror)
        } else {
            noteSource(mirror, url: url)
        }
        try noteTags(mirror, freshClone: !exists)
        return mirror
    }

    static let sourceNote = "ampu-url"

    /// The URL a location's mirror was last fetched from, as `update` was given it; nil for a
    /// mirror an older ampu made. Two repositories on this machine with one name share a
    /// location: a mirror fetched from the other one is not this one's copy.
    public func fetchedFrom(_ location: String) -> String? {
        guard let mirror = try? mirror(of: location), let bytes = try? fileSystem.readFile(Paths.join(mirror, Self.sourceNote)),
              bytes.last == 0x0A else { return nil }
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }

    /// Notes where a mirror was fetched from, when the note says otherwise.
    private func noteSource(_ mirror: String, url: String) {
        let path = Paths.join(mirror, Self.sourceNote)
        let text = Array((url + "\n").utf8)
        if (try? fileSystem.readFile(path)) != text { try? fileSystem.writeRecord(path, text) }
    }

    /// The directory a `file://` URL names once the user's `insteadOf` rules rewrite it (nil for
    /// any other URL). A repository on this machine is cloned from its directory: git then
    /// copies (hard-links) its files in one process and asks one `git-upload-pack` for its
    /// refs, where the `file://` URL runs its whole transport (pack-objects, index-pack and a
    /// rev-list as well). The rules are read once for the cache's life.
    func localDirectory(of url: String) -> String? {
        guard let rules = rewriteRules(), let path = GitCLI.path(ofFileURL: GitCLI.rewrite(url, by: rules)), fileSystem.isDirectory(path) else { return nil }
        return path
    }

    /// The user's `insteadOf` rules, read once for the cache's life; nil when git cannot say.
    private func rewriteRules() -> [(prefix: String, base: String)]? {
        rewrites.rules.withLock { known in
            if known == nil { known = .some(git.urlRewrites()) }
            return known!
        }
    }

    /// A repository on this machine (a `file://` URL or an absolute path, once the `insteadOf`
    /// rules rewrite it) where nothing is, not even with `.git` added (git looks there too):
    /// git would only say so after it started. With the repository spelt closest to it
    /// (`PathSpelling`, as a path dependency's is found), when no rule rewrote the URL.
    func missingRepository(_ url: String) -> Failure? {
        let rewritten = rewriteRules().map { GitCLI.rewrite(url, by: $0) } ?? url
        guard let path = GitCLI.path(ofFileURL: rewritten) ?? (rewritten.hasPrefix("/") ? rewritten : nil),
              fileSystem.status(path) == nil, fileSystem.status(path + ".git") == nil else { return nil }
        guard rewritten == url else { return .noRepository(directory: path, sentFrom: url, meant: nil) }
        func respelt(_ path: String) -> String? {
            PathSpelling.closest(to: path, from: "/", fileSystem: fileSystem) { isRepository($0) }
        }
        // Written without `.git`, it may mean a bare repository's directory: then it is kept without.
        let meant = respelt(path) ?? (path.hasSuffix(".git") ? nil : respelt(path + ".git").map { $0.hasSuffix(".git") ? String($0.dropLast(4)) : $0 })
        return .noRepository(directory: path, sentFrom: nil, meant: meant.map { String(decoding: url.utf8.dropLast(path.utf8.count), as: UTF8.self) + $0 })
    }

    /// Whether a directory is a git repository: a work tree's (with `.git`) or a bare one's
    /// (with `HEAD`).
    func isRepository(_ directory: String) -> Bool {
        fileSystem.isDirectory(directory) && (fileSystem.status(Paths.join(directory, ".git")) != nil || fileSystem.isFile(Paths.join(directory, "HEAD")))
    }

    /// The tags of a location's mirror and the commits they name. Each fetch notes them in
    /// `<mirror>/ampu-tags`, so a run that needs no fetch reads the note instead of starting
    /// git; a mirror without a whole note (an older ampu's, a cut-short write) asks git.
    public func tags(_ location: String) throws(Failure) -> [(tag: String, commit: String)] {
        let mirror = try mirror(of: location)
        if let bytes = try? fileSystem.readFile(Paths.join(mirror, Self.tagNote)), let noted = Self.readTagNote(bytes) { return noted }
        return try noteTags(mirror)
    }

    static let tagNote = "ampu-tags"

    /// Notes a mirror's tags: asked of git, or, in a mirror just cloned, read from the refs
    /// the clone packed (no other process to start).
    @discardableResult
    private func noteTags(_ mirror: String, freshClone: Bool = false) throws(Failure) -> [(tag: String, commit: String)] {
        var tags: [(tag: String, commit: String)]
        if freshClone, let packed = packedTags(mirror) {
            tags = packed
        } else {
            do throws(GitCLI.Failure) { tags = try git.tags(ofMirror: mirror) } catch { throw .git(error) }
        }
        // One `TAG COMMIT` line each, then `end`: a note a crash cuts short is not taken.
        let text = tags.map { "\($0.tag) \($0.commit)\n" }.joined() + "end\n"
        try? fileSystem.writeRecord(Paths.join(mirror, Self.tagNote), Array(text.utf8))
        return tags
    }

    /// A mirror's branches and tags as its files hold them (`packed-refs`, and the loose refs
    /// that stand in its place), by ref, as `GitCLI.refs(of:)` gives a repository's; nil when
    /// one is not a plain object id (a symbolic ref, another ref store): a fetch then tells.
    func storedRefs(_ mirror: String) -> [String: String]? {
        var refs: [String: String] = [:]
        if let bytes = try? fileSystem.readFile(Paths.join(mirror, "packed-refs")) {
            guard let packed = Self.packedRefs(bytes) else { return nil }
            for p in packed.refs where p.ref.hasPrefix("refs/heads/") || p.ref.hasPrefix("refs/tags/") { refs[p.ref] = p.id }
        }
        func loose(_ ref: String) -> Bool {
            let path = Paths.join(mirror, ref)
            guard fileSystem.status(path) != nil else { return true }
            guard fileSystem.isDirectory(path) else {
                guard let bytes = try? fileSystem.readFile(path), bytes.last == 0x0A,
                      let id = try? Self.checkedCommit(String(decoding: bytes.dropLast(), as: UTF8.self)) else { return false }
                refs[ref] = id
                return true
            }
            guard let names = try? fileSystem.contentsOfDirectory(path) else { return false }
            return names.allSatisfy { loose(ref + "/" + $0) }
        }
        guard loose("refs/heads"), loose("refs/tags") else { return nil }
        return refs
    }

    /// A `packed-refs` file read: whether its header says every tag in it is peeled, and each
    /// ref with the object it names and the commit a `^` line peels it to; nil for a line that
    /// is neither.
    static func packedRefs(_ bytes: [UInt8]) -> (fullyPeeled: Bool, refs: [(ref: String, id: String, peeled: String?)])? {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[...]
        var fullyPeeled = false
        if let header = lines.first, header.hasPrefix("#") {
            fullyPeeled = header.hasPrefix("# pack-refs with:") && header.split(separator: " ").contains("fully-peeled")
            lines = lines.dropFirst()
        }
        var refs: [(ref: String, id: String, peeled: String?)] = []
        for line in lines {
            if line.hasPrefix("^") {
                guard !refs.isEmpty, let peeled = try? checkedCommit(String(line.dropFirst())) else { return nil }
                refs[refs.count - 1].peeled = peeled
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let id = try? checkedCommit(String(parts[0])) else { return nil }
            refs.append((String(parts[1]), id, nil))
        }
        return (fullyPeeled, refs)
    }

    /// The tags of a mirror as `git clone` left them, all in `packed-refs`: nil unless that
    /// file says every tag in it is peeled and no tag is a loose ref beside it (then git is asked).
    private func packedTags(_ mirror: String) -> [(tag: String, commit: String)]? {
        let loose = (try? fileSystem.contentsOfDirectory(Paths.join(mirror, "refs/tags"))) ?? []
        guard loose.isEmpty, let bytes = try? fileSystem.readFile(Paths.join(mirror, "packed-refs")) else { return nil }
        return Self.tags(inPackedRefs: bytes)
    }

    /// The tags a `packed-refs` file holds and the commits they name (`^` lines give the
    /// commit an annotated tag points to), by tag; nil for a file not fully peeled or not read.
    static func tags(inPackedRefs bytes: [UInt8]) -> [(tag: String, commit: String)]? {
        guard let packed = packedRefs(bytes), packed.fullyPeeled else { return nil }
        return packed.refs.filter { $0.ref.hasPrefix("refs/tags/") }
            .map { (String($0.ref.dropFirst("refs/tags/".count)), $0.peeled ?? $0.id) }
            .sorted { $0.tag < $1.tag }
    }

    static func readTagNote(_ bytes: [UInt8]) -> [(tag: String, commit: String)]? {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines.removeLast().isEmpty, lines.removeLast() == "end" else { return nil }
        var tags: [(tag: String, commit: String)] = []
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { return nil }
            tags.append((String(parts[0]), String(parts[1])))
        }
        return tags
    }

    /// The commit a tag, branch or commit names in the mirror.
    public func commit(_ location: String, ref: String) throws(Failure) -> String {
        let mirror = try mirror(of: location)
        do throws(GitCLI.Failure) {
            try GitCLI.check(ref: ref)
            return try git.run(["--git-dir", mirror, "rev-parse", "--verify", "--quiet", "\(ref)^{commit}"]).trimmingNewline
        } catch {
            throw .git(error)
        }
    }

    /// The branches of a location's mirror, by name.
    public func branches(_ location: String) throws(Failure) -> [String] {
        let mirror = try mirror(of: location)
        do throws(GitCLI.Failure) {
            return try git.run(["--git-dir", mirror, "for-each-ref", "--format=%(refname:strip=2)", "refs/heads"]).split(separator: "\n").map(String.init).sorted()
        } catch {
            throw .git(error)
        }
    }

    /// A file of a commit, read from the mirror without a checkout (a manifest, to learn a
    /// version's dependencies); nil when the commit has no such file.
    public func file(_ location: String, commit: String, path: String) throws(Failure) -> [UInt8]? {
        let mirror = try mirror(of: location)
        let memo = GitFileMemo(mirror: mirror)
        if let known = memo.read(commit: commit, file: path) { return known }
        let result: ProcessRunner.Result
        do {
            result = try ProcessRunner.run(["git", "--git-dir", mirror, "show", "\(commit):\(path)"],
                                           environment: git.environment, timeout: git.timeout)
        } catch {
            throw .fileSystem("\(error)")
        }
        guard result.succeeded else { return nil }
        memo.write(commit: commit, file: path, result.stdout)
        return result.stdout
    }

    /// One file of each of several commits, in one `git cat-file --batch`; by commit, nil
    /// where a commit has no such file.
    public func files(_ location: String, commits wanted: [String], path: String) throws(Failure) -> [String: [UInt8]?] {
        for c in wanted { _ = try Self.checkedCommit(c) }
        let mirror = try mirror(of: location)
        let memo = GitFileMemo(mirror: mirror)
        var out: [String: [UInt8]?] = [:]
        for c in wanted { if let known = memo.read(commit: c, file: path) { out[c] = .some(known) } }
        let commits = wanted.filter { out[$0] == nil }
        guard !commits.isEmpty else { return out }
        let result: ProcessRunner.Result
        do {
            result = try ProcessRunner.run(["git", "--git-dir", mirror, "cat-file", "--batch"],
                                           environment: git.environment, timeout: git.timeout,
                                           input: Array(commits.map { "\($0):\(path)\n" }.joined().utf8))
        } catch {
            throw .fileSystem("\(error)")
        }
        guard result.succeeded else { throw .fileSystem("`git cat-file` failed: \(result.stderrText)") }
        // Each answer: `<id> blob <size>\n<bytes>\n`, or `<name> missing\n`.
        let bytes = result.stdout
        var i = 0
        for commit in commits {
            guard let end = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: bytes[i..<end], as: UTF8.self).split(separator: " ")
            i = end + 1
            if header.count == 3, header[1] == "blob", let size = Int(header[2]), i + size <= bytes.count {
                let file = Array(bytes[i..<(i + size)])
                out[commit] = .some(file)
                memo.write(commit: commit, file: path, file)
                i += size + 1
            } else {
                out[commit] = .some(nil)
                if header.count == 3, let size = Int(header[2]) { i += size + 1 }  // a tree or another kind: not a file
            }
        }
        return out
    }

    /// The files of `commit` at `<root>/<location>/<commit>/`, checked out once; or, given
    /// another root (a vendor directory), there in the same layout.
    @discardableResult
    public func materialize(_ location: String, commit: String, into other: String? = nil) throws(Failure) -> String {
        try locked { () throws(Failure) -> String in try materializeLocked(location, commit: commit, into: other) }
    }

    /// `materialize` for a caller that holds the cache's lock already (`locked`).
    func materializeLocked(_ location: String, commit: String, into other: String? = nil) throws(Failure) -> String {
        let destination = Paths.join(other ?? root, "\(try Self.checkedLocation(location))/\(try Self.checkedCommit(commit))")
        if fileSystem.isDirectory(destination) { return destination }
        let mirror = try mirror(of: location)
        try makeDirectory(Paths.parent(destination))
        let temporary = destination + ".partial-\(UInt32.random(in: 0...UInt32.max))"
        // The commit's files written straight from the mirror into the new directory, with an
        // index of their own beside it: the mirror itself is not touched.
        try makeDirectory(temporary)
        let index = temporary + ".index"
        defer { try? fileSystem.removeItem(index) }
        do throws(GitCLI.Failure) {
            try GitCLI.check(ref: commit)
            try git.run(Self.noHooks + ["--git-dir", mirror, "--work-tree", temporary, "checkout", "--quiet", "--force", commit, "--", "."],
                        adding: ["GIT_INDEX_FILE": index])
        } catch {
            try? fileSystem.removeItem(temporary)
            throw .git(error)
        }
        try refuseEscapingLinks(in: temporary, package: location)
        try rename(temporary, destination)
        return destination
    }

    /// One checkout in the cache.
    public struct Entry: Hashable, Sendable {
        public var location: String
        public var commit: String
        public var directory: String
    }

    /// Every checkout in the cache (`<location>/<commit>/`), by location then commit.
    public func entries() -> [Entry] {
        var out: [Entry] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let dir = relative.isEmpty ? root : Paths.join(root, relative)
            for name in (try? fileSystem.contentsOfDirectory(dir)) ?? [] where !name.hasPrefix(".") && !name.contains(".partial-") {
                let path = relative.isEmpty ? name : relative + "/" + name
                guard fileSystem.isDirectory(Paths.join(root, path)) else { continue }
                if name.count == 40, name.utf8.allSatisfy({ ASCII.hexValue($0) != nil }), !relative.isEmpty {
                    out.append(Entry(location: relative, commit: name, directory: Paths.join(root, path)))
                } else if path.split(separator: "/").count < 6 {
                    pending.append(path)
                }
            }
        }
        return out.sorted { ($0.location, $0.commit) < ($1.location, $1.commit) }
    }

    // MARK: Files

    private func makeDirectory(_ path: String) throws(Failure) {
        do { try fileSystem.createDirectory(path) } catch { throw .fileSystem("\(error)") }
    }

    private func rename(_ from: String, _ to: String) throws(Failure) {
        do { try fileSystem.moveItem(from, to) } catch {
            // Another fetch put the same entry there first: keep theirs.
            if fileSystem.isDirectory(to) { try? removeTree(from); return }
            throw .fileSystem("\(error)")
        }
    }

    private func removeTree(_ path: String) throws(Failure) {
        do { try fileSystem.removeItem(path) } catch { throw .fileSystem("\(error)") }
    }

    /// Symbolic links in a fetched package may only point inside it. One to what the package
    /// does not have (a file its build makes) is judged by what it says: a relative path that
    /// stays inside (every link it passes through is judged too).
    private func refuseEscapingLinks(in directory: String, package: String) throws(Failure) {
        let top = (try? fileSystem.realPath(directory)) ?? directory
        var pending = [directory]
        while let dir = pending.popLast() {
            for name in (try? fileSystem.contentsOfDirectory(dir)) ?? [] {
                let path = Paths.join(dir, name)
                guard let status = fileSystem.linkStatus(path) else { continue }
                if status.kind == .symbolicLink {
                    let dangling = { () -> String? in
                        guard let said = self.fileSystem.linkDestination(path), !Paths.isAbsolute(said) else { return nil }
                        return Paths.join((try? self.fileSystem.realPath(dir)) ?? dir, said)
                    }
                    let resolved = (try? fileSystem.realPath(path)) ?? dangling()
                    if resolved.map({ $0 != top && !Paths.isWithin($0, top) }) ?? true {
                        try? removeTree(directory)
                        throw .escapingLink(package: package, link: Paths.relative(path, from: directory))
                    }
                } else if status.kind == .directory {
                    pending.append(path)
                }
            }
        }
    }
}

extension String {
    var trimmingNewline: String {
        var s = self
        while s.hasSuffix("\n") || s.hasSuffix("\r") { s.removeLast() }
        return s
    }
}

/// The `insteadOf` rules a cache read, shared by its copies.
private final class RewriteMemo: Sendable {
    /// nil until read; then the rules, or nil when git could not say.
    let rules = Mutex<[(prefix: String, base: String)]??>(nil)
}
