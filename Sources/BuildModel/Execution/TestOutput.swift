/// What a test program's output says of its checks, for `ampu test`: a line that starts with
/// `PASS` or `FAIL` (after blanks, followed by `:`, a blank or the end) is one check passed or
/// failed, as Aria's test programs print them. A program that prints a failed check fails,
/// whatever its exit status.
public struct TestOutput: Hashable, Sendable {
    public var passed = 0
    public var failed = 0

    public init(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for (word, isPass) in [("PASS", true), ("FAIL", false)] where trimmed.hasPrefix(word) {
                let rest = trimmed.dropFirst(word.count)
                guard rest.isEmpty || rest.first == ":" || rest.first == " " || rest.first == "\t" else { continue }
                if isPass { passed += 1 } else { failed += 1 }
            }
        }
    }

    /// `2 checks passed`, `1 of 3 checks failed`; nil when the output has none.
    public var summary: String? {
        let total = passed + failed
        guard total > 0 else { return nil }
        if failed == 0 { return "\(total) check\(total == 1 ? "" : "s") passed" }
        return "\(failed) of \(total) check\(total == 1 ? "" : "s") failed"
    }
}
