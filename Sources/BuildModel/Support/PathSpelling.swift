/// A path written in a manifest that leads nowhere, respelt as the path most likely meant: each
/// component that is not there becomes the closest name there is (a directory on the way, an
/// entry `isWanted` accepts at the end), so `scr/lb.oats` reads as `src/lib.oats`.
public enum PathSpelling {
    /// How many directories spelt like a missing one are tried in all, one path: a path of
    /// many misspelt parts, each with several directories like it, must not try every
    /// combination.
    static let tries = 64

    /// The respelt path, written as `path` was (relative to `base`), or nil when some component
    /// is close to nothing there or the result is not wanted. Of the ways to respell it, the one
    /// with the fewest edits in all (the first found of those as few): `mdoel/user` is
    /// `model/user` when `mdoell/` is there too but holds no `user`.
    public static func closest(to path: String, from base: String, fileSystem: any FileSystem, isWanted: (String) -> Bool) -> String? {
        closest(to: path, from: base, isThere: { here, isLast in isLast ? isWanted(here) : fileSystem.isDirectory(here) }) { directory, _ in
            ((try? fileSystem.contentsOfDirectory(directory)) ?? []).filter { !$0.hasPrefix(".") }
        }
    }

    /// The same rule over names that are not a directory's entries as such (an import names a
    /// module by its file's stem): `isThere(path, isLast)` says whether a component is there (a
    /// directory on the way; what is wanted at the end), and `names(directory, isLast)` the
    /// names it could be instead, sorted (each is taken only if it is there).
    public static func closest(to path: String, from base: String, isThere: (String, Bool) -> Bool, names: (String, Bool) -> [String]) -> String? {
        var written = path
        while written.count > 1 && written.hasSuffix("/") { written.removeLast() }
        var parts = written.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last, !last.isEmpty, last != ".", last != ".." else { return nil }
        var budget = tries
        var best: (edits: Int, parts: [String])?
        // Down from `top` at part `start`, `edits` made so far. A part that is there is passed in
        // a loop; only a guess goes a level deeper, so the depth is bounded by the tries,
        // however many parts the path has.
        func respell(_ start: Int, in top: String, edits: Int) {
            var i = start, directory = top
            while i < parts.count {
                let part = parts[i]
                let isLast = i == parts.count - 1
                let here = Paths.join(directory, part)
                if part.isEmpty || part == "." || part == ".." || isThere(here, isLast) {
                    directory = here
                    i += 1
                    continue
                }
                for (guess, distance) in Spelling.ranked(to: part, in: names(directory, isLast)) {
                    // No better than what is found already: nor is anything after it.
                    guard budget > 0, best.map({ edits + distance < $0.edits }) ?? true else { break }
                    guard isThere(Paths.join(directory, guess), isLast) else { continue }
                    budget -= 1
                    parts[i] = guess
                    respell(i + 1, in: Paths.join(directory, guess), edits: edits + distance)
                }
                parts[i] = part
                return
            }
            best = (edits, parts)
        }
        respell(0, in: Paths.isAbsolute(written) ? "/" : base, edits: 0)
        guard let best else { return nil }
        let respelt = best.parts.joined(separator: "/")
        return respelt == written ? nil : respelt
    }
}
