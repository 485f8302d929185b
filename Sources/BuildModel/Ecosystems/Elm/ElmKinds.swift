/// What only Elm has: an application lists the dependencies of its dependencies too.
extension DependencyScope {
    /// `"dependencies": { "indirect": … }` in an application's elm.json.
    public static let indirect = DependencyScope("indirect")
    /// `"test-dependencies": { "indirect": … }`.
    public static let indirectDev = DependencyScope("indirect dev")
}
