/// What the last `elm make` recorded in `elm-stuff/0.19.1/d.dat` (elm/compiler's
/// `Elm.Details`): when it read elm.json, the source directories, and for each local module its
/// file, the file's time, its imports, whether it has `main`, and the builds that last changed
/// and last compiled it; then each foreign module's package.
public struct ElmBuildDetails: Sendable {
    public struct Local: Sendable, Hashable {
        public var path: String
        /// The file's modification time in picoseconds, as elm read it.
        public var time: UInt128
        /// Every module it imports, the implicit ones (`Basics`, `List`, …) first.
        public var imports: [String]
        public var hasMain: Bool
        public var lastChange: UInt64
        public var lastCompile: UInt64
    }

    /// elm.json's modification time in picoseconds.
    public var outlineTime: UInt128
    /// The application's source directories as elm.json wrote them; empty for a package.
    public var sourceDirectories: [String]
    public var buildID: UInt64
    public var locals: [String: Local]
    /// Each foreign module's package.
    public var foreigns: [String: String]

    /// `elm-stuff/0.19.1/d.dat` of the project in `directory`.
    public static func path(in directory: String) -> String { Paths.join(directory, "elm-stuff", "0.19.1", "d.dat") }

    /// The record, or nil when there is none or it is not one elm 0.19.1 wrote.
    public static func read(_ path: String, fileSystem: any FileSystem) -> ElmBuildDetails? {
        guard let bytes = try? fileSystem.readFile(path) else { return nil }
        return try? ElmBuildDetails(bytes)
    }

    init(_ bytes: [UInt8]) throws(ElmBinary.Damaged) {
        var r = ElmBinary(bytes)
        outlineTime = try r.integer()
        sourceDirectories = []
        switch try r.word8() {
        case 0:
            // A non-empty list: the first directory, then the rest as a list.
            func directory(_ r: inout ElmBinary) throws(ElmBinary.Damaged) -> String {
                guard try r.word8() <= 1 else { throw ElmBinary.Damaged() }
                return try r.string()
            }
            sourceDirectories.append(try directory(&r))
            for _ in 0..<(try r.count()) { sourceDirectories.append(try directory(&r)) }
        case 1:
            _ = try r.packageName()
            for _ in 0..<(try r.count()) { _ = try r.name() }
            for _ in 0..<(try r.count()) { _ = try r.packageName(); _ = try r.version() }
        default:
            throw ElmBinary.Damaged()
        }
        buildID = try r.word64()
        locals = [:]
        for _ in 0..<(try r.count()) {
            let name = try r.name()
            let path = try r.string()
            let time = try r.integer()
            var imports: [String] = []
            for _ in 0..<(try r.count()) { imports.append(try r.name()) }
            locals[name] = Local(path: path, time: time, imports: imports, hasMain: try r.bool(), lastChange: try r.word64(), lastCompile: try r.word64())
        }
        foreigns = [:]
        for _ in 0..<(try r.count()) {
            let module = try r.name()
            foreigns[module] = try r.packageName()
            for _ in 0..<(try r.count()) { _ = try r.packageName() }
        }
    }
}
