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

    /// What the file was written from, while it is still as it was written; nil otherwise.
    func current() -> (commands: String, plan: String)? {
        guard let status = fileSystem.status(database), let bytes = try? fileSystem.readFile(record) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // One line of fields, then `end`: a record a crash cut short is not taken.
        guard lines.count == 3, lines[1] == "end", lines[2].isEmpty else { return nil }
        let f = lines[0].split(separator: " ")
        guard f.count == 4, Int(f[2]) == status.size, Int64(f[3]) == status.modificationTime else { return nil }
        return (String(f[0]), String(f[1]))
    }

    /// Notes the file as it is now, written from `commands` of the plan `plan` (`-` for a plan
    /// that is not kept).
    func write(commands: String, plan: String?) {
        guard let status = fileSystem.status(database) else { return }
        try? fileSystem.createDirectory(Paths.parent(record))
        try? fileSystem.writeRecord(record, Array("\(commands) \(plan ?? "-") \(status.size) \(status.modificationTime)\nend\n".utf8))
    }
}
