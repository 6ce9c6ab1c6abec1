import Casework

/// The reason a step is refused in the case's state, in the words both front ends give it
/// (the CLI's exit 65, the API's 409): the state, the states the step needs and what the
/// state allows now.
public enum StepRefusalText {
    public static func notAllowed(number: String, step: CaseStep, state: CaseState, zh: Bool) -> String {
        let possible = CaseStep.allowed(in: state).map(\.rawValue)
        let need = step.allowedStates.sorted { $0.rawValue < $1.rawValue }
        if zh {
            let now = possible.isEmpty ? "已无可办理的步骤" : "现在可以：" + possible.joined(separator: ", ")
            return "\(number) 当前为\(state.zh)（\(state.rawValue)）；\(step.rawValue) 须在\(need.map(\.zh).joined(separator: "或"))时办理；\(now)"
        }
        let now = possible.isEmpty ? "nothing more can be done" : "allowed now: " + possible.joined(separator: ", ")
        return "\(number) is \(state.rawValue) (\(state.zh)); \(step.rawValue) needs \(need.map(\.rawValue).joined(separator: " or ")); \(now)"
    }
}
