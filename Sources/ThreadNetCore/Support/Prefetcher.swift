import Dispatch

/// Produces items one ahead on a background thread: while the caller works on item *k*, item
/// *k* + 1 is being produced (a file block read, say), so sequential I/O overlaps the work.
///
/// Items come out in order; the producer runs on one thread at a time, never concurrently
/// with itself.
///
/// ```swift
/// let blocks = Prefetcher { try lines.next() }
/// while let block = try blocks.next() { … }
/// ```
final class Prefetcher<Item>: @unchecked Sendable {
    private let produce: () throws(ImportError) -> Item?
    private let queue = DispatchQueue(label: "threadnet.prefetch")
    private let ready = DispatchSemaphore(value: 0)
    private var pending: Result<Item?, ImportError> = .success(nil)
    private var finished = false

    init(_ produce: @escaping () throws(ImportError) -> Item?) {
        self.produce = produce
        start()
    }

    private func start() {
        queue.async {
            do { self.pending = .success(try self.produce()) } catch let error as ImportError {
                self.pending = .failure(error)
            } catch {
                self.pending = .success(nil)
            }
            self.ready.signal()
        }
    }

    /// The next item (`nil` at the end); starts producing the one after.
    func next() throws(ImportError) -> Item? {
        guard !finished else { return nil }
        ready.wait()
        let result = pending
        switch result {
        case .success(let item?):
            start()
            return item
        case .success(nil):
            finished = true
            return nil
        case .failure(let error):
            finished = true
            throw error
        }
    }
}
