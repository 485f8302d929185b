/// A TOML date, time, or both, with or without an offset.
public struct TOMLDateTime: Hashable, Sendable, CustomStringConvertible {
    public struct Date: Hashable, Sendable {
        public var year: Int, month: Int, day: Int
    }

    public struct Time: Hashable, Sendable {
        public var hour: Int, minute: Int, second: Int
        /// The fraction's digits as written (without the dot), or "".
        public var fraction: String
    }

    public enum Kind: String, Sendable {
        case offsetDateTime = "datetime"
        case localDateTime = "datetime-local"
        case localDate = "date-local"
        case localTime = "time-local"
    }

    public var date: Date?
    public var time: Time?
    /// Minutes east of UTC, for an offset date-time.
    public var offsetMinutes: Int?

    public var kind: Kind {
        switch (date, time, offsetMinutes) {
        case (.some, .some, .some): .offsetDateTime
        case (.some, .some, .none): .localDateTime
        case (.some, .none, _): .localDate
        default: .localTime
        }
    }

    /// RFC 3339 form: `1979-05-27T07:32:00.5-07:00`, `Z` for a zero offset.
    public var description: String {
        var s = ""
        if let d = date { s += pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2) }
        if let t = time {
            if date != nil { s += "T" }
            s += pad(t.hour, 2) + ":" + pad(t.minute, 2) + ":" + pad(t.second, 2)
            if !t.fraction.isEmpty { s += "." + t.fraction }
        }
        if let off = offsetMinutes {
            if off == 0 {
                s += "Z"
            } else {
                s += (off < 0 ? "-" : "+") + pad(abs(off) / 60, 2) + ":" + pad(abs(off) % 60, 2)
            }
        }
        return s
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
