import TandemCore

/// What a client sees of one LUN's identity: its serial (VPD 0x80) and device id (VPD 0x83),
/// from which it builds the WWID that keys its multipath map. Both are derived from the
/// resource's name (the clone id without `:N`) and the LUN number, so every node presents the
/// same WWID without the admin copying serials between nodes.
struct LUNIdentity: Hashable, Sendable {
    let serial: String
    let deviceID: String

    /// - Parameters:
    ///   - resource: the resource name, without a clone suffix.
    ///   - serial, deviceID: `scsi_sn` and `scsi_id` when configured.
    ///   - asConfigured: the LUN named by iSCSILogicalUnit's `lun`/`path`: the configured values
    ///     apply unchanged (a switched resource keeps its WWID); `luns` entries get the LUN
    ///     number appended. Either way a LUN's identity never depends on how many LUNs there
    ///     are, so adding one never changes another's WWID.
    init(resource: String, lun: Int, serial: String?, deviceID: String?, asConfigured: Bool) {
        let lunHex = Self.hex(UInt64(lun), digits: 4)
        if let serial {
            self.serial = asConfigured ? serial : serial + lunHex
        } else {
            // 12 hex digits of the name's hash and 4 of the LUN: hex only, so LIO's NAA
            // designator (the first 25 hex digits) carries all of it.
            self.serial = String(Self.hex(Self.fnv1a(resource), digits: 16).prefix(12)) + lunHex
        }
        if let deviceID {
            self.deviceID = asConfigured ? deviceID : deviceID + "-\(lun)"
        } else {
            // Hex digits only: tgt builds the NAA designator (the WWID) from this text, reading
            // each character as a hex digit (others count as 0), so names that differ in other
            // characters would give two disks one WWID.
            self.deviceID = Self.hex(Self.fnv1a(resource), digits: 16) + Self.hex(Self.fnv1a("\(resource)/\(lun)"), digits: 16)
        }
    }

    /// Hex digits in `text`: what tgt's NAA designator is made of.
    static func hexDigitCount(_ text: String) -> Int { text.filter(\.isHexDigit).count }

    /// FNV-1a, 64 bits: stable across builds and hosts (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64, digits: Int) -> String { String.hex(value, digits: digits) }
}
