/// What `compile_commands.json` at the workspace root was last written from, kept in
/// `target/cache/compile-commands`: the digest of its commands, the digest of the plan they
/// came from, and the file's size and time as written. While the file is as written, a build of
/// the same plan (kept or made again) need not make the database again to know it is current;
/// a build of another plan (another profile) writes it.
struct CompileCommandsRecord {
    let record: String
    let database: String
    let fileSystem: any FileSystem

    init(root: String, targetDirectory: String, fileSystem: any FileSystem) {
        record = Paths.join(targetDirectory, "cache", "compile-commands")
        database = Paths.join(root, "compile_commands.json")
        self.fileSystem = fileSystem
    }

    private struct Fields: Equatable {
        var commands: String
        var plan: String
        var size: Int
        var time: Int64
    }

    /// The record, when the file is still as it was written; nil otherwise.
    private func current() -> Fields? {
        guard let status = fileSystem.status(database), let bytes = try? fileSystem.readFile(record) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // One line of fields, then `end`: a record a crash cut short is not taken.
        guard lines.count == 3, lines[1] == "end", lines[2].isEmpty else { return nil }
        let f = lines[0].split(separator: " ")
        guard f.count == 4, let size = Int(f[2]), let time = Int64(f[3]), size == status.size, time == status.modificationTime else { return nil }
        return Fields(commands: String(f[0]), plan: String(f[1]), size: size, time: time)
    }

    /// Whether the file holds the commands of the plan with this digest.
    func holds(plan: String) -> Bool { current()?.plan == plan }

    /// Whether the file holds commands with this digest.
    func holds(commands: String) -> Bool { current()?.commands == commands }

    /// Notes the file as it is now, written from `commands` of the plan `plan` (`-` for a plan
    /// that is not kept).
    func write(commands: String, plan: String?) {
        guard let status = fileSystem.status(database) else { return }
        try? fileSystem.createDirectory(Paths.parent(record))
        try? fileSystem.writeRecord(record, Array("\(commands) \(plan ?? "-") \(status.size) \(status.modificationTime)\nend\n".utf8))
    }
}
