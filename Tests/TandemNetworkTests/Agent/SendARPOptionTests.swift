import Testing
import TandemCore
@testable import floating_ip

/// IPaddr2's `send_arp_opts`, read word by word once: -A and -U mean arp_mode, every other
/// word is kept to be warned about, none is refused.
@Suite struct SendARPOptionTests {
    @Test func knownOptionsAndIgnoredWords() throws {
        let options = try #require(WordList<SendARPOption>(ocfText: "-U -c 3 -A  -I eth0 --bogus"))
        #expect(Array(options) == [.mode(.request), .ignored("-c"), .ignored("3"), .mode(.reply), .ignored("-I"),
                                   .ignored("eth0"), .ignored("--bogus")])
        #expect(options.ocfText == "-U -c 3 -A -I eth0 --bogus")
    }

    @Test func noWordIsRefused() {
        for text in ["-a", "-u", "-AU", "x", "$(id)", "-c3"] {
            #expect(SendARPOption(ocfText: text) == .ignored(text), "\(text) is ignored, not an error")
        }
    }
}
