import ResolutionText

/// Reads a resolution from the bytes of a file in any published format, recognised by content
/// (``InputFormat``): the same resolution read from text, PDF, Word or Akoma Ntoso gives the
/// same ``Resolution``, so the same canonical document.
public enum ResolutionReader {
    /// Reads `bytes` as a resolution; the error says why not (the caller names the file).
    public static func read(_ bytes: [UInt8]) throws(ParseError) -> Resolution {
        switch InputFormat.recognise(bytes) {
        case .text:
            return try ResolutionParser.parse(SourceText.decode(bytes))
        case .akomaNtoso:
            return try AkomaNtosoReader.read(bytes)
        case .pdf:
            return try PDFReader.read(bytes)
        case .docx:
            return try WordReader.read(bytes)
        case .odt:
            return try OpenDocumentReader.read(bytes)
        case .legacyWord:
            throw ParseError(
                .unsupportedFormat,
                "a legacy Word 97–2003 document (.doc): save it as .docx, .odt or PDF and read that")
        case let format:
            throw ParseError(.unsupportedFormat, "\(format.displayName) files are not read yet")
        }
    }
}
