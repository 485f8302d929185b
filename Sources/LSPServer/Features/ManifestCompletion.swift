import BuildModel

/// Completion in a manifest: section names, the keys a table allows (those not yet written),
/// dependency names from the package cache, versions of a known dependency, and the values of
/// enumerated keys. It asks the manifest document and the schema, never the format.
enum ManifestCompletion {
    static func items(_ q: FeatureQuery, at offset: Int) -> [JSONValue] {
        let navigation = q.ecosystem.manifestNavigation(q.manifest)
        switch navigation?.dependencyBeingTyped(at: offset) {
        case .requirement(let name, let range)?:
            return versionItems(versions(q, dependency: name) ?? [], render: { $0 }, range: q.lspRange(range))
        case .name(let range, let declared)?:
            return newestAvailable(q, excluding: declared).map { p in
                Completion.item(label: p.name, kind: .module, detail: p.version.map { "\($0)" } ?? "cached package",
                                documentation: q.documentation(availability(p)), newText: p.name, range: q.lspRange(range))
            }
        case nil:
            break
        }
        if let typing = navigation?.packagePathBeingTyped(at: offset) {
            // Inside the quotes: a package replaces the string's text, a folder what is typed of it.
            return pathItems(q, PackagePathCandidates.candidates(typed: typing.typed, from: Paths.parent(q.path), wanted: typing.dependency,
                                                                 ecosystem: q.ecosystem, fileSystem: q.fileSystem),
                             whole: typing.range, typed: SourceRange(typing.range.lowerBound, offset), quoted: false)
        }
        if let own = navigation?.completions(at: offset) {
            return own.map { c in
                Completion.item(label: c.label, kind: .value, detail: c.detail, documentation: c.documentation.map(q.documentation), newText: c.newText,
                                range: q.lspRange(c.range))
            }
        }
        if let entry = q.manifest.workspace?.defaultMembers?.first(where: { $0.range.touches(offset) }) {
            return defaultMemberItems(q, replacing: entry)
        }
        if let entry = q.manifest.workspace?.members.first(where: { $0.range.lowerBound < offset && offset < $0.range.upperBound }),
           q.text.bytes[entry.range.lowerBound] == 0x22 {
            // The packages under the root that are not members yet.
            let listed = Set(q.snapshot.map { $0.rootManifest.path == q.path ? $0.members.map(\.directory) : [] } ?? [])
            let typed = String(decoding: q.text.bytes[(entry.range.lowerBound + 1)..<offset], as: UTF8.self)
            return pathItems(q, PackagePathCandidates.candidates(typed: typed, from: Paths.parent(q.path), wanted: nil, siblings: false, excluding: listed,
                                                                 ecosystem: q.ecosystem, fileSystem: q.fileSystem),
                             whole: entry.range, typed: SourceRange(entry.range.lowerBound, offset), quoted: true)
        }
        let document = q.manifestDocument
        guard let place = document.place(at: offset) else { return [] }
        let schema = q.ecosystem.manifestSchema(for: q.manifest)
        let syntax = q.ecosystem.manifestSyntax
        switch place {
        case .section(_, let range):
            let r = q.lspRange(range)
            let written = document.writtenSections
            return schema.tables.filter { !$0.path.isEmpty && !$0.path.contains("*") && !written.contains($0.path) }.map { t in
                let name = t.path.joined(separator: ".")
                return Completion.item(label: name, kind: .module, detail: t.displayName,
                                       documentation: q.documentation(t.summary), newText: name, range: r)
            }
        case .key(let table, _, let range):
            let r = q.lspRange(range)
            let existing = document.keys(in: table) ?? []
            if schema.isDependencyTable(table) {
                return dependencyNames(q, range: r, existing: existing)
            }
            guard let t = schema.table(table) else { return [] }
            return t.keys.filter { !existing.contains($0.name) }.map { key in
                let value = key.example ?? syntax.renderString("")
                let text = key.kind == .table ? key.name : document.entryText(key: key.name, value: value) ?? syntax.renderEntry(key: key.name, value: value)
                return Completion.item(label: key.name, kind: .property, detail: key.kind.rawValue,
                                       documentation: q.documentation(key.documentation), newText: text, range: r)
            }
        case .value(let key, let partial, let range):
            // The value typed so far is `partial`, from where the value starts (the range a
            // format gives may go on past the cursor: a JSON array's whole).
            let cursor = range.lowerBound + partial.utf8.count
            if let items = packagePathItems(q, key: key, partial: partial, typed: SourceRange(range.lowerBound, cursor)) { return items }
            if schema.key(key)?.namesDirectories == true, let (quote, typed) = stringBeingTyped(partial, from: range.lowerBound) {
                // Not a directory the array's other strings name already.
                let base = Paths.parent(q.path)
                let listed = Set(document.strings(inArrayAt: key).filter { !$0.range.touches(cursor) }.map { Paths.normalize(Paths.join(base, $0.value)) })
                let candidates = PackagePathCandidates.directories(typed: typed, from: base, ecosystem: q.ecosystem, fileSystem: q.fileSystem)
                return pathItems(q, candidates.filter { !listed.contains(Paths.normalize(Paths.join(base, $0.path))) },
                                 whole: SourceRange(quote, closingQuote(q, after: cursor)), typed: SourceRange(quote, cursor), quoted: true)
            }
            let r = q.lspRange(range)
            if let name = dependencyBeingVersioned(q, key: key), let versions = versions(q, dependency: name) {
                return versionItems(versions, render: syntax.renderString, range: r)
            }
            // `[profile.NAME] inherits = ""`: the profiles it may start from.
            if key.count == 3, key[0] == "profile", key[2] == "inherits", schema.key(key) != nil {
                return ProfileSettings.inheritable(by: key[1], among: q.manifest.build.profiles.map(\.name.value)).map { name in
                    Completion.item(label: syntax.renderString(name), kind: .value, detail: "profile", newText: syntax.renderString(name), range: r)
                }
            }
            if let references = references(q, key: key) {
                return references.map { ref in
                    Completion.item(label: syntax.renderString(ref.name), kind: .value, detail: ref.detail, newText: syntax.renderString(ref.name), range: r)
                }
            }
            guard let k = schema.key(key), !k.allowedValues.isEmpty else { return [] }
            return k.allowedValues.map { v in
                let text = k.kind == .string ? syntax.renderString(v) : v
                return Completion.item(label: text, kind: .enumMember, detail: k.name, newText: text, range: r)
            }
        }
    }

    /// In `default-members`: the workspace's members it does not list yet, each by its directory
    /// relative to the root (`.` for the root package), with its package's name.
    private static func defaultMemberItems(_ q: FeatureQuery, replacing entry: Located<String>) -> [JSONValue] {
        guard let snapshot = q.snapshot, snapshot.rootManifest.path == q.path else { return [] }
        let listed = Set((q.manifest.workspace?.defaultMembers ?? []).filter { $0.range != entry.range }.map { Paths.normalize(Paths.join(snapshot.root, $0.value)) })
        let range = q.lspRange(entry.range)
        return snapshot.members.filter { !listed.contains($0.directory) }.map { member in
            let relative = member.directory == snapshot.root ? "." : Paths.relative(member.directory, from: snapshot.root)
            let text = q.ecosystem.manifestSyntax.renderString(relative)
            return Completion.item(label: relative, kind: .folder, detail: member.package?.name.map { "package \($0.value)" }, newText: text, range: range)
        }
    }

    /// In a dependency's `path = "…"`: the packages where the typed path leads (the one named
    /// like the dependency first), and the folders holding one, to go on typing into.
    private static func packagePathItems(_ q: FeatureQuery, key: [String], partial: String, typed range: SourceRange) -> [JSONValue]? {
        guard key.count >= 3, key.last == "path", q.ecosystem.manifestSchema(for: q.manifest).isDependencyTable(Array(key.dropLast(2))),
              let (quote, typed) = stringBeingTyped(partial, from: range.lowerBound), quote == range.lowerBound else { return nil }
        return pathItems(q, PackagePathCandidates.candidates(typed: typed, from: Paths.parent(q.path), wanted: key[key.count - 2], ecosystem: q.ecosystem,
                                                             fileSystem: q.fileSystem),
                         whole: SourceRange(range.lowerBound, closingQuote(q, after: range.upperBound)), typed: range, quoted: true)
    }

    /// Where the string open at the cursor ends: past its closing quote when the cursor's line
    /// has one after it, else at the cursor.
    private static func closingQuote(_ q: FeatureQuery, after cursor: Int) -> Int {
        let bytes = q.text.bytes
        let lineEnd = q.text.lines.contentRange(ofLine: q.text.lines.line(containing: cursor)).upperBound
        var end = cursor
        while end < lineEnd && bytes[end] != 0x22 { end += 1 }
        return end < lineEnd ? end + 1 : cursor
    }

    /// The string a value typed so far (`["src", "li`, starting at `start`) ends inside: its
    /// opening quote's offset and its text so far; nil when the value does not end in a string.
    private static func stringBeingTyped(_ partial: String, from start: Int) -> (quote: Int, typed: String)? {
        let bytes = Array(partial.utf8)
        var open: Int?
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x5C, open != nil { i += 2; continue }
            if bytes[i] == 0x22 { open = open == nil ? i : nil }
            i += 1
        }
        guard let quote = open, quote < bytes.count else { return nil }
        return (start + quote, String(decoding: bytes[(quote + 1)...], as: UTF8.self))
    }

    /// Paths to packages as items: a package replaces `whole`; a folder only what is typed of
    /// it (`typed`), so that the cursor stays inside the string. `quoted`: the ranges hold the
    /// opening quote (and `whole` the closing one), which the text then writes (a folder's
    /// without a closing quote); else they are inside the quotes.
    private static func pathItems(_ q: FeatureQuery, _ candidates: [PackagePathCandidates.Candidate], whole: SourceRange, typed: SourceRange,
                                  quoted: Bool) -> [JSONValue] {
        let syntax = q.ecosystem.manifestSyntax
        return candidates.map { c in
            let value = quoted ? syntax.renderString(c.path) : c.path
            switch c.kind {
            case .folder:
                return Completion.item(label: c.path, kind: .folder, detail: "folder", newText: (quoted ? "\"" : "") + c.path, range: q.lspRange(typed))
            case .package(let name):
                return Completion.item(label: c.path, kind: .module, detail: name.map { "package \($0)" }, newText: value, range: q.lspRange(whole))
            case .directory:
                return Completion.item(label: c.path, kind: .folder, detail: "directory", newText: value, range: q.lspRange(whole))
            }
        }
    }

    /// Packages in the cache not yet declared, each completed with the ecosystem's usual
    /// requirement for its newest version there (`"name" = "^version"` in TOML).
    private static func dependencyNames(_ q: FeatureQuery, range: JSONValue, existing: Set<String>) -> [JSONValue] {
        let syntax = q.ecosystem.manifestSyntax
        return newestAvailable(q, excluding: existing).map { p in
            let requirement = p.version.flatMap { q.ecosystem.requirements(for: $0, in: q.manifest).first } ?? "*"
            let text = syntax.renderEntry(key: p.name, value: syntax.renderString(requirement))
            return Completion.item(label: p.name, kind: .module, detail: p.version.map { "\($0)" } ?? "cached package",
                                   documentation: q.documentation(availability(p)), newText: text, range: range)
        }
    }

    /// The newest release of each package on this machine not in `existing`, by name.
    private static func newestAvailable(_ q: FeatureQuery, excluding existing: Set<String>) -> [AvailablePackage] {
        var newest: [String: AvailablePackage] = [:]
        for p in q.snapshot?.resolver.availablePackages() ?? [] where !existing.contains(p.name) {
            if let known = newest[p.name], let v = known.version, let w = p.version, w <= v { continue }
            newest[p.name] = p
        }
        return newest.values.sorted { $0.name < $1.name }
    }

    private static func availability(_ p: AvailablePackage) -> String {
        [p.description, p.version.map { "version \($0) in the package cache" }].compactMap { $0 }.joined(separator: "\n\n")
    }

    /// The dependency whose requirement a value is: its value when it is a requirement
    /// string, or the requirement key of its table.
    private static func dependencyBeingVersioned(_ q: FeatureQuery, key: [String]) -> String? {
        let schema = q.ecosystem.manifestSchema(for: q.manifest)
        if key.count >= 2, schema.isDependencyTable(Array(key.dropLast())) {
            return key[key.count - 1]
        }
        if key.count >= 3, schema.isDependencyTable(Array(key.dropLast(2))),
           schema.key(Array(key.dropLast(2)) + ["*", key[key.count - 1]])?.isRequirement == true {
            return key[key.count - 2]
        }
        return nil
    }

    /// Requirements for a dependency whose versions this machine knows, newest first: a git
    /// dependency gets a caret requirement for each tagged version the cache's mirror has; a
    /// package in the cache or a registry the ecosystem's requirements for each of its versions
    /// there (`^`, `~` and `=` by default). nil when none is known.
    private static func versions(_ q: FeatureQuery, dependency name: String) -> [(requirement: String, detail: String)]? {
        if let dep = q.manifest.dependencies.first(where: { $0.name.value == name }), case .git(let url, _) = dep.source,
           let known = q.workspace?.knownVersions[SourcePackageProvider.location(of: dep, url: url.value)], !known.isEmpty {
            let releases = known.filter { !$0.isPrerelease }.sorted(by: >)
            return releases.prefix(Self.versionLimit).map { ("^\($0)", $0 == releases[0] ? "newest in the package cache" : "in the package cache") }
        }
        let versions = (q.snapshot?.resolver.availablePackages() ?? []).filter { $0.name == name }.compactMap(\.version).sorted(by: >)
        guard !versions.isEmpty else { return nil }
        return versions.prefix(Self.versionLimit).flatMap { v in
            q.ecosystem.requirements(for: v, in: q.manifest).map { ($0, v == versions[0] ? "newest in the package cache" : "in the package cache") }
        }
    }

    /// For the `tag` or `branch` of a git dependency (`json = { git = "…", tag = "" }`): the
    /// tags (newest versions first) or branches the cache's mirror has; nil elsewhere.
    private static func references(_ q: FeatureQuery, key: [String]) -> [(name: String, detail: String)]? {
        guard key.count >= 3, let kind = key.last, kind == "tag" || kind == "branch",
              q.ecosystem.manifestSchema(for: q.manifest).isDependencyTable(Array(key.dropLast(2))),
              let dep = q.manifest.dependencies.first(where: { $0.name.value == key[key.count - 2] }), case .git(let url, _) = dep.source,
              let known = q.workspace?.knownReferences[SourcePackageProvider.location(of: dep, url: url.value)] else { return nil }
        if kind == "branch" { return known.branches.map { ($0, "branch in the package cache") } }
        return known.tags.prefix(Self.versionLimit).map { ($0, "tag in the package cache") }
    }

    /// The requirements as completion items, in the order given.
    private static func versionItems(_ versions: [(requirement: String, detail: String)], render: (String) -> String, range: JSONValue) -> [JSONValue] {
        versions.enumerated().map { i, v in
            let text = render(v.requirement)
            return Completion.item(label: text, kind: .value, detail: v.detail, newText: text, range: range,
                                   sortText: String(repeating: "0", count: max(0, 4 - String(i).count)) + String(i))
        }
    }

    /// At most this many versions are offered, the newest.
    static let versionLimit = 20
}
