import CaseStore
import Casework
import Hummingbird

/// The secretariat's pages (issue 14): 概况 at `/`, 审查, 交办 (one case or several), 调整交办
/// requests, 重点建议, 满意度 and unit scores, 账户. Each runs the API's own steps
/// (`Steps.perform`) or the CLI's own store functions, in one transaction as the signed-in
/// account under the row policies; another party gets the same 403 the API gives it.
enum SecretariatPages {
    static func addRoutes(to signedIn: RouterGroup<WebContext>, site: Site) {
        signedIn.get("cases") { try await CaseListPage.show(site: site, $0, context: $1) }
        signedIn.get("review") { try await ReviewPage.show(site: site, $0, context: $1) }
        signedIn.post("review/:number") { try await ReviewPage.post(site: site, $0, context: $1) }
        signedIn.get("assign") { try await AssignPage.show(site: site, $0, context: $1) }
        signedIn.post("assign") { try await AssignPage.post(site: site, $0, context: $1) }
        signedIn.get("transfers") { try await TransferPage.show(site: site, $0, context: $1) }
        signedIn.post("transfers/:number") { try await TransferPage.post(site: site, $0, context: $1) }
        signedIn.get("key") { try await KeyCasesPage.show(site: site, $0, context: $1) }
        signedIn.post("key") { try await KeyCasesPage.post(site: site, $0, context: $1) }
        signedIn.get("satisfaction") { try await SatisfactionPage.show(site: site, $0, context: $1) }
        signedIn.get("accounts") { try await AccountsPage.show(site: site, $0, context: $1) }
        signedIn.post("accounts") { try await AccountsPage.add(site: site, $0, context: $1) }
        signedIn.post("accounts/:login/disable") { try await AccountsPage.disable(site: site, $0, context: $1) }
        signedIn.post("accounts/:login/password") { try await AccountsPage.resetPassword(site: site, $0, context: $1) }
    }

    /// The secretariat's navigation, after 概况.
    static let nav: [(String, String)] = [
        ("/", "概况"), ("/review", "审查"), ("/assign", "交办"), ("/transfers", "调整交办"), ("/key", "重点建议"),
        ("/satisfaction", "满意度"), ("/cases", "全部建议"), ("/accounts", "账户"), ("/password", "修改密码"),
    ]

    /// 403 for a deputy or a unit, before anything is read: the words of the API's own refusal
    /// of a secretariat's report.
    static func requireSecretariat(_ context: WebContext) throws {
        guard let account = context.account else { throw ServiceError.noSession }
        guard case .secretariat = account.party else {
            throw ErrorTable.forbidden(zh: "只有代表工作机构可以使用此页", en: "only the secretariat uses this page")
        }
    }

    /// A case-number path parameter, refused (404, as an unknown case) unless it could be one.
    static func number(_ context: WebContext) throws -> String {
        let number = try context.parameters.require("number")
        guard CaseNumberText.plausible(number) else { throw ErrorTable.notFound(zh: "没有这件建议", en: "no such case") }
        return number
    }

    /// `?done=WORD`, said once a form worked; nil for a word not in `notices`.
    static func notice(_ request: Request, _ notices: [String: String]) -> String? {
        request.uri.queryParameters["done"].flatMap { notices[String($0)] }
    }

    /// The congress's units as choices, by name.
    static func unitChoices(_ units: [HandlingUnit]) -> [(value: String, text: String)] {
        units.map { (value: $0.code, text: $0.name) }
    }
}
