/// The Porter2 ("Snowball English") stemmer, as published by Martin Porter at
/// snowballstem.org/algorithms/english/stemmer.html (the classic Porter2 rules, which the
/// Snowball sample output `snowball-data/english/diffs.txt` follows: `added` → `ad`).
///
/// Only words of ASCII letters and apostrophes are stemmed; any other word (CJK, accented,
/// hyphenated, dotted) is returned unchanged, as are words of one or two letters.
///
/// Example: `PorterStemmer.stem("consolingly") == "consol"`.
///
/// - Complexity: O(*m*) for a word of *m* letters.
public enum PorterStemmer {
    /// The stem of a lower-case word.
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 2, w.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 39 }) else { return word }
        if w[0] == 39 { w.removeFirst() }
        if let exception = exceptions1[String(decoding: w, as: UTF8.self)] { return exception }
        guard w.count > 2 else { return String(decoding: w, as: UTF8.self) }
        var s = Porter2(w)
        s.run()
        return String(decoding: s.w, as: UTF8.self)
    }

    static let exceptions1: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
        "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
        "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
        "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
}

/// The working state of one Porter2 run: the word as bytes (`Y` = consonant y) and its regions.
struct Porter2 {
    var w: [UInt8]
    var r1 = 0
    var r2 = 0

    init(_ word: [UInt8]) { w = word }

    static let Y: UInt8 = 89
    static let exceptions2: Set<String> = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]

    func isVowel(_ i: Int) -> Bool {
        switch w[i] {
        case 97, 101, 105, 111, 117, 121: return true // a e i o u y
        default: return false
        }
    }

    func ends(_ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return w.count >= s.count && Array(w[(w.count - s.count)...]) == s
    }

    /// Replaces the last `count` bytes with `replacement`.
    mutating func replace(_ count: Int, with replacement: String) {
        w.removeLast(count)
        w.append(contentsOf: replacement.utf8)
    }

    /// The region after the first non-vowel following a vowel, from `start`.
    func region(from start: Int) -> Int {
        var i = start + 1
        while i < w.count {
            if !isVowel(i) && isVowel(i - 1) { return i + 1 }
            i += 1
        }
        return w.count
    }

    /// Whether the word ends in a short syllable.
    func endsShortSyllable() -> Bool {
        let n = w.count
        if n == 2 { return isVowel(0) && !isVowel(1) }
        guard n >= 3 else { return false }
        let last = w[n - 1]
        return !isVowel(n - 3) && isVowel(n - 2) && !isVowel(n - 1) && last != 119 && last != 120 && last != Self.Y
    }

    func isShort() -> Bool { r1 >= w.count && endsShortSyllable() }

    func containsVowel(before end: Int) -> Bool { (0..<end).contains { isVowel($0) } }

    mutating func run() {
        // Mark consonant y: initial, or after a vowel.
        for i in w.indices where w[i] == 121 && (i == 0 || isVowel(i - 1)) { w[i] = Self.Y }
        let word = String(decoding: w, as: UTF8.self)
        if word.hasPrefix("gener") || word.hasPrefix("arsen") { r1 = 5 } else if word.hasPrefix("commun") { r1 = 6 } else { r1 = region(from: 0) }
        r2 = region(from: r1)
        step0()
        step1a()
        if Self.exceptions2.contains(String(decoding: w, as: UTF8.self)) { restoreY(); return }
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        restoreY()
    }

    mutating func restoreY() {
        for i in w.indices where w[i] == Self.Y { w[i] = 121 }
    }

    mutating func step0() {
        for suffix in ["'s'", "'s", "'"] where ends(suffix) {
            w.removeLast(suffix.utf8.count)
            return
        }
    }

    mutating func step1a() {
        if ends("sses") { replace(4, with: "ss"); return }
        if ends("ied") || ends("ies") { replace(3, with: w.count > 4 ? "i" : "ie"); return }
        if ends("us") || ends("ss") { return }
        if ends("s"), w.count >= 2, containsVowel(before: w.count - 2) { w.removeLast() }
    }

    mutating func step1b() {
        for suffix in ["eedly", "eed"] where ends(suffix) {
            if w.count - suffix.utf8.count >= r1 { replace(suffix.utf8.count, with: "ee") }
            return
        }
        for suffix in ["ingly", "edly", "ing", "ed"] where ends(suffix) {
            let stemEnd = w.count - suffix.utf8.count
            guard containsVowel(before: stemEnd) else { return }
            w.removeLast(suffix.utf8.count)
            if ends("at") || ends("bl") || ends("iz") {
                w.append(101)
            } else if let last = w.last, w.count >= 2, last == w[w.count - 2], "bdfgmnprt".utf8.contains(last) {
                w.removeLast()
            } else if isShort() {
                w.append(101)
            }
            return
        }
    }

    mutating func step1c() {
        let n = w.count
        if n > 2, w[n - 1] == 121 || w[n - 1] == Self.Y, !isVowel(n - 2) { w[n - 1] = 105 }
    }

    static let step2Rules: [(String, String)] = [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"),
        ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", ""),
    ]

    mutating func step2() {
        for (suffix, replacement) in Self.step2Rules where ends(suffix) {
            let start = w.count - suffix.utf8.count
            guard start >= r1 else { return }
            if suffix == "ogi" {
                if start > 0, w[start - 1] == 108 { replace(3, with: "og") }
            } else if suffix == "li" {
                if start > 0, "cdeghkmnrt".utf8.contains(w[start - 1]) { w.removeLast(2) }
            } else {
                replace(suffix.utf8.count, with: replacement)
            }
            return
        }
    }

    static let step3Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
    ]

    mutating func step3() {
        for (suffix, replacement) in Self.step3Rules where ends(suffix) {
            let start = w.count - suffix.utf8.count
            guard start >= r1 else { return }
            if suffix == "ative" {
                if start >= r2 { w.removeLast(5) }
            } else {
                replace(suffix.utf8.count, with: replacement)
            }
            return
        }
    }

    static let step4Suffixes = [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion", "al", "er", "ic",
    ]

    mutating func step4() {
        for suffix in Self.step4Suffixes where ends(suffix) {
            let start = w.count - suffix.utf8.count
            guard start >= r2 else { return }
            if suffix == "ion" {
                if start > 0, w[start - 1] == 115 || w[start - 1] == 116 { w.removeLast(3) }
            } else {
                w.removeLast(suffix.utf8.count)
            }
            return
        }
    }

    mutating func step5() {
        let n = w.count
        guard n > 0 else { return }
        if w[n - 1] == 101 {
            if n - 1 >= r2 {
                w.removeLast()
            } else if n - 1 >= r1 {
                w.removeLast()
                let short = endsShortSyllable()
                w.append(101)
                if !short { w.removeLast() }
            }
        } else if w[n - 1] == 108, n - 1 >= r2, n >= 2, w[n - 2] == 108 {
            w.removeLast()
        }
    }
}
