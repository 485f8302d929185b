/// A path pattern as build files write them: `*` (any run of characters within one path
/// component), `?` (one character), `[...]` (one character of a class: `[abc]`, `[0-9]`, and
/// `[!x]` or `[^x]` for any but those; a `[` with no `]` is itself), and `**` as a whole
/// component (any number of components, none included): `src/**/*.aria`, `test[0-9].aria`.
/// A trailing `**` is what is inside, as git, Python and bash read it: `src/**` is every file
/// under `src/`, not a file named `src`.
///
/// Matching works on UTF-8 bytes (a `?` or a class takes one whole character), so that a walk of
/// ten thousand files makes no string per file.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    private let components: [[UInt8]]
    /// Where the `**` components are.
    private let stars: [Int]

    public init(_ pattern: String) {
        self.pattern = pattern
        var components = pattern.utf8.split(separator: 0x2F, omittingEmptySubsequences: true).map(Array.init)
        // `x/**` as `x/**/*`: at least one component more.
        if components.last == Self.doubleStar { components.append([0x2A]) }
        self.components = components
        stars = components.indices.filter { [components] in components[$0] == Self.doubleStar }
    }

    public var description: String { pattern }

    /// Whether the pattern has no wildcard: it names one file.
    public var isLiteral: Bool { !components.contains { $0.contains { $0 == 0x2A || $0 == 0x3F || $0 == 0x5B } } }

    private static let doubleStar: [UInt8] = [0x2A, 0x2A]

    /// Whether a relative path (`src/a/b.aria`) matches.
    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { matches(bytes: $0) }
    }

    /// The same for a path's UTF-8 bytes.
    public func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var slashes = 0
        for b in bytes where b == 0x2F { slashes += 1 }
        // The path's components as ranges of its bytes, on the stack.
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: slashes + 1) { buffer in
            var count = 0
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x2F {
                if i > start { buffer[count] = start..<i; count += 1 }
                start = i + 1
            }
            return matches(bytes, parts: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, parts: UnsafeBufferPointer<Range<Int>>) -> Bool {
        func part(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[parts[i]]) }
        if stars.isEmpty {
            // Without `**`, each component against one part.
            guard parts.count == components.count else { return false }
            for i in components.indices where !Self.component(components[i], matches: part(i)) { return false }
            return true
        }
        if stars.count == 1 {
            // One `**`: the components before it against the first parts, those after it
            // against the last ones, any number between.
            let d = stars[0], tail = components.count - d - 1
            guard parts.count >= d + tail else { return false }
            for i in 0..<d where !Self.component(components[i], matches: part(i)) { return false }
            for j in 0..<tail where !Self.component(components[d + 1 + j], matches: part(parts.count - tail + j)) { return false }
            return true
        }
        // Positions of (pattern component, path component) still to try: an explicit stack
        // rather than recursion, and each pair once.
        let width = parts.count + 1
        var seen = [Bool](repeating: false, count: (components.count + 1) * width)
        var stack = [(0, 0)]
        while let (p, s) = stack.popLast() {
            guard !seen[p * width + s] else { continue }
            seen[p * width + s] = true
            if p == components.count {
                if s == parts.count { return true }
                continue
            }
            if components[p] == Self.doubleStar {
                stack.append((p + 1, s))
                if s < parts.count { stack.append((p, s + 1)) }
            } else if s < parts.count, Self.component(components[p], matches: part(s)) {
                stack.append((p + 1, s + 1))
            }
        }
        return false
    }

    /// Whether a file named `name` may match at all: the pattern's last component, when it is
    /// not `**`, must match it. A walk rejects most files with this before making their paths.
    func mayMatch(name: String) -> Bool {
        guard let last = components.last, last != Self.doubleStar else { return true }
        var name = name
        return name.withUTF8 { Self.component(last, matches: $0) }
    }

    /// One component: `*` any run of characters, `?` one character, `[...]` one of a class,
    /// others themselves.
    static func component(_ p: [UInt8], matches s: UnsafeBufferPointer<UInt8>) -> Bool {
        var pi = 0, si = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] != 0x2A, let (width, taken) = single(p, at: pi, matches: s, at: si) {
                pi += width; si += taken
            } else if pi < p.count && p[pi] == 0x2A {
                star = pi; mark = si; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += length(s, at: mark); si = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == 0x2A { pi += 1 }
        return pi == p.count
    }

    /// How many bytes the character at `i` takes (1 for ASCII, 2 to 4 for others).
    private static func length<C: RandomAccessCollection>(_ b: C, at i: Int) -> Int where C.Element == UInt8, C.Index == Int {
        let lead = b[i]
        let n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return min(n, b.count - i)
    }

    /// The character at `i` as a number (its scalar value; a broken sequence its first byte).
    private static func scalar<C: RandomAccessCollection>(_ b: C, at i: Int) -> UInt32 where C.Element == UInt8, C.Index == Int {
        let n = length(b, at: i)
        guard n > 1 else { return UInt32(b[i]) }
        var v = UInt32(b[i]) & (0xFF >> (n + 1))
        for k in 1..<n { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return v
    }

    /// Whether the pattern element at `pi` (a character, `?` or a class) matches the character
    /// at `si`: how many pattern bytes it spans and how many name bytes it takes, or nil.
    private static func single(_ p: [UInt8], at pi: Int, matches s: UnsafeBufferPointer<UInt8>, at si: Int) -> (Int, Int)? {
        // An ASCII character other than `?` and `[` (nearly every one a pattern has) is itself.
        if p[pi] < 0x80 && p[pi] != 0x3F && p[pi] != 0x5B { return p[pi] == s[si] ? (1, 1) : nil }
        let taken = length(s, at: si)
        if p[pi] == 0x3F { return (length(p, at: pi), taken) }
        guard p[pi] == 0x5B else {
            let width = length(p, at: pi)
            guard width == taken, pi + width <= p.count else { return nil }
            for k in 0..<width where p[pi + k] != s[si + k] { return nil }
            return (width, taken)
        }
        var j = pi + 1
        let negated = j < p.count && (p[j] == 0x21 || p[j] == 0x5E)
        if negated { j += 1 }
        // A `]` first in the class is one of its characters; a `[` never closed is itself.
        guard j + 1 <= p.count, let close = p[min(j + 1, p.count)...].firstIndex(of: 0x5D) else {
            return s[si] == 0x5B ? (1, 1) : nil
        }
        let c = scalar(s, at: si)
        var found = false
        while j < close {
            let low = scalar(p, at: j)
            let next = j + length(p, at: j)
            if next + 1 < close, p[next] == 0x2D {
                let high = scalar(p, at: next + 1)
                if low <= c && c <= high { found = true }
                j = next + 1 + length(p, at: next + 1)
            } else {
                if low == c { found = true }
                j = next
            }
        }
        return found != negated ? (close - pi + 1, taken) : nil
    }
}

extension Glob {
    /// What a walk leaves out besides hidden directories: build output and other packages.
    public struct Skips: Hashable, Sendable {
        /// Directory names never entered (`target`).
        public var directories: Set<String>
        /// File names that make a directory another package's root (`asthra.toml`).
        public var packageMarkers: Set<String>

        public init(directories: Set<String>, packageMarkers: Set<String>) {
            self.directories = directories
            self.packageMarkers = packageMarkers
        }

        public static let none = Skips(directories: [], packageMarkers: [])
    }

    /// The files under `root` the pattern matches, as paths relative to `root`, sorted. The walk
    /// starts at the pattern's leading literal components, follows links to directories once
    /// each (a link back up, or above where the walk starts, is not followed) and skips hidden
    /// directories unless the pattern names them; with `ignoring`, what a `.gitignore` in `root`
    /// ignores is left out (an ignored directory is not walked); with `skipping`, the walk below
    /// the pattern's literal start enters no directory of those names and none that holds one of
    /// its marker files (another package's root). `watching` is told each
    /// directory whose names decide what is found, with its status taken before its names were
    /// read (nil: not there) and those names (nil: it could not be listed; for a pattern with no
    /// wildcard, read only when asked for, so that a caller who has them already does not read a
    /// directory of ten thousand files again for each of them): each one walked or that the
    /// walk starts at, and for a pattern with no wildcard, the directory of its file.
    public func files(in root: String, fileSystem: any FileSystem, ignoring: GitIgnore? = nil, skipping: Skips = .none,
                      watching: ((_ directory: String, _ status: FileStatus?, _ names: () -> [String]?) -> Void)? = nil) -> [String] {
        let literal = components.prefix { !$0.contains { $0 == 0x2A || $0 == 0x3F || $0 == 0x5B } }
        let joinedLiteral = literal.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
        let ignoring = joinedLiteral.hasPrefix("..") ? nil : ignoring
        if literal.count == components.count {
            if ignoring?.ignoresAnyPart(of: joinedLiteral) == true { return [] }
            if let watching {
                let directory = Paths.parent(Paths.join(root, pattern))
                let status = fileSystem.status(directory)
                watching(directory, status) { try? fileSystem.contentsOfDirectory(directory) }
            }
            return fileSystem.isFile(Paths.join(root, pattern)) ? [joinedLiteral] : []
        }
        if let ignoring, !joinedLiteral.isEmpty, ignoring.ignoresAnyPart(of: joinedLiteral, isDirectory: true) { return [] }
        let hidden = pattern.contains("/.") || pattern.hasPrefix(".")
        // What is left to do, last first: a matching file to report, or a directory to list.
        // A directory's files and subdirectories are taken in the order of their names, a
        // subdirectory's with its `/` (`a.aria` before `a/`, `a/` before `a0.aria`), so the
        // files come out in the byte order of their whole paths with no sort at the end.
        enum Step { case file(String), directory(String) }
        var found: [String] = []
        var seen = Set(fileSystem.identitiesAbove(joinedLiteral.isEmpty ? root : Paths.join(root, joinedLiteral)))
        var steps = [Step.directory(joinedLiteral)]
        while let step = steps.popLast() {
            let relative: String
            switch step {
            case .file(let path): found.append(path); continue
            case .directory(let path): relative = path
            }
            let directory = relative.isEmpty ? root : Paths.join(root, relative)
            // A directory is walked once, known by its device and inode: a link back up is not
            // followed again.
            guard let status = fileSystem.status(directory) else {
                watching?(directory, nil) { nil }
                continue
            }
            guard seen.insert(status.identity).inserted else { continue }
            guard let entries = try? fileSystem.unorderedDirectoryEntries(directory) else {
                watching?(directory, status) { nil }
                continue
            }
            watching?(directory, status) { entries.map(\.name) }
            // Another package's directory: its files are its own (told to `watching` all the
            // same: its marker's removal changes what is found).
            if relative != joinedLiteral, entries.contains(where: { skipping.packageMarkers.contains($0.name) }) { continue }
            var next: [(key: String, step: Step)] = []
            for entry in entries {
                var kind = entry.kind
                // A link counts as what it points to.
                if kind == .symbolicLink { kind = fileSystem.status(Paths.join(directory, entry.name))?.kind ?? .other }
                if kind == .file && !mayMatch(name: entry.name) { continue }
                var path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if let ignoring, ignoring.ignores(path, isDirectory: kind == .directory) { continue }
                switch kind {
                case .directory:
                    if (!entry.name.hasPrefix(".") || hidden) && !skipping.directories.contains(entry.name) { next.append((entry.name + "/", .directory(path))) }
                case .file:
                    if path.withUTF8({ matches(bytes: $0) }) { next.append((entry.name, .file(path))) }
                default:
                    break
                }
            }
            Paths.sortBytewise(&next) { $0.key }
            steps.append(contentsOf: next.reversed().lazy.map(\.step))
        }
        return found
    }
}

/// The source patterns of a package (its targets' `sources`), for telling whether a file is one
/// of its sources: patterns that name one file are looked up, the others matched.
public struct GlobSet: Sendable {
    private let literal: Set<String>
    private let globs: [Glob]
    /// Whether the manifest asks for what the package's `.gitignore` ignores to be left out of
    /// the patterns' expansions (Aria's `[project] gitignore = true`).
    public let respectsGitignore: Bool

    public init(_ patterns: [String], respectsGitignore: Bool = false) {
        self.respectsGitignore = respectsGitignore
        var literal = Set<String>()
        var globs: [Glob] = []
        for p in patterns {
            let g = Glob(p)
            if g.isLiteral { literal.insert(Paths.normalize(p)) } else { globs.append(g) }
        }
        self.literal = literal
        self.globs = globs
    }

    /// Whether a path relative to the package matches one of the patterns.
    public func matches(_ relative: String) -> Bool {
        if literal.contains(relative) { return true }
        guard !globs.isEmpty else { return false }
        var path = relative
        return path.withUTF8 { bytes in globs.contains { $0.matches(bytes: bytes) } }
    }
}
