/// A refusal of the domain, as values: what a front end words, flags and codes for its user.
/// Reading a file, a row that throws one is listed among the file's bad rows rather than
/// ending the import (`RowProblems.checking`).
public protocol DomainError: Error, Sendable {}

extension CaseError: DomainError {}
extension LookupError: DomainError {}
extension RegistrationError: DomainError {}
extension SetupError: DomainError {}
extension OverdueRunError: DomainError {}
extension AccountError: DomainError {}
extension AccessError: DomainError {}
