/// The package's entry (`entry`, default `src/main.oats`) must be a file: toasty compiles the
/// package from it, and `import … from "name"` brings it in.
enum OatsEntryCheck {
    static func check(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        guard let package = manifest.package, let entry = package.targets.first else { return [] }
        let path = Paths.join(manifest.directory, entry.path.value)
        if fileSystem.isFile(path) { return [] }
        let written = entry.path.range != package.range
        let what = written ? "entry '\(entry.path.value)'" : "the default entry '\(entry.path.value)'"
        var help = [written ? "create the file, or point 'entry' at the package's main source file"
                            : "create it, or name the package's main source file with entry = \"…\" under [package]"]
        var fix: Diagnostic.Fix?
        if written, let meant = PathSpelling.closest(to: entry.path.value, from: manifest.directory, fileSystem: fileSystem, isWanted: fileSystem.isFile) {
            help.insert("did you mean '\(meant)'?", at: 0)
            fix = Diagnostic.Fix(title: "Use '\(meant)'", edits: [TextEdit(range: entry.path.range, newText: TOMLLiteral.renderString(meant))])
        }
        // `toasty new --lib` writes src/lib.oats and no entry.
        let lib = Paths.join(manifest.directory, "src/lib.oats")
        let document = TOMLDocument(parsing: manifest.source)
        if !written, fileSystem.isFile(lib), !document.hasErrors,
           let edits = try? TOMLEditor(document).insertKey("entry", value: .string("src/lib.oats"), inTable: ["package"]) {
            help = ["this package has src/lib.oats: a library names it with entry = \"src/lib.oats\""]
            fix = Diagnostic.Fix(title: "Add entry = \"src/lib.oats\" to [package]", edits: edits, certain: true)
        }
        return [.error("\(what) of package '\(manifest.displayName)' does not exist", .oatsMissingEntry,
                       at: written ? entry.path.range : package.range, help: help, fix: fix)]
    }
}
