import Dispatch
import Testing
@testable import BuildModel

@Suite("the schedule: the ready queue, work prepared ahead, the caller's events")
struct ScheduleTests {
    /// `a`, `c` on its own, and `b`, which needs `a` (in that order in the plan).
    func actions() -> [BuildAction] {
        ["a", "c", "b"].enumerated().map { i, name in
            BuildAction(id: i, kind: .compile, package: name, description: "Compiling \(name)", arguments: ["cc", name], directory: "/w",
                        inputs: [], outputs: ["/w/\(name).o"], dependencies: name == "b" ? [0] : [])
        }
    }

    func preparation(_ key: String) -> BuildExecutor.Preparation {
        BuildExecutor.Preparation(key: key, id: key, staleness: .neverBuilt, refreshed: nil)
    }

    func record(_ action: Int, failed: Bool = false) -> BuildExecutor.Record {
        BuildExecutor.Record(action: action, outcome: failed ? .failed(status: 1) : .succeeded, staleness: .neverBuilt, stdout: "", stderr: "", slot: 0, start: 0, end: 0)
    }

    func said(_ events: [BuildExecutor.Event]) -> [String] {
        events.map { event in
            switch event {
            case .started(let action, let slot): "started \(action.package) in \(slot)"
            case .finished(let action, let record): "finished \(action.package): \(record.outcome)"
            }
        }
    }

    @Test("ready actions are handed out once to be prepared; the slot that takes one gets what was prepared; an end says how many are left to start")
    func preparedAhead() throws {
        let schedule = Schedule(actions: actions(), slots: 2, keepGoing: false)
        let a = try #require(schedule.take(slot: 0, interrupted: { false }))
        #expect(a.action.package == "a" && a.prepared == nil)
        // `a` is taken already: only `c` is left to prepare, and only once.
        #expect(schedule.toPrepare(limit: 2).map(\.package) == ["c"])
        #expect(schedule.toPrepare(limit: 2).isEmpty)
        schedule.keep(preparation("key of c"), for: 1)
        // `c` and `b` are left to start.
        #expect(schedule.finish(record(0)) == 2)
        // `b` became ready when `a` finished.
        #expect(schedule.toPrepare(limit: 2).map(\.package) == ["b"])
        let c = try #require(schedule.take(slot: 1, interrupted: { false }))
        #expect(c.action.package == "c" && c.prepared?.key == "key of c")
        // Prepared after a slot took it: not kept, and the slot that took it had none.
        let b = try #require(schedule.take(slot: 0, interrupted: { false }))
        schedule.keep(preparation("late"), for: 2)
        #expect(b.action.package == "b" && b.prepared == nil)
        #expect(schedule.finish(record(1)) == 0)
        schedule.finish(record(2))
        #expect(schedule.take(slot: 0, interrupted: { false }) == nil)
        #expect(schedule.take(slot: 1, interrupted: { false }) == nil)
        #expect(said(try #require(schedule.nextEvents())) == [
            "started a in 0", "finished a: succeeded", "started c in 1", "started b in 0", "finished c: succeeded", "finished b: succeeded",
        ])
        #expect(schedule.nextEvents() == nil)
    }

    /// `lone` and `other` stand alone; `head`, `mid` and `tail` are a chain, last in the plan.
    let loneAndChain = ["lone", "other", "head", "mid", "tail"].enumerated().map { i, name in
        BuildAction(id: i, kind: .compile, package: name, description: "Compiling \(name)", arguments: ["cc", name], directory: "/w",
                    inputs: [], outputs: ["/w/\(name).o"], dependencies: i > 2 ? [i - 1] : [])
    }

    /// The packages of the actions in the order one slot takes them, each finished before the
    /// next is taken.
    func order(_ schedule: Schedule) -> [String] {
        var taken: [String] = []
        while let next = schedule.take(slot: 0, interrupted: { false }) {
            taken.append(next.action.package)
            schedule.finish(record(next.action.id))
        }
        return taken
    }

    @Test("with two slots, the ready action with the longest chain of actions after it is taken first, and prepared ahead first; ties in plan order; with one, plan order")
    func longestChainFirst() throws {
        let schedule = Schedule(actions: loneAndChain, slots: 2, keepGoing: false)
        #expect(schedule.toPrepare(limit: 2).map(\.package) == ["head", "lone"])
        // Once `head` ran, `mid` (two to go) comes before the others; `tail` is one as they are.
        #expect(order(schedule) == ["head", "mid", "lone", "other", "tail"])
        // On one slot the order cannot change when the build ends: the plan's order.
        #expect(order(Schedule(actions: loneAndChain, slots: 1, keepGoing: false)) == ["lone", "other", "head", "mid", "tail"])
    }

    @Test("with costs (the last build's run times), the ready action with the most work after it goes first, though fewer actions follow it")
    func mostWorkFirst() throws {
        // `lone` ran 10 s; the chain 2 s each, 6 s in all; `other` 1 s.
        let schedule = Schedule(actions: loneAndChain, slots: 2, keepGoing: false, costs: [10, 1, 2, 2, 2])
        #expect(schedule.toPrepare(limit: 3).map(\.package) == ["lone", "head", "other"])
        // After `head`, `mid` (4 s to go) before `other` (1 s); `tail` (2 s) before it too.
        #expect(order(schedule) == ["lone", "head", "mid", "tail", "other"])
        #expect(Schedule.chains(dependents: [[], [], [3], [4], []], waiting: [0, 0, 0, 1, 1], costs: [10, 1, 2, 2, 2]) == [10, 1, 6, 4, 2])
        #expect(Schedule.chains(dependents: [[], [], [3], [4], []], waiting: [0, 0, 0, 1, 1]) == [1, 1, 3, 2, 1])
    }

    @Test("work prepared ahead clears an action's outputs only while no slot has taken it: a slot that took it clears them itself, and its program may be writing them already")
    func clearsOnlyWhatNoSlotTook() throws {
        let schedule = Schedule(actions: actions(), slots: 2, keepGoing: false)
        #expect(schedule.toPrepare(limit: 2).map(\.package) == ["a", "c"])
        // A slot takes `a` while another still prepares it.
        let a = try #require(schedule.take(slot: 0, interrupted: { false }))
        #expect(a.action.package == "a" && a.prepared == nil)
        var cleared: [String] = []
        #expect(!schedule.keep(preparation("key of a"), for: 0) { cleared.append("a") })
        #expect(schedule.keep(preparation("key of c"), for: 1) { cleared.append("c") })
        #expect(cleared == ["c"])
        let c = try #require(schedule.take(slot: 1, interrupted: { false }))
        #expect(c.action.package == "c" && c.prepared?.key == "key of c")
    }

    @Test("after a failure nothing more is handed out to start or to prepare, and the caller is given the failure")
    func stopsAfterFailure() throws {
        let schedule = Schedule(actions: actions(), slots: 1, keepGoing: false)
        let a = try #require(schedule.take(slot: 0, interrupted: { false }))
        schedule.finish(record(a.action.id, failed: true))
        #expect(schedule.toPrepare(limit: 2).isEmpty)
        #expect(said(try #require(schedule.nextEvents())) == ["started a in 0", "finished a: failed(status: 1)"])
        #expect(schedule.take(slot: 0, interrupted: { false }) == nil)
        #expect(schedule.nextEvents() == nil)
    }

    @Test("the caller waiting for events is woken by the first one, and is given every event once, in order, by the end")
    func callerIsWoken() throws {
        let actions = (0..<200).map { i in
            BuildAction(id: i, kind: .compile, package: "p\(i)", description: "Compiling p\(i)", arguments: ["cc"], directory: "/w", inputs: [], outputs: ["/w/\(i).o"],
                        dependencies: i == 0 ? [] : [i - 1])
        }
        let schedule = Schedule(actions: actions, slots: 1, keepGoing: false)
        let slot = DispatchGroup()
        DispatchQueue(label: "slot").async(group: slot) {
            while let taken = schedule.take(slot: 0, interrupted: { false }) {
                schedule.finish(BuildExecutor.Record(action: taken.action.id, outcome: .succeeded, staleness: nil, stdout: "", stderr: "", slot: 0, start: 0, end: 0))
            }
        }
        var said: [String] = []
        while let events = schedule.nextEvents() { said += self.said(events) }
        slot.wait()
        #expect(said == (0..<200).flatMap { ["started p\($0) in 0", "finished p\($0): succeeded"] })
    }
}
