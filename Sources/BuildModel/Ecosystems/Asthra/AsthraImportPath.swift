/// The textual forms of Asthra import paths.
public enum AsthraImportPath {
    /// The standard library's prefixes: `stdlib/` (the spec) and `std/` (today's compiler).
    public static let stdlibPrefixes = ["stdlib", "std"]
    /// What today's compiler provides itself under `std/`, with no file on disk.
    public static let builtinNamespaces = ["io", "math", "os", "str"]
    public static let internalPrefix = "internal"
    public static let systemPrefix = "system"

    /// The category of an import path from its form alone, and the path below its prefix
    /// (`stdlib/io/file` → `.stdlib`, `io/file`); nil when the form is not recognised.
    public static func classify(_ path: String) -> (category: ImportCategory, rest: String)? {
        if path.hasPrefix("./") || path.hasPrefix("../") { return (.local, path) }
        guard let slash = path.firstIndex(of: "/") else { return nil }
        let first = path[..<slash]
        let rest = String(path[path.index(after: slash)...])
        if stdlibPrefixes.contains(String(first)) { return (.stdlib, rest) }
        if first == internalPrefix { return (.internal, rest) }
        if first == systemPrefix { return (.system, rest) }
        if isDomain(first) { return (.thirdParty, path) }
        return nil
    }

    /// Whether a standard-library path (below its prefix: `math`, `io/file`) names a namespace
    /// the compiler provides itself.
    public static func isBuiltin(_ rest: String) -> Bool {
        builtinNamespaces.contains(String(rest.split(separator: "/", maxSplits: 1).first ?? ""))
    }

    /// A non-local path with its `.` and `..` segments applied (`stdlib/io/../fs` →
    /// `stdlib/fs`), so that it is classified by where it really leads. A `..` that would climb
    /// above the first segment (`stdlib/../internal/x`, `std/../../app/src/main`) leaves the root
    /// the path starts in: `.failure` with that root. Local paths (`./`, `../`) are returned
    /// as they are: they are checked against their package's directory when resolved.
    public static func normalized(_ path: String) -> Result<String, EscapedRoot> {
        if path.hasPrefix("./") || path.hasPrefix("../") { return .success(path) }
        // Almost every path has no segment starting with '.': nothing to split then.
        var previous: UInt8 = UInt8(ascii: "/")
        var dotSegment = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/") { dotSegment = true; break }
            previous = byte
        }
        guard dotSegment else { return .success(path) }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.contains(where: { $0 == "." || $0 == ".." }) else { return .success(path) }
        var kept: [Substring] = []
        for segment in segments {
            switch segment {
            case ".": continue
            case "..":
                guard kept.count > 1 else { return .failure(EscapedRoot(root: String(segments[0]))) }
                kept.removeLast()
            default: kept.append(segment)
            }
        }
        return .success(kept.joined(separator: "/"))
    }

    public struct EscapedRoot: Error, Hashable, Sendable {
        /// The first segment of the path: `stdlib`, `github.com`, a dependency's name.
        public var root: String
    }

    /// `github.com`, `gitlab.example.org`: dot-separated labels ending in a top-level domain
    /// of two or more letters.
    public static func isDomain(_ text: Substring) -> Bool {
        // One pass over the bytes: labels of letters, digits and '-', none empty, at least two,
        // the last all letters and two or more long.
        var labels = 1
        var length = 0
        var letters = true
        for b in text.utf8 {
            if b == 0x2E {
                if length == 0 { return false }
                labels += 1
                length = 0
                letters = true
            } else if ASCII.isAlphanumeric(b) || b == 0x2D {
                length += 1
                if !ASCII.isLetter(b) { letters = false }
            } else {
                return false
            }
        }
        return labels >= 2 && length >= 2 && letters
    }
}
