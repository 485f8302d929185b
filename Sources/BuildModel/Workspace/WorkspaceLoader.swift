import Dispatch

/// Loads a workspace into a snapshot: manifests, member source files, and every library or
/// dependency module their imports reach, each scanned and its imports resolved.
public struct WorkspaceLoader: Sendable {
    public let ecosystem: any Ecosystem
    public let fileSystem: any FileSystem
    public let environment: [String: String]
    /// Manifests read by earlier loads (or by the caller), reused while their text is unchanged.
    public let manifests: ManifestCache
    /// The root package's features the imports are checked against (`--features`).
    public var features: FeatureSelection

    public init(ecosystem: any Ecosystem, fileSystem: any FileSystem, environment: [String: String], manifests: ManifestCache = ManifestCache(),
                features: FeatureSelection = .standard) {
        self.features = features
        self.ecosystem = ecosystem
        self.fileSystem = fileSystem
        self.environment = environment
        self.manifests = manifests
    }

    /// - Parameters:
    ///   - directory: where to look for a manifest, upward.
    ///   - manifestPath: a manifest to use instead (`--manifest-path`).
    public func load(from directory: String, manifestPath: String? = nil) throws(WorkspaceError) -> WorkspaceSnapshot {
        let locator = WorkspaceLocator(ecosystem: ecosystem, fileSystem: fileSystem, manifests: manifests)
        let start: String
        if let manifestPath {
            start = fileSystem.absolute(manifestPath)
            if fileSystem.isDirectory(start) { throw .unreadableManifest(.isADirectory(start)) }
        } else {
            guard let found = locator.nearestManifest(from: directory) else {
                throw .noManifest(start: fileSystem.absolute(directory), names: ecosystem.manifestFileNames)
            }
            start = found
        }
        let rootPath = locator.workspaceRoot(for: start)
        let rootSource: SourceText
        let rootManifest: PackageManifest
        do {
            rootSource = try fileSystem.readText(rootPath)
            rootManifest = manifests.manifest(rootSource, ecosystem: ecosystem)
        } catch {
            // A package without a manifest file, where the language allows it.
            guard rootPath == start, case .notFound(_) = error, let implicit = ecosystem.implicitManifest(in: Paths.parent(start), fileSystem: fileSystem),
                  implicit.path == start else { throw .unreadableManifest(error) }
            rootSource = implicit.source
            rootManifest = implicit
        }

        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [rootPath: rootSource]
        if let outside = outsideWorkspace(rootManifest, start: start) {
            diagnostics.append(outside.diagnostic)
            sources[outside.root.path] = outside.root.source
        }
        var members: [PackageManifest] = rootManifest.package != nil ? [rootManifest] : []
        let (memberDirs, memberProblems) = locator.memberDirectories(of: rootManifest)
        diagnostics += rootManifest.diagnostics.map { $0.inFile(rootPath) } + memberProblems
            + locator.defaultMemberDirectories(of: rootManifest, members: memberDirs).diagnostics
        for dir in memberDirs where dir != rootManifest.directory {
            guard let path = locator.manifest(in: dir) else { continue }
            do {
                let source = try fileSystem.readText(path)
                let manifest = manifests.manifest(source, ecosystem: ecosystem)
                sources[path] = source
                members.append(manifest)
                diagnostics += manifest.diagnostics.map { $0.inFile(path) }
                if let unused = MemberBuildSettings.unused(in: manifest, root: rootManifest) { diagnostics.append(unused) }
            } catch {
                diagnostics.append(fileProblem(error, path: path))
            }
        }
        let packages = PackageGraph(members: members, ecosystem: ecosystem, fileSystem: fileSystem, manifests: manifests)
        // Members and the path dependencies they reach: local packages, whose manifests are
        // the user's (as Cargo warns of a path dependency's, not of a registry's). What reading
        // a path dependency's manifest found is said too, as for a member's: a build cannot use
        // a package whose manifest does not read.
        let read = Set([rootPath] + members.map(\.path))
        for package in packages.packages {
            if !read.contains(package.path) { diagnostics += package.diagnostics.map { $0.inFile(package.path) } }
            diagnostics += ecosystem.checkManifest(package, fileSystem: fileSystem).map { $0.inFile(package.path) }
        }
        diagnostics += packages.diagnostics
        let (lock, lockProblems) = LockCheck.check(rootManifest, members: members, ecosystem: ecosystem, fileSystem: fileSystem)
        diagnostics += lockProblems
        for package in packages.packages where sources[package.path] == nil { sources[package.path] = package.source }

        let directories = DirectoryCache(fileSystem: fileSystem)
        let resolver = ecosystem.makeImportResolver(ImportResolverSetup(
            fileSystem: fileSystem, environment: environment, rootManifest: rootManifest, members: members, packages: packages, directories: directories,
            features: features))
        diagnostics += resolver.environmentDiagnostics
        diagnostics += DependencyAvailability.check(members, ecosystem: ecosystem, resolver: resolver, unlocked: lock == nil && lockProblems.isEmpty)

        // Member sources: each member's source roots minus the other members and the library roots.
        let excluded = Set(members.map(\.directory)).union(resolver.libraryRoots)
        // Members by index: a manifest is a large value, not to be copied for each of 10,000 files.
        let roots = members.indices.flatMap { m in ecosystem.sourceRoots(of: members[m]).map { (member: m, root: $0) } }
        // Roots are walked on every core: listing directories is mostly waiting on the kernel.
        let walks = ResultSlots<(files: [String], diagnostics: [Diagnostic])>(count: roots.count)
        let walked = members
        DispatchQueue.concurrentPerform(iterations: roots.count) { i in
            let (member, root) = roots[i]
            let walker = SourceWalker(ecosystem: ecosystem, package: walked[member], cache: directories, excluded: excluded)
            walks[i] = walker.walk(root)
        }
        var pending: [(path: String, member: Int?)] = []
        // A member's roots may overlap (`src` and `src/generated`): a file is read once.
        var seen: Set<String>? = roots.count > members.count ? [] : nil
        for ((member, _), walk) in zip(roots, walks.values) {
            diagnostics += walk!.diagnostics
            pending += walk!.files.filter { seen?.insert($0).inserted ?? true }.map { ($0, member) }
        }

        var modules = [String: Module](minimumCapacity: pending.count + 64)
        sources.reserveCapacity(pending.count + members.count + 64)
        var known = Set(pending.map(\.path))
        var unreadableTargets: Set<String> = []
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let loaded = readScanAndResolve(batch, members: members, resolver: resolver, known: known)
            for (index, item) in batch.enumerated() {
                let module: Module
                let targets: [String]
                switch loaded[index] {
                case .success(let m): (module, targets) = m
                case .failure(let error):
                    diagnostics.append(fileProblem(error, path: item.path))
                    if item.member == nil { unreadableTargets.insert(item.path) }
                    continue
                }
                for target in targets where known.insert(target).inserted {
                    pending.append((target, nil))
                }
                modules[item.path] = module
                sources[item.path] = module.source
            }
        }
        let paths = modules.keys.sorted()
        var snapshot = WorkspaceSnapshot(
            ecosystem: ecosystem, root: rootManifest.directory, rootManifest: rootManifest, members: members, packages: packages, lock: lock,
            modules: modules, modulePaths: paths, importGraph: ImportGraph(modules: modules, sortedPaths: paths),
            diagnostics: diagnostics, sources: sources, resolver: resolver, directories: directories)
        snapshot.unreadableTargets = unreadableTargets
        return snapshot
    }

    /// The snapshot with one source file changed to `bytes` (an edit in the editor), or added:
    /// that file scanned and resolved again, any module its imports newly reach loaded, and any
    /// module of no member that nothing reaches any more left out (a fresh load would not read
    /// it, nor report its problems). Other modules keep their outcomes: resolution depends on
    /// which files exist, not on what they say. Manifest changes and files created or deleted
    /// need a full `load`.
    public func update(_ snapshot: WorkspaceSnapshot, file path: String, bytes: [UInt8]) -> (snapshot: WorkspaceSnapshot, loaded: [String]) {
        var next = snapshot
        let member = snapshot.modules[path].map { m in m.memberManifest.flatMap(snapshot.manifest(at:)) } ?? snapshot.member(containing: path)
        let module = makeModule(path, bytes: bytes, member: member, resolver: snapshot.resolver)
        if next.modules[path] == nil { Self.insertSorted(path, into: &next.modulePaths) }
        next.modules[path] = module
        next.sources[path] = module.source
        var loaded = [path]
        var pending: [(path: String, member: Int?)] = []
        var known: Set<String> = []
        for resolved in module.imports {
            for target in resolved.outcome.targets where next.modules[target] == nil && known.insert(target).inserted {
                pending.append((target, nil))
            }
        }
        while !pending.isEmpty {
            let batch = pending
            pending = []
            for (index, result) in readScanAndResolve(batch, members: [], resolver: snapshot.resolver, known: []).enumerated() {
                let target = batch[index].path
                let m: Module
                switch result {
                case .success(let loaded): m = loaded.0
                case .failure(let error):
                    // Reached now and not before: said, as a fresh load says it.
                    if next.unreadableTargets.insert(target).inserted { next.diagnostics.append(fileProblem(error, path: target)) }
                    continue
                }
                next.modules[target] = m
                next.sources[target] = m.source
                Self.insertSorted(target, into: &next.modulePaths)
                loaded.append(target)
                for resolved in m.imports {
                    for t in resolved.outcome.targets where next.modules[t] == nil && known.insert(t).inserted { pending.append((t, nil)) }
                }
            }
        }
        next.importGraph.update(loaded, modules: next.modules)
        // Only a module of no member that the file imported before can have been left behind.
        let before = Set(snapshot.modules[path]?.imports.flatMap(\.outcome.targets) ?? [])
        let lost = before.subtracting(module.imports.flatMap(\.outcome.targets))
        if lost.contains(where: { next.modules[$0] != nil && next.modules[$0]!.memberManifest == nil }) { Self.leaveOutUnreached(&next) }
        if !lost.isEmpty && !next.unreadableTargets.isEmpty { Self.forgetUnreached(&next) }
        return (next, loaded)
    }

    /// Forgets the unreadable files no module imports any more, with their F002.
    private static func forgetUnreached(_ snapshot: inout WorkspaceSnapshot) {
        let imported = Set(snapshot.modules.values.flatMap { $0.imports.flatMap(\.outcome.targets) })
        let gone = snapshot.unreadableTargets.subtracting(imported)
        guard !gone.isEmpty else { return }
        snapshot.unreadableTargets.subtract(gone)
        snapshot.diagnostics.removeAll { d in d.code == DiagnosticCode.unreadableFile.rawValue && d.file.map(gone.contains) == true }
    }

    /// Leaves out the modules of no member that no member's module reaches through imports.
    private static func leaveOutUnreached(_ snapshot: inout WorkspaceSnapshot) {
        var stack = snapshot.modulePaths.filter { snapshot.modules[$0]!.memberManifest != nil }
        var reached = Set(stack)
        while let path = stack.popLast() {
            for resolved in snapshot.modules[path]!.imports {
                for target in resolved.outcome.targets where snapshot.modules[target] != nil && reached.insert(target).inserted { stack.append(target) }
            }
        }
        guard reached.count < snapshot.modulePaths.count else { return }
        for path in snapshot.modulePaths where !reached.contains(path) {
            snapshot.modules[path] = nil
            snapshot.sources[path] = nil
        }
        snapshot.modulePaths.removeAll { !reached.contains($0) }
        snapshot.importGraph = ImportGraph(modules: snapshot.modules, sortedPaths: snapshot.modulePaths)
    }

    /// A package loaded on its own (it is its workspace's root) although a workspace above it
    /// holds its directory without naming it as a member: said, as Cargo refuses it, with the
    /// edit of the workspace's manifest that makes it one.
    private func outsideWorkspace(_ manifest: PackageManifest, start: String) -> (diagnostic: Diagnostic, root: PackageManifest)? {
        guard manifest.path == start, manifest.workspace == nil, let package = manifest.package,
              case .outside(let root, let member, let edits) = WorkspaceMembership.join(manifest.directory, ecosystem: ecosystem, fileSystem: fileSystem,
                                                                                        manifests: manifests) else { return nil }
        let name = package.name?.value ?? member
        var d = Diagnostic.warning(
            "package '\(name)' is inside the workspace at '\(Paths.relative(root.directory, from: manifest.directory))' but is not one of its members",
            .outsideWorkspace, at: package.range, label: "checked and built on its own",
            notes: ["\(Paths.relative(root.path, from: manifest.directory)) names its members; this package gets a lock file and a target/ of its own"],
            help: ["add \"\(member)\" to its `members`, or to its `exclude` to say it stays out"])
        d.file = manifest.path
        if let range = root.workspace?.range {
            d.related = [Diagnostic.Related(file: root.path, range: range, message: "the workspace")]
        }
        if let edits { d.fix = Diagnostic.Fix(title: "Add '\(member)' to the workspace's members", edits: edits) }
        return (d, root)
    }

    private func fileProblem(_ error: FileSystemError, path: String) -> Diagnostic {
        // Listed, then not there: its name is not UTF-8, and the name read (a byte shown as
        // U+FFFD) is another file's.
        if case .notFound = error, Paths.lastComponent(path).contains("\u{FFFD}") {
            return Diagnostic(severity: .error, code: DiagnosticCode.unreadableFile.rawValue, message: "cannot read file: its name is not UTF-8 (a byte that is not is shown as \u{FFFD})",
                              file: path, range: .at(0), help: ["the file is skipped; rename it to a name in UTF-8"])
        }
        let help = switch error {
        case .isADirectory, .notARegularFile: "the file is skipped; it must be a regular file: rename or remove it"
        default: "the file is skipped; fix its permissions or remove it"
        }
        return Diagnostic(severity: .error, code: DiagnosticCode.unreadableFile.rawValue, message: "cannot read file: \(error.reason)",
                          file: path, range: .at(0), help: [help])
    }

    /// Reads, validates, scans and resolves files on every core; the error where a file cannot be read.
    /// With each module, the targets of its imports that are not in `known` (looked up on the
    /// worker, so the caller's serial loop only sees the few files it has not met yet).
    private func readScanAndResolve(_ items: [(path: String, member: Int?)], members: [PackageManifest], resolver: any ImportResolver,
                                    known: Set<String>) -> [Result<(Module, [String]), FileSystemError>] {
        Parallel.map(items.count, grain: 64) { i -> Result<(Module, [String]), FileSystemError>? in
            let (path, m) = items[i]
            do throws(FileSystemError) {
                let (bytes, status) = try fileSystem.readFileAndStatus(path)
                let module = makeModule(path, bytes: bytes, status: status, member: m.map { members[$0] }, resolver: resolver)
                var unknown: [String] = []
                for resolved in module.imports {
                    for target in resolved.outcome.targets where !known.contains(target) { unknown.append(target) }
                }
                return .success((module, unknown))
            } catch {
                return .failure(error)
            }
        }.map { $0! }
    }

    /// Inserts into a list sorted the way `load` sorts paths (Swift string order).
    static func insertSorted(_ path: String, into paths: inout [String]) {
        var lo = 0, hi = paths.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paths[mid] < path { lo = mid + 1 } else { hi = mid }
        }
        paths.insert(path, at: lo)
    }

    /// Validates, scans and resolves one file's bytes.
    private func makeModule(_ path: String, bytes: [UInt8], status: FileStatus? = nil, member: PackageManifest?, resolver: any ImportResolver) -> Module {
        let source = SourceText(path: path, bytes: bytes, status: status)
        var problems: [Diagnostic] = []
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            problems.append(Diagnostic(
                severity: .error, code: DiagnosticCode.invalidUTF8.rawValue,
                message: "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))",
                file: path, range: SourceRange(bad, bad + 1), help: ["save the file as UTF-8"]))
        }
        return resolve(path, source: source, scan: ecosystem.scanSource(source), problems: problems, member: member, resolver: resolver)
    }

    private func resolve(_ path: String, source: SourceText, scan: SourceScan, problems: [Diagnostic], member: PackageManifest?, resolver: any ImportResolver) -> Module {
        let origin = resolver.origin(ofFile: path, member: member)
        var diagnostics = problems + scan.diagnostics.map { $0.inFile(path) }
        diagnostics += resolver.checkDeclaration(of: scan, inFile: path, origin: origin).map { $0.inFile(path) }
        var imports: [ResolvedImport] = []
        imports.reserveCapacity(scan.imports.count)
        // Where each module was first imported (by the ecosystem's key: `std/x` is `stdlib/x`),
        // and under which spelling: all a duplicate's message needs.
        var firstImport: [String: (range: SourceRange, path: String)] = [:]
        firstImport.reserveCapacity(scan.imports.count)
        var duplicateOf: [(range: SourceRange, path: String)?] = []
        duplicateOf.reserveCapacity(scan.imports.count)
        for statement in scan.imports {
            let key = ecosystem.moduleKey(ofImport: statement.path)
            let first = firstImport[key]
            if first == nil { firstImport[key] = (statement.literalRange, statement.path) }
            duplicateOf.append(first)
        }
        let resolve: @Sendable (ImportStatement) -> ImportOutcome = { resolver.resolve($0, inFile: path, origin: origin) }
        // A file with thousands of imports (generated code) has them resolved on every core, a
        // batch at a time: each batch's outcomes are taken apart before the next is made, so
        // that they are never all held at once beside the module's own copies.
        let batchSize = scan.imports.count >= 4096 ? 4096 : 0
        var batch: (start: Int, outcomes: ResultSlots<ImportOutcome>)?
        var repeated: [ImportStatement] = []
        for (index, statement) in scan.imports.enumerated() {
            if let first = duplicateOf[index] {
                let message = first.path == statement.path ? "'\(statement.path)' is imported twice"
                    : "'\(statement.path)' is '\(first.path)' again: the module is imported twice"
                var d = Diagnostic(severity: .warning, code: DiagnosticCode.duplicateImport.rawValue,
                                   message: message, range: statement.literalRange,
                                   related: [Diagnostic.Related(range: first.range, message: "first imported here")],
                                   help: ["remove the second import"],
                                   fix: Diagnostic.Fix(title: "Remove the duplicate import", edits: [TextEdit(range: statement.removalRange, newText: "")], certain: true))
                d = d.inFile(path)
                diagnostics.append(d)
                repeated.append(statement)
                continue
            }
            if batchSize > 0, batch.map({ index >= $0.start + batchSize }) ?? true {
                let start = index / batchSize * batchSize
                batch = (start, Self.resolveAll(scan.imports, start..<min(start + batchSize, scan.imports.count), skipping: duplicateOf, resolve))
            }
            var outcome = batch?.outcomes.take(index - batch!.start) ?? resolve(statement)
            for d in outcome.diagnostics { diagnostics.append(d.inFile(path)) }
            outcome.diagnostics = []
            imports.append(ResolvedImport(statement: statement, outcome: outcome))
        }
        return Module(path: path, source: source, declaration: scan.declaration, origin: origin, memberManifest: member?.path,
                      imports: imports, repeatedImports: repeated, diagnostics: diagnostics, definesEntryPoint: scan.definesEntryPoint,
                      exports: scan.exports, holdsTests: scan.holdsTests)
    }

    /// The outcomes of the imports in `range` that are not duplicates, by offset in the range,
    /// resolved on every core.
    private static func resolveAll(_ statements: [ImportStatement], _ range: Range<Int>, skipping duplicates: [(range: SourceRange, path: String)?],
                                   _ resolve: @Sendable (ImportStatement) -> ImportOutcome) -> ResultSlots<ImportOutcome> {
        let chunks = 16
        let results = ResultSlots<ImportOutcome>(count: range.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var i = range.lowerBound + chunk
            while i < range.upperBound {
                if duplicates[i] == nil { results[i - range.lowerBound] = resolve(statements[i]) }
                i += chunks
            }
        }
        return results
    }
}
