/// The files `ampu new` and `ampu init` write: a manifest, a first source file and a .gitignore.
public enum AsthraPackageTemplate {
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

    /// The files of a new package, by path relative to its directory.
    public static func files(name: String, library: Bool) -> [(path: String, text: String)] {
        let module = Paths.lastComponent(name).replacingDashes
        let manifest = """
            [package]
            name = \(TOMLLiteral.renderString(name))
            version = "0.1.0"
            asthra_version = "1.0"

            [dependencies]

            """
        let source = library
            ? """
            package \(module);

            pub fn answer(none) -> i32 {
                return 42;
            }

            """
            : """
            package main;

            pub fn main(none) -> void {
                log("Hello, world!");
                return ();
            }

            """
        return [
            ("asthra.toml", manifest),
            (library ? "src/lib.asthra" : "src/main.asthra", source),
            (".gitignore", "/target/\n"),
        ]
    }

    /// Writes a new package into `directory` (created when missing). Refuses to overwrite a
    /// manifest or a source file that is already there.
    public static func create(in directory: String, name: String, library: Bool, fileSystem: any FileSystem) throws(Problem) -> [String] {
        for existing in AsthraEcosystem.manifestNames where fileSystem.exists(Paths.join(directory, existing)) {
            throw .exists(Paths.join(directory, existing))
        }
        if let reason = AsthraPackageName.problem(with: name) {
            throw .invalidName(name, reason: reason, suggestion: AsthraPackageName.suggestion(from: name))
        }
        let files = files(name: name, library: library)
        var written: [String] = []
        for file in files {
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

extension String {
    /// A package name as a module identifier: `json-utils` → `json_utils`.
    var replacingDashes: String { String(map { $0 == "-" || $0 == "." ? "_" : $0 }) }
}
