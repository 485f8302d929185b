/// One target of a build.abc, its strings expanded (`&{name}`), each value with its range.
///
/// The seed's schema (`name`, `type`, `sources`, `output`, `depends_on`, `flags`, `env`,
/// `pre_build`, `post_build`) and the keys real projects write (`deps`, `src`, `include_dirs`,
/// `libs`, `link_libraries`, `link_paths`, `compiler`) read into one shape: `deps` and
/// `depends_on` are both `dependencies`, `src` is `sources`.
public struct AriaTarget: Sendable {
    /// What the target builds. Real files' spellings are read as the seed's kinds:
    /// `executable` is a binary, `lib` and `shared_library` are libraries.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A program, LLVM IR that `lli` runs.
        case binary
        case library
        /// A program `ampu test` runs.
        case test
        /// Only its `command`, `pre_build` and `post_build` commands.
        case custom
        /// C sources compiled with the system's C compiler and archived (`lib<name>.a`).
        case cLibrary = "c_library"

        /// The kind a `type` value names, real spellings included.
        public static func named(_ text: String) -> Kind? {
            switch text {
            case "executable": .binary
            case "lib", "shared_library": .library
            default: Kind(rawValue: text)
            }
        }

        /// Every spelling `type` takes, the seed's first.
        public static let spellings = ["binary", "library", "test", "custom", "c_library", "executable", "lib", "shared_library"]
    }

    public var name: Located<String>
    /// nil when `type` is missing or names no kind (the reader said so).
    public var kind: Kind?
    /// The section header (`[target.app]`) or the target's object: where problems of the whole
    /// target are shown.
    public var range: SourceRange
    /// Source patterns (`src/**/*.aria`), relative to the project root.
    public var sources: [Located<String>] = []
    /// The output as written, when it is.
    public var output: Located<String>?
    /// Other targets built first, by name (`depends_on`, `deps`).
    public var dependencies: [Located<String>] = []
    public var flags: [Located<String>] = []
    /// Variables set for the target's commands, in the order written.
    public var environment: [(name: String, value: Located<String>)] = []
    public var preBuild: [Located<String>] = []
    public var postBuild: [Located<String>] = []
    /// A custom target's command.
    public var command: [Located<String>] = []
    /// Libraries linked (`-l`), and where they are looked for (`-L`).
    public var linkLibraries: [Located<String>] = []
    public var linkPaths: [Located<String>] = []
    /// Include directories (`-I`), relative to the project root.
    public var includeDirectories: [Located<String>] = []
    /// Objects and archives passed to the compiler as they are.
    public var libraries: [Located<String>] = []
    /// A c_library's C compiler (`gcc`), or an Aria target's own ariac.
    public var compiler: Located<String>?

    public init(name: Located<String>, kind: Kind?, range: SourceRange) {
        self.name = name
        self.kind = kind
        self.range = range
    }

    /// Where the build output of the project goes, relative to the project root: aria_make's.
    public static let buildDirectory = ".aria_make/build"

    /// The file the target writes, relative to the project root; nil for a custom target that
    /// names none. An `output` with a directory is relative to the project root, a bare file
    /// name goes in `.aria_make/build/` (as aria_make places `libmath_wrapper.a`); without one,
    /// `.aria_make/build/NAME.ll` (a c_library: `lib NAME.a`).
    public var outputPath: String? {
        if let written = output?.value, !written.isEmpty {
            return written.contains("/") ? Paths.normalize(written) : Paths.join(Self.buildDirectory, written)
        }
        switch kind {
        case .cLibrary: return Paths.join(Self.buildDirectory, "lib\(name.value).a")
        case .custom, nil: return nil
        case .binary, .library, .test: return Paths.join(Self.buildDirectory, "\(name.value).ll")
        }
    }

    /// Whether `ampu test` runs it: a `test` target, or a program named as real projects name
    /// their tests (`test-json`, `test_physics2d`, `json_test`).
    public var isTest: Bool {
        if kind == .test { return true }
        guard kind == .binary else { return false }
        let n = name.value
        return n.hasPrefix("test-") || n.hasPrefix("test_") || n.hasSuffix("-test") || n.hasSuffix("_test") || n == "test"
    }

    /// The include directories its flags name (`-I dir`, `-Idir`), relative to the project root.
    public var flagIncludeDirectories: [String] {
        var out: [String] = []
        var i = 0
        while i < flags.count {
            let f = flags[i].value
            if f == "-I", i + 1 < flags.count {
                out.append(flags[i + 1].value)
                i += 2
                continue
            }
            if f.hasPrefix("-I"), f.count > 2 { out.append(String(f.dropFirst(2))) }
            i += 1
        }
        return out
    }
}
