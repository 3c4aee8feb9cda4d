/// Reads the complete output of `drbdsetup events2 --now [--statistics] [--timestamps] [RES]`:
/// `exists` lines for every object, ended by `exists -`.
///
/// Works for DRBD 9 and for DRBD 8.4 driven by drbd-utils 9, which reports the single
/// 8.4 peer as `peer-node-id:0 conn-name:peer`.
public enum DRBDEvents2Reader {
    /// Parses the output into one state per resource, in output order.
    ///
    /// - Parameter text: the whole output.
    /// - Returns: the resources (empty when DRBD has none configured: just `exists -`).
    /// - Throws: `DRBDStateError` — `.emptyInput` for no output, `.truncated` without the final
    ///   `exists -`, `.malformedLine`/`.unknownValue`/… naming the line otherwise.
    public static func parse(_ text: String) throws(DRBDStateError) -> [DRBDResource] {
        var state = DRBDEventsState()
        var sawLine = false
        var number = 0
        for text in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            guard let line = try DRBDEventsLine.parse(text, number: number) else { continue }
            sawLine = true
            guard !state.initialStateComplete else {
                throw .malformedLine(.events2, line: number, text: String(text), reason: "output after 'exists -'")
            }
            guard line.action == .exists else {
                throw .malformedLine(.events2, line: number, text: String(text),
                                     reason: "expected 'exists' (events2 --now)")
            }
            _ = try state.apply(line)
        }
        guard sawLine else { throw .emptyInput(.events2) }
        guard state.initialStateComplete else { throw .truncated(.events2, reason: "no final 'exists -' line") }
        return state.resources
    }

    /// Parses the output and picks one resource; one DRBD does not know is reported unconfigured.
    ///
    /// - Parameters:
    ///   - name: the resource the agent manages.
    ///   - text: the whole output of `drbdsetup events2 --now <name>`.
    /// - Returns: its state, or `DRBDResource.unconfigured(named:)` when absent.
    /// - Throws: `DRBDStateError` as `parse(_:)`.
    public static func resource(named name: String, from text: String) throws(DRBDStateError) -> DRBDResource {
        try parse(text).first { $0.name == name } ?? .unconfigured(named: name)
    }
}
