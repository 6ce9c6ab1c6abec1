extension StepPlan {
    /// 办结: the case is done and owes nothing more. Transfer windows are left to run out:
    /// they were never owed, only allowed.
    mutating func close() {
        next = .closed
        cancel(note: "case closed") { $0.kind != .transferWindow }
    }
}
