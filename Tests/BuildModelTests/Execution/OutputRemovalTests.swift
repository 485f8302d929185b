import Foundation
import Testing
@testable import BuildModel

@Suite("what ampu clean removes, counted")
struct OutputRemovalTests {
    @Test("files are counted with their bytes, directories are not; a link is removed, not what it points to")
    func counts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-removal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/target/debug/deps", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/kept", withIntermediateDirectories: true)
        try String(repeating: "a", count: 12).write(toFile: dir + "/target/debug/app", atomically: false, encoding: .utf8)
        try String(repeating: "b", count: 2000).write(toFile: dir + "/target/debug/deps/libutil.a", atomically: false, encoding: .utf8)
        try "mine\n".write(toFile: dir + "/kept/notes.txt", atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: dir + "/target/elsewhere", withDestinationPath: dir + "/kept")
        var removal = OutputRemoval()
        try removal.remove(dir + "/target", fileSystem: LocalFileSystem())
        let link = (dir + "/kept").utf8.count
        #expect(removal.files == 3 && removal.bytes == 12 + 2000 + link)
        #expect(!fm.fileExists(atPath: dir + "/target"))
        #expect(try String(contentsOfFile: dir + "/kept/notes.txt", encoding: .utf8) == "mine\n")
        // What is not there removes nothing.
        try removal.remove(dir + "/target", fileSystem: LocalFileSystem())
        #expect(removal.files == 3)
    }

    @Test("sizes in binary units, one decimal past a KiB, as Cargo writes them")
    func sizes() {
        #expect([0, 12, 1023, 1024, 1536, 8_808_038, 1 << 30, 5 << 40].map(OutputRemoval.size)
                == ["0B", "12B", "1023B", "1.0KiB", "1.5KiB", "8.4MiB", "1.0GiB", "5.0TiB"])
        #expect(OutputRemoval().summary == "0 files, 0B total")
    }
}
