/// Why no workspace could be loaded at all (everything else is a diagnostic in the snapshot).
public enum WorkspaceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No manifest in the start directory or any parent.
    case noManifest(start: String, names: [String])
    /// `--manifest-path` names a file that does not exist or cannot be read.
    case unreadableManifest(FileSystemError)
    /// `--manifest-path` names a file that is no ecosystem's manifest.
    case unknownManifest(String, names: [String])

    public var description: String {
        switch self {
        case .noManifest(let start, let names):
            "could not find \(Self.either(names)) in '\(start)' or any parent directory"
        case .unreadableManifest(let error):
            "cannot read the manifest: \(error)"
        case .unknownManifest(let path, _):
            "'\(Paths.lastComponent(path))' is not a manifest ampu reads ('\(path)')"
        }
    }

    public var help: String {
        switch self {
        case .noManifest: "run `ampu init` to make this directory a package, or pass --manifest-path"
        case .unreadableManifest(.isADirectory(let p)), .unreadableManifest(.notARegularFile(let p)):
            "a manifest must be a regular file: rename or remove '\(p)'"
        case .unreadableManifest: "check the manifest's path and permissions (ls -l)"
        case .unknownManifest(_, let names): "ampu reads manifests named \(Self.either(names))"
        }
    }

    /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
    private static func either(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "a manifest" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    /// No manifest found is about no file (the message names where the search started).
    public var diagnostic: Diagnostic {
        let (file, code): (String?, DiagnosticCode) = switch self {
        case .noManifest: (nil, DiagnosticCode.noManifest)
        case .unreadableManifest(let e): (e.path, DiagnosticCode.unreadableFile)
        case .unknownManifest(let path, _): (path, DiagnosticCode.noManifest)
        }
        var d = Diagnostic(severity: .error, code: code.rawValue, message: description, file: file, range: .at(0), help: [help])
        if file == nil { d = d.unplaced }
        return d
    }
}
