import CLibPQ

/// The statements a long-lived connection keeps prepared, by their SQL text and parameter types.
///
/// A web request repeats the same few statements; sent unprepared, each one is parsed, analysed
/// (row policies and all) and planned again every time. Prepared once per connection, a repeat
/// is a bind and an execute. Kept are the statements with parameters (the ones the use cases
/// write) and the fixed statements the program repeats (`PostgresQuery.isFixed`: BEGIN,
/// COMMIT), never other text without parameters (`SAVEPOINT jianyi_sp_7` varies), at most
/// `capacity` of them: past that a statement simply runs unprepared, so a connection's memory
/// on the server stays bounded whatever SQL it is given.
struct PreparedStatements {
    struct Key: Hashable {
        let sql: String
        let types: [UInt32]
    }

    let capacity: Int
    private var names: [Key: String] = [:]
    private var counter = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The name `query` is prepared under, nil when it is not.
    func name(of query: PostgresQuery) -> String? {
        names[Key(query)]
    }

    /// Whether `query` should be prepared now: it has parameters or is fixed, and there is room.
    func accepts(_ query: PostgresQuery) -> Bool {
        (!query.binds.isEmpty || query.isFixed) && names.count < capacity
    }

    /// A fresh name for `query`, recorded once the server has prepared it (`remember`).
    mutating func newName() -> String {
        counter += 1
        return "jianyi_ps_\(counter)"
    }

    mutating func remember(_ query: PostgresQuery, as name: String) {
        names[Key(query)] = name
    }

    /// Forgets `query`'s statement (after the server refused to run it as prepared); its name
    /// is never reused, so a statement the server still holds under it cannot be confused.
    mutating func forget(_ query: PostgresQuery) {
        names[Key(query)] = nil
    }
}

extension PreparedStatements.Key {
    init(_ query: PostgresQuery) {
        self.init(sql: query.sql, types: query.binds.map(\.type))
    }
}
