import CaseStore
import Casework
import Foundation
import HTTPTypes
import Hummingbird

/// What the layout shows around every page: the title, who is signed in with their navigation
/// and CSRF token, and the page's own values (`page`, read by each page's template).
struct PageFrame {
    struct User {
        let login: String
        let party: String
        let csrf: String
        let nav: [NavItem]
    }

    struct NavItem {
        let href: String
        let label: String
        let current: Bool
    }

    let title: String
    let site: String
    let congress: String
    let today: String
    let user: User?
    let page: Any?

    /// The navigation of each party; `current` marks the page shown.
    static func nav(for party: Party, current: String) -> [NavItem] {
        let items: [(String, String)] = switch party {
        case .deputy: [("/", "我的建议"), ("/submit", "提交建议"), ("/password", "修改密码")]
        case .unit: [("/", "待办"), ("/drafts", "待签发"), ("/figures", "本单位统计"), ("/password", "修改密码")]
        case .secretariat: SecretariatPages.nav
        }
        return items.map { NavItem(href: $0.0, label: $0.1, current: $0.0 == current) }
    }
}

extension Site {
    /// The page `template` titled `title`, with `page` as its values, for the signed-in account
    /// (if any) of `context`; `path` marks the navigation's current item.
    func page(_ template: String, title: String, page: Any?, context: WebContext, path: String = "",
              status: HTTPResponse.Status = .ok) throws -> Response {
        let user = context.account.flatMap { account in
            context.csrf.map { csrf in
                PageFrame.User(login: account.login, party: account.party.zh, csrf: csrf,
                               nav: PageFrame.nav(for: account.party, current: path))
            }
        }
        let frame = PageFrame(title: title, site: "\(congress.name) 代表建议办理", congress: congress.name,
                              today: (try? today().description) ?? "", user: user, page: page)
        let html = try PageTemplates.render(template, frame)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

/// 303 See Other to `location`: where a form that worked sends the browser (so that reloading
/// does not post it again).
func seeOther(_ location: String, headers: HTTPFields = [:]) -> Response {
    var headers = headers
    headers[.location] = location
    headers[.cacheControl] = "no-store"
    return Response(status: .seeOther, headers: headers)
}
