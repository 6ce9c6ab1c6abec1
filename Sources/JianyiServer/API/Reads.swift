import Hummingbird

/// The read routes of `/api/v1`, each one transaction as the signed-in account.
struct Reads {
    let site: Site

    func addRoutes(to group: RouterGroup<WebContext>) {
        let cases = CaseReads(site: site), reports = Reports(site: site)
        group.get("cases", use: cases.list)
        group.get("cases/:number", use: cases.show)
        group.get("me/obligations", use: reports.obligations)
        group.get("overdue/runs", use: reports.overdueRuns)
        group.get("satisfaction", use: reports.satisfaction)
    }
}
