import BuildModel

/// `ampu debug toml-decode`: TOML on stdin → toml-test tagged JSON on stdout.
struct TOMLDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toml-decode",
        abstract: "Decode TOML from standard input into toml-test's tagged JSON.",
        discussion: "Exits 1 and prints the diagnostics on standard error when the input is not valid TOML."
    )

    @Option(name: .customLong("toml-version"), help: "The TOML version to accept: 1.0 or 1.1.")
    var version: TOMLVersionArgument = .v1_0

    @Option(name: .customLong("message-format"), help: "How to print diagnostics: human or short.")
    var messageFormat: MessageFormat = .human

    @Flag(name: .customLong("check-format"), help: "Also format valid input, and exit 3 unless the formatted text means the same and formatting it again changes nothing (for the fuzzer).")
    var checkFormat = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try LocalFileSystem.readStandardInput()
        } catch {
            Terminal.standardError.write("error: cannot read standard input: \(error)\n")
            throw ExitCode(2)
        }
        let document = TOMLDocument(parsing: SourceText(bytes: bytes), version: version.value)
        if document.hasErrors {
            let renderer = DiagnosticRenderer(format: messageFormat, colors: Terminal.standardError.supportsColor)
            Terminal.standardError.write(renderer.render(document.diagnostics, sources: ["<stdin>": document.source], defaultFile: "<stdin>"))
            throw ExitCode(1)
        }
        let json = try JSON.serializeToString(TOMLTaggedJSON.encode(document.root))
        Terminal.standardOutput.write(json + "\n")
        if checkFormat {
            guard let once = TOMLFormatter.format(document.source, version: version.value) else { fail("valid TOML was not formatted") }
            let again = TOMLDocument(parsing: SourceText(bytes: once), version: version.value)
            if again.hasErrors { fail("the formatted text does not parse: \(again.diagnostics[0].message)") }
            if TOMLTaggedJSON.encode(again.root) != TOMLTaggedJSON.encode(document.root) { fail("the formatted text means something else") }
            if TOMLFormatter.format(again.source, version: version.value) != once { fail("formatting the formatted text changes it") }
        }
    }

    private func fail(_ message: String) -> Never {
        Terminal.standardError.write("error: \(message)\n")
        Terminal.exitNow(3)
    }
}

struct TOMLVersionArgument: ExpressibleByArgument {
    var value: TOMLVersion
    static let v1_0 = TOMLVersionArgument(value: .v1_0)

    init(value: TOMLVersion) { self.value = value }

    init?(argument: String) {
        switch argument {
        case "1.0", "1.0.0": value = .v1_0
        case "1.1", "1.1.0": value = .v1_1
        default: return nil
        }
    }

    static var allValueStrings: [String] { ["1.0", "1.1"] }
    var defaultValueDescription: String { value.rawValue }
}
