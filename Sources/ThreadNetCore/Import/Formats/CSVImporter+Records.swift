/// Splits a CSV byte stream into records, counting physical lines, so that every record is
/// known by the line it starts on. Quoting follows CSV.swift's reader exactly (a quote opens
/// a quoted field only at the start of a field; `""` inside one is a quote; a quote followed
/// by the delimiter or a line break closes it), so that each record handed to CSV.swift is
/// one row for it.
///
/// CSV.swift itself accepts a quote that is never closed (the rest of the file becomes one
/// field); here that is an error naming the line where the quote opened.
struct CSVRecordScanner {
    struct Record {
        /// The record's bytes; line breaks inside quoted fields are LF.
        var bytes: [UInt8]
        /// The physical line the record starts on (1-based).
        var line: Int
    }

    private let lines: LineReader
    private let name: String
    private let delimiter: UInt8

    init(_ source: ByteSource, name: String, delimiter: UInt8 = UInt8(ascii: ","), limits: InputLimits = InputLimits()) {
        lines = LineReader(source, name: name, limits: limits)
        self.name = name
        self.delimiter = delimiter
    }

    /// The next non-blank record, or `nil` at the end.
    mutating func next() throws(ImportError) -> Record? {
        var record: [UInt8] = []
        var startLine = 0
        var state = QuoteState()
        while let line = try lines.next() {
            if startLine == 0 {
                if line.isBlank { continue }
                startLine = line.number
            } else {
                record.append(0x0A)
            }
            record.append(contentsOf: line.bytes)
            state.scan(line.bytes, line: line.number, delimiter: delimiter)
            if !state.inQuotes { return Record(bytes: record, line: startLine) }
        }
        guard startLine > 0 else { return nil }
        throw ImportError(.malformed, at: SourceLocation(file: name, line: state.openedOn),
                          "unterminated quoted field: the quote opened on line \(state.openedOn) is never closed (reached the end of the file at line \(lines.lineNumber)); expected a closing \"")
    }

    /// Quote tracking across the physical lines of one record.
    struct QuoteState {
        var inQuotes = false
        var atFieldStart = true
        var openedOn = 0

        mutating func scan(_ bytes: [UInt8], line: Int, delimiter: UInt8) {
            let quote = UInt8(ascii: "\"")
            var i = 0
            if inQuotes { atFieldStart = false }
            while i < bytes.count {
                let b = bytes[i]
                if inQuotes {
                    if b == quote {
                        if i + 1 >= bytes.count {
                            inQuotes = false       // closing quote at the end of the line: row ends
                        } else if bytes[i + 1] == delimiter {
                            inQuotes = false
                            atFieldStart = true
                            i += 1
                        } else {
                            i += 1                 // "" is a quote; any other byte is swallowed, still quoted
                        }
                    }
                } else if b == quote && atFieldStart {
                    inQuotes = true
                    openedOn = line
                    atFieldStart = false
                } else if b == delimiter {
                    atFieldStart = true
                } else {
                    atFieldStart = false
                }
                i += 1
            }
            // A line break outside quotes ends the record; inside, the field goes on.
            if !inQuotes { atFieldStart = true }
        }
    }
}
