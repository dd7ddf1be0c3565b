/// An open-addressing map from token keys to dense ids `0..<count`, used to turn token keys
/// into small integers for array-indexed counting in the diff and the similarity. Expected O(1)
/// per operation.
struct KeyInterner {
    private var slots: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var keys: [UInt64] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { keys.count }

    @inline(__always)
    mutating func intern(_ key: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let s = slots[i]
            if s == key { return values[i] }
            if s == 0 {
                let id = Int32(keys.count)
                slots[i] = key
                values[i] = id
                keys.append(key)
                if keys.count * 2 > slots.count { grow() }
                return id
            }
            i = (i + 1) & mask
        }
    }

    /// The id of `key`, or -1 if it was never interned.
    @inline(__always)
    func lookup(_ key: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let s = slots[i]
            if s == key { return values[i] }
            if s == 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        for (id, key) in keys.enumerated() {
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = key
            values[i] = Int32(id)
        }
    }
}
