/// Renaming a module by its name where an import names it, as rust-analyzer renames a `mod`'s
/// file: the file the import leads to (or the directory whose files it brings in) gets the new
/// name beside it, and every import of it in the workspace and every manifest path to it is
/// spelt anew (`FileMoveEdits`). The name is the import's last path component (`format` in
/// `./util/format`, in `mathlib/format`, in Aria's `format.aria`), and only where it is the
/// file's or directory's own name: an import that names its module otherwise (Elm's
/// `Html.Attributes`, a package's `lib`) has nothing to rename here. Only a module of the
/// workspace's members: not the standard library's, nor a fetched package's. The imports of it
/// in the server's other workspaces follow too.
public enum ModuleRename {
    public struct Target: Hashable, Sendable {
        /// The name as the import writes it, where it writes it.
        public var name: Located<String>
        /// The file, or the directory of files, that gets the new name.
        public var path: String
        public var isDirectory: Bool
    }

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case invalidName(String, reason: String)
        case taken(String)

        public var description: String {
            switch self {
            case .invalidName(let name, let reason): "'\(name)' cannot be a module's name: \(reason)"
            case .taken(let path): "'\(path)' is there already"
            }
        }
    }

    /// The module named at `offset` of the member module `path` by one of its imports.
    public static func target(at offset: Int, in path: String, snapshot: WorkspaceSnapshot) -> Target? {
        func isMember(_ file: String) -> Bool { snapshot.modules[file]?.memberManifest != nil }
        guard let module = snapshot.modules[path], isMember(path),
              let resolved = module.imports.first(where: { $0.statement.pathRange.touches(offset) }),
              let leads = ImportRenames.target(of: resolved, from: Paths.parent(path)),
              !resolved.outcome.targets.isEmpty, resolved.outcome.targets.allSatisfy(isMember)
        else { return nil }
        let statement = resolved.statement
        let range = statement.pathRange
        // Only a path written as it reads (no escapes), so that its text gives its places.
        guard range.upperBound <= module.source.bytes.count,
              module.source.bytes[range.lowerBound..<range.upperBound].elementsEqual(statement.path.utf8) else { return nil }
        let written = statement.path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let isDirectory = !resolved.outcome.targets.contains(leads)
        let own = Paths.lastComponent(leads)
        let name = isDirectory || written == Paths.stem(own) ? written : written == own ? Paths.stem(own) : nil
        guard let name, !name.isEmpty, name != ".", name != ".." else { return nil }
        let start = range.upperBound - written.utf8.count
        return Target(name: Located(name, range: SourceRange(start, start + name.utf8.count)), path: leads, isDirectory: isDirectory)
    }

    /// The move that gives `target` the name `newName` (its extension kept), and the edits of
    /// the imports and manifest paths that follow it: in `snapshot`'s workspace, and in those of
    /// `others` (other workspaces whose members may import it, through a path dependency).
    public static func rename(_ target: Target, to newName: String, in snapshot: WorkspaceSnapshot, others: [WorkspaceSnapshot] = [], fileSystem: any FileSystem)
        throws(Problem) -> (move: (old: String, new: String), edits: [TextEdit]) {
        if newName.isEmpty { throw .invalidName(newName, reason: "it is empty") }
        if newName.contains("/") { throw .invalidName(newName, reason: "a name has no '/' (to move the module, move its file)") }
        if newName.hasPrefix(".") { throw .invalidName(newName, reason: "a name that begins with '.' is a hidden file's") }
        if newName.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            throw .invalidName(newName, reason: "it holds a quote, a backslash or a control character")
        }
        let ext = target.isDirectory ? "" : Paths.fileExtension(target.path)
        let new = Paths.join(Paths.parent(target.path), ext.isEmpty ? newName : newName + "." + ext)
        if new == target.path { return ((target.path, new), []) }
        if fileSystem.status(new) != nil { throw .taken(new) }
        let moves = [(old: target.path, new: new)]
        return ((target.path, new), FileMoveEdits.edits(moving: moves, in: [snapshot] + others))
    }
}
