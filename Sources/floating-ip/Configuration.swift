import TandemCore
import TandemNetwork

/// The parameters of one invocation, typed and checked against each other.
struct Configuration {
    let address: IPAddress
    /// The interface named in `nic` (without an IPaddr2-style `:label`), nil to look it up.
    let nic: String?
    /// The label suffix (from `iflabel` or `nic=name:label`), IPv4 only.
    let labelSuffix: String?
    /// The prefix length from `cidr_netmask`, nil to take the route's.
    let prefixLength: Int?
    let broadcast: Broadcast
    let announcementCount: Int
    let announcementIntervalMilliseconds: Int
    let refreshCount: Int
    let announceInBackground: Bool
    let arpOperation: ARPPacket.Operation
    /// IPv6 preferred lifetime (forever for IPv4, which has none).
    let preferredLifetime: AddressLifetime
    let noDAD: Bool
    let noPrefixRoute: Bool
    let checkLinkStatus: Bool
    let namespace: String?

    /// A problem no host can fix: the action maps it like an invalid parameter.
    struct Problem: Error {
        let reason: String
    }

    /// Reads the parameters the runtime already checked one by one, and checks them together.
    /// - Throws: `Problem` for combinations that can never work (a link-local address without
    ///   nic, a broadcast address for IPv6, a prefix length too long for the family, …).
    ///   In an action on a running address (monitor, stop, …) only the address and the link-local
    ///   rule count: a combination that does not say where the address is (a prefix length of the
    ///   other family, a label too long) is warned about and left out, so that monitor reports
    ///   and stop removes the real address.
    init(_ context: AgentContext) throws(Problem) {
        let parameters = context.parameters
        let logger = context.logger
        typealias D = FloatingIPDeclaration
        let lenient = context.action.actsOnARunningResource
        func unless(_ reason: String) throws(Problem) {
            guard lenient else { throw Problem(reason: reason) }
            logger.warning("\(reason); left out for \(context.action.rawValue)")
        }
        let address = parameters[D.ip]
        self.address = address
        let nic = parameters[D.nic]?.name
        var label = parameters[D.iflabel]
        if let given = parameters[D.nic], let nicLabel = given.label {
            logger.warning("nic=\(given.ocfText): the nic:label form is deprecated; use nic and iflabel")
            if label == nil { label = nicLabel }
        }
        self.nic = nic
        if address.isIPv6LinkLocal && nic == nil {
            throw Problem(reason: "ip=\(address) is a link-local IPv6 address: it needs nic")
        }
        if let label, address.family == .ipv6 {
            logger.warning("iflabel=\(label) is ignored: Linux labels IPv4 addresses only")
        }
        var suffix = address.family == .ipv4 ? label : nil
        if let nic, let labelSuffix = suffix, nic.utf8.count + 1 + labelSuffix.utf8.count > 15 {
            try unless("label \(nic):\(labelSuffix) is longer than 15 characters")
            suffix = nil
        }
        labelSuffix = suffix
        var length: Int?
        if let mask = parameters[D.cidrNetmask] {
            if mask.fits(address.family) {
                if mask.isDottedMask { logger.warning("cidr_netmask=\(mask) is a dotted mask; use /\(mask.bits)") }
                length = mask.bits
            } else {
                try unless("cidr_netmask=\(mask) does not fit an \(address.family) address (1 to \(address.family.bitCount))")
            }
        }
        prefixLength = length
        switch parameters[D.broadcast] {
        case .some(let setting) where address.family == .ipv6:
            try unless("broadcast=\(setting.ocfText) is for IPv4 only; IPv6 has no broadcast")
            broadcast = .automatic
        case .some(let setting): broadcast = setting
        // Unset: the subnet's highest address, as IPaddr2 and `ip addr add … broadcast +`.
        case nil: broadcast = .automatic
        }
        announcementCount = parameters[D.arpCount]
        announcementIntervalMilliseconds = parameters[D.arpInterval]
        refreshCount = parameters[D.arpCountRefresh]
        announceInBackground = parameters[D.arpBackground]
        arpOperation = Self.operation(parameters, logger: logger)
        let lifetime = parameters[D.preferredLifetime]
        if lifetime != .forever && address.family == .ipv4 { logger.warning("preferred_lft applies to IPv6 only; ignored") }
        preferredLifetime = address.family == .ipv6 ? lifetime : .forever
        noDAD = parameters[D.noDAD]
        noPrefixRoute = parameters[D.noPrefixRoute]
        checkLinkStatus = parameters[D.checkLinkStatus]
        namespace = parameters[D.networkNamespace]
    }

    /// The full label for an interface name (`eth0:vip`); nil without iflabel.
    func label(on interfaceName: String) -> String? { labelSuffix.map { interfaceName + ":" + $0 } }

    /// The broadcast address to configure for `prefixLength` (IPv4 only).
    func broadcastAddress(prefixLength: Int) -> IPAddress? {
        guard address.family == .ipv4 else { return nil }
        switch broadcast {
        case .none: return nil
        case .address(let value): return value
        case .automatic: return prefixLength >= 31 ? nil : address.withHostBitsSet(after: prefixLength)
        }
    }

    /// arp_mode, or when only the deprecated send_arp_opts is set, its last -A or -U.
    private static func operation(_ parameters: ParameterValues, logger: Logger) -> ARPPacket.Operation {
        typealias D = FloatingIPDeclaration
        var mode = parameters[D.arpMode]
        guard !parameters.isSet(D.arpMode.spec), let options = parameters[D.sendARPOptions] else { return mode.operation }
        for option in options {
            switch option {
            case .mode(let chosen): mode = chosen
            case .ignored(let word): logger.warning("send_arp_opts: option \(word) is not supported; ignored")
            }
        }
        return mode.operation
    }
}
