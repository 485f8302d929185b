/// A new package (`ampu new`, `ampu init`): the files an ecosystem's template gives, written into
/// a directory without ever overwriting a manifest or a source that is already there.
public enum PackageTemplate {
    /// One file of a template, by path relative to the package directory.
    public struct File: Hashable, Sendable {
        public var path: String
        public var text: String

        public init(_ path: String, _ text: String) {
            self.path = path
            self.text = text
        }
    }

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case invalidName(String, reason: String, suggestion: String)
        case exists(String)
        case fileSystem(FileSystemError)

        public var description: String {
            switch self {
            case .invalidName(let name, let reason, let suggestion):
                "invalid package name '\(name)': \(reason); try '\(suggestion)'"
            case .exists(let path):
                "'\(path)' already exists; ampu will not overwrite it"
            case .fileSystem(let e): "\(e)"
            }
        }
    }

    /// Writes `ecosystem`'s new package into `directory` (created when missing); the files
    /// written. A `.gitignore` that is there already is kept.
    public static func create(_ ecosystem: any Ecosystem, in directory: String, name: String, library: Bool,
                              fileSystem: any FileSystem) throws(Problem) -> [String] {
        for existing in ecosystem.manifestFileNames where fileSystem.exists(Paths.join(directory, existing)) {
            throw .exists(Paths.join(directory, existing))
        }
        var written: [String] = []
        for file in try ecosystem.packageTemplate(name: name, library: library) {
            let path = Paths.join(directory, file.path)
            if fileSystem.exists(path) {
                if file.path == ".gitignore" { continue }
                throw .exists(path)
            }
            do {
                try fileSystem.createDirectory(Paths.parent(path))
                try fileSystem.writeFile(path, file.text)
            } catch {
                throw .fileSystem(error)
            }
            written.append(file.path)
        }
        return written
    }
}
