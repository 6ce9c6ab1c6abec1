import Casework
import Postgres

/// A `timestamptz` is selected as whole seconds since 1970 (`floor(extract(epoch FROM t))::bigint`):
/// a number means the same moment whatever the session's TimeZone and DateStyle, where its
/// text form (or `to_char`) shows the session's clock.
extension Instant: PostgresDecodable {
    public init?(postgresText: String) {
        guard let seconds = Int(postgresText) else { return nil }
        self.init(secondsSince1970: seconds)
    }
}
