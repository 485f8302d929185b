/// What an action was run on, kept in `target/cache/fingerprints/log` once it succeeded: a key
/// over its command line, environment and the identity of the programs it ran, and the size,
/// modification time and content hash (XXH64) of every file it read (its declared inputs and the headers its
/// dependency file named) and the size and time of every file it wrote. The action is up to
/// date while the key is the same, every input has the same size and time or, failing that,
/// the same content, and every output is as it was left. What the action's program wrote on its
/// standard error (a compiler's warnings) is kept with it, to be shown again by each build that
/// finds the action up to date, as Cargo shows a fresh crate's warnings again. How long its
/// program ran is kept too: the next build starts the actions on its longest path first by it.
public struct Fingerprint: Hashable, Sendable {
    public struct Input: Hashable, Sendable {
        public var path: String
        public var size: Int
        public var modificationTime: Int64
        public var digest: String
    }

    public struct Output: Hashable, Sendable {
        public var path: String
        public var size: Int
        public var modificationTime: Int64
    }

    public var key: String
    public var inputs: [Input]
    public var outputs: [Output]
    /// What the run it records wrote on its standard error; empty when it wrote nothing there.
    public var said = ""
    /// How long that run's program ran, in microseconds (nil when it is not known: a
    /// fingerprint written by an older ampu).
    public var runTime: Int?

    static let header = "ampu-fingerprint 2"

    /// The text kept on disk: a line per fact, tab-separated (paths may hold spaces), and `end`.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text's bytes, written straight (a build writes one for each action it runs).
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + inputs.reduce(0) { $0 + $1.path.utf8.count + $1.digest.utf8.count + 32 } + outputs.count * 128)
        out += Self.header.utf8
        out += "\nkey\t".utf8
        out += key.utf8
        out.append(0x0A)
        // Second, where the next build's schedule finds it without reading the rest.
        if let runTime {
            out += "time\t".utf8
            ByteFields.appendDecimal(Int64(runTime), to: &out)
            out.append(0x0A)
        }
        // `in` SIZE TIME DIGEST PATH, or `out` SIZE TIME PATH.
        func line(_ tag: String, _ size: Int, _ time: Int64, _ digest: String?, _ path: String) {
            out += tag.utf8
            for number in [Int64(size), time] {
                out.append(0x09)
                ByteFields.appendDecimal(number, to: &out)
            }
            if let digest {
                out.append(0x09)
                out += digest.utf8
            }
            out.append(0x09)
            out += path.utf8
            out.append(0x0A)
        }
        for i in inputs { line("in", i.size, i.modificationTime, i.digest, i.path) }
        for o in outputs { line("out", o.size, o.modificationTime, nil, o.path) }
        // Last: `said` LENGTH, then that many bytes of any kind and a line break. (An older
        // ampu reads no fingerprint with such a line: it runs the action again.)
        if !said.isEmpty {
            out += "said\t".utf8
            ByteFields.appendDecimal(Int64(said.utf8.count), to: &out)
            out.append(0x0A)
            out += said.utf8
            out.append(0x0A)
        }
        out += "end\n".utf8
        return out
    }

    /// Reads the text back; nil when it is not a fingerprint (an older format, a torn file).
    public init?(text: String) { self.init(bytes: Array(text.utf8)[...]) }

    public init?(bytes: [UInt8]) { self.init(bytes: bytes[...]) }

    public init?(bytes: ArraySlice<UInt8>) {
        // The last line says the record is whole.
        guard bytes.count > 4, bytes.suffix(5).elementsEqual("\nend\n".utf8) else { return nil }
        var lines = ByteFields.lines(bytes.dropLast(4))[...]
        guard let first = lines.popFirst(), ByteFields.equals(first, Self.header),
              let keyLine = lines.popFirst(), keyLine.starts(with: "key\t".utf8) else { return nil }
        key = ByteFields.string(keyLine.dropFirst(4))
        if let line = lines.first, line.starts(with: "time\t".utf8) {
            guard let time = Self.time(line) else { return nil }
            runTime = time
            lines = lines.dropFirst()
        }
        inputs = []
        outputs = []
        inputs.reserveCapacity(lines.count)
        for line in lines {
            if line.starts(with: "in\t".utf8) {
                let f = ByteFields.fields(line, count: 5)
                guard f.count == 5, let size = ByteFields.integer(f[1]), let time = ByteFields.integer(f[2]) else { return nil }
                inputs.append(Input(path: ByteFields.string(f[4]), size: Int(size), modificationTime: time, digest: ByteFields.string(f[3])))
            } else if line.starts(with: "out\t".utf8) {
                let f = ByteFields.fields(line, count: 4)
                guard f.count == 4, let size = ByteFields.integer(f[1]), let time = ByteFields.integer(f[2]) else { return nil }
                outputs.append(Output(path: ByteFields.string(f[3]), size: Int(size), modificationTime: time))
            } else if line.starts(with: "said\t".utf8) {
                // The text runs from the next line to the line break before `end`, exactly.
                let start = line.endIndex + 1
                guard let length = ByteFields.integer(line.dropFirst(5)), length > 0, length == Int64(bytes.endIndex - 5 - start) else { return nil }
                said = ByteFields.string(bytes[start..<(bytes.endIndex - 5)])
                break
            } else {
                return nil
            }
        }
    }

    public init(key: String, inputs: [Input], outputs: [Output], said: String = "", runTime: Int? = nil) {
        self.key = key
        self.inputs = inputs
        self.outputs = outputs
        self.said = said
        self.runTime = runTime
    }

    /// The run time a fingerprint's bytes hold, read from its first lines only.
    static func runTime(in bytes: ArraySlice<UInt8>) -> Int? {
        var at = bytes.startIndex
        for _ in 0..<2 {
            guard let end = bytes[at...].firstIndex(of: 0x0A) else { return nil }
            at = end + 1
        }
        guard let end = bytes[at...].firstIndex(of: 0x0A) else { return nil }
        return time(bytes[at..<end])
    }

    /// The microseconds of a `time` line; nil when it is not one, or its number does not read.
    static func time(_ line: ArraySlice<UInt8>) -> Int? {
        guard line.starts(with: "time\t".utf8), let time = ByteFields.integer(line.dropFirst(5)), time >= 0 else { return nil }
        return Int(time)
    }
}

/// The fingerprints of one target directory, and the decision whether an action must run.
public struct FingerprintStore: Sendable {
    public let log: FingerprintLog
    /// Statuses taken once per build (the plan's check took most of them already).
    public let stats: StatCache
    public var fileSystem: any FileSystem { stats.fileSystem }

    public init(targetDirectory: String, stats: StatCache) {
        log = FingerprintLog(directory: Paths.join(targetDirectory, "cache", "fingerprints"), fileSystem: stats.fileSystem)
        self.stats = stats
    }

    public init(targetDirectory: String, fileSystem: any FileSystem) {
        self.init(targetDirectory: targetDirectory, stats: StatCache(fileSystem: fileSystem))
    }

    /// Why an action must run, or nil when it is up to date.
    public enum Staleness: Hashable, Sendable, CustomStringConvertible {
        case neverBuilt
        /// It has no inputs and no outputs: nothing could say it is up to date.
        case alwaysRuns
        case commandChanged
        case inputChanged(String)
        case inputMissing(String)
        case outputChanged(String)

        /// As a user reads it, paths relative to the plan's root.
        public func display(_ plan: BuildPlan) -> String {
            switch self {
            case .neverBuilt, .alwaysRuns, .commandChanged: description
            case .inputChanged(let path): "'\(plan.display(path))' changed"
            case .inputMissing(let path): "'\(plan.display(path))' is gone"
            case .outputChanged(let path): "'\(plan.display(path))' was changed or removed"
            }
        }

        public var description: String {
            switch self {
            case .neverBuilt: "not built before"
            case .alwaysRuns: "it reads and writes no file, so it always runs"
            case .commandChanged: "its command line or compiler changed"
            case .inputChanged(let path): "'\(path)' changed"
            case .inputMissing(let path): "'\(path)' is gone"
            case .outputChanged(let path): "'\(path)' was changed or removed"
            }
        }
    }

    /// The name of an action's fingerprint: a hash of what the action writes, which stays the
    /// same when its command line changes; an action that writes nothing (a `pre_build`
    /// command) by its command line and directory.
    public static func id(of action: BuildAction) -> String {
        var hash = SHA256()
        for output in action.outputs.sorted() { hash.update(Array(output.utf8) + [0]) }
        if action.outputs.isEmpty {
            for part in ["\u{0}command", action.description, action.directory] + action.commandLine { hash.update(Array(part.utf8) + [0]) }
        }
        return String(SHA256.hex(digest: hash.finish()).prefix(32))
    }

    /// The fingerprint the action's last successful run left, if it stands.
    public func recorded(_ action: BuildAction, id: String? = nil) -> Fingerprint? { log.fingerprint(id ?? Self.id(of: action)) }

    /// The key of an action: its command line, directory, environment and the programs it runs
    /// (128 bits of XXH64: it tells command lines apart, as Ninja's 64-bit hash of each
    /// command does, and costs a build of thousands of actions nothing it would notice).
    public static func key(of action: BuildAction, programs: [String]) -> String {
        key(of: action, commandLine: action.commandLine, programs: programs)
    }

    /// The key, for the caller that has the action's command line at hand.
    static func key(of action: BuildAction, commandLine: [String], programs: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(commandLine.reduce(256) { $0 + $1.utf8.count + 1 })
        func add(_ part: String) {
            bytes += part.utf8
            bytes.append(0)
        }
        for part in commandLine { add(part) }
        add("\u{0}dir")
        add(action.directory)
        add("\u{0}env")
        for (name, value) in action.environment.sorted(by: { $0.key < $1.key }) { add("\(name)=\(value)") }
        for program in programs { add(program) }
        return ContentHash.wideHex(bytes)
    }

    /// Whether `action` must run, given its key now. A touched input whose content is the same
    /// does not make it stale; the fingerprint is then written again with the new times
    /// (`refreshed`), so the next check takes the fast path.
    /// (`id`: the action's, when the caller has it already.) `said`: what its last run wrote on
    /// its standard error, when it is up to date.
    public func staleness(of action: BuildAction, id: String? = nil, key: String) -> (staleness: Staleness?, refreshed: Fingerprint?, said: String) {
        let (staleness, refreshed, recorded) = check(action, id: id, key: key)
        return (staleness, refreshed, staleness == nil ? recorded?.said ?? "" : "")
    }

    private func check(_ action: BuildAction, id: String?, key: String) -> (Staleness?, Fingerprint?, Fingerprint?) {
        if action.inputs.isEmpty && action.outputs.isEmpty { return (.alwaysRuns, nil, nil) }
        guard let recorded = recorded(action, id: id) else { return (.neverBuilt, nil, nil) }
        guard recorded.key == key else {
            // It runs again with inputs that may not have changed (a new compiler, new flags):
            // the digests recorded for those still at their size and time are kept for the new
            // fingerprint, which then reads no input again.
            for input in recorded.inputs {
                if let status = stats.status(input.path), status.size == input.size, status.modificationTime == input.modificationTime {
                    stats.remember(input.path, status: status, digest: input.digest)
                }
            }
            return (.commandChanged, nil, nil)
        }
        let recordedPaths = Set(recorded.inputs.map(\.path))
        if let missing = action.inputs.first(where: { !recordedPaths.contains($0) }) { return (.inputChanged(missing), nil, nil) }
        for output in recorded.outputs {
            guard let status = stats.status(output.path), status.size == output.size, status.modificationTime == output.modificationTime else {
                return (.outputChanged(output.path), nil, nil)
            }
        }
        if Set(recorded.outputs.map(\.path)) != Set(action.outputs) { return (.commandChanged, nil, nil) }
        var refreshed = recorded
        var touched = false
        var stale: Staleness?
        for (i, input) in recorded.inputs.enumerated() {
            guard let status = stats.status(input.path) else {
                stale = stale ?? .inputMissing(input.path)
                continue
            }
            if status.size == input.size && status.modificationTime == input.modificationTime {
                // Known now: when the action runs again, its new fingerprint need not read it.
                stats.remember(input.path, status: status, digest: input.digest)
                continue
            }
            if stale != nil { continue }
            guard status.size == input.size, let digest = digest(of: input.path, status: status), digest == input.digest else {
                stale = .inputChanged(input.path)
                continue
            }
            refreshed.inputs[i].modificationTime = status.modificationTime
            touched = true
        }
        if let stale { return (stale, nil, nil) }
        return (nil, touched ? refreshed : nil, recorded)
    }

    /// The fingerprint of an action that has just succeeded: its declared inputs and
    /// `discovered` ones (from its dependency file), hashed now; `said`, what it wrote on its
    /// standard error.
    public func fingerprint(of action: BuildAction, key: String, discovered: [String], said: String = "", runTime: Int? = nil) -> Fingerprint {
        var seen = Set<String>(minimumCapacity: action.inputs.count + discovered.count)
        let paths = (action.inputs + discovered).filter { seen.insert($0).inserted }
        var inputs: [Fingerprint.Input] = []
        inputs.reserveCapacity(paths.count)
        for (path, known) in zip(paths, stats.statusesAndDigests(paths)) {
            guard let status = known.status, let digest = known.digest ?? digest(of: path, status: status) else { continue }
            inputs.append(Fingerprint.Input(path: path, size: status.size, modificationTime: status.modificationTime, digest: digest))
        }
        let outputs = action.outputs.compactMap { path in
            fileSystem.status(path).map { Fingerprint.Output(path: path, size: $0.size, modificationTime: $0.modificationTime) }
        }
        return Fingerprint(key: key, inputs: inputs, outputs: outputs, said: said, runTime: runTime)
    }

    public func write(_ fingerprint: Fingerprint, for action: BuildAction, id: String? = nil) throws(FileSystemError) {
        try log.append(id ?? Self.id(of: action), fingerprint)
    }

    /// Writes fingerprints, each under its action's id, in one append to the log.
    public func write(_ prints: [(id: String, fingerprint: Fingerprint)]) throws(FileSystemError) {
        try log.append(prints)
    }

    /// Forgets an action's fingerprint (before it runs: a run that fails must not leave the old one).
    public func remove(for action: BuildAction, id: String? = nil) {
        try? log.forget(id ?? Self.id(of: action))
    }

    /// A file's content hash: known already for its size and time, or read now (and remembered).
    /// A directory's is the hash of its entries' names: a file added or removed there changes
    /// it (a build script's glob, `ctx.declare_dependency("schema/*.json")`).
    func digest(of path: String, status: FileStatus) -> String? {
        if let known = stats.knownDigest(path, status: status) { return known }
        if status.kind == .directory {
            guard let names = try? fileSystem.contentsOfDirectory(path) else { return nil }
            return ContentHash.hex(Array(names.sorted().joined(separator: "\n").utf8))
        }
        guard let bytes = try? fileSystem.readFile(path) else { return nil }
        let digest = ContentHash.hex(bytes)
        stats.remember(path, status: status, digest: digest)
        return digest
    }
}
