import Casework
import Postgres

extension Store {
    /// The signed-in account of the browser session `token` sets its own password (the pages'
    /// 修改密码; connected as jianyi_web). `current` must be its password now, checked like a
    /// sign-in (`AccountError.signInFailed` otherwise); `new` is checked as `account add`
    /// checks one. Every other token of the account ends; `token` stays signed in.
    public func changeOwnPassword(_ congress: Congress, login: String, session token: String, current: String, new: String) throws {
        try Account.checkPassword(new)
        _ = try signIn(congress, login: login, password: current)
        let hash = PasswordHashing.hash(new)
        let changed = try connection.query("SELECT jianyi_change_own_password(\(token), \(hash)) AS changed").rows[0]
        guard try changed.decode(Bool.self, "changed") else { throw AccountError.signInFailed }
    }
}
