#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Work that holds a thread for as long as it lasts (a worker waiting for git, a test run, the
/// server's reader blocked on its input), on a POSIX thread of its own, made now rather than
/// when a pool sees fit. (A build's slots stay on GCD's threads: see `BuildExecutor.run`.) When
/// no thread can be made (the process is at its limit), the work goes to a GCD queue, so that
/// it still runs (a server whose reader never started would wait for its input forever).
public enum OwnThread {
    /// Runs `body` on a new thread named `name` (at most 15 bytes show in `top` and `perf`);
    /// `group`, when given, is entered now and left when `body` returns.
    public static func start(_ name: String, group: DispatchGroup? = nil, _ body: @escaping @Sendable () -> Void) {
        group?.enter()
        let work = Work(name: name) {
            body()
            group?.leave()
        }
        let box = Unmanaged.passRetained(work).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let made = pthread_create(&thread, nil, { raw in
            let work = Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue()
            work.nameThread()
            work.body()
            return nil
        }, box)
        guard made == 0 else {
            Unmanaged<Work>.fromOpaque(box).release()
            DispatchQueue(label: name).async { work.body() }
            return
        }
        #if canImport(Darwin)
        pthread_detach(thread!)
        #else
        pthread_detach(thread)
        #endif
    }

    private final class Work: Sendable {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }

        func nameThread() {
            // Linux refuses a name longer than 15 bytes (and then keeps none).
            let short = String(decoding: Array(name.utf8.prefix(15)), as: UTF8.self)
            #if canImport(Darwin)
            _ = pthread_setname_np(short)
            #else
            _ = OwnThread.setName?(pthread_self(), short)
            #endif
        }
    }

    #if !canImport(Darwin)
    /// glibc's `pthread_setname_np`, which its headers declare only to GNU C.
    private typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
    private static let setName: SetName? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "pthread_setname_np") else { return nil }
        return unsafeBitCast(symbol, to: SetName.self)
    }()
    #endif
}
