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

    /// The fixes to make now, by file (in the order of the paths).
    public static func chosen(_ diagnostics: [Diagnostic], editable: Set<String>) -> [FileEdits] {
        var taken: [String: FileEdits] = [:]
        for d in diagnostics {
            guard let fix = d.fix, fix.isCertain, !fix.edits.isEmpty else { continue }
            let placed = fix.edits.map { e in (file: e.file ?? d.file, edit: TextEdit(range: e.range, newText: e.newText)) }
            guard placed.allSatisfy({ $0.file.map(editable.contains) ?? false }) else { continue }
            let new = placed.filter { p in !(taken[p.file!]?.edits.contains(p.edit) ?? false) }
            if new.isEmpty { continue }
            let clashes = new.contains { p in taken[p.file!]?.edits.contains { overlap($0.range, p.edit.range) } ?? false }
            if clashes { continue }
            for file in Set(new.map { $0.file! }) {
                var entry = taken[file] ?? FileEdits(file: file, edits: [], fixes: 0)
                entry.edits += new.filter { $0.file == file }.map(\.edit)
                entry.fixes += 1
                taken[file] = entry
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
