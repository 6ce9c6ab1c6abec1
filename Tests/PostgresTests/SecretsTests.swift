import Postgres
import Testing

/// Every shape in which a connection string carries a password, as libpq and argument
/// parsers quote them: the password goes, the rest of the message stays readable.
@Suite("Passwords are redacted from messages")
struct SecretsTests {
    @Test("a URI's user:password@ loses the password and keeps the user", arguments: [
        ("postgresql://u:secret@/db?bogus=1", "postgresql://u:***@/db?bogus=1"),
        (#"end of string reached when looking for matching "]" in IPv6 host address in URI: "postgresql://u:secret@[bad""#,
         #"end of string reached when looking for matching "]" in IPv6 host address in URI: "postgresql://u:***@[bad""#),
        ("postgres://jianyi:p4ss:w0rd;x@db.example:5432/jianyi", "postgres://jianyi:***@db.example:5432/jianyi"),
        ("POSTGRESQL://u:Secret@host", "POSTGRESQL://u:***@host"),
        ("postgresql://u:@host", "postgresql://u:***@host"),
    ])
    func uriUserInfo(text: String, expected: String) {
        #expect(Secrets.redacted(text) == expected)
    }

    @Test("a URI's password parameter is redacted up to the next parameter", arguments: [
        ("postgresql:///db?password=secret&sslmode=require", "postgresql:///db?password=***&sslmode=require"),
        ("postgresql:///db?sslmode=require&Password=secret", "postgresql:///db?sslmode=require&Password=***"),
        ("postgresql:///db?sslpassword=secret", "postgresql:///db?sslpassword=***"),
    ])
    func uriParameter(text: String, expected: String) {
        #expect(Secrets.redacted(text) == expected)
    }

    @Test("conninfo password=, quoted or bare, any case, with spaces around '='", arguments: [
        ("password=secret host=/nonexistent", "password=*** host=/nonexistent"),
        ("host=/x password='sec ret' dbname=d", "host=/x password=*** dbname=d"),
        (#"password='it\'s secret' dbname=d"#, "password=*** dbname=d"),
        (#"password=sec\ ret dbname=d"#, "password=*** dbname=d"),
        ("host=x PASSWORD = secret", "host=x PASSWORD = ***"),
        ("password='never closed", "password=***"),
        ("sslpassword=secret host=x", "sslpassword=*** host=x"),
        (#"connection string "password=secret": bad"#, #"connection string "password=*** bad"#),
    ])
    func conninfo(text: String, expected: String) {
        #expect(Secrets.redacted(text) == expected)
    }

    @Test("messages that only talk about passwords, or name none, are untouched", arguments: [
        "fe_sendauth: no password supplied",
        #"password authentication failed for user "jianyi""#,
        #"missing "=" after "password" in connection info string"#,
        "cannot connect to PostgreSQL at socket /tmp/.s.PGSQL.5432 database jianyi: No such file or directory",
        "postgresql://jianyi@db.example/jianyi",
        "postgresql:///jianyi?host=/var/run/postgresql",
        "",
    ])
    func untouched(text: String) {
        #expect(Secrets.redacted(text) == text)
    }

    @Test("several strings in one message are all redacted")
    func several() {
        let text = "tried postgresql://a:one@h1/db and host=h2 password=two, then postgresql:///db?password=three"
        let redacted = Secrets.redacted(text)
        for secret in ["one", "two", "three"] { #expect(!redacted.contains(secret), "\(redacted)") }
        #expect(redacted == "tried postgresql://a:***@h1/db and host=h2 password=*** then postgresql:///db?password=***")
    }
}

@Suite("URIs whose password libpq cannot delimit") struct URIProblemTests {
    @Test(arguments: ["postgresql://u:ab%zz@h/db", "postgres://u:pa/ss@h/db", "postgresql://u:p@ss@h/db",
                      "postgresql:///db?password=abc%", "postgresql:///db?x=1&sslpassword=%4"])
    func refused(uri: String) {
        #expect(Secrets.uriProblem(uri) != nil)
    }

    @Test(arguments: ["postgresql://u:p%40ss%2Fx@h:5/db?password=a%25b", "postgresql:///jianyi?host=/tmp/sock&port=5432",
                      "postgresql://h/db@archive", "host=/tmp password=a%b", "postgresql://u@h/db"])
    func accepted(uri: String) {
        #expect(Secrets.uriProblem(uri) == nil)
    }
}
