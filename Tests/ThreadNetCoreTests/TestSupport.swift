import Foundation
import Testing
@testable import ThreadNetCore

/// Paths of the repository and its fixtures, found from this file's location.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/ThreadNetCoreTests/Fixtures")
    static let seed = repository.appendingPathComponent("seeds/000_dd0249cc5e7d2567.txt")

    static func fixture(_ relative: String) -> URL { fixtures.appendingPathComponent(relative) }

    /// A fixture's `.expected.json`, decoded as a dictionary.
    static func expected(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixture(relative))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Analyzes pasted text given inline.
func analyzeText(_ text: String, name: String = "test.txt", policy: InclusionPolicy = .visible) throws -> ThreadAnalysis {
    let thread = try TextImporter().parse(text, name: name)
    return ThreadAnalysis(thread: thread, policy: policy)
}

/// Swift Testing has a `Comment` type too; tests name ThreadNet's explicitly.
typealias ThreadComment = ThreadNetCore.Comment

/// Runs `body` on a thread with a stack of `bytes` and returns its result, for tests that show
/// nothing recurses over the depth of their input: every call frame takes at least 16 bytes
/// (a return address and a saved frame pointer), so a recursion deeper than `bytes` / 16 frames
/// overflows this stack and crashes the test, whatever the build.
func onSmallStack<T>(_ bytes: Int = 256 << 10, _ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>(), done = DispatchSemaphore(value: 0)
    let thread = Thread { box.value = body(); done.signal() }
    thread.stackSize = bytes
    thread.start()
    done.wait()
    return box.value!
}

/// The result of ``onSmallStack(_:_:)``'s thread, read after it signalled.
private final class ResultBox<T>: @unchecked Sendable { var value: T? }
