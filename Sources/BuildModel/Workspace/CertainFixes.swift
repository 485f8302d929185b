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

    /// The fixes to make now, by file (in the order of the paths). Fixes are weighed in the
    /// order of where they start (a file's path, then the place in it), so that of two that
    /// overlap the first in the text is made; each file's edits taken so far are kept in that
    /// order, so that a fix is weighed against its neighbours alone (a file of ten thousand
    /// fixes takes no longer than ten thousand steps).
    public static func chosen(_ diagnostics: [Diagnostic], editable: Set<String>) -> [FileEdits] {
        typealias Placed = (file: String, edit: TextEdit)
        var candidates: [[Placed]] = []
        for d in diagnostics {
            guard let fix = d.fix, fix.isCertain, !fix.edits.isEmpty else { continue }
            var placed: [Placed] = []
            for e in fix.edits {
                guard let file = e.file ?? d.file, editable.contains(file) else { placed = []; break }
                placed.append((file, TextEdit(range: e.range, newText: e.newText)))
            }
            // A fix whose own edits clash is no fix.
            let own = placed.sorted { ($0.file, $0.edit.range.lowerBound, $0.edit.range.upperBound) < ($1.file, $1.edit.range.lowerBound, $1.edit.range.upperBound) }
            if zip(own, own.dropFirst()).contains(where: { $0.file == $1.file && overlap($0.edit.range, $1.edit.range) }) { continue }
            if !placed.isEmpty { candidates.append(placed) }
        }
        candidates.sort { a, b in (a[0].file, a[0].edit.range.lowerBound, a[0].edit.range.upperBound) < (b[0].file, b[0].edit.range.lowerBound, b[0].edit.range.upperBound) }
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
        for placed in candidates {
            let places = placed.map { place($0.edit, in: $0.file) }
            if places.contains(where: \.clashes) { continue }
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
        return taken.values.sorted { $0.file < $1.file }
    }

    /// Two edits that cannot both be made: their ranges share a byte, or both insert at one
    /// place (which text would come first is not known).
    static func overlap(_ a: SourceRange, _ b: SourceRange) -> Bool {
        (a.lowerBound < b.upperBound && b.lowerBound < a.upperBound) || a == b
    }
}
