/// One LUN of a target: its number and the block device behind it, written `N:/dev/path`
/// (`0:/dev/vg0/lun0`). A list of them (`WordList<LUNMapping>`) is a target's LUN map.
public struct LUNMapping: Hashable, Sendable, CustomStringConvertible {
    /// 0...16383 (SAM's flat addressing; LIO and SCST take it, tgt reserves 0 for its controller).
    public let number: Int
    public let path: DevicePath

    public static let numbers = 0...16383

    public init?(number: Int, path: DevicePath) {
        guard Self.numbers.contains(number) else { return nil }
        self.number = number
        self.path = path
    }

    public init?(_ text: String) {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")), let number = decimalNumber(text[..<colon], maxDigits: 9),
              let path = DevicePath(String(text[text.utf8.index(after: colon)...])) else { return nil }
        self.init(number: number, path: path)
    }

    public var description: String { "\(number):\(path)" }
}

extension LUNMapping: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { description }
    public static var expectation: String { "a LUN like 0:/dev/vg0/lun0 (number 0 to 16383, an absolute device path)" }
}

/// The path of a block device a LUN exports: absolute, no `.` or `..` component, no white
/// space or control characters (it is written into configfs and sysfs as it is), at most
/// 4095 bytes. Whether it is a block device is a question for the host, at start.
public struct DevicePath: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init?(_ text: String) {
        guard Self.problem(text) == nil else { return nil }
        self.text = text
    }

    public var description: String { text }

    public static func problem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return "is not an absolute path" }
        guard bytes.count < 4096 else { return "is longer than 4095 bytes" }
        // By bytes (every LUN path is checked at each call); Unicode's white space only in other text.
        guard !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7f }),
              bytes.allSatisfy({ $0 < 0x80 }) || !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7f })
        else { return "has white space or control characters" }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        guard !bytes.split(separator: slash).contains(where: { $0.elementsEqual([dot]) || $0.elementsEqual([dot, dot]) })
        else { return "has a . or .. component" }
        // tgtd and LIO's control attribute split their parameter text at commas.
        guard !bytes.contains(UInt8(ascii: ",")) else { return "has a comma" }
        return nil
    }
}

extension DevicePath: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { text }
    public static var expectation: String { "an absolute device path without . or .. components, white space or commas" }
}
