/// Something named that the congress (or the database) does not have, as values: the front
/// end says which of its inputs named it.
public enum LookupError: Error, Equatable, Sendable {
    case noSuchCase(number: String, congress: String)
    /// `known` are the congresses there are, in code order.
    case noSuchCongress(code: String, known: [String])
    /// No congress was named and there is none.
    case noCongressYet
    /// No congress was named and there are several to choose from.
    case severalCongresses(known: [String])
    /// A deputy named as the suggestion's lead deputy or as a co-signer.
    case unknownDeputy(String, role: DeputyRole, congress: String)
    case unknownSession(String, congress: String)

    public enum DeputyRole: Sendable, Equatable {
        case lead, cosigner
    }
}
