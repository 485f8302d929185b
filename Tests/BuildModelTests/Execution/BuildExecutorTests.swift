import Foundation
import Testing
@testable import BuildModel

@Suite("the executor: slots, outputs in place, fingerprints")
struct BuildExecutorTests {
    /// Four chains of six copies each (`cp` of the previous output to the next): an action
    /// started before what it copies was moved into place would fail for a missing file.
    func chains(in dir: String) throws -> BuildPlan {
        var plan = BuildPlan(root: dir, profile: .debug, targetDirectory: dir + "/target")
        for chain in 0..<4 {
            let source = "\(dir)/src\(chain).txt"
            try Data("chain \(chain)\n".utf8).write(to: URL(fileURLWithPath: source))
            var previous: (id: Int, file: String)? = nil
            for link in 0..<6 {
                let input = previous?.file ?? source
                let output = "\(dir)/target/c\(chain)/l\(link).txt"
                previous = (plan.add(BuildAction(kind: .compile, package: "p", description: "Copying \(chain).\(link)", arguments: ["cp", input, output],
                                                 directory: dir, inputs: [input], outputs: [output], dependencies: previous.map { [$0.id] } ?? [])),
                            output)
            }
        }
        return plan
    }

    @Test("at -j2 every action starts after what it reads is in place; the outputs, and only they, are left; the next run starts nothing")
    func finisherReleasesAfterOutputs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-executor-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plan = try chains(in: dir)
        let environment = ProcessInfo.processInfo.environment
        func run() -> (BuildExecutor.Summary, [String]) {
            let executor = BuildExecutor(plan: plan, store: FingerprintStore(targetDirectory: plan.targetDirectory, fileSystem: LocalFileSystem()),
                                         options: .init(jobs: 2, environment: environment))
            var finished: [String] = []
            let summary = executor.run { event in
                if case .finished(let action, _) = event { finished.append(action.description) }
            }
            return (summary, finished)
        }
        let (first, finished) = run()
        #expect(first.failures.map { "\(plan.actions[$0.action].description): \($0.outcome) \($0.stderr)" } == [])
        #expect(first.ran == 24 && first.succeeded)
        #expect(Set(finished).count == 24)
        for chain in 0..<4 {
            let names = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/target/c\(chain)").sorted()
            #expect(names == (0..<6).map { "l\($0).txt" })
            #expect(try String(contentsOfFile: "\(dir)/target/c\(chain)/l5.txt", encoding: .utf8) == "chain \(chain)\n")
        }
        // Each record's slot time ends before anything that waits for it starts.
        for action in plan.actions {
            for d in action.dependencies { #expect(first.records[d]!.end <= first.records[action.id]!.start) }
        }
        let (second, _) = run()
        #expect(second.ran == 0 && second.upToDate == 24)
        // A changed source: each link of its chain runs again, though each is made ready (and
        // then found stale) only after the link before it was moved into place; the other
        // chains start nothing.
        try Data("chain 2, again\n".utf8).write(to: URL(fileURLWithPath: "\(dir)/src2.txt"))
        let (third, _) = run()
        #expect(third.ran == 6 && third.upToDate == 18 && third.succeeded)
        #expect(try String(contentsOfFile: "\(dir)/target/c2/l5.txt", encoding: .utf8) == "chain 2, again\n")
    }

    /// Two actions that need nothing, at -j1: `first` and `second` write their outputs with `sh -c`.
    func pair(in dir: String, first: String, second: String = "echo b > \"$0\"") -> BuildPlan {
        var plan = BuildPlan(root: dir, profile: .debug, targetDirectory: dir + "/target")
        for (name, script) in [("a", first), ("b", second)] {
            let output = "\(dir)/target/\(name).txt"
            _ = plan.add(BuildAction(kind: .compile, package: "p", description: "Writing \(name)", arguments: ["sh", "-c", script, output],
                                     directory: dir, inputs: [], outputs: [output]))
        }
        return plan
    }

    func events(of plan: BuildPlan, interruption: Interruption? = nil) -> (BuildExecutor.Summary, [String]) {
        let executor = BuildExecutor(plan: plan, store: FingerprintStore(targetDirectory: plan.targetDirectory, fileSystem: LocalFileSystem()),
                                     options: .init(jobs: 1, environment: ProcessInfo.processInfo.environment, interruption: interruption))
        var said: [String] = []
        let summary = executor.run { event in
            switch event {
            case .started(let action, _): said.append("started \(action.description)")
            case .finished(let action, let record): said.append("finished \(action.description): \(record.outcome)")
            }
        }
        return (summary, said)
    }

    @Test("a program that succeeded is finished while the slot's next program runs; one that failed is finished before anything else starts")
    func finishesWhileTheNextRuns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-executor-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (summary, said) = events(of: pair(in: dir, first: "echo a > \"$0\""))
        #expect(said == ["started Writing a", "started Writing b", "finished Writing a: succeeded", "finished Writing b: succeeded"])
        #expect(summary.succeeded)
        #expect(try String(contentsOfFile: dir + "/target/a.txt", encoding: .utf8) == "a\n")
        #expect(try String(contentsOfFile: dir + "/target/b.txt", encoding: .utf8) == "b\n")
        let a = summary.records[0]!, b = summary.records[1]!
        #expect(a.end > b.start && a.start + a.slotTime <= b.start + 0.001)

        let (failed, saidAfterFailure) = events(of: pair(in: dir, first: "exit 2"))
        #expect(saidAfterFailure == ["started Writing a", "finished Writing a: failed(status: 2)"])
        #expect(failed.notStarted == 1)
    }

    @Test("a slot finishes its pending actions while its program runs; once the program has ended, only when a slot waits for work or more than two are pending")
    func finishesNext() {
        // (pending, program ended, a slot waits for work) -> finished now
        let rule: [(Int, Bool, Bool, Bool)] = [
            (1, false, false, true), (2, false, false, true), (3, false, false, true),
            (1, true, false, false), (2, true, false, false), (3, true, false, true),
            (1, true, true, true), (2, true, true, true),
        ]
        for (pending, ended, waiting, expected) in rule {
            let now = BuildExecutor.finishesNext(pending: pending, ended: ended, slotsWait: waiting)
            #expect(now == expected, "pending \(pending), ended \(ended), a slot waits \(waiting)")
        }
    }

    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-executor-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("what an earlier run left under an output's temporary name is gone before the program starts, whether its slot took the action or another prepared it while a program ran")
    func staleTemporaryOutputs() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The target directory is there from before: this build did not make it, so what is in
        // it may be left from an earlier run.
        try FileManager.default.createDirectory(atPath: dir + "/target", withIntermediateDirectories: true)
        for name in ["a", "b"] { try Data("half\n".utf8).write(to: URL(fileURLWithPath: "\(dir)/target/\(name).txt.ampu-tmp")) }
        // Each program fails when its output (its temporary name, $0) is there before it.
        let plan = pair(in: dir, first: "test ! -e \"$0\" && echo a > \"$0\"", second: "test ! -e \"$0\" && echo b > \"$0\"")
        let (summary, said) = events(of: plan)
        #expect(said == ["started Writing a", "started Writing b", "finished Writing a: succeeded", "finished Writing b: succeeded"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/target").sorted() == ["a.txt", "b.txt", "cache"])
        #expect(summary.succeeded)
    }

    @Test("an action that runs again forgets its fingerprint before its program starts: when the program fails, the next build runs it again")
    func failedRerunStaysStale() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = dir + "/target/cache/fingerprints/log"
        #expect(events(of: pair(in: dir, first: "echo a > \"$0\"")).0.succeeded)
        #expect(FingerprintLog.summary(try LocalFileSystem().readFile(log)).standing == 2)
        // A new command line for `a`, whose program now fails.
        let (failed, _) = events(of: pair(in: dir, first: "exit 3"))
        #expect(failed.failures.map(\.outcome) == [.failed(status: 3)])
        #expect(FingerprintLog.summary(try LocalFileSystem().readFile(log)).standing == 1)
        let (again, said) = events(of: pair(in: dir, first: "echo a > \"$0\""))
        #expect(said == ["started Writing a", "started Writing b", "finished Writing a: succeeded", "finished Writing b: upToDate"])
        #expect(again.ran == 1 && again.succeeded)
    }

    @Test("a build whose interruption was raised before it began starts no program and says it was interrupted")
    func raisedBeforehand() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let interruption = Interruption()
        #expect(!interruption.isRaised)
        interruption.raise()
        #expect(interruption.isRaised)
        let (summary, said) = events(of: pair(in: dir, first: "echo a > \"$0\""), interruption: interruption)
        #expect(said == [])
        #expect(summary.interrupted && summary.notStarted == 2 && !summary.succeeded)
        #expect(!FileManager.default.fileExists(atPath: dir + "/target/a.txt"))
    }

    /// Three actions that need nothing, `a`, `b` and `slow` in that order, each copying its
    /// source to its output; `slow` sleeps first.
    func slowLast(in dir: String) throws -> BuildPlan {
        var plan = BuildPlan(root: dir, profile: .debug, targetDirectory: dir + "/target")
        for name in ["a", "b", "slow"] {
            let (source, output) = ("\(dir)/\(name).txt", "\(dir)/target/\(name).txt")
            try Data("\(name)\n".utf8).write(to: URL(fileURLWithPath: source))
            let program = name == "slow" ? ["sh", "-c", "sleep 0.3 && cp \"$0\" \"$1\"", source, output] : ["cp", source, output]
            _ = plan.add(BuildAction(kind: .compile, package: "p", description: "Copying \(name)", arguments: program, directory: dir, inputs: [source], outputs: [output]))
        }
        return plan
    }

    @Test("the next build starts first the action that ran longest in the last one, whose fingerprint keeps how long it ran")
    func longestLastTimeFirst() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plan = try slowLast(in: dir)
        func started() -> [String] {
            let executor = BuildExecutor(plan: plan, store: FingerprintStore(targetDirectory: plan.targetDirectory, fileSystem: LocalFileSystem()),
                                         options: .init(jobs: 2, environment: ProcessInfo.processInfo.environment))
            var started: [String] = []
            let summary = executor.run { event in
                if case .started(let action, _) = event { started.append(action.description) }
            }
            #expect(summary.succeeded && summary.ran == 3)
            return started
        }
        // A first build knows no times: the plan's order.
        #expect(started() == ["Copying a", "Copying b", "Copying slow"])
        let store = FingerprintStore(targetDirectory: plan.targetDirectory, fileSystem: LocalFileSystem())
        let times = store.log.runTimes(plan.actions.map(FingerprintStore.id(of:))).map { $0 ?? -1 }
        #expect(times[2] >= 300_000 && times[0] < times[2] && times[1] < times[2], "\(times)")
        // Every source changed: all three run again, the slow one first.
        for name in ["a", "b", "slow"] { try Data("\(name), again\n".utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name).txt")) }
        #expect(started().first == "Copying slow")
    }

    @Test("an action's cost is its last run time; one without, the median of those known; one known up to date, nothing; with no time known (a first build), the files it reads")
    func costs() throws {
        let fs = InMemoryFileSystem()
        var plan = BuildPlan(root: "/w", profile: .debug, targetDirectory: "/w/target")
        for (name, reads) in [("a", 3), ("b", 0), ("c", 1), ("d", 2), ("e", 5)] {
            _ = plan.add(BuildAction(kind: .compile, package: "p", description: name, arguments: ["cc", name], directory: "/w",
                                     inputs: (0..<reads).map { "/w/\(name)\($0).as" }, outputs: ["/w/target/\(name).o"]))
        }
        let store = FingerprintStore(targetDirectory: plan.targetDirectory, fileSystem: fs)
        func costs(only: Set<Int>? = nil) -> [Int] {
            BuildExecutor(plan: plan, store: store, options: .init(jobs: 2, environment: [:], onlyThese: only)).costs()
        }
        // `b` reads nothing and still costs 1.
        #expect(costs() == [3, 1, 1, 2, 5])
        #expect(costs(only: [1, 4]) == [0, 1, 0, 0, 5])
        func ran(_ action: Int, _ time: Int?) throws {
            try store.write(Fingerprint(key: "k", inputs: [], outputs: [], runTime: time), for: plan.actions[action])
        }
        // Fingerprints without times (an older ampu's): still none known.
        try ran(0, nil)
        #expect(costs() == [3, 1, 1, 2, 5])
        try ran(1, 400)
        try ran(2, 100)
        try ran(3, 0)
        // `a` and `e` take the median of 0, 100 and 400; one that ran in no time costs 1.
        #expect(costs() == [100, 400, 100, 1, 100])
        #expect(costs(only: [1, 4]) == [0, 400, 0, 0, 400])
        // Of those that may run, none has a time.
        #expect(costs(only: [0]) == [3, 0, 0, 0, 0])
        // A damaged record's time is taken as a day at the most, so that a chain's sum cannot
        // overflow.
        try ran(4, Int.max)
        #expect(costs(only: [4]) == [0, 0, 0, 0, 86_400_000_000])
    }
}
