/// Whether a package is a member of the workspace whose directory holds it, and the edits that
/// make it one: its directory, relative to the root, at the end of the root manifest's
/// `members`, the rest of the file kept as it is. A package made inside a workspace (`ampu new`,
/// `ampu init`) joins it so, as Cargo adds a new package to `[workspace] members`; `check` and
/// the server offer the same edit for one that is not a member (M024).
public enum WorkspaceMembership {
    public enum Outcome: Sendable {
        /// No manifest above the package has a `[workspace]`.
        case noWorkspace
        /// The workspace names it already (`members`, a pattern that matches it, or the root itself).
        case member(root: String)
        /// The workspace's `exclude` names it: left out, as the user asked.
        case excluded(root: String)
        /// Not one of its members: the root manifest, the member as it would be written, and
        /// the edits of the root manifest that add it (nil when the manifest cannot take them:
        /// it has errors, or its format has no member list).
        case outside(root: PackageManifest, member: String, edits: [TextEdit]?)
    }

    /// What making a package in `directory` means for the workspace above it.
    public static func join(_ directory: String, ecosystem: any Ecosystem, fileSystem: any FileSystem, manifests: ManifestCache = ManifestCache()) -> Outcome {
        let locator = WorkspaceLocator(ecosystem: ecosystem, fileSystem: fileSystem, manifests: manifests)
        guard let root = locator.enclosingWorkspace(of: directory) else { return .noWorkspace }
        return join(directory, root: root, locator: locator, ecosystem: ecosystem)
    }

    private static func join(_ directory: String, root: PackageManifest, locator: WorkspaceLocator, ecosystem: any Ecosystem) -> Outcome {
        let member = Paths.relative(directory, from: root.directory)
        if locator.memberDirectories(of: root).directories.contains(directory) { return .member(root: root.path) }
        if (root.workspace?.exclude ?? []).contains(where: { Paths.isWithin(directory, Paths.join(root.directory, $0.value)) }) {
            return .excluded(root: root.path)
        }
        let edits = ecosystem.manifestSyntax.document(root.source).appending(string: member, toArrayAt: ["workspace", "members"])
        return .outside(root: root, member: member, edits: edits.map { $0.map { TextEdit(file: root.path, range: $0.range, newText: $0.newText) } })
    }
}
