import Foundation

/// Reading loosely typed values out of `JSONSerialization` objects, shared by the NDJSON and
/// generic JSON importers: ids that are numbers in one file and strings in another, timestamps
/// as integers, floats or strings, booleans as `true`, `"True"` or `1`.
enum JSONValues {
    /// A string for a string, an integer or an integral float (`123`, not `123.0`); `nil` for
    /// null, missing, objects and arrays.
    static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber:
            if let i = n as? Int64 { return String(i) }
            let d = n.doubleValue
            if d.isFinite, d == d.rounded(), abs(d) < 9e15 { return String(Int64(d)) }
            return String(d)
        default: return nil
        }
    }

    /// `true` for JSON `true`, a non-zero number, or the strings `true`/`yes`/`1` (any case).
    static func bool(_ value: Any?) -> Bool {
        switch value {
        case let s as String: return ["true", "yes", "1", "t", "y"].contains(trim(s).lowercased())
        case let n as NSNumber: return n.doubleValue != 0
        default: return false
        }
    }

    /// Whether the key holds something other than null.
    static func isPresent(_ value: Any?) -> Bool {
        guard let value else { return false }
        return !(value is NSNull)
    }

    /// A timestamp from Unix seconds (integer, float or a string of either), milliseconds, or
    /// an ISO 8601 string. `present` says whether a non-null, non-empty value was there, so the
    /// caller can report an unreadable one.
    /// `zoneless` and `ambiguousOrder` describe a text read (``TimestampParser/Parsed``), for
    /// the importers' notes on how times were read.
    static func timestamp(_ value: Any?, reading: TimestampParser.Reading = .standard)
        -> (date: Date?, present: Bool, zoneless: Bool, ambiguousOrder: Bool) {
        switch value {
        case let s as String:
            let trimmed = trim(s)
            let r = TimestampParser.read(trimmed, reading: reading)
            return (r.date, !trimmed.isEmpty, r.date != nil && !r.hasZone, r.ambiguousOrder)
        case let n as NSNumber:
            return (TimestampParser.unixSeconds(n.doubleValue), true, false, false)
        case nil, is NSNull:
            return (nil, false, false, false)
        default:
            return (nil, true, false, false)
        }
    }

    /// A short description of a value for messages.
    static func describe(_ value: Any?) -> String {
        switch value {
        case let s as String: return "\"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case let n as NSNumber: return n.stringValue
        case nil, is NSNull: return "null"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "a value"
        }
    }

    /// Parses one JSON text; on failure, the reason (the parser's own words, or the first
    /// invalid UTF-8 byte's column).
    static func parse(_ bytes: [UInt8]) -> Result<Any, Reason> {
        do {
            return .success(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
        } catch {
            if let bad = TextDecoding.firstInvalidUTF8(bytes) {
                return .failure(Reason(text: "invalid UTF-8 at byte column \(bad + 1)"))
            }
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            return .failure(Reason(text: "not valid JSON" + (detail.map { " (\($0))" } ?? "")))
        }
    }

    /// Why a JSON text could not be parsed.
    struct Reason: Error { var text: String }

    /// `text` without leading and trailing white space and line breaks; returns `text` itself,
    /// without copying, when there is none (the common case).
    static func trim(_ text: String) -> String { text.trimmed }

    /// The sorted keys of an object, for messages.
    static func keyList(_ object: [String: Any]) -> String {
        let keys = object.keys.sorted()
        return keys.prefix(12).joined(separator: ", ") + (keys.count > 12 ? ", …" : "")
    }
}
