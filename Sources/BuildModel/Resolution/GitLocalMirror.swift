#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mirror of a repository on this machine, made without starting git: what
/// `git clone --mirror` does for a local path, done directly. git's objects never change once
/// written, so the mirror's `objects/` are hard links to the repository's own files (as git's
/// local clone makes them); its branches and tags are the repository's, in a `packed-refs`
/// file; its `HEAD` is the repository's. A clone starts three processes (git, a shell, and
/// git-upload-pack for the refs), and a cold `ampu update` of twenty local dependencies spent
/// most of its time there.
///
/// Anything this does not know to copy exactly is left to `git clone`: a repository whose
/// objects live partly elsewhere (`objects/info/alternates`), a shallow one, a linked worktree
/// or submodule (`.git` a file), one with `[extensions]` (SHA-256 objects, the reftable
/// store), refs that are not plain object ids, or files that cannot be linked (another file
/// system).
extension GitCache {
    /// Makes `temporary` a mirror of the repository at `directory` (its working tree or a bare
    /// repository); false, with `temporary` left for the caller to remove, when it cannot.
    func linkMirror(of directory: String, into temporary: String) -> Bool {
        guard let (source, head, refs) = plainRepository(directory) else { return false }
        do throws(FileSystemError) {
            try fileSystem.createDirectory(temporary)
            guard linkTree(Paths.join(source, "objects"), Paths.join(temporary, "objects")) else { return false }
            for directory in ["refs", "refs/heads", "refs/tags"] { try fileSystem.createDirectory(Paths.join(temporary, directory)) }
            // No header: git peels an annotated tag itself when it needs the commit.
            let packed = refs.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }.map { "\($0.value) \($0.key)\n" }.joined()
            try fileSystem.writeFile(Paths.join(temporary, "packed-refs"), Array(packed.utf8))
            try fileSystem.writeFile(Paths.join(temporary, "HEAD"), head)
            try fileSystem.writeFile(Paths.join(temporary, "config"), Array("[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n".utf8))
        } catch {
            return false
        }
        return true
    }

    /// The branches and tags of the repository at `directory`, read from its files as
    /// `git ls-remote --refs --heads --tags` gives them; nil for one `linkMirror` leaves to git.
    func repositoryRefs(_ directory: String) -> [String: String]? {
        plainRepository(directory)?.refs
    }

    /// The git directory of the repository at `directory`, its `HEAD` and its branches and
    /// tags, for a repository whose files say all there is to copy; nil for any other.
    private func plainRepository(_ directory: String) -> (gitDirectory: String, head: [UInt8], refs: [String: String])? {
        let dotGit = Paths.join(directory, ".git")
        let source = fileSystem.isDirectory(dotGit) ? dotGit : directory
        guard fileSystem.isDirectory(Paths.join(source, "objects")), fileSystem.isDirectory(Paths.join(source, "refs")),
              let head = try? fileSystem.readFile(Paths.join(source, "HEAD")), Self.isPlainHead(head),
              let config = try? fileSystem.readFile(Paths.join(source, "config")),
              !String(decoding: config, as: UTF8.self).lowercased().contains("[extensions"),
              fileSystem.status(Paths.join(source, "shallow")) == nil, fileSystem.status(Paths.join(source, "commondir")) == nil,
              fileSystem.status(Paths.join(source, "objects/info/alternates")) == nil,
              // A `.lock` beside a ref is git writing it now: git is asked instead.
              let refs = storedRefs(source), !refs.keys.contains(where: { $0.hasSuffix(".lock") }) else { return nil }
        return (source, head, refs)
    }

    /// `ref: refs/heads/NAME` or a commit id, on one line: a `HEAD` git reads as it is.
    static func isPlainHead(_ bytes: [UInt8]) -> Bool {
        guard bytes.last == 0x0A else { return false }
        let text = String(decoding: bytes.dropLast(), as: UTF8.self)
        if text.hasPrefix("ref: refs/") { return !text.dropFirst(5).contains(where: \.isWhitespace) }
        return (try? checkedCommit(text)) != nil
    }

    /// Hard links to every file under `from`, in the same places under `to` (made here).
    private func linkTree(_ from: String, _ to: String) -> Bool {
        guard (try? fileSystem.createDirectory(to)) != nil, let entries = try? fileSystem.directoryEntries(from) else { return false }
        for entry in entries {
            let source = Paths.join(from, entry.name), destination = Paths.join(to, entry.name)
            switch entry.kind {
            case .directory:
                guard linkTree(source, destination) else { return false }
            case .file:
                guard link(source, destination) == 0 else { return false }
            default:
                return false
            }
        }
        return true
    }
}
