/// How long each test program ran the last time `ampu test` ran it, kept in
/// `target/cache/test-times`, so that the next run starts the longest first: with more test
/// programs than slots, a long one started last would run alone at the end, as a slow compile
/// would in a build (`BuildExecutor.costs`). The file is
///
///     ampu-test-times 1
///     <microseconds>\t<the program's absolute path>      one line a program
///     end
///
/// A file that is not whole (no `end`), of another format, or with a line that does not read is
/// taken as knowing nothing: the tests then start in their own order, as in a first run.
public struct TestTimes: Equatable, Sendable {
    /// Microseconds by the program's path.
    public var times: [String: Int]

    static let header = "ampu-test-times 1"

    public init(times: [String: Int] = [:]) { self.times = times }

    /// The record's file in a target directory.
    public static func path(in targetDirectory: String) -> String { Paths.join(targetDirectory, "cache", "test-times") }

    public init(bytes: [UInt8]) {
        self.init()
        var lines = ByteFields.lines(bytes[...])[...]
        guard let first = lines.popFirst(), ByteFields.equals(first, Self.header), let last = lines.popLast(), ByteFields.equals(last, "end"),
              bytes.last == 0x0A else { return }
        var times: [String: Int] = [:]
        for line in lines {
            let fields = ByteFields.fields(line, count: 2)
            guard fields.count == 2, let time = ByteFields.integer(fields[0]), time >= 0, !fields[1].isEmpty else { return }
            times[ByteFields.string(fields[1])] = Int(time)
        }
        self.times = times
    }

    public var bytes: [UInt8] {
        var out = Array((Self.header + "\n").utf8)
        for (path, time) in times.sorted(by: { $0.key < $1.key }) {
            ByteFields.appendDecimal(Int64(time), to: &out)
            out.append(0x09)
            out += path.utf8
            out.append(0x0A)
        }
        out += "end\n".utf8
        return out
    }

    /// What the target directory's record holds (nothing, when there is none or it does not read).
    public static func read(targetDirectory: String, fileSystem: any FileSystem) -> TestTimes {
        guard let bytes = try? fileSystem.readFile(path(in: targetDirectory)) else { return TestTimes() }
        return TestTimes(bytes: bytes)
    }

    /// Records how long these programs ran (microseconds, nil for one that did not run), keeping
    /// what is known of the others that are still `known` (every test program the plan makes,
    /// when it is given: a removed or renamed test's time goes); a program whose path cannot
    /// stand on a line of the record (a tab or a line break in it) is left out.
    public mutating func update(_ programs: [String], ran durations: [Int?], known: Set<String>? = nil) {
        if let known { times = times.filter { known.contains($0.key) } }
        for (program, duration) in zip(programs, durations) {
            guard let duration, !program.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { continue }
            times[program] = max(0, duration)
        }
    }

    /// Writes the record, atomically: a reader finds the old one or the new one whole.
    public func write(targetDirectory: String, fileSystem: any FileSystem) throws(FileSystemError) {
        try fileSystem.createDirectory(Paths.join(targetDirectory, "cache"))
        try fileSystem.writeRecord(Self.path(in: targetDirectory), bytes)
    }

    /// The order to start the programs in: the one that ran longest last time first; one not
    /// run before as the median of those known; ties in their own order. Nothing known: their
    /// own order.
    public func order(_ programs: [String]) -> [Int] {
        guard let costs = RunTimeEstimates.filled(programs.map { times[$0] }) else { return Array(programs.indices) }
        return programs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    }
}
