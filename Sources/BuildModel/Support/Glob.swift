/// A path pattern as build files write them: `*` (any run of characters within one path
/// component), `?` (one character), `[...]` (one character of a class: `[abc]`, `[0-9]`, and
/// `[!x]` or `[^x]` for any but those; a `[` with no `]` is itself), and `**` as a whole
/// component (any number of components, none included): `src/**/*.aria`, `test[0-9].aria`.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    private let components: [Substring]

    public init(_ pattern: String) {
        self.pattern = pattern
        components = pattern.split(separator: "/", omittingEmptySubsequences: true)
    }

    public var description: String { pattern }

    /// Whether a relative path (`src/a/b.aria`) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        // Positions of (pattern component, path component) still to try: an explicit stack
        // rather than recursion, and each pair once.
        var seen = Set<Int>()
        var stack = [(0, 0)]
        while let (p, s) = stack.popLast() {
            guard seen.insert(p * (parts.count + 1) + s).inserted else { continue }
            if p == components.count {
                if s == parts.count { return true }
                continue
            }
            if components[p] == "**" {
                stack.append((p + 1, s))
                if s < parts.count { stack.append((p, s + 1)) }
            } else if s < parts.count, Self.component(components[p], matches: parts[s]) {
                stack.append((p + 1, s + 1))
            }
        }
        return false
    }

    /// One component: `*` any run of characters, `?` one character, `[...]` one of a class,
    /// others themselves.
    static func component(_ pattern: Substring, matches name: Substring) -> Bool {
        let p = Array(pattern), s = Array(name)
        var pi = 0, si = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] != "*", let width = single(p, at: pi, matches: s[si]) {
                pi += width; si += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi; mark = si; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; si = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Whether the pattern element at `i` (a character, `?` or a class) matches `c`: how many
    /// pattern characters it spans when it does, nil when it does not.
    private static func single(_ p: [Character], at i: Int, matches c: Character) -> Int? {
        if p[i] == "?" { return 1 }
        guard p[i] == "[" else { return p[i] == c ? 1 : nil }
        var j = i + 1
        let negated = j < p.count && (p[j] == "!" || p[j] == "^")
        if negated { j += 1 }
        // A `]` first in the class is one of its characters; a `[` never closed is itself.
        guard let close = p[min(j + 1, p.count)...].firstIndex(of: "]") else { return p[i] == c ? 1 : nil }
        var found = false
        while j < close {
            if j + 2 < close, p[j + 1] == "-" {
                if let low = p[j].unicodeScalars.first?.value, let high = p[j + 2].unicodeScalars.first?.value, let v = c.unicodeScalars.first?.value,
                   low <= v && v <= high { found = true }
                j += 3
            } else {
                if p[j] == c { found = true }
                j += 1
            }
        }
        return found != negated ? close - i + 1 : nil
    }
}

extension Glob {
    /// The files under `root` the pattern matches, as paths relative to `root`, sorted. The walk
    /// starts at the pattern's leading literal components, follows links to directories once
    /// each (a link back up is not followed again) and skips hidden directories unless the
    /// pattern names them.
    public func files(in root: String, fileSystem: any FileSystem) -> [String] {
        let literal = components.prefix { !$0.contains(where: { "*?[".contains($0) }) }
        if literal.count == components.count {
            return fileSystem.isFile(Paths.join(root, pattern)) ? [components.joined(separator: "/")] : []
        }
        let start = literal.joined(separator: "/")
        var found: [String] = []
        var seen = Set<String>()
        var stack = [start]
        while let relative = stack.popLast() {
            let directory = relative.isEmpty ? root : Paths.join(root, relative)
            guard let real = try? fileSystem.realPath(directory), seen.insert(real).inserted,
                  let entries = try? fileSystem.directoryEntries(directory) else { continue }
            for entry in entries {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                var kind = entry.kind
                // A link counts as what it points to; a link to a directory already walked (one
                // back up) is not walked again (the `seen` set of real paths).
                if kind == .symbolicLink { kind = fileSystem.status(Paths.join(root, path))?.kind ?? .other }
                switch kind {
                case .directory:
                    if !entry.name.hasPrefix(".") || pattern.contains("/.") { stack.append(path) }
                case .file:
                    if matches(path) { found.append(path) }
                default:
                    break
                }
            }
        }
        return found.sorted()
    }
}
