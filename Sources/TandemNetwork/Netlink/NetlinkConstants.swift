/// The netlink and rtnetlink numbers TandemNetwork uses (linux/netlink.h, linux/rtnetlink.h,
/// linux/if_addr.h, linux/if_link.h). They are kernel ABI and never change.
enum NL {
    // nlmsg_type values
    static let noop: UInt16 = 1          // NLMSG_NOOP
    static let error: UInt16 = 2         // NLMSG_ERROR
    static let done: UInt16 = 3          // NLMSG_DONE
    static let overrun: UInt16 = 4       // NLMSG_OVERRUN
    static let newLink: UInt16 = 16      // RTM_NEWLINK
    static let getLink: UInt16 = 18      // RTM_GETLINK
    static let newAddress: UInt16 = 20   // RTM_NEWADDR
    static let deleteAddress: UInt16 = 21 // RTM_DELADDR
    static let getAddress: UInt16 = 22   // RTM_GETADDR
    static let newRoute: UInt16 = 24     // RTM_NEWROUTE
    static let getRoute: UInt16 = 26     // RTM_GETROUTE

    // nlmsg_flags
    static let request: UInt16 = 0x1     // NLM_F_REQUEST
    static let multi: UInt16 = 0x2       // NLM_F_MULTI
    static let ack: UInt16 = 0x4         // NLM_F_ACK
    static let dump: UInt16 = 0x300      // NLM_F_ROOT | NLM_F_MATCH
    static let replace: UInt16 = 0x100   // NLM_F_REPLACE
    static let exclusive: UInt16 = 0x200 // NLM_F_EXCL
    static let create: UInt16 = 0x400    // NLM_F_CREATE
    static let capped: UInt16 = 0x100    // NLM_F_CAPPED (on NLMSG_ERROR)
    static let ackTLVs: UInt16 = 0x200   // NLM_F_ACK_TLVS (on NLMSG_ERROR)

    // socket options (SOL_NETLINK)
    static let solNetlink: Int32 = 270
    static let capAck: Int32 = 10        // NETLINK_CAP_ACK
    static let extendedAck: Int32 = 11   // NETLINK_EXT_ACK
    static let errorMessageAttribute: UInt16 = 1 // NLMSGERR_ATTR_MSG

    // IFLA_* (link attributes)
    static let linkAddress: UInt16 = 1   // IFLA_ADDRESS
    static let linkName: UInt16 = 3      // IFLA_IFNAME
    static let linkMTU: UInt16 = 4       // IFLA_MTU
    static let linkOperState: UInt16 = 16 // IFLA_OPERSTATE
    static let linkPropertyList: UInt16 = 52 // IFLA_PROP_LIST
    static let linkAltName: UInt16 = 53  // IFLA_ALT_IFNAME

    // IFA_* (address attributes)
    static let addrAddress: UInt16 = 1   // IFA_ADDRESS
    static let addrLocal: UInt16 = 2     // IFA_LOCAL
    static let addrLabel: UInt16 = 3     // IFA_LABEL
    static let addrBroadcast: UInt16 = 4 // IFA_BROADCAST
    static let addrCacheInfo: UInt16 = 6 // IFA_CACHEINFO
    static let addrFlags: UInt16 = 8     // IFA_FLAGS

    // RTA_* (route attributes)
    static let routeDestination: UInt16 = 1 // RTA_DST
    static let routeOutputInterface: UInt16 = 4 // RTA_OIF
    static let routeGateway: UInt16 = 5  // RTA_GATEWAY
    static let routePriority: UInt16 = 6 // RTA_PRIORITY
    static let routeMultipath: UInt16 = 9 // RTA_MULTIPATH
    static let routeTable: UInt16 = 15   // RTA_TABLE
}
