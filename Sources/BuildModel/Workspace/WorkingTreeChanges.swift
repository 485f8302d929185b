/// What git has not committed under a directory: asked before `ampu fix` rewrites files, as
/// `cargo fix` asks, so that what it changes can be seen apart and undone.
public enum WorkingTreeChanges {
    /// A file with changes: staged (in the index, not committed), or not staged (changed in the
    /// work tree, or not known to git at all).
    public struct Change: Hashable, Sendable {
        /// Absolute.
        public var path: String
        public var staged: Bool
        public var unstaged: Bool
    }

    public enum State: Hashable, Sendable {
        /// The directory is in no git work tree.
        case noRepository
        /// The changed files under the directory (none: everything is committed).
        case changes([Change])
        /// git could not say: why.
        case failed(String)
    }

    public static func state(of directory: String, git: GitCLI) -> State {
        let top: String
        do {
            top = try git.run(["rev-parse", "--show-toplevel"], in: directory).trimmingNewline
        } catch {
            if case .failed(_, let message) = error, message.contains("not a git repository") { return .noRepository }
            return .failed("\(error)")
        }
        let listed: String
        do {
            // NUL-separated, paths from the work tree's top, as they are (no quoting); ignored
            // files are left out, files git does not know are listed one by one.
            listed = try git.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."], in: directory)
        } catch {
            return .failed("\(error)")
        }
        return .changes(changes(fromStatus: listed, top: top))
    }

    /// The entries of `git status --porcelain=v1 -z`: two status letters (the index's, the work
    /// tree's), a space and the path; a rename or copy is followed by the path it came from, which
    /// is no change of its own.
    static func changes(fromStatus text: String, top: String) -> [Change] {
        var out: [Change] = []
        var entries = text.split(separator: "\u{0}", omittingEmptySubsequences: true)[...]
        while let entry = entries.popFirst() {
            let letters = Array(entry.prefix(2))
            guard letters.count == 2, entry.count > 3 else { continue }
            let (index, tree) = (letters[0], letters[1])
            let path = String(entry.dropFirst(3))
            if index == "R" || index == "C" { _ = entries.popFirst() }
            let untracked = index == "?"
            out.append(Change(path: Paths.join(top, path), staged: !untracked && index != " ", unstaged: untracked || tree != " "))
        }
        return out
    }
}
