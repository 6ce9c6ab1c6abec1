import ArgumentParser
import Casework
import Foundation
@testable import JianyiCLI
import Postgres
import Testing

/// Every path of `Exit`, the one mapping from errors to exit codes, including those no test
/// can provoke through the binary (a standby, a full disk on the server, a bug).
@Suite struct ExitMappingTests {
    private func server(_ state: String, _ message: String = "as the server says", table: String? = nil,
                        column: String? = nil, constraint: String? = nil, detail: String? = nil) -> PostgresError {
        PostgresError(kind: .server, sqlState: state, message: message, detail: detail, constraint: constraint,
                      table: table, column: column)
    }

    @Test func everyCategoryHasItsCode() throws {
        let expected: [PostgresError.Category: Int32] = [
            .dataRejected: 65, .conflict: 75, .busy: 75, .readOnly: 69, .connectionLost: 69, .refused: 69,
            .schemaMismatch: 78, .bug: 70,
        ]
        let samples: [PostgresError.Category: PostgresError] = [
            .dataRejected: server("22008"), .conflict: server("40001"), .busy: server("53300"), .readOnly: server("25006"),
            .connectionLost: server("57P01"), .refused: server("42501"), .schemaMismatch: server("42P01"), .bug: server("42601"),
        ]
        for category in PostgresError.Category.allCases {
            let error = try #require(samples[category])
            #expect(error.category == category)
            #expect(Exit(error).code == expected[category], "\(category)")
        }
    }

    @Test func constraintsAreSaidInWords() {
        #expect(Exit(server("23514", table: "calendar_year", constraint: "calendar_year_year_check")).message
                == "the database refused the data: the year of a row of calendar_year breaks the rule calendar_year_year_check")
        #expect(Exit(server("23514", table: "suggestion", constraint: "suggestion_check")).message
                == "the database refused the data: a row of suggestion breaks the rule suggestion_check")
        #expect(Exit(server("23502", table: "deputy", column: "name")).message
                == "the database refused the data: the name of a row of deputy is missing")
        #expect(Exit(server("23505", table: "deputy", detail: "Key (congress_id, code)=(1, D001) already exists.")).message
                == "the database refused the data: deputy already has a row like this one (Key (congress_id, code)=(1, D001) already exists.)")
        #expect(Exit(server("23503", table: "assignment", detail: "Key (unit_code)=(X) is not present\nin table \"unit\".")).message
                == "the database refused the data: a row of assignment refers to something that does not exist (Key (unit_code)=(X) is not present)")
        let nul = PostgresError(kind: .client, sqlState: SQLState.characterNotInRepertoire, message: "a COPY field contains a NUL byte")
        #expect(Exit(nul) == Exit(code: 65, message: "the database refused the data: a COPY field contains a NUL byte"))
    }

    @Test func conflictsSayHowOftenTheyWereTried() {
        var error = server("55P03", "canceling statement due to lock timeout")
        #expect(Exit(error).message == "the database gave up because of other work at the same time or a time limit (canceling statement due to lock timeout); it was rolled back: run the command again later")
        error.attempts = 3
        #expect(Exit(error).message.contains("(canceling statement due to lock timeout) on each of 3 attempts;"))
        #expect(Exit(server("53300", "sorry, too many clients already")).message.hasPrefix("the database is short of resources or time (sorry, too many clients already)"))
    }

    @Test func theDatabaseCannotServe() {
        #expect(Exit(server("25006", "cannot execute INSERT in a read-only transaction")).message.contains("accepts no changes (cannot execute INSERT in a read-only transaction): it is a standby"))
        let lost = PostgresError(kind: .connection, message: "FATAL:  terminating connection due to administrator command\nCONTEXT:  while locking tuple\nserver closed the connection unexpectedly")
        #expect(Exit(lost) == Exit(code: 69, message: "lost the connection to the database (terminating connection due to administrator command); what was not committed was rolled back"))
        #expect(Exit(server("42501", "permission denied for table deputy")).message == "the database refused to serve jianyi (permission denied for table deputy): ask its administrator")
        #expect(Exit(server("42P01", #"relation "congress" does not exist"#)).message.hasPrefix(#"the database is not one that `jianyi db migrate` built (relation "congress" does not exist)"#))
    }

    @Test func bugsAreSeventyAndSaySo() {
        let syntax = Exit(server("42601", "syntax error at or near \"SELEC\""))
        #expect(syntax.code == 70)
        #expect(syntax.message == "a bug in jianyi: syntax error at or near \"SELEC\" (SQLSTATE 42601); please report it")
        #expect(Exit(PostgresError(kind: .decoding, message: "column \"n\": cannot read \"x\" as Int")).code == 70)
        struct Unexpected: Error {}
        let unknown = Exit(Unexpected())
        #expect(unknown.code == 70)
        #expect(unknown.message.hasPrefix("a bug in jianyi: Unexpected"))
    }

    @Test func failuresKeepTheirKind() {
        let kinds: [(Failure.Kind, Int32)] = [(.badValue, 64), (.ruleBroken, 65), (.noInput, 66), (.unavailable, 69),
                                              (.cannotCreateOutput, 73), (.ioError, 74), (.tryLater, 75), (.configuration, 78)]
        for (kind, code) in kinds { #expect(Exit(Failure(kind, "why")) == Exit(code: code, message: "why")) }
        #expect(Exit(ValidationError("--limit: -1 is not positive")).code == 64)
    }

    /// Foundation's file errors come without a Failure: never exit 1.
    @Test func fileErrorsAreNeverOne() {
        let read = CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/tmp/missing.csv"])
        #expect(Exit(read).code == 66)
        #expect(Exit(read).message.hasPrefix("/tmp/missing.csv: "))
        #expect(Exit(CocoaError(.fileReadNoPermission)).code == 66)
        #expect(Exit(CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/etc/x"])).code == 73)
        #expect(Exit(CocoaError(.fileWriteVolumeReadOnly)).code == 73)
        #expect(Exit(CocoaError(.fileWriteOutOfSpace)).code == 74)
        #expect(Exit(CocoaError(.fileNoSuchFile)).code == 74)
        let posix = Exit(POSIXError(.ENOSPC))
        #expect(posix.code == 74)
        #expect(posix.message == String(cString: strerror(ENOSPC)))
        let underlying = CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: "/out/report.csv",
                                                                  NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EIO))])
        #expect(Exit(underlying) == Exit(code: 73, message: "/out/report.csv: \(String(cString: strerror(EIO)))"))
    }
}
