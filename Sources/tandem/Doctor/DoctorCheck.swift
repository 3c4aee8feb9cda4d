/// One group of related checks.
protocol DoctorCheck: Sendable {
    func findings(_ context: DoctorContext) -> [Finding]
}
