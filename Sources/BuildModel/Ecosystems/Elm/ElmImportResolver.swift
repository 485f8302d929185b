import Synchronization

/// Resolves Elm imports for one project. `import A.B` names `A/B.elm` under one of the source
/// directories (a local module), or a module a direct dependency exposes (a foreign one). Two
/// providers are ambiguous (E008); a module only an indirect dependency exposes must be made
/// direct first (I004, with the edit of elm.json); anything else is not found (I003, with the
/// closest name and the package in the cache that would provide it).
final class ElmImportResolver: ImportResolver {
    let project: PackageManifest
    let cache: DirectoryCache
    let dependencies: ElmDependencies
    /// The source directories, absolute, the deepest first (a file belongs to the deepest).
    let sourceDirectories: [String]
    let environmentDiagnostics: [Diagnostic]
    /// The project's modules by name, each with its files in the order of the source
    /// directories, listed when first asked.
    private let localModules = Mutex<[String: [String]]?>(nil)
    /// Which cached packages expose each module, at their newest version, read when first asked.
    private let cachedExposers = Mutex<[String: [String]]?>(nil)

    var libraryRoots: [String] { [] }

    init(setup: ImportResolverSetup) {
        project = setup.rootManifest
        cache = setup.directories
        dependencies = ElmDependencies(project: project, environment: setup.environment, fileSystem: setup.fileSystem)
        sourceDirectories = ElmEcosystem.sourceDirectories(of: project).sorted { $0.count > $1.count }
        var diagnostics = dependencies.problems
        if project.package?.name == nil, let directory = dependencies.cacheDirectory {
            diagnostics += ElmApplicationCheck.run(project, cache: ElmPackageCache(directory: directory, fileSystem: setup.fileSystem, application: project))
        }
        environmentDiagnostics = diagnostics
    }

    // MARK: Packages

    func origin(ofFile path: String, member: PackageManifest?) -> ModuleOrigin {
        if Paths.isWithin(path, project.directory) || sourceDirectory(of: path) != nil {
            return ModuleOrigin(kind: .user, boundary: project.directory, manifestPath: project.path)
        }
        return ModuleOrigin(kind: .thirdParty, boundary: Paths.parent(path), manifestPath: nil)
    }

    /// The source directory holding `path`, the deepest one.
    func sourceDirectory(of path: String) -> String? {
        sourceDirectories.first { Paths.isWithin(path, $0) }
    }

    func packageManifest(in directory: String) -> PackageManifest? {
        if directory == project.directory { return project }
        return ElmEcosystem().loadManifest(in: directory, fileSystem: cache.fileSystem)
    }

    /// A dependency's release in the package cache, at the version the project builds with.
    func directory(of dependency: DependencySpec, declaredIn manifest: PackageManifest) -> String? {
        if let release = dependencies.releases[dependency.name.value] { return release.directory }
        guard let root = dependencies.cacheDirectory, let version = dependency.requirement?.value.versionSet.singleVersion else { return nil }
        let directory = Paths.join(root, dependency.name.value, "\(version)")
        return cache.fileSystem.isDirectory(directory) ? directory : nil
    }

    /// Every release in the package cache.
    func availablePackages() -> [AvailablePackage] {
        guard let root = dependencies.cacheDirectory else { return [] }
        var out: [AvailablePackage] = []
        for author in (cache.entries(of: root) ?? []).sorted() where cache.isDirectory(Paths.join(root, author)) {
            for project in (cache.entries(of: Paths.join(root, author)) ?? []).sorted() {
                let directory = Paths.join(root, author, project)
                for version in (cache.entries(of: directory) ?? []).compactMap(Version.init).sorted() {
                    let release = Paths.join(directory, "\(version)")
                    let summary = packageManifest(in: release)?.package?.description?.value
                    out.append(AvailablePackage(name: "\(author)/\(project)", version: version, description: summary, directory: release))
                }
            }
        }
        return out
    }

    // MARK: Declarations

    /// `module A.B` must live in `A/B.elm` under its source directory, and in one source
    /// directory only: elm make stops on a module name clash whenever it compiles the module,
    /// as an entry or imported. A package's modules are no `port module`s.
    func checkDeclaration(of scan: SourceScan, inFile path: String, origin: ModuleOrigin) -> [Diagnostic] {
        guard let declaration = scan.declaration, let directory = sourceDirectory(of: path),
              let expected = ElmSourceScanner.moduleName(ofFile: path, sourceDirectory: directory) else { return [] }
        var out: [Diagnostic] = []
        if project.package?.name != nil, let port = scan.declarationModifiers.first(where: { $0.value == "port" }) {
            out.append(.error("a package cannot have a port module", .portModuleInPackage, at: port.range, label: "ports are for applications",
                              notes: ["elm keeps packages free of JavaScript: a port would need its own in every application that uses the package"],
                              help: ["declare it `module \(declaration.value)`, and keep ports in the applications that use the package"],
                              fix: Diagnostic.Fix(title: "Declare 'module \(declaration.value)'", edits: [TextEdit(range: SourceRange(port.range.lowerBound, declaration.range.lowerBound), newText: "module ")])))
        }
        let shown = Paths.display(path, from: project.directory)
        if expected != declaration.value {
            let moved = Paths.display(Paths.join(directory, declaration.value.replacing(".", with: "/") + ".elm"), from: project.directory)
            out.append(.error("module name '\(declaration.value)' does not match the file \(shown)", .moduleNameMismatch, at: declaration.range,
                              label: "this file must declare `module \(expected)`",
                              notes: ["Elm finds a module by its name: `import \(expected)` reads \(shown)"],
                              help: ["declare `module \(expected)`, or move the file to \(moved)"],
                              fix: Diagnostic.Fix(title: "Declare 'module \(expected)'", edits: [TextEdit(range: declaration.range, newText: expected)])))
        }
        let twins = localFiles(of: expected)
        if twins.count > 1 {
            out.append(.error("module \(expected) is in \(twins.count) source directories", .ambiguousModule, at: declaration.range, label: "also elsewhere",
                              notes: twins.map { "provided by \(Paths.display($0, from: project.directory))" }
                                  + ["elm make stops on this module name clash whenever it compiles the module"],
                              help: ["rename or remove all but one of the files, or take the extra source directory out of elm.json"]))
        }
        return out
    }

    // MARK: Resolution

    /// Where `A.B` is under each source directory.
    func localFiles(of module: String) -> [String] {
        moduleTable()[module] ?? []
    }

    func resolve(_ statement: ImportStatement, inFile file: String, origin: ModuleOrigin) -> ImportOutcome {
        let name = statement.path
        let local = localFiles(of: name)
        let foreign = dependencies.directExposers(of: name)
        if local.count + foreign.count > 1 {
            let places = local.map { Paths.display($0, from: project.directory) } + foreign.map { "the package \($0.name) \($0.version)" }
            return ImportOutcome(category: local.isEmpty ? .thirdParty : .local, targets: Array(local.prefix(1)), diagnostics: [.error(
                "module \(name) is ambiguous: \(places.count) places provide it", .ambiguousModule, at: statement.literalRange, label: "which one?",
                notes: places.map { "provided by \($0)" },
                help: [local.count > 1 ? "rename or remove all but one of the files, or take the extra source directory out of elm.json"
                                       : "rename the local module, or remove the dependency that also exposes it"])])
        }
        if let path = local.first { return ImportOutcome(category: .local, targets: [path]) }
        if let release = foreign.first {
            return ImportOutcome(category: .thirdParty, package: reference(to: release, module: name))
        }
        if let indirect = (dependencies.exposers[name] ?? []).compactMap({ dependencies.releases[$0] }).first {
            return ImportOutcome(category: .thirdParty, diagnostics: [fromIndirect(name, release: indirect, statement: statement)], package: reference(to: indirect, module: name))
        }
        // It may be a module of a dependency whose modules are not known: elm.json's error
        // says why, and this import is not reported on top of it.
        if !dependencies.unknownDirect.isEmpty { return ImportOutcome(category: nil) }
        return ImportOutcome(category: nil, diagnostics: [notFound(name, statement: statement, importer: file)])
    }

    private func reference(to release: ElmDependencies.Release, module: String) -> PackageReference {
        var reference = PackageReference(name: release.name, declaredIn: project.path, directory: release.directory, isWholePackage: false)
        reference.file = Paths.join(release.sourceDirectory, module.replacing(".", with: "/") + ".elm")
        return reference
    }

    private func fromIndirect(_ module: String, release: ElmDependencies.Release, statement: ImportStatement) -> Diagnostic {
        var d = Diagnostic.error("module \(module) is from \(release.name), which is not a direct dependency", .undeclaredDependency, at: statement.literalRange,
                                 label: "from an indirect dependency",
                                 notes: ["\(release.name) \(release.version) is here only because another package needs it; Elm lets a module import only direct dependencies"],
                                 help: ["move \"\(release.name)\": \"\(release.version)\" from \"indirect\" to \"direct\" in elm.json (`elm install \(release.name)` does it)"])
        let document = JSONDocument(parsing: project.source)
        let section = project.package?.name == nil ? ["dependencies", "indirect"] : nil
        if let section, let removal = document.removal(of: section + [release.name]),
           let insertion = document.insertion(of: release.name, json: JSONText.quoted("\(release.version)"), in: ["dependencies", "direct"]) {
            d.fix = Diagnostic.Fix(title: "Add \(release.name) to the direct dependencies",
                                   edits: (insertion + removal).map { TextEdit(file: project.path, range: $0.range, newText: $0.newText) })
        }
        return d
    }

    /// (The importing file is never the module meant: a module does not import itself.)
    private func notFound(_ module: String, statement: ImportStatement, importer: String) -> Diagnostic {
        // In a fixed order, the project's then the packages' by name: of two names as close,
        // the first is offered, the same on every run.
        var known = modules().filter { $0.value != importer }.map(\.key).sorted()
        for release in dependencies.releases.values.sorted(by: { $0.name < $1.name }) where release.isDirect { known += release.exposedModules }
        var help: [String] = []
        var fix: Diagnostic.Fix?
        if let guess = Spelling.closest(to: module, in: known) {
            help.append("did you mean \(guess)?")
            fix = Diagnostic.Fix(title: "Import \(guess)", edits: [TextEdit(range: statement.literalRange, newText: guess)])
        }
        if let package = exposersInCache(of: module).first {
            help.append("the package \(package) exposes \(module): run `elm install \(package)`")
        } else {
            let relative = module.replacing(".", with: "/") + ".elm"
            let first = ElmEcosystem.sourceDirectories(of: project).first.map { Paths.display(Paths.join($0, relative), from: project.directory) } ?? relative
            help.append("create \(first), or add the package that provides it to elm.json")
        }
        let looked = ElmEcosystem.sourceDirectories(of: project).map { Paths.display($0, from: project.directory) + "/" }
        return .error("module \(module) not found", .unresolvedImport, at: statement.literalRange, label: "not in the source directories or the direct dependencies",
                      notes: ["looked in " + (looked.isEmpty ? "no source directory" : looked.joined(separator: ", ")) + " and the modules the direct dependencies expose"],
                      help: help, fix: fix)
    }

    /// The project's modules by name, with their first file.
    func modules() -> [String: String] {
        moduleTable().compactMapValues(\.first)
    }

    /// Every module under the source directories, by name, with its files in the order elm.json
    /// lists the directories: one walk of the listings, then every import is a lookup.
    private func moduleTable() -> [String: [String]] {
        if let known = localModules.withLock({ $0 }) { return known }
        var found: [String: [String]] = [:]
        for directory in ElmEcosystem.sourceDirectories(of: project) {
            var pending = [(directory, "")]
            while let (dir, prefix) = pending.popLast() {
                for entry in cache.entries(of: dir) ?? [] {
                    if entry.hasSuffix(".elm") {
                        let name = prefix + entry.dropLast(4)
                        found[name, default: []].append(Paths.join(dir, entry))
                    } else if !entry.hasPrefix("."), entry != "elm-stuff", entry.first?.isUppercase == true, cache.isDirectory(Paths.join(dir, entry)) {
                        pending.append((Paths.join(dir, entry), prefix + entry + "."))
                    }
                }
            }
        }
        return localModules.withLock { table in
            if table == nil { table = found }
            return table!
        }
    }

    /// The packages in the cache whose newest release exposes `module`.
    private func exposersInCache(of module: String) -> [String] {
        if let known = cachedExposers.withLock({ $0 }) { return known[module] ?? [] }
        var table: [String: [String]] = [:]
        var newest: [String: AvailablePackage] = [:]
        for package in availablePackages() { newest[package.name] = package }
        for (name, package) in newest.sorted(by: { $0.key < $1.key }) {
            for exposed in packageManifest(in: package.directory)?.exposedModules ?? [] { table[exposed.value, default: []].append(name) }
        }
        cachedExposers.withLock { $0 = table }
        return table[module] ?? []
    }

    // MARK: Completion

    /// Module names that start with what is typed: the project's and the direct dependencies'.
    func candidates(forPrefix prefix: String, inFile file: String, origin: ModuleOrigin) -> [ImportCandidate] {
        var out: [ImportCandidate] = []
        let own = ElmSourceScanner.moduleName(ofFile: file, sourceDirectory: sourceDirectory(of: file) ?? "")
        for (name, path) in modules() where name.hasPrefix(prefix) && name != own {
            out.append(ImportCandidate(path: name, kind: .module, category: .local, detail: Paths.display(path, from: project.directory)))
        }
        for release in dependencies.releases.values where release.isDirect {
            for name in release.exposedModules where name.hasPrefix(prefix) {
                out.append(ImportCandidate(path: name, kind: .module, category: .thirdParty, detail: "\(release.name) \(release.version)"))
            }
        }
        return out.sorted { $0.path < $1.path }
    }
}
