import OrderedCollections

/// Turns statements into tables, enforcing TOML's rules on defining keys and tables.
/// Conflicting definitions are reported and dropped; the first one wins.
///
/// Values are written straight into their final `TOMLEntry`; only tables that later
/// statements may still extend (`[a]`, `a.b = 1`, `[[a]]`) stay open as objects until
/// `freeze`, which puts them into the entry that holds their place.
struct TOMLDocumentBuilder {
    final class Table {
        var origin: TOMLTable.Origin
        var range: SourceRange
        var entries: OrderedDictionary<String, TOMLEntry> = [:]
        /// Sub-tables still open, at the index of the entry that holds their place (nil for
        /// final values). Only as long as the last open table's index.
        var open: [Open?] = []
        let path: TOMLKeyPath

        init(origin: TOMLTable.Origin, range: SourceRange, path: TOMLKeyPath) {
            self.origin = origin
            self.range = range
            self.path = path
        }

        /// Adds an open sub-table or array of tables under a new key.
        func add(_ name: String, keyRange: SourceRange, _ value: Open) {
            entries[name] = Self.placeholder(name, keyRange)
            setOpen(entries.count - 1, value)
        }

        /// Appends a placeholder for `name` unless the key is taken (one hash lookup).
        /// Returns the index of the new entry, or the entry already there.
        func reserve(_ name: String, keyRange: SourceRange) -> Reservation {
            var isNew = false
            let existing = entries.updateValue(forKey: name, default: Self.placeholder(name, keyRange, marking: &isNew)) {
                $0
            }
            return isNew ? .new(index: entries.count - 1) : .taken(existing)
        }

        func setOpen(_ index: Int, _ value: Open) {
            if open.count <= index { open += repeatElement(nil, count: index + 1 - open.count) }
            open[index] = value
        }

        enum Reservation {
            case new(index: Int)
            case taken(TOMLEntry)
        }

        static func placeholder(_ name: String, _ keyRange: SourceRange) -> TOMLEntry {
            TOMLEntry(key: name, keyRange: keyRange, value: TOMLValue(kind: .boolean(false), range: keyRange))
        }

        static func placeholder(_ name: String, _ keyRange: SourceRange, marking isNew: inout Bool) -> TOMLEntry {
            isNew = true
            return placeholder(name, keyRange)
        }

        /// What the table holds under `name`.
        func slot(_ name: String) -> (entry: TOMLEntry, slot: Slot)? {
            guard let index = entries.index(forKey: name) else { return nil }
            let entry = entries.values[index]
            switch index < open.count ? open[index] : nil {
            case .table(let t)?: return (entry, .table(t))
            case .arrayOfTables(let ts)?: return (entry, .arrayOfTables(ts))
            case nil: return (entry, .value(entry.value))
            }
        }
    }

    /// The elements of an array of tables so far: a class, so that `[[a]]` appends in place
    /// (an array inside an enum would be copied whole by every append).
    final class Elements {
        var tables: [Table]
        init(_ first: Table) { tables = [first] }
    }

    enum Open {
        case table(Table)
        case arrayOfTables(Elements)
    }

    enum Slot {
        /// A scalar, an array, or an inline table: final once written.
        case value(TOMLValue)
        case table(Table)
        case arrayOfTables(Elements)
    }

    let source: SourceText
    let root: Table
    var current: Table
    var diagnostics: [Diagnostic] = []

    init(source: SourceText) {
        self.source = source
        self.root = Table(origin: .root, range: .at(0), path: .root)
        self.current = root
    }

    mutating func build(_ statements: [TOMLStatement]) {
        var pending = 0
        for (index, statement) in statements.enumerated() {
            switch statement {
            case .header(let header):
                // A key past the depth limit was reported by the parser: nothing is defined.
                let table = header.key.exceedsDepthLimit ? nil
                    : header.isArrayOfTables ? defineArrayElement(header) : defineTable(header)
                // After a failed header, its pairs are still checked, in a table nobody sees.
                current = table ?? Table(origin: .header, range: header.range, path: TOMLKeyPath(header.key.names))
                pending = 0
            case .keyValue(let pair):
                if pending == 0 {
                    // Room for the section's pairs at once, instead of growing the hash table step by step.
                    pending = statements[index...].prefix { if case .keyValue = $0 { true } else { false } }.count
                    current.entries.reserveCapacity(current.entries.count + pending)
                }
                pending -= 1
                if !pair.key.exceedsDepthLimit { insert(pair, into: current) }
            }
        }
    }

    func freeze() -> TOMLTable { Self.freeze(root) }

    /// The table's final form. The builder is done with it: its entries are moved out (no copy).
    static func freeze(_ table: Table) -> TOMLTable {
        var entries = table.entries
        table.entries = [:]
        for (index, open) in table.open.enumerated() {
            guard let open else { continue }
            let value: TOMLValue
            switch open {
            case .table(let t):
                value = TOMLValue(kind: .table(freeze(t)), range: t.range)
            case .arrayOfTables(let ts):
                value = TOMLValue(kind: .arrayOfTables(ts.tables.map(freeze)), range: ts.tables.first?.range ?? entries.values[index].keyRange)
            }
            entries.values[index].value = value
        }
        return TOMLTable(origin: table.origin, range: table.range, entries: entries)
    }

    // MARK: - Messages

    func name(_ path: TOMLKeyPath) -> String { TOMLKeySyntax.render(path.names) }

    func location(_ range: SourceRange) -> String { source.location(of: range.lowerBound) }

    mutating func conflict(_ message: String, at range: SourceRange, code: String = TOMLDiagnosticCode.tableConflict,
        first: SourceRange, firstMessage: String, help: String)
    {
        diagnostics.append(Diagnostic(
            severity: .error, code: code, message: message, range: range,
            related: [.init(range: first, message: firstMessage)], help: [help]))
    }

    /// Describes what an existing entry holds, for "already …" messages.
    func holds(_ slot: Slot) -> String {
        switch slot {
        case .value(let v):
            if case .table = v.kind { return "an inline table" }
            return "a value of type \(v.typeName)"
        case .table(let t):
            switch t.origin {
            case .dotted: return "a table made by dotted keys"
            case .inline: return "an inline table"
            default: return "a table"
            }
        case .arrayOfTables: return "an array of tables"
        }
    }

    // MARK: - Headers

    /// Walks to the parent of a header's last key part, creating implicit tables.
    mutating func parentForHeader(_ key: TOMLKeySyntax) -> Table? {
        var table = root
        for index in 0..<(key.count - 1) {
            let segment = key[index]
            if let (entry, slot) = table.slot(segment.name) {
                switch slot {
                case .table(let t):
                    table = t
                case .arrayOfTables(let ts):
                    table = ts.tables[ts.tables.count - 1]
                case .value:
                    let path = table.path.appending(segment.name)
                    conflict("cannot use '\(name(path))' as a table: it already holds \(holds(slot)) (defined at \(location(entry.keyRange)))",
                        at: segment.range, first: entry.keyRange, firstMessage: "'\(name(path))' defined here",
                        help: "rename the table, or move its keys into the value at \(location(entry.keyRange))")
                    return nil
                }
            } else {
                let t = Table(origin: .implicit, range: segment.range, path: table.path.appending(segment.name))
                table.add(segment.name, keyRange: segment.range, .table(t))
                table = t
            }
        }
        return table
    }

    mutating func defineTable(_ header: TOMLTableHeaderSyntax) -> Table? {
        guard let parent = parentForHeader(header.key) else { return nil }
        let last = header.key.last
        let path = parent.path.appending(last.name)
        guard let (entry, slot) = parent.slot(last.name) else {
            let t = Table(origin: .header, range: header.range, path: path)
            parent.add(last.name, keyRange: last.range, .table(t))
            return t
        }
        let shown = name(path)  // from here on, only for messages
        switch slot {
        case .table(let t) where t.origin == .implicit:
            t.origin = .header
            t.range = header.range
            return t
        case .table(let t) where t.origin == .dotted:
            conflict("table '\(shown)' is already defined by dotted keys at \(location(entry.keyRange))",
                at: header.key.range, first: entry.keyRange, firstMessage: "'\(shown)' defined here",
                help: "add the keys with dotted keys there, or turn them all into this [\(shown)] section")
        case .table(let t):
            conflict("table '\(shown)' is defined twice: first defined at \(location(t.range))",
                at: header.key.range, first: t.range, firstMessage: "first defined here",
                help: "merge the two [\(shown)] sections into one")
        case .arrayOfTables:
            conflict("'\(shown)' is an array of tables (defined at \(location(entry.keyRange))), not a table",
                at: header.key.range, first: entry.keyRange, firstMessage: "'\(shown)' defined here",
                help: "write [[\(shown)]] to add another element")
        case .value:
            conflict("cannot define table '\(shown)': it already holds \(holds(slot)) (defined at \(location(entry.keyRange)))",
                at: header.key.range, first: entry.keyRange, firstMessage: "'\(shown)' defined here",
                help: "rename the table, or remove the key at \(location(entry.keyRange))")
        }
        return nil
    }

    mutating func defineArrayElement(_ header: TOMLTableHeaderSyntax) -> Table? {
        guard let parent = parentForHeader(header.key) else { return nil }
        let last = header.key.last
        let path = parent.path.appending(last.name)
        let element = Table(origin: .arrayElement, range: header.range, path: path)
        guard let (entry, slot) = parent.slot(last.name) else {
            parent.add(last.name, keyRange: last.range, .arrayOfTables(Elements(element)))
            return element
        }
        let shown = name(path)  // from here on, only for messages
        switch slot {
        case .arrayOfTables(let elements):
            elements.tables.append(element)
            return element
        case .value(let v) where v.array != nil:
            conflict("cannot append to '\(shown)': it is a static array (defined at \(location(entry.keyRange)))",
                at: header.key.range, first: entry.keyRange, firstMessage: "'\(shown)' defined here",
                help: "write all elements in the array, or turn every element into a [[\(shown)]] section")
        default:
            conflict("cannot define '\(shown)' as an array of tables: it already holds \(holds(slot)) (defined at \(location(entry.keyRange)))",
                at: header.key.range, first: entry.keyRange, firstMessage: "'\(shown)' defined here",
                help: "rename one of them")
        }
        return nil
    }

    // MARK: - Key/value pairs

    mutating func insert(_ pair: TOMLKeyValueSyntax, into table: Table) {
        var t = table
        for index in 0..<(pair.key.count - 1) {
            let segment = pair.key[index]
            if let (entry, slot) = t.slot(segment.name) {
                if case .table(let next) = slot, next.origin == .dotted {
                    t = next
                    continue
                }
                let shown = name(t.path.appending(segment.name))
                if case .table(let other) = slot {
                    conflict("cannot add to table '\(shown)' with a dotted key: it is defined by a header at \(location(other.range))",
                        at: segment.range, first: other.range, firstMessage: "'\(shown)' defined here",
                        help: "move this key into the [\(shown)] section")
                } else {
                    conflict("cannot add to '\(shown)' with a dotted key: it already holds \(holds(slot)) (defined at \(location(entry.keyRange)))",
                        at: segment.range, first: entry.keyRange, firstMessage: "'\(shown)' defined here",
                        help: "rename one of the two keys")
                }
                return
            }
            let next = Table(origin: .dotted, range: segment.range, path: t.path.appending(segment.name))
            t.add(segment.name, keyRange: segment.range, .table(next))
            t = next
        }
        let last = pair.key.last
        let index: Int
        switch t.reserve(last.name, keyRange: last.range) {
        case .new(let i):
            index = i
        case .taken(let existing):
            duplicateKey(pair.key, at: last.range, first: existing.keyRange)
            return
        }
        guard let value = convert(pair.value, path: t.path.appending(last.name)) else {
            t.entries.remove(at: index)
            return
        }
        t.entries.values[index].value = value
    }

    mutating func duplicateKey(_ key: TOMLKeySyntax, at range: SourceRange, first: SourceRange) {
        conflict("duplicate key '\(key.dottedName)': first defined at \(location(first))",
            at: range, code: TOMLDiagnosticCode.duplicateKey,
            first: first, firstMessage: "first defined here",
            help: "remove one of the two definitions, or rename one")
    }

    /// An inline table of plain keys, built straight into its final form.
    mutating func simpleInlineTable(_ pairs: [TOMLKeyValueSyntax], range: SourceRange, path: @autoclosure () -> TOMLKeyPath) -> TOMLTable {
        if pairs.count <= 8, let table = smallInlineTable(pairs, range: range, path: path()) { return table }
        var entries = OrderedDictionary<String, TOMLEntry>()
        entries.reserveCapacity(pairs.count)
        for pair in pairs {
            let segment = pair.key.first
            if let existing = entries[segment.name] {
                duplicateKey(pair.key, at: segment.range, first: existing.keyRange)
                continue
            }
            guard let value = convert(pair.value, path: path().appending(segment.name)) else { continue }
            entries[segment.name] = TOMLEntry(key: segment.name, keyRange: segment.range, value: value)
        }
        return TOMLTable(origin: .inline, range: range, entries: entries)
    }

    /// The common `{ version = "1.0", path = "../x" }`: keys checked to be distinct pairwise,
    /// and the table built without hashing. Nil when a key repeats: the general path reports it.
    mutating func smallInlineTable(_ pairs: [TOMLKeyValueSyntax], range: SourceRange, path: @autoclosure () -> TOMLKeyPath) -> TOMLTable? {
        for i in pairs.indices {
            for j in 0..<i where pairs[j].key.first.name == pairs[i].key.first.name { return nil }
        }
        var keys: [String] = []
        var values: [TOMLEntry] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for pair in pairs {
            let segment = pair.key.first
            // A missing value was reported by the parser; the pair is left out.
            guard let value = convert(pair.value, path: path().appending(segment.name)) else { continue }
            keys.append(segment.name)
            values.append(TOMLEntry(key: segment.name, keyRange: segment.range, value: value))
        }
        return TOMLTable(origin: .inline, range: range, entries: OrderedDictionary(uncheckedUniqueKeys: keys, values: values))
    }

    mutating func convert(_ syntax: TOMLValueSyntax, path: @autoclosure () -> TOMLKeyPath) -> TOMLValue? {
        let kind: TOMLValue.Kind
        switch syntax.kind {
        case .string(let s, _): kind = .string(s)
        case .integer(let i): kind = .integer(i)
        case .float(let d): kind = .float(d)
        case .boolean(let b): kind = .boolean(b)
        case .dateTime(let dt): kind = .dateTime(dt)
        case .array(let items):
            var converted: [TOMLValue] = []
            converted.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if let v = convert(item, path: path().appending(String(i))) { converted.append(v) }
            }
            kind = .array(converted)
        case .inlineTable(let pairs) where pairs.allSatisfy({ !$0.key.isDotted }):
            kind = .table(simpleInlineTable(pairs, range: syntax.range, path: path()))
        case .inlineTable(let pairs):
            let table = Table(origin: .inline, range: syntax.range, path: path())
            for pair in pairs { insert(pair, into: table) }
            kind = .table(Self.freeze(table))
        case .invalid:
            return nil
        }
        return TOMLValue(kind: kind, range: syntax.range)
    }
}
