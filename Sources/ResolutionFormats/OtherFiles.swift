extension InputFormat {
    /// What a file of format ``other`` is, for the message that lists it as skipped: `image`,
    /// `XML, not Akoma Ntoso`, `an archive, not a Word or OpenDocument file`. O(1) (the
    /// XML root is looked for in the first 4 KiB).
    public static func describeOther(_ bytes: [UInt8]) -> String {
        if isImage(bytes) { return "image" }
        if let root = xmlRootElement(bytes) { return "XML, not Akoma Ntoso (root element '\(root)')" }
        if bytes.starts(with: zipMagic) { return "an archive, not a Word or OpenDocument file" }
        return "not a format lineage reads"
    }
}
