import BuildModel

/// `ampu debug probe NAME`: reads standard input with the readers an ecosystem offers for
/// probing (`EcosystemRegistry.probes`) and prints what they found. For the fuzzer, while a
/// language's readers are not reachable from `check` or the server yet.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Read standard input with a language's readers (elm: elm.json and a module); print what they found."
    )

    @Argument(name: "name", help: "Which readers: \(EcosystemRegistry.probes.keys.sorted().joined(separator: ", ")).")
    var name: String

    func validate() throws {
        guard EcosystemRegistry.probes[name] != nil else {
            throw ValidationError("no probe named '\(name)'; there are: \(EcosystemRegistry.probes.keys.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        let bytes = try LocalFileSystem.readStandardInput()
        Terminal.standardOutput.write(EcosystemRegistry.probes[name]!(bytes))
    }
}
