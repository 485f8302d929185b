/// Every rule seed 002 gives the package block, as located diagnostics with the fix in words
/// (issue 18's second item). Rask is not registered yet: the reader of `rask.build` will report
/// these with the block's syntax problems.
enum RaskPackageRules {
    typealias Document = RaskPackageDocument

    static let metadataKeys = ["description", "license", "repository", "members", "allow", "build_timeout", "build_max_memory"]
    static let dependencyKeys = ["target", "path", "git", "branch", "with", "scope", "feature", "allow"]
    static let featureKeys = ["enables", "default"]
    static let scopes = ["dev", "build"]
    static let builtInProfiles = ["debug", "release"]
    static let profileKeys = ["inherits", "opt_level", "debug_info", "overflow_checks", "lto", "codegen_units", "strip", "panic"]

    /// The problems of `document` read from the file at `path` (a package block belongs in a
    /// `.build` file, or a `build.rk` as real projects name it).
    static func check(_ document: Document, path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for stray in document.strayDependencies {
            out.append(.error("a dep must be inside the package block", .raskDependencyOutsideBlock, at: stray, label: "outside any package block",
                              help: ["move it into package \"name\" \"version\" { … }"]))
        }
        for extra in document.extraPackages {
            var d = Diagnostic.error("a file has one package block; this is a second", .raskDuplicatePackage, at: extra, label: "second package block",
                                     help: ["merge it into the first one"])
            if let first = document.package { d.related = [.init(range: first.keyword, message: "the first package block")] }
            out.append(d)
        }
        guard let package = document.package else { return out.map { $0.inFile(path) } }
        if Paths.fileExtension(path) == "rk" && Paths.lastComponent(path) != "build.rk" {
            out.append(.error("a package block belongs in rask.build, not in a source file", .raskPackageInSource, at: package.keyword,
                              label: "in \(Paths.lastComponent(path))", help: ["move it to rask.build in the package's directory"]))
        }
        unknownKeys(package.entries, known: metadataKeys, in: "the package block", into: &out)
        for e in package.entries { if let problem = limitValueProblem(e) { out.append(problem) } }
        dependencies(package.dependencies, context: "the package block", into: &out)
        groups(package, in: document, into: &out)
        return out.map { $0.inFile(path) }
    }

    private static func unknownKeys(_ entries: [Document.Entry], known: [String], in place: String, into out: inout [Diagnostic]) {
        for e in entries where !known.contains(e.key.value) {
            out.append(.unknownKey(e.key.value, at: e.key.range, known: known, in: place))
        }
    }

    /// The deps of one level: each declared once, with sources that agree.
    private static func dependencies(_ deps: [Document.Dependency], context: String, into out: inout [Diagnostic]) {
        var first: [String: SourceRange] = [:]
        for dep in deps {
            if let earlier = first[dep.name.value] {
                var d = Diagnostic.error("dependency '\(dep.name.value)' is declared twice in \(context)", .duplicateDependency, at: dep.name.range,
                                         label: "declared again", help: ["remove one of them"])
                d.related = [.init(range: earlier, message: "first declared here")]
                out.append(d)
            } else {
                first[dep.name.value] = dep.name.range
            }
            unknownKeys(dep.properties, known: dependencyKeys, in: "dep \"\(dep.name.value)\"", into: &out)
            if let path = dep.property("path"), dep.property("git") != nil {
                out.append(.error("dep '\(dep.name.value)' has both `path` and `git`", .pathAndGit, at: path.key.range, label: "one source too many",
                                  help: ["keep `path` for a local copy or `git` for a repository, not both"]))
            }
            if let branch = dep.property("branch"), dep.property("git") == nil {
                out.append(.error("`branch` needs `git`", .dependencyWithoutSource, at: branch.key.range, label: "a branch of no repository",
                                  help: ["add git: \"https://…\" beside it, or remove `branch`"]))
            }
        }
    }

    private static func groups(_ package: Document.Package, in document: Document, into out: inout [Diagnostic]) {
        let features = package.groups.filter { $0.keyword.value == "feature" }
        let profiles = package.groups.filter { $0.keyword.value == "profile" }
        let featureNames = features.map(\.name.value)
        let isFeature = Set(featureNames)
        var depFeature: [String: (feature: String, range: SourceRange)] = [:]
        let allDeps = Set(package.dependencies.map(\.name.value) + package.groups.flatMap { $0.dependencies.map(\.name.value) })
        for group in package.groups {
            for inner in group.groups {
                out.append(.error("a \(inner.keyword.value) cannot be inside a \(group.keyword.value)", .raskNestedGroup, at: inner.keyword.range,
                                  label: "inside \(group.keyword.value) \"\(group.name.value)\"",
                                  help: ["move it out to the package block; tag a dep instead: { \(inner.keyword.value == "scope" ? "scope" : "feature"): \"\(inner.name.value)\" }"]))
            }
            switch group.keyword.value {
            case "scope":
                if !scopes.contains(group.name.value) {
                    let meant = Spelling.closest(to: group.name.value, in: scopes)
                    out.append(.error("unknown scope '\(group.name.value)'", .raskUnknownScope, at: group.name.range, label: "not a scope",
                                      help: (meant.map { ["did you mean \"\($0)\"?"] } ?? []) + ["a scope is \"dev\" (tests only) or \"build\" (the build script)"],
                                      fix: meant.map { Diagnostic.Fix(title: "Use \"\($0)\"", edits: [TextEdit(range: group.name.range, newText: "\"\($0)\"")]) }))
                }
                for e in group.entries {
                    out.append(.error("a scope holds only deps", .raskScopeContents, at: e.key.range, label: "not a dep",
                                      help: ["move `\(e.key.value)` out of scope \"\(group.name.value)\""]))
                }
                dependencies(group.dependencies, context: "scope \"\(group.name.value)\"", into: &out)
            case "feature":
                unknownKeys(group.entries, known: featureKeys, in: "feature \"\(group.name.value)\"", into: &out)
                dependencies(group.dependencies, context: "feature \"\(group.name.value)\"", into: &out)
                for dep in group.dependencies {
                    if let earlier = depFeature[dep.name.value], earlier.feature != group.name.value {
                        var d = Diagnostic.error("dependency '\(dep.name.value)' is in two features", .raskDependencyInTwoFeatures, at: dep.name.range,
                                                 label: "also in feature \"\(earlier.feature)\"",
                                                 help: ["keep it in one feature and tag it for the other: dep \"\(dep.name.value)\" { feature: \"\(group.name.value)\" }"])
                        d.related = [.init(range: earlier.range, message: "in feature \"\(earlier.feature)\" here")]
                        out.append(d)
                    } else {
                        depFeature[dep.name.value] = (group.name.value, dep.name.range)
                    }
                    if let tag = dep.property("feature"), tag.value.string == group.name.value {
                        out.append(.warning("dep '\(dep.name.value)' is tagged with its own feature", .raskRedundantFeatureTag, at: tag.key.range,
                                            label: "already in feature \"\(group.name.value)\"", help: ["remove the tag: a dep in a feature block is gated by it already"]))
                    }
                }
                for name in group.entry("enables")?.value.list ?? [] {
                    guard let n = name.string, !isFeature.contains(n) else { continue }
                    let isDep = allDeps.contains(n)
                    // Not the feature itself: it cannot enable itself.
                    let guess = Spelling.closest(to: n, in: featureNames.filter { $0 != group.name.value })
                    out.append(.error(isDep ? "`enables` names the dep '\(n)'; it names features only" : "`enables` names '\(n)', which is no feature",
                                      .raskUnknownFeature, at: name.range, label: isDep ? "a dep" : "no such feature",
                                      help: (guess.map { ["did you mean '\($0)'?"] } ?? []) + ["the features are: " + featureNames.joined(separator: ", ")],
                                      fix: guess.map { Diagnostic.Fix(title: "Use \"\($0)\"", edits: [TextEdit(range: name.range, newText: "\"\($0)\"")]) }))
                }
            default:
                break
            }
        }
        if let cycle = cycle(in: features.map { f in (f.name.value, (f.entry("enables")?.value.list ?? []).compactMap(\.string)) }) {
            let at = features.first { $0.name.value == cycle[0] }!
            out.append(.error("features enable each other in a circle: \(cycle.joined(separator: " → "))", .raskEnablesCycle, at: at.name.range,
                              label: "the circle starts here", help: ["remove one of these `enables`"]))
        }
        profilesCheck(profiles, in: document, into: &out)
    }

    private static func profilesCheck(_ profiles: [Document.Group], in document: Document, into out: inout [Diagnostic]) {
        let names = builtInProfiles + profiles.map(\.name.value).filter { !builtInProfiles.contains($0) }
        let known = Set(names)
        // The first profile of each name (a file may define thousands).
        var byName: [String: Document.Group] = [:]
        for p in profiles where byName[p.name.value] == nil { byName[p.name.value] = p }
        for p in profiles {
            unknownKeys(p.entries, known: profileKeys, in: "profile \"\(p.name.value)\"", into: &out)
            for e in p.entries { if let problem = profileValueProblem(e) { out.append(problem) } }
            if let inherits = p.entry("inherits"), builtInProfiles.contains(p.name.value) {
                out.append(.error("profile '\(p.name.value)' is built in: it cannot inherit from another", .raskProfileInheritance, at: inherits.key.range,
                                  label: "built-in profiles inherit nothing",
                                  help: ["remove `inherits`: profile \"\(p.name.value)\" changes the settings of the \(p.name.value) profile itself; to start from another, define a profile of your own"],
                                  fix: Diagnostic.Fix(title: "Remove `inherits`", edits: [document.removal(of: inherits)])))
            } else if let inherits = p.entry("inherits"), let base = inherits.value.string, !known.contains(base) {
                let guess = Spelling.closest(to: base, in: ProfileSettings.inheritable(by: p.name.value, among: profiles.map(\.name.value)))
                out.append(.error("profile '\(p.name.value)' inherits '\(base)', which is no profile", .raskProfileInheritance, at: inherits.value.range,
                                  label: "no such profile", help: (guess.map { ["did you mean '\($0)'?"] } ?? []) + ["the profiles are: " + names.joined(separator: ", ")],
                                  fix: guess.map { Diagnostic.Fix(title: "Use \"\($0)\"", edits: [TextEdit(range: inherits.value.range, newText: "\"\($0)\"")]) }))
            }
        }
        // A built-in profile's `inherits` is refused above: it leads nowhere.
        for circle in ProfileSettings.circles(among: profiles.map { ($0.name.value, builtInProfiles.contains($0.name.value) ? nil : $0.entry("inherits")?.value.string) }) {
            guard let closing = byName[circle[circle.count - 2]]?.entry("inherits") else { continue }
            let wording = ProfileSettings.circleWording(circle)
            out.append(.error(wording.message, .raskProfileInheritance, at: closing.value.range, label: wording.label, help: [wording.help]))
        }
    }

    /// A profile value outside the seed's table.
    /// `key` cannot be the value written: it is `allowed`.
    private static func bad(_ e: Document.Entry, _ allowed: String) -> Diagnostic {
        let v = e.value
        let written: String = switch v.kind {
        case .string(let text): "\"\(text)\""
        case .number(let n): n
        case .bool(let b): "\(b)"
        default: v.typeName
        }
        return .error("`\(e.key.value)` cannot be \(written)", .invalidValue, at: v.range, label: "not allowed", help: ["`\(e.key.value)` is \(allowed)"])
    }

    /// The build script's limits: `build_timeout` in seconds, `build_max_memory` as `"1GB"`.
    private static func limitValueProblem(_ e: Document.Entry) -> Diagnostic? {
        switch e.key.value {
        case "build_timeout":
            return RaskBuildScript.seconds(e.value) == nil ? bad(e, "a number of seconds above 0, such as 300 (or \"300s\", \"5m\")") : nil
        case "build_max_memory":
            return e.value.string.flatMap(RaskBuildScript.bytes) == nil ? bad(e, "a size in quotes, such as \"512MB\" or \"1GB\"") : nil
        default:
            return nil
        }
    }

    private static func profileValueProblem(_ e: Document.Entry) -> Diagnostic? {
        let v = e.value
        func bad(_ allowed: String) -> Diagnostic { Self.bad(e, allowed) }
        switch e.key.value {
        case "opt_level":
            if case .number(let n) = v.kind, let i = Int(n), (0...3).contains(i) { return nil }
            if let s = v.string, ["0", "1", "2", "3", "s", "z"].contains(s) { return nil }
            return bad("0 to 3, \"s\" or \"z\"")
        case "codegen_units":
            if case .number(let n) = v.kind, let i = Int(n), (1...256).contains(i) { return nil }
            return bad("a number from 1 to 256")
        case "debug_info", "overflow_checks", "strip":
            if case .bool = v.kind { return nil }
            return bad("true or false")
        case "lto":
            if case .bool = v.kind { return nil }
            if let s = v.string, ["thin", "fat"].contains(s) { return nil }
            return bad("true, false, \"thin\" or \"fat\"")
        case "panic":
            if let s = v.string, ["unwind", "abort"].contains(s) { return nil }
            return bad("\"unwind\" or \"abort\"")
        case "inherits":
            return v.string == nil ? bad("a profile's name in quotes") : nil
        default:
            return nil
        }
    }

    /// A circle among names that point at others (`enables`, `inherits`), as a path from and
    /// back to its first name; nil when there is none.
    static func cycle(in edges: [(String, [String])]) -> [String]? {
        var index: [String: Int] = [:]
        for (i, e) in edges.enumerated() where index[e.0] == nil { index[e.0] = i }
        var graph = Digraph(nodeCount: edges.count)
        for (i, e) in edges.enumerated() { for t in e.1 { if let j = index[t] { graph.addEdge(i, j) } } }
        guard let first = graph.cycles().first else { return nil }
        return first.map { edges[$0].0 }
    }
}

extension DiagnosticCode {
    // Rask (R001 and R002 are the package block reader's, in RaskPackageDocument.swift)
    public static let raskDependencyOutsideBlock = DiagnosticCode("R003", "A `dep` outside the package block.")
    public static let raskDuplicatePackage = DiagnosticCode("R004", "A second package block in one file.")
    public static let raskPackageInSource = DiagnosticCode("R005", "A package block in a `.rk` source file; it belongs in rask.build.")
    public static let raskNestedGroup = DiagnosticCode("R006", "A `scope` inside a `feature`, a `feature` inside a `scope`, or any group inside another.")
    public static let raskUnknownScope = DiagnosticCode("R007", "A scope other than \"dev\" and \"build\"; the one spelt like it is the fix.")
    public static let raskScopeContents = DiagnosticCode("R008", "A scope block holding anything but `dep`.")
    public static let raskDependencyInTwoFeatures = DiagnosticCode("R009", "The same dep in two feature blocks; tag it with `{ feature: … }` instead.")
    public static let raskUnknownFeature = DiagnosticCode("R010", "`enables` naming a feature that does not exist, or a dep; `--features` naming one the package does not declare.")
    public static let raskEnablesCycle = DiagnosticCode("R011", "Features whose `enables` lead back to themselves, printed as a path.")
    public static let raskRedundantFeatureTag = DiagnosticCode("R012", "A `{ feature: \"x\" }` tag on a dep inside feature \"x\" itself (warning).")
    public static let raskProfileInheritance = DiagnosticCode("R013", "A profile that `inherits` one that does not exist, a built-in profile with `inherits`, or profiles that inherit from each other in a circle (each circle once, at the `inherits` that closes it).")
}
