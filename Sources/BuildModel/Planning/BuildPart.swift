/// A part of the plan that a build is about, named so that the record of its complete build
/// (`CompleteBuild`) says what it covers: the next build of that part may then have nothing to
/// do without reading the plan, as a build of the whole plan may.
public enum BuildPart: String, Sendable {
    /// Everything but the test programs and what only they need (`BuildPlan.withoutTests`):
    /// what `ampu build` builds, as `cargo build` leaves tests to `cargo test`.
    case withoutTests = "without-tests"
}
