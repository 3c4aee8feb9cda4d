import TandemCore
import TandemNetwork

/// The floating-ip agent's declaration: IPaddr2's parameter names and meanings (without
/// Cluster-IP and LVS), so that switching from `ocf:heartbeat:IPaddr2` is a one-word change.
enum FloatingIPDeclaration {
    static let ip = RequiredParameter<IPAddress>(
        "ip", unique: true,
        short: "IPv4 or IPv6 address",
        long: "The floating address, e.g. 192.168.10.20 or 2001:db8:10::20. A link-local IPv6 address (fe80::/10) needs nic.",
        identifies: true, check: { addressProblem($0) })
    static let nic = OptionalParameter<NIC>(
        "nic",
        short: "Network interface",
        long: """
            The interface to put the address on. By default it is taken from the routing table: the \
            main-table route with the lowest metric that covers the address (default, unreachable, \
            blackhole and prohibit routes and routes through a gateway do not count). The IPaddr2 \
            form nic:label is accepted and means nic plus iflabel. An alternative name (ip link \
            property add dev X altname NAME, up to 127 characters) works as well. When this host holds the \
            address on another interface than this one (after a route change, say), monitor \
            reports it failed (1), not stopped, and stop removes it from every interface of this \
            host (a link-local IPv6 address only from nic).
            """,
        check: { nicProblem($0) })
    static let cidrNetmask = OptionalParameter<PrefixLength>(
        "cidr_netmask",
        short: "Prefix length",
        long: """
            The prefix length of the address, e.g. 24 or 64. By default that of the matching route. \
            A dotted IPv4 mask (255.255.255.0) is accepted with a warning. When it is set, monitor \
            reports the address failed (1) if it is on its interface with another prefix length, \
            and start replaces such an address.
            """)
    static let broadcast = OptionalParameter<Broadcast>(
        "broadcast",
        short: "Broadcast address (IPv4)",
        long: """
            The IPv4 broadcast address. By default (or +) the subnet's highest address, none for \
            prefixes /31 and /32; - for none. Not allowed with IPv6.
            """)
    static let iflabel = OptionalParameter<String>(
        "iflabel",
        short: "Interface label (IPv4)",
        long: """
            A label for the address, shown by ifconfig as nic:label; nic:label must fit in 15 \
            characters. Letters, digits, '.', '_' and '-'. Linux labels IPv4 addresses only: with \
            IPv6 it is ignored with a warning.
            """,
        check: { label in
            label.count <= 14 && label.unicodeScalars.allSatisfy(isNameCharacter)
                ? nil : "must be at most 14 letters, digits, '.', '_' or '-'"
        })
    static let arpCount = Parameter<Int>(
        "arp_count", default: 5, range: 1...1000,
        short: "Number of announcements",
        long: "How many gratuitous ARPs (IPv4) or unsolicited neighbour advertisements (IPv6) start sends.")
    static let arpInterval = Parameter<Int>(
        "arp_interval", default: 200, range: 1...60_000,
        short: "Milliseconds between announcements",
        long: "The time between two announcements, in milliseconds.")
    static let arpCountRefresh = Parameter<Int>(
        "arp_count_refresh", default: 0, range: 0...1000,
        short: "Announcements on each monitor",
        long: """
            How many announcements each successful monitor sends again (arp_interval apart, within \
            the monitor's timeout), for switches that forget; 0 for none.
            """)
    static let arpBackground = Parameter<Bool>(
        "arp_bg", default: true,
        short: "Announce after start returns",
        long: """
            True: start sends the first announcement itself and leaves the rest to a short-lived \
            announcer (the agent re-executed in its own session, at most arp_count x arp_interval \
            long, ended by stop). False: start sends all of them before it returns.
            """)
    /// How IPv4 announcements go out.
    enum ARPMode: String, OCFEnumeration {
        case request, reply

        var operation: ARPPacket.Operation { self == .reply ? .reply : .request }
    }

    static let arpMode = Parameter<ARPMode>(
        "arp_mode", default: .request,
        short: "ARP request or reply announcements",
        long: """
            IPv4 announcements as ARP requests (arping -U, the default) or ARP replies (arping -A, \
            IPaddr2's send_arp_opts=-A), for switches and firewalls that ignore one kind.
            """)
    static let sendARPOptions = OptionalParameter<WordList<SendARPOption>>(
        "send_arp_opts",
        short: "IPaddr2's ARP sender options",
        long: """
            Read for compatibility with IPaddr2, which passes it to its ARP sender: any options \
            and values are accepted (e.g. -c 3). -A means arp_mode=reply, -U arp_mode=request; \
            everything else is ignored with a warning. It is never passed to a program.
            """,
        deprecated: "use arp_mode")
    static let preferredLifetime = Parameter<AddressLifetime>(
        "preferred_lft", default: .forever,
        short: "Preferred lifetime (IPv6)",
        long: "The preferred lifetime of an IPv6 address in seconds, or forever. 0 makes it deprecated: usable, but not chosen as a source address.")
    static let noDAD = Parameter<Bool>(
        "nodad", default: false,
        short: "Skip duplicate address detection (IPv6)",
        long: """
            Add the IPv6 address without duplicate address detection (so start does not wait for \
            it). With detection, a monitor that finds the address still tentative waits for the \
            outcome (at most 3 s, within its timeout): failed, or still tentative then, is 1.
            """)
    static let noPrefixRoute = Parameter<Bool>(
        "noprefixroute", default: false,
        short: "No prefix route",
        long: "Do not let the kernel add a route for the address's prefix.")
    static let checkLinkStatus = Parameter<Bool>(
        "check_link_status", default: true,
        short: "Treat a down link as not running",
        long: """
            True: start fails with 5 on a link that is down (no carrier) and monitor reports the \
            address as not running while its link is down.
            """)
    static let networkNamespace = OptionalParameter<String>(
        "network_namespace",
        short: "Network namespace",
        long: "Manage the address inside this named network namespace (/run/netns/NAME), entered with setns.",
        identifies: true, check: { NetworkNamespace.isValidName($0) ? nil : "is not a network namespace name" })

    static let agent = AgentDeclaration(
        name: "floating-ip",
        shortDescription: "Floating IPv4/IPv6 address, managed over rtnetlink",
        longDescription: """
            Adds and removes a floating IP address (an iSCSI portal, say) that the cluster moves \
            between nodes. A replacement for ocf:heartbeat:IPaddr2 without Cluster-IP and LVS, with \
            the same parameter names. Every address, link and route operation goes through \
            rtnetlink and announcements through a packet socket: monitor starts no processes. \
            It cannot be cloned (there is no Cluster-IP): validate-all and start refuse a clone \
            with 6; use a primitive. It sends no IPoIB announcements (IPaddr2 uses ipoibarping): \
            validate-all and start refuse an InfiniBand interface with 2.
            """,
        parameters: [ip.spec, nic.spec, cidrNetmask.spec, broadcast.spec, iflabel.spec, arpCount.spec,
                     arpInterval.spec, arpCountRefresh.spec, arpBackground.spec, arpMode.spec, sendARPOptions.spec,
                     preferredLifetime.spec, noDAD.spec, noPrefixRoute.spec, checkLinkStatus.spec,
                     networkNamespace.spec],
        actions: [
            ActionSpec(.start, timeout: 20),
            ActionSpec(.stop, timeout: 20),
            ActionSpec(.status, timeout: 20, interval: 10, depth: 0),
            ActionSpec(.monitor, timeout: 20, interval: 10, depth: 0),
            ActionSpec(.metaData, timeout: 5),
            ActionSpec(.validateAll, timeout: 20),
        ])

    // MARK: syntax checks shared by the parameters

    static func addressProblem(_ address: IPAddress) -> String? {
        if address.isUnspecified || address.isMulticast || address.isLimitedBroadcast {
            return "is not a unicast address"
        }
        return nil
    }

    static func nicProblem(_ nic: NIC) -> String? {
        let name = nic.name
        guard !name.isEmpty, name.utf8.count <= 127, name != ".", name != "..",
              name.unicodeScalars.allSatisfy({ isNameCharacter($0) || $0 == "@" || $0 == "+" }) else {
            return "is not an interface name"
        }
        if let label = nic.label, label.isEmpty || !label.unicodeScalars.allSatisfy(isNameCharacter) {
            return "has an invalid label after ':'"
        }
        return nil
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || scalar == "." || scalar == "_" || scalar == "-")
    }
}
