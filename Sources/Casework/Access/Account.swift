/// A sign-in for one party of one congress. Several accounts may act as the same unit.
public struct Account: Sendable, Hashable {
    public let login: String
    /// The congress's code.
    public let congress: String
    public let party: Party
    public let disabled: Bool
    /// 签发: a unit account that signs its unit's replies (drafted by the unit's other
    /// accounts). Only a unit's account has it; acting sets it from the account row.
    public let signer: Bool

    public init(login: String, congress: String, party: Party, disabled: Bool = false, signer: Bool = false) {
        self.login = login
        self.congress = congress
        self.party = party
        self.disabled = disabled
        self.signer = signer
    }

    /// The same account with the signer right as the database records it.
    public func signing(_ signer: Bool) -> Account {
        Account(login: login, congress: congress, party: party, disabled: disabled, signer: signer)
    }

    /// The shortest password an account may have.
    public static let minimumPasswordLength = 10
    /// The longest: bcrypt reads only the first 72 bytes, so a longer one would be partly ignored.
    public static let maximumPasswordBytes = 72

    /// Refuses a login outside 1–64 of A–Z, a–z, 0–9 and `_ . @ -` (what the database allows).
    public static func checkLogin(_ login: String) throws(AccountError) {
        let allowed = login.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || [UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: "-")].contains(byte)
        }
        guard allowed, (1...64).contains(login.utf8.count) else { throw .badLogin(login) }
    }

    /// Refuses a password shorter than the minimum (in characters), longer than bcrypt reads,
    /// or holding a line break or NUL (it is read as one line, and C strings end at NUL).
    public static func checkPassword(_ password: String) throws(AccountError) {
        guard password.count >= minimumPasswordLength else { throw .passwordTooShort(minimum: minimumPasswordLength) }
        guard password.utf8.count <= maximumPasswordBytes else { throw .passwordTooLong(maximumBytes: maximumPasswordBytes) }
        guard !password.utf8.contains(where: { $0 == 0 || $0 == 0x0A || $0 == 0x0D }) else { throw .passwordControl }
    }
}

/// Why an account cannot be added, changed or used. None of them quotes a password.
public enum AccountError: Error, Equatable, Sendable {
    case badLogin(String)
    case passwordTooShort(minimum: Int)
    case passwordTooLong(maximumBytes: Int)
    case passwordControl
    /// `--role unit` without `--unit`, `--role secretariat` with one, and the like.
    case codeDoesNotFitRole(PartyRole)
    case loginTaken(login: String, congress: String)
    case noSuchAccount(login: String, congress: String)
    case unknownUnit(String, congress: String)
    case unknownDeputy(String, congress: String)
    /// Sign-in failed: unknown login, wrong password or a disabled account, said alike.
    case signInFailed
    /// `--signer` with `--role deputy` or `--role secretariat`.
    case signerNeedsUnitRole(PartyRole)
    /// The signer right given to an existing deputy's or secretariat's account.
    case signerNotUnit(login: String, role: PartyRole)
}
