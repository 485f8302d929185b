/// How one ecosystem's lock file is written, so that the language's own tools read it too: the
/// file's name, the lines before the first package, and how a package's files are summed.
/// ampu's own way (`standard`) serves Asthra; an ecosystem whose compiler reads and verifies the
/// lock itself (Rask) gives that compiler's.
public struct LockFormat: Hashable, Sendable {
    public var fileName: String
    /// The text before the first `[[package]]`: a comment and the format's version key.
    public var preamble: String
    /// Whether a path package records its files' checksum too (Rask's compiler requires a
    /// checksum on every entry, and checks it).
    public var checksumsPathPackages: Bool
    /// The variable that names the package cache git packages are checked out into
    /// (`<cache>/<name>/<commit>/`), and where it is under the home directory without it.
    public var cacheVariable: String
    public var cacheHome: String
    private let sum: @Sendable (String, any FileSystem) throws(FileSystemError) -> String

    public init(fileName: String, preamble: String, checksumsPathPackages: Bool, cacheVariable: String, cacheHome: String,
                checksum: @escaping @Sendable (String, any FileSystem) throws(FileSystemError) -> String) {
        self.fileName = fileName
        self.preamble = preamble
        self.checksumsPathPackages = checksumsPathPackages
        self.cacheVariable = cacheVariable
        self.cacheHome = cacheHome
        sum = checksum
    }

    /// The package cache: `$<cacheVariable>`, else `$HOME/<cacheHome>`; nil when neither is set.
    public func cacheRoot(environment: [String: String]) -> String? {
        if let explicit = environment[cacheVariable], !explicit.isEmpty { return explicit }
        return environment["HOME"].flatMap { $0.isEmpty ? nil : Paths.join($0, cacheHome) }
    }

    /// What to say when there is no package cache.
    public var noCacheMessage: String { "no package cache: set \(cacheVariable) or HOME" }

    /// `sha256:` of a package's files in `directory`, as this format records it.
    public func checksum(of directory: String, fileSystem: any FileSystem) throws(FileSystemError) -> String {
        try sum(directory, fileSystem)
    }

    /// ampu's own format, named `fileName`: `version = 1`, the checksum of every file
    /// (`LockFile.checksum(of:fileSystem:)`), none for path packages.
    public static func standard(fileName: String, cacheVariable: String, cacheHome: String) -> LockFormat {
        LockFormat(fileName: fileName,
                   preamble: "# Written by `ampu update`: it records the exact versions a build uses. Do not edit it by hand.\nversion = 1\n",
                   checksumsPathPackages: false, cacheVariable: cacheVariable, cacheHome: cacheHome) { directory, fileSystem throws(FileSystemError) in
            try LockFile.checksum(of: directory, fileSystem: fileSystem)
        }
    }

    public static func == (a: LockFormat, b: LockFormat) -> Bool {
        a.fileName == b.fileName && a.preamble == b.preamble && a.checksumsPathPackages == b.checksumsPathPackages
            && a.cacheVariable == b.cacheVariable && a.cacheHome == b.cacheHome
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fileName)
        hasher.combine(preamble)
    }
}
