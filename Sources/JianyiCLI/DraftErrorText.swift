import Casework
import Presentation

/// Draft refusals (the web service's 403/404/409/422): the CLI takes no draft step and never
/// meets them, but every domain refusal has its words and exit code here too.
extension ReplyDraftError: BilingualRefusal {
    func worded(_ lang: Language, day: String) -> Failure {
        .ruleBroken(message(zh: lang == .zh, day: day, note: "--comment"))
    }
}
