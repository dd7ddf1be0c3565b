/// One colour per revision (session), from oldest to newest along the viridis scale (dark purple,
/// blue, teal, green, yellow), so that age reads as a gradient in charts and in word-level blame
/// alike, and stays distinct for readers with the common colour-vision deficiencies.
public struct SessionColors: Sendable {
    /// Revision numbers, oldest first.
    public let numbers: [String]
    private let index: [String: Int]

    public init(_ numbers: [String]) {
        self.numbers = numbers
        index = Dictionary(numbers.enumerated().map { ($1, $0) }) { a, _ in a }
    }

    private static let anchors: [(Double, Double, Double)] = [
        (0x44, 0x01, 0x54), (0x3B, 0x52, 0x8B), (0x21, 0x91, 0x8C), (0x5E, 0xC9, 0x62), (0xFD, 0xE7, 0x25),
    ]

    /// The position of `number` on the scale, 0 (oldest) to 1 (newest).
    private func position(_ number: String) -> Double {
        guard let i = index[number], numbers.count > 1 else { return 0 }
        return Double(i) / Double(numbers.count - 1)
    }

    private func rgb(_ number: String, whiten: Double) -> String {
        let x = position(number) * Double(Self.anchors.count - 1)
        let k = min(Int(x), Self.anchors.count - 2)
        let t = x - Double(k)
        let a = Self.anchors[k], b = Self.anchors[k + 1]
        func channel(_ u: Double, _ v: Double) -> String {
            let mixed = (u + (v - u) * t) * (1 - whiten) + 255 * whiten
            let n = max(0, min(255, Int(mixed.rounded())))
            let hex = String(n, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }

    /// The colour of `number` for areas and lines.
    public func strong(_ number: String) -> String { rgb(number, whiten: 0) }

    /// A light tint of it, to put behind text.
    public func light(_ number: String) -> String { rgb(number, whiten: 0.7) }

    /// The CSS class of `number` (`s0`, `s1`, …), styled by ``css``.
    public func cssClass(_ number: String) -> String { "s\(index[number] ?? 0)" }

    /// Style rules for the classes: `.sN` tints the background, `.sN.swatch` shows the strong colour.
    public var css: String {
        numbers.map { n in
            ".\(cssClass(n)){background:\(light(n))}.\(cssClass(n)).swatch,.tag.\(cssClass(n))::before{background:\(strong(n))}"
        }.joined(separator: "\n")
    }
}
