/// promoted-max=2 (dual-primary) needs DRBD's allow-two-primaries, fencing
/// resource-and-stonith, and working STONITH.
struct DualPrimaryCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        let layout = context.layout
        var found: [Finding] = []
        for primitive in layout.drbdPrimitives {
            guard let clone = layout.clone(of: primitive), clone.isPromotable else { continue }
            let dual = Int(clone.meta("promoted-max", legacy: "master-max") ?? "1") == 2
            let name = primitive.parameters["drbd_resource"] ?? "?"
            let configuration = context.drbd.value?.resource(name)
            let subject = "resource \(clone.id)"
            if let configuration, configuration.allowsTwoPrimaries && !dual {
                found.append(Finding(
                    check: "drbd-two-primaries-unused", severity: .info, subject: "drbd \(name)",
                    message: "DRBD \(name) allows two primaries but \(clone.id) has promoted-max=1",
                    why: "Harmless for Pacemaker, but anything outside it (an admin's drbdadm primary) can make a second Primary.",
                    fix: "remove allow-two-primaries from \(name)'s net section, then drbdadm adjust \(name)"))
            }
            guard dual else { continue }
            switch context.drbd {
            case .read where configuration == nil:
                found.append(Finding(
                    check: "drbd-resource-unknown", severity: .warning, subject: subject,
                    message: "\(primitive.id) names drbd_resource=\(name), which drbdadm dump does not show",
                    why: "The agent fails every start (not configured) on a node without the resource.",
                    fix: "define resource \(name) in /etc/drbd.d/\(name).res on both nodes, or correct drbd_resource"))
            case .read:
                break
            default:
                found.append(Finding(
                    check: "drbd-two-primaries-unchecked", severity: .info, subject: subject,
                    message: "\(clone.id) has promoted-max=2; the DRBD configuration was not read",
                    why: "Dual-primary needs allow-two-primaries yes and fencing resource-and-stonith in \(name)'s configuration.",
                    fix: "run tandem doctor on a storage node (it reads drbdadm dump), or check /etc/drbd.d/\(name).res"))
            }
            if let configuration {
                if !configuration.allowsTwoPrimaries {
                    found.append(Finding(
                        check: "drbd-two-primaries", severity: .error, subject: subject,
                        message: "\(clone.id) has promoted-max=2 but DRBD \(name) lacks allow-two-primaries",
                        why: "The second promote fails (DRBD refuses a second Primary; ocf:tandem:drbd refuses the configuration with 6): the promoted instance never starts on the second node, its target never serves.",
                        fix: "net { allow-two-primaries yes; } in \(name)'s configuration on both nodes, then drbdadm adjust \(name); or crm_resource --resource \(clone.id) --meta --set-parameter promoted-max --parameter-value 1"))
                }
                if configuration.fencing != "resource-and-stonith" {
                    found.append(Finding(
                        check: "dual-primary-fencing", severity: .error, subject: "drbd \(name)",
                        message: "dual-primary \(name) has fencing \(configuration.fencing ?? "dont-care (unset)"), not resource-and-stonith",
                        why: "When the replication link breaks both Primaries keep writing: the two copies diverge (split brain) and one side's writes are lost. resource-and-stonith freezes I/O until the peer is fenced.",
                        fix: "fencing resource-and-stonith; (disk section on DRBD 8.4, net on 9) with handlers fence-peer \"/usr/lib/drbd/crm-fence-peer.9.sh\"; after-resync-target \"/usr/lib/drbd/crm-unfence-peer.9.sh\"; then drbdadm adjust \(name)"))
                }
            }
            if !context.cib.fencingEnabled || context.cib.fenceDevices.isEmpty {
                found.append(Finding(
                    check: "dual-primary-stonith", severity: .error, subject: subject,
                    message: "\(clone.id) is dual-primary (promoted-max=2) without working STONITH",
                    why: "Two Primaries are only safe when a node that loses contact is fenced: otherwise a split leaves both writing, and fencing resource-and-stonith waits forever with I/O frozen.",
                    fix: "configure a fence device (crm configure primitive st_sbd stonith:fence_sbd params devices=…) and crm_attribute --type crm_config --name stonith-enabled --update true"))
            }
        }
        return found
    }
}
