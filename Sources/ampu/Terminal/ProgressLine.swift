import Synchronization

/// One line on a terminal that says what is being fetched, rewritten in place
/// (`    Fetching github.com/user/json (3 of 20 so far)`) and cleared when the work is done. Off
/// the terminal (a pipe, a file, CI logs) it writes nothing: the summary lines say it all.
final class ProgressLine: Sendable {
    private let terminal: Terminal
    private let shown: Bool
    private let count = Mutex(0)

    init(_ terminal: Terminal = .standardError) {
        self.terminal = terminal
        shown = terminal.isTerminal
    }

    /// The report to hand to the model's progress parameter.
    var report: (@Sendable (String) -> Void)? {
        guard shown else { return nil }
        return { [self] package in
            let n = count.withLock { c in
                c += 1
                return c
            }
            terminal.rewriteLine("    Fetching \(package)" + (n > 1 ? " (\(n) repositories so far)" : ""))
        }
    }

    /// Clears the line, when one was written.
    func finish() {
        if shown && count.withLock({ $0 }) > 0 { terminal.write("\r\u{1B}[2K") }
    }
}
