import Casework

/// A consent or a mark refused by the case's state (65).
extension PublicationError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .consentClosed(let number, let state):
            .ruleBroken(lang.say("\(number) 当前为\(state.zh)（\(state.rawValue)）；代表公开意愿只能在答复前（已提交、已立案、已交办）登记或更改",
                                 "\(number) is \(state.rawValue) (\(state.zh)); the deputy's consent is recorded or changed only before the reply (submitted, accepted, assigned)"))
        case .nothingToPublish(let number, let state):
            .ruleBroken(lang.say("\(number) 当前为\(state.zh)（\(state.rawValue)），没有自己的答复可以公开",
                                 "\(number) is \(state.rawValue) (\(state.zh)) and has no reply of its own to publish"))
        }
    }
}
