/// One local volume of a resource (a `/dev/drbdN` device).
///
/// Sizes and I/O counters are in KiB, as drbdsetup prints them; `nil` when not reported
/// (events2 without `--statistics`).
public struct DRBDDevice: Sendable, Equatable {
    /// The volume number within the resource.
    public var volume: Int
    /// The device minor (N in /dev/drbdN), when reported.
    public var minor: Int?
    /// The local disk state.
    public var disk: DiskState
    /// True for an intentionally diskless client (`client:yes`), as opposed to a disk that failed
    /// or was detached (`client:no`; `unknown` counts as no).
    public var isClient: Bool
    /// Whether this device has quorum; `nil` when the source has no quorum (8.4).
    public var quorum: Bool?
    /// Whether the device is opened by someone (a file system, the iSCSI target), when reported.
    public var isOpen: Bool?
    /// The backing block device (`backing_dev:`), when reported; `none` is reported as `nil`.
    public var backingDevice: String?
    /// Usable size in KiB (`size:`).
    public var sizeKiB: Int?
    /// KiB read from the backing device (`read:`; 8.4 `dr:`).
    public var readKiB: Int?
    /// KiB written to the backing device (`written:`; 8.4 `dw:`).
    public var writtenKiB: Int?
    /// Activity-log updates (`al-writes:`; 8.4 `al:`).
    public var activityLogWrites: Int?
    /// Bitmap updates (`bm-writes:`; 8.4 `bm:`).
    public var bitmapWrites: Int?
    /// Requests from above not yet completed (`upper-pending:`; 8.4 `ap:`).
    public var upperPending: Int?
    /// Requests to the backing device not yet completed (`lower-pending:`; 8.4 `lo:`).
    public var lowerPending: Int?
    /// Whether activity-log updates are suspended (`al-suspended:`), when reported.
    public var activityLogSuspended: Bool?

    /// A device state with the given values.
    public init(volume: Int, minor: Int? = nil, disk: DiskState, isClient: Bool = false, quorum: Bool? = nil,
                isOpen: Bool? = nil, backingDevice: String? = nil, sizeKiB: Int? = nil, readKiB: Int? = nil,
                writtenKiB: Int? = nil, activityLogWrites: Int? = nil, bitmapWrites: Int? = nil,
                upperPending: Int? = nil, lowerPending: Int? = nil, activityLogSuspended: Bool? = nil) {
        self.volume = volume
        self.minor = minor
        self.disk = disk
        self.isClient = isClient
        self.quorum = quorum
        self.isOpen = isOpen
        self.backingDevice = backingDevice
        self.sizeKiB = sizeKiB
        self.readKiB = readKiB
        self.writtenKiB = writtenKiB
        self.activityLogWrites = activityLogWrites
        self.bitmapWrites = bitmapWrites
        self.upperPending = upperPending
        self.lowerPending = lowerPending
        self.activityLogSuspended = activityLogSuspended
    }

    /// An intentionally diskless client volume: `disk:Diskless` with `client:yes`.
    public var isDisklessClient: Bool { disk == .diskless && isClient }
}
