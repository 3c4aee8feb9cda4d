/// The `IFA_F_*` flags of an interface address.
public struct AddressFlags: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let secondary = AddressFlags(rawValue: 0x01)
    /// No duplicate address detection for this address (IPv6).
    public static let noDAD = AddressFlags(rawValue: 0x02)
    public static let optimistic = AddressFlags(rawValue: 0x04)
    /// Duplicate address detection found another holder (IPv6).
    public static let dadFailed = AddressFlags(rawValue: 0x08)
    public static let homeAddress = AddressFlags(rawValue: 0x10)
    public static let deprecated = AddressFlags(rawValue: 0x20)
    /// Duplicate address detection has not finished (IPv6); the address is not usable yet.
    public static let tentative = AddressFlags(rawValue: 0x40)
    public static let permanent = AddressFlags(rawValue: 0x80)
    public static let manageTemporaryAddress = AddressFlags(rawValue: 0x100)
    /// The kernel adds no prefix route for this address.
    public static let noPrefixRoute = AddressFlags(rawValue: 0x200)
    public static let multicastAutoJoin = AddressFlags(rawValue: 0x400)
    public static let stablePrivacy = AddressFlags(rawValue: 0x800)

    private static let names: [(AddressFlags, String)] = [
        (.secondary, "secondary"), (.noDAD, "nodad"), (.optimistic, "optimistic"), (.dadFailed, "dadfailed"),
        (.homeAddress, "home"), (.deprecated, "deprecated"), (.tentative, "tentative"), (.permanent, "permanent"),
        (.manageTemporaryAddress, "mngtmpaddr"), (.noPrefixRoute, "noprefixroute"),
        (.multicastAutoJoin, "autojoin"), (.stablePrivacy, "stable-privacy"),
    ]

    /// The flags as `ip addr` prints them, e.g. "tentative dadfailed".
    public var description: String {
        AddressFlags.names.filter { contains($0.0) }.map(\.1).joined(separator: " ")
    }
}
