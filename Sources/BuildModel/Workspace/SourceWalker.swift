/// Lists the source files of a package directory: recursively, skipping hidden directories,
/// build output, nested packages and directories the caller excludes; following symbolic links
/// once, and reporting loops instead of walking them forever.
struct SourceWalker {
    let ecosystem: any Ecosystem
    /// The package whose sources are listed.
    let package: PackageManifest
    let cache: DirectoryCache
    /// Absolute directories not to enter (the members, library roots), but for the package's own
    /// directory: one set shared by every member's walk, not a copy of it less one for each.
    let excluded: Set<String>

    var fileSystem: any FileSystem { cache.fileSystem }

    func walk(_ root: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        // The directories being walked (as deep as the tree), and those above the root.
        var visiting = fileSystem.identitiesAbove(root)
        walk(root, isRoot: true, files: &files, diagnostics: &diagnostics, visiting: &visiting)
        return (files, diagnostics)
    }

    private func walk(_ dir: String, isRoot: Bool, files: inout [String], diagnostics: inout [Diagnostic], visiting: inout [FileIdentity]) {
        let entries: [(name: String, kind: FileKind)]
        do {
            entries = try fileSystem.directoryEntries(dir)
        } catch {
            // A source root the manifest names that is not there is the manifest's problem,
            // reported where it is named (Elm's E001), not a second time here.
            if isRoot, dir != package.directory, case .notFound = error { return }
            diagnostics.append(Diagnostic(severity: .error, code: DiagnosticCode.unreadableFile.rawValue,
                                          message: "cannot read directory: \(error.reason)", file: dir, range: .at(0),
                                          help: ["its source files are not checked; fix its permissions (ls -ld)"]))
            return
        }
        let names = entries.map(\.name)
        cache.record(dir, entries: names)
        if !isRoot && ecosystem.manifestFileNames.contains(where: names.contains) { return }
        guard let identity = fileSystem.status(dir)?.identity else { return }
        visiting.append(identity)
        defer { visiting.removeLast() }
        for (name, kind) in entries where !name.hasPrefix(".") {
            let path = dir == "/" ? "/" + name : dir + "/" + name
            switch kind {
            case .file:
                if ecosystem.isSourceFile(name) && ecosystem.isSource(path, of: package) { files.append(path) }
            case .other:
                // Reading a FIFO would wait for a writer forever; a device could be endless.
                if ecosystem.isSourceFile(name) {
                    diagnostics.append(Diagnostic(severity: .warning, code: DiagnosticCode.notARegularFile.rawValue,
                        message: "'\(name)' is not a regular file (a FIFO, socket or device); it is skipped", file: path, range: .at(0),
                        help: ["only regular files are sources: remove it or give it another name"]))
                }
            case .symbolicLink:
                // Only links whose target cannot be found get here: report loops, skip dangling ones.
                if case .failure(.symlinkLoop) = Result(catching: { () throws(FileSystemError) in try fileSystem.realPath(path) }) {
                    diagnostics.append(loop(path, toDirectory: false))
                }
            case .directory:
                guard !ecosystem.ignoredDirectories.contains(name), !excluded.contains(path) || path == package.directory else { continue }
                guard let st = fileSystem.status(path) else { continue }
                if visiting.contains(st.identity) {
                    diagnostics.append(loop(path, toDirectory: true))
                    continue
                }
                walk(path, isRoot: false, files: &files, diagnostics: &diagnostics, visiting: &visiting)
            }
        }
    }

    /// W004: a link to a directory the walk is inside (`toDirectory`), or links that lead to
    /// each other and never to a file or directory.
    private func loop(_ path: String, toDirectory: Bool) -> Diagnostic {
        let name = Paths.lastComponent(path)
        return Diagnostic(severity: .warning, code: DiagnosticCode.symlinkLoop.rawValue,
                          message: toDirectory ? "'\(name)' is a symbolic link loop; the directory is skipped"
                                               : "'\(name)' is a symbolic link that leads back to itself; it is skipped",
                          file: path, range: .at(0),
                          help: [toDirectory ? "remove the link, or point it outside its own parent directories" : "remove the link, or point it at a file or a directory"])
    }
}
