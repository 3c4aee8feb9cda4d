import Testing
@testable import TandemCore

@Suite struct FeatureSetTests {
    @Test func parsesAndCompares() throws {
        let debian12 = try #require(FeatureSet("3.16.2"))
        #expect(debian12 >= .promotionAttributeCommand)
        #expect(try #require(FeatureSet("3.2.0")) <= .legacyCrmMonXML)
        #expect(try #require(FeatureSet("3.2")) == FeatureSet(3, 2, 0))
        #expect(try #require(FeatureSet("3.0.14")) < FeatureSet(3, 10, 0))
        #expect(try #require(FeatureSet("3.10.0")) > FeatureSet(3, 9, 99))
        #expect(debian12.description == "3.16.2")
    }

    @Test(arguments: ["", "v3.1", "three", "-3.1", ".3"])
    func rejectsGarbage(text: String) { #expect(FeatureSet(text) == nil) }

    @Test func readsTheNumericPrefixOfSuffixedVersions() {
        #expect(FeatureSet("3.1-rc1") == FeatureSet(3, 1))
        #expect(FeatureSet("3..1") == FeatureSet(3, 0))
    }
}
