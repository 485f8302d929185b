/// The edits that keep relative imports right when files or directories are moved: each import
/// of a moved module spelt anew from where its file will be, and each relative import of a moved
/// module spelt anew to where its target will be. What an editor applies before it renames
/// (`workspace/willRenameFiles`), as rust-analyzer keeps `mod` paths right.
///
/// Only an import that leads to one file or to a directory's files (or repeats one that does)
/// is edited, and only when its text is exactly what one of two rules makes of where it leads:
/// - written relative (`./`, `../`): the path from the importing file's directory, with or
///   without the file's extension, `./` before a path that does not go up;
/// - written from a package or the project (`mathlib/vector`, `models`): its last components are
///   the last components of the path it leads to (with or without the extension); the rest of
///   it names the directory those are under. The module keeps that spelling while it moves within
///   that directory (`mathlib/vector` becomes `mathlib/geometry/vector`); one that leaves it
///   (to another package) is left alone, as is an import that does not end as its path does (a
///   package's `lib`, a registry or git location).
/// An import of a directory's files (`import "./parts"`) follows the directory when it moves,
/// not a file that leaves it. Any other spelling (`./a/../b`) is left as it is.
public enum ImportRenames {
    /// `moves`: each old path (a file, or a directory and all under it) and its new path.
    public static func edits(moving moves: [(old: String, new: String)], in snapshot: WorkspaceSnapshot) -> [TextEdit] {
        func moved(_ path: String) -> String { destination(of: path, moving: moves) ?? path }
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
                let respelt: String?
                if written.hasPrefix("./") || written.hasPrefix("../") {
                    guard from != newFrom || target != newTarget else { continue }
                    // The spelling the import uses (with its extension or without), applied anew.
                    respelt = [false, true].first(where: { spelling(of: target, from: from, withExtension: $0) == written })
                        .map { spelling(of: newTarget, from: newFrom, withExtension: $0) }
                } else {
                    guard target != newTarget else { continue }
                    respelt = packageSpelling(written, of: target, movedTo: newTarget)
                }
                if let respelt, respelt != written { edits.append(TextEdit(file: module.path, range: statement.pathRange, newText: respelt)) }
            }
        }
        return edits
    }

    /// Where `path` is after the moves (a move of a directory takes all under it); nil when
    /// none moves it.
    static func destination(of path: String, moving moves: [(old: String, new: String)]) -> String? {
        for (old, new) in moves {
            if path == old { return new }
            if Paths.isWithin(path, old) { return Paths.join(new, Paths.relative(path, from: old)) }
        }
        return nil
    }

    /// Where an import leads, for its spelling to follow: its one file, or the directory it
    /// names when it brings in that directory's files (`import "./parts"`; moved with the
    /// directory, not with one of its files). Nil for anything else (a package's modules).
    static func target(of resolved: ResolvedImport, from directory: String) -> String? {
        let targets = resolved.outcome.targets
        guard let first = targets.first else { return nil }
        let written = resolved.statement.path
        if written.hasPrefix("./") || written.hasPrefix("../") {
            let named = Paths.join(directory, written)
            if targets.allSatisfy({ Paths.parent($0) == named }) { return named }
        } else if targets.count > 1 || ![Paths.lastComponent(first), Paths.stem(first)].contains(Paths.lastComponent(written)) {
            // A package import of a directory's files (`mathlib/parts`), not of one file: the
            // directory, when it is the one the import ends with.
            let named = Paths.parent(first)
            if Paths.lastComponent(named) == Paths.lastComponent(written), targets.allSatisfy({ Paths.parent($0) == named }) { return named }
        }
        return targets.count == 1 ? first : nil
    }

    /// A package (or project) import `written` of `target`, spelt anew for `newTarget`: nil
    /// when its last components are not those of `target`'s path (with or without the
    /// extension), or when `newTarget` leaves the directory the rest of it names.
    static func packageSpelling(_ written: String, of target: String, movedTo newTarget: String) -> String? {
        let words = written.split(separator: "/", omittingEmptySubsequences: false)
        guard !written.hasPrefix("/"), !words.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        for keepsExtension in [false, true] {
            let path = keepsExtension ? target : withoutExtension(target)
            let parts = path.split(separator: "/")
            // How many of the import's last components are the path's last ones.
            var shared = 0
            while shared < words.count, shared < parts.count, words[words.count - 1 - shared] == parts[parts.count - 1 - shared] { shared += 1 }
            guard shared > 0 else { continue }
            let base = "/" + parts.dropLast(shared).joined(separator: "/")
            let newPath = keepsExtension ? newTarget : withoutExtension(newTarget)
            guard Paths.isWithin(newPath, base), newPath != base else { return nil }
            return (words.dropLast(shared).map(String.init) + [Paths.relative(newPath, from: base)]).joined(separator: "/")
        }
        return nil
    }

    /// A path without its file's extension, as `Paths.fileExtension` finds it (`a/b.x` is `a/b`;
    /// `a.d/b` and `.hidden` stay).
    private static func withoutExtension(_ path: String) -> String {
        let ext = Paths.fileExtension(path)
        return ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
    }

    /// `file` as a relative import from `directory` writes it: `./x`, `../a/x`.
    static func spelling(of file: String, from directory: String, withExtension: Bool) -> String {
        let path = Paths.relative(withExtension ? file : withoutExtension(file), from: directory)
        return path.hasPrefix("../") ? path : "./" + path
    }
}
