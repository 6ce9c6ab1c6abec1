import Casework

extension Store {
    /// Whether `unit` has an enabled signer account: its staff then draft replies for signing
    /// (the pages offer a draft form instead of a reply form).
    public func unitHasSigner(_ congress: Congress, unit: String) throws -> Bool {
        try unitSigns(congress, unit: unit)
    }
}
