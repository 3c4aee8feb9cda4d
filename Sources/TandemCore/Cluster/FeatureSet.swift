/// A Pacemaker CRM feature set such as `3.16.2` (`OCF_RESKEY_crm_feature_set`).
public typealias FeatureSet = DottedVersion

extension DottedVersion {
    public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
        self.init(components: [major, minor, patch])
    }

    /// Pacemaker 2.1.0: `crm_attribute --promotion`, OCF 1.1 role names.
    public static let promotionAttributeCommand = FeatureSet(3, 10, 0)
    /// Pacemaker 2.0.3, the first with `crm_mon --output-as`; its `--as-xml` body is
    /// identical, so up to and including this release the legacy option is used.
    public static let legacyCrmMonXML = FeatureSet(3, 2, 0)
}
