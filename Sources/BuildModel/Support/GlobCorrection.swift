extension Glob {
    /// For a pattern that matches no file under `root`, the pattern the writer most likely
    /// meant, when one close to it matches files: a directory of its literal start spelt like
    /// one that is there (`scr/*.c` for `src/*.c`), an extension spelt like one the files
    /// under it have (`src/**/*.aira` for `*.aria`), or both. nil when no such pattern matches.
    public func correction(in root: String, fileSystem: any FileSystem, ignoring: GitIgnore? = nil) -> String? {
        var parts = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let isWild = { (part: String) in part.contains { $0 == "*" || $0 == "?" || $0 == "[" } }
        var changed = false
        // The literal directories the pattern starts with, each as it is on disk or as the
        // closest name there.
        var directory = root
        for i in parts.indices.dropLast() where !isWild(parts[i]) && !parts[0..<i].contains(where: isWild) {
            let part = parts[i]
            if part.isEmpty || part == "." || part == ".." || fileSystem.isDirectory(Paths.join(directory, part)) {
                directory = Paths.join(directory, part)
                continue
            }
            let names = ((try? fileSystem.directoryEntries(directory)) ?? []).filter { $0.kind == .directory && !$0.name.hasPrefix(".") }.map(\.name)
            guard let guess = Spelling.closest(to: part, in: names) else { return nil }
            parts[i] = guess
            directory = Paths.join(directory, guess)
            changed = true
        }
        let corrected = parts.joined(separator: "/")
        if changed, !Glob(corrected).files(in: root, fileSystem: fileSystem, ignoring: ignoring).isEmpty { return corrected }
        // The extension of a wildcard last part (`*.aira`), as the files there are named.
        guard let last = parts.last, isWild(last), let dot = last.lastIndex(of: "."), !isWild(String(last[last.index(after: dot)...])) else { return nil }
        let written = String(last[last.index(after: dot)...])
        let everything = Glob((parts.dropLast() + ["*"]).joined(separator: "/")).files(in: root, fileSystem: fileSystem, ignoring: ignoring)
        let extensions = Set(everything.compactMap { path -> String? in
            guard let name = path.split(separator: "/").last, let d = name.lastIndex(of: "."), d != name.startIndex else { return nil }
            return String(name[name.index(after: d)...])
        })
        guard let guess = Spelling.closest(to: written, in: extensions.sorted()) else { return nil }
        parts[parts.count - 1] = String(last[...dot]) + guess
        let withExtension = parts.joined(separator: "/")
        return Glob(withExtension).files(in: root, fileSystem: fileSystem, ignoring: ignoring).isEmpty ? nil : withExtension
    }
}
