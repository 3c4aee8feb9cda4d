import TandemCore
import TandemNetwork

/// The iscsi-target agent's declaration: ocf:heartbeat:iSCSITarget's and iSCSILogicalUnit's
/// parameter names where the meaning is the same (one resource here is a target and its
/// LUNs), so switching is a change of agent name and a merge of the LUN resources into `luns`.
enum TargetDeclaration {
    static let implementation = OptionalParameter<TargetImplementation>(
        "implementation",
        short: "iSCSI target implementation",
        long: """
            lio or lio-t (the kernel's LIO, written through configfs directly: no targetcli), scst \
            (SCST through its sysfs interface: no scstadmin; iscsi-scstd must run), or tgt (the \
            userspace tgtd, driven over its control socket). iet is refused with a migration hint. \
            Unset: the one present of LIO (configfs target), SCST (/sys/kernel/scst_tgt) and tgt \
            (tgtd's control socket).
            """)
    static let iqn = RequiredParameter<ISCSIName>(
        "iqn", unique: true,
        short: "Target name",
        long: "The target's iSCSI name (iqn.YYYY-MM.reversed.domain:name, eui. or naa.), the same on every node so that clients find it after a failover.",
        identifies: true)
    static let tid = OptionalParameter<Int>(
        "tid", unique: true,
        short: "Target id (tgt)",
        long: "tgtd's numeric target id, required with tgt (as in iSCSITarget). Range: 1 to 2147483647.",
        identifies: true,
        check: { (1...Int(Int32.max)).contains($0) ? nil : "must be between 1 and 2147483647" })
    static let portals = Parameter<WordList<Portal>>(
        "portals", default: WordList([Portal(address: .anyIPv4)]),
        short: "Portals",
        long: """
            Space-separated ip:port list ([ipv6]:port for IPv6) the target listens on. tgt's portals \
            belong to tgtd, not to a target: with tgt this is checked against what tgtd listens on and \
            a configured one it does not listen on is a warning.
            """)
    static let allowedInitiators = Parameter<WordList<ISCSIName>>(
        "allowed_initiators", default: WordList([]),
        short: "Allowed initiators",
        long: "Space-separated initiator names that may log in; empty: every initiator (with CHAP, if set).",
        reloadable: true)
    static let incomingUsername = OptionalParameter<CHAPUser>(
        "incoming_username", unique: true,
        short: "CHAP user name",
        long: "The user name initiators authenticate with (CHAP); set together with incoming_password.",
        reloadable: true)
    static let incomingPassword = OptionalParameter<CHAPSecret>(
        "incoming_password",
        short: "CHAP secret",
        long: "The CHAP secret (12 to 16 characters for most initiators). Never logged and never passed on a command line.",
        reloadable: true, secret: true)
    static let additionalParameters = Parameter<WordList<TargetSetting>>(
        "additional_parameters", default: WordList([]),
        short: "Target parameters",
        long: "Space-separated Name=value iSCSI target parameters (MaxRecvDataSegmentLength=262144 …), set at start.",
        reloadable: true)
    static let luns = Parameter<WordList<LUNMapping>>(
        "luns", default: WordList([]),
        short: "LUNs",
        long: """
            Space-separated N:/dev/path list: the LUNs of this target and their block devices (or files, \
            with tgt). Adding or removing one is a reload, without touching the sessions on the others. \
            With tgt, LUN 0 is tgtd's controller and cannot be used.
            """,
        reloadable: true)
    static let lun = OptionalParameter<Int>(
        "lun",
        short: "LUN number (iSCSILogicalUnit)",
        long: "One LUN's number, with path: iSCSILogicalUnit's form, added to luns. Range: 0 to 16383.",
        reloadable: true,
        check: { LUNMapping.numbers.contains($0) ? nil : "must be between 0 and 16383" })
    static let path = OptionalParameter<DevicePath>(
        "path",
        short: "Backing device (iSCSILogicalUnit)",
        long: "The block device of the LUN named by lun.",
        reloadable: true)
    static let scsiSerial = OptionalParameter<InquiryText>(
        "scsi_sn",
        short: "Unit serial number",
        long: """
            The LUN's serial number (VPD page 0x80), the same on every node so the client's multipath \
            map keeps its WWID after a failover. The LUN of lun/path gets it as it is (as in \
            iSCSILogicalUnit); each luns entry gets it with its number in 4 hex digits. Default: \
            derived from the resource name and the LUN number (identical on all nodes). At most 24 \
            characters.
            """,
        check: InquiryText.atMost(24))
    static let scsiID = OptionalParameter<InquiryText>(
        "scsi_id",
        short: "SCSI device id",
        long: """
            The LUN's T10 device id (VPD page 0x83; tgt builds the WWID from its hex digits, so give \
            it at least 16). The LUN of lun/path gets it as it is; each luns entry gets it with '-' \
            and its number. Default: 32 hex digits derived from the resource name and the LUN \
            number. At most 18 characters.
            """,
        check: InquiryText.atMost(18))
    static let vendorID = OptionalParameter<InquiryText>(
        "vendor_id",
        short: "SCSI vendor",
        long: "The INQUIRY vendor (at most 8 characters); default: the target's own (tgt: IET).",
        check: InquiryText.atMost(8))
    static let productID = OptionalParameter<InquiryText>(
        "product_id",
        short: "SCSI product",
        long: "The INQUIRY product (at most 16 characters); default: the target's own.",
        check: InquiryText.atMost(16))
    static let blockSize = OptionalParameter<Int>(
        "block_size",
        short: "Logical block size",
        long: "512, 1024, 2048 or 4096 bytes; default: the backing device's.",
        check: { [512, 1024, 2048, 4096].contains($0) ? nil : "must be 512, 1024, 2048 or 4096" })
    static let writeCache = Parameter<Bool>(
        "write_cache", default: false,
        short: "Write-back cache",
        long: """
            tgt: false opens the backing store O_SYNC, so a write is acknowledged only once the device \
            below has it and a failover loses no acknowledged write; true lets tgtd's page cache \
            acknowledge first. LIO's block backstore has no cache of its own: it reports the device's \
            write cache to the client, whose flushes and FUA writes reach the device (the parameter is \
            ignored there, with a warning when true). Refused on a promotable target unless \
            force_write_cache is set, as on any clone.
            """)
    static let forceWriteCache = Parameter<Bool>(
        "force_write_cache", default: false,
        short: "Allow write_cache on a cloned target",
        long: """
            A cloned (or promotable) target's nodes export the same LUNs over dual-primary DRBD: a \
            write one node's cache acknowledged is not on the disk the other node's paths read, and \
            is lost with that node. So write_cache=true on a clone is refused (not configured) \
            unless this is true, for storage below that is not dual-primary DRBD.
            """)
    static let tgtControlPort = Parameter<Int>(
        "tgt_control_port", default: 0, range: 0...32767,
        short: "tgtd control port (tgt)",
        long: """
            Which tgtd to talk to: its -C/--control-port (socket /var/run/tgtd/socket.N, or \
            $TGT_IPC_SOCKET.N as tgtadm reads it). Several tgtd on one host need distinct ports.
            """)
    static let tgtBackingStore = Parameter<TgtBackingStore>(
        "tgt_bstype", default: .rdwr,
        short: "tgt backing-store type",
        long: "rdwr (read/write through the page cache, O_SYNC unless write_cache) or aio (Linux native AIO).")
    static let aluaGroupIDs = Parameter<WordList<ALUAGroupAssignment>>(
        "alua_group_ids", default: WordList([]),
        short: "ALUA target port group ids (promotable)",
        long: """
            Space-separated node=id list (san-a=1 san-b=2, ids 1 to 65535): the target port group each \
            node's paths belong to in a promotable clone. The ids must differ: a client merges groups of \
            equal id into one. Default: each node's corosync nodeid (Pacemaker's node id), when it is \
            1 to 65535.
            """)
    static let aluaUnpromotedState = Parameter<ALUAUnpromotedState>(
        "alua_unpromoted_state", default: .nonoptimized,
        short: "ALUA state of the unpromoted node (promotable)",
        long: """
            nonoptimized: the unpromoted node's paths serve I/O, ranked below the promoted node's \
            (prio 10 against 50), so a role swap never leaves the client without an active path. \
            standby: they refuse I/O; taken only while a notification shows another node promoted \
            (so a demote before the next promote never leaves every path in standby), needs notify=true.\
             The promoted node's group is active/optimized and preferred.
            """)

    static let agent = AgentDeclaration(
        name: "iscsi-target",
        shortDescription: "iSCSI target with its LUNs",
        longDescription: """
            Runs one iSCSI target and its LUNs on this node: the target, one LUN per luns entry, the \
            initiator ACL and CHAP. Replaces ocf:heartbeat:iSCSITarget with its iSCSILogicalUnit \
            resources, with the same parameter names. Everything it creates belongs to the resource and \
            is found from the running target (its iqn, and tid with tgt) and names derived from the \
            resource, so stop also cleans what a crash mid-start left; other targets are never touched. \
            A write is acknowledged only once the device below has it (see write_cache), and each LUN's \
            serial and device id are derived from the resource name, so every node presents the same \
            WWIDs. LIO is written through configfs \
            (one iblock HBA of the resource's own, a storage object per LUN, the target with one TPG; \
            the modules are loaded at start when missing) and its monitor starts no process; tgt is \
            driven over tgtd's control socket (no tgtadm process; the CHAP secret never appears in a \
            command line), and tgtd itself is started by its systemd unit (or a systemd:tgt clone). \
            SCST is written through sysfs (a vdisk_blockio device per LUN, write-through, with the \
            NAA id LIO would give it, so the WWID is the same on both backends). \
            As a promotable clone (LIO or SCST; both nodes export the same LUNs, over dual-primary DRBD) each \
            node's LUNs are in a target port group of its own id (alua_group_ids), implicit ALUA only: \
            the promoted node's group is active/optimized and preferred, the other's \
            active/non-optimized (or standby), so the client's multipath (prio alua) sends I/O to the \
            promoted node and keeps the other's paths ready; promote and demote change only these \
            states, and stop first sets the node's group to standby so the client retries on the \
            other node at once. SCST reports both nodes' groups, so each node also states the other's \
            (from notifications: notify=true), and alua_group_ids must name both nodes.
            """,
        parameters: [implementation.spec, iqn.spec, tid.spec, portals.spec, allowedInitiators.spec,
                     incomingUsername.spec, incomingPassword.spec, additionalParameters.spec, luns.spec, lun.spec,
                     path.spec, scsiSerial.spec, scsiID.spec, vendorID.spec, productID.spec, blockSize.spec,
                     writeCache.spec, forceWriteCache.spec, tgtControlPort.spec, tgtBackingStore.spec, aluaGroupIDs.spec,
                     aluaUnpromotedState.spec],
        actions: [
            ActionSpec(.start, timeout: 60),
            ActionSpec(.stop, timeout: 60),
            ActionSpec(.promote, timeout: 30),
            ActionSpec(.demote, timeout: 30),
            ActionSpec(.notify, timeout: 30),
            ActionSpec(.monitor, timeout: 20, interval: 10, depth: 0),
            ActionSpec(.monitor, timeout: 20, interval: 11, role: .unpromoted),
            ActionSpec(.monitor, timeout: 20, interval: 9, role: .promoted),
            ActionSpec(.reloadAgent, timeout: 30),
            ActionSpec(.metaData, timeout: 5),
            ActionSpec(.validateAll, timeout: 20),
        ])
}
