/// `count` consecutive tokens that all originate in revision `revision`.
///
/// Encoded in JSON as a two-element array, `[count, "revision"]`, to keep states compact.
public struct OriginRun: Sendable, Hashable, Codable {
    public var count: Int
    public var revision: String

    public init(count: Int, revision: String) {
        self.count = count
        self.revision = revision
    }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        count = try c.decode(Int.self)
        revision = try c.decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(count)
        try c.encode(revision)
    }
}
