import CLibXML2
import CTandem
import Glibc
import TandemCore

/// `tandem-bench crm-mon [--nodes N] [--resources N] [--rounds N]`: the crm_mon XML parser
/// against the floor, a bare libxml2 xmlTextReader pass over the same bytes that touches
/// every node, name and attribute value. Target: ours ≤ 2× the floor.
enum CrmMonBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        var nodes = 32, resources = 4000, rounds = 15
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch (arguments[index], value) {
            case ("--nodes", let number?): nodes = max(1, number)
            case ("--resources", let number?): resources = max(1, number)
            case ("--rounds", let number?): rounds = max(1, number)
            default:
                print("usage: tandem-bench crm-mon [--nodes N] [--resources N] [--rounds N]")
                return 2
            }
            index += 2
        }

        var generator = CrmMonDocumentGenerator(nodes: nodes, resources: resources)
        let document = generator.generate()
        guard let path = writeTemporaryFile(document) else {
            print("cannot write the generated document to /tmp: \(Errno.describe(Errno.current))")
            return 1
        }
        defer { unlink(path) }

        // Sanity: the model must hold what was generated before its speed means anything.
        let status: ClusterStatus
        do { status = try CrmMonParser.parse(file: path) } catch {
            print("generated document does not parse: \(error)")
            return 1
        }
        let primitiveCount = status.resources.reduce(0) { $0 + $1.primitives.count }
        let operationCount = status.nodeHistory.reduce(0) { $0 + $1.resources.reduce(0) { $0 + $1.operations.count } }
        guard status.nodes.count == nodes, primitiveCount == resources else {
            print("generated document parsed wrongly: \(status.nodes.count) nodes, \(primitiveCount) primitives")
            return 1
        }

        var floorElements = 0
        let floor = document.withUnsafeBytes { buffer in
            BenchmarkTimer.measure(rounds: rounds) { floorElements = libxml2Pass(buffer) }
        }
        let ours = document.withUnsafeBytes { buffer in
            BenchmarkTimer.measure(rounds: rounds) { _ = try? CrmMonParser.parse(unsafeBuffer: buffer) }
        }
        let fromFile = BenchmarkTimer.measure(rounds: rounds) { _ = try? CrmMonParser.parse(file: path) }

        print("crm_mon XML: \(nodes) nodes × \(resources) resources, \(formatted(Double(document.count) / 1_048_576)) MiB, "
              + "\(floorElements) elements, \(operationCount) operations; \(rounds) rounds (+1 warm-up)")
        print("")
        print(padded("approach", 34) + padded("min ms", 10, left: true) + padded("median ms", 12, left: true)
              + padded("× floor (median)", 19, left: true))
        print(String(repeating: "-", count: 75))
        for (label, timer) in [("libxml2 xmlTextReader pass (floor)", floor),
                               ("CrmMonParser.parse, memory", ours),
                               ("CrmMonParser.parse(file:)", fromFile)] {
            print(padded(label, 34) + padded(formatted(timer.minimum), 10, left: true)
                  + padded(formatted(timer.median), 12, left: true)
                  + padded(formatted(timer.median / max(floor.median, 0.000_001)) + "×", 19, left: true))
        }
        let ratio = ours.median / max(floor.median, 0.000_001)
        print("")
        print("target ≤ 2.00× the floor: " + (ratio <= 2 ? "met" : "NOT met") + " (\(formatted(ratio))×)")
        return 0
    }

    /// The floor: read every node; for elements the name and every attribute's name and value.
    /// A checksum over the bytes keeps the optimiser from dropping the calls.
    static func libxml2Pass(_ buffer: UnsafeRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue
                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        let reader = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            ctandem_xmlReaderForMemory($0, Int32(buffer.count), options)
        }
        guard let reader else { return 0 }
        defer { ctandem_xmlFreeTextReader(reader) }
        var elements = 0
        var checksum: UInt8 = 0
        while ctandem_xmlTextReaderRead(reader) == 1 {
            guard ctandem_xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
            elements += 1
            if let name = ctandem_xmlTextReaderConstLocalName(reader) { checksum &+= name[0] }
            while ctandem_xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if let name = ctandem_xmlTextReaderConstLocalName(reader) { checksum &+= name[0] }
                if let value = ctandem_xmlTextReaderConstValue(reader) { checksum &+= value[0] }
            }
        }
        return elements + Int(checksum & 0)
    }

    static func writeTemporaryFile(_ bytes: [UInt8]) -> String? {
        var template = Array("/tmp/tandem-bench-crm_mon-XXXXXX.xml".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemps($0, 4) } ?? -1 }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { write(fd, $0 + offset, buffer.count - offset) } ?? -1
            }
            if written < 0 && Errno.current == EINTR { continue }
            guard written > 0 else { unlink(path); return nil }
            offset += written
        }
        return path
    }
}
