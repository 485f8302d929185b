/// `--timings`: an HTML page of when each action ran and in which slot, as
/// `cargo build --timings` writes one: a bar per action on a time axis, a row per slot, and a
/// table sorted by duration.
public enum TimingsReport {
    public static func html(plan: BuildPlan, summary: BuildExecutor.Summary, jobs: Int) -> String {
        let records = summary.records.compactMap { $0 }.filter { $0.outcome != .upToDate }
        let total = max(summary.wallTime, 0.001)
        let busy = records.reduce(0.0) { $0 + $1.slotTime }
        let width = 1000.0, row = 24.0
        func esc(_ s: String) -> String {
            s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
        }
        func seconds(_ t: Double) -> String {
            let ms = Int((t * 1000).rounded())
            return "\(ms / 1000).\(String(ms % 1000 + 1000).dropFirst())s"
        }
        var bars = ""
        for r in records {
            let x = r.start / total * width, w = max(r.slotTime / total * width, 1)
            let y = Double(r.slot) * row
            let color = r.isFailure ? "#d9534f" : (plan.actions[r.action].kind == .link ? "#5bc0de" : "#5cb85c")
            bars += "<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(row - 4)\" fill=\"\(color)\"><title>\(esc(plan.actions[r.action].description)) \(seconds(r.slotTime))</title></rect>\n"
        }
        var rows = ""
        for r in records.sorted(by: { $0.slotTime > $1.slotTime }) {
            rows += "<tr><td>\(esc(plan.actions[r.action].description))</td><td>\(r.slot)</td><td>\(seconds(r.start))</td><td>\(seconds(r.slotTime))</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>ampu build timings</title>
            <style>body{font-family:sans-serif;margin:2em} table{border-collapse:collapse} td,th{padding:2px 10px;text-align:left} tr:nth-child(even){background:#f4f4f4}</style>
            </head><body>
            <h1>ampu build timings</h1>
            <p>Profile '\(esc(plan.profile.name))', \(jobs) slot\(jobs == 1 ? "" : "s"): \(records.count) action\(records.count == 1 ? "" : "s") ran, \(summary.upToDate) up to date; wall time \(seconds(total)), busy \(seconds(busy)).</p>
            <svg width="\(Int(width))" height="\(Int(Double(jobs) * row))" style="border:1px solid #ccc">
            \(bars)</svg>
            <table><tr><th>Action</th><th>Slot</th><th>Started</th><th>Took</th></tr>
            \(rows)</table>
            </body></html>

            """
    }

    /// The same facts for tools: `{"wall", "jobs", "actions": [{"id", "description", "slot",
    /// "start", "end", "process", "own", "outcome", "dependencies"}]}` (`process`: the seconds its
    /// program ran; `own`: the seconds its slot waited for ampu's own work on it, before and
    /// after its program, where the part after does not count when it was done while the slot's
    /// next program ran, and `end` can then be later than `start + process + own`;
    /// `dependencies`: the ids of the actions it waited for; `cost`: its work as the schedule
    /// weighed it, microseconds of its last run or, in a first build, the files it reads, and
    /// absent on one slot), times in seconds from the start of the execution; actions that were
    /// up to date are left out.
    public static func json(plan: BuildPlan, summary: BuildExecutor.Summary, jobs: Int) -> String {
        let ran = summary.records.compactMap { $0 }.filter { $0.outcome != .upToDate }
        let value = JSONValue(pairs: [
            ("wall", .double(summary.wallTime)),
            ("jobs", .int(Int64(jobs))),
            ("actions", .array(ran.map { r in
                JSONValue(pairs: [
                    ("id", .int(Int64(r.action))), ("description", .string(plan.actions[r.action].description)), ("slot", .int(Int64(r.slot))),
                    ("start", .double(r.start)), ("end", .double(r.end)), ("process", .double(r.processTime)), ("own", .double(r.ownTime)), ("outcome", .string(r.isFailure ? "failed" : "succeeded")),
                    ("dependencies", .array(plan.actions[r.action].dependencies.map { .int(Int64($0)) })),
                ] + (summary.costs.map { [("cost", .int(Int64($0[r.action])))] } ?? []))
            })),
        ])
        return ((try? JSON.serializeToString(value)) ?? "{}") + "\n"
    }
}
