/// Resolves Aria `use` statements as the compiler searches, in this order:
///
/// 1. the using file's directory;
/// 2. the include directories of the targets the file is a source of (`-I` in `flags`,
///    `include_dirs`), relative to the project root;
/// 3. each directory of `ARIA_PATH` (separated by `:`);
/// 4. the compiler's standard library: `$ARIA_STDLIB`, else `stdlib/` beside ariac or one
///    directory above it. `std/…` and `stdlib/…` (and `std.x`, `stdlib.x`) name it directly.
///
/// A quoted path is a file (`use "x.npk".*;`): with `.aria` the `.npk` file is tried too and the
/// other way round, as the compiler does; without an extension, both. A dotted name `a.b.c` is
/// `a/b/c.npk` (or `.aria`), or, when there is none, the module `a/b` with `c` a name inside it.
/// A path starting with `./` or `../` is only relative to the file. When the standard library
/// is not on this machine, a path that might be in it is not checked.
final class AriaImportResolver: ImportResolver {
    let cache: DirectoryCache
    let listing: ModuleListing
    let root: String
    let project: AriaProject
    /// `ARIA_PATH`'s directories.
    let searchPath: [String]
    /// The standard library's directory, when it is here.
    let stdlib: String?
    /// Each target's include directories (absolute), and which targets list each file by name
    /// or by a pattern.
    private let includes: [[String]]
    private let namedSources: [String: [Int]]
    private let patternSources: [(Glob, Int)]
    private let manifest: PackageManifest

    static let stdlibCategory = ImportCategory("stdlib", uncheckedNote: "the Aria standard library is not on this machine (set ARIA_STDLIB or install ariac), so this use is not checked")
    static let extensions = ["npk", "aria"]

    var environmentDiagnostics: [Diagnostic] { [] }
    var libraryRoots: [String] { stdlib.map { [$0] } ?? [] }

    init(setup: ImportResolverSetup) {
        cache = setup.directories
        manifest = setup.rootManifest
        root = setup.rootManifest.directory
        listing = ModuleListing(cache: setup.directories, extensions: Self.extensions, root: root)
        project = AriaProject.read(ABCDocument(parsing: setup.rootManifest.source), environment: nil)
        let fs = setup.fileSystem
        searchPath = (setup.environment["ARIA_PATH"] ?? "").split(separator: ":").map { fs.absolute(String($0)) }
        stdlib = Self.standardLibrary(project: project, manifestDirectory: root, environment: setup.environment, fileSystem: fs)
        let root = self.root
        includes = project.targets.map { t in (t.flagIncludeDirectories + t.includeDirectories.map(\.value)).map { Paths.join(root, $0) } }
        var named: [String: [Int]] = [:]
        var patterns: [(Glob, Int)] = []
        for (i, t) in project.targets.enumerated() {
            for s in t.sources {
                let g = Glob(s.value)
                if g.isLiteral { named[Paths.normalize(s.value), default: []].append(i) } else { patterns.append((g, i)) }
            }
        }
        namedSources = named
        patternSources = patterns
    }

    /// `$ARIA_STDLIB`, else `stdlib/` beside the compiler or one directory up.
    static func standardLibrary(project: AriaProject, manifestDirectory: String, environment: [String: String], fileSystem: any FileSystem) -> String? {
        if let named = environment["ARIA_STDLIB"], !named.isEmpty { return fileSystem.absolute(named) }
        guard let compiler = AriaToolchain.compiler(project: project, manifestDirectory: manifestDirectory, environment: environment, fileSystem: fileSystem) else { return nil }
        let real = (try? fileSystem.realPath(compiler)) ?? compiler
        let bin = Paths.parent(real)
        return [Paths.join(bin, "stdlib"), Paths.join(Paths.parent(bin), "stdlib")].first { fileSystem.isDirectory($0) }
    }

    func origin(ofFile path: String, member: PackageManifest?) -> ModuleOrigin {
        ModuleOrigin(kind: .user, boundary: root, manifestPath: manifest.path)
    }

    func packageManifest(in directory: String) -> PackageManifest? { directory == root ? manifest : nil }

    func directory(of dependency: DependencySpec, declaredIn manifest: PackageManifest) -> String? {
        dependency.path.map { Paths.join(manifest.directory, $0.value) }
    }

    func availablePackages() -> [AvailablePackage] { [] }

    /// The include directories of the targets `file` is a source of, absolute.
    func includeDirectories(of file: String) -> [String] {
        guard Paths.isWithin(file, root) else { return [] }
        let relative = Paths.relative(file, from: root)
        var owners = namedSources[relative] ?? []
        for (glob, i) in patternSources where !owners.contains(i) && glob.matches(relative) { owners.append(i) }
        var out: [String] = []
        for i in owners.sorted() {
            for dir in includes[i] where !out.contains(dir) { out.append(dir) }
        }
        return out
    }

    // MARK: Resolution

    /// The file names a written path may be on disk: itself, the other extension, or both.
    static func spellings(_ path: String) -> [String] {
        switch Paths.fileExtension(path) {
        case "aria": [path, String(path.dropLast(5)) + ".npk"]
        case "npk": [path, String(path.dropLast(4)) + ".aria"]
        default: [path + ".npk", path + ".aria", path]
        }
    }

    private func find(_ relative: String, in directories: [String]) -> String? {
        for dir in directories {
            for spelling in Self.spellings(relative) {
                let candidate = Paths.join(dir, spelling)
                if cache.contains(candidate), !cache.isDirectory(candidate) { return candidate }
            }
        }
        return nil
    }

    /// Where a path in the standard library's own spelling (`std/io`, `stdlib/io`) is.
    private func inStdlib(_ relative: String) -> String? {
        for prefix in ["std/", "stdlib/"] where relative.hasPrefix(prefix) { return String(relative.dropFirst(prefix.count)) }
        return nil
    }

    func resolve(_ statement: ImportStatement, inFile file: String, origin: ModuleOrigin) -> ImportOutcome {
        let written = statement.path
        let quoted = statement.literalRange != statement.pathRange
        let relative = quoted ? written : written.split(separator: ".").joined(separator: "/")
        guard !relative.isEmpty else {
            return ImportOutcome(category: nil, diagnostics: [.error("'use' names no module", .malformedImport, at: statement.literalRange,
                                                                      help: ["write it as: use \"file.npk\".*;  or  use std.io;"])])
        }
        let here = Paths.parent(file)
        let category: ImportCategory = .local
        if quoted && (relative.hasPrefix("./") || relative.hasPrefix("../")) {
            if let found = find(relative, in: [here]) { return ImportOutcome(category: category, targets: [found]) }
            return missing(statement, relative: relative, lookedIn: [here], importer: file)
        }
        if let inside = inStdlib(relative) {
            guard let stdlib else { return ImportOutcome(category: Self.stdlibCategory) }
            if let found = find(inside, in: [stdlib]) ?? (quoted ? nil : find(Paths.parent(inside), in: [stdlib])) {
                return ImportOutcome(category: Self.stdlibCategory, targets: [found])
            }
            return missing(statement, relative: inside, lookedIn: [stdlib])
        }
        let local = [here] + includeDirectories(of: file) + searchPath
        let everywhere = local + (stdlib.map { [$0] } ?? [])
        if let found = find(relative, in: everywhere) ?? (quoted || !relative.contains("/") ? nil : find(Paths.parent(relative), in: everywhere)) {
            return ImportOutcome(category: stdlib.map { Paths.isWithin(found, $0) } == true ? Self.stdlibCategory : category, targets: [found])
        }
        // It may be in a standard library that is not here.
        if stdlib == nil { return ImportOutcome(category: Self.stdlibCategory) }
        return missing(statement, relative: relative, lookedIn: everywhere, importer: file)
    }

    /// "cannot find module", with the closest file of every directory searched as "did you
    /// mean" and as a fix (a quoted path keeps its extension); or, when the path's directory
    /// is in none of the places, the path respelt from the first missing directory on its way
    /// (the first place, in the order searched, where a respelling leads to a file), and with
    /// one place, that missing directory named.
    /// (`importer`, the importing file, is never the guess.)
    private func missing(_ statement: ImportStatement, relative: String, lookedIn: [String], importer: String? = nil) -> ImportOutcome {
        let quoted = statement.literalRange != statement.pathRange
        let name = Paths.lastComponent(relative)
        let written = Paths.fileExtension(name)
        let stem = Self.extensions.contains(written) ? Paths.stem(name) : name
        let folder = relative.contains("/") ? Paths.parent(relative) : ""
        // The directories the file was looked for in: a path's own folder under each place.
        var searched: [String] = []
        for dir in lookedIn {
            let full = folder.isEmpty ? dir : Paths.normalize(Paths.join(dir, folder))
            if !searched.contains(full) { searched.append(full) }
        }
        var known: [String] = []
        for dir in searched { known += listing.moduleNames(in: dir, excluding: importer) }
        let places = searched.map { Paths.display($0, from: root) + "/" }.joined(separator: ", ")
        let noFolder = !folder.isEmpty && !searched.contains { listing.cache.entries(of: $0) != nil }
        var help: [String]
        var corrected: String?
        if noFolder {
            // The path's folder is in none of the places: the path respelt under each place in
            // the order they are searched, the first that leads to a file. With one place, the
            // first directory on the way that is missing is named.
            var firstMissing: String?
            for dir in searched {
                let base = Paths.join(dir, name)
                let (missing, respelt) = listing.missingDirectory(on: dir, base: base, importer: importer) { find(Paths.lastComponent($0), in: [Paths.parent($0)]) != nil }
                firstMissing = firstMissing ?? missing
                corrected = ModuleListing.written(statement.path, separator: quoted ? "/" : ".", base: base, respelling: respelt)
                if corrected != nil { break }
            }
            help = [searched.count == 1 ? "there is no directory '\(Paths.display(firstMissing!, from: root))'" : "none of these directories is there: \(places)"]
        } else {
            help = ["there is no '\(stem).npk' or '\(stem).aria' in: \(places)"]
            // A name of a directory searched is a guess only as a file there (a subdirectory is no module).
            if let guess = Spelling.plausible(to: stem, in: known).first(where: { find($0, in: searched) != nil }) {
                corrected = quoted
                    ? (folder.isEmpty ? "" : folder + "/") + guess + (written.isEmpty || !Self.extensions.contains(written) ? "" : "." + written)
                    : (statement.path.split(separator: ".").dropLast().map(String.init) + [guess]).joined(separator: ".")
            }
        }
        var fix: Diagnostic.Fix?
        if let corrected {
            help.insert("did you mean '\(corrected)'?", at: 0)
            fix = Diagnostic.Fix(title: "Change the path to '\(corrected)'", edits: [TextEdit(range: statement.pathRange, newText: corrected)])
        }
        return ImportOutcome(category: .local, diagnostics: [.error("cannot find module '\(statement.path)'", .unresolvedImport, at: statement.literalRange,
                                                                   help: help, fix: fix)])
    }

    // MARK: Completion

    func candidates(forPrefix prefix: String, inFile file: String, origin: ModuleOrigin) -> [ImportCandidate] {
        let here = Paths.parent(file)
        guard let slash = prefix.lastIndex(of: "/") else {
            return listing.candidates(in: here, as: ".", category: .local, excluding: file).map { candidate in
                var c = candidate
                c.path = String(c.path.dropFirst(2)) + (c.kind == .module ? "." + (Paths.fileExtension(c.detail).isEmpty ? "npk" : Paths.fileExtension(c.detail)) : "")
                return c
            }
        }
        let directory = String(prefix[..<slash])
        return listing.candidates(in: Paths.join(here, directory), as: directory, category: .local, excluding: file).map { candidate in
            var c = candidate
            if c.kind == .module { c.path += "." + Paths.fileExtension(c.detail) }
            return c
        }
    }
}
