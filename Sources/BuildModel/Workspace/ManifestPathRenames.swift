/// The edits that keep a manifest's paths to source files right when files or directories are
/// moved: each target's entry (`entry`, `[[bin]] path`, Oats's `main`) and each source it lists
/// by name (Aria's `sources`) that leads to a moved file is written anew, relative to its
/// manifest as before (a leading `./` kept). A pattern (`src/*.aria`) is left as it is: what it
/// matches is for it to say. What `ImportRenames` is to imports.
public enum ManifestPathRenames {
    /// `moves`: each old path (a file, or a directory and all under it) and its new path.
    public static func edits(moving moves: [(old: String, new: String)], in snapshot: WorkspaceSnapshot) -> [TextEdit] {
        let syntax = snapshot.ecosystem.manifestSyntax
        var edits: [TextEdit] = []
        for manifest in snapshot.members {
            var seen: Set<SourceRange> = []
            for target in manifest.package?.targets ?? [] {
                for written in [target.path] + target.sources where !written.range.isEmpty && seen.insert(written.range).inserted {
                    let value = written.value
                    guard !value.contains("*"), !value.contains("?"), !value.contains("[") else { continue }
                    let path = Paths.normalize(Paths.join(manifest.directory, value))
                    guard let new = ImportRenames.destination(of: path, moving: moves) else { continue }
                    let relative = Paths.relative(new, from: manifest.directory)
                    let respelt = value.hasPrefix("./") && !relative.hasPrefix("../") ? "./" + relative : relative
                    edits.append(TextEdit(file: manifest.path, range: written.range, newText: syntax.renderString(respelt)))
                }
            }
        }
        return edits
    }
}
