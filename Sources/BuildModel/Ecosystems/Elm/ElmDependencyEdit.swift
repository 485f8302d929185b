/// `ampu add` and `ampu remove` in an elm.json, as `elm install` edits it. An application lists
/// exact versions, direct and indirect: the edit solves them again from the package cache
/// (the versions there now kept where they still fit) and writes both lists whole. A package
/// lists constraints: the new one is `V <= v < NEXT.0.0` of the newest cached version that fits.
extension ElmEcosystem: DependencyEditing {
    /// One list of an elm.json: where it is and what it holds, by package.
    private struct Lists {
        var direct: [String: Version] = [:]
        var indirect: [String: Version] = [:]
        var testDirect: [String: Version] = [:]
        var testIndirect: [String: Version] = [:]
    }

    public func addDependency(_ request: DependencyEdit.Request, to manifest: PackageManifest, environment: [String: String],
                              fileSystem: any FileSystem) throws(DependencyEdit.Failure) -> DependencyEdit.Edit {
        let name = request.name
        guard case .registry = request.source else {
            throw .refused("an Elm dependency comes from the package cache by its name (author/project): --path and --git are not for elm.json")
        }
        if request.feature != nil { throw .noFeatures(ecosystem: self.name) }
        if let problem = ElmPackageName.problem(with: name) { throw .refused("'\(name)' is not an Elm package name: \(problem)") }
        let document = try readable(manifest)
        let cache = try packageCache(environment: environment, fileSystem: fileSystem)
        let cached = (try? cache.versions(of: name)) ?? []
        guard !cached.isEmpty else {
            // A slip of the keys is said before a download that would not help.
            if let meant = Spelling.closest(to: name, in: cache.packageNames()) {
                throw .refused("'\(name)' is not in the Elm package cache (\(cache.directory)); did you mean '\(meant)'?")
            }
            throw .refused("'\(name)' is not in the Elm package cache (\(cache.directory)); run `elm install \(name)` once with a network to download it")
        }
        var wanted = VersionSet.any
        if let text = request.requirement {
            guard let exact = Version(text) else {
                throw .refused("'\(text)' is not a version: write \(name)@X.Y.Z, or leave the version out for the newest one that fits")
            }
            guard cached.contains(exact) else {
                throw .refused("\(name) \(exact) is not in the Elm package cache; it has \(cached.map(\.description).joined(separator: ", "))")
            }
            wanted = .exactly(exact)
        }
        if ElmManifestSchema.isPackage(manifest) {
            return try addToPackage(name, wanted: wanted, manifest: manifest, document: document, dev: request.dev, cache: cache)
        }
        var lists = Self.lists(of: manifest)
        if let listed = request.dev ? lists.testDirect[name] : lists.direct[name] {
            // There already, as `cargo add` takes it: the same version changes nothing, another
            // is solved again with that version (the others kept where they still fit).
            let section = request.dev ? "\"test-dependencies\" \"direct\"" : "\"dependencies\" \"direct\""
            if request.requirement == nil || wanted.contains(listed) {
                return DependencyEdit.Edit(text: manifest.source.bytes, report: ["   Unchanged \"\(name)\" \(listed) in \(section)"])
            }
            var without = lists
            if request.dev { without.testDirect[name] = nil } else { without.direct[name] = nil }
            let solved = try solve(without, listed: lists, adding: (name, wanted, request.dev), cache: cache)
            return DependencyEdit.Edit(text: try Self.rewrite(document, application: solved), report: Self.changes(from: lists, to: solved, first: name))
        }
        // A test dependency asked for that the application itself has.
        if lists.direct[name] != nil { throw .exists(name: name, section: "\"dependencies\" \"direct\"") }
        if !request.dev && lists.testDirect[name] != nil {
            throw .refused("'\(name)' is a test dependency; `ampu remove \(name)` first, then add it again")
        }
        let before = lists
        let solved = try solve(lists, listed: lists, adding: (name, wanted, request.dev), cache: cache)
        lists = solved
        let text = try Self.rewrite(document, application: lists)
        return DependencyEdit.Edit(text: text, report: Self.changes(from: before, to: lists, first: name))
    }

    public func removeDependency(_ name: String, from manifest: PackageManifest, environment: [String: String],
                                 fileSystem: any FileSystem) throws(DependencyEdit.Failure) -> DependencyEdit.Edit {
        let document = try readable(manifest)
        if ElmManifestSchema.isPackage(manifest) {
            guard manifest.dependencies.contains(where: { $0.name.value == name }) else {
                throw .notFound(name: name, declared: manifest.dependencies.map(\.name.value).sorted())
            }
            var constraints = Self.constraints(of: manifest)
            let section = constraints.normal[name] != nil ? "\"dependencies\"" : "\"test-dependencies\""
            constraints.normal[name] = nil
            constraints.test[name] = nil
            return DependencyEdit.Edit(text: try Self.rewrite(document, package: constraints), report: ["  Removing \"\(name)\" from \(section)"])
        }
        var lists = Self.lists(of: manifest)
        guard lists.direct[name] != nil || lists.testDirect[name] != nil else {
            if lists.indirect[name] != nil || lists.testIndirect[name] != nil {
                throw .refused("'\(name)' is an indirect dependency: a direct dependency needs it, and it goes when nothing does")
            }
            throw .notFound(name: name, declared: (Array(lists.direct.keys) + Array(lists.testDirect.keys)).sorted())
        }
        if name == ElmApplicationCheck.core && lists.direct[name] != nil { throw .refused("an Elm application needs elm/core: it cannot be removed") }
        let cache = try packageCache(environment: environment, fileSystem: fileSystem)
        let before = lists
        lists.direct[name] = nil
        lists.testDirect[name] = nil
        lists = try solve(lists, listed: before, adding: nil, cache: cache)
        return DependencyEdit.Edit(text: try Self.rewrite(document, application: lists), report: Self.changes(from: before, to: lists, first: name))
    }

    // MARK: Reading

    /// The elm.json as a JSON document, when nothing in it is wrong.
    private func readable(_ manifest: PackageManifest) throws(DependencyEdit.Failure) -> JSONDocument {
        guard !manifest.diagnostics.contains(where: { $0.severity == .error }) else { throw .unwritable }
        return JSONDocument(parsing: manifest.source)
    }

    private func packageCache(environment: [String: String], fileSystem: any FileSystem) throws(DependencyEdit.Failure) -> ElmPackageCache {
        guard let directory = ElmPackageCache.directory(environment: environment) else {
            throw .refused("there is no Elm package cache: set ELM_HOME, or HOME for ~/.elm")
        }
        return ElmPackageCache(directory: directory, fileSystem: fileSystem, rootName: "the application", requirements: [])
    }

    private static func lists(of manifest: PackageManifest) -> Lists {
        var lists = Lists()
        for dep in manifest.dependencies {
            guard let version = dep.requirement?.value.versionSet.singleVersion else { continue }
            switch dep.scope {
            case .normal: lists.direct[dep.name.value] = version
            case .indirect: lists.indirect[dep.name.value] = version
            case .dev: lists.testDirect[dep.name.value] = version
            case .indirectDev: lists.testIndirect[dep.name.value] = version
            default: break
            }
        }
        return lists
    }

    /// A package's constraints, as written, by package.
    private static func constraints(of manifest: PackageManifest) -> (normal: [String: String], test: [String: String]) {
        let document = JSONDocument(parsing: manifest.source)
        func read(_ key: String) -> [String: String] {
            var out: [String: String] = [:]
            for m in document.root?.member(key)?.value.members ?? [] { if let s = m.value.string { out[m.key] = s } }
            return out
        }
        return (read("dependencies"), read("test-dependencies"))
    }

    // MARK: Solving

    /// The lists solved again: the direct ones as they are (with `adding` at the version the
    /// solver picks), the indirect ones what they need; the versions listed now are preferred.
    /// (`listed`: the lists before the edit, whose versions are preferred.)
    private func solve(_ lists: Lists, listed: Lists, adding: (name: String, versions: VersionSet, test: Bool)?,
                       cache: ElmPackageCache) throws(DependencyEdit.Failure) -> Lists {
        let preferred = listed.direct.merging(listed.indirect) { a, _ in a }.merging(listed.testDirect) { a, _ in a }.merging(listed.testIndirect) { a, _ in a }
        func requirements(_ exact: [String: Version]) -> [PackageRequirement] {
            exact.sorted { $0.key < $1.key }.map { PackageRequirement($0.key, .exactly($0.value)) }
        }
        var normal = requirements(lists.direct)
        if let adding, !adding.test { normal.append(PackageRequirement(adding.name, adding.versions)) }
        // elm make needs elm/json in every application: it stays, in "indirect" when it is not direct.
        if !normal.contains(where: { $0.package == ElmApplicationCheck.json }) { normal.append(PackageRequirement(ElmApplicationCheck.json, .any)) }
        let main = try solution(normal, preferred: preferred, cache: cache, adding: adding?.name)
        var out = Lists()
        for (package, version) in main {
            if lists.direct[package] != nil || package == adding?.name && !adding!.test { out.direct[package] = version } else { out.indirect[package] = version }
        }
        // The tests' dependencies on top of the application's, which stay as solved.
        var test = requirements(main) + requirements(lists.testDirect.filter { main[$0.key] == nil })
        if let adding, adding.test { test.append(PackageRequirement(adding.name, adding.versions)) }
        let withTests = try solution(test, preferred: preferred, cache: cache, adding: adding?.name)
        for (package, version) in withTests {
            // A test dependency the application needs as well stays a direct one of the tests.
            let testDirect = lists.testDirect[package] != nil || package == adding?.name && adding!.test
            if testDirect { out.testDirect[package] = version } else if main[package] == nil { out.testIndirect[package] = version }
        }
        return out
    }

    private func solution(_ requirements: [PackageRequirement], preferred: [String: Version], cache: ElmPackageCache,
                          adding: String?) throws(DependencyEdit.Failure) -> [String: Version] {
        let root = ElmPackageCache(directory: cache.directory, fileSystem: cache.fileSystem, rootName: cache.rootName, requirements: requirements)
        var solver = PubGrubSolver(provider: root, root: root.rootName, version: ElmPackageCache.rootVersion, preferred: preferred)
        do {
            var found = try solver.solve()
            found[root.rootName] = nil
            return found
        } catch {
            switch error {
            case .noSolution(let explanation, _, _): throw .unsolvable(package: adding, explanation: explanation)
            default: throw .refused("\(error)")
            }
        }
    }

    /// A line for each change of the lists, those about `first` (the package asked for) first:
    /// `Adding`, `Removing`, `Updating`, and `Moving` for a package that left one list of a
    /// group for the other (`"indirect"` to `"direct"` of `"dependencies"`).
    private static func changes(from old: Lists, to new: Lists, first: String) -> [String] {
        var lines: [(package: String, text: String)] = []
        for (group, pairs) in [("\"dependencies\"", [(old.direct, new.direct), (old.indirect, new.indirect)]),
                               ("\"test-dependencies\"", [(old.testDirect, new.testDirect), (old.testIndirect, new.testIndirect)])] {
            let titles = ["\"direct\"", "\"indirect\""]
            var added: [(package: String, version: Version, list: Int)] = []
            var removed: [(package: String, list: Int)] = []
            for (list, (before, after)) in pairs.enumerated() {
                for (package, version) in after.sorted(by: { $0.key < $1.key }) where before[package] != version {
                    if let was = before[package] {
                        lines.append((package, "  Updating \"\(package)\" \(was) -> \(version) in \(group) \(titles[list])"))
                    } else {
                        added.append((package, version, list))
                    }
                }
                for package in before.keys.sorted() where after[package] == nil { removed.append((package, list)) }
            }
            for a in added {
                if let r = removed.firstIndex(where: { $0.package == a.package }) {
                    let from = removed.remove(at: r).list
                    lines.append((a.package, "    Moving \"\(a.package)\": \"\(a.version)\" from \(group) \(titles[from]) to \(titles[a.list])"))
                } else {
                    lines.append((a.package, "    Adding \"\(a.package)\": \"\(a.version)\" to \(group) \(titles[a.list])"))
                }
            }
            for r in removed { lines.append((r.package, "  Removing \"\(r.package)\" from \(group) \(titles[r.list])")) }
        }
        return lines.filter { $0.package == first }.map(\.text) + lines.filter { $0.package != first }.map(\.text)
    }

    // MARK: Writing

    /// A package: the newest cached version that fits the other constraints, as `V <= v < NEXT.0.0`.
    private func addToPackage(_ name: String, wanted: VersionSet, manifest: PackageManifest, document: JSONDocument, dev: Bool,
                              cache: ElmPackageCache) throws(DependencyEdit.Failure) -> DependencyEdit.Edit {
        var constraints = Self.constraints(of: manifest)
        let section = dev ? "\"test-dependencies\"" : "\"dependencies\""
        let existing = dev ? constraints.test[name] : constraints.normal[name]
        if existing == nil && (constraints.normal[name] != nil || constraints.test[name] != nil) {
            throw .exists(name: name, section: constraints.normal[name] != nil ? "\"dependencies\"" : "\"test-dependencies\"")
        }
        // There already with no version asked for, as `cargo add` takes it: left as it is.
        if let existing, wanted == .any {
            return DependencyEdit.Edit(text: manifest.source.bytes, report: ["   Unchanged \"\(name)\": \"\(existing)\" in \(section)"])
        }
        let others = manifest.dependencies.filter { $0.name.value != name }.compactMap { dep in dep.requirement.map { PackageRequirement(dep.name.value, $0.value.versionSet) } }
        let found = try solution(others + [PackageRequirement(name, wanted)], preferred: [:], cache: cache, adding: name)
        let version = found[name]!
        let constraint = "\(version) <= v < \(version.major + 1).0.0"
        if dev { constraints.test[name] = constraint } else { constraints.normal[name] = constraint }
        if existing == constraint {
            return DependencyEdit.Edit(text: manifest.source.bytes, report: ["   Unchanged \"\(name)\": \"\(constraint)\" in \(section)"])
        }
        let report = existing.map { "  Updating \"\(name)\" \"\($0)\" -> \"\(constraint)\" in \(section)" } ?? "    Adding \"\(name)\": \"\(constraint)\" to \(section)"
        return DependencyEdit.Edit(text: try Self.rewrite(document, package: constraints), report: [report])
    }

    /// An application's elm.json with its two dependency objects written again whole, as elm
    /// writes them (keys in order, four spaces a level); the rest of the file as it was.
    private static func rewrite(_ document: JSONDocument, application lists: Lists) throws(DependencyEdit.Failure) -> [UInt8] {
        try rewrite(document, [
            ("dependencies", { indent in object([("direct", object(lists.direct, indent + 1)), ("indirect", object(lists.indirect, indent + 1))], indent) }),
            ("test-dependencies", { indent in object([("direct", object(lists.testDirect, indent + 1)), ("indirect", object(lists.testIndirect, indent + 1))], indent) }),
        ])
    }

    private static func rewrite(_ document: JSONDocument, package constraints: (normal: [String: String], test: [String: String])) throws(DependencyEdit.Failure) -> [UInt8] {
        try rewrite(document, [
            ("dependencies", { indent in object(constraints.normal.map { ($0.key, JSONText.quoted($0.value)) }, indent) }),
            ("test-dependencies", { indent in object(constraints.test.map { ($0.key, JSONText.quoted($0.value)) }, indent) }),
        ])
    }

    /// Each named top-level value replaced by what `render` makes of it at its nesting level.
    private static func rewrite(_ document: JSONDocument, _ values: [(key: String, render: (Int) -> String)]) throws(DependencyEdit.Failure) -> [UInt8] {
        var edits: [TextEdit] = []
        for (key, render) in values {
            guard let member = document.root?.member(key) else { throw .unwritable }
            edits.append(TextEdit(range: member.value.range, newText: render(1)))
        }
        guard let text = try? TextEdit.apply(edits, to: document.source.bytes) else { throw .unwritable }
        return text
    }

    private static func object(_ versions: [String: Version], _ indent: Int) -> String {
        object(versions.map { ($0.key, JSONText.quoted("\($0.value)")) }, indent)
    }

    /// `{ "key": value, … }` over several lines, keys in order; `{}` when empty.
    private static func object(_ members: [(String, String)], _ indent: Int) -> String {
        guard !members.isEmpty else { return "{}" }
        let inner = String(repeating: "    ", count: indent + 1)
        let lines = members.sorted { $0.0 < $1.0 }.map { inner + JSONText.quoted($0.0) + ": " + $0.1 }
        return "{\n" + lines.joined(separator: ",\n") + "\n" + String(repeating: "    ", count: indent) + "}"
    }
}
