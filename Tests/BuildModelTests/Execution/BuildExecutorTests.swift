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
    }
}
