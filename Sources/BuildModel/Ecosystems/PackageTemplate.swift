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
    /// written. A manifest there already stops it before anything is written; any other file
    /// of the template that is there already (a source, a `.gitignore`) is kept as it is, as
    /// `cargo init` keeps a package's sources.
    public static func create(_ ecosystem: any Ecosystem, in directory: String, name: String, library: Bool,
                              fileSystem: any FileSystem) throws(Problem) -> [String] {
        for existing in ecosystem.manifestFileNames where fileSystem.exists(Paths.join(directory, existing)) {
            throw .exists(Paths.join(directory, existing))
        }
        var written: [String] = []
        for file in try ecosystem.packageTemplate(name: name, library: library) {
            let path = Paths.join(directory, file.path)
            if fileSystem.exists(path) { continue }
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

    /// Whether `ampu init` without `--lib` makes a library, as `cargo init` decides: the
    /// directory has the library template's source and not the program's.
    public static func isLibrary(_ ecosystem: any Ecosystem, in directory: String, name: String, fileSystem: any FileSystem) -> Bool {
        func sources(_ library: Bool) -> Set<String> {
            let files = (try? ecosystem.packageTemplate(name: name, library: library)) ?? []
            return Set(files.map(\.path)).subtracting(ecosystem.manifestFileNames + [".gitignore"])
        }
        let (program, library) = (sources(false), sources(true))
        func present(_ paths: Set<String>) -> Bool { paths.contains { fileSystem.exists(Paths.join(directory, $0)) } }
        return !present(program.subtracting(library)) && present(library.subtracting(program))
    }
}
