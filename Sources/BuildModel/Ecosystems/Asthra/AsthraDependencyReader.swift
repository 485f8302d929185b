/// Reads `[dependencies]` and `[dev-dependencies]`:
/// `"github.com/a/json" = "^1.2"` or `name = { version, path, git, tag, branch, rev }`.
enum AsthraDependencyReader {
    static let keys = AsthraManifestSchema.dependencyKeys

    static func read(_ table: TOMLTable, section: String, scope: DependencyScope, reader: inout TOMLManifestReader) -> [DependencySpec] {
        var out: [DependencySpec] = []
        for (name, entry) in table.entries {
            var spec = DependencySpec(name: Located(name, range: entry.keyRange), scope: scope, section: section, range: entry.value.range)
            if let problem = AsthraPackageName.problem(with: name) {
                reader.add(.error("invalid dependency name '\(name)': \(problem)", .invalidPackageName, at: entry.keyRange,
                                  help: ["name the dependency by its package name or import path, such as \"github.com/user/json\""]))
            }
            switch entry.value.kind {
            case .string(let text):
                spec.requirement = requirement(text, range: entry.value.range, keyRange: entry.keyRange, reader: &reader)
            case .table(let t):
                // The dotted path only appears in messages: built when one is written.
                readTable(t, into: &spec, path: "\(section).\(TOMLLiteral.renderKey(name))", reader: &reader)
            default:
                reader.add(.error(
                    "dependency '\(name)' must be a version requirement string or a table, found \(reader.article(entry.value.typeName))", .wrongType,
                    at: entry.value.range, help: ["write \(TOMLLiteral.renderKey(name)) = \"^1.0\" or \(TOMLLiteral.renderKey(name)) = { path = \"../\(Paths.lastComponent(name))\" }"]))
                continue
            }
            out.append(spec)
        }
        return out
    }

    private static func requirement(_ text: String, range: SourceRange, keyRange: SourceRange, reader: inout TOMLManifestReader) -> Located<VersionRequirement>? {
        reader.requirement(text, range: range, keyRange: keyRange, examples: "\"^1.2\", \"~1.2.3\", \">=1.0, <2.0\" or \"*\"")
    }

    private static func readTable(_ t: TOMLTable, into spec: inout DependencySpec, path: @autoclosure () -> String, reader: inout TOMLManifestReader) {
        let name = spec.name.value
        reader.checkKeys(t, known: keys, in: path())
        if let version = reader.string(t, "version", path: "\(path()).version") {
            spec.requirement = requirement(version.value, range: version.range, keyRange: version.keyRange, reader: &reader)
        }
        let local = reader.string(t, "path", path: "\(path()).path")
        let git = reader.string(t, "git", path: "\(path()).git")
        if let git, git.value.hasPrefix("-") || git.value.hasPrefix("ext::") || git.value.isEmpty {
            reader.add(.error("git URL '\(git.value)' of dependency '\(name)' is not allowed", .invalidValue, at: git.range,
                              help: ["use an https://, ssh:// or file:// URL, or a local path; URLs starting with '-' or 'ext::' could run commands"]))
        }
        var references: [(String, Located<String>)] = []
        // `commit` is the compiler's name for `rev` (`asthra add` writes it).
        for key in ["tag", "branch", "rev", "commit"] {
            if let value = reader.string(t, key, path: "\(path()).\(key)") { references.append((key, value)) }
        }
        var reference: Located<DependencySpec.GitReference>?
        if let (key, first) = references.first {
            reference = Located(key == "tag" ? .tag(first.value) : key == "branch" ? .branch(first.value) : .rev(first.value),
                                range: first.range, keyRange: first.keyRange)
            if references.count > 1 {
                let (secondKey, second) = references[1]
                var d = Diagnostic.error(
                    "dependency '\(name)' has both '\(key)' and '\(secondKey)'", .conflictingGitReferences, at: second.keyRange,
                    label: "a second git reference", notes: ["a git dependency names one of tag, branch or rev (or commit)"],
                    help: ["keep one of them and remove the other"])
                d.related = [Diagnostic.Related(range: first.keyRange, message: "'\(key)' is set here")]
                reader.add(d)
            }
            if git == nil {
                reader.add(.error("dependency '\(name)' has '\(key)' but no 'git'", .dependencyWithoutSource, at: first.keyRange,
                                  help: ["add git = \"https://\(name).git\", or remove '\(key)'"]))
            }
        }
        // A tag that names a version chooses that version: a requirement that does not allow
        // it could never be met (as Cargo checks `version` beside `tag`).
        if case .tag(let tag)? = reference?.value, let pinned = GitCLI.version(ofTag: tag), let wanted = spec.requirement, !wanted.value.matches(pinned) {
            var d = Diagnostic.error(
                "tag '\(tag)' of dependency '\(name)' is version \(pinned), which its version requirement \"\(wanted.value)\" does not allow",
                .conflictingGitReferences, at: wanted.range, label: "does not allow \(pinned)",
                notes: ["the tag chooses the commit, and the requirement must allow the version it names"],
                help: ["change the tag to one the requirement allows, or remove `version` (the tag alone pins it)"])
            d.related = [Diagnostic.Related(range: reference!.range, message: "the tag is version \(pinned)")]
            reader.add(d)
        }
        if let p = local, let g = git {
            var d = Diagnostic.error("dependency '\(name)' has both 'path' and 'git'", .pathAndGit, at: g.keyRange,
                                     label: "'git' as well", notes: ["a dependency comes from one place"],
                                     help: ["keep 'path' to build a local checkout, or 'git' to fetch it"])
            d.related = [Diagnostic.Related(range: p.keyRange, message: "'path' is set here")]
            reader.add(d)
        }
        // With both, the local checkout is what the user has in front of them.
        if let local { spec.source = .path(local) } else if let git { spec.source = .git(git, reference: reference) }
        if reference == nil && spec.requirement == nil && local == nil && git == nil && t.entries["version"] == nil && t.entries["path"] == nil && t.entries["git"] == nil {
            reader.add(.error("dependency '\(name)' says neither where nor which version to get", .dependencyWithoutSource, at: spec.range,
                              help: ["add version = \"^1.0\", path = \"…\" or git = \"…\""]))
        }
    }

    /// The same package twice: under two spellings in one table, or in both tables.
    static func checkDuplicates(_ specs: [DependencySpec], reader: inout TOMLManifestReader) {
        var seen = [String: Int](minimumCapacity: specs.count)
        for (index, spec) in specs.enumerated() {
            let key = normalized(spec.name.value)
            guard let firstIndex = seen[key] else {
                seen[key] = index
                continue
            }
            let first = specs[firstIndex]
            let sameTable = first.section == spec.section
            let message = sameTable
                ? "dependency '\(spec.name.value)' is declared twice in [\(spec.section)] (also as '\(first.name.value)')"
                : "dependency '\(spec.name.value)' is declared in both [\(first.section)] and [\(spec.section)]"
            let help = sameTable
                ? "keep one of the two entries"
                : "a dependency is already available to tests; remove the [\(spec.section)] entry"
            var d = Diagnostic(severity: sameTable ? .error : .warning, code: DiagnosticCode.duplicateDependency.rawValue,
                               message: message, range: spec.name.range, help: [help])
            d.related = [Diagnostic.Related(range: first.name.range, message: "first declared here")]
            reader.add(d)
        }
    }

    /// Spellings that name the same package: case, a trailing `/` or `.git`.
    static func normalized(_ name: String) -> String {
        // Most names are already in the normal form: no copy for them.
        let bytes = name.utf8
        if bytes.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) && bytes.last != 0x2F && !name.hasSuffix(".git") {
            return name
        }
        var n = bytes.contains(where: { $0 >= 0x80 }) ? name.lowercased()
            : String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        while n.hasSuffix("/") { n.removeLast() }
        if n.hasSuffix(".git") { n.removeLast(4) }
        return n
    }
}
