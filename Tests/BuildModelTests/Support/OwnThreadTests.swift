import Dispatch
import Foundation
import Synchronization
import Testing
@testable import BuildModel

/// Work on a thread of its own: started at once, named, each on its own thread, and the group
/// left when it ends.
@Suite("A thread of its own")
struct OwnThreadTests {
    /// The name of the calling thread, as `top` and `perf` show it.
    static func threadName() -> String {
        let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "(unread)"
        return comm.trimmingCharacters(in: .newlines)
    }

    @Test("three bodies that wait for each other: each on its own thread, named as asked, all three running at once")
    func threads() {
        let group = DispatchGroup()
        let seen = Mutex<[String: pthread_t]>([:])
        // Each body waits until all three have started: on a pool of fewer threads (or when
        // one ran after another on the caller's thread) this would never end; the wait ends
        // after 10 s so that the test fails instead of hanging.
        let started = DispatchSemaphore(value: 0)
        let all = DispatchSemaphore(value: 0)
        let caller = pthread_self()
        for i in 0..<3 {
            OwnThread.start("ampu check \(i)", group: group) {
                seen.withLock { $0[Self.threadName()] = pthread_self() }
                started.signal()
                _ = all.wait(timeout: .now() + 10)
            }
        }
        var met = 0
        for _ in 0..<3 where started.wait(timeout: .now() + 10) == .success { met += 1 }
        for _ in 0..<3 { all.signal() }
        #expect(group.wait(timeout: .now() + 10) == .success)
        #expect(met == 3)
        let threads = seen.withLock { $0 }
        #expect(threads.keys.sorted() == ["ampu check 0", "ampu check 1", "ampu check 2"])
        #expect(Set(threads.values).count == 3)
        #expect(!threads.values.contains(caller))
    }

    @Test("a name longer than a thread's 15 bytes is cut there, not dropped")
    func longName() {
        let group = DispatchGroup()
        let name = Mutex("")
        OwnThread.start("ampu a-name-that-is-long", group: group) { name.withLock { $0 = Self.threadName() } }
        #expect(group.wait(timeout: .now() + 10) == .success)
        #expect(name.withLock { $0 } == "ampu a-name-tha")
    }
}
