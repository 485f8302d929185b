/// What `ampu clean` removed, counted as Cargo counts it: the files (not the directories) and
/// their bytes. A symbolic link is removed itself, never what it points to. A dry run
/// (`clean --dry-run`) counts what would go, and removes nothing.
public struct OutputRemoval: Hashable, Sendable {
    public private(set) var files = 0
    public private(set) var bytes = 0
    public let dryRun: Bool
    /// What a dry run counted: a path it meets again (an output that is also a dependency file,
    /// a file under a directory counted) is not counted twice, as a real removal finds it gone.
    private var counted: Set<String> = []

    public init(dryRun: Bool = false) { self.dryRun = dryRun }

    /// Removes `path` and everything under it, counting what goes.
    public mutating func remove(_ path: String, fileSystem: any FileSystem) throws(FileSystemError) {
        if dryRun {
            var p = path
            while true {
                if counted.contains(p) { return }
                let up = Paths.parent(p)
                if up == p { break }
                p = up
            }
            counted.insert(path)
        }
        let usage = fileSystem.treeUsage(path)
        files += usage.files
        bytes += usage.bytes
        if !dryRun { try fileSystem.removeItem(path) }
    }

    /// `21 files, 8.4MiB total`, `1 file, 12B total`.
    public var summary: String {
        "\(files) file\(files == 1 ? "" : "s"), \(Self.size(bytes)) total"
    }

    /// Bytes in binary units with one decimal past a KiB, as Cargo writes them: `12B`, `8.4MiB`.
    public static func size(_ bytes: Int) -> String {
        var value = Double(bytes)
        var unit = 0
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes)B" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)\(units[unit])"
    }
}

extension OutputRemoval {
    /// Why `ampu clean` must not remove a target directory (or a part of it), or nil: the path
    /// comes from the command line, the environment or the manifest, and a slip there
    /// (`--target-dir .`, `AMPU_TARGET_DIR=$HOME`, a file's name) must not take sources or a
    /// home directory with it.
    /// (`members`: the directories of the workspace's packages.)
    public static func refusal(target: String, workspace: String, members: [String] = [], home: String?, fileSystem: any FileSystem) -> (message: String, help: String)? {
        let help = "point --target-dir, AMPU_TARGET_DIR or the manifest's output directory at a directory of build output"
        if Paths.isWithin(workspace, target) {
            return ("refusing to remove '\(target)': it holds the workspace itself ('\(workspace)'), whose sources would go with it", help)
        }
        if let member = members.first(where: { Paths.isWithin($0, target) }) {
            return ("refusing to remove '\(target)': it holds the package in '\(member)', whose sources would go with it", help)
        }
        if let home, !home.isEmpty, Paths.isWithin(home, target) {
            return ("refusing to remove '\(target)': it holds the home directory ('\(home)')", help)
        }
        // A link to a directory is one (clean removes the link, not what it points to).
        if let status = fileSystem.status(target), status.kind != .directory {
            return ("refusing to remove '\(target)': it is not a directory, and a target directory is one", help)
        }
        return nil
    }
}
