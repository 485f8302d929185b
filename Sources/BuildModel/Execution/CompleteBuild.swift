/// What the last build of a profile left when every action of its plan succeeded (or of the
/// part of it it was about, `BuildPart`, named on a `part` line): the kept plan's digest, the
/// programs it ran, every output, and every file the actions read that no
/// action writes and the kept plan does not watch already (C files, the headers a dependency
/// file named), each with its size and time. While all of them stand and no file the plan was made from changed,
/// a build has nothing to do, and says so without reading a fingerprint: it stats what Ninja
/// would stat. It names the actions whose fingerprints keep what their programs wrote on
/// standard error (`said`), for such a build to show that again (and which of them only the
/// test programs need: a build without tests does not). Any build that runs an action
/// removes it first and writes it again only when it succeeds.
public struct CompleteBuild: Sendable {
    public let file: String
    public let stats: StatCache

    static let header = "ampu-complete 2"

    /// The `part` line of a record of a part of the plan; none for the whole plan.
    static func partLine(_ part: BuildPart?) -> String { part?.key.map { "part\t\($0)\n" } ?? "" }

    /// Whether a record is of a part of the plan (it has a `part` line), not of all of it.
    static func isOfPart(_ record: [UInt8]) -> Bool { ByteFields.find(Array("\npart\t".utf8), in: record) != nil }

    public init(targetDirectory: String, profile: String, stats: StatCache) {
        file = Paths.join(targetDirectory, "cache", "complete-" + profile)
        self.stats = stats
    }

    public func forget() { try? stats.fileSystem.removeItem(file) }

    /// After a build in which every action of `plan` succeeded or was up to date.
    /// - Parameters:
    ///   - watched: whether the kept plan's check looks at a file already (one of its
    ///     modules): those are left out. A source it does not scan (a file of a path dependency
    ///     no module imports, a generated one) is an input the record looks at itself.
    ///   - said: the actions whose fingerprints keep what they wrote on standard error.
    ///   - part: the part of the kept plan `plan` is, when it is not all of it.
    public func save(_ plan: BuildPlan, planDigest: String, fingerprints: FingerprintStore, environment: [String: String], watched: (String) -> Bool,
                     said: Set<Int> = [], part: BuildPart? = nil) {
        var text = Self.header + "\nplan\t\(planDigest)\n" + Self.partLine(part)
        var programs: [String] = []
        for action in plan.actions { for p in action.launcher + [action.arguments[0]] where !programs.contains(p) { programs.append(p) } }
        for program in programs {
            text += "tool\t\(BuildExecutor.identity(of: program, environment: environment, stats: stats))\t\(program)\n"
        }
        let written = Set(plan.actions.flatMap(\.outputs))
        var read = Set<String>()
        for action in plan.actions {
            guard let lines = files(of: action, written: written, fingerprints: fingerprints, watched: watched, read: &read) else { return }
            text += lines
        }
        let forTests = Self.onlyForTests(said, in: plan)
        for action in plan.actions where said.contains(action.id) { text += Self.saidLine(action, forTests: forTests.contains(action.id)) }
        write(text)
    }

    /// Those of `actions` (ids in `plan`) only its test programs need: what a build without
    /// tests leaves out (`BuildPlan.withoutTests`). Reckoned only when there are some, as a
    /// build whose compilers said nothing has none to tell apart.
    static func onlyForTests(_ actions: Set<Int>, in plan: BuildPlan) -> Set<Int> {
        guard !actions.isEmpty, let built = plan.withoutTests() else { return [] }
        let kept = Set(built.actions.map { FingerprintStore.id(of: $0) })
        return actions.filter { !kept.contains(FingerprintStore.id(of: plan.actions[$0])) }
    }

    /// What a `said` line says: the id of the action whose fingerprint keeps what it wrote on
    /// standard error, the directory it ran in (what paths in that text are relative to), and
    /// whether only the test programs need it.
    struct Said: Equatable {
        var id: String
        var directory: String
        var forTests: Bool
    }

    /// `said` ID FOR DIRECTORY, FOR being `tests` for an action only the test programs need
    /// and `all` for the others.
    static func saidLine(_ action: BuildAction, forTests: Bool) -> String {
        "said\t\(FingerprintStore.id(of: action))\t\(forTests ? "tests" : "all")\t\(action.directory)\n"
    }

    /// A `said` line read; nil when it is not one.
    static func said(line: ArraySlice<UInt8>) -> Said? {
        guard line.starts(with: "said\t".utf8) else { return nil }
        let f = ByteFields.fields(line, count: 4)
        guard f.count == 4, ByteFields.equals(f[2], "tests") || ByteFields.equals(f[2], "all") else { return nil }
        return Said(id: ByteFields.string(f[1]), directory: ByteFields.string(f[3]), forTests: ByteFields.equals(f[2], "tests"))
    }

    /// The `said` lines of a record.
    static func said(in record: [UInt8]) -> [Said] {
        ByteFields.lines(record[...]).compactMap { said(line: $0) }
    }

    /// How many actions a record names as having said something, and how many of those only
    /// the test programs need (for `ampu debug build-records`).
    public static func summary(_ record: [UInt8]) -> (said: Int, forTests: Int) {
        let said = said(in: record)
        return (said.count, said.filter(\.forTests).count)
    }

    /// After a build that ran only `actions` (those the changed files reach) on a complete
    /// build whose record was `previous`: the record again, with what those actions wrote and
    /// read as it is now, whether they said anything (`said`, action ids; `forTests`, those of
    /// them only the test programs need: `onlyForTests`), and every other line
    /// as it was, but that it is now of the part this build was about (`part`; a record of the
    /// whole plan becomes one of the part, which is all this build brought up to date).
    public func save(updating previous: [UInt8], ran actions: [BuildAction], fingerprints: FingerprintStore, watched: (String) -> Bool,
                     said: Set<Int> = [], forTests: Set<Int> = [], part: BuildPart? = nil) {
        guard previous.count > 4 else { return }
        // Each line, with the file it names when it is an `out` or `in` line.
        let lines = ByteFields.lines(previous[..<(previous.count - 4)]).map { line -> (bytes: ArraySlice<UInt8>, file: String?) in
            guard line.first == UInt8(ascii: "o") || line.first == UInt8(ascii: "i") else { return (line, nil) }
            let f = ByteFields.fields(line, count: 4)
            return (line, f.count == 4 ? ByteFields.string(f[3]) : nil)
        }
        var written = Set(actions.flatMap(\.outputs))
        for line in lines where line.bytes.first == UInt8(ascii: "o") { if let file = line.file { written.insert(file) } }
        var read = Set<String>()
        var fresh = Self.partLine(part)
        for action in actions {
            guard let lines = files(of: action, written: written, fingerprints: fingerprints, watched: watched, read: &read) else { return }
            fresh += lines
        }
        for action in actions where said.contains(action.id) { fresh += Self.saidLine(action, forTests: forTests.contains(action.id)) }
        let refreshed = read.union(actions.flatMap(\.outputs))
        let ranIDs = Set(actions.map { FingerprintStore.id(of: $0) })
        var out: [UInt8] = []
        out.reserveCapacity(previous.count + fresh.utf8.count)
        for line in lines {
            if let file = line.file, refreshed.contains(file) { continue }
            if line.bytes.starts(with: "part\t".utf8) { continue }
            if let said = Self.said(line: line.bytes), ranIDs.contains(said.id) { continue }
            out += line.bytes
            out.append(0x0A)
        }
        write(String(decoding: out, as: UTF8.self) + fresh)
    }

    /// An action's lines: each output, and each file it read that no action writes and the
    /// kept plan does not watch (and `read` does not hold yet), with its size and time now; nil
    /// when one cannot be had (the record is then not written).
    private func files(of action: BuildAction, written: Set<String>, fingerprints: FingerprintStore, watched: (String) -> Bool,
                       read: inout Set<String>) -> String? {
        let fs = stats.fileSystem
        var text = ""
        stats.forget(action.outputs)
        for output in action.outputs {
            guard let s = fs.status(output) else { return nil }
            text += "out\t\(s.size)\t\(s.modificationTime)\t\(output)\n"
        }
        var inputs = action.inputs
        // Headers only a dependency file named are in the action's fingerprint alone.
        if action.depfile != nil {
            guard let recorded = fingerprints.recorded(action) else { return nil }
            inputs += recorded.inputs.map(\.path)
        }
        for input in inputs where !written.contains(input) && !watched(input) && read.insert(input).inserted {
            // The statuses the build took: an input it found changed was run on and recorded.
            guard let s = stats.status(input) else { return nil }
            text += "in\t\(s.size)\t\(s.modificationTime)\t\(input)\n"
        }
        return text
    }

    private func write(_ text: String) {
        try? stats.fileSystem.createDirectory(Paths.parent(file))
        try? stats.fileSystem.writeRecord(file, Array((text + "end\n").utf8))
    }

    /// The record, when the last build left everything as it is now but for the files in
    /// `except` (for `save(updating:…)` to start from), and built all of `part` (nil: the whole
    /// plan): a record of the whole plan stands for any part, one of a part for that part (and,
    /// when it had the tests, for the same packages without them) alone (`isOfPart` tells which
    /// stood).
    public func standing(planDigest: String, environment: [String: String], except: Set<String> = [], part: BuildPart? = nil) -> [UInt8]? {
        guard let bytes = try? stats.fileSystem.readFile(file), bytes.count > 4, bytes.suffix(5).elementsEqual("\nend\n".utf8) else { return nil }
        var lines = ByteFields.lines(bytes[..<(bytes.count - 4)])[...]
        guard let first = lines.popFirst(), ByteFields.equals(first, Self.header) else { return nil }
        let entries = Array(lines)
        let files = entries.filter { $0.first == UInt8(ascii: "o") || $0.first == UInt8(ascii: "i") }.map { ByteFields.fields($0, count: 4) }
        guard files.allSatisfy({ $0.count == 4 }) else { return nil }
        // Every output and input statted on every core, straight from the bytes.
        let current = PlanCache.statuses(files.map { $0[3] }, fileSystem: stats.fileSystem)
        for (f, s) in zip(files, current) {
            guard let s else { return nil }
            if ByteFields.integer(f[1]) == Int64(s.size) && ByteFields.integer(f[2]) == s.modificationTime { continue }
            if f[0].first == UInt8(ascii: "i") && except.contains(ByteFields.string(f[3])) { continue }
            return nil
        }
        for line in entries where line.first != UInt8(ascii: "o") && line.first != UInt8(ascii: "i") {
            switch line.first {
            case UInt8(ascii: "p") where line.starts(with: "part\t".utf8):
                // A build of some packages with their tests stands for one without them too.
                let recorded = line.dropFirst(5)
                guard let part, let key = part.key,
                      ByteFields.equals(recorded, key) || (!part.tests && BuildPart(packages: part.packages, tests: true).key.map { ByteFields.equals(recorded, $0) } == true)
                else { return nil }
            case UInt8(ascii: "p"):
                let f = ByteFields.fields(line, count: 2)
                guard f.count == 2, ByteFields.equals(f[1], planDigest) else { return nil }
            case UInt8(ascii: "t"):
                let parts = ByteFields.fields(line, count: 3)
                guard parts.count == 3,
                      ByteFields.equals(parts[1], BuildExecutor.identity(of: ByteFields.string(parts[2]), environment: environment, stats: stats)) else { return nil }
            case UInt8(ascii: "s"):
                guard Self.said(line: line) != nil else { return nil }
            default:
                return nil
            }
        }
        return bytes
    }
}
