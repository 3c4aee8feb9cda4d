import Testing
@testable import TandemCore

@Suite struct ParameterTests {
    static let count = Parameter<Int>("arp_count", default: 5, range: 1...100, short: "count", long: "How many.")
    static let flag = Parameter<Bool>("nodad", default: false, short: "flag", long: "A flag.")
    static let name = RequiredParameter<String>("nic", unique: true, short: "nic", long: "The NIC.", identifies: true,
                                        check: { $0.count <= 15 ? nil : "is longer than 15 characters" })
    static let mode = Parameter<String>("mode", default: "reply", allowed: ["request", "reply"],
                                        short: "mode", long: "ARP mode.")
    static let levels = Parameter<String>("levels", default: "1 2", short: "levels", long: "Two numbers.",
                                          reloadable: true, fallback: "1 2",
                                          check: { $0.split(separator: " ").count == 2 ? nil : "needs two numbers" })

    static let declaration = AgentDeclaration(
        name: "t", version: "1", shortDescription: "s", longDescription: "l",
        parameters: [count.spec, flag.spec, name.spec, mode.spec, levels.spec],
        actions: [ActionSpec(.start, timeout: 20), ActionSpec(.stop, timeout: 20),
                  ActionSpec(.monitor, timeout: 20, interval: 10), ActionSpec(.metaData, timeout: 5)])

    func parse(_ values: [String: String]) -> (ParameterValues, [ParameterProblem]) {
        let (parsed, problems, _) = parseWithFallbacks(values)
        return (parsed, problems)
    }

    func parseWithFallbacks(_ values: [String: String]) -> (ParameterValues, [ParameterProblem], [String]) {
        var variables: [String: String] = [:]
        for (key, value) in values { variables["OCF_RESKEY_" + key] = value }
        return ParameterValues.parse(Self.declaration, from: OCFEnvironment(variables))
    }

    @Test func defaultsApplyWhenUnsetOrEmpty() {
        let (values, problems) = parse(["nic": "eth0", "arp_count": ""])
        #expect(problems.isEmpty)
        #expect(values[Self.count] == 5)
        #expect(values[Self.flag] == false)
        #expect(values[Self.mode] == "reply")
        #expect(values[Self.name] == "eth0")
        #expect(!values.isSet(Self.count.spec))
        #expect(values.isSet(Self.name.spec))
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
        #expect(problems == [.missing("nic", identifiesResource: true)])
        #expect(problems.first?.description == "required parameter nic is not set")
    }

    @Test(arguments: [
        ("arp_count", "five", "arp_count=\"five\" is not an integer"),
        ("arp_count", "0", "arp_count=\"0\": must be between 1 and 100"),
        ("arp_count", "-3", "arp_count=\"-3\": must be between 1 and 100"),
        ("arp_count", " 5", "arp_count=\" 5\" is not an integer"),
        ("mode", "both", "mode=\"both\" is not one of: request, reply"),
        ("nic", "eth0;reboot-and-some-more", "nic=\"eth0;reboot-and-some-more\": is longer than 15 characters"),
        ("nic", "a\nb$(rm -rf /)`x`long", "nic=\"a\\xab$(rm -rf /)`x`long\": is longer than 15 characters"),
    ])
    func invalidValuesAreRejectedWithAPreciseReason(name: String, value: String, reason: String) {
        var values = ["nic": "eth0"]
        values[name] = value
        let (parsed, problems) = parse(values)
        #expect(problems == [.invalid(name, reason, identifiesResource: name == "nic")], "a required parameter blocks every action")
        // A rejected value never reaches the agent: the default (or nothing) is seen instead.
        if name == "arp_count" { #expect(parsed[Self.count] == 5) }
    }

    /// ocf_is_true reads any other word as false, so IPaddr2 and ocf:linbit:drbd do too; a
    /// CIB migrated with such a value must keep working, and the admin is told.
    @Test(arguments: ["maybe", "flase", "2", "y"])
    func anInvalidBooleanIsReadAsFalseWithAWarning(text: String) {
        let (values, problems, fallbacks) = parseWithFallbacks(["nic": "eth0", "nodad": text])
        #expect(problems.isEmpty)
        #expect(values[Self.flag] == false)
        #expect(fallbacks == ["nodad=\"\(text)\" is not a boolean (true or false); read as \"false\", as the agent it replaces does"])
    }

    @Test func aParameterWithAFallbackReadsItInsteadOfAnInvalidValue() {
        let (values, problems, fallbacks) = parseWithFallbacks(["nic": "eth0", "levels": "7"])
        #expect(problems.isEmpty)
        #expect(values[Self.levels] == "1 2")
        #expect(fallbacks.count == 1 && fallbacks[0].hasPrefix("levels=\"7\": needs two numbers; read as \"1 2\""))
        #expect(Self.levels.spec.reloadable && !Self.count.spec.reloadable)
    }

    @Test func anIdentifyingParameterSaysSoInItsProblem() {
        let identifying = OptionalParameter<String>("resource", short: "r", long: "The resource.", identifies: true,
                                            check: { $0.contains(" ") ? "has a space" : nil })
        let declaration = AgentDeclaration(name: "t", version: "1", shortDescription: "s", longDescription: "l",
                                           parameters: [identifying.spec], actions: [])
        let (_, problems, _) = ParameterValues.parse(declaration, from: OCFEnvironment(["OCF_RESKEY_resource": "a b"]))
        #expect(problems == [.invalid("resource", "resource=\"a b\": has a space", identifiesResource: true)])
        #expect(ParameterProblem.missing("resource", identifiesResource: true).identifiesResource)
    }

    /// A required parameter that does not say which resource this is (lvm's vg_access_mode)
    /// blocks start, but not the actions on what already runs: they read it with `ifValid`.
    @Test func aRequiredParameterThatDoesNotIdentifyTheResource() {
        let mode = RequiredParameter<Mode>("mode", short: "m", long: "Mode.")
        let declaration = AgentDeclaration(name: "t", version: "1", shortDescription: "s", longDescription: "l",
                                           parameters: [mode.spec], actions: [])
        let (missingValues, missing, _) = ParameterValues.parse(declaration, from: OCFEnvironment([:]))
        #expect(missing == [.missing("mode", identifiesResource: false)])
        #expect(missingValues.ifValid(mode) == nil)
        let (values, problems, _) = ParameterValues.parse(declaration, from: OCFEnvironment(["OCF_RESKEY_mode": "reply"]))
        #expect(problems.isEmpty && values.ifValid(mode) == .reply && values[mode] == .reply)
    }

    enum Mode: String, OCFEnumeration { case request, reply }

    /// An enum parameter is declared once: its cases are the allowed values in meta-data and
    /// validation, and the value is read as the enum.
    @Test func enumParametersComeFromTheirCases() {
        let mode = Parameter<Mode>("arp_mode", default: .request, short: "m", long: "Mode.")
        #expect(mode.spec.allowedValues == ["request", "reply"])
        #expect(mode.spec.defaultText == "request")
        #expect(mode.spec.problem(with: "both") == "arp_mode=\"both\" is not one of: request, reply")
        #expect(mode.spec.problem(with: "reply") == nil)
        let declaration = AgentDeclaration(name: "t", version: "1", shortDescription: "s", longDescription: "l",
                                           parameters: [mode.spec], actions: [])
        let (values, _, _) = ParameterValues.parse(declaration, from: OCFEnvironment(["OCF_RESKEY_arp_mode": "reply"]))
        #expect(values[mode] == .reply)
    }

    @Test(arguments: [("8.4.0", true), ("10", true), ("8.4.11", true), ("eight", false), ("8.4-rc1", false),
                      ("8..4", false), (".8", false), ("8.", false), ("", false)])
    func versionParametersParseOnce(text: String, valid: Bool) {
        #expect((DottedVersion(ocfText: text) != nil) == valid)
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

    /// A CHAP password that breaks a rule is refused without being repeated anywhere.
    @Test func aSecretIsNeverShown() {
        let password = OptionalParameter<String>("incoming_password", short: "p", long: "Password.", secret: true,
                                                 check: { $0.count >= 12 ? nil : "must have at least 12 characters" })
        let declaration = AgentDeclaration(name: "t", version: "1", shortDescription: "t", longDescription: "t",
                                           parameters: [password.spec], actions: [])
        let parsed = ParameterValues.parse(declaration, from: OCFEnvironment(["OCF_RESKEY_incoming_password": "hunter2"]))
        #expect(parsed.problems.map(\.description) == ["incoming_password=(value not shown): must have at least 12 characters"])
        #expect(password.spec.secret)
    }
}
