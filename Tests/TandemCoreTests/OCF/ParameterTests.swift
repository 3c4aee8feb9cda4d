import Testing
@testable import TandemCore

@Suite struct ParameterTests {
    static let count = Parameter<Int>("arp_count", default: 5, range: 1...100, short: "count", long: "How many.")
    static let flag = Parameter<Bool>("nodad", default: false, short: "flag", long: "A flag.")
    static let name = Parameter<String>("nic", required: true, unique: true, short: "nic", long: "The NIC.",
                                        check: { $0.count <= 15 ? nil : "is longer than 15 characters" })
    static let mode = Parameter<String>("mode", default: "reply", allowed: ["request", "reply"],
                                        short: "mode", long: "ARP mode.")

    static let declaration = AgentDeclaration(
        name: "t", version: "1", shortDescription: "s", longDescription: "l",
        parameters: [count.spec, flag.spec, name.spec, mode.spec],
        actions: [ActionSpec(.start, timeout: 20), ActionSpec(.stop, timeout: 20),
                  ActionSpec(.monitor, timeout: 20, interval: 10), ActionSpec(.metaData, timeout: 5)])

    func parse(_ values: [String: String]) -> (ParameterValues, [ParameterProblem]) {
        var variables: [String: String] = [:]
        for (key, value) in values { variables["OCF_RESKEY_" + key] = value }
        let (parsed, problems) = ParameterValues.parse(Self.declaration, from: OCFEnvironment(variables))
        return (parsed, problems)
    }

    @Test func defaultsApplyWhenUnsetOrEmpty() {
        let (values, problems) = parse(["nic": "eth0", "arp_count": ""])
        #expect(problems.isEmpty)
        #expect(values[Self.count] == 5)
        #expect(values[Self.flag] == false)
        #expect(values[Self.mode] == "reply")
        #expect(values[Self.name] == "eth0")
        #expect(!values.isSet(Self.count))
        #expect(values.isSet(Self.name))
    }

    @Test func typedValuesAreParsed() {
        let (values, problems) = parse(["nic": "eth1", "arp_count": "12", "nodad": "yes", "mode": "request"])
        #expect(problems.isEmpty)
        #expect(values[Self.count] == 12)
        #expect(values[Self.flag] == true)
        #expect(values[Self.mode] == "request")
    }

    @Test func missingRequiredParameterIsReported() {
        let (_, problems) = parse([:])
        #expect(problems == [.missing("nic")])
        #expect(problems.first?.description == "required parameter nic is not set")
    }

    @Test(arguments: [
        ("arp_count", "five", "arp_count=\"five\" is not an integer"),
        ("arp_count", "0", "arp_count=\"0\": must be between 1 and 100"),
        ("arp_count", "-3", "arp_count=\"-3\": must be between 1 and 100"),
        ("arp_count", " 5", "arp_count=\" 5\" is not an integer"),
        ("nodad", "maybe", "nodad=\"maybe\" is not a boolean (true or false)"),
        ("nodad", "flase", "nodad=\"flase\" is not a boolean (true or false)"),
        ("mode", "both", "mode=\"both\" is not one of: request, reply"),
        ("nic", "eth0;reboot-and-some-more", "nic=\"eth0;reboot-and-some-more\": is longer than 15 characters"),
        ("nic", "a\nb$(rm -rf /)`x`long", "nic=\"a\\xab$(rm -rf /)`x`long\": is longer than 15 characters"),
    ])
    func invalidValuesAreRejectedWithAPreciseReason(name: String, value: String, reason: String) {
        var values = ["nic": "eth0"]
        values[name] = value
        let (parsed, problems) = parse(values)
        #expect(problems == [.invalid(name, reason)])
        // A rejected value never reaches the agent: the default (or nothing) is seen instead.
        if name == "arp_count" { #expect(parsed[Self.count] == 5) }
    }

    @Test(arguments: ["1", "yes", "YES", "true", "True", "on", "ja"])
    func booleanTrueSpellings(text: String) { #expect(Bool(ocfText: text) == true) }

    @Test(arguments: ["0", "no", "false", "FALSE", "off", "nein"])
    func booleanFalseSpellings(text: String) { #expect(Bool(ocfText: text) == false) }

    @Test func unknownParametersAreNamed() {
        let environment = OCFEnvironment(["OCF_RESKEY_nic": "eth0", "OCF_RESKEY_nicc": "x",
                                          "OCF_RESKEY_CRM_meta_timeout": "20000", "OCF_RESKEY_crm_feature_set": "3.16.2"])
        #expect(ParameterValues.unknownNames(Self.declaration, in: environment) == ["nicc"])
    }
}
