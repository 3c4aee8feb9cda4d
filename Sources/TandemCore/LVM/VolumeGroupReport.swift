/// What `lvs --foreign` tells about one volume group and its LVs (the fields in `fields`, one
/// row per LV), typed. Asked with `--foreign` so a VG owned by another host's system ID is seen
/// too. One call gives the VG's ownership, its LVs and the PVs they sit on.
public struct VolumeGroupReport: Sendable, Equatable {
    public struct LogicalVolume: Sendable, Equatable {
        public init(name: String, id: LVMIdentifier, devices: [String], skipsActivation: Bool = false,
                    layout: [String] = ["linear"], roles: [String] = ["public"]) {
            self.name = name
            self.id = id
            self.devices = devices
            self.skipsActivation = skipsActivation
            self.layout = layout
            self.roles = roles
        }

        public let name: String
        public let id: LVMIdentifier
        /// The devices its segments sit on (`devices`: `/dev/drbd0(0),/dev/drbd1(0)`; for a
        /// thin volume its pool's hidden LVs, not PVs).
        public let devices: [String]
        /// `lv_skip_activation`: `-ay` leaves it out (thin snapshots are made so).
        public let skipsActivation: Bool
        /// `lv_layout`: `linear`, `thin,pool`, `cache,pool`, `raid,raid1`, …
        public let layout: [String]
        /// `lv_role`: `public`, `snapshot,thinsnapshot`, …
        public let roles: [String]

        /// Whether `vgchange -ay` activates it: not with the skip flag, not an unused cache pool.
        public var isActivatedWithItsGroup: Bool {
            !skipsActivation && !(layout.contains("cache") && layout.contains("pool"))
        }

        /// Whether LVM can activate it shared (`-asy`): not thin, cache, RAID, mirror or snapshot.
        public var canBeShared: Bool {
            !layout.contains { ["thin", "cache", "raid", "mirror", "vdo"].contains($0) }
                && !roles.contains { $0.contains("snapshot") }
        }
    }

    public let name: String
    public let id: LVMIdentifier
    /// The owner's system ID; empty when the VG has none.
    public let systemID: String
    /// `dlm`, `sanlock`, `idm` for a shared (lvmlockd) VG; empty otherwise.
    public let lockType: String
    public let tags: [String]
    /// `vg_attr`: w/r, z, x (exported), p (partial), allocation, c (clustered) / s (shared).
    public let attributes: String
    public let missingPhysicalVolumes: Int
    /// Autoactivation at boot (`vgchange --setautoactivation`): off for a cluster-managed VG.
    public let autoactivation: Bool
    /// Every LV, hidden ones (a pool's `_tdata`, …) left out.
    public let logicalVolumes: [LogicalVolume]

    /// The `-o` fields this report reads, for `lvs`.
    public static let fields = ["vg_name", "vg_uuid", "vg_systemid", "vg_lock_type", "vg_tags", "vg_attr",
                                "vg_missing_pv_count", "vg_autoactivation", "lv_name", "lv_uuid", "devices",
                                "lv_skip_activation", "lv_layout", "lv_role"]

    /// The devices the LVs sit on, each once, in order.
    public var devices: [String] {
        var seen: Set<String> = []
        return logicalVolumes.flatMap(\.devices).filter { seen.insert($0).inserted }
    }

    public var isExported: Bool { attribute(at: 2) == "x" }
    public var isPartial: Bool { attribute(at: 3) == "p" }
    /// Clustered for clvmd (LVM 2.02): no LVM 2.03 tool can use it without conversion.
    public var isClustered: Bool { attribute(at: 5) == "c" }
    public var isShared: Bool { attribute(at: 5) == "s" || !lockType.isEmpty }

    private func attribute(at index: Int) -> Character? {
        let characters = Array(attributes)
        return index < characters.count ? characters[index] : nil
    }

    public init(name: String, id: LVMIdentifier, systemID: String, lockType: String, tags: [String],
                attributes: String, missingPhysicalVolumes: Int, autoactivation: Bool, logicalVolumes: [LogicalVolume]) {
        self.name = name
        self.id = id
        self.systemID = systemID
        self.lockType = lockType
        self.tags = tags
        self.attributes = attributes
        self.missingPhysicalVolumes = missingPhysicalVolumes
        self.autoactivation = autoactivation
        self.logicalVolumes = logicalVolumes
    }

    /// The VG named `name` in the rows of `lvs --noheadings --nameprefixes -o <fields> NAME`;
    /// nil when the rows do not hold it (not found, no LVs, or output this reader does not know).
    public init?(rows: [LVMReport.Row], name: String) {
        let mine = rows.filter { $0["vg_name"] == name }
        guard let first = mine.first, let id = first["vg_uuid"].flatMap({ LVMIdentifier($0) }) else { return nil }
        self.name = name
        self.id = id
        systemID = first["vg_systemid"] ?? ""
        lockType = first["vg_lock_type"] ?? ""
        tags = (first["vg_tags"] ?? "").split(separator: ",").map(String.init)
        attributes = first["vg_attr"] ?? ""
        missingPhysicalVolumes = Int(first["vg_missing_pv_count"] ?? "") ?? 0
        autoactivation = first["vg_autoactivation"] == "enabled"
        logicalVolumes = mine.compactMap { row in
            guard let lv = row["lv_name"], !lv.isEmpty, let lvID = row["lv_uuid"].flatMap({ LVMIdentifier($0) }),
                  let name = LVMName(lv), !name.isReservedForHiddenVolumes, !lv.hasPrefix("[") else { return nil }
            let devices = (row["devices"] ?? "").split(separator: ",").map { device in
                String(device.prefix { $0 != "(" })
            }.filter { !$0.isEmpty }
            func words(_ key: String) -> [String] { (row[key] ?? "").split(separator: ",").map(String.init) }
            return LogicalVolume(name: lv, id: lvID, devices: devices,
                                 skipsActivation: !(row["lv_skip_activation"] ?? "").isEmpty,
                                 layout: words("lv_layout"), roles: words("lv_role"))
        }
    }
}
