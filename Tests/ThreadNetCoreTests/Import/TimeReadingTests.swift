import Foundation
import Testing
@testable import ThreadNetCore

/// `--timezone` and `--date-order`: times without a zone read in the zone given (daylight
/// saving included), times with one unchanged, ambiguous numeric dates counted in a note.
/// Expected instants are worked out by hand from the zone rules (New York: UTC−5 until
/// 13 March 2011, UTC−4 after).
@Suite("Reading times: time zone and date order")
struct TimeReadingTests {
    static let pasted = """
        A headline

        Comments

        1. Ann says:
        March 3, 2011 at 10:15 am
        Hello there.

        2. Bob says:
        July 1, 2011 at 10:15 am
        Hi.

        3. Cy says:
        03/01/2011 at 09:00
        Late.
        """

    static func iso(_ d: Date?) -> String? { d?.iso8601UTC }

    @Test("pasted text in --timezone America/New_York, with a note saying so")
    func pastedInZone() throws {
        let reading = TimestampParser.Reading(zone: TimeZone(identifier: "America/New_York"))
        let thread = try TextImporter().parse(Self.pasted, name: "p.txt", reading: reading)
        #expect(thread.comments.map { Self.iso($0.timestamp) } == ["2011-03-03T15:15:00Z", "2011-07-01T14:15:00Z", "2011-03-01T14:00:00Z"])
        #expect(thread.findings.contains { $0.message == "3 times carry no time zone; read in America/New_York (--timezone)" })
        // 03/01/2011: March 1 (month first with /), counted as ambiguous at its line.
        let note = try #require(thread.findings.first { $0.message.contains("could be read day first or month first") })
        #expect(note.message.hasPrefix("1 date such as 03/01/2024") && note.location.line == 14)
        let utc = try TextImporter().parse(Self.pasted, name: "p.txt")
        #expect(utc.comments.first.map { Self.iso($0.timestamp) } == "2011-03-03T10:15:00Z")
        #expect(utc.findings.contains { $0.message == "3 times carry no time zone; read as UTC (--timezone names another zone)" })
        let dmy = try TextImporter().parse(Self.pasted, name: "p.txt", reading: .init(order: .dmy))
        #expect(dmy.comments.last.map { Self.iso($0.timestamp) } == "2011-01-03T09:00:00Z")
        #expect(dmy.findings.contains { $0.message.hasSuffix("read day first (--date-order dmy)") })
    }

    @Test("CSV: zone-less times move with --timezone, times with a zone or Unix seconds do not")
    func csv() throws {
        let csv = "id,parent,author,time,text\n1,,Ann,2024-03-01 10:00,a\n2,1,Bob,2024-03-01T10:00:00Z,b\n3,1,Cy,1709287200,c\n4,1,Dee,03/01/2024 10:00,d\n"
        var options = ImportOptions(format: .csv)
        options.reading = .init(zone: TimeReading.zone(named: "+02:00"))
        let corpus = try Importers.read(InputSource(name: "t.csv", text: csv), options: options)
        let times = try #require(corpus.threads.first).comments.map { Self.iso($0.timestamp) }
        #expect(times == ["2024-03-01T08:00:00Z", "2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z", "2024-03-01T08:00:00Z"])
        #expect(corpus.findings.contains { $0.message == "2 times carry no time zone; read in GMT+0200 (--timezone)" })
        #expect(corpus.findings.contains { $0.message.hasPrefix("1 date such as") && $0.location.record == 4 })
    }

    @Test("--timezone forms")
    func zones() {
        #expect(TimeReading.zone(named: "Europe/Berlin")?.identifier == "Europe/Berlin")
        #expect(TimeReading.zone(named: "UTC")?.secondsFromGMT() == 0)
        #expect(TimeReading.zone(named: "+02:00")?.secondsFromGMT() == 7200)
        #expect(TimeReading.zone(named: "-0530")?.secondsFromGMT() == -19_800)
        #expect(TimeReading.zone(named: "Mars/Olympus") == nil && TimeReading.zone(named: "+25:00") == nil)
        #expect(TimestampParser.hasZone("2024-03-01T10:00:00+01:00") && TimestampParser.hasZone("1709287200") && !TimestampParser.hasZone("2024-03-01 10:00"))
        #expect(TimestampParser.isAmbiguousOrder("03/01/2024") && !TimestampParser.isAmbiguousOrder("13/01/2024") && !TimestampParser.isAmbiguousOrder("2024-03-01"))
    }
}
