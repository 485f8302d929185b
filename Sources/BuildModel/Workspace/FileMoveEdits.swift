/// What moving files or directories changes in the text of the workspaces: the imports of and
/// in what moves (`ImportRenames`) and the manifests' paths to it (`ManifestPathRenames`). What
/// the editor's file moves and a module's rename both apply.
public enum FileMoveEdits {
    /// `moves`: each old path (a file, or a directory and all under it) and its new path. An
    /// edit two workspaces both make (a file both hold) comes once.
    public static func edits(moving moves: [(old: String, new: String)], in snapshots: [WorkspaceSnapshot]) -> [TextEdit] {
        var seen = Set<TextEdit>()
        return snapshots.flatMap { ImportRenames.edits(moving: moves, in: $0) + ManifestPathRenames.edits(moving: moves, in: $0) }
            .filter { seen.insert($0).inserted }
    }
}
