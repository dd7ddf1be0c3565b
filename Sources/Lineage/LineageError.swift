/// A problem lineage reports to its user: what went wrong, and with which file or revision.
///
/// Every refusal names the file and the reason, and is raised before anything is written.
public struct LineageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    /// An optional hint on how to fix it ("supply it with …").
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}
