/// Fixed slots filled from several threads, each slot by exactly one of them.
final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    subscript(index: Int) -> Value? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    var values: [Value?] { Array(storage) }

    /// The value of a slot, leaving it empty (so that it is not kept twice).
    func take(_ index: Int) -> Value? {
        defer { storage[index] = nil }
        return storage[index]
    }
}
