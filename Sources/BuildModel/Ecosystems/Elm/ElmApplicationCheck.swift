/// An application's exact versions against the package cache and the solver, as `elm make`
/// checks them: elm/core must be a direct dependency and elm/json a dependency (E011), every
/// listed one must be downloaded (E004), the versions must be solvable (M021, with the solver's
/// explanation), and what the solver derives from the direct dependencies must be what
/// `"indirect"` lists (E005 for a package needed but missing or at another version). A package
/// `"indirect"` lists that nothing needs is E006, a warning: elm accepts it while every package
/// it needs is listed too (E005 for one that is not). The test dependencies are verified with the
/// rest, as elm verifies the four lists together. Elm itself says only "You changed elm.json
/// manually" or "MISSING DEPENDENCY"; these say which line and why.
public enum ElmApplicationCheck {
    public static func run(_ manifest: PackageManifest, cache: ElmPackageCache) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let listed = manifest.dependencies.filter { $0.scope == .normal || $0.scope == .indirect }
        // The test dependencies too: elm verifies the four lists together.
        let everyList = manifest.dependencies.filter { [.normal, .indirect, .dev, .indirectDev].contains($0.scope) }
        // The cache's packages, read once when a name is not among them (not once for each).
        var cached: [String]?
        for dep in everyList {
            guard let exact = dep.requirement?.value.versionSet, let version = exact.singleVersion else { continue }
            let available = (try? cache.versions(of: dep.name.value)) ?? []
            guard !available.contains(version) else { continue }
            let has = available.isEmpty ? "it has no version of it" : "it has " + available.map(\.description).joined(separator: ", ")
            // A name the cache has no release of at all may be a misspelt one it has.
            if available.isEmpty && cached == nil { cached = cache.packageNames() }
            let meant = available.isEmpty ? Spelling.closestName(to: dep.name.value, in: cached ?? []) : nil
            out.append(.error("\(dep.name.value) \(version) is not in the package cache", .packageNotDownloaded, at: dep.range,
                              label: "not downloaded", notes: ["the cache is \(cache.directory); \(has)"],
                              help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["run `elm make` once with a network to download it, or choose a version the cache has"],
                              fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: dep.name.range, newText: JSONText.quoted($0))]) }).inFile(manifest.path))
        }
        out += requiredPackages(manifest, cache: cache)
        guard out.isEmpty else { return out }
        let preferred = Dictionary(listed.compactMap { dep in dep.requirement?.value.versionSet.singleVersion.map { (dep.name.value, $0) } }) { a, _ in a }
        var solver = PubGrubSolver(provider: cache, root: cache.rootName, version: ElmPackageCache.rootVersion, preferred: preferred)
        let solution: [String: Version]
        do {
            solution = try solver.solve()
        } catch {
            let direct = manifest.dependencies.filter { $0.scope == .normal }
            var involved = direct
            if case .noSolution(_, let involving, _) = error { involved = direct.filter { involving.contains($0.name.value) } }
            guard let placed = involved.last ?? direct.first else { return [] }
            let explanation: [String]
            switch error {
            case .noSolution(let text, _, _): explanation = text.split(separator: "\n").map(String.init)
            default: explanation = ["\(error)"]
            }
            var d = Diagnostic.error("these exact versions cannot all be used together", .unsolvableDependencies, at: placed.range,
                                     label: "required here", notes: explanation, help: ["change the versions in \"direct\" so that they agree, then let elm update \"indirect\""])
            d.related = involved.dropLast().map { Diagnostic.Related(range: $0.range, message: "also required here") }
            return [d.inFile(manifest.path)]
        }
        let byName = Dictionary(listed.map { ($0.name.value, $0) }) { a, _ in a }
        for (package, version) in solution.sorted(by: { $0.key < $1.key }) where package != cache.rootName {
            guard let dep = byName[package] else {
                let indirect = manifest.dependencies.first { $0.section == "dependencies.indirect" }
                out.append(.error("\(package) \(version) is needed by the direct dependencies, but \"indirect\" does not list it", .indirectMismatch,
                                  at: indirect.map { SourceRange($0.name.range.lowerBound, $0.name.range.lowerBound) } ?? .at(0),
                                  label: "add it here", help: ["add \"\(package)\": \"\(version)\" to \"indirect\""]).inFile(manifest.path))
                continue
            }
            if let listedVersion = dep.requirement?.value.versionSet.singleVersion, listedVersion != version {
                out.append(.error("\(package) is listed at \(listedVersion), but the direct dependencies need \(version)", .indirectMismatch, at: dep.range,
                                  label: "needs \(version)", help: ["write \"\(version)\""],
                                  fix: Diagnostic.Fix(title: "Write \"\(version)\"", edits: [TextEdit(range: dep.range, newText: "\"\(version)\"")], certain: true)).inFile(manifest.path))
            }
        }
        // elm/json is needed by elm itself, for flags and ports.
        let extras = listed.filter { $0.scope == .indirect && solution[$0.name.value] == nil && $0.name.value != Self.json }
        for dep in extras {
            out.append(.warning("\(dep.name.value) is listed in \"indirect\", but no direct dependency needs it", .unneededIndirect, at: dep.name.range,
                                label: "not needed", help: ["remove it"]).inFile(manifest.path))
        }
        guard out.allSatisfy({ $0.severity != .error }) else { return out }
        let tests = everyList.filter { $0.scope == .dev || $0.scope == .indirectDev }
        guard !extras.isEmpty || !tests.isEmpty else { return out }
        return out + listsNeeds(extras + tests, listed: everyList, manifest: manifest, cache: cache, preferred: preferred)
    }

    /// The packages elm make needs in every application: elm/core in "direct", elm/json anywhere.
    static let core = "elm/core"
    static let json = "elm/json"

    /// E011: elm/core not in "direct", elm/json not listed at all (elm make stops on either).
    private static func requiredPackages(_ manifest: PackageManifest, cache: ElmPackageCache) -> [Diagnostic] {
        let listed = manifest.dependencies.filter { $0.scope == .normal || $0.scope == .indirect }
        let anchor = listed.first?.range ?? manifest.package?.range ?? .at(0)
        var out: [Diagnostic] = []
        let newest = { (package: String) in ((try? cache.versions(of: package)) ?? []).max().map { "\"\($0)\"" } ?? "a version" }
        if let core = listed.first(where: { $0.name.value == Self.core }) {
            if core.scope != .normal {
                out.append(.error("elm/core is listed in \"indirect\", but an application needs it in \"direct\"", .missingCorePackage, at: core.name.range,
                                  label: "not direct", help: ["move \"elm/core\" to \"direct\""]).inFile(manifest.path))
            }
        } else {
            out.append(.error("an application needs elm/core in \"direct\"", .missingCorePackage, at: anchor, label: "no elm/core",
                              help: ["add \"elm/core\": \(newest(Self.core)) to \"direct\""]).inFile(manifest.path))
        }
        if !listed.contains(where: { $0.name.value == Self.json }) {
            out.append(.error("an application needs elm/json among its dependencies", .missingCorePackage, at: anchor, label: "no elm/json",
                              notes: ["elm make uses it to handle flags and ports, and stops without it"],
                              help: ["add \"elm/json\": \(newest(Self.json)) to \"indirect\" (or to \"direct\" when a module imports Json)"]).inFile(manifest.path))
        }
        return out
    }

    /// What the packages "indirect" lists but nothing needs, and the test dependencies, need in
    /// turn: elm solves the versions of all four lists together, and stops when they cannot go
    /// together or need a package no list names (E005, at the package that needs it).
    private static func listsNeeds(_ extras: [DependencySpec], listed: [DependencySpec], manifest: PackageManifest, cache: ElmPackageCache,
                                   preferred: [String: Version]) -> [Diagnostic] {
        let all = listed.compactMap { dep in dep.requirement.map { PackageRequirement(dep.name.value, $0.value.versionSet) } }
        let everything = ElmPackageCache(directory: cache.directory, fileSystem: cache.fileSystem, rootName: cache.rootName, requirements: all)
        var solver = PubGrubSolver(provider: everything, root: cache.rootName, version: ElmPackageCache.rootVersion, preferred: preferred)
        let solution: [String: Version]
        do throws(ResolutionError) {
            solution = try solver.solve()
        } catch {
            let tests = extras.contains { $0.scope == .dev || $0.scope == .indirectDev }
            // Why, as the solver explains it (which package needs which version of another).
            var notes: [String] = []
            if case .noSolution(let explanation, _, _) = error { notes = explanation.split(separator: "\n").map(String.init) }
            return [.error("the versions \(tests ? "\"test-dependencies\"" : "\"indirect\"") lists cannot be used together with the rest", .indirectMismatch,
                           at: extras[0].range, label: "listed here", notes: notes,
                           help: [tests ? "change the test dependencies' versions so that they agree with the others (elm-test install solves them)"
                                        : "remove the packages nothing needs from \"indirect\""]).inFile(manifest.path)]
        }
        let names = Set(listed.map(\.name.value))
        var out: [Diagnostic] = []
        for (package, version) in solution.sorted(by: { $0.key < $1.key }) where package != cache.rootName && !names.contains(package) {
            let needers = extras.filter { extra in
                let version = extra.requirement?.value.versionSet.singleVersion
                return version.flatMap { try? everything.dependencies(of: extra.name.value, at: $0) }?.contains { $0.package == package } ?? false
            }
            let by = needers.first ?? extras[0]
            let test = by.scope == .dev || by.scope == .indirectDev
            out.append(.error("\(package) \(version) is needed by \(by.name.value), which \(test ? "\"test-dependencies\"" : "\"indirect\"") lists, but no list names it",
                              .indirectMismatch, at: by.name.range, label: "needs \(package)",
                              help: [test ? "add \"\(package)\": \"\(version)\" to \"indirect\" of \"test-dependencies\""
                                          : "remove \"\(by.name.value)\" from \"indirect\" (nothing needs it), or add \"\(package)\": \"\(version)\""]).inFile(manifest.path))
        }
        return out
    }
}
