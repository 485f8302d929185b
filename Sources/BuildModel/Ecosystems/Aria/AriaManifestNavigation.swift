/// What the server answers inside a build.abc beyond its schema:
///
/// - completion of target names inside `deps`/`depends_on`, and of variable names after `&{`;
/// - hover on `&{name}` (its value and where it comes from), on a source pattern (how many files
///   it matches and the first of them), on a target's name or a `deps` entry (its type, sources,
///   output and what it needs);
/// - go to definition from a `deps` entry to its target, from `&{name}` to its definition.
///
/// In the keyword form (`ABCKeywordFile`): hover on a `SOURCES:` entry (as on a pattern) and on
/// a `DEPENDENCIES:` entry; go to definition from a dependency (there, or a `deps` entry naming a
/// project beside this one) to that project's build.abc.
struct AriaManifestNavigation: ManifestNavigation {
    typealias Node = ABCDocument.Node
    let document: ABCDocument
    let project: AriaProject
    let directory: String

    init(_ manifest: PackageManifest) {
        document = ABCDocument(parsing: manifest.source)
        project = AriaProject.read(document, environment: nil)
        directory = manifest.directory
    }

    var bytes: [UInt8] { document.source.bytes }

    // MARK: What is at an offset

    /// The target object the chain passes through, when it does.
    private func target(in chain: [ABCDocument.Step]) -> (node: Node, rest: ArraySlice<ABCDocument.Step>)? {
        guard let first = chain.first, chain.count >= 2 else { return nil }
        if first.key == "target" || (first.key == "targets" && chain[1].key == nil) || (first.key == "targets" && first.node.members != nil) {
            return (chain[1].node, chain[2...])
        }
        return nil
    }

    /// The string element of `key`'s array under the cursor, in a target.
    private func arrayString(at offset: Int, keys: Set<String>) -> (target: Node, value: Node)? {
        let chain = document.chain(at: offset)
        guard let (target, rest) = target(in: chain), let step = rest.first, let key = step.key, keys.contains(key),
              let element = rest.dropFirst().first, element.key == nil, element.node.string != nil else { return nil }
        return (target, element.node)
    }

    /// The `&{name}` under the cursor: its name, range, and the target whose scope it is in.
    private func reference(at offset: Int) -> (name: String, range: SourceRange, target: Node?)? {
        let chain = document.chain(at: offset)
        guard let node = chain.last?.node, node.isQuoted else { return nil }
        let (pieces, _) = ABCVariables.pieces(of: node, in: document.source)
        for case .reference(let r) in pieces where r.range.touches(offset) {
            return (r.name, r.range, target(in: chain)?.node)
        }
        return nil
    }

    // MARK: Completion

    func completions(at offset: Int) -> [ManifestCompletionItem]? {
        if let typing = variableBeingTyped(at: offset) {
            let variables = ABCVariables(document, environment: nil)
            let scope = target(in: document.chain(at: offset))?.node
            // Not the field being typed in.
            let names = variables.names(in: scope).filter { $0.scope != .targetField || scope?.member($0.name)?.value.range.touches(offset) != true }
            return names.map { entry in
                ManifestCompletionItem(label: entry.name, detail: Self.scopeName(entry.scope), newText: entry.name + (typing.closed ? "" : "}"), range: typing.range)
            }
        }
        guard case .value(let key, _, let range) = ABCCursor.place(in: document, at: offset), let last = key.last,
              last == "deps" || last == "depends_on" else { return nil }
        let current = currentTarget(at: offset)
        let listed = Set(current.map { t in t.dependencies.map(\.value) } ?? [])
        return project.targets.filter { $0.name.value != current?.name.value && !listed.contains($0.name.value) }.map { t in
            ManifestCompletionItem(label: t.name.value, detail: "target (\(t.kind?.rawValue ?? "no type"))", documentation: summary(of: t),
                                   newText: AriaManifestSyntax().renderString(t.name.value), range: range)
        }
    }

    /// The target whose section or object holds `offset`.
    private func currentTarget(at offset: Int) -> AriaTarget? {
        if document.form == .ini {
            // The last [target.NAME] header above the cursor.
            return project.targets.last { $0.range.lowerBound < offset }
        }
        return project.targets.first { t in
            document.root?.member("targets")?.value.elements?.contains { $0.range.touches(offset) && $0.member("name")?.value.range == t.name.range } == true
        }
    }

    /// After `&{` in a string, before its `}`: the name typed so far is replaced (with the `}`
    /// when there is none yet).
    private func variableBeingTyped(at offset: Int) -> (range: SourceRange, closed: Bool)? {
        var i = offset
        while i > 0 && ABCSyntax.isKeyByte(bytes[i - 1]) || (i > 0 && bytes[i - 1] == 0x2E) { i -= 1 }
        guard i >= 2, bytes[i - 1] == 0x7B, bytes[i - 2] == 0x26 else { return nil }
        // Inside a string: an odd number of quotes before it on the line.
        var quotes = 0
        var j = i - 2
        while j > 0 && bytes[j - 1] != 0x0A {
            j -= 1
            if bytes[j] == 0x22 && (j == 0 || bytes[j - 1] != 0x5C) { quotes += 1 }
        }
        guard quotes % 2 == 1 else { return nil }
        var end = offset
        while end < bytes.count && (ABCSyntax.isKeyByte(bytes[end]) || bytes[end] == 0x2E) { end += 1 }
        return (SourceRange(i, end), end < bytes.count && bytes[end] == 0x7D)
    }

    static func scopeName(_ scope: ABCVariables.Scope) -> String {
        switch scope {
        case .targetVariables: "the target's variables"
        case .targetField: "the target's own field"
        case .file: "variables"
        case .environment: "the environment"
        }
    }

    // MARK: Hover

    func hover(at offset: Int, fileSystem: any FileSystem, environment: [String: String]) -> (text: String, range: SourceRange)? {
        if let source = document.keywordFile?.sources.first(where: { $0.range.touches(offset) }) {
            return (globHover(source.value, fileSystem: fileSystem), source.range)
        }
        if let dependency = keywordDependency(at: offset) {
            let found = AriaProjectDependency.exists(dependency.path.value, besides: directory, fileSystem: fileSystem)
            return (projectHover(dependency.path.value, optional: dependency.isOptional, found: found), dependency.path.range)
        }
        if let r = reference(at: offset) {
            return (variableHover(r.name, range: r.range, target: r.target, environment: environment), r.range)
        }
        if let (_, value) = arrayString(at: offset, keys: ["sources", "src"]), let pattern = project.targets.lazy.flatMap(\.sources).first(where: { $0.range == value.range }) {
            return (globHover(pattern.value, fileSystem: fileSystem), value.range)
        }
        if let (_, value) = arrayString(at: offset, keys: ["deps", "depends_on"]), let name = value.string {
            if let t = project.target(named: name) { return (summary(of: t), value.range) }
            guard AriaProjectDependency.exists(name, besides: directory, fileSystem: fileSystem) else { return nil }
            return (projectHover(name, optional: false, found: true), value.range)
        }
        if let t = project.targets.first(where: { $0.name.range.touches(offset) }) { return (summary(of: t), t.name.range) }
        return nil
    }

    private func variableHover(_ name: String, range: SourceRange, target: Node?, environment: [String: String]) -> String {
        let variables = ABCVariables(document, environment: environment)
        let heading = "**&{\(name)}**"
        if name.hasPrefix("ENV.") {
            let variable = String(name.dropFirst(4))
            return environment[variable].map { "\(heading) = `\($0)`\n\nfrom the environment" } ?? "\(heading): the environment variable `\(variable)` is not set"
        }
        let value: String
        switch variables.value(of: name, at: range, in: target) {
        case .success(let v): value = " = `\(v)`"
        case .failure(let problems): value = ": " + (problems.diagnostics.first?.message ?? "cannot be expanded")
        }
        guard let (key, scope) = variables.definition(of: name, in: target) else { return heading + value }
        let line = document.source.lines.line(containing: key.lowerBound) + 1
        return "\(heading)\(value)\n\ndefined in \(Self.scopeName(scope)), line \(line)"
    }

    /// Another project this one needs (a `deps` entry that is no target, a keyword file's
    /// dependency): where it is (`found`: whether it is there), and that its build is not this
    /// one's.
    private func projectHover(_ name: String, optional: Bool, found: Bool) -> String {
        let place = name.contains("/") ? "in `\(name)`" : "beside this one (`../\(name)`)"
        let heading = "**project `\(name)`**\(optional ? " (optional)" : "")"
        guard found else { return heading + (optional ? ": not there; the build goes on without it" : ": not there") }
        return "\(heading) \(place): its build is not part of this one"
    }

    /// The keyword form's dependency under the cursor.
    private func keywordDependency(at offset: Int) -> ABCKeywordFile.Dependency? {
        document.keywordFile?.dependencies.first { $0.path.range.touches(offset) }
    }

    private func globHover(_ pattern: String, fileSystem: any FileSystem) -> String {
        let files = Glob(pattern).files(in: directory, fileSystem: fileSystem).sorted()
        let shown = 10
        var text = "**`\(pattern)`** matches \(files.count) file\(files.count == 1 ? "" : "s")"
        if !files.isEmpty { text += ":\n\n" + files.prefix(shown).map { "- `\($0)`" }.joined(separator: "\n") }
        if files.count > shown { text += "\n- … and \(files.count - shown) more" }
        return text
    }

    /// A target in a few lines: its kind, sources, output and what it needs.
    func summary(of t: AriaTarget) -> String {
        var lines = ["**target `\(t.name.value)`** (\(t.kind?.rawValue ?? "no type"))"]
        lines.append("sources: " + (t.sources.isEmpty ? "none" : t.sources.map { "`\($0.value)`" }.joined(separator: ", ")))
        if let out = t.outputPath { lines.append("output: `\(out)`") }
        lines.append("needs: " + (t.dependencies.isEmpty ? "nothing" : t.dependencies.map { "`\($0.value)`" }.joined(separator: ", ")))
        return lines.joined(separator: "\n\n")
    }

    // MARK: Definition

    func definition(at offset: Int) -> SourceRange? {
        if let r = reference(at: offset) {
            return ABCVariables(document, environment: nil).definition(of: r.name, in: r.target)?.key
        }
        if let (_, value) = arrayString(at: offset, keys: ["deps", "depends_on"]), let name = value.string {
            return project.target(named: name)?.name.range
        }
        return nil
    }

    func definitionFile(at offset: Int, fileSystem: any FileSystem) -> String? {
        var name: String?
        if let dependency = keywordDependency(at: offset) {
            name = dependency.path.value
        } else if let (_, value) = arrayString(at: offset, keys: ["deps", "depends_on"]), let entry = value.string, project.target(named: entry) == nil {
            name = entry
        }
        guard let name, let projectDirectory = AriaProjectDependency.directory(name, besides: directory, fileSystem: fileSystem) else { return nil }
        let manifest = Paths.join(projectDirectory, AriaEcosystem.manifestName)
        return fileSystem.status(manifest)?.kind == .file ? manifest : nil
    }
}
