/// Reads `elm.json` (an application's or a package's) into a `PackageManifest`, with a range
/// for every value and a located diagnostic for every problem: JSON syntax (J…), a missing
/// field (M006, as the seed's "elm.json missing 'source-directories'"), a value of the wrong
/// type (M002), an unknown field (M001, the closest one suggested), a package name that is not
/// `author/project` (M003), a version or constraint Elm does not read (M004, M005).
struct ElmManifestReader {
    static let applicationKeys = ["type", "source-directories", "elm-version", "dependencies", "test-dependencies"]
    static let packageKeys = ["type", "name", "summary", "license", "version", "exposed-modules", "elm-version", "dependencies", "test-dependencies"]

    let document: JSONDocument
    var diagnostics: [Diagnostic] = []

    static func read(_ source: SourceText) -> PackageManifest {
        var manifest = PackageManifest(path: source.path ?? "elm.json", source: source)
        var reader = ElmManifestReader(document: JSONDocument(parsing: source))
        reader.read(into: &manifest)
        let path = manifest.path
        manifest.diagnostics = reader.document.diagnostics + reader.diagnostics.map { $0.inFile(path) }
        return manifest
    }

    private mutating func add(_ d: Diagnostic) { diagnostics.append(d) }

    private mutating func read(into manifest: inout PackageManifest) {
        guard let root = document.root else { return }
        guard let members = root.members else {
            if case .invalid = root.value { return }
            add(.error("elm.json must be a JSON object, found \(root.typeName)", .wrongType, at: root.range, label: "expected { … }"))
            return
        }
        guard let type = member(root, "type", in: "elm.json", example: "\"type\": \"application\"") else { return }
        guard let kind = string(type, key: "type") else { return }
        guard kind.value == "application" || kind.value == "package" else {
            let guess = Spelling.closest(to: kind.value, in: ["application", "package"])
            add(.error("unknown \"type\" '\(kind.value)'", .invalidValue, at: kind.range, label: "not 'application' or 'package'",
                       help: guess.map { ["did you mean '\($0)'?"] } ?? ["write \"application\" or \"package\""],
                       fix: guess.map { Diagnostic.Fix(title: "Replace with '\($0)'", edits: [TextEdit(range: kind.range, newText: "\"\($0)\"")]) }))
            return
        }
        let isPackage = kind.value == "package"
        let known = isPackage ? Self.packageKeys : Self.applicationKeys
        for m in members where !known.contains(m.key) {
            var help: [String] = []
            var fix: Diagnostic.Fix?
            if let guess = Spelling.closest(to: m.key, in: known) {
                help = ["did you mean \"\(guess)\"?"]
                fix = Diagnostic.Fix(title: "Rename to \"\(guess)\"", edits: [TextEdit(range: m.keyRange, newText: "\"\(guess)\"")])
            }
            add(.warning("unknown field \"\(m.key)\" in an \(kind.value)'s elm.json", .unknownKey, at: m.keyRange, label: "not read",
                         notes: ["an \(kind.value)'s elm.json has: " + known.joined(separator: ", ")], help: help, fix: fix))
        }
        var section = PackageSection(range: type.keyRange)
        if isPackage {
            if let name = member(root, "name", in: "a package's elm.json", example: "\"name\": \"author/project\"").flatMap({ string($0, key: "name") }) {
                if let problem = ElmPackageName.problem(with: name.value) {
                    add(.error("invalid package name '\(name.value)': \(problem)", .invalidPackageName, at: name.range, label: "not author/project",
                               help: ["a package is named 'author/project', such as 'elm/json': lower-case letters, digits and '-'"]))
                } else {
                    section.name = name
                }
            }
            if let version = member(root, "version", in: "a package's elm.json", example: "\"version\": \"1.0.0\"").flatMap({ string($0, key: "version") }) {
                section.version = exactVersion(version, what: "version")
            }
            section.description = member(root, "summary", in: "a package's elm.json", example: "\"summary\": \"…\"").flatMap { string($0, key: "summary") }
            section.license = member(root, "license", in: "a package's elm.json", example: "\"license\": \"BSD-3-Clause\"").flatMap { string($0, key: "license") }
            if let exposed = member(root, "exposed-modules", in: "a package's elm.json", example: "\"exposed-modules\": [\"Main\"]") {
                // A list, or lists under headings for the documentation.
                if let groups = exposed.value.members {
                    manifest.exposedModules = groups.flatMap { strings($0, key: "exposed-modules") }
                } else {
                    manifest.exposedModules = strings(exposed, key: "exposed-modules")
                }
            }
        } else if let dirs = member(root, "source-directories", in: "an application's elm.json", example: "\"source-directories\": [\"src\"]") {
            manifest.sourceDirectories = strings(dirs, key: "source-directories")
            if dirs.value.elements?.isEmpty == true { add(ElmPackageFields.noSourceDirectories(at: dirs.value.range)) }
        }
        var allowedElm: Located<VersionRequirement>?
        if let elm = member(root, "elm-version", in: "elm.json", example: isPackage ? "\"elm-version\": \"0.19.0 <= v < 0.20.0\"" : "\"elm-version\": \"0.19.1\"")
            .flatMap({ string($0, key: "elm-version") }) {
            if isPackage {
                allowedElm = constraint(elm, what: "elm-version")
            } else if let version = exactVersion(elm, what: "elm-version"), version.value != ElmPackageFields.compiler {
                add(ElmPackageFields.otherCompiler(version))
            }
            section.languageVersion = elm
        }
        if isPackage {
            for d in ElmPackageFields.check(summary: section.description, license: section.license, elmVersion: allowedElm, exposed: manifest.exposedModules) { add(d) }
        }
        manifest.package = section
        for (key, scope) in [("dependencies", DependencyScope.normal), ("test-dependencies", .dev)] {
            guard let table = member(root, key, in: "elm.json", example: "\"\(key)\": {}") else { continue }
            guard table.value.members != nil else {
                add(.error("\"\(key)\" must be an object, found \(table.value.typeName)", .wrongType, at: table.value.range, label: "expected { … }"))
                continue
            }
            if isPackage {
                manifest.dependencies += dependencies(table.value, section: key, scope: scope, exact: false)
            } else {
                for (part, partScope) in [("direct", scope), ("indirect", scope == .normal ? DependencyScope.indirect : .indirectDev)] {
                    guard let inner = member(table.value, part, in: "\"\(key)\"", example: "\"\(part)\": {}") else { continue }
                    guard inner.value.members != nil else {
                        add(.error("\"\(key)\".\"\(part)\" must be an object, found \(inner.value.typeName)", .wrongType, at: inner.value.range, label: "expected { … }"))
                        continue
                    }
                    manifest.dependencies += dependencies(inner.value, section: "\(key).\(part)", scope: partScope, exact: true)
                }
            }
        }
        manifest.dependencies = listedOnce(manifest.dependencies)
    }

    /// Each package in one list only, as elm requires ("ERROR IN DEPENDENCIES"), but for one
    /// that the application needs indirectly and the tests directly, at the same version (how
    /// elm's own tools add it for the tests): a package in a second list is M011 there, and is
    /// read where it was first listed (a direct dependency also in "indirect" is direct; a
    /// dependency also among the test ones is not a test one).
    private mutating func listedOnce(_ specs: [DependencySpec]) -> [DependencySpec] {
        var first: [String: DependencySpec] = [:]
        var kept: [DependencySpec] = []
        for spec in specs {
            guard let earlier = first[spec.name.value] else {
                first[spec.name.value] = spec
                kept.append(spec)
                continue
            }
            if earlier.section == "dependencies.indirect" && spec.section == "test-dependencies.direct"
                && earlier.writtenRequirement == spec.writtenRequirement {
                kept.append(spec)
                continue
            }
            func shown(_ section: String) -> String { section.split(separator: ".").map { "\"\($0)\"" }.joined(separator: ".") }
            var d = Diagnostic.error("\(spec.name.value) is listed twice: in \(shown(earlier.section)) and in \(shown(spec.section))", .duplicateDependency,
                                     at: spec.name.range, label: "listed again here",
                                     help: ["elm takes each package in one list only: remove it from \(shown(spec.section))"],
                                     fix: document.removal(of: spec.section.split(separator: ".").map(String.init) + [spec.name.value])
                                         .map { Diagnostic.Fix(title: "Remove it from \(shown(spec.section))", edits: $0) })
            d.related = [Diagnostic.Related(range: earlier.name.range, message: "first listed here")]
            add(d)
        }
        return kept
    }

    /// A required member of `object`; a missing one is M006 at the object's opening brace.
    private mutating func member(_ object: JSONDocument.Node, _ key: String, in what: String, example: String) -> JSONDocument.Member? {
        if let m = object.member(key) { return m }
        add(.error("\(what) has no \"\(key)\"", .missingKey, at: SourceRange(object.range.lowerBound, object.range.lowerBound + 1),
                   label: "in this object", help: ["add \(example)"]))
        return nil
    }

    private mutating func string(_ m: JSONDocument.Member, key: String) -> Located<String>? {
        if let s = m.value.string { return Located(s, range: m.value.range, keyRange: m.keyRange) }
        if case .invalid = m.value.value { return nil }
        add(.error("\"\(key)\" must be a string, found \(m.value.typeName)", .wrongType, at: m.value.range, label: "expected a string"))
        return nil
    }

    private mutating func strings(_ m: JSONDocument.Member, key: String) -> [Located<String>] {
        guard let elements = m.value.elements else {
            add(.error("\"\(key)\" must be an array of strings, found \(m.value.typeName)", .wrongType, at: m.value.range, label: "expected [ … ]"))
            return []
        }
        return elements.compactMap { e in
            if let s = e.string { return Located(s, range: e.range) }
            add(.error("\"\(key)\" holds strings, found \(e.typeName)", .wrongType, at: e.range, label: "expected a string"))
            return nil
        }
    }

    private mutating func exactVersion(_ text: Located<String>, what: String) -> Located<Version>? {
        if let v = Version(text.value), !v.isPrerelease, v.build.isEmpty { return Located(v, range: text.range, keyRange: text.keyRange) }
        add(VersionProblem.version(text, what: what, reason: "not a version MAJOR.MINOR.PATCH", plain: true))
        return nil
    }

    private mutating func constraint(_ text: Located<String>, what: String) -> Located<VersionRequirement>? {
        switch ElmConstraint.requirement(text.value) {
        case .success(let r): return Located(r, range: text.range, keyRange: text.keyRange)
        case .failure(let error):
            let meant = ElmConstraint.likelyMeant(text.value)
            add(.error("invalid \(what) '\(text.value)': \(error.reason)", .invalidRequirement, at: text.range, label: "not an Elm constraint",
                       fix: meant.map { Diagnostic.Fix(title: "Write '\($0)'", edits: [TextEdit(range: text.range, newText: JSONText.quoted($0))]) }))
            return nil
        }
    }

    /// The members of a dependency object: `"author/project": "1.0.5"` (an application's exact
    /// versions) or `"author/project": "1.0.0 <= v < 2.0.0"` (a package's constraints).
    private mutating func dependencies(_ object: JSONDocument.Node, section: String, scope: DependencyScope, exact: Bool) -> [DependencySpec] {
        (object.members ?? []).compactMap { m in
            if let problem = ElmPackageName.problem(with: m.key) {
                add(.error("invalid package name '\(m.key)': \(problem)", .invalidPackageName, at: m.keyRange, label: "not author/project",
                           help: ["a package is named 'author/project', such as 'elm/json'"]))
                return nil
            }
            guard let text = string(m, key: m.key) else { return nil }
            let requirement: Located<VersionRequirement>?
            if exact {
                guard let v = exactVersion(text, what: "version of '\(m.key)'") else { return nil }
                requirement = Located(VersionRequirement(comparators: [.init(op: .exact, major: v.value.major, minor: v.value.minor, patch: v.value.patch, prerelease: [])]),
                                      range: text.range, keyRange: m.keyRange)
            } else {
                guard let r = constraint(text, what: "constraint on '\(m.key)'") else { return nil }
                requirement = r
            }
            var dep = DependencySpec(name: Located(m.key, range: m.keyRange), scope: scope, section: section, range: m.value.range, source: .registry, requirement: requirement)
            dep.writtenRequirement = text.value
            return dep
        }
    }
}
