/// Why a CIB could not be read.
enum CIBError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case notACIB(root: String)
    case unavailable(String)

    var description: String {
        switch self {
        case .malformed(let reason): "not a well-formed CIB: \(reason)"
        case .notACIB(let root): "not a CIB (root element <\(root)>, not <cib> with <configuration>)"
        case .unavailable(let reason): "cannot read the CIB: \(reason)"
        }
    }
}
