/// The compiler's command line as `[toolchain] command` writes it: its placeholders, and what is
/// said of one that cannot be expanded. `ampu check` reports what no values can mend (an unknown
/// placeholder, a `{` never closed) on the word that holds it; a build, what only its values
/// show (a list inside a word).
enum AsthraCommandLine {
    /// The placeholders, in the order the manifest's documentation lists them.
    static let placeholders = ["compiler", "input", "output", "includes", "opt", "debug", "target"]

    static let currentPreset = ["{compiler}", "{input}", "-o", "{output}", "{debug}"]
    static let seedPreset = ["{compiler}", "{input}", "-o", "{output}", "{includes}", "{opt}", "{debug}", "{target}"]

    /// The problems of `command` that no values can mend, a word's first each.
    static func check(_ command: [Located<String>]) -> [Diagnostic] {
        CommandTemplate(command.map(\.value)).problems(known: Set(placeholders)).map { diagnostic($0, command: command) }
    }

    /// B008 for `problem`, on the word of `command` it is in (the whole command when it is in none).
    static func diagnostic(_ problem: CommandTemplate.Problem, command: [Located<String>]) -> Diagnostic {
        let whole = command.first.map { SourceRange($0.range.lowerBound, command.last!.range.upperBound) } ?? .at(0)
        let word = problem.word.flatMap { command.indices.contains($0) ? command[$0] : nil }
        let range = word?.range ?? whole
        let known = "the placeholders are " + placeholders.dropLast().map { "{\($0)}" }.joined(separator: ", ") + " and {\(placeholders.last!)}"
        switch problem {
        case .unknownPlaceholder(let name, _):
            var help: [String] = []
            var fix: Diagnostic.Fix?
            if let guess = Spelling.closest(to: name, in: placeholders), let word {
                help.append("did you mean '{\(guess)}'?")
                let mended = word.value.replacing("{\(name)}", with: "{\(guess)}")
                fix = Diagnostic.Fix(title: "Replace with '{\(guess)}'", edits: [TextEdit(range: word.range, newText: TOMLLiteral.renderString(mended))])
            }
            return .error("unknown placeholder '{\(name)}' in the compiler's command line", .invalidCommandTemplate, at: range,
                          label: "not a placeholder", notes: [known], help: help, fix: fix)
        case .unclosed(_, let text):
            return .error("'\(text)' has a '{' without its '}'", .invalidCommandTemplate, at: range, label: "unclosed placeholder", notes: [known],
                          help: ["close it with '}', as in '{input}'"])
        case .notOneValue, .empty:
            return .error("the compiler's command line cannot be made: \(problem)", .invalidCommandTemplate, at: range, notes: [known])
        }
    }
}
