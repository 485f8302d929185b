extension Glob {
    /// For a pattern that matches no file under `root`, the pattern the writer most likely
    /// meant, when one close to it matches files: a directory of its literal start spelt like
    /// one that is there (`scr/*.c` for `src/*.c`), an extension spelt like one the files
    /// under it have (`src/**/*.aira` for `*.aria`), or both. nil when no such pattern matches.
    /// (`ignoring`, `skipping`: as `files` takes them.)
    public func correction(in root: String, fileSystem: any FileSystem, ignoring: GitIgnore? = nil, skipping: Skips = .none) -> String? {
        var parts = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let isWild = { (part: String) in part.contains { $0 == "*" || $0 == "?" || $0 == "[" } }
        // The literal directories the pattern starts with, respelt as the ones there are.
        let literal = parts.dropLast().prefix { !isWild($0) }.count
        if literal > 0, !fileSystem.isDirectory(Paths.join(root, parts[..<literal].joined(separator: "/"))) {
            guard let meant = PathSpelling.closest(to: parts[..<literal].joined(separator: "/"), from: root, fileSystem: fileSystem, isWanted: fileSystem.isDirectory) else { return nil }
            parts.replaceSubrange(..<literal, with: meant.split(separator: "/", omittingEmptySubsequences: false).map(String.init))
            let corrected = parts.joined(separator: "/")
            if !Glob(corrected).files(in: root, fileSystem: fileSystem, ignoring: ignoring, skipping: skipping).isEmpty { return corrected }
        }
        // The extension of a wildcard last part (`*.aira`), as the files there are named.
        guard let last = parts.last, isWild(last), let dot = last.lastIndex(of: "."), !isWild(String(last[last.index(after: dot)...])) else { return nil }
        let written = String(last[last.index(after: dot)...])
        let everything = Glob((parts.dropLast() + ["*"]).joined(separator: "/")).files(in: root, fileSystem: fileSystem, ignoring: ignoring, skipping: skipping)
        let extensions = Set(everything.compactMap { path -> String? in
            guard let name = path.split(separator: "/").last, let d = name.lastIndex(of: "."), d != name.startIndex else { return nil }
            return String(name[name.index(after: d)...])
        })
        guard let guess = Spelling.closest(to: written, in: extensions.sorted()) else { return nil }
        parts[parts.count - 1] = String(last[...dot]) + guess
        let withExtension = parts.joined(separator: "/")
        return Glob(withExtension).files(in: root, fileSystem: fileSystem, ignoring: ignoring, skipping: skipping).isEmpty ? nil : withExtension
    }
}
