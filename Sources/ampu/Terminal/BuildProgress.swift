import BuildModel

/// The progress bar of a build on a terminal, rewritten in place under the status lines:
/// `    Building [=====>          ] 42/100 util`. Off a terminal it draws nothing.
final class BuildProgress {
    private let total: Int
    private let terminal: Terminal
    private let shown: Bool
    private var done = 0
    private var running: [Int: String] = [:]
    private var drawn = false

    /// Drawn only on a terminal, and not when `quiet`.
    init(total: Int, terminal: Terminal, quiet: Bool = false) {
        self.total = total
        self.terminal = terminal
        shown = terminal.isTerminal && total > 0 && !quiet
    }

    func started(_ action: BuildAction) {
        running[action.id] = action.package
        draw()
    }

    /// Counts the action as done; `lines` writes what is to be shown about it above the bar.
    func finished(_ action: BuildAction, lines: () -> Void) {
        running[action.id] = nil
        done += 1
        above(lines)
    }

    /// Writes status lines above the bar.
    func above(_ body: () -> Void) {
        let wasDrawn = drawn
        clear()
        body()
        if wasDrawn || shown { draw() }
    }

    func clear() {
        if drawn { terminal.write("\r\u{1B}[2K") }
        drawn = false
    }

    /// The bar's text for `done` of `total`, naming what runs, for a line of `columns`: the
    /// bar is 25 wide, narrower when the count would not fit beside it (down to 5). What does
    /// not fit is cut off when it is drawn (`Terminal.rewriteLine`).
    static func line(done: Int, total: Int, running: [String], columns: Int = 80) -> String {
        let count = "\(done)/\(total)"
        let width = min(25, max(5, columns - 1 - "    Building [] ".count - count.count))
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" + String(repeating: " ", count: width - filled - 1) : "")
        let names = running.isEmpty ? "" : " " + running.joined(separator: ", ")
        return "    Building [\(bar)] \(count)\(names)"
    }

    private func draw() {
        guard shown else { return }
        let names = Array(Set(running.values)).sorted().prefix(3)
        terminal.rewriteLine(Self.line(done: done, total: total, running: Array(names), columns: terminal.columns))
        drawn = true
    }
}
