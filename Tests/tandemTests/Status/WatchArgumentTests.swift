import Testing
@testable import tandem

@Suite struct WatchArgumentTests {
    @Test func bareWatchGetsTheDefault() {
        #expect(WatchArgument.withDefault(["status", "--watch"], seconds: 2) == ["status", "--watch", "2"])
        #expect(WatchArgument.withDefault(["status", "--watch", "--json"], seconds: 2) == ["status", "--watch", "2", "--json"])
    }

    @Test func givenSecondsStay() {
        #expect(WatchArgument.withDefault(["status", "--watch", "5"], seconds: 2) == ["status", "--watch", "5"])
        #expect(WatchArgument.withDefault(["status", "--", "--watch"], seconds: 2) == ["status", "--", "--watch"])
    }
}
