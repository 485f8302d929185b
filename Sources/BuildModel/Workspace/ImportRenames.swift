/// The edits that keep relative imports right when files or directories are moved: each import
/// of a moved module spelt anew from where its file will be, and each relative import of a moved
/// module spelt anew to where its target will be. What an editor applies before it renames
/// (`workspace/willRenameFiles`), as rust-analyzer keeps `mod` paths right.
///
/// Only an import that leads to one file or to a directory's files (or repeats one that does)
/// and is written relative (`./`, `../`) is edited, and
/// only when its text is exactly what the rule below makes of where it leads: the path from the
/// importing file's directory, with or without the file's extension, `./` before a path that
/// does not go up. An import of a directory's files (`import "./parts"`) follows the directory
/// when it moves, not a file that leaves it. Any other spelling (a package import, `./a/../b`)
/// is left as it is.
public enum ImportRenames {
    /// `moves`: each old path (a file, or a directory and all under it) and its new path.
    public static func edits(moving moves: [(old: String, new: String)], in snapshot: WorkspaceSnapshot) -> [TextEdit] {
        func moved(_ path: String) -> String {
            for (old, new) in moves {
                if path == old { return new }
                if Paths.isWithin(path, old) { return Paths.join(new, Paths.relative(path, from: old)) }
            }
            return path
        }
        var edits: [TextEdit] = []
        for module in snapshot.memberModules {
            let from = Paths.parent(module.path), newFrom = Paths.parent(moved(module.path))
            // Each import with the file (or the directory of files) it leads to; one repeated
            // leads where its first one does.
            var leads: [String: String] = [:]
            var statements: [(ImportStatement, String)] = []
            for resolved in module.imports {
                guard let target = self.target(of: resolved, from: from) else { continue }
                leads[snapshot.ecosystem.moduleKey(ofImport: resolved.statement.path)] = target
                statements.append((resolved.statement, target))
            }
            for repeated in module.repeatedImports {
                if let target = leads[snapshot.ecosystem.moduleKey(ofImport: repeated.path)] { statements.append((repeated, target)) }
            }
            for (statement, target) in statements.sorted(by: { $0.0.range < $1.0.range }) {
                let written = statement.path, newTarget = moved(target)
                guard written.hasPrefix("./") || written.hasPrefix("../"), from != newFrom || target != newTarget else { continue }
                // The spelling the import uses (with its extension or without), applied anew.
                guard let keepsExtension = [false, true].first(where: { spelling(of: target, from: from, withExtension: $0) == written }) else { continue }
                let respelt = spelling(of: newTarget, from: newFrom, withExtension: keepsExtension)
                if respelt != written { edits.append(TextEdit(file: module.path, range: statement.pathRange, newText: respelt)) }
            }
        }
        return edits
    }

    /// Where an import leads, for its spelling to follow: its one file, or the directory it
    /// names when it brings in that directory's files (`import "./parts"`; moved with the
    /// directory, not with one of its files). Nil for anything else (a package's modules).
    private static func target(of resolved: ResolvedImport, from directory: String) -> String? {
        let targets = resolved.outcome.targets
        guard let first = targets.first else { return nil }
        let written = resolved.statement.path
        if written.hasPrefix("./") || written.hasPrefix("../") {
            let named = Paths.join(directory, written)
            if targets.allSatisfy({ Paths.parent($0) == named }) { return named }
        }
        return targets.count == 1 ? first : nil
    }

    /// `file` as a relative import from `directory` writes it: `./x`, `../a/x`.
    static func spelling(of file: String, from directory: String, withExtension: Bool) -> String {
        var path = Paths.relative(file, from: directory)
        if !withExtension, let dot = path.lastIndex(of: "."), !path[dot...].contains("/"), dot > (path.lastIndex(of: "/") ?? path.startIndex) {
            path = String(path[..<dot])
        }
        return path.hasPrefix("../") ? path : "./" + path
    }
}
