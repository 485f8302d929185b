/// One step of a build: a program run with an argument vector (never a shell) in a directory,
/// reading exactly `inputs` and writing exactly `outputs`. The planner makes them; the scheduler
/// runs them; `build.ninja` and `compile_commands.json` are written from them.
public struct BuildAction: Hashable, Sendable {
    /// What the action does, for grouping, timings and the compile database.
    public enum Kind: String, Hashable, Sendable {
        /// A compiler run on the language's own sources.
        case compile
        /// The C compiler on one native source (`cc -c`).
        case compileNative = "compile-native"
        /// Native objects put in a static library (`ar`).
        case archive
        /// Objects and libraries linked into a program.
        case link
        /// A command the build file gives (Aria's `pre_build`, `post_build`, a custom target's).
        case command
        /// A program the build compiles and then runs to prepare a package (Rask's build
        /// script): `--force` runs it again.
        case buildScript = "build-script"
    }

    /// A time limit of its own, over the build's `[build] timeout`, with what to say when it is
    /// reached (Rask's `build_timeout`).
    /// How much memory the program may hold (its resident set), and what to say when it
    /// holds more and is stopped (Rask's `build_max_memory`).
    public struct MemoryLimit: Hashable, Sendable {
        public var bytes: Int
        public var message: String
        public var help: [String]

        public init(bytes: Int, message: String, help: [String]) {
            self.bytes = bytes
            self.message = message
            self.help = help
        }
    }

    public struct TimeLimit: Hashable, Sendable {
        public var seconds: Double
        public var message: String
        public var help: [String]

        public init(seconds: Double, message: String, help: [String]) {
            self.seconds = seconds
            self.message = message
            self.help = help
        }
    }

    /// Its index in the plan.
    public var id: Int
    public var kind: Kind
    /// The package it belongs to, as messages name it.
    public var package: String
    /// What the progress line and the timings show: `Compiling util`.
    public var description: String
    /// The program and its arguments. Paths in it are relative to `directory` when they are inside it.
    public var arguments: [String]
    /// A program run in front of it (`ccache`), not part of the command a compile database shows.
    public var launcher: [String]
    /// Variables set for this action on top of the environment ampu runs in.
    public var environment: [String: String]
    /// The working directory (absolute): the workspace root.
    public var directory: String
    /// Every file the action reads (absolute paths, sorted): its sources, what they import, the
    /// objects and libraries it links. A change to any of them reruns it.
    public var inputs: [String]
    /// Every file it writes (absolute paths).
    public var outputs: [String]
    /// A Makefile-style dependency file the program writes (`cc -MD -MF`), naming headers it
    /// read that the plan could not know; absolute.
    public var depfile: String?
    /// The source files this action compiles, for `compile_commands.json` (absolute).
    public var compiledFiles: [String]
    /// Actions that must finish first, by id: those writing files it reads, and any it is
    /// ordered after.
    public var dependencies: [Int]
    /// Its own time limit; nil: the build's.
    public var limit: TimeLimit?
    /// Its memory limit; nil: none.
    public var memoryLimit: MemoryLimit?

    public init(id: Int = 0, kind: Kind, package: String, description: String, arguments: [String], launcher: [String] = [], environment: [String: String] = [:],
                directory: String, inputs: [String], outputs: [String], depfile: String? = nil, compiledFiles: [String] = [], dependencies: [Int] = [],
                limit: TimeLimit? = nil, memoryLimit: MemoryLimit? = nil) {
        self.id = id
        self.kind = kind
        self.package = package
        self.description = description
        self.arguments = arguments
        self.launcher = launcher
        self.environment = environment
        self.directory = directory
        self.inputs = inputs
        self.outputs = outputs
        self.depfile = depfile
        self.compiledFiles = compiledFiles
        self.dependencies = dependencies
        self.limit = limit
        self.memoryLimit = memoryLimit
    }

    /// What is run: the launcher, then the arguments.
    public var commandLine: [String] { launcher + arguments }

    /// The command line as a shell would take it, each word quoted where it needs to be: for
    /// messages and `build.ninja` (never run through a shell by ampu).
    public var shellCommand: String { ShellWords.join(commandLine) }
}
