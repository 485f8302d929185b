/// A build.abc read and checked: who the project is, its compiler, its targets with every
/// string expanded, and the problems, each at its place.
///
/// Real projects' schemas and the seed's read into this one shape: `[project]` (or `[package]`,
/// or the seed's `project: {…}`, or the JSON form's top-level `name`/`version`), `[compiler]
/// path` or `[project] compiler`, targets as `[target.NAME]` sections, the seed's `targets: [ {
/// name: … } ]`, the JSON form's one `{type, main}` and the old `[build] name/entry/output`.
public struct AriaProject: Sendable {
    public var name: Located<String>?
    public var version: Located<String>?
    /// The compiler the file names (`[compiler] path`, `[project] compiler`).
    public var compiler: Located<String>?
    /// `[project] gitignore = true`: source patterns leave out what the project's `.gitignore` ignores.
    public var respectsGitignore: Located<Bool>?
    public var targets: [AriaTarget] = []
    public var diagnostics: [Diagnostic] = []
    /// Where the project's identity is written (`[project]`): where whole-project problems go.
    public var headerRange: SourceRange = .at(0)

    public func target(named name: String) -> AriaTarget? { targets.first { $0.name.value == name } }

    /// Reads `document`. With no `environment`, `&{ENV.X}` is left as written and not checked
    /// (reading a file on its own); with one, an unset variable is an error.
    public static func read(_ document: ABCDocument, environment: [String: String]?) -> AriaProject {
        var reader = AriaProjectReader(document: document, variables: ABCVariables(document, environment: environment))
        reader.read()
        var project = reader.project
        project.diagnostics = document.diagnostics + reader.problems.map { d in document.source.path.map { d.inFile($0) } ?? d }
        return project
    }
}

/// The reading of one file into an `AriaProject`.
struct AriaProjectReader {
    typealias Node = ABCDocument.Node
    let document: ABCDocument
    let variables: ABCVariables
    /// The file's variables expanded so far, shared by every string this reading expands.
    private var expansions = ABCVariables.Expansions()
    var project = AriaProject()
    var problems: [Diagnostic] = []
    private var reported = Set<String>()

    init(document: ABCDocument, variables: ABCVariables) {
        self.document = document
        self.variables = variables
    }

    mutating func read() {
        if let file = document.keywordFile {
            readKeywordForm(file)
            return
        }
        guard let root = document.root, let members = root.members else { return }
        let isJSONForm = root.member("main") != nil || (root.member("type") != nil && root.member("targets") == nil && root.member("target") == nil)
        for member in members {
            switch member.key {
            case "project", "package":
                readProject(member)
            case "compiler":
                if let path = member.value.member("path") { project.compiler = string(path.value, key: path.keyRange, scope: nil) }
                checkKeys(member.value, known: ["path"], in: "compiler")
            case "variables":
                readVariables(member)
            case "target":
                for t in member.value.members ?? [] { readTarget(t.value, name: Located(t.key, range: t.keyRange), range: t.keyRange) }
                if member.value.members == nil { wrongType(member.value, key: "target", expected: "a table of targets, one [target.NAME] section each") }
            case "targets":
                readTargetList(member)
            case "build":
                readBuildSection(member)
            case "dependencies":
                break  // Package dependencies are not resolved for Aria yet; the section is allowed.
            case "name", "version", "type", "main":
                if !isJSONForm { unknownKey(member, known: AriaManifestSchema.topLevelKeys, in: "the top level") }
            default:
                unknownKey(member, known: AriaManifestSchema.topLevelKeys + (isJSONForm ? ["name", "version", "type", "main"] : []), in: "the top level")
            }
        }
        if isJSONForm { readJSONForm(root) }
        checkTargets()
    }

    // MARK: Project

    private mutating func readProject(_ member: ABCDocument.Member) {
        guard member.value.members != nil else { return wrongType(member.value, key: member.key, expected: "a section of name, version and compiler") }
        project.headerRange = member.keyRange
        let node = member.value
        if let m = node.member("name") { project.name = string(m.value, key: m.keyRange, scope: nil) }
        if let m = node.member("version") { project.version = string(m.value, key: m.keyRange, scope: nil) }
        if let m = node.member("compiler"), project.compiler == nil { project.compiler = string(m.value, key: m.keyRange, scope: nil) }
        if let m = node.member("gitignore") {
            if let flag = m.value.bool {
                project.respectsGitignore = Located(flag, range: m.value.range, keyRange: m.keyRange)
            } else {
                wrongType(m.value, key: "gitignore", expected: "true or false")
            }
        }
        checkKeys(node, known: AriaManifestSchema.projectKeys, in: member.key)
        for m in node.members ?? [] where AriaManifestSchema.projectKeys.contains(m.key) && m.key != "authors" && m.key != "gitignore" { _ = string(m.value, key: m.keyRange, scope: nil) }
    }

    /// Every variable expanded once, so that a problem in one nobody uses is reported too.
    private mutating func readVariables(_ member: ABCDocument.Member) {
        guard let members = member.value.members else { return wrongType(member.value, key: "variables", expected: "a table of name = \"value\"") }
        for m in members { _ = string(m.value, key: m.keyRange, scope: nil) }
    }

    private mutating func readTargetList(_ member: ABCDocument.Member) {
        if let elements = member.value.elements {
            for element in elements {
                guard element.members != nil else { wrongType(element, key: "targets", expected: "an object: { name: \"app\", type: \"binary\", … }"); continue }
                guard let n = element.member("name") else {
                    problem(.error("a target has no `name`", .missingKey, at: SourceRange(element.range.lowerBound, element.range.lowerBound + 1),
                                   label: "this target", help: ["give every target a unique name: { name: \"app\", type: \"binary\", sources: [\"src/main.aria\"] }"]))
                    continue
                }
                guard let name = string(n.value, key: n.keyRange, scope: element) else { continue }
                readTarget(element, name: name, range: n.keyRange)
            }
        } else if let members = member.value.members {
            for t in members { readTarget(t.value, name: Located(t.key, range: t.keyRange), range: t.keyRange) }
        } else {
            wrongType(member.value, key: "targets", expected: "an array of targets: targets: [ { name: \"app\", … } ]")
        }
    }

    /// The old `[build] name/entry/output` schema: one program.
    private mutating func readBuildSection(_ member: ABCDocument.Member) {
        let node = member.value
        guard node.members != nil else { return wrongType(node, key: "build", expected: "a section with name, entry and output") }
        checkKeys(node, known: ["name", "entry", "output"], in: "build")
        let name = node.member("name").flatMap { string($0.value, key: $0.keyRange, scope: nil) } ?? Located("main", range: member.keyRange)
        var target = AriaTarget(name: name, kind: .binary, range: member.keyRange)
        if let entry = node.member("entry"), let e = string(entry.value, key: entry.keyRange, scope: nil) { target.sources = [e] }
        else { problem(.error("[build] has no `entry`", .missingKey, at: member.keyRange, label: "the program's section", help: ["add entry = \"src/main.aria\""])) }
        if let out = node.member("output") { target.output = string(out.value, key: out.keyRange, scope: nil) }
        project.targets.append(target)
    }

    /// The JSON form: `{name, version, type, main}` is one target named after the project.
    private mutating func readJSONForm(_ root: Node) {
        if let m = root.member("name") { project.name = string(m.value, key: m.keyRange, scope: nil) }
        if let m = root.member("version") { project.version = string(m.value, key: m.keyRange, scope: nil) }
        let name = project.name ?? Located("main", range: .at(0))
        var kind: AriaTarget.Kind? = .binary
        if let t = root.member("type") { kind = self.kind(t) }
        var target = AriaTarget(name: name, kind: kind, range: root.member("name")?.keyRange ?? .at(0))
        if let main = root.member("main"), let m = string(main.value, key: main.keyRange, scope: nil) { target.sources = [m] }
        project.targets.append(target)
    }

    /// The keyword form: one library, named after `LIBRARY`, of the files under `SOURCES:`. Of
    /// `DEPENDENCIES:`, the projects it needs (an `(optional)` one is not needed).
    private mutating func readKeywordForm(_ file: ABCKeywordFile) {
        guard let name = file.name, let keyword = file.library else {
            // A LIBRARY line without a name has its error already.
            if file.library == nil {
                problem(.error("this build file names no library", .missingKey, at: .at(0), label: "no LIBRARY line",
                               help: ["begin it with the library's name: LIBRARY \"name\""]))
            }
            return
        }
        project.name = name
        project.headerRange = keyword
        var target = AriaTarget(name: name, kind: .library, range: name.range)
        target.sources = file.sources
        target.dependencies = file.dependencies.filter { !$0.isOptional }.map(\.path)
        if file.sources.isEmpty {
            problem(.error("library '\(name.value)' has no sources", .missingKey, at: name.range, label: "this library",
                           help: ["add SOURCES: and below it, indented, one source file a line (or a glob such as src/**/*.npk)"]))
        }
        project.targets.append(target)
    }

    // MARK: Targets

    private mutating func readTarget(_ node: Node, name: Located<String>, range: SourceRange) {
        guard node.members != nil else {
            return wrongType(node, key: name.value, expected: "a section of type, sources, deps and flags")
        }
        var target = AriaTarget(name: name, kind: nil, range: range)
        if let t = node.member("type") {
            target.kind = kind(t)
        } else {
            problem(.error("target '\(name.value)' has no `type`", .missingKey, at: range, label: "this target",
                           help: ["add type = \"binary\" (or library, test, custom, c_library)"]))
        }
        for m in node.members ?? [] {
            let key = m.key
            switch key {
            case "sources", "src": target.sources += strings(m, scope: node)
            case "output": target.output = string(m.value, key: m.keyRange, scope: node)
            case "depends_on", "deps": target.dependencies += strings(m, scope: node)
            case "flags": target.flags = strings(m, scope: node)
            case "pre_build": target.preBuild = strings(m, scope: node)
            case "post_build": target.postBuild = strings(m, scope: node)
            case "link_libraries": target.linkLibraries = strings(m, scope: node)
            case "link_paths": target.linkPaths = strings(m, scope: node)
            case "include_dirs": target.includeDirectories = strings(m, scope: node)
            case "libs": target.libraries = strings(m, scope: node)
            case "compiler": target.compiler = string(m.value, key: m.keyRange, scope: node)
            case "command":
                if m.value.elements != nil { target.command = strings(m, scope: node) }
                else if let c = string(m.value, key: m.keyRange, scope: node) { target.command = [c] }
            case "env":
                guard let vars = m.value.members else { wrongType(m.value, key: "env", expected: "a table of NAME = \"value\""); continue }
                for v in vars { if let value = string(v.value, key: v.keyRange, scope: node) { target.environment.append((v.key, value)) } }
            case "name":
                _ = string(m.value, key: m.keyRange, scope: node)
            case "type", "variables":
                break
            default:
                unknownKey(m, known: AriaManifestSchema.targetKeys, in: "target '\(name.value)'")
            }
        }
        if target.sources.isEmpty, node.member("sources") == nil, node.member("src") == nil, let kind = target.kind, kind != .custom {
            problem(.error("target '\(name.value)' has no `sources`", .missingKey, at: range, label: "this \(kind.rawValue) target",
                           help: ["add sources = [\"src/\(name.value).aria\"] (file names or globs such as \"src/**/*.aria\")"]))
        }
        if target.kind == .custom, target.command.isEmpty, target.preBuild.isEmpty, target.postBuild.isEmpty {
            problem(.warning("custom target '\(name.value)' runs nothing", .missingKey, at: range, label: "no command",
                             help: ["add command = \"…\", or pre_build/post_build commands"]))
        }
        project.targets.append(target)
    }

    private mutating func kind(_ member: ABCDocument.Member) -> AriaTarget.Kind? {
        guard let text = string(member.value, key: member.keyRange, scope: nil) else { return nil }
        if let kind = AriaTarget.Kind.named(text.value) { return kind }
        let guess = Spelling.closest(to: text.value, in: AriaTarget.Kind.spellings)
        problem(.error("unknown target type '\(text.value)'", .invalidValue, at: text.range, label: "not a target type",
                       help: (guess.map { ["did you mean '\($0)'?"] } ?? []) + ["a target's type is one of: binary, library, test, custom, c_library"],
                       fix: guess.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: text.range, newText: "\"\($0)\"")]) }))
        return nil
    }

    /// Across targets: one name each, dependencies that exist, no circle.
    private mutating func checkTargets() {
        var first: [String: SourceRange] = [:]
        for target in project.targets {
            if let earlier = first[target.name.value] {
                var d = Diagnostic.error("two targets are named '\(target.name.value)'", .ariaDuplicateTarget, at: target.name.range,
                                         label: "second target of this name", help: ["rename one of them: a name must say which target `deps` and `ampu build NAME` mean"])
                d.related = [.init(range: earlier, message: "first defined here")]
                problem(d)
            } else {
                first[target.name.value] = target.name.range
            }
        }
        for target in project.targets {
            for dep in target.dependencies where dep.value == target.name.value {
                problem(.error("target '\(dep.value)' depends on itself", .ariaTargetCycle, at: dep.range, label: "its own name",
                               help: ["remove '\(dep.value)' from its own deps"]))
            }
        }
        if let cycle = AriaTargetOrder.cycle(in: project.targets) { problem(cycle) }
    }

    // MARK: Values

    /// A string value expanded, or nil (with the problem) when it is not a string.
    mutating func string(_ node: Node, key: SourceRange, scope: Node?) -> Located<String>? {
        if node.isQuoted {
            switch variables.expand(node, in: scope, expansions: &expansions) {
            case .success(let text): return Located(text, range: node.range, keyRange: key)
            case .failure(let p): p.diagnostics.forEach { problem($0) }; return nil
            }
        }
        if let word = node.string { return Located(word, range: node.range, keyRange: key) }
        if node.isInvalid { return nil }
        problem(.error("expected a string, found \(node.typeName)", .wrongType, at: node.range, label: "not a string", help: ["write it in quotes: \"…\""]))
        return nil
    }

    /// An array of strings, each expanded; a lone string is taken as an array of one.
    mutating func strings(_ member: ABCDocument.Member, scope: Node?) -> [Located<String>] {
        guard let elements = member.value.elements else {
            if member.value.isQuoted, let one = string(member.value, key: member.keyRange, scope: scope) {
                problem(.warning("`\(member.key)` is a list; a single string is read as a list of one", .wrongType, at: member.value.range,
                                 label: "a string", help: ["write it as a list: \(member.key) = [\(document.source.text(member.value.range))]"],
                                 fix: Diagnostic.Fix(title: "Make it a list", edits: [TextEdit(range: member.value.range, newText: "[\(document.source.text(member.value.range))]")])))
                return [one]
            }
            wrongType(member.value, key: member.key, expected: "an array of strings: [\"…\", \"…\"]")
            return []
        }
        return elements.compactMap { string($0, key: $0.range, scope: scope) }
    }

    private mutating func wrongType(_ node: Node, key: String, expected: String) {
        if node.isInvalid { return }
        problem(.error("`\(key)` should be \(expected), found \(node.typeName)", .wrongType, at: node.range, label: "\(node.typeName)",
                       help: ["write `\(key)` as \(expected)"]))
    }

    private mutating func checkKeys(_ node: Node, known: [String], in place: String) {
        for m in node.members ?? [] where !known.contains(m.key) { unknownKey(m, known: known, in: place) }
    }

    private mutating func unknownKey(_ member: ABCDocument.Member, known: [String], in place: String) {
        problem(.unknownKey(member.key, at: member.keyRange, known: known, in: place))
    }

    /// Adds a problem once: a variable's problem is found again at each use of the variable.
    mutating func problem(_ d: Diagnostic) {
        if reported.insert("\(d.range.lowerBound):\(d.range.upperBound):\(d.message)").inserted { problems.append(d) }
    }
}
