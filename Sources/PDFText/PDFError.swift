import CPoppler

/// An error reported by poppler: the function that failed and the message of the `GError` it
/// set (read and freed right after the failing call), or a message of this module's own.
public struct PDFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, for callers that tell refusals apart.
    public enum Kind: Sendable, Equatable {
        /// The document is encrypted and needs a password (`POPPLER_ERROR_ENCRYPTED`).
        case encrypted
        /// poppler could not read the document (damaged, truncated, not a PDF at all).
        case damaged
        /// Anything else (a page that cannot be loaded, an empty input).
        case other
    }

    public let kind: Kind
    /// The poppler function that failed, e.g. `poppler_document_new_from_bytes`.
    public let function: String
    /// poppler's (GLib's) message, e.g. "PDF document is damaged".
    public let message: String

    public var description: String { "\(message) (\(function))" }

    init(kind: Kind, function: String, message: String) {
        self.kind = kind
        self.function = function
        self.message = message
    }

    /// Takes over `error` (set by `function`): reads its domain, code and message, then frees it
    /// with `g_error_free`.
    static func taking(_ error: UnsafeMutablePointer<GError>?, _ function: String) -> PDFError {
        guard let error else { return PDFError(kind: .damaged, function: function, message: "poppler could not read the document") }
        defer { g_error_free(error) }
        let message = error.pointee.message.map { String(cString: $0) } ?? "poppler error \(error.pointee.code)"
        let isPoppler = error.pointee.domain == poppler_error_quark()
        let kind: Kind = isPoppler && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) ? .encrypted : .damaged
        return PDFError(kind: kind, function: function, message: message)
    }
}
