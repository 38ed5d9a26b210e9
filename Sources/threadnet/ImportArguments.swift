import ArgumentParser
import ThreadNetCore

/// Options that shape how an input is read, shared by every command that reads threads.
struct ImportArguments: ParsableArguments {
    @Option(help: "Input format, instead of detecting it from the content: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @Option(help: "Thread title (pasted text: the article's first line by default).")
    var title: String?

    @Option(name: .customLong("thread"), help: "Analyze only the thread with this id (multi-thread files).")
    var threadID: String?

    @Option(help: "Which records to analyze: 'visible' (what readers saw: no spam, trash, pending, pingbacks) or 'all'.")
    var keep: String = "visible"

    @Option(help: "CSV/JSON: the column or field holding the comment id.") var id: String?
    @Option(help: "CSV/JSON: the column or field holding the parent id.") var parent: String?
    @Option(help: "CSV/JSON: the column or field holding the author.") var author: String?
    @Option(help: "CSV/JSON: the column or field holding the timestamp.") var time: String?
    @Option(help: "CSV/JSON: the column or field holding the comment's votes or likes (default: score, points, likes, like_count, …).") var score: String?
    @Option(help: "CSV/JSON: the column or field holding the text.") var text: String?
    @Option(name: .customLong("thread-column"), help: "CSV/JSON: the column or field holding the thread id.") var threadColumn: String?

    @Option(name: .customLong("max-expansion"), help: ArgumentHelp("Stop a compressed input that expands to more than N times its size (and 256 MiB): a guard against decompression bombs.", valueName: "N"))
    var maxExpansion: Int = InputLimits().maxExpansion

    @Option(name: .customLong("max-line-mib"), help: ArgumentHelp("Stop at a line (NDJSON, CSV) longer than N MiB.", valueName: "N"))
    var maxLineMiB: Int = InputLimits().maxLineBytes >> 20

    func importOptions() throws -> ImportOptions {
        guard maxExpansion >= 1 else { throw ValidationError("--max-expansion must be 1 or more") }
        guard maxLineMiB >= 1, maxLineMiB <= 1 << 20 else { throw ValidationError("--max-line-mib must be from 1 to 1048576") }
        var forced: InputFormat?
        if let format {
            guard let f = InputFormat(rawValue: format) else {
                throw ValidationError("unknown --format \(format); use one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            forced = f
        }
        var options = ImportOptions(format: forced, title: title, threadID: threadID,
                                    columns: ColumnMapping(id: id, parent: parent, author: author, time: time, text: text, thread: threadColumn, score: score),
                                    limits: InputLimits(maxExpansion: maxExpansion, maxLineBytes: maxLineMiB << 20))
        if let timezone {
            guard let zone = TimeReading.zone(named: timezone) else {
                throw ValidationError("--timezone: \"\(timezone)\" is not a time zone; use an IANA name (Europe/Berlin, America/New_York), UTC or an offset (+02:00)")
            }
            options.reading.zone = zone
        }
        if let dateOrder {
            guard let order = TimestampParser.DateOrder(rawValue: dateOrder) else { throw ValidationError("--date-order must be mdy or dmy, not \(dateOrder)") }
            options.reading.order = order
        }
        return options
    }

    @Option(help: ArgumentHelp("The time zone of times written without one (pasted text, CSV, JSON): an IANA name (Europe/Berlin), UTC or an offset (+02:00). Default UTC; the report says which.", valueName: "zone"))
    var timezone: String?

    @Option(name: .customLong("date-order"), help: ArgumentHelp("How to read all-numeric dates such as 03/01/2024: mdy (month first) or dmy (day first). Default: month first with /, day first with - or .; the report counts the ambiguous ones.", valueName: "mdy|dmy"))
    var dateOrder: String?

    func policy() throws -> InclusionPolicy {
        guard let p = InclusionPolicy(rawValue: keep) else { throw ValidationError("--keep must be 'visible' or 'all', not \(keep)") }
        return p
    }
}
