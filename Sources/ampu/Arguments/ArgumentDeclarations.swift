/// The declarations a command's options are written with: `@Flag`, `@Option`, `@Argument` and
/// `@OptionGroup` on the properties of a `ParsableArguments` type. Each one, as it is made,
/// registers what it takes with the parse that is making the type (`ArgumentRegistry`), and
/// keeps its value in a box that parse fills: reading the command line needs no reflection, which
/// was most of what a command spent before it began its work (`ampu build` with nothing to do).
/// A property set afterwards gets a box of its own, so that copies do not share it.

/// Where the values read for one declaration are kept.
final class ArgumentBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// One thing a command line can hold: a flag, an option with a value, or a positional argument.
final class ArgumentDefinition {
    enum Kind { case flag, option, positional }

    let kind: Kind
    let longNames: [String]
    let shortNames: [(name: Character, joined: Bool)]
    let help: ArgumentHelp
    /// How its value is shown: `<manifest-path>`, `<name>`.
    let valueName: String
    /// It may be given more than once (an option), or takes every positional argument left.
    let repeats: Bool
    /// It must be given.
    let required: Bool
    /// An option that takes the next argument whatever it looks like (`-j -1`).
    let unconditional: Bool
    /// The arguments after `--`.
    let afterTerminator: Bool
    /// The values it accepts, when they are few (for the message when another is given).
    let values: [String]
    /// Its default, as help shows it; nil when it has none to show.
    let defaultDescription: String?
    /// Takes one value; false when it does not read as one.
    let take: (String) -> Bool
    /// Given as many times so far.
    var given = 0

    init(kind: Kind, longNames: [String] = [], shortNames: [(name: Character, joined: Bool)] = [], help: ArgumentHelp, valueName: String,
         repeats: Bool = false, required: Bool = false, unconditional: Bool = false, afterTerminator: Bool = false, values: [String] = [],
         defaultDescription: String? = nil, take: @escaping (String) -> Bool) {
        self.kind = kind
        self.longNames = longNames
        self.shortNames = shortNames
        self.help = help
        self.valueName = valueName
        self.repeats = repeats
        self.required = required
        self.unconditional = unconditional
        self.afterTerminator = afterTerminator
        self.values = values
        self.defaultDescription = defaultDescription
        self.take = take
    }

    /// As usage and messages name it: `--message-format <message-format>`, `--lib`, `<name>`.
    var synopsis: String {
        switch kind {
        case .flag: displayName
        case .option: "\(displayName) <\(valueName)>"
        case .positional: "<\(valueName)>"
        }
    }

    /// Its long name, else its short one.
    var displayName: String {
        if let long = longNames.first { return "--" + long }
        if let short = shortNames.first { return "-" + String(short.name) }
        return "<\(valueName)>"
    }
}

/// The declarations made while a parse makes a command (and its option groups), in order, and
/// the checks of the groups made meanwhile. Only the main thread parses, before anything else runs.
enum ArgumentRegistry {
    nonisolated(unsafe) private static var collecting: [ArgumentDefinition]?
    nonisolated(unsafe) private static var checks: [() throws -> Void] = []

    static func register(_ definition: ArgumentDefinition) { collecting?.append(definition) }

    static func registerCheck(_ check: @escaping () throws -> Void) {
        if collecting != nil { checks.append(check) }
    }

    /// Makes a `T`, with what its declarations registered, and the groups' checks.
    static func make<T: ParsableArguments>(_: T.Type) -> (T, [ArgumentDefinition], [() throws -> Void]) {
        let outer = (collecting, checks)
        collecting = []
        checks = []
        defer { (collecting, checks) = outer }
        let made = T()
        return (made, collecting ?? [], checks)
    }
}

/// How a declaration is named on the command line: `.customLong("dry-run")`, or a list such as
/// `[.customShort("q"), .customLong("quiet")]`.
struct NameSpecification: ExpressibleByArrayLiteral {
    enum Element {
        case long(String)
        case short(Character, allowingJoined: Bool)

        static func customLong(_ name: String) -> Element { .long(name) }
        static func customShort(_ name: Character, allowingJoined: Bool = false) -> Element { .short(name, allowingJoined: allowingJoined) }
    }

    var elements: [Element]

    init(arrayLiteral elements: Element...) { self.elements = elements }

    static func customLong(_ name: String) -> NameSpecification { [.long(name)] }
    static func customShort(_ name: Character, allowingJoined: Bool = false) -> NameSpecification { [.short(name, allowingJoined: allowingJoined)] }

    var longNames: [String] { elements.compactMap { if case .long(let n) = $0 { n } else { nil } } }
    var shortNames: [(name: Character, joined: Bool)] { elements.compactMap { if case .short(let n, let j) = $0 { (n, j) } else { nil } } }
}

/// A declaration's line of help, and how its value is shown.
struct ArgumentHelp: ExpressibleByStringInterpolation {
    enum Visibility { case `default`, hidden }

    var abstract: String
    var valueName: String?
    var visibility: Visibility

    init(_ abstract: String, valueName: String? = nil, visibility: Visibility = .default) {
        self.abstract = abstract
        self.valueName = valueName
        self.visibility = visibility
    }

    init(stringLiteral value: String) { self.init(value) }
}

/// What a value on the command line can be read as.
protocol ExpressibleByArgument {
    init?(argument: String)
    /// Every value it takes, when they are few.
    static var allValueStrings: [String] { get }
    /// As help shows it when it is a default: `(default: human)`.
    var defaultValueDescription: String { get }
}

extension ExpressibleByArgument {
    static var allValueStrings: [String] { [] }
    var defaultValueDescription: String { "\(self)" }
}

extension ExpressibleByArgument where Self: RawRepresentable, RawValue == String {
    init?(argument: String) { self.init(rawValue: argument) }
    var defaultValueDescription: String { rawValue }
}

extension ExpressibleByArgument where Self: RawRepresentable, RawValue == String, Self: CaseIterable {
    static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension String: ExpressibleByArgument {
    init?(argument: String) { self = argument }
}

extension Int: ExpressibleByArgument {
    init?(argument: String) { self.init(argument, radix: 10) }
}

extension Double: ExpressibleByArgument {
    init?(argument: String) { self.init(argument) }
}

enum SingleValueParsingStrategy {
    /// The next argument, unless it is an option.
    case next
    /// The next argument, whatever it looks like.
    case unconditional
}

enum ArgumentArrayParsingStrategy {
    /// The positional arguments left.
    case remaining
    /// The arguments after `--`.
    case postTerminator
}

/// What reads one value into `box`, kept as `keep` makes it; false when it does not read.
private func reader<T: ExpressibleByArgument, Stored>(_ box: ArgumentBox<Stored>, as keep: @escaping (T) -> Stored) -> (String) -> Bool {
    { text in
        guard let value = T(argument: text) else { return false }
        box.value = keep(value)
        return true
    }
}

/// What adds each value to the list in `box`; `replacing`: the first one given replaces what
/// the box held (the default gives way to what the command line says).
private func listReader<T: ExpressibleByArgument>(_ box: ArgumentBox<[T]?>, as: T.Type, replacing: Bool) -> (String) -> Bool {
    var first = replacing
    return { text in
        guard let value = T(argument: text) else { return false }
        if first { box.value = [] }
        first = false
        box.value!.append(value)
        return true
    }
}

@propertyWrapper
struct Flag: @unchecked Sendable {
    private var box: ArgumentBox<Bool>

    var wrappedValue: Bool {
        get { box.value }
        set { box = ArgumentBox(newValue) }
    }

    init(wrappedValue: Bool = false, name: NameSpecification, help: ArgumentHelp) {
        let box = ArgumentBox(wrappedValue)
        self.box = box
        ArgumentRegistry.register(ArgumentDefinition(kind: .flag, longNames: name.longNames, shortNames: name.shortNames, help: help, valueName: "",
                                                     take: { _ in box.value = true; return true }))
    }
}

@propertyWrapper
struct Option<Value>: @unchecked Sendable {
    private var box: ArgumentBox<Value?>

    var wrappedValue: Value {
        get { box.value! }
        set { box = ArgumentBox(newValue) }
    }

    private init(box: ArgumentBox<Value?>, name: NameSpecification, help: ArgumentHelp, repeats: Bool, required: Bool, parsing: SingleValueParsingStrategy,
                 values: [String], defaultDescription: String? = nil, take: @escaping (String) -> Bool) {
        self.box = box
        ArgumentRegistry.register(ArgumentDefinition(kind: .option, longNames: name.longNames, shortNames: name.shortNames, help: help,
                                                     valueName: help.valueName ?? name.longNames.first ?? "value", repeats: repeats, required: required,
                                                     unconditional: parsing == .unconditional, values: values, defaultDescription: defaultDescription, take: take))
    }

    /// With a default value.
    init(wrappedValue: Value, name: NameSpecification, parsing: SingleValueParsingStrategy = .next, help: ArgumentHelp) where Value: ExpressibleByArgument {
        let box = ArgumentBox<Value?>(wrappedValue)
        self.init(box: box, name: name, help: help, repeats: false, required: false, parsing: parsing, values: Value.allValueStrings,
                  defaultDescription: wrappedValue.defaultValueDescription, take: reader(box, as: { (value: Value) in value }))
    }

    /// Optional: nil when not given.
    init<T: ExpressibleByArgument>(name: NameSpecification, parsing: SingleValueParsingStrategy = .next, help: ArgumentHelp) where Value == T? {
        let box = ArgumentBox<Value?>(.some(nil))
        self.init(box: box, name: name, help: help, repeats: false, required: false, parsing: parsing, values: T.allValueStrings, take: reader(box, as: { (value: T) in .some(value) }))
    }

    /// Required.
    init(name: NameSpecification, parsing: SingleValueParsingStrategy = .next, help: ArgumentHelp) where Value: ExpressibleByArgument {
        let box = ArgumentBox<Value?>(nil)
        self.init(box: box, name: name, help: help, repeats: false, required: true, parsing: parsing, values: Value.allValueStrings, take: reader(box, as: { (value: Value) in value }))
    }

    /// Given any number of times: every value, in order.
    init<T: ExpressibleByArgument>(wrappedValue: [T], name: NameSpecification, help: ArgumentHelp) where Value == [T] {
        let box = ArgumentBox<Value?>(wrappedValue)
        self.init(box: box, name: name, help: help, repeats: true, required: false, parsing: .next, values: T.allValueStrings, take: listReader(box, as: T.self, replacing: true))
    }
}

@propertyWrapper
struct Argument<Value>: @unchecked Sendable {
    private var box: ArgumentBox<Value?>

    var wrappedValue: Value {
        get { box.value! }
        set { box = ArgumentBox(newValue) }
    }

    private init(box: ArgumentBox<Value?>, name: String, help: ArgumentHelp, repeats: Bool, required: Bool, afterTerminator: Bool,
                 defaultDescription: String? = nil, take: @escaping (String) -> Bool) {
        self.box = box
        ArgumentRegistry.register(ArgumentDefinition(kind: .positional, help: help, valueName: help.valueName ?? name, repeats: repeats, required: required,
                                                     afterTerminator: afterTerminator, defaultDescription: defaultDescription, take: take))
    }

    /// Required.
    init(name: String, help: ArgumentHelp) where Value: ExpressibleByArgument {
        let box = ArgumentBox<Value?>(nil)
        self.init(box: box, name: name, help: help, repeats: false, required: true, afterTerminator: false, take: reader(box, as: { (value: Value) in value }))
    }

    /// With a default value.
    init(wrappedValue: Value, name: String, help: ArgumentHelp) where Value: ExpressibleByArgument {
        let box = ArgumentBox<Value?>(wrappedValue)
        self.init(box: box, name: name, help: help, repeats: false, required: false, afterTerminator: false,
                  defaultDescription: wrappedValue.defaultValueDescription, take: reader(box, as: { (value: Value) in value }))
    }

    /// Optional: nil when not given.
    init<T: ExpressibleByArgument>(name: String, help: ArgumentHelp) where Value == T? {
        let box = ArgumentBox<Value?>(.some(nil))
        self.init(box: box, name: name, help: help, repeats: false, required: false, afterTerminator: false, take: reader(box, as: { (value: T) in .some(value) }))
    }

    /// Every positional argument left, at least one.
    init<T: ExpressibleByArgument>(name: String, help: ArgumentHelp) where Value == [T] {
        let box = ArgumentBox<Value?>([])
        self.init(box: box, name: name, help: help, repeats: true, required: true, afterTerminator: false, take: listReader(box, as: T.self, replacing: false))
    }

    /// Every positional argument left, or (`.postTerminator`) every argument after `--`.
    init<T: ExpressibleByArgument>(wrappedValue: [T], name: String, parsing: ArgumentArrayParsingStrategy = .remaining, help: ArgumentHelp) where Value == [T] {
        let box = ArgumentBox<Value?>(wrappedValue)
        self.init(box: box, name: name, help: help, repeats: true, required: false, afterTerminator: parsing == .postTerminator, take: listReader(box, as: T.self, replacing: true))
    }
}

/// Another type's declarations, taken into this one's (and checked with its `validate`).
@propertyWrapper
struct OptionGroup<Value: ParsableArguments>: @unchecked Sendable {
    private var box: ArgumentBox<Value>

    var wrappedValue: Value {
        get { box.value }
        set { box = ArgumentBox(newValue) }
    }

    init() {
        let box = ArgumentBox(Value())
        self.box = box
        ArgumentRegistry.registerCheck { try box.value.validate() }
    }
}
