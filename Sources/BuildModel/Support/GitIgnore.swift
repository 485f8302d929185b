/// The patterns of a `.gitignore`, as git reads them, for leaving ignored files out of a glob's
/// expansion: blank lines and `#` comments are skipped (`\#` is a `#`), `!` takes a file back,
/// a trailing `/` matches only directories, a pattern with a `/` before its end is relative to
/// the directory of the `.gitignore` (a leading `/` too), one without matches a name at any depth;
/// `*`, `?`, `[...]` and `**` as in `Glob`. The last pattern that matches decides; a file in an
/// ignored directory is ignored.
public struct GitIgnore: Sendable {
    struct Rule: Sendable {
        var glob: Glob
        var negated: Bool
        var directoryOnly: Bool
        /// Matched against the whole relative path, not only the last name.
        var anchored: Bool
    }

    let rules: [Rule]

    public init(_ text: String) {
        var rules: [Rule] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            // Trailing spaces are not part of the pattern unless escaped.
            while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negated = false
            if line.hasPrefix("!") {
                negated = true
                line = line.dropFirst()
            } else if line.hasPrefix("\\#") || line.hasPrefix("\\!") {
                line = line.dropFirst()
            }
            var directoryOnly = false
            if line.hasSuffix("/") {
                directoryOnly = true
                line = line.dropLast()
            }
            guard !line.isEmpty else { continue }
            let anchored = line.dropLast().contains("/") || line.hasPrefix("/")
            if line.hasPrefix("/") { line = line.dropFirst() }
            rules.append(Rule(glob: Glob(String(line)), negated: negated, directoryOnly: directoryOnly, anchored: anchored))
        }
        self.rules = rules
    }

    /// The `.gitignore` in `directory`, when there is one.
    public static func load(in directory: String, fileSystem: any FileSystem) -> GitIgnore? {
        guard let text = try? fileSystem.readText(Paths.join(directory, ".gitignore")) else { return nil }
        return GitIgnore(text.string)
    }

    /// Whether the path (relative to the `.gitignore`'s directory) is ignored by the patterns
    /// themselves; a walk that does not enter ignored directories needs nothing more.
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        var ignored = false
        let name = Paths.lastComponent(path)
        for rule in rules where !rule.directoryOnly || isDirectory {
            if rule.glob.matches(rule.anchored ? path : name) { ignored = !rule.negated }
        }
        return ignored
    }

    /// Whether a path is ignored, itself or through a directory above it.
    public func ignoresAnyPart(of path: String, isDirectory: Bool = false) -> Bool {
        let parts = path.split(separator: "/")
        var prefix = ""
        for (i, part) in parts.enumerated() {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            if ignores(prefix, isDirectory: isDirectory || i < parts.count - 1) { return true }
        }
        return false
    }
}
