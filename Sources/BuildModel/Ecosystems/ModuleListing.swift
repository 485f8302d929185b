import Synchronization

/// What the source directories of a workspace offer as modules: the module names of a
/// directory (for "did you mean" suggestions) and its entries as completion candidates. Written
/// once for every ecosystem whose modules are files named by their stem.
public final class ModuleListing: Sendable {
    public let cache: DirectoryCache
    /// Source extensions without the dot.
    public let extensions: [String]
    /// Paths in details are shown relative to it.
    public let root: String
    /// Names by directory: a file with thousands of broken imports into one directory lists it once.
    private let namesByDirectory = Mutex<[String: [String]]>([:])

    public init(cache: DirectoryCache, extensions: [String], root: String) {
        self.cache = cache
        self.extensions = extensions
        self.root = root
    }

    /// Module names a directory offers: source file stems and subdirectories, sorted.
    public func moduleNames(in directory: String) -> [String] {
        if let known = namesByDirectory.withLock({ $0[directory] }) { return known }
        var names: Set<String> = []
        for entry in cache.entries(of: directory) ?? [] where !entry.hasPrefix(".") {
            if extensions.contains(Paths.fileExtension(entry)) {
                names.insert(Paths.stem(entry))
            } else if cache.isDirectory(Paths.join(directory, entry)) {
                names.insert(entry)
            }
        }
        let sorted = names.sorted()
        namesByDirectory.withLock { $0[directory] = sorted }
        return sorted
    }

    /// The module names of `directory` but the one `file` is (a module does not import itself).
    public func moduleNames(in directory: String, excluding file: String?) -> [String] {
        let names = moduleNames(in: directory)
        guard let file, Paths.parent(file) == directory else { return names }
        return names.filter { $0 != Paths.stem(file) }
    }

    /// Modules and subdirectories of `directory`, each written as `prefix/name`; `excluding`
    /// (the file being edited) left out.
    public func candidates(in directory: String, as prefix: String, category: ImportCategory, excluding: String? = nil) -> [ImportCandidate] {
        guard let names = cache.entries(of: directory) else { return [] }
        var out: [ImportCandidate] = []
        var seen: Set<String> = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = Paths.join(directory, name)
            if extensions.contains(Paths.fileExtension(name)) {
                guard path != excluding, seen.insert(Paths.stem(name)).inserted else { continue }
                out.append(ImportCandidate(path: prefix + "/" + Paths.stem(name), kind: .module, category: category, detail: Paths.display(path, from: root)))
            } else if cache.isDirectory(path), seen.insert(name).inserted {
                out.append(ImportCandidate(path: prefix + "/" + name, kind: .directory, category: category, detail: Paths.display(path, from: root) + "/"))
            }
        }
        return out
    }

    /// An import of a module that is not there (its path resolves to `base`): "cannot find
    /// module", with the closest module of that directory as "did you mean" and as a fix, then
    /// `lookedFor` (what the language looked for, in words). When the directory itself is not
    /// there, the help names the first directory on the way that is missing instead, and the
    /// guess is the closest directory beside it through which the module is found. Every guess
    /// is one the language finds a module at (`finds`, given a path like `base`): a fix that
    /// only moves the error is no fix. The importing file (`importer`) is never the guess: a
    /// module does not import itself.
    public func missingModule(_ statement: ImportStatement, base: String, name: String, category: ImportCategory, lookedFor: String,
                              importer: String? = nil, finds: (String) -> Bool) -> ImportOutcome {
        let folder = Paths.parent(base)
        var help: [String]
        var corrected: String?
        if cache.entries(of: folder) != nil {
            help = [lookedFor]
            // A name of the directory is a guess only when the language finds a module there (a
            // subdirectory may hold none).
            if let closest = Spelling.plausible(to: name, in: moduleNames(in: folder, excluding: importer)).first(where: { finds(Paths.join(folder, $0)) }) {
                corrected = Self.written(statement.path, separator: "/", base: base, changing: base, to: closest)
            }
        } else {
            let (missing, closest) = missingDirectory(on: folder, base: base, finds: finds)
            help = ["there is no directory '\(Paths.display(missing, from: root))'"]
            if let closest { corrected = Self.written(statement.path, separator: "/", base: base, changing: missing, to: closest) }
        }
        var fix: Diagnostic.Fix?
        if let corrected {
            help.insert("did you mean '\(corrected)'?", at: 0)
            fix = Diagnostic.Fix(title: "Change the import to '\(corrected)'", edits: [TextEdit(range: statement.pathRange, newText: corrected)])
        }
        return ImportOutcome(category: category, diagnostics: [.error(
            "cannot find module '\(statement.path)'", .unresolvedImport, at: statement.literalRange, help: help, fix: fix)])
    }

    /// The first directory on the way down to `folder` that is not there (down from the top, as
    /// many steps as the directories that are, whatever the depth of the path: a path of
    /// thousands of parts must not list or keep thousands of ancestors), and the directory
    /// beside it spelt closest to it, if any, through which `base` (a path in `folder`) is
    /// found: what a misspelt directory most likely meant. (`finds`: whether the language finds
    /// a module at a path, `base` with the guess in the missing directory's place. A directory
    /// spelt like the missing one that does not hold the rest of the path is no guess: its
    /// fix would only move the error.)
    public func missingDirectory(on folder: String, base: String, finds: (String) -> Bool) -> (missing: String, closest: String?) {
        var missing = folder
        var reached = "/"
        for part in Paths.isAbsolute(folder) ? Paths.normalize(folder).split(separator: "/") : [] {
            let next = Paths.join(reached, String(part))
            if !cache.fileSystem.isDirectory(next) { missing = next; break }
            reached = next
        }
        let parent = Paths.parent(missing)
        let folders = (cache.entries(of: parent) ?? []).filter { !$0.hasPrefix(".") && cache.isDirectory(Paths.join(parent, $0)) }
        // The rest of the path below the missing directory, looked for under each plausible one.
        let rest = Paths.relative(base, from: missing)
        let closest = Spelling.plausible(to: Paths.lastComponent(missing), in: folders.sorted()).first { finds(Paths.join(Paths.join(parent, $0), rest)) }
        return (missing, closest)
    }

    /// An import's path as written (its parts joined by `separator`), with the part that names
    /// `changed` (`base`, the path it resolves to, or a directory on the way to it) written
    /// `replacement`; nil when the written path does not end as the resolved one does there (a
    /// `..` in its way), so that no other part is changed.
    public static func written(_ path: String, separator: Character, base: String, changing changed: String, to replacement: String) -> String? {
        var parts = path.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        let fromEnd = Paths.normalize(base).split(separator: "/").count - Paths.normalize(changed).split(separator: "/").count
        guard fromEnd >= 0, fromEnd < parts.count else { return nil }
        let at = parts.count - 1 - fromEnd
        // The last part may differ from the resolved name by an extension the language adds.
        guard fromEnd == 0 || parts[at] == Paths.lastComponent(changed) else { return nil }
        parts[at] = replacement
        return parts.joined(separator: String(separator))
    }
}
