import Synchronization

/// Every fingerprint of one target directory in one file, `target/cache/fingerprints/log`, that
/// a build only appends to, as Ninja keeps `.ninja_log`: a build that runs a thousand actions
/// creates no file per action. After its first line, the file is a sequence of entries:
///
///     + <id> <length>        then the fingerprint's text, <length> bytes, ending in `end`
///     - <id>                 the action's fingerprint is gone (it is about to run again)
///
/// (fields tab-separated). The last entry for an id is the one that counts. An entry cut short
/// (a crash in the middle of a write) ends what is read: what follows is not taken, so an action
/// is at worst run again, never taken as up to date on a torn record. The file is written anew,
/// atomically and with only the living entries, before the first append after it was found torn,
/// of another format, or mostly dead (more than three entries for each living one, and more than
/// 100: a build that runs everything again leaves two per action).
///
/// A build reads the file once, the first time it asks for a fingerprint, and keeps it in memory;
/// a build that has nothing to do (`CompleteBuild`) never reads it.
public final class FingerprintLog: Sendable {
    public let path: String
    let fileSystem: any FileSystem
    private let state = Mutex<State?>(nil)

    static let header = "ampu-fingerprints 1\n"

    /// The file as it was read, and what this process has appended to it since.
    struct State {
        /// The file's bytes when it was read; never changed afterwards, so never copied.
        var base: [UInt8]
        /// Where each fingerprint that stood when the file was read is in `base`.
        var index: [String: Range<Int>]
        /// What was appended since, by id: the fingerprint, or nil when it was forgotten.
        var recent: [String: Fingerprint?] = [:]
        /// An entry was cut short: it and what follows it are not taken.
        var torn = false
        /// The file must be written anew before anything is appended to it.
        var rewrite: Bool

        func fingerprint(_ id: String) -> Fingerprint? {
            if let appended = recent[id] { return appended }
            return index[id].flatMap { Fingerprint(bytes: base[$0]) }
        }

        func runTime(_ id: String) -> Int? {
            if let appended = recent[id] { return appended?.runTime }
            return index[id].flatMap { Fingerprint.runTime(in: base[$0]) }
        }

        func stands(_ id: String) -> Bool {
            if let appended = recent[id] { return appended != nil }
            return index[id] != nil
        }
    }

    public init(directory: String, fileSystem: any FileSystem) {
        path = Paths.join(directory, "log")
        self.fileSystem = fileSystem
    }

    /// The fingerprint of `id` that stands, if there is one.
    public func fingerprint(_ id: String) -> Fingerprint? {
        withState { $0.fingerprint(id) }
    }

    /// How long each action's program ran when its fingerprint was written, in microseconds
    /// (nil where none stands or it does not say), read from each fingerprint's first lines.
    public func runTimes(_ ids: [String]) -> [Int?] {
        withState { state in ids.map { state.runTime($0) } }
    }

    /// No fingerprint stands (a first build, or one after `ampu clean`).
    public var isEmpty: Bool {
        withState { state in
            !state.recent.values.contains { $0 != nil } && !state.index.keys.contains { state.recent[$0] == nil }
        }
    }

    /// How many actions have a fingerprint.
    public var count: Int {
        withState { state in
            state.index.keys.filter { state.recent[$0] == nil }.count + state.recent.values.filter { $0 != nil }.count
        }
    }

    /// Records `fingerprint` as the one of `id`.
    public func append(_ id: String, _ fingerprint: Fingerprint) throws(FileSystemError) {
        try append([(id, fingerprint)])
    }

    /// Records each fingerprint as the one of its id, in one write: a build's recorder hands
    /// over a batch at a time, and opening the file for each would cost more than the entry.
    public func append(_ entries: [(id: String, fingerprint: Fingerprint)]) throws(FileSystemError) {
        guard !entries.isEmpty else { return }
        var bytes: [UInt8] = []
        for (id, fingerprint) in entries {
            let body = fingerprint.bytes
            bytes += "+\t\(id)\t\(body.count)\n".utf8
            bytes += body
        }
        try write(bytes, entries: entries.map { ($0.id, $0.fingerprint) })
    }

    /// Forgets the fingerprint of `id` (nothing is written when it has none).
    public func forget(_ id: String) throws(FileSystemError) {
        guard withState({ $0.stands(id) }) else { return }
        try write(Array("-\t\(id)\n".utf8), entries: [(id, nil)])
    }

    /// Appends `bytes`, the entries for `entries` (each id's fingerprint, or nil when it is
    /// forgotten), and keeps them as this process's view of the file.
    private func write(_ bytes: [UInt8], entries: [(id: String, fingerprint: Fingerprint?)]) throws(FileSystemError) {
        let result: Result<Void, FileSystemError> = withState { state in
            do throws(FileSystemError) {
                if state.rewrite {
                    try rewrite(&state)
                }
                try fileSystem.appendFile(path, bytes)
            } catch {
                // What reached the file is unknown: the next append writes it anew.
                state.rewrite = true
                return .failure(error)
            }
            for (id, fingerprint) in entries { state.recent[id] = .some(fingerprint) }
            return .success(())
        }
        try result.get()
    }

    /// Writes the file anew, atomically, with only the fingerprints that stand (in the order the
    /// file had them, then those appended since by id); one with none is started without
    /// waiting for the disk.
    private func rewrite(_ state: inout State) throws(FileSystemError) {
        var bytes = Array(Self.header.utf8)
        var index: [String: Range<Int>] = [:]
        func add(_ id: String, _ body: ArraySlice<UInt8>) {
            bytes += Array("+\t\(id)\t\(body.count)\n".utf8)
            index[id] = bytes.count..<(bytes.count + body.count)
            bytes += body
        }
        for (id, range) in state.index.sorted(by: { $0.value.lowerBound < $1.value.lowerBound }) where state.recent[id] == nil {
            add(id, state.base[range])
        }
        for (id, print) in state.recent.sorted(by: { $0.key < $1.key }) {
            if let print { add(id, print.bytes[...]) }
        }
        try fileSystem.createDirectory(Paths.parent(path))
        if index.isEmpty {
            try fileSystem.writeRecord(path, bytes)
        } else {
            try fileSystem.writeFile(path, bytes)
        }
        state = State(base: bytes, index: index, rewrite: false)
    }

    private func withState<T>(_ body: (inout State) -> T) -> T {
        state.withLock { state in
            if state == nil { state = Self.read(path, fileSystem: fileSystem) }
            return body(&state!)
        }
    }

    static func read(_ path: String, fileSystem: any FileSystem) -> State {
        guard let bytes = try? fileSystem.readFile(path) else { return State(base: [], index: [:], rewrite: true) }
        return scan(bytes)
    }

    /// What the bytes of a log hold: each id's fingerprint that stands, up to the first entry
    /// that is not whole.
    static func scan(_ bytes: [UInt8]) -> State {
        let header = Array(header.utf8)
        guard bytes.starts(with: header) else { return State(base: [], index: [:], rewrite: true) }
        var index: [String: Range<Int>] = [:]
        var entries = 0
        var at = header.count
        var whole = true
        while at < bytes.count {
            guard let newline = bytes[at...].firstIndex(of: 0x0A) else { whole = false; break }
            let fields = ByteFields.fields(bytes[at..<newline], count: 3)
            if fields.count == 3, ByteFields.equals(fields[0], "+"), let length = ByteFields.integer(fields[2]), length > 0,
               length <= bytes.count - newline - 1 {
                let body = (newline + 1)..<(newline + 1 + Int(length))
                guard bytes[body].suffix(5).elementsEqual("\nend\n".utf8) else { whole = false; break }
                index[ByteFields.string(fields[1])] = body
                at = body.upperBound
            } else if fields.count == 2, ByteFields.equals(fields[0], "-") {
                index[ByteFields.string(fields[1])] = nil
                at = newline + 1
            } else {
                whole = false
                break
            }
            entries += 1
        }
        let rewrite = !whole || (entries > 100 && entries > 3 * index.count)
        return State(base: bytes, index: index, torn: !whole, rewrite: rewrite)
    }

    /// What the bytes of a log hold, for the fuzzer and the tests: the fingerprints that stand,
    /// how many of them read as fingerprints, and whether an entry was cut short.
    public static func summary(_ bytes: [UInt8]) -> (standing: Int, readable: Int, torn: Bool) {
        let state = scan(bytes)
        let readable = state.index.values.filter { Fingerprint(bytes: state.base[$0]) != nil }.count
        return (state.index.count, readable, state.torn)
    }
}
