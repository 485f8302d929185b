/// The fixes `ampu fix` makes unasked: every certain fix (`Diagnostic.Fix.isCertain`) of a
/// check's diagnostics, when each file it edits is one the workspace owns (a member's manifest
/// or module; never a dependency's, the standard library's or build output). A fix is taken
/// whole or not at all: one whose edits overlap those of a fix taken already waits for the next
/// round, when the check runs again on the files as fixed. The same edit asked by two
/// diagnostics is made once.
public enum CertainFixes {
    /// The edits for one file and how many fixes they make.
    public struct FileEdits: Hashable, Sendable {
        public var file: String
        public var edits: [TextEdit]
        public var fixes: Int
    }

    /// The files a fix may edit: the manifests of the workspace's root and members, and the
    /// members' modules.
    public static func editable(in snapshot: WorkspaceSnapshot) -> Set<String> {
        Set([snapshot.rootManifest.path] + snapshot.members.map(\.path) + snapshot.memberModules.map(\.path))
    }

    /// Whether a fix may edit `path` (one of `editable`), asked of one file.
    public static func isEditable(_ path: String, in snapshot: WorkspaceSnapshot) -> Bool {
        path == snapshot.rootManifest.path || snapshot.members.contains { $0.path == path } || snapshot.modules[path]?.memberManifest != nil
    }

    /// The fixes to make now, by file (in the order of the paths). Fixes are weighed in the
    /// order of where they start (a file's path, then the place in it), so that of two that
    /// overlap the first in the text is made; each file's edits taken so far are kept in that
    /// order, so that a fix is weighed against its neighbours alone (a file of ten thousand
    /// fixes takes no longer than ten thousand steps).
    public static func chosen(_ diagnostics: [Diagnostic], editable: Set<String>) -> [FileEdits] {
        choose(diagnostics, editable: editable).files
    }

    /// `chosen`, with the indices of the diagnostics whose fixes are among them.
    static func choose(_ diagnostics: [Diagnostic], editable: Set<String>) -> (files: [FileEdits], taken: [Int]) {
        typealias Placed = (file: String, edit: TextEdit)
        var candidates: [(diagnostic: Int, edits: [Placed])] = []
        for (index, d) in diagnostics.enumerated() {
            guard let fix = d.fix, fix.isCertain, !fix.edits.isEmpty else { continue }
            var placed: [Placed] = []
            for e in fix.edits {
                guard let file = e.file ?? d.file, editable.contains(file) else { placed = []; break }
                placed.append((file, TextEdit(range: e.range, newText: e.newText)))
            }
            // A fix whose own edits clash is no fix.
            let own = placed.sorted { ($0.file, $0.edit.range.lowerBound, $0.edit.range.upperBound) < ($1.file, $1.edit.range.lowerBound, $1.edit.range.upperBound) }
            if zip(own, own.dropFirst()).contains(where: { $0.file == $1.file && overlap($0.edit.range, $1.edit.range) }) { continue }
            if !placed.isEmpty { candidates.append((index, placed)) }
        }
        candidates.sort { a, b in
            (a.edits[0].file, a.edits[0].edit.range.lowerBound, a.edits[0].edit.range.upperBound)
                < (b.edits[0].file, b.edits[0].edit.range.lowerBound, b.edits[0].edit.range.upperBound)
        }
        var takenDiagnostics: [Int] = []
        var taken: [String: FileEdits] = [:]
        /// Each file's edits, by where they start.
        var sorted: [String: [TextEdit]] = [:]
        /// Where `edit` goes among the file's edits, and whether it is there already or clashes
        /// with one there.
        func place(_ edit: TextEdit, in file: String) -> (index: Int, present: Bool, clashes: Bool) {
            guard let edits = sorted[file] else { return (0, false, false) }
            var low = 0, high = edits.count
            while low < high {
                let mid = (low + high) / 2
                if (edits[mid].range.lowerBound, edits[mid].range.upperBound) < (edit.range.lowerBound, edit.range.upperBound) { low = mid + 1 } else { high = mid }
            }
            var present = false, clashes = false
            for i in [low - 1, low, low + 1] where i >= 0 && i < edits.count {
                if edits[i] == edit { present = true } else if overlap(edits[i].range, edit.range) { clashes = true }
            }
            return (low, present, clashes)
        }
        for (diagnostic, placed) in candidates {
            let places = placed.map { place($0.edit, in: $0.file) }
            if places.contains(where: \.clashes) { continue }
            takenDiagnostics.append(diagnostic)
            let new = zip(placed, places).filter { !$0.1.present }.map(\.0)
            if new.isEmpty { continue }
            for p in new {
                let at = place(p.edit, in: p.file).index
                sorted[p.file, default: []].insert(p.edit, at: at)
            }
            for file in Set(new.map(\.file)) {
                // In place: a copy of the entry to change would copy its edits each time.
                taken[file, default: FileEdits(file: file, edits: [], fixes: 0)].edits += new.filter { $0.file == file }.map(\.edit)
                taken[file]!.fixes += 1
            }
        }
        return (taken.values.sorted { $0.file < $1.file }, takenDiagnostics)
    }

    /// What `make` did.
    public struct Made: Sendable {
        /// The last check's report: what is left.
        public var report: CheckReport
        /// How many fixes were made in each file.
        public var fixed: [String: Int] = [:]
        /// Files left as they were because they changed while they were checked.
        public var changedMeanwhile: [String] = []
        /// A file that could not be written, and why: nothing more was done after it.
        public var failure: (file: String, error: FileSystemError)?
    }

    /// The certain fixes made in rounds, as `ampu fix` makes them: from a first check, each file's fixes
    /// written (the file whole, and only when it is still as the check read it), `check` run
    /// again to fix what the fixes show, at most `rounds` times. A problem fixed once is not
    /// fixed again when the next check finds it still there (the same code and message, on the
    /// same text): a fix that does not take its problem away is not made again and again.
    /// - Parameter first: the first check's report (the caller has it already).
    public static func make(from first: CheckReport, rounds: Int = 4, fileSystem: any FileSystem, check: () -> CheckReport) -> Made {
        var made = Made(report: first)
        var fixedOnce = Set<[String]>()
        for _ in 0..<rounds {
            let report = made.report
            /// What tells a problem again: its file, code, message and the text it is on.
            func identity(_ d: Diagnostic) -> [String] {
                let text = d.file.flatMap { report.snapshot.sources[$0] }.map { source in
                    String(decoding: source.bytes[min(d.range.lowerBound, source.bytes.count)..<min(d.range.upperBound, source.bytes.count)], as: UTF8.self)
                }
                return [d.file ?? "", d.code ?? "", d.message, text ?? ""]
            }
            let open = report.diagnostics.filter { !fixedOnce.contains(identity($0)) }
            let (chosen, taken) = choose(open, editable: editable(in: report.snapshot))
            if chosen.isEmpty { break }
            for i in taken { fixedOnce.insert(identity(open[i])) }
            for file in chosen {
                guard let source = report.snapshot.sources[file.file] else { continue }
                guard (try? fileSystem.readFile(file.file)) == source.bytes else {
                    if !made.changedMeanwhile.contains(file.file) { made.changedMeanwhile.append(file.file) }
                    continue
                }
                do throws(FileSystemError) {
                    // The edits were chosen not to overlap, and are placed in the text they were made for.
                    guard let bytes = try? TextEdit.apply(file.edits, to: source.bytes) else { continue }
                    try fileSystem.writeFile(file.file, bytes)
                } catch {
                    made.failure = (file.file, error)
                    return made
                }
                made.fixed[file.file, default: 0] += file.fixes
            }
            made.report = check()
        }
        return made
    }

    /// Two edits that cannot both be made: their ranges share a byte, or both insert at one
    /// place (which text would come first is not known).
    static func overlap(_ a: SourceRange, _ b: SourceRange) -> Bool {
        (a.lowerBound < b.upperBound && b.lowerBound < a.upperBound) || a == b
    }
}
