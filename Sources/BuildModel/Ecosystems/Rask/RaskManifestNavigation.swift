/// What the server answers inside a Rask package block:
///
/// - completion of the keywords and keys an entry may start with where one is typed (the
///   package block's, a dep's sub-block's, a feature's, a scope's, a profile's), of feature names
///   inside `enables: [...]` and `{ feature: "…" }`, of profile names after `inherits:`, of the
///   scopes after `scope`, and of the block's dep names after `dep` inside a group;
/// - hover on a dep (what it asks for, and the version and source rask.lock chose), on a feature
///   (default or not, its deps, what it enables and what enables it), on a profile (its settings
///   after `inherits`), and on a keyword or key (what it is for);
/// - go to definition from an `enables` entry or a `{ feature: … }` tag to the feature, and from
///   `inherits` to the profile.
struct RaskManifestNavigation: ManifestNavigation {
    typealias Document = RaskPackageDocument
    let document: Document
    let manifestPath: String

    init(_ manifest: PackageManifest) {
        document = Document(parsing: manifest.source)
        manifestPath = manifest.path
    }

    var bytes: [UInt8] { document.source.bytes }
    var package: Document.Package? { document.package }
    var features: [Document.Group] { package?.groups.filter { $0.keyword.value == "feature" } ?? [] }
    var profiles: [Document.Group] { package?.groups.filter { $0.keyword.value == "profile" } ?? [] }

    // MARK: What is at an offset

    /// The block an entry at `offset` belongs to.
    enum Block { case package, dependency, feature, scope, profile }

    private func block(at offset: Int) -> Block? {
        guard let package, package.range.contains(offset) || package.range.upperBound == offset else { return nil }
        func inSubBlock(_ dep: Document.Dependency) -> Bool {
            // Past the dep's `{`.
            guard dep.range.contains(offset), let brace = bytes[dep.name.range.upperBound..<dep.range.upperBound].firstIndex(of: 0x7B) else { return false }
            return offset > brace
        }
        if package.dependencies.contains(where: inSubBlock) { return .dependency }
        for group in package.groups where group.hasBlock && group.range.contains(offset) && offset > group.name.range.upperBound {
            if group.dependencies.contains(where: inSubBlock) { return .dependency }
            switch group.keyword.value {
            case "feature": return .feature
            case "scope": return .scope
            case "profile": return .profile
            default: return nil
            }
        }
        return offset > package.keyword.upperBound ? .package : nil
    }

    /// The string the cursor is in on its line: where its text starts and ends, and the line's
    /// text before its opening quote.
    private func string(at offset: Int) -> (range: SourceRange, before: String)? {
        let line = document.source.lines.contentRange(ofLine: document.source.lines.line(containing: offset))
        let start = line.lowerBound
        var open: Int?
        var i = start
        while i < offset {
            if bytes[i] == 0x22 { open = open == nil ? i : nil }
            if bytes[i] == 0x5C { i += 1 }
            i += 1
        }
        guard let quote = open else { return nil }
        let end = bytes[offset..<max(offset, line.upperBound)].firstIndex(of: 0x22) ?? max(offset, line.upperBound)
        return (SourceRange(quote + 1, end), String(decoding: bytes[start..<quote], as: UTF8.self))
    }

    /// The word being typed at the start of an entry (blanks, or `{`/`,` before it on its line).
    private func entryWord(at offset: Int) -> SourceRange? {
        var start = offset
        while start > 0 && RaskLexer.isNameByte(bytes[start - 1]) { start -= 1 }
        var before = start
        while before > 0 && (bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09) { before -= 1 }
        guard before == 0 || [0x0A, 0x7B, 0x2C].contains(bytes[before - 1]) else { return nil }
        var end = offset
        while end < bytes.count && RaskLexer.isNameByte(bytes[end]) { end += 1 }
        return SourceRange(start, end)
    }

    // MARK: Completion

    func completions(at offset: Int) -> [ManifestCompletionItem]? {
        guard package != nil else { return nil }
        if let (range, before) = string(at: offset) {
            return stringCompletions(before: before, offset: offset, range: range)
        }
        guard let block = block(at: offset), let range = entryWord(at: offset) else { return nil }
        return entryCompletions(in: block, range: range)
    }

    /// `dep "|"` in the package block (in a feature or scope, the deps declared elsewhere are
    /// offered instead), and `dep "name" "|"`: the second string of a dep.
    func dependencyBeingTyped(at offset: Int) -> DependencyTyping? {
        guard let package, let (range, before) = string(at: offset) else { return nil }
        var words = before.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        guard words.popFirst() == "dep" else { return nil }
        if words.isEmpty {
            guard block(at: offset) == .package else { return nil }
            let declared = package.dependencies.map(\.name.value) + package.groups.flatMap { $0.dependencies.map(\.name.value) }
            return .name(range: range, declared: Set(declared))
        }
        guard words.count == 1, let name = words.first, name.count >= 2, name.first == "\"", name.last == "\"" else { return nil }
        return .requirement(dependency: String(name.dropFirst().dropLast()), range: range)
    }

    /// `dep "util" { path: "|" }`: the dep's name and the path typed so far.
    func packagePathBeingTyped(at offset: Int) -> (dependency: String, typed: String, range: SourceRange)? {
        guard let package, let (range, before) = string(at: offset), block(at: offset) == .dependency else { return nil }
        guard Self.trimmed(before).hasSuffix("path:"),
              let dep = (package.dependencies + package.groups.flatMap(\.dependencies)).first(where: { $0.range.contains(offset) }) else { return nil }
        return (dep.name.value, String(decoding: bytes[range.lowerBound..<offset], as: UTF8.self), range)
    }

    /// A line's text before a string, without the blanks before the string's quote.
    private static func trimmed(_ before: String) -> Substring {
        var text = Substring(before)
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }

    private func stringCompletions(before: String, offset: Int, range: SourceRange) -> [ManifestCompletionItem]? {
        let text = Self.trimmed(before)
        func names(_ list: [String], _ detail: String) -> [ManifestCompletionItem] {
            list.map { ManifestCompletionItem(label: $0, detail: detail, newText: $0, range: range) }
        }
        if text.hasSuffix("inherits:") {
            let current = profiles.first { $0.range.contains(offset) }?.name.value
            return names(ProfileSettings.inheritable(by: current ?? "", among: profiles.map(\.name.value)), "profile")
        }
        if text.hasSuffix("feature:") { return names(features.map(\.name.value), "feature") }
        if text.hasSuffix("scope") || text.hasSuffix("scope:") { return names(RaskPackageRules.scopes, "scope") }
        if let enables = text.firstRange(of: "enables:"), text[enables.upperBound...].contains("[") {
            let current = features.first { $0.range.contains(offset) }?.name.value
            return names(features.map(\.name.value).filter { $0 != current }, "feature")
        }
        if text.hasSuffix("dep"), let block = block(at: offset), block == .feature || block == .scope, let package {
            // A dep the block declares elsewhere (a dev scope repeating a build one).
            let here = Set(package.groups.first { $0.range.contains(offset) }?.dependencies.map(\.name.value) ?? [])
            let all = package.dependencies.map(\.name.value) + package.groups.flatMap { $0.dependencies.map(\.name.value) }
            var seen = Set<String>()
            return names(all.filter { !here.contains($0) && seen.insert($0).inserted }, "dep of this package")
        }
        return nil
    }

    private func entryCompletions(in block: Block, range: SourceRange) -> [ManifestCompletionItem] {
        func key(_ k: ManifestKey) -> ManifestCompletionItem {
            ManifestCompletionItem(label: k.name, detail: k.kind.rawValue, documentation: k.summary, newText: k.name + ": ", range: range)
        }
        func keyword(_ word: String, _ summary: String) -> ManifestCompletionItem {
            ManifestCompletionItem(label: word, detail: "keyword", documentation: summary, newText: word + " ", range: range)
        }
        let dep = keyword("dep", "A dependency: `dep \"name\" \"^1.0\" { key: value }`.")
        switch block {
        case .package:
            return [dep, keyword("feature", "A feature: optional deps and a flag for `comptime if`."),
                    keyword("scope", "Deps only tests (\"dev\") or the build script (\"build\") use."),
                    keyword("profile", "A build profile that `inherits` another.")] + Self.keys(["package"]).map(key)
        case .dependency: return Self.keys(["package", "dep"]).map(key)
        case .feature: return [dep] + Self.keys(["package", "feature"]).map(key)
        case .scope: return [dep]
        case .profile: return Self.keys(["package", "profile"]).map(key)
        }
    }

    static func keys(_ path: [String]) -> [ManifestKey] {
        RaskManifestSchema.schema.tables.first { $0.path == path }?.keys ?? []
    }

    // MARK: Hover

    func hover(at offset: Int, fileSystem: any FileSystem, environment: [String: String]) -> (text: String, range: SourceRange)? {
        guard let package else { return nil }
        for dep in package.dependencies + package.groups.flatMap(\.dependencies) where dep.name.range.contains(offset) {
            return (dependencyHover(dep, fileSystem: fileSystem), dep.name.range)
        }
        if let (name, range) = featureName(at: offset), let feature = features.first(where: { $0.name.value == name }) {
            return (featureHover(feature), range)
        }
        if let (name, range) = profileName(at: offset) {
            return (profileHover(name), range)
        }
        return keyHover(at: offset)
    }

    private func dependencyHover(_ dep: Document.Dependency, fileSystem: any FileSystem) -> String {
        var lines = ["**dep** `\(dep.name.value)`"]
        var asks: [String] = []
        if let v = dep.version { asks.append("version `\(v.value)`") }
        for p in dep.properties { asks.append("\(p.key.value) `\(Self.text(of: p.value))`") }
        lines.append(asks.isEmpty ? "any version" : asks.joined(separator: ", "))
        let gate = RaskFeatures(package).gate(of: dep.name.value)
        if let gate { lines.append("only with feature " + gate.map { "`\($0)`" }.joined(separator: " or ")) }
        if let lock = try? LockFile.read(in: Paths.parent(manifestPath), format: RaskLock.format, fileSystem: fileSystem),
           let locked = lock.package(named: dep.name.value) {
            lines.append("locked: **\(locked.version)** from `\(locked.source)`")
        } else {
            lines.append("not in rask.lock: `ampu update` resolves it")
        }
        return lines.joined(separator: "\n\n")
    }

    private func featureHover(_ feature: Document.Group) -> String {
        var isDefault = false
        if case .bool(let b)? = feature.entry("default")?.value.kind { isDefault = b }
        var lines = ["**feature** `\(feature.name.value)`" + (isDefault ? " (on by default)" : "")]
        let deps = feature.dependencies.map(\.name.value)
            + (package?.dependencies ?? []).filter { $0.property("feature")?.value.string == feature.name.value }.map(\.name.value)
            + features.flatMap { f in f.dependencies.filter { $0.property("feature")?.value.string == feature.name.value }.map(\.name.value) }
        lines.append(deps.isEmpty ? "no deps: a flag for `comptime if`" : "deps: " + deps.map { "`\($0)`" }.joined(separator: ", "))
        let enables = (feature.entry("enables")?.value.list ?? []).compactMap(\.string)
        if !enables.isEmpty { lines.append("enables: " + enables.map { "`\($0)`" }.joined(separator: ", ")) }
        let by = features.filter { ($0.entry("enables")?.value.list ?? []).contains { $0.string == feature.name.value } }.map(\.name.value)
        if !by.isEmpty { lines.append("enabled by: " + by.map { "`\($0)`" }.joined(separator: ", ")) }
        return lines.joined(separator: "\n\n")
    }

    /// A profile's settings after `inherits`, each with the profile it comes from.
    private func profileHover(_ name: String) -> String {
        var settings: [(key: String, value: String, from: String)] = []
        var chain: [String] = []
        var current: String? = name
        while let n = current, !chain.contains(n), let profile = profiles.first(where: { $0.name.value == n }) {
            chain.append(n)
            for e in profile.entries where e.key.value != "inherits" && !settings.contains(where: { $0.key == e.key.value }) {
                settings.append((e.key.value, Self.text(of: e.value), n))
            }
            current = profile.entry("inherits")?.value.string
        }
        if RaskPackageRules.builtInProfiles.contains(name) {
            return "**profile** `\(name)`: built in"
        }
        var lines = ["**profile** `\(name)`" + (chain.count > 1 ? ": " + chain.joined(separator: " → ") : "")]
        lines += settings.map { "- `\($0.key)`: `\($0.value)`" + ($0.from == name ? "" : " (from `\($0.from)`)") }
        if let base = current, RaskPackageRules.builtInProfiles.contains(base) { lines.append("everything else as `\(base)`") }
        return lines.joined(separator: "\n")
    }

    private func keyHover(at offset: Int) -> (text: String, range: SourceRange)? {
        guard let package else { return nil }
        func entries(_ list: [Document.Entry], _ path: [String]) -> (text: String, range: SourceRange)? {
            for e in list where e.key.range.contains(offset) {
                guard let k = Self.keys(path).first(where: { $0.name == e.key.value }) else { return nil }
                return ("**\(k.name)** (\(k.kind.rawValue))\n\n\(k.summary)", e.key.range)
            }
            return nil
        }
        if let found = entries(package.entries, ["package"]) { return found }
        for dep in package.dependencies + package.groups.flatMap(\.dependencies) {
            if let found = entries(dep.properties, ["package", "dep"]) { return found }
        }
        for group in package.groups {
            if let found = entries(group.entries, ["package", group.keyword.value]) { return found }
        }
        return nil
    }

    // MARK: Definition

    func definition(at offset: Int) -> SourceRange? {
        if let (name, range) = featureName(at: offset), !features.contains(where: { $0.name.range == range }) {
            return features.first { $0.name.value == name }?.name.range
        }
        if let (name, range) = profileName(at: offset), !profiles.contains(where: { $0.name.range == range }) {
            return profiles.first { $0.name.value == name }?.name.range
        }
        return nil
    }

    /// A feature named at `offset`: a feature's own name, an `enables` entry, a `{ feature: … }` tag.
    private func featureName(at offset: Int) -> (String, SourceRange)? {
        for f in features {
            if f.name.range.contains(offset) { return (f.name.value, f.name.range) }
            for v in f.entry("enables")?.value.list ?? [] where v.range.contains(offset) {
                if let s = v.string { return (s, v.range) }
            }
        }
        for dep in (package?.dependencies ?? []) + (package?.groups.flatMap(\.dependencies) ?? []) {
            if let tag = dep.property("feature"), tag.value.range.contains(offset), let s = tag.value.string { return (s, tag.value.range) }
        }
        return nil
    }

    /// A profile named at `offset`: a profile's own name, or its `inherits`.
    private func profileName(at offset: Int) -> (String, SourceRange)? {
        for p in profiles {
            if p.name.range.contains(offset) { return (p.name.value, p.name.range) }
            if let inherits = p.entry("inherits"), inherits.value.range.contains(offset), let s = inherits.value.string { return (s, inherits.value.range) }
        }
        return nil
    }

    static func text(of value: Document.Value) -> String {
        switch value.kind {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): "\(b)"
        case .word(let w): w
        case .list(let l): "[" + l.map { text(of: $0) }.joined(separator: ", ") + "]"
        case .invalid: "?"
        }
    }
}
