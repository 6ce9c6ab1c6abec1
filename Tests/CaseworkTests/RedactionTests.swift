import Casework
import Testing

/// The personal data a published reply loses, and what it keeps: each pattern with the text it
/// must catch and the look-alikes it must leave (dates, case numbers, amounts, hotlines).
@Suite struct RedactionTests {
    static let m = Redaction.mark

    @Test(arguments: [
        // Mobile numbers: plain, grouped, +86, full-width, inside Chinese text.
        ("请拨打13812345678联系", "请拨打\(m)联系", Redaction.Kind.mobile, "13812345678"),
        ("手机：138-1234-5678。", "手机：\(m)。", .mobile, "138-1234-5678"),
        ("电话 138 1234 5678", "电话 \(m)", .mobile, "138 1234 5678"),
        ("+86 13912345678", "\(m)", .mobile, "+86 13912345678"),
        ("１３８１２３４５６７８", m, .mobile, "１３８１２３４５６７８"),
        // Landlines: an area code with its hyphen or brackets, an extension.
        ("联系电话0358-8221234", "联系电话\(m)", .landline, "0358-8221234"),
        ("(0351)4567890", m, .landline, "(0351)4567890"),
        ("（010）62345678转123。", "\(m)。", .landline, "（010）62345678转123"),
        ("010-62345678-8001", m, .landline, "010-62345678-8001"),
        // ID numbers, with X, in a sentence.
        ("身份证号141102199003071234，", "身份证号\(m)，", .idNumber, "141102199003071234"),
        ("证件号码14110219900307123X", "证件号码\(m)", .idNumber, "14110219900307123X"),
        ("ID 11010520001231002x.", "ID \(m).", .idNumber, "11010520001231002x"),
        // E-mail.
        ("来信请寄 li.mei+jy@example.gov.cn 谢谢", "来信请寄 \(m) 谢谢", .email, "li.mei+jy@example.gov.cn"),
        // House numbers: the street stays, the door goes.
        ("住址：滨河路12号3栋2单元501室。", "住址：滨河路\(m)。", .address, "12号3栋2单元501室"),
        ("家住龙凤街8号", "家住龙凤街\(m)", .address, "8号"),
        ("住在幸福小区5号楼302室", "住在幸福小区\(m)", .address, "5号楼302室"),
        ("2单元501户", m, .address, "2单元501户"),
        ("永宁胡同3号院", "永宁胡同\(m)", .address, "3号院"),
    ])
    func redacts(text: String, expected: String, kind: Redaction.Kind, original: String) {
        let result = Redaction.redact(text)
        #expect(result.text == expected)
        #expect(result.found == [Redaction.Found(kind, original)])
    }

    @Test(arguments: [
        "2024年3月1日答复，2024-03-01办结",          // dates
        "案号5-4-0012，R2026-0003",                   // case numbers
        "20240301",                                   // a compact date
        "投入资金13800000000元",                       // an amount of 11 digits
        "拨打12345市民热线或110、120",                 // hotlines
        "共计138123456789人次",                        // 12 digits: no mobile inside a longer number
        "编号2138123456789",                          // a mobile preceded by a digit
        "1411021990030712345",                        // 19 digits: no ID inside
        "141102199013071234",                         // month 13: not a birth date
        "滨河路改造",                                  // a street without a door
        "第3号文件，国发〔2024〕12号",                  // document numbers
        "0358",                                       // an area code alone
        "版本 v1.2@beta",                             // no e-mail without a domain
        "道路12公里",                                  // distance
    ])
    func keeps(text: String) {
        let result = Redaction.redact(text)
        #expect(result.text == text)
        #expect(result.found.isEmpty)
    }

    @Test func severalInOneReplyAreAllListedInKindOrder() {
        let text = "经联系王女士（13812345678，住滨河路12号），并致函 a@b.cn，电话0358-8221234。"
        let result = Redaction.redact(text)
        #expect(result.text == "经联系王女士（\(Self.m)，住滨河路\(Self.m)），并致函 \(Self.m)，电话\(Self.m)。")
        #expect(result.found.map(\.kind) == [.email, .mobile, .landline, .address])
    }

    @Test func hostileTextIsOnlyEverShortened() {
        let text = "<script>alert('13812345678')</script>\u{1B}[2J=cmd|' /C calc'!A0"
        let result = Redaction.redact(text)
        #expect(result.text == "<script>alert('\(Self.m)')</script>\u{1B}[2J=cmd|' /C calc'!A0")
    }
}
