/// A path written in a manifest that leads nowhere, respelt as the path most likely meant: each
/// component that is not there becomes the closest name there is (a directory on the way, an
/// entry `isWanted` accepts at the end), so `scr/lb.oats` reads as `src/lib.oats`.
public enum PathSpelling {
    /// The respelt path, written as `path` was (relative to `base`), or nil when some component
    /// is close to nothing there or the result is not wanted.
    public static func closest(to path: String, from base: String, fileSystem: any FileSystem, isWanted: (String) -> Bool) -> String? {
        var written = path
        while written.count > 1 && written.hasSuffix("/") { written.removeLast() }
        var parts = written.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last, !last.isEmpty, last != ".", last != ".." else { return nil }
        var directory = Paths.isAbsolute(written) ? "/" : base
        var changed = false
        for i in parts.indices {
            let part = parts[i]
            let isLast = i == parts.count - 1
            if part.isEmpty || part == "." || part == ".." {
                directory = Paths.join(directory, part)
                continue
            }
            let here = Paths.join(directory, part)
            if isLast ? isWanted(here) : fileSystem.isDirectory(here) {
                directory = here
                continue
            }
            let names = ((try? fileSystem.directoryEntries(directory)) ?? []).filter { entry in
                !entry.name.hasPrefix(".") && (isLast ? isWanted(Paths.join(directory, entry.name)) : fileSystem.isDirectory(Paths.join(directory, entry.name)))
            }.map(\.name)
            guard let guess = Spelling.closest(to: part, in: names) else { return nil }
            parts[i] = guess
            directory = Paths.join(directory, guess)
            changed = true
        }
        return changed ? parts.joined(separator: "/") : nil
    }
}
