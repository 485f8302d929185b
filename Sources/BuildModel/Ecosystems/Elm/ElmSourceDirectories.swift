/// An application's `source-directories` against the disk, as the seed's table has them: each
/// must be a clean relative path (E003), inside the project (E002, a warning: `elm make` takes
/// `../shared`, but a package cannot publish it) and an existing directory (E001).
enum ElmSourceDirectories {
    static func check(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for dir in manifest.sourceDirectories {
            let text = dir.value
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            if !isClean(text) {
                let clean = parts.filter { !$0.isEmpty && $0 != "." }.joined(separator: "/")
                out.append(.error("invalid source directory path '\(text)'", .invalidSourceDirectory, at: dir.range, label: "not a clean relative path",
                                  help: clean.isEmpty || Paths.isAbsolute(text) ? ["write a directory relative to elm.json, such as \"src\""] : ["write it as \"\(clean)\""],
                                  fix: clean.isEmpty || Paths.isAbsolute(text) ? nil
                                      : Diagnostic.Fix(title: "Write \"\(clean)\"", edits: [TextEdit(range: dir.range, newText: "\"\(clean)\"")], certain: true)))
                continue
            }
            let full = Paths.normalize(Paths.join(manifest.directory, text))
            if !Paths.isWithin(full, manifest.directory) {
                out.append(.warning("source directory '\(text)' is outside the project", .sourceDirectoryOutside, at: dir.range, label: "outside \(Paths.lastComponent(manifest.directory))/",
                                    notes: ["`elm make` reads it, but a package must keep its modules inside its own directory"]))
            }
            if !fileSystem.isDirectory(full) {
                let meant = PathSpelling.closest(to: text, from: manifest.directory, fileSystem: fileSystem, isWanted: fileSystem.isDirectory)
                out.append(.error("source directory '\(text)' does not exist", .missingSourceDirectory, at: dir.range, label: "no directory here",
                                  notes: ["the path is relative to elm.json"], help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["create it, or correct or remove the entry"],
                                  fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: dir.range, newText: JSONText.quoted($0))]) }))
            }
        }
        return out
    }

    /// A relative path with no empty or `.` component: what `source-directories` may hold.
    static func isClean(_ text: String) -> Bool {
        !text.isEmpty && !Paths.isAbsolute(text) && !text.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." }
    }
}
