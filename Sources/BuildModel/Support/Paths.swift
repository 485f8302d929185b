#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Operations on slash-separated path strings, purely textual (no file-system access).
public enum Paths {
    public static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// Whether `a` comes before `b` in the order of their UTF-8 bytes: the C locale's, as
    /// `LC_ALL=C ls` lists names. The one order of names in directory listings, lock files
    /// and checksums.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let shorter = min(x.count, y.count)
                let order = shorter == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, shorter)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// Sorts `items` by `key` in the order of `precedes`. Each key's first 16 bytes are taken
    /// once as two numbers, compared as numbers (a key shorter than that padded with zeros, which
    /// keeps the order); only keys whose first 16 bytes agree are compared whole. Names in a
    /// directory nearly always differ in their first 16 bytes, and comparing numbers takes a
    /// fraction of the time of comparing strings, which shows in a glob over thousands of files.
    public static func sortBytewise<T>(_ items: inout [T], by key: (T) -> String) {
        guard items.count > 1 else { return }
        var keyed: [(high: UInt64, low: UInt64, index: Int)] = []
        keyed.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            var high: UInt64 = 0, low: UInt64 = 0, k = 0
            for byte in key(item).utf8 {
                if k < 8 { high |= UInt64(byte) << (56 - 8 * k) } else { low |= UInt64(byte) << (56 - 8 * (k - 8)) }
                k += 1
                if k == 16 { break }
            }
            keyed.append((high, low, i))
        }
        keyed.sort { a, b in
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return precedes(key(items[a.index]), key(items[b.index]))
        }
        items = keyed.map { items[$0.index] }
    }

    /// `base` joined with `path`, unless `path` is absolute; the result is normalized.
    public static func join(_ base: String, _ path: String) -> String {
        if isAbsolute(path) || base.isEmpty { return normalize(path) }
        let joined = base == "/" ? "/" + path : base + "/" + path
        return normalize(joined)
    }

    public static func join(_ base: String, _ components: String...) -> String {
        components.reduce(base) { join($0, $1) }
    }

    /// True when `normalize` would return the path unchanged: no empty, `.` or `..` components
    /// and no trailing slash. A byte scan, so the common case costs no allocation.
    static func isNormalized(_ path: String) -> Bool {
        path.utf8.withContiguousStorageIfAvailable { b -> Bool in
            let n = b.count
            if n == 0 { return false }
            if n == 1 { return true }
            if b[n - 1] == 0x2F { return false }
            var start = b[0] == 0x2F ? 1 : 0
            var i = start
            while i <= n {
                if i == n || b[i] == 0x2F {
                    let length = i - start
                    if length == 0 { return false }
                    if b[start] == 0x2E && (length == 1 || (length == 2 && b[start + 1] == 0x2E)) { return false }
                    start = i + 1
                }
                i += 1
            }
            return true
        } ?? false
    }

    /// Removes `.`, empty components and resolvable `..`; keeps a leading `..` of a relative path.
    public static func normalize(_ path: String) -> String {
        if isNormalized(path) { return path }
        return normalizeSlowly(path)
    }

    /// Component by component over the UTF-8 bytes: a stack of component ranges, then one copy.
    private static func normalizeSlowly(_ path: String) -> String {
        let b = Array(path.utf8)
        let n = b.count
        let absolute = n > 0 && b[0] == 0x2F
        var parts: [Range<Int>] = []
        var i = 0
        while i < n {
            while i < n && b[i] == 0x2F { i += 1 }
            let start = i
            while i < n && b[i] != 0x2F { i += 1 }
            let length = i - start
            if length == 0 || (length == 1 && b[start] == 0x2E) { continue }
            if length == 2 && b[start] == 0x2E && b[start + 1] == 0x2E {
                if let last = parts.last, !(last.count == 2 && b[last.lowerBound] == 0x2E && b[last.lowerBound + 1] == 0x2E) {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(start..<i)
                }
                continue
            }
            parts.append(start..<i)
        }
        if parts.isEmpty { return absolute ? "/" : "." }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        for (k, part) in parts.enumerated() {
            if k > 0 || absolute { out.append(0x2F) }
            out.append(contentsOf: b[part])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The directory holding `path` (`/` for `/x`, `.` for `x`).
    public static func parent(_ path: String) -> String {
        let normalized = normalize(path)
        let utf8 = normalized.utf8
        guard let slash = utf8.lastIndex(of: 0x2F) else { return "." }
        if slash == utf8.startIndex { return "/" }
        return String(normalized[..<slash])
    }

    /// The last component as written, without a copy, when normalizing would leave it as it
    /// is: nil when it is empty, `.` or `..` (then the whole path must be normalized first).
    /// `lastComponent` and the checks that run for every input of a plan take it.
    static func lastComponentAsWritten(_ path: String) -> Substring? {
        let bytes = path.utf8
        let start = bytes.lastIndex(of: 0x2F).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = path[start...]
        if name.isEmpty || name == "." || name == ".." { return nil }
        return name
    }

    public static func lastComponent(_ path: String) -> String {
        if let name = lastComponentAsWritten(path) { return String(name) }
        let normalized = normalize(path)
        let utf8 = normalized.utf8
        guard let slash = utf8.lastIndex(of: 0x2F) else { return normalized }
        return String(normalized[utf8.index(after: slash)...])
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
        let p = normalize(path).utf8
        let a = normalize(ancestor).utf8
        if a.count == 1 && a.first == 0x2F { return p.first == 0x2F }
        guard p.count >= a.count, p.starts(with: a) else { return false }
        return p.count == a.count || p[p.index(p.startIndex, offsetBy: a.count)] == 0x2F
    }

    /// `path` relative to `base` (both absolute or both relative), using `..` where needed.
    /// Names are compared byte for byte, as the file system compares them (`é` written as one
    /// scalar and as `e` with an accent are two directories, though Swift's `==` says equal).
    public static func relative(_ path: String, from base: String) -> String {
        // The usual case, a path inside `base`, without splitting either.
        let path = normalize(path), base = normalize(base)
        if path.utf8.elementsEqual(base.utf8) { return "." }
        if base != "/", path.utf8.count > base.utf8.count + 1, path.utf8.starts(with: base.utf8),
           path.utf8[path.utf8.index(path.utf8.startIndex, offsetBy: base.utf8.count)] == UInt8(ascii: "/") {
            return String(path.utf8.dropFirst(base.utf8.count + 1))!
        }
        let p = path.split(separator: "/")
        let b = base.split(separator: "/")
        var common = 0
        while common < p.count && common < b.count && p[common].utf8.elementsEqual(b[common].utf8) { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        let rest = p[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// A path inside `root` relative to it; any other path (or any path when there is no root)
    /// as it is. How the terminal shows the files of diagnostics.
    public static func relative(_ path: String, ifWithin root: String?) -> String {
        guard let root, isAbsolute(path), isWithin(path, root) else { return path }
        return relative(path, from: root)
    }

    /// How a path is shown to a user working in `root`: relative when that is short (inside
    /// `root`, or at most three `..` up to a directory the two share below `/`), else absolute:
    /// `../../../home/me/.elm/…` from `/tmp/work/app` says less than the path itself.
    public static func display(_ path: String, from root: String) -> String {
        guard isAbsolute(path), isAbsolute(root) else { return path }
        let rel = relative(path, from: root)
        guard rel.hasPrefix("..") else { return rel }
        let ups = rel.split(separator: "/").prefix { $0 == ".." }.count
        let top = { (p: String) in normalize(p).split(separator: "/").first }
        return ups <= 3 && top(path) == top(root) ? rel : normalize(path)
    }
}
