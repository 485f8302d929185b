import BuildModel

/// `ampu debug json-roundtrip`: parse JSON from stdin and write it back, many times
/// over when asked, so a leak checker sees every path of the json-c wrapper.
struct JSONRoundTripCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json-roundtrip",
        abstract: "Parse JSON from standard input and print it back compactly.",
        discussion: "Exits 1 with the error on standard error when the input is not valid JSON."
    )

    @Option(name: .customLong("repeat"), help: "How many times to parse and print (the output is printed once).")
    var iterations: Int = 1

    @Option(name: .customLong("depth-limit"), help: "The deepest nesting accepted.")
    var depthLimit: Int = JSON.defaultDepthLimit

    @Flag(name: .customLong("pretty"), help: "Indent the output.")
    var pretty = false

    func run() throws {
        let bytes = try LocalFileSystem.readStandardInput()
        var output = ""
        for _ in 0..<max(1, iterations) {
            do {
                let value = try JSON.parse(bytes, depthLimit: depthLimit)
                output = try JSON.serializeToString(value, pretty: pretty)
            } catch {
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(1)
            }
        }
        Terminal.standardOutput.write(output + "\n")
    }
}
