/// "Did you mean …?": the closest of some candidates to a misspelt word.
public enum Spelling {
    /// Edit distance over Unicode scalars: insert, delete, substitute, and swap two neighbours
    /// ("nmae" → "name"), each costing 1 (optimal string alignment).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo:
    /// at most a third of the word's length (and at least 1) edits away, ignoring case first.
    /// Ties go to the earlier candidate, so the result is deterministic.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        plausible(to: word, in: candidates).first
    }

    /// Every candidate close enough to `word` to be a plausible typo (as `closest` judges),
    /// closest first, ties in the candidates' order: for a guess that must also pass another
    /// test (a directory that holds the module looked for).
    public static func plausible<S: Sequence>(to word: String, in candidates: S) -> [String] where S.Element == String {
        ranked(to: word, in: candidates).map(\.candidate)
    }

    /// `plausible`, each with its distance from `word` (0 for one that differs only in case).
    public static func ranked<S: Sequence>(to word: String, in candidates: S) -> [(candidate: String, distance: Int)] where S.Element == String {
        let limit = max(1, word.count / 3)
        var found: [(candidate: String, distance: Int)] = []
        for candidate in candidates where candidate != word {
            let d = candidate.lowercased() == word.lowercased() ? 0 : distance(word, candidate)
            if d <= limit { found.append((candidate, d)) }
        }
        // A stable order: the candidates' own among equals.
        return found.enumerated().sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }.map(\.element)
    }

    /// The closest of some `/`-separated package names (`elm/html`, `github.com/user/json`) to a
    /// misspelt one, one part misspelt at a time: its last part among the names with the same
    /// path before it (`elm/hmtl` → `elm/html`, but not `elm/http` → `elm/html`, two packages
    /// that differ only there), else the path before it among the names with the same last part
    /// (`github.com/usr/json`). A name without `/` is matched against the names' last parts,
    /// as a manifest's keys name them (`jsno` → `json`).
    public static func closestName(to name: String, in names: [String]) -> String? {
        func last(_ s: String) -> Substring { s.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(s) }
        let tail = last(name)
        guard name.contains("/") else { return closest(to: name, in: names.map { String(last($0)) }) }
        let head = name.dropLast(tail.count)
        let sameHead = names.filter { $0.hasPrefix(head) && !last($0).isEmpty && $0.count == head.count + last($0).count }
        if let guess = closest(to: String(tail), in: sameHead.map { String(last($0)) }) { return head + guess }
        return closest(to: name, in: names.filter { last($0) == tail })
    }
}
