/// Lists the source files of a package directory: recursively, skipping hidden directories,
/// build output, nested packages and directories the caller excludes; following symbolic links
/// once, and reporting loops instead of walking them forever.
struct SourceWalker {
    let ecosystem: any Ecosystem
    let cache: DirectoryCache
    /// Absolute directories not to enter (other members, library roots).
    let excluded: Set<String>

    var fileSystem: any FileSystem { cache.fileSystem }

    func walk(_ root: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var visiting: Set<FileIdentity> = []
        walk(root, isRoot: true, files: &files, diagnostics: &diagnostics, visiting: &visiting)
        return (files, diagnostics)
    }

    private func walk(_ dir: String, isRoot: Bool, files: inout [String], diagnostics: inout [Diagnostic], visiting: inout Set<FileIdentity>) {
        let names: [String]
        do {
            names = try fileSystem.contentsOfDirectory(dir)
        } catch {
            diagnostics.append(Diagnostic(severity: .error, code: DiagnosticCode.unreadableFile.rawValue,
                                          message: "cannot read directory: \(error)", file: dir, range: .at(0),
                                          help: ["its source files are not checked; fix its permissions (ls -ld)"]))
            return
        }
        cache.record(dir, entries: names)
        if !isRoot && ecosystem.manifestFileNames.contains(where: names.contains) { return }
        guard let identity = fileSystem.status(dir)?.identity else { return }
        visiting.insert(identity)
        defer { visiting.remove(identity) }
        for name in names where !name.hasPrefix(".") {
            let path = dir == "/" ? "/" + name : dir + "/" + name
            if ecosystem.isSourceFile(name) {
                if let st = fileSystem.status(path), st.kind != .directory {
                    files.append(path)
                    continue
                }
            }
            guard let st = fileSystem.status(path) else {
                if fileSystem.linkStatus(path)?.kind == .symbolicLink, case .failure(.symlinkLoop) = Result(catching: { () throws(FileSystemError) in try fileSystem.realPath(path) }) {
                    diagnostics.append(loop(path))
                }
                continue
            }
            guard st.kind == .directory, !ecosystem.ignoredDirectories.contains(name), !excluded.contains(path) else { continue }
            if visiting.contains(st.identity) {
                diagnostics.append(loop(path))
                continue
            }
            walk(path, isRoot: false, files: &files, diagnostics: &diagnostics, visiting: &visiting)
        }
    }

    private func loop(_ path: String) -> Diagnostic {
        Diagnostic(severity: .warning, code: DiagnosticCode.symlinkLoop.rawValue,
                   message: "'\(Paths.lastComponent(path))' is a symbolic link loop; the directory is skipped", file: path, range: .at(0),
                   help: ["remove the link, or point it outside its own parent directories"])
    }
}
