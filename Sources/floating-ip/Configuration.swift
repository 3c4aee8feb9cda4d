import TandemCore
import TandemNetwork

/// The parameters of one invocation, typed and checked against each other.
struct Configuration {
    /// How the IPv4 broadcast address is chosen.
    enum Broadcast: Equatable {
        /// The subnet's highest address (none for /31 and /32).
        case automatic
        case none
        case address(IPAddress)
    }

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
    /// IPv6 preferred lifetime in seconds; nil is forever.
    let preferredLifetime: UInt32?
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
        var nic = parameters[D.nic]
        var label = parameters[D.iflabel]
        if let given = nic, let colon = given.firstIndex(of: ":") {
            logger.warning("nic=\(given): the nic:label form is deprecated; use nic and iflabel")
            if label == nil { label = String(given[given.index(after: colon)...]) }
            nic = String(given[..<colon])
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
            if let parsed = Prefix.parseLength(mask, family: address.family) {
                if parsed.dotted { logger.warning("cidr_netmask=\(mask) is a dotted mask; use /\(parsed.length)") }
                length = parsed.length
            } else {
                try unless("cidr_netmask=\(mask) does not fit an \(address.family) address (1 to \(address.family.bitCount))")
            }
        }
        prefixLength = length
        do {
            broadcast = try Self.broadcast(parameters[D.broadcast], for: address)
        } catch {
            try unless(error.reason)
            broadcast = .automatic
        }
        announcementCount = parameters[D.arpCount]
        announcementIntervalMilliseconds = parameters[D.arpInterval]
        refreshCount = parameters[D.arpCountRefresh]
        announceInBackground = parameters[D.arpBackground]
        arpOperation = Self.operation(parameters, logger: logger)
        let lifetime = D.lifetimeSeconds(parameters[D.preferredLifetime]) ?? nil
        if lifetime != nil && address.family == .ipv4 { logger.warning("preferred_lft applies to IPv6 only; ignored") }
        preferredLifetime = address.family == .ipv6 ? lifetime : nil
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

    private static func broadcast(_ text: String?, for address: IPAddress) throws(Problem) -> Broadcast {
        guard let text else { return .automatic }
        if address.family == .ipv6 { throw Problem(reason: "broadcast=\(text) is for IPv4 only; IPv6 has no broadcast") }
        if text == "+" { return .automatic }
        if text == "-" { return .none }
        guard let value = IPAddress(text) else { throw Problem(reason: "broadcast=\(text) is not an IPv4 address") }
        return .address(value)
    }

    private static func operation(_ parameters: ParameterValues, logger: Logger) -> ARPPacket.Operation {
        typealias D = FloatingIPDeclaration
        if parameters.isSet(D.arpMode.spec) || !parameters.isSet(D.sendARPOptions.spec) {
            return parameters[D.arpMode] == .reply ? .reply : .request
        }
        var operation = ARPPacket.Operation.request
        for option in (parameters[D.sendARPOptions] ?? "").split(whereSeparator: \.isWhitespace) {
            switch option {
            case "-A": operation = .reply
            case "-U": operation = .request
            default: logger.warning("send_arp_opts: option \(option) is not supported; ignored")
            }
        }
        return operation
    }
}
