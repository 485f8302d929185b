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
    /// Problems found while planning (a compiler that is not there, a glob that matches
    /// nothing). An error means the plan cannot run; warnings travel with a plan that can.
    public var diagnostics: [Diagnostic]

    /// A program or test the plan makes.
    public struct Product: Hashable, Sendable {
        public var name: String
        public var package: String
        /// The executable (absolute).
        public var path: String
        /// The action that writes it.
        public var action: Int

        public init(name: String, package: String, path: String, action: Int) {
            self.name = name
            self.package = package
            self.path = path
            self.action = action
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

    /// The action that writes `path`, when one does.
    public func producer(of path: String) -> Int? {
        actions.firstIndex { $0.outputs.contains(path) }
    }

    /// A path as the plan shows it: relative to the root when inside it.
    public func display(_ path: String) -> String { Paths.relative(path, ifWithin: root) }
}
