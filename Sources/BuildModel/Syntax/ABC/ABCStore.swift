/// Every value of one build.abc in one array of slots, children linked in the order written: what
/// `ABCDocument.Node` and `Member` are handles into. Text is read from the file's bytes when it
/// is asked for; only strings and keys with escapes keep a decoded copy.
final class ABCStore: Sendable {
    enum Kind: UInt8, Sendable { case object, array, string, number, word, trueValue, falseValue, invalid }

    /// One value: 28 bytes, so that a big file's store stays small.
    struct Slot: Sendable {
        var kind: Kind
        /// A quoted string or key: its text is not the bytes of its range.
        var quoted = false
        var keyQuoted = false
        var start: Int32
        var end: Int32
        /// A member's key (`keyStart < 0` for an array element or the top).
        var keyStart: Int32 = -1
        var keyEnd: Int32 = -1
        /// The first child and the next sibling; -1 for none.
        var first: Int32 = -1
        var next: Int32 = -1

        init(kind: Kind, start: Int32, end: Int32) {
            self.kind = kind
            self.start = start
            self.end = end
        }

        var range: SourceRange { SourceRange(Int(start), Int(end)) }
        var keyRange: SourceRange { keyStart < 0 ? SourceRange(Int(start), Int(start)) : SourceRange(Int(keyStart), Int(keyEnd)) }
        /// The bytes of its key's text: inside the quotes of a quoted key.
        var keyText: Range<Int> {
            guard keyStart >= 0 else { return 0..<0 }
            return keyQuoted ? (Int(keyStart) + 1)..<max(Int(keyStart) + 1, Int(keyEnd) - 1) : Int(keyStart)..<Int(keyEnd)
        }
    }

    let bytes: [UInt8]
    let slots: [Slot]
    /// Strings and keys whose text differs from their bytes between the quotes (escapes).
    let decoded: [Int32: String]
    let decodedKeys: [Int32: String]

    init(bytes: [UInt8], slots: [Slot], decoded: [Int32: String], decodedKeys: [Int32: String]) {
        self.bytes = bytes
        self.slots = slots
        self.decoded = decoded
        self.decodedKeys = decodedKeys
    }

    func children(of id: Int32) -> [Int32] {
        var out: [Int32] = []
        var child = slots[Int(id)].first
        while child >= 0 {
            out.append(child)
            child = slots[Int(child)].next
        }
        return out
    }

    /// A value's text: a string's without its quotes (escapes decoded), a number's or word's as written.
    func text(of id: Int32) -> String {
        if let d = decoded[id] { return d }
        let s = slots[Int(id)]
        let inner = s.quoted ? (Int(s.start) + 1)..<max(Int(s.start) + 1, Int(s.end) - 1) : Int(s.start)..<Int(s.end)
        return String(decoding: bytes[inner], as: UTF8.self)
    }

    func key(of id: Int32) -> String {
        decodedKeys[id] ?? String(decoding: bytes[slots[Int(id)].keyText], as: UTF8.self)
    }

    /// Whether a member's key is `key`, without making a string of it.
    func keyEquals(_ id: Int32, _ key: String) -> Bool {
        if let d = decodedKeys[id] { return d == key }
        let s = slots[Int(id)]
        return s.keyStart >= 0 && bytes[s.keyText].elementsEqual(key.utf8)
    }
}

/// The slots of a file being read: values added, linked as children, ranges grown.
struct ABCBuilder {
    let bytes: [UInt8]
    var slots: [ABCStore.Slot] = []
    /// What only reading needs, beside each slot.
    var extras: [Extra] = []
    var decoded: [Int32: String] = [:]
    var decodedKeys: [Int32: String] = [:]

    struct Extra {
        /// The last child and the parent; -1 for none.
        var last: Int32 = -1
        var parent: Int32 = -1
        /// How many children it has, and whether the reader keeps an index of their keys.
        var count: Int32 = 0
        var indexed = false
        /// Where an INI table was written as a `[header]` of its own, when it was.
        var headerStart: Int32 = -1
        var headerEnd: Int32 = -1
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        slots.reserveCapacity(bytes.count / 16)
        extras.reserveCapacity(bytes.count / 16)
    }

    mutating func add(_ kind: ABCStore.Kind, _ range: SourceRange) -> Int32 {
        slots.append(ABCStore.Slot(kind: kind, start: Int32(range.lowerBound), end: Int32(range.upperBound)))
        extras.append(Extra())
        return Int32(slots.count - 1)
    }

    /// Makes `child` the last child of `parent`; a parent's range grows to hold it, and so do
    /// the parent's own parents (an INI section far from the first one of its table).
    mutating func append(_ child: Int32, to parent: Int32) {
        let p = Int(parent), c = Int(child)
        extras[c].parent = parent
        if extras[p].last >= 0 { slots[Int(extras[p].last)].next = child } else { slots[p].first = child }
        extras[p].last = child
        extras[p].count += 1
        grow(parent, toHold: slots[c].keyStart >= 0 ? min(slots[c].keyStart, slots[c].start) : slots[c].start, slots[c].end)
    }

    mutating func grow(_ id: Int32, toHold start: Int32, _ end: Int32) {
        var id = id
        while id >= 0 {
            let i = Int(id)
            guard slots[i].end < end || slots[i].start > start else { return }
            slots[i].end = max(slots[i].end, end)
            slots[i].start = min(slots[i].start, start)
            id = extras[i].parent
        }
    }

    mutating func setKey(_ id: Int32, _ range: SourceRange, quoted: Bool, decoded text: String?) {
        slots[Int(id)].keyStart = Int32(range.lowerBound)
        slots[Int(id)].keyEnd = Int32(range.upperBound)
        slots[Int(id)].keyQuoted = quoted
        if let text { decodedKeys[id] = text }
    }

    /// The first child of `parent` whose key is the bytes `key` (an unquoted key), the children
    /// searched one by one.
    func child(of parent: Int32, keyBytes key: ArraySlice<UInt8>) -> Int32? {
        var child = slots[Int(parent)].first
        while child >= 0 {
            let s = slots[Int(child)]
            if !s.keyQuoted, s.keyEnd - s.keyStart == Int32(key.count), bytes[Int(s.keyStart)..<Int(s.keyEnd)].elementsEqual(key) { return child }
            if s.keyQuoted, keyText(child).utf8.elementsEqual(key) { return child }
            child = s.next
        }
        return nil
    }

    /// The first child of `parent` whose key is `text`, the children searched one by one.
    func child(of parent: Int32, keyed text: String) -> Int32? {
        var child = slots[Int(parent)].first
        while child >= 0 {
            if let d = decodedKeys[child] {
                if d == text { return child }
            } else if slots[Int(child)].keyStart >= 0 && bytes[slots[Int(child)].keyText].elementsEqual(text.utf8) {
                return child
            }
            child = slots[Int(child)].next
        }
        return nil
    }

    func keyText(_ id: Int32) -> String {
        decodedKeys[id] ?? String(decoding: bytes[slots[Int(id)].keyText], as: UTF8.self)
    }

    func finish() -> ABCStore {
        ABCStore(bytes: bytes, slots: slots, decoded: decoded, decodedKeys: decodedKeys)
    }
}
