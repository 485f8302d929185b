/// Operations on slash-separated path strings, purely textual (no file-system access).
public enum Paths {
    public static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// `base` joined with `path`, unless `path` is absolute; the result is normalized.
    public static func join(_ base: String, _ path: String) -> String {
        if isAbsolute(path) || base.isEmpty { return normalize(path) }
        return normalize(base + "/" + path)
    }

    public static func join(_ base: String, _ components: String...) -> String {
        components.reduce(base) { join($0, $1) }
    }

    /// Removes `.`, empty components and resolvable `..`; keeps a leading `..` of a relative path.
    public static func normalize(_ path: String) -> String {
        let absolute = isAbsolute(path)
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The directory holding `path` (`/` for `/x`, `.` for `x`).
    public static func parent(_ path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/") else { return "." }
        if slash == normalized.startIndex { return "/" }
        return String(normalized[..<slash])
    }

    public static func lastComponent(_ path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/") else { return normalized }
        return String(normalized[normalized.index(after: slash)...])
    }

    /// The file name without its last extension.
    public static func stem(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The last extension without its dot, or "".
    public static func fileExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// True when `path` is `ancestor` or lies below it (both normalized first).
    public static func isWithin(_ path: String, _ ancestor: String) -> Bool {
        let p = normalize(path)
        let a = normalize(ancestor)
        if a == "/" { return isAbsolute(p) }
        return p == a || p.hasPrefix(a + "/")
    }

    /// `path` relative to `base` (both absolute or both relative), using `..` where needed.
    public static func relative(_ path: String, from base: String) -> String {
        let p = normalize(path).split(separator: "/")
        let b = normalize(base).split(separator: "/")
        var common = 0
        while common < p.count && common < b.count && p[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        let rest = p[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// How a path is shown to a user working in `root`: relative when that is short (inside
    /// `root`, or at most three `..` up), else absolute.
    public static func display(_ path: String, from root: String) -> String {
        guard isAbsolute(path), isAbsolute(root) else { return path }
        let rel = relative(path, from: root)
        let ups = rel.split(separator: "/").prefix { $0 == ".." }.count
        return ups <= 3 ? rel : normalize(path)
    }
}
