import Glibc
import TandemCore

// tandem-status [FILE]: crm_mon XML (`crm_mon -1 --output-as=xml`, from FILE or stdin)
// shown as a short readable table, through Tandem's own parser. Used by `make demo`.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "-h" || arguments.first == "--help" || arguments.count > 1 {
    print("usage: crm_mon -1 --output-as=xml | tandem-status    (or: tandem-status FILE)")
    exit(arguments.count > 1 ? 2 : 0)
}
do {
    let status = try arguments.first.map { try CrmMonParser.parse(file: $0) }
        ?? CrmMonParser.parse(bytes: StandardInput.readAll())
    print(StatusTable(status).render(), terminator: "")
    exit(status.isConnected ? 0 : 1)
} catch {
    let message = Array("tandem-status: \(error)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}
