/// Finds the manifest for a directory, and the workspace that manifest belongs to.
public struct WorkspaceLocator: Sendable {
    public let ecosystem: any Ecosystem
    public let fileSystem: any FileSystem
    /// Manifests read before, reused while unchanged.
    public let manifests: ManifestCache

    public init(ecosystem: any Ecosystem, fileSystem: any FileSystem, manifests: ManifestCache = ManifestCache()) {
        self.ecosystem = ecosystem
        self.fileSystem = fileSystem
        self.manifests = manifests
    }

    /// The nearest manifest in `directory` or a parent.
    public func nearestManifest(from directory: String) -> String? {
        var dir = fileSystem.absolute(directory)
        while true {
            if let found = manifest(in: dir) { return found }
            let up = Paths.parent(dir)
            if up == dir { return nil }
            dir = up
        }
    }

    /// The manifest file in a directory, by the ecosystem's preference order.
    public func manifest(in directory: String) -> String? {
        // A `stat` per name rather than a listing: the search goes up through directories such
        // as /tmp or $HOME that may hold thousands of entries.
        // Anything by that name counts, so that a directory or FIFO named like a manifest is
        // reported as what it is when it is read, not passed over as "no manifest".
        let found = ecosystem.manifestFileNames.filter { fileSystem.exists(Paths.join(directory, $0)) }
        guard let first = found.first else { return nil }
        if found.count == 1 { return Paths.join(directory, first) }
        // Several names answered: a case-insensitive file system; the listing has the real one.
        guard let names = try? fileSystem.contentsOfDirectory(directory) else { return nil }
        return found.first(where: names.contains).map { Paths.join(directory, $0) }
    }

    /// The root manifest of the workspace holding `manifestPath`: the nearest manifest above it
    /// whose `[workspace]` lists it as a member, else the manifest itself (as Cargo does).
    public func workspaceRoot(for manifestPath: String) -> String {
        let packageDir = Paths.parent(manifestPath)
        guard let workspace = enclosingWorkspace(of: packageDir) else { return manifestPath }
        return memberDirectories(of: workspace).directories.contains(packageDir) ? workspace.path : manifestPath
    }

    /// The manifest at `path`, read through the cache; nil when it cannot be read.
    private func read(_ path: String) -> PackageManifest? {
        guard let bytes = try? fileSystem.readFile(path) else { return nil }
        return manifests.manifest(SourceText(path: path, bytes: bytes), ecosystem: ecosystem)
    }

    /// The nearest manifest above `directory` (not in it) that has a `[workspace]`: the only
    /// workspace the package there can belong to.
    public func enclosingWorkspace(of directory: String) -> PackageManifest? {
        var dir = Paths.parent(directory)
        while true {
            if let candidate = manifest(in: dir), let m = read(candidate), m.workspace != nil { return m }
            let up = Paths.parent(dir)
            if up == dir { return nil }
            dir = up
        }
    }

    /// The manifests of a workspace's members other than the root itself (those that cannot be
    /// read are left out: `check` reports them).
    public func memberManifests(of root: PackageManifest) -> [PackageManifest] {
        memberDirectories(of: root).directories.filter { $0 != root.directory }.compactMap { dir in
            guard let path = manifest(in: dir), let source = try? fileSystem.readText(path) else { return nil }
            return manifests.manifest(source, ecosystem: ecosystem)
        }
    }

    /// The member directories a workspace names, and a diagnostic for each member (or pattern)
    /// that names nothing. A last component may hold `*` and `?` wildcards.
    public func memberDirectories(of manifest: PackageManifest) -> (directories: [String], diagnostics: [Diagnostic]) {
        guard let workspace = manifest.workspace else { return ([], []) }
        let base = manifest.directory
        let excluded = Set(workspace.exclude.map { Paths.join(base, $0.value) })
        var out: [String] = []
        var diagnostics: [Diagnostic] = []
        for member in workspace.members {
            let path = Paths.join(base, member.value)
            if Self.isPattern(path) {
                let parent = Paths.parent(path)
                let matches = packageDirectories(matching: path).filter { !excluded.contains($0) }
                if matches.isEmpty {
                    diagnostics.append(.error("workspace member pattern '\(member.value)' matches no package", .missingWorkspaceMember, at: member.range,
                                              help: ["no directory matching it under '\(parent)' holds \(ecosystem.manifestFileNames[0])"]))
                }
                out += matches
            } else if excluded.contains(path) {
                continue
            } else if !fileSystem.isDirectory(path) {
                let meant = PathSpelling.closest(to: member.value, from: manifest.directory, fileSystem: fileSystem) { self.manifest(in: $0) != nil }
                diagnostics.append(.error("workspace member '\(member.value)' does not exist", .missingWorkspaceMember, at: member.range,
                                          help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["create it with `ampu new \(member.value)`, or remove it from members"],
                                          fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: member.range, newText: ecosystem.manifestSyntax.renderString($0))]) }))
            } else if self.manifest(in: path) == nil {
                diagnostics.append(.error("workspace member '\(member.value)' has no \(ecosystem.manifestFileNames[0])", .missingWorkspaceMember, at: member.range,
                                          help: ["run `ampu init` in '\(path)', or remove it from members"]))
            } else {
                out.append(path)
            }
        }
        var seen: Set<String> = []
        return (out.filter { seen.insert($0).inserted }, diagnostics.map { $0.inFile(manifest.path) })
    }

    /// The directories holding a manifest that a member pattern (an absolute path whose last
    /// component has wildcards) names.
    private func packageDirectories(matching pattern: String) -> [String] {
        let parent = Paths.parent(pattern)
        return ((try? fileSystem.contentsOfDirectory(parent)) ?? [])
            .map { Paths.join(parent, $0) }
            .filter { Self.directory($0, matches: pattern) }
            .filter { fileSystem.isDirectory($0) && self.manifest(in: $0) != nil }
    }

    /// The member directories `default-members` names (nil when the manifest has none), each
    /// one required to be a member (`members`: `memberDirectories`' directories; the root, when
    /// it is a package, is one too), with a diagnostic for each entry that is not, as Cargo
    /// refuses one.
    public func defaultMemberDirectories(of manifest: PackageManifest, members: [String]) -> (directories: [String]?, diagnostics: [Diagnostic]) {
        guard let entries = manifest.workspace?.defaultMembers else { return (nil, []) }
        let base = manifest.directory
        let memberSet = Set(members + (manifest.package != nil ? [base] : []))
        let memberNames = members.filter { $0 != base }.map { Paths.relative($0, from: base) }.sorted()
        let listed = (manifest.package != nil ? ["'.' (the root package)"] : []) + memberNames
        let named = listed.isEmpty ? "the workspace has no members" : "the members are: " + listed.joined(separator: ", ")
        var out: [String] = []
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            let path = Paths.join(base, entry.value)
            if Self.isPattern(path) {
                let matches = packageDirectories(matching: path)
                if let outside = matches.first(where: { !memberSet.contains($0) }) {
                    diagnostics.append(.error("default member pattern '\(entry.value)' matches '\(Paths.relative(outside, from: base))', which is not a member of the workspace",
                                              .notAWorkspaceMember, at: entry.range, help: [named, "add it to `members`, or write a pattern that names members only"]))
                } else if matches.isEmpty {
                    diagnostics.append(.error("default member pattern '\(entry.value)' matches no member", .notAWorkspaceMember, at: entry.range, help: [named]))
                }
                out += matches.filter(memberSet.contains)
            } else if memberSet.contains(path) {
                out.append(path)
            } else {
                let help = self.manifest(in: path) != nil ? [named, "add \"\(entry.value)\" to `members` as well"]
                    : [named] + (Spelling.closest(to: entry.value, in: memberNames).map { ["did you mean '\($0)'?"] } ?? [])
                var d = Diagnostic.error("default member '\(entry.value)' is not a member of the workspace", .notAWorkspaceMember, at: entry.range, help: help)
                if self.manifest(in: path) != nil {
                    let member = Paths.relative(path, from: base)
                    if let edits = ecosystem.manifestSyntax.document(manifest.source).appending(string: member, toArrayAt: ["workspace", "members"]) {
                        d.fix = Diagnostic.Fix(title: "Add '\(member)' to the workspace's members", edits: edits)
                    }
                } else if let meant = Spelling.closest(to: entry.value, in: memberNames) {
                    d.fix = Diagnostic.Fix(title: "Use '\(meant)'", edits: [TextEdit(range: entry.range, newText: ecosystem.manifestSyntax.renderString(meant))])
                }
                diagnostics.append(d)
            }
        }
        var seen: Set<String> = []
        return (out.filter { seen.insert($0).inserted }, diagnostics.map { $0.inFile(manifest.path) })
    }

    /// What a command that names no package is about, as Cargo chooses from where it runs (or
    /// from `--manifest-path`): in a member's directory, that member; at the root, the
    /// `default-members`, else the root package where a root may be virtual and this one is a
    /// package (`Ecosystem.workspaceRootMayBeVirtual`). Each package by its name; nil for the
    /// whole workspace (also outside one, and when `default-members` has an entry that is no
    /// member or the manifest an error: the check says so); empty when `default-members` is
    /// empty.
    public func defaultPackages(from directory: String, manifestPath: String? = nil) -> [String]? {
        guard let found = manifestPath.map(fileSystem.absolute) ?? nearestManifest(from: directory) else { return nil }
        guard let manifest = read(found) else { return nil }
        guard workspaceRoot(for: found) == found else { return manifest.package?.name.map { [$0.value] } }
        guard let workspace = manifest.workspace else { return nil }
        // Listed only when there is something to check them against: a no-op build asks this.
        if workspace.defaultMembers != nil {
            let chosen = defaultMemberDirectories(of: manifest, members: memberDirectories(of: manifest).directories)
            guard let directories = chosen.directories else { return nil }
            // One that is not a member, or a list that cannot be read: the check's error, which
            // stops the build of the whole workspace before anything runs.
            if !chosen.diagnostics.isEmpty || manifest.diagnostics.contains(where: { $0.severity == .error }) { return nil }
            return directories.compactMap { dir in
                dir == manifest.directory ? manifest.package?.name?.value : self.manifest(in: dir).flatMap(read)?.package?.name?.value
            }
        }
        guard ecosystem.workspaceRootMayBeVirtual, let name = manifest.package?.name?.value else { return nil }
        return [name]
    }

    /// Whether a member path is a pattern: its last component holds `*` or `?`.
    public static func isPattern(_ member: String) -> Bool {
        let last = Paths.lastComponent(member)
        return last.contains("*") || last.contains("?")
    }

    /// Whether a directory is one a member pattern names: in the pattern's parent, not hidden,
    /// its name matching the pattern's last component.
    public static func directory(_ directory: String, matches pattern: String) -> Bool {
        let name = Paths.lastComponent(directory)
        return Paths.parent(directory) == Paths.parent(pattern) && !name.hasPrefix(".") && Glob(Paths.lastComponent(pattern)).matches(name)
    }
}
