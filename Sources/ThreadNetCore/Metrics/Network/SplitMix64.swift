/// Steele, Lea & Flood's SplitMix64 generator (2014): a tiny, seedable, deterministic PRNG.
///
/// Picks betweenness pivots and drives the resampling of ``GroupTests`` reproducibly; not for
/// anything secret.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    ///
    /// - Complexity: O(1).
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` distinct values of `0..<n`, by a partial Fisher–Yates shuffle whose swap
    /// position at step *i* is `i + next() % (n − i)` (the modulo bias is below 2⁻⁴⁰ for any
    /// graph that fits in memory and keeps the choice easy to reproduce in other languages).
    ///
    /// - Complexity: O(*n*) (the identity permutation is materialised).
    public mutating func sample(_ count: Int, from n: Int) -> [Int32] {
        var perm = (0..<n).map(Int32.init)
        let k = min(count, n)
        for i in 0..<k {
            let j = i + Int(next() % UInt64(n - i))
            perm.swapAt(i, j)
        }
        return Array(perm[0..<k])
    }
}
