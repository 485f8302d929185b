#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One action of a build: its fingerprint checked, its program run with its outputs under
/// temporary names, then (`complete`) the outputs moved into place and the fingerprint handed
/// to the recorder.
extension BuildExecutor {
    /// An action whose program has ended, and what finishing it needs.
    struct Ran {
        var action: BuildAction
        var record: Record
        var result: ProcessRunner.Result
        /// Kept whole, not taken apart: it is let go of while the slot's next program runs.
        var preparation: Preparation
        /// Each output's temporary name; none when the outputs are written in place.
        var temporary: [String: String] { preparation.temporary }
        var inPlace: Bool { temporary.isEmpty }
    }

    /// What an action's start needs that can be worked out as soon as it is ready (all it
    /// reads is in place then), before a slot takes it: its key, its fingerprint's name, whether
    /// it is up to date, and the command line and environment it runs with. Nothing here
    /// changes a file.
    struct Preparation: Sendable {
        var key: String
        var id: String
        var staleness: FingerprintStore.Staleness?
        /// The fingerprint to write again when it is up to date by content, not by times.
        var refreshed: Fingerprint?
        /// Up to date: what its last run wrote on its standard error, to be shown again.
        var said = ""
        /// Each output's temporary name; none when the outputs are written in place.
        var temporary: [String: String] = [:]
        /// The command line, its outputs under their temporary names.
        var arguments: [String] = []
        var environment: [String: String] = [:]
        /// Its output directories are made, and what an earlier run left under its outputs'
        /// temporary names is gone (`clearOutputs`).
        var outputsCleared = false
    }

    func prepare(_ action: BuildAction) -> Preparation {
        let commandLine = action.commandLine
        let key = FingerprintStore.key(of: action, commandLine: commandLine, programs: commandLine.isEmpty ? [] : programIdentities(action))
        let id = FingerprintStore.id(of: action)
        let (staleness, refreshed, said) = store.staleness(of: action, id: id, key: key)
        var preparation = Preparation(key: key, id: id, staleness: staleness, refreshed: refreshed, said: said)
        guard staleness != nil else { return preparation }
        // Outputs are written under temporary names and moved into place when the command
        // succeeds: an output under its own name is complete. When the compiler derives an
        // output from another (oatsc's `.oats.meta` beside its `-o` object), it would derive it
        // from the temporary name: then every output is written in place (removed first, when
        // the action starts), so that a run that does not write one is caught and a failed one
        // leaves none behind.
        let named = Self.outputArguments(action, commandLine: commandLine)
        if action.outputs.allSatisfy(Set(named.values).contains) {
            for output in action.outputs { preparation.temporary[output] = output + ".ampu-tmp" }
        }
        preparation.arguments = commandLine
        for (i, output) in named {
            guard let temp = preparation.temporary[output] else { continue }
            preparation.arguments[i] = Paths.isAbsolute(commandLine[i]) ? temp : Paths.relative(temp, from: action.directory)
        }
        preparation.environment = options.environment
        for (name, value) in action.environment { preparation.environment[name] = value }
        return preparation
    }

    /// Prepares the next two ready actions no slot has prepared or taken, while this slot's
    /// program runs (a slot takes one action for each program it runs, so two keep ahead), or
    /// fewer when the program ends first (`ended`). Their outputs are cleared ahead as well
    /// (`clearOutputs`), unless a slot took the action meanwhile: nothing reads them before
    /// the action runs, and an empty directory left by a build that stopped first is harmless.
    func prepareAhead(_ schedule: Schedule, until ended: () -> Bool = { false }) {
        for _ in 0..<2 {
            guard !ended(), let action = schedule.toPrepare(limit: 1).first else { return }
            if let only = options.onlyThese, !only.contains(action.id) { continue }
            var preparation = prepare(action)
            let stale = preparation.staleness != nil
            preparation.outputsCleared = stale
            schedule.keep(preparation, for: action.id) {
                if stale { clearOutputs(action, temporary: preparation.temporary) }
            }
        }
    }

    /// Makes the action's output directories, and removes what an earlier run left under its
    /// outputs' temporary names (or, written in place, the outputs themselves), unless this
    /// build made the directory.
    func clearOutputs(_ action: BuildAction, temporary: [String: String]) {
        let fileSystem = store.fileSystem
        for output in action.outputs {
            // In a directory this build made, nothing is left from before to remove.
            if !makeDirectory(Paths.parent(output)) { try? fileSystem.removeItem(temporary[output] ?? output) }
        }
    }

    enum Attempt {
        /// Up to date, or its program could not start.
        case done(Record)
        case ran(Ran)
    }

    /// An action up to the end of its program (`whileRunning` is called while it runs), with
    /// what a slot prepared for it, if one did.
    func attempt(_ action: BuildAction, prepared: consuming Preparation? = nil, slot: Int, clock: Clock, whileRunning: (_ ended: () -> Bool) -> Void) -> Attempt {
        let start = clock.now()
        var record = Record(action: action.id, outcome: .succeeded, staleness: nil, stdout: "", stderr: "", slot: slot, start: start, end: start)
        if let only = options.onlyThese, !only.contains(action.id) {
            record.outcome = .upToDate
            return .done(record)
        }
        let preparation = (consume prepared) ?? prepare(action)
        guard let staleness = preparation.staleness else {
            if let refreshed = preparation.refreshed { try? store.write(refreshed, for: action, id: preparation.id) }
            record.outcome = .upToDate
            record.stderr = preparation.said
            return .done(record)
        }
        record.staleness = staleness
        // A fingerprint never written has nothing to forget.
        if staleness != .neverBuilt { store.remove(for: action, id: preparation.id) }
        if !preparation.outputsCleared { clearOutputs(action, temporary: preparation.temporary) }
        let result: ProcessRunner.Result
        let spawned = clock.now()
        var overlapped = 0.0
        do {
            result = try ProcessRunner.run(preparation.arguments, directory: action.directory, environment: preparation.environment, timeout: action.limit?.seconds ?? options.timeout,
                                           interrupt: options.interruption?.descriptor, memoryLimit: action.memoryLimit?.bytes, keep: Self.outputKept) { ended in
                let before = clock.now()
                withoutActuallyEscaping(ended) { whileRunning($0) }
                overlapped = clock.now() - before
            }
        } catch {
            record.outcome = .cannotStart(error.description)
            return .done(record)
        }
        let ended = clock.now()
        record.processTime = ended - spawned
        record.ownTime = spawned - start
        // The slot's last action was finished meanwhile: when the program outlived that work,
        // the work cost the slot nothing; else the slot waited for it.
        if result.endedWhileBusy {
            record.processTime -= overlapped
            record.ownTime += overlapped
        }
        return .ran(Ran(action: action, record: record, result: result, preparation: preparation))
    }

    /// The rest of an action whose program ended: its outputs moved into place (or, when it
    /// failed, removed) and its fingerprint handed to the recorder. `whileNextRuns`: this is
    /// done while the slot's next program runs, so the slot does not wait for it.
    func complete(_ ran: Ran, clock: Clock, whileNextRuns: Bool) -> Record {
        let begun = clock.now()
        var record = outcome(of: ran)
        record.end = clock.now()
        if !whileNextRuns { record.ownTime += record.end - begun }
        return record
    }

    func outcome(of ran: Ran) -> Record {
        var record = ran.record
        let (action, result, temporary, inPlace) = (ran.action, ran.result, ran.temporary, ran.inPlace)
        let fileSystem = store.fileSystem
        record.stdout = result.stdoutText
        record.stderr = result.stderrText
        record.outputLeftOut = result.leftOut
        func discard() {
            for temp in temporary.values { try? fileSystem.removeItem(temp) }
            if inPlace { for output in action.outputs { try? fileSystem.removeItem(output) } }
        }
        if result.interrupted { discard(); record.outcome = .interrupted; return record }
        if result.timedOut { discard(); record.outcome = .timedOut; return record }
        if result.memoryExceeded { discard(); record.outcome = .memoryExceeded; return record }
        if let signal = result.signal { discard(); record.outcome = .signalled(signal); return record }
        if result.status != 0 { discard(); record.outcome = .failed(status: result.status); return record }
        for output in action.outputs {
            guard let temp = temporary[output] else {
                if fileSystem.status(output) == nil {
                    discard()
                    record.outcome = .missingOutput(output)
                    return record
                }
                continue
            }
            if rename(temp, output) != 0 {
                let failure = errno
                discard()
                if failure == ENOENT {
                    record.outcome = .missingOutput(output)
                    return record
                }
                let reason = failure == EISDIR || failure == ENOTEMPTY || failure == EEXIST ? "a directory is in the way" : String(cString: strerror(failure))
                record.outcome = .outputNotPlaced(output, reason: reason)
                return record
            }
        }
        // The actions after this one must see what it wrote, not what was there before.
        store.stats.forget(action.outputs)
        var discovered: [String] = []
        if let depfile = action.depfile, let text = try? fileSystem.readText(depfile) {
            discovered = Depfile.prerequisites(String(decoding: text.bytes, as: UTF8.self), directory: action.directory)
        }
        let batchIsFull = unwritten.withLock { waiting in
            waiting.append(Unwritten(action: action, id: ran.preparation.id, key: ran.preparation.key, discovered: discovered, said: record.stderr,
                                     runTime: max(0, Int((record.processTime * 1_000_000).rounded()))))
            return waiting.count >= Self.recordingBatch
        }
        if batchIsFull { writeUnwritten() }
        return record
    }

    /// An action's fingerprint, waiting to be written.
    struct Unwritten: Sendable {
        var action: BuildAction
        var id: String
        var key: String
        var discovered: [String]
        var said: String
        /// Microseconds its program ran.
        var runTime: Int
    }

    /// Fingerprints are handed to the recorder this many at a time (and the rest when a slot
    /// has nothing to run, or the build ends; each at once when no more than this many actions
    /// are left to start): one wake of its thread for each, on a machine whose cores all run
    /// compilers, would take their time.
    static let recordingBatch = 16

    /// Bytes kept of each of an action's output streams (the first ones: a compiler's first
    /// errors are the ones to read); what comes after is counted, not kept.
    public static let outputKept = 4 << 20

    /// Hands every fingerprint still waiting to the recorder, which hashes their inputs and
    /// appends them to the log in one write.
    func writeUnwritten() {
        let batch = unwritten.withLock { waiting in
            defer { waiting.removeAll() }
            return waiting
        }
        guard !batch.isEmpty else { return }
        recorder.async(group: recording) { [self] in
            let prints = batch.map { (id: $0.id, fingerprint: store.fingerprint(of: $0.action, key: $0.key, discovered: $0.discovered, said: $0.said, runTime: $0.runTime)) }
            do {
                try store.write(prints)
            } catch {
                unrecorded.withLock { $0 += batch.map { ($0.action.description, "\(error)") } }
            }
        }
    }

    /// Makes an output directory unless it is there, looking once a build: whether this build
    /// made it.
    func makeDirectory(_ path: String) -> Bool {
        if let made = directories.withLock({ $0[path] }) { return made }
        let fileSystem = store.fileSystem
        let made = fileSystem.status(path)?.kind != .directory
        if made { try? fileSystem.createDirectory(path) }
        directories.withLock { $0[path] = $0[path] ?? made }
        return made
    }

    /// The arguments of the action's command line that name one of its outputs (as an absolute
    /// path or from the action's directory): each one's index and the output. Only an argument
    /// that ends in an output's file name is resolved, so a compile of a hundred sources joins
    /// one path, not a hundred.
    static func outputArguments(_ action: BuildAction, commandLine: [String]) -> [Int: String] {
        let names = action.outputs.map { (output: $0, name: Array(Paths.lastComponent($0).utf8)) }
        var found: [Int: String] = [:]
        for (i, argument) in commandLine.enumerated() {
            let bytes = argument.utf8
            // `out/.`, `x/..` or `dir/` say their name only once normalized.
            let plain = bytes.last != UInt8(ascii: "/") && bytes.last != UInt8(ascii: ".")
            for (output, name) in names where !plain || bytes.count >= name.count && bytes.suffix(name.count).elementsEqual(name) {
                if Paths.join(action.directory, argument) == output { found[i] = output }
            }
        }
        return found
    }
}
