import Foundation

/// Numbers distinct byte strings 0, 1, 2, … in order of first appearance, looked up by their
/// bytes without building a `String` per lookup.
///
/// An open-addressing table (linear probing, at most half full) of ids over an arena holding
/// each distinct string's bytes once; strings are compared by a 64-bit hash, then by bytes.
/// Each id carries a value of the caller's (`Int32`), set when the string is added.
///
/// - Complexity: O(*m*) expected per lookup for a string of *m* bytes; memory O(total bytes of
///   the distinct strings + their count).
struct ByteInterner {
    private var arena: [UInt8] = []
    private var start: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// The caller's value of each id.
    private(set) var values: [Int32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Distinct strings so far.
    var count: Int { values.count }

    /// The bytes of `id` as a `String`.
    func string(_ id: Int32) -> String {
        arena.withUnsafeBufferPointer { a in
            String(decoding: UnsafeBufferPointer(rebasing: a[Int(start[Int(id)])..<Int(start[Int(id) + 1])]), as: UTF8.self)
        }
    }

    /// Where `bytes` are: their id, or `nil` and the slot ``add(_:value:at:)`` takes.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32?, slot: Int, hash: UInt64) {
        let h = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return (nil, slot, h) }
            if hashes[Int(id)] == h, equal(Int(id), bytes) { return (id, slot, h) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `bytes`, which ``find(_:)`` did not find, with `value`; returns their id.
    @discardableResult
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, value: Int32, at found: (id: Int32?, slot: Int, hash: UInt64)) -> Int32 {
        let id = Int32(values.count)
        arena.append(contentsOf: bytes)
        start.append(Int32(arena.count))
        hashes.append(found.hash)
        values.append(value)
        slots[found.slot] = id
        if 2 * values.count > slots.count { grow() }
        return id
    }

    /// The value of id `id`.
    func value(_ id: Int32) -> Int32 { values[Int(id)] }

    private func equal(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(start[id]), e = Int(start[id + 1])
        guard e - s == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
            return memcmp(a.baseAddress! + s, base, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// A 64-bit hash of `bytes`, eight at a time (multiply and rotate, finished with a
    /// murmur-style mix).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h = (h << 29) | (h >> 35)
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
