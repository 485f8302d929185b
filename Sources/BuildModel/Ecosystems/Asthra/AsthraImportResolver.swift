import Synchronization

/// Classifies, checks and resolves Asthra imports for one workspace.
final class AsthraImportResolver: ImportResolver {
    let roots: AsthraLibraryRoots
    let cache: DirectoryCache
    let extensions: [String]
    /// Workspace members and path dependencies, by package directory.
    private let manifests: [String: PackageManifest]
    private let memberDirectories: Set<String>
    /// The workspace root: paths in messages are shown relative to it.
    let root: String
    /// Manifests of fetched packages, read when first needed.
    private let fetched = Mutex<[String: PackageManifest?]>([:])
    /// Library modules by import path (`stdlib/io` → its files): thousands of files import the
    /// same few, and the answer depends only on the path once the access rules allowed it.
    private let libraryModules = Mutex<[String: [String]]>([:])
    /// Module names and completion candidates of directories.
    let listing: ModuleListing
    /// Where the lock file says each package's files are, by import path.
    let locked: [String: String]
    /// Those of them outside the cache (a registry's version directories).
    let lockedElsewhere: [String]

    var environmentDiagnostics: [Diagnostic] { roots.diagnostics }
    var libraryRoots: [String] { [roots.stdlib, roots.internal].compactMap { $0 } }

    init(setup: ImportResolverSetup, extensions: [String], cache: DirectoryCache) {
        self.roots = AsthraLibraryRoots.find(manifest: setup.rootManifest, environment: setup.environment, fileSystem: setup.fileSystem)
        self.cache = cache
        self.extensions = extensions
        self.root = setup.rootManifest.directory
        self.listing = ModuleListing(cache: cache, extensions: extensions, root: setup.rootManifest.directory)
        var manifests: [String: PackageManifest] = [:]
        for package in setup.packages.packages where manifests[package.directory] == nil { manifests[package.directory] = package }
        self.memberDirectories = Set(setup.members.map(\.directory))
        // Where the packages asthra.lock chose are, by import path.
        var locked: [String: String] = [:]
        if let lock = try? LockFile.read(in: setup.rootManifest.directory, format: AsthraEcosystem().lockFormat!, fileSystem: setup.fileSystem) {
            for p in lock.packages { if let dir = p.directory(cacheRoot: roots.cache) { locked[p.name] = dir } }
        }
        self.locked = locked
        let cacheRoot = roots.cache
        self.lockedElsewhere = locked.values.filter { dir in cacheRoot.map { !Paths.isWithin(dir, $0) } ?? true }.sorted()
        self.manifests = manifests
    }

    // MARK: Origins

    func origin(ofFile path: String, member: PackageManifest?) -> ModuleOrigin {
        if let s = roots.stdlib, Paths.isWithin(path, s) { return ModuleOrigin(kind: .stdlib, boundary: s, manifestPath: nil) }
        if let i = roots.internal, Paths.isWithin(path, i) { return ModuleOrigin(kind: .internal, boundary: i, manifestPath: nil) }
        if let member { return ModuleOrigin(kind: .user, boundary: member.directory, manifestPath: member.path) }
        var dir = Paths.parent(path)
        while true {
            if let m = manifests[dir] {
                return ModuleOrigin(kind: memberDirectories.contains(dir) ? .user : .thirdParty, boundary: dir, manifestPath: m.path)
            }
            if let c = roots.cache, dir == c { break }
            let up = Paths.parent(dir)
            if up == dir { break }
            dir = up
        }
        for dir in lockedElsewhere where Paths.isWithin(path, dir) {
            return ModuleOrigin(kind: .thirdParty, boundary: dir, manifestPath: fetchedManifest(dir)?.path)
        }
        if let c = roots.cache, Paths.isWithin(path, c) {
            // `<cache>/<domain>/<user>/<name>/<commit>/…` (from a lock) or `<cache>/<domain>/<user>/<name>/…`.
            let parts = Paths.relative(path, from: c).split(separator: "/")
            let atCommit = Paths.join(c, parts.prefix(4).joined(separator: "/"))
            if parts.count > 4, let m = fetchedManifest(atCommit) {
                return ModuleOrigin(kind: .thirdParty, boundary: atCommit, manifestPath: m.path)
            }
            let boundary = Paths.join(c, parts.prefix(3).joined(separator: "/"))
            return ModuleOrigin(kind: .thirdParty, boundary: boundary, manifestPath: fetchedManifest(boundary)?.path)
        }
        return ModuleOrigin(kind: .user, boundary: Paths.parent(path), manifestPath: nil)
    }

    private func manifest(at path: String?) -> PackageManifest? {
        guard let path else { return nil }
        let dir = Paths.parent(path)
        return manifests[dir] ?? fetchedManifest(dir)
    }

    func packageManifest(in directory: String) -> PackageManifest? {
        manifests[directory] ?? fetchedManifest(directory)
    }

    /// A `path` dependency's directory, else where the lock file says the package is (its
    /// checkout in the cache, its version in a registry), else a copy put in the cache by hand
    /// (`<cache>/github.com/user/json/asthra.toml`).
    func directory(of dependency: DependencySpec, declaredIn manifest: PackageManifest) -> String? {
        if let p = dependency.path { return Paths.join(manifest.directory, p.value) }
        // A fetched package sits in the cache under the path it is imported by: at the commit
        // the lock file names (`<cache>/<import path>/<commit>/`, where the compiler looks), or
        // directly there for a copy put in the cache by hand.
        let location = Self.importPaths(of: dependency).last!
        if let dir = locked[location], cache.isDirectory(dir) { return dir }
        // A copy by hand is a package: `<cache>/<location>/` holding only the checkouts of
        // fetched commits is not one, and without a lock none of them is chosen.
        guard let c = roots.cache else { return nil }
        let copy = Paths.join(c, location)
        return AsthraEcosystem.manifestNames.contains { cache.contains(Paths.join(copy, $0)) } ? copy : nil
    }

    /// The paths imports name a dependency by: its key, and for a git dependency its location
    /// (`json = { git = "github.com/user/json" }` is imported as `github.com/user/json`).
    static func importPaths(of dependency: DependencySpec) -> [String] {
        guard case .git(let url, _) = dependency.source else { return [dependency.name.value] }
        let location = SourcePackageProvider.location(of: dependency, url: url.value)
        return location == dependency.name.value ? [location] : [dependency.name.value, location]
    }

    /// The dependency an import path reaches into, and the part of the path that names it: the
    /// longest match.
    func declaredDependency(matching path: String, in manifest: PackageManifest) -> (spec: DependencySpec, prefix: String)? {
        var best: (spec: DependencySpec, prefix: String)?
        for dep in manifest.dependencies {
            for prefix in Self.importPaths(of: dep) where path == prefix || path.hasPrefix(prefix + "/") {
                if best.map({ prefix.count > $0.prefix.count }) ?? true { best = (dep, prefix) }
            }
        }
        return best
    }

    private func fetchedManifest(_ dir: String) -> PackageManifest? {
        if let cached = fetched.withLock({ $0[dir] }) { return cached }
        let m = AsthraEcosystem().loadManifest(in: dir, fileSystem: cache.fileSystem)
        fetched.withLock { $0[dir] = .some(m) }
        return m
    }

    private func show(_ path: String) -> String { Paths.display(path, from: root) }

    // MARK: Resolution

    func resolve(_ statement: ImportStatement, inFile file: String, origin: ModuleOrigin) -> ImportOutcome {
        var statement = statement
        switch AsthraImportPath.normalized(statement.path) {
        case .success(let normal):
            statement.path = normal
        case .failure(let escaped):
            // Classified as written, `stdlib/../internal/x` would pass the access rules as a
            // standard-library import and then resolve into `internal/`.
            return ImportOutcome(category: nil, diagnostics: [.error(
                "import path '\(statement.path)' climbs out of '\(escaped.root)/' with '..'", .importEscapesRoot,
                at: statement.literalRange,
                help: ["'..' may only go back within the path's own root; to use a module elsewhere, import it by its own path"])])
        }
        let path = statement.path
        guard let (category, rest) = AsthraImportPath.classify(path) ?? declaredDependency(path, origin: origin) else {
            return bareImport(statement, origin: origin) ?? ImportOutcome(category: nil, diagnostics: [unknownForm(statement, file: file)])
        }
        if let code = AsthraAccessPolicy.violation(from: origin.kind, to: category) {
            return ImportOutcome(category: category, diagnostics: [AsthraAccessPolicy.diagnostic(code, importer: origin.kind, statement: statement)])
        }
        switch category {
        case .system:
            return ImportOutcome(category: .system)
        case .stdlib, .internal:
            if let targets = libraryModules.withLock({ $0[path] }) { return ImportOutcome(category: category, targets: targets) }
            // `std/math`, `std/io`…: the compiler's own, with or without a file for it.
            let builtin = category == .stdlib && AsthraImportPath.isBuiltin(rest)
            guard let root = category == .stdlib ? roots.stdlib : roots.internal else {
                return ImportOutcome(category: builtin ? .builtin : category)
            }
            let outcome = module(at: Paths.join(root, rest), statement: statement, category: category)
            if outcome.diagnostics.isEmpty { libraryModules.withLock { $0[path] = outcome.targets } }
            else if builtin { return ImportOutcome(category: .builtin) }
            return outcome
        case .local:
            let target = Paths.join(Paths.parent(file), path)
            guard Paths.isWithin(target, origin.boundary) else {
                let what = switch origin.kind {
                case .stdlib: "the standard library"
                case .internal: "the internal packages"
                default: "package '\(manifest(at: origin.manifestPath)?.displayName ?? Paths.lastComponent(origin.boundary))'"
                }
                // Only a package can declare dependencies: the libraries name what they may import.
                let help = origin.kind == .stdlib || origin.kind == .internal
                    ? "\(what) may import only 'stdlib/…', 'internal/…', 'system/…' and modules inside its own root"
                    : "to use another package, declare it under [dependencies] (with path = \"…\") and import it by its name"
                return ImportOutcome(category: .local, diagnostics: [.error(
                    "local import '\(path)' leaves \(what)", .importLeavesPackage, at: statement.literalRange,
                    notes: ["a local import ('./', '../') stays inside the root it is written in"], help: [help])])
            }
            return module(at: target, statement: statement, category: .local, importer: file)
        default:  // .thirdParty: `classify` and `declaredDependency` give no other category
            return thirdParty(statement, file: file, origin: origin)
        }
    }

    /// The earlier era's bare import (`import "models";`, as its user manual writes): a module
    /// from the project root, else from the standard library (or one the compiler has built in).
    /// A dependency declared under that plain name has already won. When the project and the
    /// standard library both have it, the project's is used and the ambiguity is reported.
    private func bareImport(_ statement: ImportStatement, origin: ModuleOrigin) -> ImportOutcome? {
        let path = statement.path
        guard !path.isEmpty, !path.hasPrefix("/") else { return nil }
        let inProject = findModule(Paths.join(origin.boundary, path)).flatMap { $0.isEmpty ? nil : $0 }
        let inStdlib = roots.stdlib.flatMap { findModule(Paths.join($0, path)) }.flatMap { $0.isEmpty ? nil : $0 }
        switch (inProject, inStdlib) {
        case (nil, nil):
            return AsthraImportPath.isBuiltin(path) ? ImportOutcome(category: .builtin) : nil
        case (let project?, nil):
            return ImportOutcome(category: .local, targets: project)
        case (nil, let library?):
            return ImportOutcome(category: .stdlib, targets: library)
        case (let project?, let library?):
            var d = Diagnostic.warning(
                "'\(path)' names both '\(show(project[0]))' in the project and 'stdlib/\(path)' in the standard library; the project's module is used",
                .ambiguousBareImport, at: statement.literalRange,
                help: ["write \"./\(path)\" (from the importing file) or \"stdlib/\(path)\" to say which one you mean"])
            d.related = [Diagnostic.Related(file: library[0], range: .at(0), message: "the standard library's 'stdlib/\(path)'")]
            return ImportOutcome(category: .local, targets: project, diagnostics: [d])
        }
    }

    /// A dependency declared under a plain name (`mathlib = { path = "../mathlib" }`) is imported
    /// by that name: `import "mathlib";`, `import "mathlib/vector";`.
    private func declaredDependency(_ path: String, origin: ModuleOrigin) -> (category: ImportCategory, rest: String)? {
        let first = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? path
        guard let manifest = manifest(at: origin.manifestPath), manifest.dependency(named: first) != nil else { return nil }
        return (.thirdParty, path)
    }

    private func thirdParty(_ statement: ImportStatement, file: String, origin: ModuleOrigin) -> ImportOutcome {
        let path = statement.path
        guard let manifest = manifest(at: origin.manifestPath) else { return ImportOutcome(category: .thirdParty) }
        guard let (dep, prefix) = declaredDependency(matching: path, in: manifest) else {
            return ImportOutcome(category: .thirdParty, diagnostics: [undeclared(path, statement: statement, manifest: manifest, origin: origin)])
        }
        if dep.scope == .dev && !Self.isTestFile(file, packageRoot: manifest.directory) {
            return ImportOutcome(category: .thirdParty, diagnostics: [.error(
                "'\(dep.name.value)' is a dev-dependency of '\(manifest.displayName)'; only tests and examples may import it", .undeclaredDependency,
                at: statement.literalRange, help: ["move it from [dev-dependencies] to [dependencies]"])])
        }
        let sub = String(path.dropFirst(prefix.count).drop { $0 == "/" })
        guard let packageDir = directory(of: dep, declaredIn: manifest) else {
            return ImportOutcome(category: .thirdParty, package: PackageReference(name: dep.name.value, declaredIn: manifest.path, directory: nil, isWholePackage: sub.isEmpty))
        }
        var outcome = ImportOutcome(category: .thirdParty, package: PackageReference(name: dep.name.value, declaredIn: manifest.path, directory: packageDir, isWholePackage: sub.isEmpty))
        if sub.isEmpty {
            if let entry = packageEntry(packageDir) {
                outcome.targets = entry
            } else {
                outcome.diagnostics = [.error(
                    "package '\(dep.name.value)' at '\(show(packageDir))' has no library to import", .unresolvedImport, at: statement.literalRange,
                    help: ["the package needs src/lib.asthra (or src/lib.ast), a [lib] path, or source files in src/"])]
            }
            return outcome
        }
        if let found = findModule(Paths.join(packageDir, "src", sub)) {
            outcome.targets = found
            return outcome
        }
        let plain = module(at: Paths.join(packageDir, sub), statement: statement, category: .thirdParty)
        outcome.targets = plain.targets
        outcome.diagnostics = plain.diagnostics
        return outcome
    }

    /// An import of a package the manifest does not declare, with the entry the compiler reads
    /// (`json = { git = "github.com/acme/json" }`, what `asthra add` writes) as a fix, in the
    /// importing package's own manifest, after its `[package]`. A manifest in the package cache
    /// or a library is not the user's to edit: no fix there.
    private func undeclared(_ path: String, statement: ImportStatement, manifest: PackageManifest, origin: ModuleOrigin) -> Diagnostic {
        let package = path.split(separator: "/").prefix(3).joined(separator: "/")
        let last = Paths.lastComponent(package)
        let key = manifest.dependencies.contains { $0.name.value == last } || AsthraPackageName.problem(with: last) != nil ? package : last
        let entry = "\(TOMLLiteral.renderKey(key)) = { git = \(TOMLLiteral.renderString(package)) }"
        var d = Diagnostic.error(
            "third-party package '\(package)' is not declared in [dependencies] of '\(manifest.displayName)'", .undeclaredDependency,
            at: statement.literalRange, label: "not in [dependencies]",
            help: ["add \(entry) (with a tag, branch or commit) under [dependencies] in \(show(manifest.path))"])
        let editable = origin.kind == .user && !(roots.cache.map { Paths.isWithin(manifest.path, $0) } ?? false)
        let document = TOMLDocument(parsing: manifest.source)
        if editable, !document.hasErrors,
           let edits = try? TOMLEditor(document).insertKey(key, value: .inlineTable([("git", .string(package))]), inTable: ["dependencies"], newTableAfter: ["package"]) {
            d.fix = Diagnostic.Fix(title: "Add \(entry) to [dependencies] of '\(manifest.displayName)'",
                                   edits: edits.map { TextEdit(file: manifest.path, range: $0.range, newText: $0.newText) })
        }
        return d
    }

    /// A package imported by its bare name: its `[lib]` path, `src/lib.*`, or the files of `src/`.
    private func packageEntry(_ dir: String) -> [String]? {
        if let m = manifests[dir] ?? fetchedManifest(dir), let lib = m.package?.targets.first(where: { $0.kind == .lib }) {
            let path = Paths.join(dir, lib.path.value)
            if cache.contains(path) { return [path] }
        }
        if let found = findModule(Paths.join(dir, "src/lib")) { return found }
        if let found = findModule(Paths.join(dir, "src")), !found.isEmpty { return found }
        return nil
    }

    static func isTestFile(_ file: String, packageRoot: String) -> Bool {
        let relative = Paths.relative(file, from: packageRoot)
        let first = relative.split(separator: "/").first.map(String.init) ?? ""
        return ["tests", "examples", "benches"].contains(first) || Paths.stem(file).hasSuffix("_test")
    }

    /// The files a module path names: `<base>.asthra`, `<base>.ast`, or the source files of the directory `<base>`.
    func findModule(_ base: String) -> [String]? { lookUp(base)?.files }

    /// `findModule`'s answer, and the file names of the module when there are more than one
    /// (`x.asthra` and `x.ast`: the first is used), else none.
    private func lookUp(_ base: String) -> (files: [String], clashing: [String])? {
        // One listing answers both questions: is there a file `<name>.<ext>`, and a directory `<name>`?
        let name = Paths.lastComponent(base)
        guard let siblings = cache.entries(of: Paths.parent(base)) else { return nil }
        let present = extensions.filter { siblings.contains(name + "." + $0) }
        if let ext = present.first { return ([base + "." + ext], present.count > 1 ? present.map { name + "." + $0 } : []) }
        guard siblings.contains(name), cache.isDirectory(base), let names = cache.entries(of: base) else { return nil }
        return (names.filter { extensions.contains(Paths.fileExtension($0)) }.sorted().map { Paths.join(base, $0) }, [])
    }

    private func module(at base: String, statement: ImportStatement, category: ImportCategory, importer: String? = nil) -> ImportOutcome {
        if let (found, clashing) = lookUp(base) {
            if clashing.count > 1 {
                return ImportOutcome(category: category, targets: found, diagnostics: [.warning(
                    "module '\(statement.path)' is both '\(clashing[0])' and '\(clashing[1])'; '\(clashing[0])' is used", .ambiguousModuleFile,
                    at: statement.literalRange, help: ["remove or rename one of them, so that the module is one file"])])
            }
            if found.isEmpty {
                return ImportOutcome(category: category, diagnostics: [.error(
                    "module '\(statement.path)' is the directory '\(show(base))', which holds no .\(extensions.joined(separator: " or .")) files", .unresolvedImport,
                    at: statement.literalRange, help: ["add source files to the directory, or import one of its subdirectories"])])
            }
            return ImportOutcome(category: category, targets: found)
        }
        let name = Paths.lastComponent(base)
        return listing.missingModule(statement, base: base, name: name, category: category, lookedFor:
            "there is no '\(name).\(extensions[0])', '\(name).\(extensions[1])' or directory '\(name)' in '\(show(Paths.parent(base)))'", importer: importer) {
            self.findModule($0)?.isEmpty == false
        }
    }

    // MARK: Unknown forms

    private static let hosts = ["github": "github.com", "gitlab": "gitlab.com", "bitbucket": "bitbucket.org", "codeberg": "codeberg.org"]

    private func unknownForm(_ statement: ImportStatement, file: String) -> Diagnostic {
        let path = statement.path
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let first = segments[0]
        let tail = segments.dropFirst().joined(separator: "/")
        var guess: String?
        let prefixes = AsthraImportPath.stdlibPrefixes + [AsthraImportPath.internalPrefix, AsthraImportPath.systemPrefix]
        if segments.count > 1, let prefix = Spelling.closest(to: first, in: prefixes) {
            guess = prefix + "/" + tail
        } else if segments.count > 1, let host = Self.hosts[first.lowercased()] {
            guess = host + "/" + tail
        } else if findModule(Paths.join(Paths.parent(file), path)) != nil {
            guess = "./" + path
        } else if let stdlib = roots.stdlib, findModule(Paths.join(stdlib, path)) != nil {
            guess = "stdlib/" + path
        } else if segments.count > 1, let stdlib = roots.stdlib, findModule(Paths.join(stdlib, tail)) != nil {
            guess = "stdlib/" + tail
        }
        var help: [String] = []
        var fix: Diagnostic.Fix?
        if let guess {
            help.append("did you mean '\(guess)'?")
            fix = Diagnostic.Fix(title: "Change the import to '\(guess)'", edits: [TextEdit(range: statement.pathRange, newText: guess)])
        }
        return .error("unknown import path '\(path)'", .unknownImportPrefix, at: statement.literalRange,
                      notes: ["an import path starts with 'stdlib/', 'std/', 'internal/', 'system/', a domain ('github.com/user/pkg'), './' or '../', or names a module of the project root or the standard library"],
                      help: help, fix: fix)
    }
}
