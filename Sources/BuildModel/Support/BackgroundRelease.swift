import Dispatch
import Synchronization

/// Gives up a large value without the caller waiting for it to be torn down: a loaded
/// workspace of 10,000 modules takes tens of milliseconds of CPU to free object by object.
enum BackgroundRelease {
    /// How a value is given up.
    enum Policy: Sendable {
        /// Freed on another thread, while the caller goes on: for a process that lives on (the
        /// language server, a test run).
        case background
        /// Never freed: for a process that ends when its work does (a build from the command
        /// line), whose memory the system takes back at once when it exits. Freeing it on
        /// another thread would take that CPU from the compilers the build runs.
        case untilExit
    }

    /// `value` must be given up by the caller (`consume`), so that the last reference to it is
    /// the one dropped here.
    static func release<Value: Sendable>(_ value: consuming Value, _ policy: Policy = .background) {
        let box = Box(value)
        switch policy {
        case .background: DispatchQueue.global(qos: .utility).async { box.drop() }
        case .untilExit: untilExit.withLock { $0.append(box) }
        }
    }

    private static let untilExit = Mutex<[any Sendable]>([])

    private final class Box<Value: Sendable>: Sendable {
        let value: Mutex<Value?>
        init(_ value: consuming Value) { self.value = Mutex(value) }
        func drop() { value.withLock { $0 = nil } }
    }
}
