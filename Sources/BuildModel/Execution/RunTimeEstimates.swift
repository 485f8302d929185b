/// The one rule by which a build's schedule (`BuildExecutor.costs`) and `ampu test`'s order
/// (`TestTimes.order`) weigh what they run by its last run time: one never run takes the median
/// of the known times.
enum RunTimeEstimates {
    /// Each known time as it is, each unknown one the median of the known; nil when none is known.
    static func filled(_ times: [Int?]) -> [Int]? {
        let known = times.compactMap { $0 }.sorted()
        guard !known.isEmpty else { return nil }
        let median = known[known.count / 2]
        return times.map { $0 ?? median }
    }
}
