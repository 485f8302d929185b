import Dispatch

/// The plan of the last build, kept in `target/cache/plan-<profile>.actions`, and beside it, in
/// `target/cache/plan-<profile>`, everything it was made from: the manifests and lock file (and
/// any other file the plan read: `BuildPlan.readFiles`), every module with what the plan read of
/// it, every directory listing the load read (`d`) and every directory a glob of the plan read
/// (`g`, by all its names: `BuildPlan.listedDirectories`), then a
/// copy of the plan's programs and tests and the digest of the actions' file. While none of them
/// changed, the next build takes the plan from there and loads nothing: a no-op build (and a run
/// with nothing to build) stats the files Ninja would stat, and reads the actions only when it
/// has something to do (they are most of the bytes). A module whose bytes
/// changed while what the plan read of it did not (its imports, its entry point, its exports)
/// keeps the plan (its action's fingerprint sees the change); a new or removed file, an edited
/// manifest, a changed import, a `main` added or taken away makes a fresh plan.
public struct PlanCache: Sendable {
    public let file: String
    public let stats: StatCache

    public init(targetDirectory: String, profile: String, stats: StatCache) {
        file = Paths.join(targetDirectory, "cache", "plan-" + profile)
        self.stats = stats
    }

    /// Where the plan's actions are kept: beside the file of what it was made from.
    static func actionsFile(of file: String) -> String { file + ".actions" }

    static let header = "ampu-plan 7"

    /// The environment variables a plan depends on: those that decide where compilers and
    /// libraries are.
    public static func variables(of ecosystem: any Ecosystem) -> [String] { ["HOME", "CC"] + ecosystem.environmentVariables }

    /// What else the plan depends on: the tool itself, the workspace asked for, and the
    /// environment variables that decide where compilers and libraries are. Not `PATH`: what
    /// the plan took from it is the programs it looked up there, kept with the plan (`save`'s
    /// `programs`) and looked up again by `validate`.
    public static func key(ecosystem: any Ecosystem, manifest: String, profile: String, environment: [String: String], tool: String) -> String {
        var hash = SHA256()
        for part in [tool, ecosystem.name, manifest, profile] + variables(of: ecosystem).map({ "\($0)=\(environment[$0] ?? "\u{0}")" }) {
            hash.update(Array(part.utf8) + [0])
        }
        return SHA256.hex(digest: hash.finish())
    }

    /// What a plan reads of a module, from its scan: its imports' paths in order, how many
    /// errors the scan found (a malformed import or declaration), the module it declares, whether
    /// it defines the entry point (a program is linked, or not), the names it exports (they
    /// are on command lines) and whether it holds tests (a test program is made, or not). A
    /// change detector, as the fingerprints' content hash is: ten thousand of them are taken
    /// for each plan kept.
    static func moduleDigest(imports: [ImportStatement], problems: Int, declaration: String?, entryPoint: Bool, exports: [String], tests: Bool) -> String {
        var bytes: [UInt8] = []
        for s in imports {
            bytes += s.path.utf8
            bytes.append(0)
        }
        bytes += String(problems).utf8
        bytes += [0, entryPoint ? 1 : 0]
        if let declaration { bytes += [0] + Array(declaration.utf8) }
        for name in exports { bytes += [1] + Array(name.utf8) }
        if tests { bytes += [2] }
        return ContentHash.hex(bytes)
    }

    /// The names in a directory that can change a plan: sources, manifests and lock files, and
    /// what may be a directory (a name without a dot); not hidden files, build output or what
    /// a build writes beside the manifest (compile_commands.json). With no ecosystem (a
    /// directory a glob of the plan read: `BuildPlan.listedDirectories`), every name.
    static func namesDigest(_ names: Set<String>?, ecosystem: (any Ecosystem)?) -> String {
        guard let names else { return "-" }
        var bytes: [UInt8] = []
        for n in names.sorted() where ecosystem.map({ ecosystem in !n.hasPrefix(".") && !ecosystem.ignoredDirectories.contains(n)
            && (!n.contains(".") || ecosystem.isSourceFile(n) || ecosystem.isManifestFile(n) || n == ecosystem.lockFileName) }) ?? true {
            bytes += n.utf8
            bytes.append(0)
        }
        return ContentHash.hex(bytes)
    }

    /// The files with a source's name that actions of `plan` read and the load did not scan (a
    /// file of a path dependency no module imports, a generated one): the kept plan's check does
    /// not look at them, so the record of a complete build must (`CompleteBuild`).
    public static func unscanned(_ plan: BuildPlan, snapshot: WorkspaceSnapshot) -> Set<String> {
        var out = Set<String>()
        for action in plan.actions {
            for input in action.inputs where snapshot.modules[input] == nil && snapshot.ecosystem.isSourceFile(input) { out.insert(input) }
        }
        return out
    }

    /// Keeps `plan` (made from `snapshot`, without errors) for the next build, with the warnings
    /// it was made with (each placed in a file, `KeptWarnings.keepable`) to be shown again; the
    /// digest of the plan kept (what a complete build's record names it by), or nil when it was
    /// not kept. (`unscanned`: `PlanCache.unscanned` of the plan, when the caller has it already;
    /// `programs`: each program the load and the plan looked up in `PATH`, and where it was
    /// found, as `ProgramLookups` noted them.) Throws when the plan cannot be written (a full
    /// disk, a directory where its file goes).
    @discardableResult
    public func save(_ plan: BuildPlan, snapshot: WorkspaceSnapshot, key: String, warnings: [Diagnostic] = [], unscanned: Set<String>? = nil,
                     programs: [(name: String, path: String?)] = []) throws(FileSystemError) -> String? {
        let fs = stats.fileSystem
        // A program's name that no line can hold (a tab, a line break): no plan is kept.
        guard programs.allSatisfy({ !$0.name.contains(where: { $0 == "\t" || $0.isNewline }) }) else {
            try? fs.removeItem(file)
            try? fs.removeItem(Self.actionsFile(of: file))
            return nil
        }
        var text = Self.header + "\nkey\t" + key + "\n"
        var manifests = Set(snapshot.packages.packages.map(\.path) + [snapshot.rootManifest.path]).union(plan.readFiles)
        if let lockName = snapshot.ecosystem.lockFileName { manifests.insert(Paths.join(snapshot.root, lockName)) }
        var statuses = manifests.map { ($0, stats.status($0)) }
        // The warnings' file is one the plan is made from: the plan stands while it does.
        let warningsFile = KeptWarnings.file(amending: file)
        try? fs.removeItem(warningsFile)
        if !warnings.isEmpty {
            guard let bytes = KeptWarnings.text(warnings, stats: stats) else { return nil }
            try fs.createDirectory(Paths.parent(file))
            try fs.writeRecord(warningsFile, bytes)
            guard let s = fs.status(warningsFile) else { return nil }
            statuses.append((warningsFile, s))
        }
        for (path, s) in statuses.sorted(by: { $0.0 < $1.0 }) {
            text += "f\t\(s?.size ?? -1)\t\(s?.modificationTime ?? -1)\t\(path)\n"
        }
        // A program looked up in PATH: the file found (`-`: none was), with its size and time.
        for (name, path) in programs {
            let s = path.flatMap { stats.status($0) }
            text += "x\t\(s?.size ?? -1)\t\(s?.modificationTime ?? -1)\t\(name)\t\(path ?? "-")\n"
        }
        // A line for each module and each directory listed, made on every core (a digest each,
        // for 10,000 modules), then written in order.
        let paths = snapshot.modulePaths
        // (A directory a glob of the plan read has a `g` line instead, which counts every name.)
        let listed = (snapshot.directories?.listed ?? []).filter { plan.listedDirectories[$0.directory] == nil }.sorted(by: { $0.directory < $1.directory })
        let lines = Parallel.map(paths.count + listed.count) { i -> String? in
            if i < paths.count {
                let path = paths[i]
                guard let module = snapshot.modules[path], let s = stats.status(path) else { return nil }
                // A kept plan comes from a workspace `check` found no error in; a file whose
                // scan finds one plans afresh, so that `check` reports it.
                let problems = module.diagnostics.filter { $0.severity == .error }.count
                let digest = Self.moduleDigest(imports: module.importStatements(limit: .max), problems: problems, declaration: module.declaration?.value,
                                               entryPoint: module.definesEntryPoint, exports: module.exports, tests: module.holdsTests)
                return "m\t\(s.size)\t\(s.modificationTime)\t\(digest)\t\(path)\n"
            }
            let (directory, names) = listed[i - paths.count]
            return "d\t\(Self.namesDigest(names, ecosystem: snapshot.ecosystem))\t\(stats.status(directory)?.modificationTime ?? -1)\t\(directory)\n"
        }
        for line in lines { if let line { text += line } }
        // A directory a glob of the plan read, with all its names and its time when read: a C
        // source added where `[native] sources` looks makes a fresh plan.
        for (directory, listing) in plan.listedDirectories.sorted(by: { $0.key < $1.key }) {
            text += "g\t\(Self.namesDigest(listing.names.map(Set.init), ecosystem: nil))\t\(listing.time)\t\(directory)\n"
        }
        for path in (unscanned ?? Self.unscanned(plan, snapshot: snapshot)).sorted() { text += "u\t-\t-\t\(path)\n" }
        guard let record = PlanRecord.text(of: plan) else { return nil }
        let actions = Array(record.utf8)
        let digest = ContentHash.hex(actions)
        // A copy of the actions' last lines (the programs and tests): a run with nothing to do
        // finds its program without reading the actions.
        guard let tail = PlanRecord.tail(of: actions[...]) else { return nil }
        text += String(decoding: actions[tail.start...], as: UTF8.self) + "plan\t\(digest)\nend\n"
        try fs.createDirectory(Paths.parent(file))
        try? fs.removeItem(PlanTimes.file(amending: file))
        // The actions first: a build stopped between the two writes leaves a file of what the
        // plan was made from that names other actions than those kept, which is a miss.
        try fs.writeRecord(Self.actionsFile(of: file), actions)
        try fs.writeRecord(file, Array(text.utf8))
        return digest
    }

    /// The files and directories the kept plan was made from that are there now: its manifests
    /// and lock file, its modules, the directories whose names it read and the programs it found
    /// in `PATH`. A file written from the plan (build.ninja) is out of date once one of them
    /// changes (`NinjaFile.Regeneration`). Nil when no plan is kept.
    public func madeFrom() -> [String]? {
        guard let bytes = try? stats.fileSystem.readFile(file), bytes.starts(with: (Self.header + "\n").utf8),
              bytes.suffix(5).elementsEqual("\nend\n".utf8) else { return nil }
        var out: [String] = []
        // Read as bytes, a `String` made only for each path kept (10,000 of them on a large workspace).
        for line in bytes.split(separator: 0x0A).dropFirst(2) {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard let kind = fields.first, kind.count == 1 else { return out }
            switch (kind.first!, fields.count) {
            case (UInt8(ascii: "f"), 4): if !fields[1].elementsEqual("-1".utf8) { out.append(ByteFields.string(fields[3])) }
            case (UInt8(ascii: "m"), 5): out.append(ByteFields.string(fields[4]))
            case (UInt8(ascii: "d"), 4), (UInt8(ascii: "g"), 4): if !fields[2].elementsEqual("-1".utf8) { out.append(ByteFields.string(fields[3])) }
            case (UInt8(ascii: "x"), 5): if !fields[4].elementsEqual("-".utf8) { out.append(ByteFields.string(fields[4])) }
            case (UInt8(ascii: "u"), 4): continue
            // The copy of the plan's programs and tests, then its digest.
            default: return out
            }
        }
        return out
    }

    /// Why the kept plan cannot be used: the line of the cache whose file changed, or what is
    /// missing.
    public struct Miss: Error, Sendable { public var line: String }

    /// A kept plan that still stands.
    public struct Kept: Sendable {
        /// No file it was made from changed at all, not even its time (a directory may have:
        /// its names are the same, and directories are no action's inputs).
        public var untouched: Bool { changedFiles.isEmpty }
        /// The modules whose bytes changed while their imports did not.
        public var changedFiles: [String]
        /// The warnings the plan was made with, to be shown again.
        public var warnings: [Diagnostic] = []
        /// The texts they point into.
        public var warningSources: [String: SourceText] = [:]
        /// The digest of the plan's actions (their file's content hash), which a rewrite of the
        /// files' times leaves as it was.
        public let digest: String
        /// The sources the actions read that the check does not look at (`unscanned`).
        public var unscanned: Set<String> = []
        /// The programs and test programs the plan makes, each with its action's id (as
        /// `PlanRecord.products` reads them from the actions).
        public let products: (programs: [BuildPlan.Product], tests: [BuildPlan.Product])
        let actionsFile: String
        let fileSystem: any FileSystem
        /// Each module's path (as the plan's record holds it) and the status `validate` took.
        var moduleStatuses: [(path: ArraySlice<UInt8>, status: FileStatus?)] = []

        init(changedFiles: [String], digest: String, products: (programs: [BuildPlan.Product], tests: [BuildPlan.Product]), actionsFile: String,
             fileSystem: any FileSystem) {
            self.changedFiles = changedFiles
            self.digest = digest
            self.products = products
            self.actionsFile = actionsFile
            self.fileSystem = fileSystem
        }

        /// The plan's actions as kept (read only when they are needed: a build with nothing to
        /// do is told by `untouched` and `CompleteBuild` without them); nil when their file is
        /// gone or is not the one this plan names (the plan is then made afresh).
        public func record() -> [UInt8]? {
            guard let bytes = try? fileSystem.readFile(actionsFile), ContentHash.hex(bytes) == digest else { return nil }
            return bytes
        }

        /// The plan itself; with `only`, the part of it made of those actions.
        public func plan(only: Set<Int>? = nil) -> BuildPlan? { record().flatMap { PlanRecord.plan(from: $0[...], only: only) } }

        /// Gives `stats` the status of every module that `validate` took: a build that looks
        /// at every action's fingerprint (no complete build stands, or most files were touched)
        /// then takes none of them again, as Ninja stats each file once. (Not for a build that
        /// looks at a few actions: naming ten thousand paths would cost more than the few
        /// statuses it takes.)
        public func rememberStatuses(in stats: StatCache) {
            stats.remember(statuses: moduleStatuses.map { (ByteFields.string($0.path), $0.status) })
        }
    }

    /// Whether the kept plan stands, without reading the plan. (`searchPath`: `PATH` now, where
    /// the programs the plan looked up are looked up again.)
    public func validate(key: String, ecosystem: any Ecosystem, searchPath: String) -> Result<Kept, Miss> {
        func miss(_ s: some StringProtocol) -> Result<Kept, Miss> { .failure(Miss(line: String(s))) }
        let fs = stats.fileSystem
        guard let bytes = try? fs.readFile(file) else { return miss("no file") }
        // The last line says the file is whole; the one before names the actions' digest.
        guard bytes.count > 5, bytes.suffix(5).elementsEqual("\nend\n".utf8) else { return miss("cut short") }
        guard let planStart = bytes[..<(bytes.count - 5)].lastIndex(of: 0x0A), bytes[(planStart + 1)...].starts(with: "plan\t".utf8),
              planStart + 6 < bytes.count - 5 else { return miss("no plan") }
        let digest = ByteFields.string(bytes[(planStart + 6)..<(bytes.count - 5)])
        let header = Array((Self.header + "\nkey\t" + key + "\n").utf8)
        guard bytes.starts(with: header), planStart >= header.count - 1 else { return miss("key") }
        // The programs and tests, before the `plan` line.
        guard let tail = PlanRecord.tail(of: bytes[header.count..<(planStart + 1)]) else { return miss("products") }
        // Each line's fields as offsets, then every file and directory statted on every core
        // straight from the bytes (no `String` for a file that did not change); then the lines
        // in order.
        let lines = ByteFields.offsets(bytes, in: header.count..<tail.start) { $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "x") ? 5 : 4 }
        for line in lines {
            let kind = bytes[line.range(0).lowerBound]
            guard line.range(0).count == 1, line.count == (kind == UInt8(ascii: "m") || kind == UInt8(ascii: "x") ? 5 : 4),
                  [UInt8(ascii: "f"), UInt8(ascii: "x"), UInt8(ascii: "m"), UInt8(ascii: "d"), UInt8(ascii: "g"), UInt8(ascii: "u")].contains(kind) else {
                return miss(ByteFields.string(bytes[line.range(0).lowerBound..<line.last.upperBound]))
            }
        }
        func field(_ line: ByteFields.Offsets, _ i: Int) -> ArraySlice<UInt8> { bytes[line.range(i)] }
        func whole(_ line: ByteFields.Offsets) -> String { ByteFields.string(bytes[line.range(0).lowerBound..<line.last.upperBound]) }
        let current = Self.statuses(lines.map { bytes[$0.last] }, fileSystem: fs)
        // The times of files that changed after the plan was written, and were found to leave it standing.
        let timesFile = PlanTimes.file(amending: file)
        let planStatus = fs.status(file)
        var times = PlanTimes.read(timesFile, plan: planStatus, fileSystem: fs)
        /// The line records the size and time the file has now (-1 for one that is not there).
        func recordedAsNow(_ line: ByteFields.Offsets, _ s: FileStatus?) -> Bool {
            ByteFields.integer(field(line, 1)) == Int64(s?.size ?? -1) && ByteFields.integer(field(line, 2)) == s?.modificationTime ?? -1
        }
        /// A later build found the file at this size and time and the plan standing (`times`).
        func timeKept(_ path: String, _ s: FileStatus) -> Bool {
            times.recorded(path).map { $0.size == Int64(s.size) && $0.time == s.modificationTime } ?? false
        }
        // The modules whose bytes changed since (not a time kept in `times` either), read and
        // scanned again on every core: a checkout that touched every file (a CI cache restored
        // over a fresh clone) reads ten thousand. Each one's digest is kept for the
        // fingerprints, which then need not read it again. Not when a manifest changed: the
        // plan is made afresh then.
        let (mLine, fLine) = (UInt8(ascii: "m"), UInt8(ascii: "f"))
        let manifestsStand = lines.indices.allSatisfy { i in bytes[lines[i].range(0).lowerBound] != fLine || recordedAsNow(lines[i], current[i]) }
        let rescans = !manifestsStand ? [] : lines.indices.filter { i in
            guard bytes[lines[i].range(0).lowerBound] == mLine, let s = current[i], !recordedAsNow(lines[i], s) else { return false }
            return !timeKept(ByteFields.string(field(lines[i], 4)), s)
        }
        let rescanned = Parallel.map(rescans.count, grain: 16) { j -> Bool? in
            let i = rescans[j]
            return Self.readsAsBefore(path: ByteFields.string(bytes[lines[i].range(4)]), digest: ByteFields.string(bytes[lines[i].range(3)]),
                                      status: current[i], ecosystem: ecosystem, stats: stats)
        }
        let stands = Dictionary(uniqueKeysWithValues: zip(rescans, rescanned.map { $0 ?? false }))
        var rewritten: [Int: String] = [:]
        var amended: [Int] = []
        var changedFiles: [String] = []
        var unscanned = Set<String>()
        var warned = false
        let warningsFile = KeptWarnings.file(amending: file)
        for (i, line) in lines.enumerated() {
            let s = current[i]
            switch bytes[line.range(0).lowerBound] {
            case UInt8(ascii: "f"):
                guard recordedAsNow(line, s) else { return miss(whole(line)) }
                if s != nil && ByteFields.equals(field(line, 3), warningsFile) { warned = true }
            case UInt8(ascii: "x"):
                // Found where it was (or again not found), and the same file.
                let found = fs.findProgram(ByteFields.string(field(line, 3)), searchPath: searchPath)
                guard ByteFields.equals(field(line, 4), found ?? "-"),
                      found == nil || recordedAsNow(line, s) else {
                    return miss(whole(line))
                }
            case UInt8(ascii: "u"):
                unscanned.insert(ByteFields.string(field(line, 3)))
            case UInt8(ascii: "m"):
                guard let s else { return miss(whole(line)) }
                if recordedAsNow(line, s) { continue }
                let path = ByteFields.string(field(line, 4))
                if timeKept(path, s) {
                    amended.append(i)
                    continue
                }
                // Changed bytes: the plan stands while what it read of the module is the same
                // (read and scanned above, with the others).
                let digest = ByteFields.string(field(line, 3))
                guard stands[i] ?? Self.readsAsBefore(path: path, digest: digest, status: s, ecosystem: ecosystem, stats: stats) else { return miss(whole(line)) }
                rewritten[i] = "m\t\(s.size)\t\(s.modificationTime)\t\(digest)\t\(path)"
                changedFiles.append(path)
            default:
                // A directory (`d`: one the load listed; `g`: one a glob of the plan read).
                if ByteFields.integer(field(line, 2)) == s?.modificationTime ?? -1 { continue }
                let path = ByteFields.string(field(line, 3))
                if let known = times.recorded(path), known.time == s?.modificationTime ?? -1 {
                    amended.append(i)
                    continue
                }
                // A directory's time changes with every save through a temporary file: what
                // counts is whether the same names are there.
                let names = (try? fs.contentsOfDirectory(path)).map(Set.init)
                let digest = ByteFields.string(field(line, 1))
                let globbed = bytes[line.range(0).lowerBound] == UInt8(ascii: "g")
                guard Self.namesDigest(names, ecosystem: globbed ? nil : ecosystem) == digest else { return miss(whole(line)) }
                rewritten[i] = "\(globbed ? "g" : "d")\t\(digest)\t\(s?.modificationTime ?? -1)\t\(path)"
            }
        }
        // The warnings' own files are looked at before anything is written: one that changed
        // makes the plan afresh, with what it says now.
        var warnings: KeptWarnings?
        if warned {
            guard let read = KeptWarnings.read(warningsFile, fileSystem: fs) else { return miss("a file the warnings point into changed") }
            warnings = read
        }
        // The new times kept, so that the next build finds the plan untouched (and, after a
        // complete build, has nothing to read but this record's files): beside the plan while
        // they are few, else in it.
        if !rewritten.isEmpty, let planStatus {
            for (i, text) in rewritten { times.lines[ByteFields.string(bytes[lines[i].last])] = text }
            if times.lines.count <= max(64, lines.count / 16) {
                try? fs.writeRecord(timesFile, times.text(plan: planStatus))
            } else {
                for i in amended { rewritten[i] = rewritten[i] ?? times.lines[ByteFields.string(bytes[lines[i].last])] }
                var out = header
                for (i, line) in lines.enumerated() {
                    if let text = rewritten[i] { out += text.utf8 } else { out += bytes[line.range(0).lowerBound..<line.last.upperBound] }
                    out.append(0x0A)
                }
                try? fs.removeItem(timesFile)
                try? fs.writeRecord(file, out + bytes[tail.start...])
            }
        }
        var kept = Kept(changedFiles: changedFiles, digest: digest, products: (tail.programs, tail.tests), actionsFile: Self.actionsFile(of: file), fileSystem: fs)
        kept.unscanned = unscanned
        kept.moduleStatuses = lines.indices.compactMap { i in bytes[lines[i].range(0).lowerBound] == UInt8(ascii: "m") ? (bytes[lines[i].last], current[i]) : nil }
        if let warnings {
            kept.warnings = warnings.diagnostics
            kept.warningSources = warnings.sources
        }
        return .success(kept)
    }

    /// Whether what a plan reads of the module at `path` (`moduleDigest`) is still `digest`,
    /// its bytes read and scanned again; when it is, the bytes' content hash is kept in `stats`
    /// for `status` (the status taken before the read), for the fingerprints.
    static func readsAsBefore(path: String, digest: String, status: FileStatus?, ecosystem: any Ecosystem, stats: StatCache) -> Bool {
        guard let source = try? stats.fileSystem.readFile(path) else { return false }
        let scan = ecosystem.scanSource(SourceText(path: path, bytes: source))
        let problems = scan.diagnostics.filter { $0.severity == .error }.count
        guard moduleDigest(imports: scan.imports, problems: problems, declaration: scan.declaration?.value, entryPoint: scan.definesEntryPoint,
                           exports: scan.exports, tests: scan.holdsTests) == digest else { return false }
        if let status, status.size == source.count { stats.remember(path, status: status, digest: ContentHash.hex(source)) }
        return true
    }

    /// The statuses of many files given as path bytes, taken on every core, each core a run of
    /// neighbours (which share directories).
    static func statuses(_ paths: [ArraySlice<UInt8>], fileSystem: any FileSystem) -> [FileStatus?] {
        let chunks = max(1, min(paths.count / 512, 16))
        let results = ResultSlots<[FileStatus?]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (paths.count * chunk / chunks)..<(paths.count * (chunk + 1) / chunks)
            results[chunk] = fileSystem.statuses(pathBytes: paths[range])
        }
        return results.values.flatMap { $0 ?? [] }
    }
}
