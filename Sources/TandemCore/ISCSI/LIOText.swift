/// LIO's configfs texts that say more than one value: what the iscsi-target agent and
/// `tandem status` both read.
public enum LIOText {
    /// The group name in a LUN's `alua_tg_pt_gp` text (`TG Port Alias: <name>` first).
    public static func groupAlias(fromMembership text: String) -> String? {
        labelledValue("TG Port Alias:", in: text)
    }

    /// The serial in `wwn/vpd_unit_serial`'s text ("T10 VPD Unit Serial Number: <s>").
    public static func serial(fromAttribute text: String) -> String {
        let prefix = "T10 VPD Unit Serial Number:"
        guard text.hasBytePrefix(prefix) else { return text.trimmingWhitespace() }
        return text.droppingBytes(prefix.utf8.count).trimmingWhitespace()
    }

    /// The initiator an ACL's `info` shows logged in, or nil: the kernel writes
    /// `InitiatorName: <name>` first for a session, `No active iSCSI Session for Initiator
    /// Endpoint: <name>` for none (lio_target_nacl_info_show).
    public static func sessionInitiator(fromACLInfo text: String) -> String? {
        labelledValue("InitiatorName:", in: text)
    }

    /// The non-empty value after `label` on the first line that starts with it.
    static func labelledValue(_ label: String, in text: String) -> String? {
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let trimmed = Substring(line).trimmingWhitespace()
            if trimmed.hasBytePrefix(label) {
                let value = trimmed.droppingBytes(label.utf8.count).trimmingWhitespace()
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// The initiators of a TPG's `dynamic_sessions` (generated ACLs): one name per line.
    public static func dynamicSessions(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0).trimmingWhitespace() }
            .filter { !$0.isEmpty && $0 != "\0" }
    }
}
