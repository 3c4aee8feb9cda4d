import TandemCore

/// The `nic` parameter as IPaddr2 reads it: an interface name, or the deprecated
/// `name:label` form that also gives iflabel. Split once here; whether the name and label
/// are well formed is the declaration's check, so each keeps its own reason.
struct NIC: Equatable, OCFParameterValue {
    let name: String
    /// The label after the first `:`, nil without one (empty when the text ends in `:`).
    let label: String?

    static var contentType: ParameterContentType { .string }

    /// Every text splits; the check judges the parts.
    init?(ocfText: String) {
        let parts = ocfText.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        name = String(parts.first ?? "")
        label = parts.count == 2 ? String(parts[1]) : nil
    }

    var ocfText: String { name + (label.map { ":" + $0 } ?? "") }

    static var expectation: String { "an interface name" }
}
