/// What a registrar submits for a new suggestion (提交), checked before anything is written.
public struct Registration: Sendable, Equatable {
    public var title: String
    public var body: String
    public var deputy: String
    public var cosigners: [String]
    public var session: SessionCode?
    public var channel: Channel
    public var station: String?
    public var category: String
    public var submittedOn: Day
    /// The deputy's consent to publish the reply (`--publish yes|no`, the import's `publish`
    /// column); nil when not said, which publishes nothing (Publication.swift).
    public var publish: Bool?

    public static let titleLimit = 200
    public static let defaultCategory = "其他"

    /// A title as a suggestion may have one: not blank, at most `titleLimit` characters. Also
    /// what a title searched for (`similar`) must be: longer text is no title to compare, and
    /// its cost in the search grows with its length.
    public static func title(_ text: String) throws -> String {
        let title = try Text.required(text, field: .title)
        guard title.count <= titleLimit else {
            throw RegistrationError.titleTooLong(count: title.count, limit: titleLimit)
        }
        return title
    }

    /// Validates the values that can be checked without the database; the store checks the
    /// codes (deputy, co-signers, session) against what exists.
    public init(
        title: String, body: String = "", deputy: String, cosigners: [String] = [],
        session: SessionCode?, channel: Channel? = nil, station: String? = nil,
        category: String? = nil, submittedOn: Day, publish: Bool? = nil
    ) throws {
        let title = try Self.title(title)
        _ = try Text.optional(body, field: .body)  // kept as written, but not blank
        let deputy = deputy.trimmingWhitespace()
        guard !deputy.isEmpty else { throw RegistrationError.noDeputy }
        let channel = channel ?? (session == nil ? .recess : .session)
        if channel == .session, session == nil {
            throw RegistrationError.sessionMissing
        }
        if channel != .session, let session {
            throw RegistrationError.sessionOutsideSession(channel: channel, session: session)
        }
        let station = try Text.optional(station, field: .station)
        var seen = Set<String>()
        let cosigners = cosigners.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        for cosigner in cosigners {
            if cosigner == deputy {
                throw RegistrationError.cosignerIsLead(cosigner)
            }
            if !seen.insert(cosigner).inserted {
                throw RegistrationError.cosignerRepeated(cosigner)
            }
        }
        let category = try Text.optional(category, field: .category) ?? ""
        self.title = title
        self.body = body
        self.deputy = deputy
        self.cosigners = cosigners
        self.session = session
        self.channel = channel
        self.station = station
        self.category = category.isEmpty ? Self.defaultCategory : category
        self.submittedOn = submittedOn
        self.publish = publish
    }

    public var series: NumberSeries {
        if let session { return .session(session) }
        return .recess(year: submittedOn.year)
    }
}

extension StringProtocol {
    public func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
