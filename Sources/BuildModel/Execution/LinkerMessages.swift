/// GNU ld's and lld's messages about a program whose objects carry debug information (`-g`),
/// read as diagnostics at the source line they name (GNU ld's here; lld's below):
///
///     /usr/bin/ld: /tmp/ccx.o: in function `main':
///     /w/src/main.c:4: undefined reference to `helper'
///     /usr/bin/ld: /w/src/b.c:1: multiple definition of `f'; /tmp/ccy.o:/w/src/a.c:1: first defined here
///
/// The `in function` line is a note of the messages after it. Without `-g`, ld names a section
/// (`main.c:(.text+0xa)`), not a line, and the message stays a line of output.
extension CompilerMessages {
    /// A line of ld's without its `LD: ` start (`/usr/bin/ld: `, `ld.gold: `), or the line itself.
    static func withoutLinker(_ line: Substring) -> Substring {
        guard let colon = line.firstRange(of: ": ") else { return line }
        let program = line[..<colon.lowerBound].split(separator: "/").last ?? ""
        return program == "ld" || program.hasPrefix("ld.") ? line[colon.upperBound...] : line
    }

    /// `OBJECT: in function `NAME':` (ld's start already taken off): the note for what follows.
    static func linkerFunction(_ line: Substring) -> String? {
        guard let range = line.firstRange(of: ": in function "), line.hasSuffix(":") else { return nil }
        return String(line[line.index(range.lowerBound, offsetBy: 2)...].dropLast())
    }

    /// `FILE:LINE: undefined reference to `NAME'` or `FILE:LINE: multiple definition of `NAME';
    /// OBJECT:FILE:LINE: first defined here` (ld's start already taken off), for a file there is.
    static func linkerDiagnostic(_ line: Substring, directory: String, fileSystem: any FileSystem,
                                 sources: inout [String: SourceText]) -> Diagnostic? {
        let kinds = [": undefined reference to ", ": multiple definition of "]
        guard let kind = kinds.lazy.compactMap({ line.firstRange(of: $0) }).first,
              let (file, row) = fileAndLine(line[..<kind.lowerBound]) else { return nil }
        var message = line[line.index(kind.lowerBound, offsetBy: 2)...]
        var earlier: Substring?
        if let first = message.firstRange(of: "; "), message.hasSuffix(": first defined here") {
            earlier = message[first.upperBound...].dropLast(20)
            message = message[..<first.lowerBound]
        }
        let name = symbol(in: message)
        guard var d = place(file: file, row: row, name: name, directory: directory, fileSystem: fileSystem, sources: &sources)
            .map({ Diagnostic(severity: .error, message: String(message), file: $0.path, range: $0.range) }) else { return nil }
        // The earlier definition: `OBJECT:FILE:LINE`.
        if let earlier, let colon = earlier.firstIndex(of: ":"), let (file, row) = fileAndLine(earlier[earlier.index(after: colon)...]),
           let there = place(file: file, row: row, name: name, directory: directory, fileSystem: fileSystem, sources: &sources) {
            d.related.append(Diagnostic.Related(file: there.path, range: there.range, message: "first defined here"))
        }
        return d
    }

    /// lld's: `error: undefined symbol: NAME` or `error: duplicate symbol: NAME` (its `ld.lld: `
    /// start already taken off), then for each place `>>> referenced by FILE:LINE (PATH:LINE)`
    /// or `>>> defined at …`, and under it `>>>     OBJECT:(FUNCTION)`. An undefined symbol is
    /// an error at each place that refers to it (in its function, as ld says); a duplicate one
    /// an error at its last definition, the earlier ones beside it. With the index after the
    /// lines read; nil when no place is a line of a file there is.
    static func lldDiagnostics(_ header: Substring, lines: [Substring], from start: Int, directory: String, fileSystem: any FileSystem,
                               sources: inout [String: SourceText]) -> (diagnostics: [Diagnostic], next: Int)? {
        let kinds = ["error: undefined symbol: ", "error: duplicate symbol: "]
        guard let kind = kinds.first(where: { header.hasPrefix($0) }) else { return nil }
        let name = header.dropFirst(kind.count)
        var sites: [(file: Substring, row: Int, function: Substring?)] = []
        var index = start
        while index < lines.count, lines[index].hasPrefix(">>> ") {
            let rest = lines[index].dropFirst(4).drop { $0 == " " }
            index += 1
            if let lead = ["referenced by ", "defined at "].first(where: { rest.hasPrefix($0) }) {
                var place = rest.dropFirst(lead.count)
                if let open = place.lastIndex(of: "("), place.hasSuffix(")") { place = place[place.index(after: open)..<place.index(before: place.endIndex)] }
                if let (file, row) = fileAndLine(place) { sites.append((file, row, nil)) }
            } else if let open = rest.firstRange(of: ":("), rest.hasSuffix(")"), !sites.isEmpty, sites[sites.count - 1].function == nil {
                let function = rest[open.upperBound..<rest.index(before: rest.endIndex)]
                if !function.hasPrefix(".") { sites[sites.count - 1].function = function }
            }
        }
        let message = String(kind.dropFirst(7).dropLast(2)) + ": " + name
        let placed = sites.compactMap { site in
            place(file: site.file, row: site.row, name: name, directory: directory, fileSystem: fileSystem, sources: &sources).map { ($0, site.function) }
        }
        guard let last = placed.last else { return nil }
        func note(_ function: Substring?) -> [String] { function.map { ["in function `\($0)'"] } ?? [] }
        if kind.contains("undefined") {
            return (placed.map { Diagnostic(severity: .error, message: message, file: $0.0.path, range: $0.0.range, notes: note($0.1)) }, index)
        }
        var d = Diagnostic(severity: .error, message: message, file: last.0.path, range: last.0.range, notes: note(last.1))
        d.related = placed.dropLast().map { Diagnostic.Related(file: $0.0.path, range: $0.0.range, message: "first defined here") }
        return ([d], index)
    }

    /// `FILE:LINE`: the file and the line.
    private static func fileAndLine(_ text: Substring) -> (Substring, Int)? {
        guard let colon = text.lastIndex(of: ":"), let row = Int(text[text.index(after: colon)...]), row > 0,
              colon > text.startIndex else { return nil }
        return (text[..<colon], row)
    }

    /// The symbol ld quotes (`name'), without a C++ signature or namespace (`ns::f(int)` is
    /// `f` where the source calls it).
    private static func symbol(in message: Substring) -> Substring? {
        guard let open = message.firstIndex(where: { $0 == "`" || $0 == "'" }) else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.lastIndex(of: "'") else { return nil }
        let name = rest[..<close].prefix { $0 != "(" }
        return name.ranges(of: "::").last.map { name[$0.upperBound...] } ?? name
    }

    /// Where `name` stands on line `row` of `file` (the line's text when it is not there); nil
    /// when the file cannot be read or has no such line.
    private static func place(file: Substring, row: Int, name: Substring?, directory: String, fileSystem: any FileSystem,
                              sources: inout [String: SourceText]) -> (path: String, range: SourceRange)? {
        let path = Paths.normalize(Paths.join(directory, String(file)))
        guard let source = sources[path] ?? (try? fileSystem.readText(path)), row <= source.lines.lineCount else { return nil }
        sources[path] = source
        let content = source.lines.contentRange(ofLine: row - 1)
        let bytes = source.bytes
        if let name, !name.isEmpty {
            let wanted = Array(name.utf8)
            var i = content.lowerBound
            while i + wanted.count <= content.upperBound {
                if bytes[i..<(i + wanted.count)].elementsEqual(wanted), i == content.lowerBound || !isWordByte(bytes[i - 1]),
                   i + wanted.count == content.upperBound || !isWordByte(bytes[i + wanted.count]) {
                    return (path, SourceRange(i, i + wanted.count))
                }
                i += 1
            }
        }
        var start = content.lowerBound
        while start < content.upperBound && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        return (path, SourceRange(start, max(start, content.upperBound)))
    }
}
