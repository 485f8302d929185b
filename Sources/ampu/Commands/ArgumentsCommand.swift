/// `ampu debug args -- ARGS…`: reads ARGS as `ampu ARGS…` would be read, and says which command
/// they name, or what `ampu` would say instead (help, the version, why they do not fit), with
/// the status it would exit with; nothing is run. For the fuzzer.
struct ArgumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "args",
        abstract: "Read a command line as ampu would (after --), and say which command it names, without running it."
    )

    @Argument(name: "arguments", parsing: .postTerminator, help: "The command line, without `ampu`.")
    var arguments: [String] = []

    func run() throws {
        switch ArgumentReader.command(Ampu.self, arguments: arguments) {
        case .success(let command):
            Terminal.standardOutput.write("command: \(type(of: command).configuration.commandName ?? "")\n")
        case .failure(let stop):
            stop.end()
        }
    }
}
