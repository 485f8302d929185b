/// `ampu add` and `ampu remove` as edits of a manifest's text that keep the rest of it as it is,
/// checked by reading the edited manifest back: an entry the ecosystem would reject is not written.
public enum DependencyEdit {
    /// What `ampu add` was asked for.
    public struct Request: Sendable {
        public enum Source: Sendable {
            case registry
            case path(String)
            case git(String, reference: DependencySource.GitReference?)
        }

        public var name: String
        public var requirement: String?
        public var source: Source
        public var dev: Bool
        /// The feature whose block it goes in (Rask).
        public var feature: String?

        public init(name: String, requirement: String?, source: Source, dev: Bool, feature: String? = nil) {
            self.name = name
            self.requirement = requirement
            self.source = source
            self.dev = dev
            self.feature = feature
        }

        /// `name@req`, and an import path given as the name (`github.com/user/json@^1.2`) is a
        /// git dependency keyed by its last segment, as `asthra add` writes it.
        public static func parse(_ text: String, path: String?, git: String?, reference: DependencySource.GitReference?, dev: Bool) -> Request {
            var name = text, requirement: String?
            if let at = text.lastIndex(of: "@"), at != text.startIndex {
                name = String(text[..<at])
                requirement = String(text[text.index(after: at)...])
            }
            let source: Source
            if let path { source = .path(path) }
            else if let git { source = .git(git, reference: reference) }
            else if name.split(separator: "/").count >= 3, name.split(separator: "/")[0].contains(".") {
                source = .git(name, reference: reference)
                name = Paths.lastComponent(name)
            } else { source = .registry }
            return Request(name: name, requirement: requirement, source: source, dev: dev)
        }
    }

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// `section` as messages name it (`[dependencies]`, `the package block`).
        case exists(name: String, section: String)
        case notFound(name: String, declared: [String])
        /// The problems the edit would bring (`rejection`), and how to go on from each.
        case rejected(messages: [String], help: [String])
        case unwritable
        /// `--feature` where the manifest has no feature blocks.
        case noFeatures(ecosystem: String)
        /// A format whose dependencies are not edited this way, or an edit its rules forbid, and
        /// why; `help`, what to do instead when that can be told.
        case refused(String, help: [String] = [])
        /// No versions fit the edit (of `package`, the one asked for, when there is one), with the
        /// solver's explanation.
        case unsolvable(package: String?, explanation: String)
        /// The repository of a git dependency could not be read, or lacks what the entry asks for.
        case source(ResolutionError)

        /// After a name that is not there: the one most likely meant, and the names there are.
        static func choices(for name: String, in declared: [String]) -> String {
            let list = declared.isEmpty ? nil : "the manifest declares: " + declared.joined(separator: ", ")
            guard let meant = Spelling.closest(to: name, in: declared) else { return list.map { "; " + $0 } ?? "" }
            return "; did you mean '\(meant)'?" + (list.map { " (\($0))" } ?? "")
        }

        /// What a rejection says of one problem: its message, and the correction when it has one
        /// (`did you mean ">=1.0"?`).
        static func rejection(_ d: Diagnostic) -> String {
            guard foldsHelp(d), let help = d.help.first else { return d.message }
            return d.message + "; " + help
        }

        /// The problems an edit would bring, as a failure: each one's message (`rejection`), and
        /// the help lines it does not fold in (`fix it, or create the package there`).
        static func rejected(_ problems: [Diagnostic]) -> Failure {
            .rejected(messages: problems.map(rejection), help: problems.flatMap { foldsHelp($0) ? Array($0.help.dropFirst()) : $0.help })
        }

        private static func foldsHelp(_ d: Diagnostic) -> Bool { d.fix != nil || d.code == DiagnosticCode.unknownKey.rawValue }

        public var description: String {
            switch self {
            case .exists(let name, let section): "dependency '\(name)' is already in \(section); change it there, or `ampu remove \(name)` first"
            case .notFound(let name, let declared):
                "there is no dependency '\(name)'" + Self.choices(for: name, in: declared)
            case .rejected(let messages, _): "the manifest would not be valid: " + messages.joined(separator: "; ")
            case .unwritable: "the manifest has errors; fix them first (`ampu check` shows them)"
            case .noFeatures(let ecosystem): "\(ecosystem) manifests have no feature blocks: --feature is for Rask's rask.build"
            case .refused(let why, _): why
            case .unsolvable(let package?, _): "no version of '\(package)' fits the other dependencies"
            case .unsolvable(nil, _): "the dependencies' versions cannot all be used together"
            case .source(let error): "\(error)"
            }
        }

        /// Why, as note lines: the solver's explanation, a line each.
        public var notes: [String] {
            guard case .unsolvable(_, let explanation) = self else { return [] }
            return explanation.split(separator: "\n").map(String.init)
        }

        /// How to go on, as help lines.
        public var help: [String] {
            switch self {
            case .source(let error): error.help
            case .refused(_, let help), .rejected(_, let help): help
            case .unsolvable(let package?, _):
                ["ask for a version that fits (`ampu add \(package)` takes the newest one that does), or change the versions it conflicts with"]
            case .unsolvable(nil, _): ["change the versions named above so that they fit together"]
            default: []
            }
        }
    }

    /// What an edit made: the manifest's new text, and a line for each change, as `ampu add`
    /// and `ampu remove` print them.
    public struct Edit: Sendable {
        public var text: [UInt8]
        public var report: [String]

        public init(text: [UInt8], report: [String]) {
            self.text = text
            self.report = report
        }
    }

    /// `ampu add`: the ecosystem's own edit where it has one (`DependencyEditing`), else the
    /// entry written into its dependency section.
    /// - Parameter registry: the registry directory (`--registry`); else `AMPU_REGISTRY`'s.
    /// - Parameter git: where a git dependency's repository is read (`checkGit`); nil, not read.
    public static func adding(_ request: Request, to manifest: PackageManifest, ecosystem: any Ecosystem, environment: [String: String],
                              fileSystem: any FileSystem, registry: String? = nil, git: GitAccess? = nil) throws(Failure) -> Edit {
        if let own = ecosystem as? any DependencyEditing {
            return try own.addDependency(request, to: manifest, environment: environment, fileSystem: fileSystem)
        }
        if manifest.package == nil, manifest.workspace != nil {
            // As `cargo add` in a virtual workspace: which member is meant is the user's to say.
            let members = WorkspaceLocator(ecosystem: ecosystem, fileSystem: fileSystem).memberManifests(of: manifest)
                .map { Paths.relative($0.directory, from: manifest.directory) }.sorted()
            throw .refused("\(Paths.lastComponent(manifest.path)) here is a workspace with no [package]: a dependency belongs to the member that imports it",
                           help: ["run `ampu add` in that member's directory, or give --manifest-path MEMBER/\(Paths.lastComponent(manifest.path))"
                                  + (members.isEmpty ? "" : " (the members: \(members.joined(separator: ", ")))")])
        }
        var request = request
        if case .registry = request.source {
            let root = Paths.parent(WorkspaceLocator(ecosystem: ecosystem, fileSystem: fileSystem).workspaceRoot(for: manifest.path))
            if let registry = SourcePackageProvider.registry(given: registry, environment: environment, root: root, fileSystem: fileSystem) {
                request.requirement = try registryRequirement(request, registry: registry, fileSystem: fileSystem)
            }
        }
        let edit: Edit
        if let existing = existing(request, in: manifest, ecosystem: ecosystem), let change = try changing(existing, to: request, in: manifest, ecosystem: ecosystem) {
            edit = change
        } else {
            let (text, entry, section) = try add(request, to: manifest, ecosystem: ecosystem, fileSystem: fileSystem)
            edit = Edit(text: text, report: ["    Adding \(entry) to \(section)"])
        }
        if case .git = request.source, let git {
            try checkGit(request.name, in: ecosystem.readManifest(SourceText(path: manifest.path, bytes: edit.text)), ecosystem: ecosystem,
                         access: git, fileSystem: fileSystem)
        }
        return edit
    }

    /// The dependency of that name already in the section the request would write to.
    static func existing(_ request: Request, in manifest: PackageManifest, ecosystem: any Ecosystem) -> DependencySpec? {
        let syntax = ecosystem.manifestSyntax
        guard let (_, title) = syntax.dependencySection(dev: request.dev, feature: request.feature) else { return nil }
        return manifest.dependencies.first { dep in
            dep.name.value == request.name && (request.feature != nil ? syntax.sectionTitle(dep.section) == title : dep.scope == (request.dev ? .dev : .normal))
        }
    }

    /// `ampu add json@^2.0` where json is there already from the same place with a requirement,
    /// as `cargo add` takes it: the requirement changed in place (nothing, when it is the same).
    /// Nil when the request names another place or pin, or the entry has no requirement to
    /// change: that stays the error it was (remove it first).
    static func changing(_ existing: DependencySpec, to request: Request, in manifest: PackageManifest, ecosystem: any Ecosystem) throws(Failure) -> Edit? {
        guard let requirement = request.requirement, let written = existing.requirement,
              !requirement.contains("\""), !requirement.contains("\\") else { return nil }
        switch (existing.source, request.source) {
        case (.registry, .registry): break
        case (.path(let a), .path(let b)) where a.value == b: break
        case (.git(let a, _), .git(let b, nil)) where a.value == b: break
        default: return nil
        }
        let section = ecosystem.manifestSyntax.sectionTitle(existing.section)
        let old = String(decoding: manifest.source.bytes[written.range.lowerBound..<written.range.upperBound], as: UTF8.self)
        if old == "\"\(requirement)\"" { return Edit(text: manifest.source.bytes, report: ["   Unchanged \(request.name) \(requirement) in \(section)"]) }
        guard let text = try? TextEdit.apply([TextEdit(range: written.range, newText: "\"\(requirement)\"")], to: manifest.source.bytes) else { throw .unwritable }
        try check(text, against: manifest, ecosystem: ecosystem, name: request.name)
        return Edit(text: text, report: ["    Updating \(request.name) \(old) to \"\(requirement)\" in \(section)"])
    }

    /// A dependency by name as `cargo add` takes one from its registry: the package must be
    /// there, and so must a version its requirement allows; with no requirement, the newest
    /// release's, as a caret requirement (`^2.1.0`).
    static func registryRequirement(_ request: Request, registry: String, fileSystem: any FileSystem) throws(Failure) -> String? {
        guard let found = SourcePackageProvider.registryVersions(request.name, registry: registry, fileSystem: fileSystem) else {
            let like = SourcePackageProvider.registryName(like: request.name, registry: registry, fileSystem: fileSystem).map { "; did you mean '\($0)'?" } ?? ""
            throw .refused("the registry at '\(registry)' has no package '\(request.name)'\(like)")
        }
        let versions = found.sorted()
        guard let requirement = request.requirement else {
            guard let newest = versions.last(where: { !$0.isPrerelease }) ?? versions.last else {
                throw .refused("the registry at '\(registry)' has no version of '\(request.name)'")
            }
            return "^\(newest)"
        }
        // A requirement in another language's syntax is left to the manifest's own check.
        if let set = VersionRequirement(requirement)?.versionSet, !versions.contains(where: set.contains) {
            let has = versions.isEmpty ? "none" : versions.map(\.description).joined(separator: ", ")
            throw .refused("no version of '\(request.name)' in the registry at '\(registry)' matches \(requirement) (it has \(has))")
        }
        return requirement
    }

    /// `ampu remove`: as `adding`.
    public static func removing(_ name: String, from manifest: PackageManifest, ecosystem: any Ecosystem, environment: [String: String],
                                fileSystem: any FileSystem) throws(Failure) -> Edit {
        if let own = ecosystem as? any DependencyEditing {
            return try own.removeDependency(name, from: manifest, environment: environment, fileSystem: fileSystem)
        }
        return Edit(text: try remove(name, from: manifest, ecosystem: ecosystem), report: ["  Removing \(name)"])
    }

    /// The new text of the manifest with the dependency added, the entry as written, and where
    /// it went as messages name it.
    /// - Parameter fileSystem: where a path dependency is looked for: given, one that does not
    ///   lead to a package of that name is not written (the rule `check` applies, `PackageGraph`).
    public static func add(_ request: Request, to manifest: PackageManifest, ecosystem: any Ecosystem, fileSystem: (any FileSystem)? = nil) throws(Failure)
        -> (text: [UInt8], entry: String, section: String) {
        let syntax = ecosystem.manifestSyntax
        if let why = syntax.dependencyEditsRefused { throw .refused(why) }
        guard let (section, title) = syntax.dependencySection(dev: request.dev, feature: request.feature) else {
            throw .noFeatures(ecosystem: ecosystem.name)
        }
        if let existing = existing(request, in: manifest, ecosystem: ecosystem) {
            throw .exists(name: request.name, section: syntax.sectionTitle(existing.section))
        }
        let document = syntax.document(manifest.source)
        var pairs: [(String, String)] = []
        switch request.source {
        case .registry: break
        case .path(let p): pairs.append(("path", p))
        case .git(let url, let reference):
            pairs.append(("git", url))
            switch reference {
            case .tag(let t)?: pairs.append(("tag", t))
            case .branch(let b)?: pairs.append(("branch", b))
            case .rev(let r)?: pairs.append(("rev", r))
            case nil: break
            }
        }
        let entry = syntax.renderDependency(name: request.name, requirement: request.requirement ?? (pairs.isEmpty ? "*" : nil), source: pairs)
        if let requirement = request.requirement { pairs.append(("version", requirement)) }
        let edits: [TextEdit]?
        // A new [dependencies] goes after [package]; a new [dev-dependencies] after [dependencies].
        let anchor = request.dev && document.writtenSections.contains(["dependencies"]) ? ["dependencies"] : ["package"]
        if pairs.isEmpty || pairs.map(\.0) == ["version"] {
            edits = document.insertion(of: request.name, string: request.requirement ?? "*", in: section, after: anchor)
        } else {
            edits = document.insertion(of: request.name, table: pairs, in: section, after: anchor)
        }
        guard let edits, let text = try? TextEdit.apply(edits, to: manifest.source.bytes) else { throw .unwritable }
        try check(text, against: manifest, ecosystem: ecosystem, name: request.name)
        if case .path = request.source, let fileSystem {
            let before = PackageGraph(members: [manifest], ecosystem: ecosystem, fileSystem: fileSystem).diagnostics
            let edited = ecosystem.readManifest(SourceText(path: manifest.path, bytes: text))
            let new = newProblems(PackageGraph(members: [edited], ecosystem: ecosystem, fileSystem: fileSystem).diagnostics, before: before)
            if !new.isEmpty { throw Failure.rejected(new) }
        }
        return (text, entry, title)
    }

    /// The new text of the manifest without the dependency (from whichever section has it).
    public static func remove(_ name: String, from manifest: PackageManifest, ecosystem: any Ecosystem) throws(Failure) -> [UInt8] {
        if let why = ecosystem.manifestSyntax.dependencyEditsRefused { throw .refused(why) }
        guard let dep = manifest.dependencies.first(where: { $0.name.value == name }) else {
            throw .notFound(name: name, declared: manifest.dependencies.map(\.name.value).sorted())
        }
        let document = ecosystem.manifestSyntax.document(manifest.source)
        guard let edits = document.removal(of: dep.section.split(separator: ".").map(String.init) + [name]),
              let text = try? TextEdit.apply(edits, to: manifest.source.bytes) else { throw .unwritable }
        return text
    }

    /// Problems the edit would bring: what the ecosystem reports now that it did not before.
    private static func check(_ text: [UInt8], against manifest: PackageManifest, ecosystem: any Ecosystem, name: String) throws(Failure) {
        let new = newProblems(ecosystem.readManifest(SourceText(path: manifest.path, bytes: text)).diagnostics, before: manifest.diagnostics)
        if !new.isEmpty { throw Failure.rejected(new) }
    }

    /// The problems of `after` that `before` does not have, told by message and counted: an
    /// entry with the same problem as one already there is still a new problem. A problem is an
    /// error, or a key the format does not have: only a warning when a user writes it, but ampu
    /// must not write one (`--tag` in a format whose git deps follow only a branch).
    static func newProblems(_ after: [Diagnostic], before: [Diagnostic]) -> [Diagnostic] {
        var known: [String: Int] = [:]
        for d in before { known[d.message, default: 0] += 1 }
        return after.filter { d in
            guard d.severity == .error || d.code == DiagnosticCode.unknownKey.rawValue else { return false }
            if let n = known[d.message], n > 0 {
                known[d.message] = n - 1
                return false
            }
            return true
        }
    }
}

/// An ecosystem whose manifest's dependencies are not entries to write one by one: `ampu add`
/// and `ampu remove` ask it for the whole edit (Elm: an application's exact versions, direct and
/// indirect, solved again from the package cache, as `elm install` writes them).
public protocol DependencyEditing: Ecosystem {
    func addDependency(_ request: DependencyEdit.Request, to manifest: PackageManifest, environment: [String: String],
                       fileSystem: any FileSystem) throws(DependencyEdit.Failure) -> DependencyEdit.Edit
    func removeDependency(_ name: String, from manifest: PackageManifest, environment: [String: String],
                          fileSystem: any FileSystem) throws(DependencyEdit.Failure) -> DependencyEdit.Edit
}
