import Foundation

/// Python 3 as an oracle for the differential tests: a script reads one JSON value on its
/// standard input and prints one on its standard output.
public enum Python {
    public static let path = "/usr/bin/python3"
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    public struct NotInstalled: Error, CustomStringConvertible {
        public var description: String { "python3 is not installed: scripts/install-deps installs it" }
    }

    /// Throws, failing the test with the way to install it, when Python is not here.
    public static func requireInstalled() throws {
        guard isInstalled else { throw NotInstalled() }
    }

    /// The script's answer to `value`. The input is written from a thread of its own, so that
    /// a large one cannot fill the pipe while Python fills the other.
    public static func ask(_ script: String, arguments: [String] = [], _ value: Any) throws -> Any {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["-c", script] + arguments
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        let payload = try JSONSerialization.data(withJSONObject: value)
        let writer = Thread { input.fileHandleForWriting.write(payload); try? input.fileHandleForWriting.close() }
        writer.start()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return try JSONSerialization.jsonObject(with: answer)
    }
}
