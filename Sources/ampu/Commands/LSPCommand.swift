import BuildModel
import LSPServer

/// `ampu lsp`: the language server on standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server on standard input and output.",
        discussion: """
            Speaks the Language Server Protocol 3.17 over stdin/stdout: diagnostics for the manifests \
            and sources of every language ampu reads, completion of imports and manifest keys, hover, \
            go to definition, document symbols and quick fixes. Start it from your editor; logs go to stderr.
            """
    )

    @Flag(name: .customLong("stdio"), help: "Use standard input and output (the default; accepted for editors that pass it).")
    var stdio = false

    func serve() async throws {
        let transport = StdioTransport()
        let environment = Environment.current
        let code = await transport.serve { sink, inbox in
            LanguageServer(sink: sink, inbox: inbox, registry: .standard, fileSystem: LocalFileSystem(), environment: environment)
        }
        Terminal.exitNow(code)
    }
}
