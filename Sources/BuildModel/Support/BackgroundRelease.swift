import Dispatch
import Synchronization

/// Frees a large value on another thread: a loaded workspace of 10,000 modules takes tens of
/// milliseconds to tear down object by object, which the build that follows need not wait for.
enum BackgroundRelease {
    /// `value` must be given up by the caller (`consume`), so that the last reference to it is
    /// the one dropped here.
    static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    private final class Box<Value: Sendable>: Sendable {
        let value: Mutex<Value?>
        init(_ value: consuming Value) { self.value = Mutex(value) }
        func drop() { value.withLock { $0 = nil } }
    }
}
