import Foundation

/// A configfs or sysfs tree captured from the lab's real kernel (lab/capture-lio-fixtures,
/// lab/capture-scst-fixtures: a JSON list of directories, links with the target the kernel
/// reported, and attributes with their text), rebuilt in a temporary directory: a stand-in for
/// configfs and SCST's sysfs, which the host kernel lacks, holding only captured output.
public struct CapturedTree {
    /// The rebuilt tree's root: `…/TOP` (the relative links count the levels up to the
    /// tree's parent, so the root keeps its kernel name: `target`, `scst_tgt`).
    public let root: String
    private let base: URL

    public struct BadCapture: Error, CustomStringConvertible {
        public let description: String
    }

    /// Rebuilds `Tests/Fixtures/FOLDER/NAME.json` under a new temporary directory.
    public init(_ name: String, folder: String, top: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: FixturePaths.project("\(folder)/\(name).json")))
        guard let entries = try JSONSerialization.jsonObject(with: data) as? [[String: String]] else {
            throw BadCapture(description: "\(folder)/\(name).json is not a list of entries")
        }
        base = FileManager.default.temporaryDirectory.appendingPathComponent("\(folder)-\(name)-\(getpid())-\(UUID().uuidString)")
        let rootURL = base.appendingPathComponent(top)
        root = rootURL.path
        for entry in entries {
            guard let relative = entry["path"] else { throw BadCapture(description: "an entry without a path") }
            let path = rootURL.appendingPathComponent(relative)
            switch entry["kind"] {
            case "directory":
                try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            case "link":
                guard let target = entry["target"] else { throw BadCapture(description: "link \(relative) without a target") }
                try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: target)
            default:
                try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((entry["text"] ?? "").utf8).write(to: path)
            }
        }
    }

    /// LIO's tree (`Tests/Fixtures/lio-lab/NAME.json`), rooted at `…/target`.
    public static func lio(_ name: String) throws -> CapturedTree { try CapturedTree(name, folder: "lio-lab", top: "target") }

    /// SCST's tree (`Tests/Fixtures/scst-lab/NAME.json`), rooted at `…/scst_tgt`.
    public static func scst(_ name: String) throws -> CapturedTree { try CapturedTree(name, folder: "scst-lab", top: "scst_tgt") }

    public func remove() { try? FileManager.default.removeItem(at: base) }
}
