
/// Tools for looking inside ampu's parsers; used by the conformance and leak checks.
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Inspect ampu's parsers (TOML decoding, JSON round trips, a build's records, languages to come).",
        subcommands: [TOMLDecodeCommand.self, JSONRoundTripCommand.self, BuildRecordCommand.self, ProbeCommand.self, GlobCommand.self, NinjaDepfileCommand.self, ArgumentsCommand.self]
    )
}
