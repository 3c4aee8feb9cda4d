import Glibc

/// An OCF agent: its declaration, how one invocation is prepared, and one handler per
/// action. `run` is the whole program: dispatch on argv[1], parameter validation, logging,
/// exit reasons.
///
/// `prepare` builds the agent's own view of the invocation (its tools, a netlink socket, the
/// resolved configuration) once; the host check and the action's handler both get that value.
public struct Agent<Prepared>: Sendable {
    /// Builds what the host check and the handler work with; throws `OCFFailure` when it cannot.
    public typealias Prepare = @Sendable (AgentContext) throws -> Prepared
    /// Performs one action; throws `OCFFailure` for a failure with a reason.
    public typealias Handler = @Sendable (Prepared) throws -> OCFExitCode
    /// Checks what only this host can tell (binaries, devices, interfaces).
    public typealias HostCheck = @Sendable (Prepared) throws -> Void

    public let declaration: AgentDeclaration
    public let prepare: Prepare
    public let handlers: [ActionName: Handler]
    /// Run by validate-all (after the parameter checks) and before each action in `hostCheckedActions`.
    public let hostCheck: HostCheck?
    public let hostCheckedActions: Set<ActionName>

    public init(declaration: AgentDeclaration, prepare: @escaping Prepare, handlers: [ActionName: Handler],
                hostCheck: HostCheck? = nil, hostCheckedActions: Set<ActionName> = [.start]) {
        self.declaration = declaration
        self.prepare = prepare
        self.handlers = handlers
        self.hostCheck = hostCheck
        self.hostCheckedActions = hostCheckedActions
    }

    /// Runs the action named by `arguments[1]` and returns the exit code for `main`.
    ///
    /// The environment is read only for actions that need it (not meta-data or usage).
    public func run(arguments: [String] = CommandLine.arguments,
                    environment variables: @autoclosure () -> [String: String] = EnvironmentSnapshot.current(),
                    started: MonotonicInstant = .now(),
                    output: some AgentOutput = StandardStreams()) -> Int32 {
        #if DEBUG
        let problems = declaration.declarationProblems(handled: Set(handlers.keys))
        precondition(problems.isEmpty, "agent declaration is unsound: \(problems)")
        #endif
        guard arguments.count >= 2 else {
            output.writeStderr(UsageRenderer.render(declaration))
            return OCFExitCode.invalidArgument.rawValue
        }
        let word = arguments[1]
        switch word {
        case "usage", "help", "--help", "-h":
            output.writeStdout(UsageRenderer.render(declaration))
            return OCFExitCode.success.rawValue
        case ActionName.metaData.rawValue:
            output.writeStdout(MetadataRenderer.render(declaration))
            return OCFExitCode.success.rawValue
        case "--man-page":  // for `make install`; dashes keep it apart from OCF action names
            output.writeStdout(ManPageRenderer.render(declaration))
            return OCFExitCode.success.rawValue
        default:
            break
        }
        guard let action = ActionName(rawValue: word), action == .validateAll || handlers[action] != nil else {
            output.writeStderr(UsageRenderer.render(declaration))
            return OCFExitCode.unimplemented.rawValue
        }
        let environment = OCFEnvironment(variables())
        let logger = Logger.open(tag: "\(declaration.name)(\(environment.resourceInstance))",
                                 settings: environment.logSettings)
        defer { logger.close() }
        let code = perform(action, environment: environment, logger: logger, started: started, output: output)
        logger.debug("\(action.rawValue) : \(code.rawValue) (\(code))")
        return code.rawValue
    }

    private func perform(_ action: ActionName, environment: OCFEnvironment, logger: Logger,
                         started: MonotonicInstant, output: some AgentOutput) -> OCFExitCode {
        let timeout = environment.meta.timeoutMilliseconds
            ?? declaration.defaultTimeoutSeconds(for: action).map { $0 * 1000 } ?? 20_000
        let budget = OperationBudget(timeoutMilliseconds: timeout, started: started)
        let (values, problems, fallbacks) = ParameterValues.parse(declaration, from: environment)
        let context = AgentContext(declaration: declaration, action: action, environment: environment,
                                   parameters: values, logger: logger, budget: budget,
                                   runner: CommandRunner(budget: budget, endsOrphans: true))
        func fail(_ failure: OCFFailure) -> OCFExitCode {
            output.writeStderr(environment.exitReasonPrefix + failure.reason + "\n")
            logger.error(failure.reason)
            return failure.code
        }
        // Actions on what already runs need only the parameters that find it: another invalid
        // one must not hide a running resource from a probe, leave it behind on stop, or turn
        // a failover's promote (or a reload) into a fatal 6. It is read as its default, with a
        // warning. Start and validate-all, where a new configuration comes in, refuse it.
        let blocking = action.actsOnARunningResource ? problems.filter(\.identifiesResource) : problems
        if let problem = blocking.first {
            return configurationFailure(problem, context: context, fail: fail)
        }
        // Said at start, validate-all and in probes; a recurring monitor would repeat it every few seconds.
        let adviceLevel: LogLevel = action == .monitor && !context.isProbe ? .debug : .warning
        for problem in problems {
            logger.log(adviceLevel, "\(problem); the default of \(problem.parameterName) applies for \(action.rawValue)")
        }
        for fallback in fallbacks { logger.log(adviceLevel, fallback) }
        let adviseConfiguration = action == .start || action == .validateAll
        for name in ParameterValues.unknownNames(declaration, in: environment) {
            logger.log(adviseConfiguration ? .warning : .debug, "unknown parameter \(name) is ignored")
        }
        for spec in declaration.parameters where spec.deprecation != nil && environment.parameterText(spec.name) != nil {
            logger.log(adviseConfiguration ? .warning : .debug,
                       "parameter \(spec.name) is deprecated: \(spec.deprecation ?? "")")
        }
        do {
            let checksHost = hostCheck != nil && (action == .validateAll || hostCheckedActions.contains(action))
            guard checksHost || handlers[action] != nil else { return .success }  // validate-all without either
            let prepared = try prepare(context)
            if checksHost, let hostCheck { try hostCheck(prepared) }
            guard let handler = handlers[action] else { return .success }
            return try handler(prepared)
        } catch {
            let failure = Self.failure(for: error, in: context)
            if context.isProbe && failure.code == .notRunning {
                logger.warning(failure.reason)  // an expected answer: no exit reason, no error
                return .notRunning
            }
            return fail(failure)
        }
    }

    /// The failure an action reports for `error`. Monitor follows the OCF rules here for
    /// every agent: a probe on a host without what the resource needs says "not running" (7),
    /// which is true, where 5 or 6 would make Pacemaker refuse the node or the resource
    /// everywhere; a recurring monitor never returns 6 (fatal: the resource would stop on every node).
    static func failure(for error: any Error, in context: AgentContext) -> OCFFailure {
        var failure: OCFFailure
        var missingPrerequisite = error is any MissingPrerequisite
        switch error {
        case let known as OCFFailure:
            failure = known
            missingPrerequisite = missingPrerequisite || [.notInstalled, .notConfigured].contains(known.code)
        case CommandError.notFound(let name):
            failure = OCFFailure(.notInstalled, "Setup problem: couldn't find command: \(name)")
            missingPrerequisite = true
        default:
            failure = OCFFailure(.genericError, String(describing: error))
        }
        guard context.action == .monitor || context.action == .status else { return failure }
        if context.isProbe && missingPrerequisite {
            return OCFFailure(.notRunning, "probe: \(failure.reason); reporting not running")
        }
        if failure.code == .notConfigured { return OCFFailure(.genericError, failure.reason) }
        return failure
    }


    /// Invalid parameters: 6 in general, but a monitor never returns 6 (a probe says
    /// "not running", a recurring monitor fails softly) and stop succeeds, since nothing
    /// can have been started from a configuration that never validated.
    private func configurationFailure(_ problem: ParameterProblem, context: AgentContext,
                                      fail: (OCFFailure) -> OCFExitCode) -> OCFExitCode {
        switch context.action {
        case .monitor where context.isProbe:
            context.logger.warning("probe: \(problem); reporting not running")
            return .notRunning
        case .monitor, .status:
            return fail(OCFFailure(.genericError, problem.description))
        case .stop:
            context.logger.error("stop: \(problem); nothing can be running with this configuration")
            return .success
        default:
            return fail(OCFFailure(.notConfigured, problem.description))
        }
    }
}

extension Agent where Prepared == AgentContext {
    /// An agent whose handlers work on the context itself.
    public init(declaration: AgentDeclaration, handlers: [ActionName: Handler],
                hostCheck: HostCheck? = nil, hostCheckedActions: Set<ActionName> = [.start]) {
        self.init(declaration: declaration, prepare: { $0 }, handlers: handlers, hostCheck: hostCheck,
                  hostCheckedActions: hostCheckedActions)
    }
}

extension ActionName {
    /// An action on a resource that already runs (or is being taken down): it needs only the
    /// parameters that find the resource.
    public var actsOnARunningResource: Bool {
        [.monitor, .status, .stop, .promote, .demote, .notify, .reloadAgent].contains(self)
    }
}
