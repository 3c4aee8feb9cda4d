/// A JSON object from `drbdsetup status --json` with typed accessors that throw
/// `DRBDStateError` naming the JSON path and key. Members not asked for are ignored.
struct DRBDJSONObject {
    let members: [String: JSONValue]
    /// Path of this object, e.g. `[0].connections[1]`.
    let path: String

    init(_ value: JSONValue, path: String) throws(DRBDStateError) {
        guard let members = value.objectValue else {
            throw .invalidValue(at: .jsonPath(path), key: "element", value: value.typeName, expected: "an object")
        }
        self.members = members
        self.path = path
    }

    private var location: DRBDStateError.Location { .jsonPath(path) }

    private func value(_ key: String) throws(DRBDStateError) -> JSONValue {
        guard let value = members[key] else { throw .missingField(at: location, key: key) }
        return value
    }

    /// `nil` for an absent key; JSON `null` is treated as absent too.
    private func optionalValue(_ key: String) -> JSONValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    private func mismatch(_ key: String, _ value: JSONValue, _ expected: String) -> DRBDStateError {
        .invalidValue(at: location, key: key, value: value.typeName, expected: expected)
    }

    func string(_ key: String) throws(DRBDStateError) -> String {
        let value = try value(key)
        guard let text = value.stringValue else { throw mismatch(key, value, "a string") }
        return text
    }

    func optionalString(_ key: String) throws(DRBDStateError) -> String? {
        guard let value = optionalValue(key) else { return nil }
        guard let text = value.stringValue else { throw mismatch(key, value, "a string") }
        return text
    }

    func int(_ key: String) throws(DRBDStateError) -> Int {
        let value = try value(key)
        guard let number = value.intValue else { throw mismatch(key, value, "an integer") }
        return number
    }

    func optionalInt(_ key: String) throws(DRBDStateError) -> Int? {
        guard let value = optionalValue(key) else { return nil }
        guard let number = value.intValue else { throw mismatch(key, value, "an integer") }
        return number
    }

    func optionalDouble(_ key: String) throws(DRBDStateError) -> Double? {
        guard let value = optionalValue(key) else { return nil }
        guard let number = value.doubleValue else { throw mismatch(key, value, "a number") }
        return number
    }

    func optionalBool(_ key: String) throws(DRBDStateError) -> Bool? {
        guard let value = optionalValue(key) else { return nil }
        guard let flag = value.boolValue else { throw mismatch(key, value, "true or false") }
        return flag
    }

    func word<Word: DRBDVocabulary>(_ type: Word.Type, _ key: String) throws(DRBDStateError) -> Word {
        try DRBDFieldParser.word(Word.self, try string(key), key: key, at: location)
    }

    /// The elements of array member `key` as objects with their paths; an absent key is an empty array.
    func objects(_ key: String) throws(DRBDStateError) -> [DRBDJSONObject] {
        guard let value = optionalValue(key) else { return [] }
        guard let elements = value.arrayValue else { throw mismatch(key, value, "an array") }
        var result: [DRBDJSONObject] = []
        for (index, element) in elements.enumerated() {
            result.append(try DRBDJSONObject(element, path: "\(path).\(key)[\(index)]"))
        }
        return result
    }

    /// `"no"` or a comma list of reasons (`resync-suspended` is a string, not a boolean).
    func reasons<Word: DRBDVocabulary>(_ type: Word.Type, _ key: String) throws(DRBDStateError) -> Set<Word> {
        guard let text = try optionalString(key) else { return [] }
        return try DRBDFieldParser.reasons(Word.self, text, key: key, at: location)
    }
}
