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
            let (missing, respelt) = missingDirectory(on: folder, base: base, importer: importer, finds: finds)
            help = ["there is no directory '\(Paths.display(missing, from: root))'"]
            corrected = Self.written(statement.path, separator: "/", base: base, respelling: respelt)
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
    /// thousands of parts must not list or keep thousands of ancestors), and the path most
    /// likely meant from there on (`PathSpelling`, the rule manifest paths are respelt by): each
    /// part that is not there becomes the closest name there is, the last among the modules the
    /// language finds (`finds`, given a path like `base`), never `importer` itself. A respelling
    /// whose module is not found is no guess: its fix would only move the error. Each part it
    /// changes is given as the directory or module it was (`changing`) and its new name.
    public func missingDirectory(on folder: String, base: String, importer: String? = nil,
                                 finds: (String) -> Bool) -> (missing: String, respelt: [(changing: String, to: String)]) {
        var missing = folder
        var reached = "/"
        for part in Paths.isAbsolute(folder) ? Paths.normalize(folder).split(separator: "/") : [] {
            let next = Paths.join(reached, String(part))
            if !cache.fileSystem.isDirectory(next) { missing = next; break }
            reached = next
        }
        let parent = Paths.parent(missing)
        let rest = Paths.relative(base, from: parent)
        // The importing file, as a module path names it (with its extension or without).
        func isImporter(_ path: String) -> Bool {
            guard let importer else { return false }
            return path == importer || Paths.parent(path) == Paths.parent(importer) && Paths.lastComponent(path) == Paths.stem(importer)
        }
        let respelt = PathSpelling.closest(to: rest, from: parent, isThere: { here, isLast in
            isLast ? !isImporter(here) && finds(here) : cache.isDirectory(here)
        }, names: { directory, isLast in
            isLast ? moduleNames(in: directory) : (cache.entries(of: directory) ?? []).filter { !$0.hasPrefix(".") && cache.isDirectory(Paths.join(directory, $0)) }.sorted()
        })
        guard let respelt else { return (missing, []) }
        var changes: [(changing: String, to: String)] = []
        var was = parent
        for (old, new) in zip(rest.split(separator: "/", omittingEmptySubsequences: false), respelt.split(separator: "/", omittingEmptySubsequences: false)) {
            was = Paths.join(was, String(old))
            if old != new { changes.append((was, String(new))) }
        }
        return (missing, changes)
    }

    /// An import's path as written (its parts joined by `separator`), with the part that names
    /// `changed` (`base`, the path it resolves to, or a directory on the way to it) written
    /// `replacement`; nil when the written path does not end as the resolved one does there (a
    /// `..` in its way), so that no other part is changed.
    public static func written(_ path: String, separator: Character, base: String, changing changed: String, to replacement: String) -> String? {
        written(path, separator: separator, base: base, respelling: [(changed, replacement)])
    }

    /// The same with several parts written anew (`missingDirectory`'s respelling); nil when one
    /// of them cannot be.
    public static func written(_ path: String, separator: Character, base: String, respelling changes: [(changing: String, to: String)]) -> String? {
        guard !changes.isEmpty else { return nil }
        var parts = path.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        let depth = Paths.normalize(base).split(separator: "/").count
        for (changed, replacement) in changes {
            let fromEnd = depth - Paths.normalize(changed).split(separator: "/").count
            guard fromEnd >= 0, fromEnd < parts.count else { return nil }
            let at = parts.count - 1 - fromEnd
            // The last part may differ from the resolved name by an extension the language adds.
            guard fromEnd == 0 || parts[at] == Paths.lastComponent(changed) else { return nil }
            parts[at] = replacement
        }
        return parts.joined(separator: String(separator))
    }
}
