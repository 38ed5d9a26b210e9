import Foundation
import Dispatch
import Synchronization

/// Work spread over all cores with results that do not depend on scheduling.
///
/// Items are handed out one at a time from a shared counter (so one huge thread does not hold
/// up a fixed chunk of small ones) and every result lands in its item's slot: the output is
/// the same as a sequential `map`, whatever the order the items finish in.
public enum Parallel {
    /// The number of workers: the active processor count.
    public static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `items.map(transform)`, computed on all cores. (The collection's type is read by the
    /// workers, hence `SendableMetatype`: every concrete collection is.)
    ///
    /// - Parameter cost: an estimate of each item's cost; when given, the costliest items are
    ///   handed out first, so that one large item does not start last and run alone while the
    ///   other cores idle. The result is in item order either way.
    /// - Complexity: the sum of the transforms' costs, divided among the cores.
    public static func map<C: RandomAccessCollection, T>(_ items: C, cost: ((C.Element) -> Int)? = nil, _ transform: (C.Element) -> T) -> [T] where C.Index == Int, C: SendableMetatype {
        let n = items.count
        guard n > 1, workers > 1 else { return items.map(transform) }
        let base = items.startIndex
        let order: [Int]? = cost.map { cost in
            let costs = items.map(cost)
            return (0..<n).sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        }
        return withoutActuallyEscaping(transform) { transform in
            let slots = UnsafeMutablePointer<T>.allocate(capacity: n)
            defer { slots.deallocate() }
            let next = Atomic<Int>(0)
            let box = UnsafeSendable((items, slots, transform, order))
            DispatchQueue.concurrentPerform(iterations: min(workers, n)) { _ in
                let (items, slots, transform, order) = box.value
                while true {
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if k >= n { break }
                    let i = order?[k] ?? k
                    (slots + i).initialize(to: transform(items[base + i]))
                }
            }
            return Array(unsafeUninitializedCapacity: n) { buffer, count in
                buffer.baseAddress!.moveInitialize(from: slots, count: n)
                count = n
            }
        }
    }

    /// Runs `body(i)` for every `i` in `0..<count` on all cores.
    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1, workers > 1 else { for i in 0..<count { body(i) }; return }
        withoutActuallyEscaping(body) { body in
            let next = Atomic<Int>(0)
            let box = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if i >= count { break }
                    box.value(i)
                }
            }
        }
    }
}

/// A value handed to worker threads that only read it or write disjoint parts of it.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
