import Testing
@testable import TandemCore

@Suite struct OperationBudgetTests {
    @Test func reserveIsTenPercentWithinBounds() {
        #expect(OperationBudget(timeoutMilliseconds: 20_000).reserveMilliseconds == 2_000)
        #expect(OperationBudget(timeoutMilliseconds: 60_000).reserveMilliseconds == 2_000)
        #expect(OperationBudget(timeoutMilliseconds: 5_000).reserveMilliseconds == 500)
        #expect(OperationBudget(timeoutMilliseconds: 1_000).reserveMilliseconds == 200)
        #expect(OperationBudget(timeoutMilliseconds: 200).reserveMilliseconds == 100, "never more than half")
    }

    @Test func remainingTimeCountsFromTheStart() {
        let start = MonotonicInstant(nanoseconds: 1_000_000_000_000)
        let budget = OperationBudget(timeoutMilliseconds: 20_000, started: start)
        #expect(budget.remainingMilliseconds(now: start) == 18_000)
        #expect(budget.remainingMilliseconds(now: start.adding(milliseconds: 17_000)) == 1_000)
        #expect(budget.remainingMilliseconds(now: start.adding(milliseconds: 19_000)) == 0)
        #expect(budget.isExhausted(now: start.adding(milliseconds: 18_000)))
        #expect(budget.deadline(cappedAt: 500, now: start) == start.adding(milliseconds: 500))
        #expect(budget.deadline(cappedAt: 50_000, now: start) == budget.deadline)
        #expect(budget.deadline(cappedAt: nil, now: start) == budget.deadline)
    }
}
