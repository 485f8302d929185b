/// Files read out of commits, kept beside the mirror in `<mirror>/ampu-files/`: a commit never
/// changes, so a file read from one once is read from disk after, without starting git (a warm
/// `ampu update` reads every package's manifest). Each ends in a marker, so that one a crash cut
/// short is not taken; only files found are kept.
struct GitFileMemo {
    let directory: String
    let fileSystem = LocalFileSystem()

    init(mirror: String) { directory = Paths.join(mirror, "ampu-files") }

    private static let marker = Array("\u{0}ampu-file\n".utf8)

    private func path(commit: String, file: String) -> String {
        Paths.join(directory, commit + "-" + file.replacing("/", with: "%"))
    }

    func read(commit: String, file: String) -> [UInt8]? {
        guard let bytes = try? fileSystem.readFile(path(commit: commit, file: file)), bytes.count >= Self.marker.count,
              bytes.suffix(Self.marker.count).elementsEqual(Self.marker) else { return nil }
        return Array(bytes.dropLast(Self.marker.count))
    }

    /// Written under a temporary name and renamed: readers see the whole file or none.
    func write(commit: String, file: String, _ bytes: [UInt8]) {
        let final = path(commit: commit, file: file)
        let temporary = final + ".partial-\(UInt32.random(in: 0...UInt32.max))"
        try? fileSystem.createDirectory(directory)
        guard (try? fileSystem.writeRecord(temporary, bytes + Self.marker)) != nil, (try? fileSystem.moveItem(temporary, final)) != nil else {
            try? fileSystem.removeItem(temporary)
            return
        }
    }
}
