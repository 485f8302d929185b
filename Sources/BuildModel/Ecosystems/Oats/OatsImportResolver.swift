/// Resolves Oats imports for one workspace. A specifier that starts with `./` or `../` names a
/// module of the importing package, relative to the importing file: `x.oats`, `x` itself, or
/// `x/index.oats`, never outside the package. Any other specifier names a declared dependency:
/// the package's entry, or (`dep/x`) a module of that package, found the same way from its root.
final class OatsImportResolver: ImportResolver {
    let cache: DirectoryCache
    let listing: ModuleListing
    /// The workspace root: paths in messages are shown relative to it.
    let root: String
    /// The members and their path dependencies, by package directory.
    private let packages: LocalPackages

    var environmentDiagnostics: [Diagnostic] { [] }
    var libraryRoots: [String] { [] }

    init(setup: ImportResolverSetup) {
        cache = setup.directories
        root = setup.rootManifest.directory
        listing = ModuleListing(cache: setup.directories, extensions: OatsEcosystem.extensions, root: root)
        packages = LocalPackages(setup, ecosystem: OatsEcosystem())
    }

    private func show(_ path: String) -> String { Paths.display(path, from: root) }

    // MARK: Packages

    func origin(ofFile path: String, member: PackageManifest?) -> ModuleOrigin { packages.origin(ofFile: path, member: member) }

    func packageManifest(in directory: String) -> PackageManifest? { packages.manifest(in: directory) }

    /// Only path dependencies are on this machine: Oats fetches nothing.
    func directory(of dependency: DependencySpec, declaredIn manifest: PackageManifest) -> String? {
        dependency.path.map { Paths.join(manifest.directory, $0.value) }
    }

    func availablePackages() -> [AvailablePackage] { [] }

    static func isRelative(_ specifier: String) -> Bool {
        specifier == "." || specifier == ".." || specifier.hasPrefix("./") || specifier.hasPrefix("../")
    }

    // MARK: Resolution

    func resolve(_ statement: ImportStatement, inFile file: String, origin: ModuleOrigin) -> ImportOutcome {
        let specifier = statement.path
        if Self.isRelative(specifier) {
            let target = Paths.join(Paths.parent(file), specifier)
            guard Paths.isWithin(target, origin.boundary) else {
                let name = origin.manifestPath.flatMap { packageManifest(in: Paths.parent($0))?.displayName } ?? Paths.lastComponent(origin.boundary)
                return ImportOutcome(category: .local, diagnostics: [.error(
                    "relative import '\(specifier)' leaves package '\(name)'", .importLeavesPackage, at: statement.literalRange,
                    help: ["to use another package, add it under [dependencies] as name = { path = \"…\" } and import it by its name"])])
            }
            return module(target, statement: statement, category: .local, importer: file)
        }
        guard !specifier.isEmpty, !specifier.hasPrefix("/") else {
            return ImportOutcome(category: nil, diagnostics: [.error(
                "import specifier '\(specifier)' is neither a relative path nor a package name", .unresolvedImport, at: statement.literalRange,
                help: ["import a module of this package as \"./name\", or a dependency by the name [dependencies] gives it"])])
        }
        return dependency(statement, origin: origin)
    }

    private func dependency(_ statement: ImportStatement, origin: ModuleOrigin) -> ImportOutcome {
        let specifier = statement.path
        guard let manifest = origin.manifestPath.flatMap({ packageManifest(in: Paths.parent($0)) }) else {
            return ImportOutcome(category: .thirdParty)
        }
        let name = specifier.split(separator: "/", maxSplits: 1).first.map(String.init) ?? specifier
        guard let dep = manifest.dependency(named: name) else {
            return ImportOutcome(category: .thirdParty, diagnostics: [undeclared(name, statement: statement, manifest: manifest)])
        }
        let sub = String(specifier.dropFirst(name.count).drop { $0 == "/" })
        guard let dir = directory(of: dep, declaredIn: manifest) else {
            // A version-only dependency: the manifest already says it cannot be had.
            return ImportOutcome(category: .thirdParty, package: PackageReference(name: name, declaredIn: manifest.path, directory: nil, isWholePackage: sub.isEmpty))
        }
        let reference = PackageReference(name: name, declaredIn: manifest.path, directory: dir, isWholePackage: sub.isEmpty)
        if !sub.isEmpty {
            var outcome = module(Paths.join(dir, sub), statement: statement, category: .thirdParty)
            outcome.package = reference
            return outcome
        }
        // The package's entry; its manifest's problems (a missing directory, no entry) are
        // reported there, once, not at every import.
        guard let other = packageManifest(in: dir), let entry = other.package?.targets.first else {
            return ImportOutcome(category: .thirdParty, package: reference)
        }
        let path = Paths.join(dir, entry.path.value)
        return ImportOutcome(category: .thirdParty, targets: cache.contains(path) ? [path] : [], package: reference)
    }

    private func undeclared(_ name: String, statement: ImportStatement, manifest: PackageManifest) -> Diagnostic {
        var d = Diagnostic.error(
            "package '\(name)' is not declared in [dependencies] of '\(manifest.displayName)'", .undeclaredDependency, at: statement.literalRange,
            help: ["add \(TOMLLiteral.renderKey(name)) = { path = \"…\" } under [dependencies] in \(show(manifest.path)), or import a module of this package as \"./\(name)\""])
        // A sibling package of that name is what the user most likely means.
        let sibling = Paths.join(Paths.parent(manifest.directory), name)
        if packageManifest(in: sibling)?.package?.name?.value == name {
            let relative = "../" + name
            // Only the syntax must be sound for an edit; other problems of the manifest stay as they are.
            let document = TOMLDocument(parsing: manifest.source)
            if !document.hasErrors, let edits = try? TOMLEditor(document)
                .insertKey(name, value: .inlineTable([("path", .string(relative))]), inTable: ["dependencies"]) {
                let fixed = edits.map { TextEdit(file: manifest.path, range: $0.range, newText: $0.newText) }
                d.fix = Diagnostic.Fix(title: "Add '\(name)' = { path = \"\(relative)\" } to [dependencies] of '\(manifest.displayName)'", edits: fixed)
            }
        }
        return d
    }

    /// `base.oats`, `base` itself when it is a source file, or `base/index.oats`.
    func findModule(_ base: String) -> String? {
        let name = Paths.lastComponent(base)
        guard let siblings = cache.entries(of: Paths.parent(base)) else { return nil }
        if siblings.contains(name + ".oats") { return base + ".oats" }
        if Paths.fileExtension(name) == "oats", siblings.contains(name), !cache.isDirectory(base) { return base }
        if siblings.contains(name), cache.isDirectory(base), cache.entries(of: base)?.contains("index.oats") == true {
            return Paths.join(base, "index.oats")
        }
        return nil
    }

    private func module(_ base: String, statement: ImportStatement, category: ImportCategory, importer: String? = nil) -> ImportOutcome {
        if let found = findModule(base) { return ImportOutcome(category: category, targets: [found]) }
        let name = Paths.lastComponent(base)
        let stem = Paths.fileExtension(name) == "oats" ? Paths.stem(name) : name
        return listing.missingModule(statement, base: base, name: stem, category: category,
                                     lookedFor: "there is no '\(stem).oats' or '\(stem)/index.oats' in '\(show(Paths.parent(base)))'", importer: importer) {
            self.findModule($0) != nil
        }
    }

    // MARK: Completion

    func candidates(forPrefix prefix: String, inFile file: String, origin: ModuleOrigin) -> [ImportCandidate] {
        guard let slash = prefix.lastIndex(of: "/") else {
            var out = [ImportCandidate(path: "./", kind: .prefix, category: .local, detail: "a module of this package"),
                       ImportCandidate(path: "../", kind: .prefix, category: .local, detail: "a module of this package, one directory up")]
            if let manifest = origin.manifestPath.flatMap({ packageManifest(in: Paths.parent($0)) }) {
                for dep in manifest.dependencies.sorted(by: { $0.name.value < $1.name.value }) {
                    out.append(ImportCandidate(path: dep.name.value, kind: .package, category: .thirdParty, detail: dep.sourceSummary))
                }
            }
            return out
        }
        let directory = String(prefix[..<slash])
        if Self.isRelative(directory + "/") {
            let dir = Paths.join(Paths.parent(file), directory)
            guard Paths.isWithin(dir, origin.boundary) || dir == origin.boundary else { return [] }
            return listing.candidates(in: dir, as: directory, category: .local, excluding: file)
        }
        let name = directory.split(separator: "/", maxSplits: 1).first.map(String.init) ?? directory
        guard let manifest = origin.manifestPath.flatMap({ packageManifest(in: Paths.parent($0)) }),
              let dep = manifest.dependency(named: name), let dir = self.directory(of: dep, declaredIn: manifest) else { return [] }
        let sub = String(directory.dropFirst(name.count).drop { $0 == "/" })
        return listing.candidates(in: sub.isEmpty ? dir : Paths.join(dir, sub), as: directory, category: .thirdParty)
    }
}
