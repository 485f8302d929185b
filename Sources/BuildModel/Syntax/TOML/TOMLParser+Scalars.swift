extension TOMLParser {
    @inline(__always) func isWordByte(_ c: UInt8) -> Bool {
        isBareKeyByte(c) || c == 0x2B || c == 0x2E || c == 0x3A
    }

    @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// A bare value: a number, a boolean, a date or time. Nil when none starts here.
    mutating func parseWord() -> TOMLValueSyntax? {
        let start = pos
        while pos < n && isWordByte(b[pos]) { pos += 1 }
        // `1979-05-27 07:32:00`: a date, one space, then a time.
        if pos - start == 10 && looksLikeDate(start) && at(pos) == 0x20,
            let h1 = at(pos + 1), let h2 = at(pos + 2), isDigit(h1), isDigit(h2), at(pos + 3) == 0x3A
        {
            pos += 1
            while pos < n && isWordByte(b[pos]) { pos += 1 }
        }
        guard pos > start else {
            if b[pos] >= 0x80 && utf8Length(at: pos) == nil {
                reportInvalidUTF8(at: pos)
            }
            return nil
        }
        let range = SourceRange(start, pos)
        let (tokenKind, kind) = classifyWord(start, pos)
        emit(tokenKind, from: start)
        return TOMLValueSyntax(kind: kind, range: range)
    }

    func looksLikeDate(_ s: Int) -> Bool {
        s + 10 <= n && isDigit(b[s]) && isDigit(b[s + 1]) && isDigit(b[s + 2]) && isDigit(b[s + 3]) && b[s + 4] == 0x2D
    }

    /// True when the bytes from `start` to `end` are `word`.
    func bytesEqual(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<(end - start) where b[start + i] != w[i] { return false }
        return true
    }

    mutating func classifyWord(_ start: Int, _ end: Int) -> (TOMLTokenKind, TOMLValueSyntax.Kind) {
        let range = SourceRange(start, end)
        let first = b[start]
        if first == 0x74 && bytesEqual(start, end, "true") { return (.boolean, .boolean(true)) }
        if first == 0x66 && bytesEqual(start, end, "false") { return (.boolean, .boolean(false)) }
        let unsigned = first == 0x2B || first == 0x2D ? start + 1 : start
        if bytesEqual(unsigned, end, "inf") { return (.float, .float(first == 0x2D ? -.infinity : .infinity)) }
        if bytesEqual(unsigned, end, "nan") { return (.float, .float(.nan)) }
        let isTime = end - start >= 3 && isDigit(b[start]) && isDigit(b[start + 1]) && b[start + 2] == 0x3A
        if looksLikeDate(start) || isTime {
            if let dt = parseDateTime(start, end) { return (.dateTime, .dateTime(dt)) }
            return (.error, .invalid)
        }
        if !(isDigit(first) || first == 0x2B || first == 0x2D || first == 0x2E) {
            let word = text(start, end)
            let lower = word.lowercased()
            var help = ["strings must be quoted: \"\(word)\""]
            if lower == "true" || lower == "false" { help = ["booleans are lower case: \(lower)"] }
            report("invalid value '\(word)'", range, code: TOMLDiagnosticCode.invalidValue, help: help)
            return (.error, .invalid)
        }
        let isPrefixed = end - start > 2 && first == 0x30 && (b[start + 1] == 0x78 || b[start + 1] == 0x6F || b[start + 1] == 0x62)
        if !isPrefixed {
            for i in start..<end where b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 {
                if let d = parseFloat(start, end) { return (.float, .float(d)) }
                return (.error, .invalid)
            }
        }
        if let i = parseInteger(start, end) { return (.integer, .integer(i)) }
        return (.error, .invalid)
    }

    // MARK: - Numbers

    /// Checks digits of `radix` with single underscores between them; returns how many
    /// digits there are and the first one, or nil when malformed.
    func digitRun(_ s: Int, _ e: Int, radix: Int) -> (count: Int, first: UInt8)? {
        guard s < e else { return nil }
        var count = 0
        var first: UInt8 = 0
        var previousWasDigit = false
        for i in s..<e {
            let c = b[i]
            if c == 0x5F {
                guard previousWasDigit, i + 1 < e else { return nil }
                previousWasDigit = false
                continue
            }
            guard let v = ASCII.hexValue(c), Int(v) < radix else { return nil }
            if count == 0 { first = v }
            count += 1
            previousWasDigit = true
        }
        return previousWasDigit ? (count, first) : nil
    }

    mutating func parseInteger(_ start: Int, _ end: Int) -> Int64? {
        let range = SourceRange(start, end)
        var s = start
        var negative = false
        if b[s] == 0x2B || b[s] == 0x2D {
            negative = b[s] == 0x2D
            s += 1
        }
        var radix = 10
        if s + 1 < end && b[s] == 0x30 && (b[s + 1] == 0x78 || b[s + 1] == 0x6F || b[s + 1] == 0x62) {
            radix = b[s + 1] == 0x78 ? 16 : b[s + 1] == 0x6F ? 8 : 2
            if s != start {
                report("'\(text(start, end))': a sign is not allowed on a \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") integer",
                    range, code: TOMLDiagnosticCode.invalidNumber, help: ["remove the sign"])
                return nil
            }
            s += 2
        }
        guard let run = digitRun(s, end, radix: radix) else {
            let word = text(start, end)
            let help: String
            if word.contains("__") || word.hasSuffix("_") || word.hasPrefix("_") || text(s, end).hasPrefix("_") {
                help = "each '_' must stand between two digits"
            } else {
                help = radix == 10 ? "integers are written like 42, -17, 1_000, 0xff, 0o17 or 0b101" : "use only base-\(radix) digits"
            }
            report("invalid integer '\(word)'", range, code: TOMLDiagnosticCode.invalidNumber, help: [help])
            return nil
        }
        if radix == 10 && run.count > 1 && run.first == 0 {
            report("leading zeros are not allowed in integers ('\(text(start, end))')", range, code: TOMLDiagnosticCode.invalidNumber,
                help: ["write it without the leading zeros, or as a string if the zeros matter"])
            return nil
        }
        var value: Int64 = 0
        for i in s..<end where b[i] != 0x5F {
            let d = Int64(ASCII.hexValue(b[i])!)
            let (m, o1) = value.multipliedReportingOverflow(by: Int64(radix))
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 {
                report("integer '\(text(start, end))' does not fit in 64 bits", range, code: TOMLDiagnosticCode.invalidNumber,
                    help: ["TOML integers range from -9223372036854775808 to 9223372036854775807; use a string or a float"])
                return nil
            }
            value = a
        }
        return value
    }

    mutating func parseFloat(_ start: Int, _ end: Int) -> Double? {
        let range = SourceRange(start, end)
        let word = text(start, end)
        func fail(_ help: String) -> Double? {
            report("invalid float '\(word)'", range, code: TOMLDiagnosticCode.invalidNumber, help: [help])
            return nil
        }
        var s = start
        if b[s] == 0x2B || b[s] == 0x2D { s += 1 }
        var intEnd = s
        while intEnd < end && b[intEnd] != 0x2E && b[intEnd] != 0x65 && b[intEnd] != 0x45 { intEnd += 1 }
        guard let intDigits = digitRun(s, intEnd, radix: 10) else {
            return fail(s == intEnd ? "a float needs digits before the '.': write 0.5, not .5" : "each '_' must stand between two digits")
        }
        if intDigits.count > 1 && intDigits.first == 0 { return fail("leading zeros are not allowed") }
        var i = intEnd
        if i < end && b[i] == 0x2E {
            var fracEnd = i + 1
            while fracEnd < end && b[fracEnd] != 0x65 && b[fracEnd] != 0x45 { fracEnd += 1 }
            guard digitRun(i + 1, fracEnd, radix: 10) != nil else {
                return fail(i + 1 == fracEnd ? "a float needs digits after the '.': write 1.0, not 1." : "the fraction must be digits, with '_' only between two digits")
            }
            i = fracEnd
        }
        if i < end && (b[i] == 0x65 || b[i] == 0x45) {
            var e = i + 1
            if e < end && (b[e] == 0x2B || b[e] == 0x2D) { e += 1 }
            guard digitRun(e, end, radix: 10) != nil else { return fail("the exponent must be digits: 1e6, 2.5E-3") }
            i = end
        }
        guard i == end else { return fail("floats are written like 3.14, -0.01, 5e22 or 6.626e-34") }
        let cleaned = word.filter { $0 != "_" }
        guard let value = Double(cleaned) else { return fail("floats are written like 3.14, -0.01, 5e22 or 6.626e-34") }
        return value
    }

    // MARK: - Dates and times

    mutating func parseDateTime(_ start: Int, _ end: Int) -> TOMLDateTime? {
        let range = SourceRange(start, end)
        let word = text(start, end)
        var i = start
        func fail(_ why: String) -> TOMLDateTime? {
            report("invalid date-time '\(word)': \(why)", range, code: TOMLDiagnosticCode.invalidDateTime,
                help: ["dates and times are written like 1979-05-27, 07:32:00, 1979-05-27T07:32:00 or 1979-05-27T07:32:00Z"])
            return nil
        }
        func number(_ count: Int) -> Int? {
            guard i + count <= end else { return nil }
            var v = 0
            for k in 0..<count {
                guard isDigit(b[i + k]) else { return nil }
                v = v * 10 + Int(b[i + k] - 0x30)
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < end && b[i] == c else { return false }
            i += 1
            return true
        }
        var result = TOMLDateTime()
        if looksLikeDate(start) {
            guard let y = number(4), expect(0x2D), let m = number(2), expect(0x2D), let d = number(2) else {
                return fail("expected YYYY-MM-DD")
            }
            guard (1...12).contains(m) else { return fail("month \(m) does not exist") }
            let days = TOMLDateTime.daysIn(month: m, year: y)
            guard d >= 1 && d <= days else { return fail("day \(d) does not exist in that month, which has \(days) days") }
            result.date = .init(year: y, month: m, day: d)
            if i == end { return result }
            guard b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 else { return fail("expected 'T' between the date and the time") }
            i += 1
        }
        guard let h = number(2), expect(0x3A), let mi = number(2) else { return fail("expected HH:MM:SS") }
        var sec = 0
        var fraction = ""
        if expect(0x3A) {
            guard let s = number(2) else { return fail("expected two digits of seconds") }
            sec = s
            if expect(0x2E) {
                let f = i
                while i < end && isDigit(b[i]) { i += 1 }
                guard i > f else { return fail("expected digits after the '.'") }
                fraction = text(f, i)
            }
        } else if version == .v1_0 {
            return fail("seconds are required in TOML 1.0 (HH:MM:SS)")
        }
        guard h <= 23 else { return fail("hour \(h) does not exist") }
        guard mi <= 59 else { return fail("minute \(mi) does not exist") }
        guard sec <= 60 else { return fail("second \(sec) does not exist") }
        result.time = .init(hour: h, minute: mi, second: sec, fraction: fraction)
        if i == end { return result }
        guard result.date != nil else { return fail("a time without a date cannot have an offset") }
        if b[i] == 0x5A || b[i] == 0x7A {
            i += 1
            result.offsetMinutes = 0
        } else if b[i] == 0x2B || b[i] == 0x2D {
            let sign = b[i] == 0x2D ? -1 : 1
            i += 1
            guard let oh = number(2), expect(0x3A), let om = number(2) else { return fail("expected an offset like +01:00") }
            guard oh <= 23 && om <= 59 else { return fail("offset \(oh):\(om) does not exist") }
            result.offsetMinutes = sign * (oh * 60 + om)
        } else {
            return fail("unexpected '\(text(i, i + 1))'")
        }
        guard i == end else { return fail("unexpected text after the offset") }
        return result
    }
}
