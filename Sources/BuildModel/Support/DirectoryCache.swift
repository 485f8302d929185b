import Synchronization

/// Directory listings read once per run: import resolution asks "does `x.asthra` exist here?"
/// thousands of times, and each answer should cost a dictionary lookup, not a system call.
public final class DirectoryCache: Sendable {
    public let fileSystem: any FileSystem
    private let listings = Mutex<[String: Set<String>?]>([:])
    private let directories = Mutex<[String: Bool]>([:])

    public init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

    /// The entry names of a directory; nil when it cannot be listed.
    public func entries(of directory: String) -> Set<String>? {
        if let cached = listings.withLock({ $0[directory] }) { return cached }
        let names = (try? fileSystem.contentsOfDirectory(directory)).map(Set.init)
        listings.withLock { $0[directory] = .some(names) }
        return names
    }

    public func contains(_ path: String) -> Bool {
        entries(of: Paths.parent(path))?.contains(Paths.lastComponent(path)) ?? false
    }

    public func isDirectory(_ path: String) -> Bool {
        if let cached = directories.withLock({ $0[path] }) { return cached }
        let result = contains(path) && fileSystem.isDirectory(path)
        directories.withLock { $0[path] = result }
        return result
    }

    /// Every directory listed so far, with its entry names (nil when it could not be listed):
    /// what a load's result depends on besides the files it read.
    public var listed: [(directory: String, entries: Set<String>?)] {
        listings.withLock { $0.map { ($0.key, $0.value) } }
    }

    /// Whether the directory was listed (or found not to be there): a file created or deleted
    /// in it can change what was made from the listings.
    public func wasListed(_ directory: String) -> Bool {
        listings.withLock { $0.keys.contains(directory) }
    }

    /// Tells the cache about a directory already listed elsewhere (the source walk).
    public func record(_ directory: String, entries: [String]) {
        listings.withLock { $0[directory] = .some(Set(entries)) }
        directories.withLock { $0[directory] = true }
    }
}
