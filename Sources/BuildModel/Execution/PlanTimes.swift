/// The new times of the kept plan's files that changed since the plan was written while what
/// the plan depends on in them did not (an edited module with the same imports, a directory
/// saved through a temporary file), kept beside the plan in `plan-<profile>.times`. A build
/// after an edit writes this small file instead of the whole plan again (megabytes for 10,000
/// modules). It names the size and time of the plan file it amends, so a plan written afresh
/// never reads an older one's; when it grows past a share of the plan's lines, the plan is
/// written again with the times in it and this file goes.
struct PlanTimes {
    static let header = "ampu-plan-times 1"

    /// The lines, as the plan's own (`m\tSIZE\tTIME\tDIGEST\tPATH`, `d\tDIGEST\tTIME\tPATH`), by path.
    var lines: [String: String] = [:]

    static func file(amending plan: String) -> String { plan + ".times" }

    /// What `file` holds for the plan file with status `plan`: nothing when it is absent, torn,
    /// or written for another plan file.
    static func read(_ file: String, plan: FileStatus?, fileSystem: any FileSystem) -> PlanTimes {
        guard let plan, let bytes = try? fileSystem.readFile(file), bytes.count > 4, bytes.suffix(5).elementsEqual("\nend\n".utf8) else { return PlanTimes() }
        var lines = ByteFields.lines(bytes[..<(bytes.count - 4)])[...]
        guard let first = lines.popFirst(), ByteFields.equals(first, header),
              let amends = lines.popFirst(), ByteFields.equals(amends, amendsLine(plan)) else { return PlanTimes() }
        var out = PlanTimes()
        for line in lines {
            let fields = ByteFields.fields(line, count: line.first == UInt8(ascii: "m") ? 5 : 4)
            guard let path = fields.last, fields.count >= 4 else { return PlanTimes() }
            out.lines[ByteFields.string(path)] = ByteFields.string(line)
        }
        return out
    }

    /// The size and time this file recorded for `path`, when it holds a line for it.
    func recorded(_ path: String) -> (size: Int64?, time: Int64)? {
        guard let line = lines[path] else { return nil }
        let fields = ByteFields.fields(Array(line.utf8)[...], count: line.first == "m" ? 5 : 4)
        guard fields.count >= 4, let time = ByteFields.integer(fields[2]) else { return nil }
        return (line.first == "m" ? ByteFields.integer(fields[1]) : nil, time)
    }

    func text(plan: FileStatus) -> [UInt8] {
        var out = Self.header + "\n" + Self.amendsLine(plan) + "\n"
        for path in lines.keys.sorted() { out += lines[path]! + "\n" }
        return Array((out + "end\n").utf8)
    }

    private static func amendsLine(_ plan: FileStatus) -> String { "plan\t\(plan.size)\t\(plan.modificationTime)" }
}
