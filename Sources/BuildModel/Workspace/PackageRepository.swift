/// The git repository of a new package, as `cargo new` makes one: `git init` in the package's
/// directory, unless that directory is inside a git work tree already (a workspace's repository).
public enum PackageRepository {
    public enum Outcome: Hashable, Sendable {
        /// A repository was made in the directory.
        case made
        /// The directory is inside the work tree of this repository: nothing was made.
        case inside(String)
        /// git could not be run, or refused: why.
        case failed(String)
    }

    public static func make(in directory: String, git: GitCLI) -> Outcome {
        // `rev-parse` answers from inside any work tree above; outside one it fails.
        if let top = try? git.run(["rev-parse", "--show-toplevel"], in: directory) {
            return .inside(top.split(separator: "\n").first.map(String.init) ?? top)
        }
        do {
            try git.run(["init", "--quiet"], in: directory)
            return .made
        } catch {
            return .failed("\(error)")
        }
    }
}
