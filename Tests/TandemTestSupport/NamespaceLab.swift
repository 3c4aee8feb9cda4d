import Foundation
import Glibc
import TandemCore
import TandemNetwork

/// Two network namespaces joined by a veth pair, made for one test and removed after it:
/// `node` (the cluster node, interface `eth0`) and `peer` (the rest of the segment,
/// interface `peer0`). More pairs can be added. Names are unique per lab, so labs run in
/// parallel. `remove()` (also run by deinit) deletes both namespaces and with them every
/// interface and address the test made.
public final class NamespaceLab {
    public let node: String
    public let peer: String
    public let stateDirectory: String
    private var removed = false

    public static var isRoot: Bool { getuid() == 0 }

    public init(ipv6: Bool = false) throws {
        let tag = "tf" + UUID().uuidString.lowercased().prefix(8)
        node = tag + "-n"
        peer = tag + "-p"
        stateDirectory = NSTemporaryDirectory() + "tandem-fip-" + tag
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        do {
            try TestCommands.check("ip", ["netns", "add", node])
            try TestCommands.check("ip", ["netns", "add", peer])
            for namespace in [node, peer] {
                let v6 = ipv6 ? "0" : "1"
                try sysctl(namespace, ["net.ipv6.conf.all.disable_ipv6=\(v6)", "net.ipv6.conf.default.disable_ipv6=\(v6)",
                                       "net.ipv6.conf.default.accept_dad=1", "net.ipv6.conf.all.accept_dad=1"])
                try TestCommands.check("ip", ["-n", namespace, "link", "set", "lo", "up"])
            }
            try addLink("eth0", peerName: "peer0")
        } catch {
            remove()
            throw error
        }
    }

    deinit { remove() }

    /// Deletes both namespaces (idempotent).
    public func remove() {
        guard !removed else { return }
        removed = true
        for namespace in [node, peer] { _ = try? TestCommands.run("ip", ["netns", "delete", namespace]) }
        try? FileManager.default.removeItem(atPath: stateDirectory)
    }

    /// Another veth pair between node and peer, both ends up.
    public func addLink(_ name: String, peerName: String) throws {
        try TestCommands.check("ip", ["link", "add", "name", name, "netns", node, "type", "veth",
                                      "peer", "name", peerName, "netns", peer])
        try TestCommands.check("ip", ["-n", node, "link", "set", name, "up"])
        try TestCommands.check("ip", ["-n", peer, "link", "set", peerName, "up"])
    }

    /// `ip -n <node> …`.
    @discardableResult
    public func ip(_ arguments: String...) throws -> String { try TestCommands.check("ip", ["-n", node] + arguments) }

    /// `ip -n <peer> …`.
    @discardableResult
    public func peerIP(_ arguments: String...) throws -> String { try TestCommands.check("ip", ["-n", peer] + arguments) }

    private func sysctl(_ namespace: String, _ settings: [String]) throws {
        try TestCommands.check("ip", ["netns", "exec", namespace, "sysctl", "-qw"] + settings)
    }

    /// The node's addresses equal to `address`, read in-process over rtnetlink.
    public func addresses(_ address: String) throws -> [InterfaceAddress] {
        guard let wanted = IPAddress(address) else { throw LabError("bad address \(address)") }
        return try NetworkNamespace.perform(in: node) {
            try RouteNetlink().addresses(family: wanted.family).filter { $0.address == wanted }
        }
    }

    /// Every address on the node (to check that nothing was added).
    public func allAddresses() throws -> [InterfaceAddress] {
        try NetworkNamespace.perform(in: node) {
            let netlink = try RouteNetlink()
            return try netlink.addresses(family: .ipv4) + netlink.addresses(family: .ipv6)
        }
    }

    /// A node link by name.
    public func link(_ name: String, inPeer: Bool = false) throws -> Link? {
        try NetworkNamespace.perform(in: inPeer ? peer : node) { try RouteNetlink().link(named: name) }
    }

    /// The interface name an index stands for on the node.
    public func interfaceName(_ index: InterfaceIndex) throws -> String? {
        try NetworkNamespace.perform(in: node) { try RouteNetlink().link(at: index)?.name }
    }

    /// Waits until IPv6 DAD of the link-local and configured addresses is over on both sides.
    public func settleIPv6() throws {
        for _ in 0..<60 {
            let tentative = try [node, peer].contains { namespace in
                try NetworkNamespace.perform(in: namespace) {
                    try RouteNetlink().addresses(family: .ipv6).contains { $0.flags.contains(.tentative) }
                }
            }
            if !tentative { return }
            usleep(100_000)
        }
        throw LabError("IPv6 addresses stayed tentative")
    }

    /// The agent, run inside the node namespace (through nsenter) with this lab's state directory.
    public func agent(_ parameters: [String: String] = [:]) -> AgentInvocation {
        var invocation = AgentInvocation("floating-ip")
        // The announcer's pid file is named after it (tandem-floating-ip-vip.announcer.pid).
        invocation.instance = "vip"
        invocation.namespace = node
        invocation.parameters = parameters
        invocation.extra["HA_RSCTMP"] = stateDirectory
        return invocation
    }
}
