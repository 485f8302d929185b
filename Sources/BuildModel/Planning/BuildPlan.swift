/// A workspace's build: actions in an order where each comes after the ones it depends on, the
/// programs and tests they make, and what a plan could not do as diagnostics.
public struct BuildPlan: Sendable {
    /// The workspace root: actions run there and paths are shown relative to it.
    public var root: String
    /// The profile built (`debug`, `release`, …) with its settings.
    public var profile: ProfileSettings
    /// `target/` (absolute).
    public var targetDirectory: String
    /// Actions in dependency order (each after those it depends on); `actions[i].id == i`.
    public private(set) var actions: [BuildAction]
    /// Programs the build makes, by name: `ampu run` runs one.
    public var programs: [Product]
    /// Test programs: `ampu test` runs each.
    public var tests: [Product]
    /// Whether its profile means anything (false for Aria): messages then leave it out.
    public var usesProfile = true
    /// How `compile_commands.json` is written for it.
    public var compileDatabase: CompileCommands.Style = .arguments
    /// Problems found while planning (a compiler that is not there, a glob that matches
    /// nothing). An error means the plan cannot run; warnings travel with a plan that can.
    public var diagnostics: [Diagnostic]
    /// Actions that cannot run (their compiler is not there: an error among `diagnostics` says
    /// so). They stay in the plan, for `tree` and `graph`, but a build starts neither them nor
    /// what needs them, and builds the rest.
    public var blocked: Set<Int> = []
    /// Directories whose names the plan was made from (those a `[native] sources` glob read),
    /// each with its time and names when read: the kept plan stands while they stay.
    public var listedDirectories: [String: Listing] = [:]
    /// Other files the plan was made from, there or not (Aria's `.gitignore`, when the project
    /// follows it): the kept plan stands while they stay as they were.
    public var readFiles: Set<String> = []

    /// A directory as the plan read it: its modification time (-1: not there) and its names
    /// (nil: it could not be listed).
    public struct Listing: Hashable, Sendable {
        public var time: Int64
        public var names: [String]?

        public init(time: Int64, names: [String]?) {
            self.time = time
            self.names = names
        }
    }

    /// Whether the action, or one it needs, cannot run.
    public func isBlocked(_ id: Int) -> Bool {
        blocked.contains(id) || actions[id].dependencies.contains { isBlocked($0) }
    }

    /// A program or test the plan makes.
    public struct Product: Hashable, Sendable {
        public var name: String
        public var package: String
        /// The executable (absolute).
        public var path: String
        /// The action that writes it.
        public var action: Int
        /// What runs it, before its path (Aria's `lli --extra-module=…`); empty when it is an
        /// executable itself.
        public var runner: [String] = []

        public init(name: String, package: String, path: String, action: Int, runner: [String] = []) {
            self.name = name
            self.package = package
            self.path = path
            self.action = action
            self.runner = runner
        }

        /// The command that runs it with `arguments`.
        public func commandLine(_ arguments: [String]) -> [String] { runner + [path] + arguments }

        /// That command as a shell in `directory` would take it, as Cargo shows what it runs:
        /// the program's path relative to there when it is inside (`target/debug/app`,
        /// `./app`), else whole; the arguments as they are.
        public func shownCommand(_ arguments: [String], from directory: String) -> String {
            var shown = Paths.relative(path, ifWithin: directory)
            if !shown.contains("/") { shown = "./" + shown }
            return ShellWords.join(runner + [shown] + arguments)
        }
    }

    public init(root: String, profile: ProfileSettings, targetDirectory: String) {
        self.root = root
        self.profile = profile
        self.targetDirectory = targetDirectory
        self.actions = []
        self.programs = []
        self.tests = []
        self.diagnostics = []
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// How a closing line says that the plan's errors stopped (some of) the build.
    public static let errorsShownAbove = "the plan has errors (above)"

    /// `target/<profile>`.
    public var profileDirectory: String { Paths.join(targetDirectory, profile.directoryName) }

    /// Adds an action after those it depends on (which must be in the plan already) and
    /// returns its id.
    @discardableResult
    public mutating func add(_ action: BuildAction) -> Int {
        var action = action
        action.id = actions.count
        precondition(action.dependencies.allSatisfy { $0 < action.id }, "an action must come after its dependencies")
        action.dependencies = Array(Set(action.dependencies)).sorted()
        actions.append(action)
        return action.id
    }

    /// The part of the plan that builds the targets or packages `names` (as actions name their
    /// package) and everything they need, ids renumbered; or an error naming the closest name
    /// when one is not in the plan.
    public func selecting(_ names: [String]) -> Result<BuildPlan, Diagnostic> {
        var known: [String] = []
        for a in actions where !known.contains(a.package) { known.append(a.package) }
        for name in names where !known.contains(name) {
            let guess = Spelling.closest(to: name, in: known)
            return .failure(Diagnostic(severity: .error, message: "nothing to build is named '\(name)'", range: .at(0),
                                       help: (guess.map { ["did you mean '\($0)'?"] } ?? []) + ["the names are: " + known.joined(separator: ", ")]).unplaced)
        }
        return .success(part(packages: names))
    }

    /// The part of the plan that builds the actions of the packages (or targets) `names` and
    /// everything they need, ids renumbered; none for a name with no action.
    public func part(packages names: [String]) -> BuildPlan {
        part(building: actions.filter { names.contains($0.package) }.map(\.id))
    }

    /// The part of the plan that runs the actions `roots` and everything they need, ids
    /// renumbered, with the products those actions make.
    public func part(building roots: [Int]) -> BuildPlan {
        var keep = Set<Int>()
        var pending = roots
        while let id = pending.popLast() {
            guard keep.insert(id).inserted else { continue }
            pending += actions[id].dependencies
        }
        var part = BuildPlan(root: root, profile: profile, targetDirectory: targetDirectory)
        part.compileDatabase = compileDatabase
        part.usesProfile = usesProfile
        part.diagnostics = diagnostics
        var newID: [Int: Int] = [:]
        for action in actions where keep.contains(action.id) {
            var copy = action
            copy.dependencies = action.dependencies.compactMap { newID[$0] }
            newID[action.id] = part.add(copy)
        }
        func narrowed(_ products: [Product]) -> [Product] {
            products.compactMap { p in
                guard let id = newID[p.action] else { return nil }
                var copy = p
                copy.action = id
                return copy
            }
        }
        part.programs = narrowed(programs)
        part.tests = narrowed(tests)
        part.blocked = Set(blocked.compactMap { newID[$0] })
        return part
    }

    /// The plan without its test programs and what only they need (a test's own compiles), as
    /// `cargo build` leaves tests to `cargo test`: every action that is needed by no other
    /// (a program, a library) and is no test program's, with what it needs. Nil when the plan
    /// has no test program: it is all built.
    public func withoutTests() -> BuildPlan? {
        guard !tests.isEmpty else { return nil }
        let testActions = Set(tests.map(\.action))
        var needed = Set<Int>()
        for action in actions { needed.formUnion(action.dependencies) }
        return part(building: actions.map(\.id).filter { !needed.contains($0) && !testActions.contains($0) })
    }

    /// A path as the plan shows it: relative to the root when inside it.
    public func display(_ path: String) -> String { Paths.relative(path, ifWithin: root) }
}

extension Glob {
    /// The files the pattern matches (`files(in:fileSystem:ignoring:)`), each directory read for
    /// them added to `listed` (a plan's `listedDirectories`) as it was when first read: a
    /// directory already there is not read again.
    func files(in root: String, fileSystem: any FileSystem, ignoring: GitIgnore? = nil, skipping: Skips = .none, noting listed: inout [String: BuildPlan.Listing]) -> [String] {
        var read: [String: BuildPlan.Listing] = [:]
        let known = listed
        let found = files(in: root, fileSystem: fileSystem, ignoring: ignoring, skipping: skipping) { directory, status, names in
            guard known[directory] == nil, read[directory] == nil else { return }
            read[directory] = BuildPlan.Listing(time: status?.modificationTime ?? -1, names: names())
        }
        listed.merge(read) { first, _ in first }
        return found
    }
}
