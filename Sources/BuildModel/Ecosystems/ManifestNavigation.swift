/// What only an ecosystem knows of the names a manifest defines and uses in its own file
/// (Aria's target names in `deps`, its `&{variables}`, its source patterns): the server asks it
/// before the schema, and answers from the schema when it says nothing.
public protocol ManifestNavigation: Sendable {
    /// Completions at `offset`; nil when it has none of its own there.
    func completions(at offset: Int) -> [ManifestCompletionItem]?
    /// What hover shows at `offset` (markdown), and the range it is about.
    func hover(at offset: Int, fileSystem: any FileSystem, environment: [String: String]) -> (text: String, range: SourceRange)?
    /// Where what is at `offset` is defined, in the same file.
    func definition(at offset: Int) -> SourceRange?
    /// The manifest of another project that what is at `offset` names (Aria's dependency on a
    /// project beside this one), when it is there.
    func definitionFile(at offset: Int, fileSystem: any FileSystem) -> String?
    /// A dependency being written at `offset` (Rask's `dep "…"` and `dep "http" "…"`); nil
    /// elsewhere. The server completes it from the packages and versions it knows, as it does in
    /// a TOML manifest.
    func dependencyBeingTyped(at offset: Int) -> DependencyTyping?
    /// A dependency's path to a package being written at `offset` (Rask's `path: "…"`): the
    /// dependency's name, the path typed so far, and the range inside the quotes a completion
    /// replaces; nil elsewhere. The server completes it as it completes a TOML manifest's
    /// `path = "…"` (`PackagePathCandidates`).
    func packagePathBeingTyped(at offset: Int) -> (dependency: String, typed: String, range: SourceRange)?
}

extension ManifestNavigation {
    public func dependencyBeingTyped(at offset: Int) -> DependencyTyping? { nil }
    public func packagePathBeingTyped(at offset: Int) -> (dependency: String, typed: String, range: SourceRange)? { nil }
    public func definitionFile(at offset: Int, fileSystem: any FileSystem) -> String? { nil }
}

/// What of a dependency is being typed, and the range inside its quotes a completion replaces.
public enum DependencyTyping: Hashable, Sendable {
    /// Its name; `declared`: the names the manifest has already.
    case name(range: SourceRange, declared: Set<String>)
    /// Its version requirement.
    case requirement(dependency: String, range: SourceRange)
}

/// One completion a `ManifestNavigation` offers.
public struct ManifestCompletionItem: Hashable, Sendable {
    public var label: String
    public var detail: String
    public var documentation: String?
    public var newText: String
    /// What the completion replaces.
    public var range: SourceRange

    public init(label: String, detail: String, documentation: String? = nil, newText: String, range: SourceRange) {
        self.label = label
        self.detail = detail
        self.documentation = documentation
        self.newText = newText
        self.range = range
    }
}
