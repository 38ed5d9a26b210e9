/// Orders ids the way a reader expects: numeric ids by value (`9` before `10`), others by
/// their text.
public enum NaturalOrder {
    /// Whether `a` sorts before `b`.
    public static func less(_ a: String, _ b: String) -> Bool {
        if let x = Int(a), let y = Int(b) { return x < y }
        if Int(a) != nil { return true }
        if Int(b) != nil { return false }
        return a < b
    }
}
