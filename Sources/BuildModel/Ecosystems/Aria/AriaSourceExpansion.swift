/// Each source pattern of a build expanded once: the files the workspace load walked (the
/// project's `.aria`/`.npk` files its patterns match) answer every pattern of such files inside
/// the project, and each pattern is expanded once however many targets list it. Only patterns of
/// other files (a c_library's `ffi/*.c`) or reaching outside the project walk the disk.
struct AriaSourceExpansion {
    let directory: String
    let fileSystem: any FileSystem
    let ignoring: GitIgnore?
    /// The sources the load found in the project, relative to it, sorted.
    private let walked: [String]
    private let walkedSet: Set<String>
    private var cache: [String: [String]] = [:]
    /// The directories read for patterns the load's walk did not answer (a c_library's
    /// `ffi/*.c`), as the plan keeps them (`BuildPlan.listedDirectories`).
    private(set) var listed: [String: BuildPlan.Listing] = [:]

    init(directory: String, modulePaths: [String], fileSystem: any FileSystem, ignoring: GitIgnore?) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.ignoring = ignoring
        let inside = modulePaths.filter { Paths.isWithin($0, directory) }.map { Paths.relative($0, from: directory) }.sorted()
        walked = inside
        walkedSet = Set(inside)
    }

    /// The files `pattern` matches, relative to the project, sorted.
    mutating func files(_ pattern: String) -> [String] {
        if let known = cache[pattern] { return known }
        let glob = Glob(pattern)
        let name = Paths.lastComponent(pattern)
        let ofSources = AriaImportResolver.extensions.contains { name.hasSuffix("." + $0) } && !pattern.hasPrefix("..") && !pattern.hasPrefix("/")
        var found: [String]
        if ofSources && glob.isLiteral {
            let path = Paths.normalize(pattern)
            found = walkedSet.contains(path) ? [path] : glob.files(in: directory, fileSystem: fileSystem, noting: &listed)
        } else if ofSources {
            found = walked.filter { glob.matches($0) }
            // What the load did not walk (a hidden directory the pattern names) is looked for.
            if found.isEmpty { found = glob.files(in: directory, fileSystem: fileSystem, noting: &listed) }
        } else {
            found = glob.files(in: directory, fileSystem: fileSystem, noting: &listed)
        }
        if let ignoring { found = found.filter { $0.hasPrefix("..") || !ignoring.ignoresAnyPart(of: $0) } }
        cache[pattern] = found
        return found
    }
}
