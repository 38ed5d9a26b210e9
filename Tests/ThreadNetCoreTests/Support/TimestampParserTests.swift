import Testing
@testable import ThreadNetCore

@Suite("Timestamps")
struct TimestampParserTests {
    /// Expected instants worked out by hand (and with `date -u -d`).
    @Test(arguments: [
        ("2015-08-03T14:06:17Z", "2015-08-03T14:06:17Z"),
        ("2022-11-07T10:11:12.345+01:00", "2022-11-07T09:11:12Z"),
        ("2014-12-10 01:56:24", "2014-12-10T01:56:24Z"),
        ("1251763200", "2009-09-01T00:00:00Z"),
        ("1706745600.0", "2024-02-01T00:00:00Z"),
        ("March 3, 2011 at 10:15 am", "2011-03-03T10:15:00Z"),
        ("March 3, 2011 at 12:05 am", "2011-03-03T00:05:00Z"),
        ("3 March 2011 at 10:15", "2011-03-03T10:15:00Z"),
        ("2011-03-03 at 10:15", "2011-03-03T10:15:00Z"),
        ("03/03/2011 at 10:15 PM", "2011-03-03T22:15:00Z"),
        ("Posted March 3, 2011 at 10:15 am | Permalink", "2011-03-03T10:15:00Z"),
        ("2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z"),
    ])
    func parses(_ text: String, _ iso: String) {
        #expect(TimestampParser.parse(text)?.iso8601UTC == iso)
    }

    @Test(arguments: ["3 years ago", "yesterday", "2011-13-01", "not a date", "", "12"])
    func rejects(_ text: String) {
        #expect(TimestampParser.parse(text) == nil)
    }
}
