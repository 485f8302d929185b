/// A package made inside a workspace (`ampu new`, `ampu init`) joins it, as Cargo adds a new
/// package to `[workspace] members`: its directory, relative to the root, at the end of the
/// root manifest's `members`, the rest of the file kept as it is.
public enum WorkspaceMembership {
    public enum Outcome: Hashable, Sendable {
        /// No manifest above the package has a `[workspace]`.
        case noWorkspace
        /// The workspace names it already (`members`, a pattern that matches it, or the root itself).
        case member(root: String)
        /// The workspace's `exclude` names it: left out, as the user asked.
        case excluded(root: String)
        /// Added: the root manifest's new text, to be written, and the member as written.
        case added(root: String, text: [UInt8], member: String)
        /// The root manifest cannot take the edit (it has errors, or its format has no member list).
        case cannotEdit(root: String, member: String)
    }

    /// What making a package in `directory` means for the workspace above it.
    public static func join(_ directory: String, ecosystem: any Ecosystem, fileSystem: any FileSystem) -> Outcome {
        let locator = WorkspaceLocator(ecosystem: ecosystem, fileSystem: fileSystem)
        var dir = Paths.parent(directory)
        while true {
            if let path = locator.manifest(in: dir), let source = try? fileSystem.readText(path) {
                let root = ecosystem.readManifest(source)
                if root.workspace != nil { return join(directory, root: root, locator: locator, ecosystem: ecosystem) }
            }
            let up = Paths.parent(dir)
            if up == dir { return .noWorkspace }
            dir = up
        }
    }

    private static func join(_ directory: String, root: PackageManifest, locator: WorkspaceLocator, ecosystem: any Ecosystem) -> Outcome {
        let member = Paths.relative(directory, from: root.directory)
        if locator.memberDirectories(of: root).directories.contains(directory) { return .member(root: root.path) }
        if (root.workspace?.exclude ?? []).contains(where: { Paths.isWithin(directory, Paths.join(root.directory, $0.value)) }) {
            return .excluded(root: root.path)
        }
        let document = ecosystem.manifestSyntax.document(root.source)
        guard let edits = document.appending(string: member, toArrayAt: ["workspace", "members"]),
              let text = try? TextEdit.apply(edits, to: root.source.bytes) else {
            return .cannotEdit(root: root.path, member: member)
        }
        return .added(root: root.path, text: text, member: member)
    }
}
