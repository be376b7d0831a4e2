import PIIScanKit
import Testing

@Suite struct ItalianFiscalCodeTests {
  /// `RCCMNL83S18D969H` is python-stdnum's `it.codicefiscale` doctest. The others are synthetic
  /// with check letters computed by python-stdnum's `calc_check_digit`: omocodia in one and in
  /// all seven digit positions, a woman's day (+40), and February 29 of 1984.
  @Test(arguments: [
    "RCCMNL83S18D969H", "rccmnl83s18d969h", "RCCMNL83S18D96VW", "RCCMNLTPSMTDQVVJ",
    "BNCLRA85T58H501P", "BNCLRA84B29H501Z",
  ])
  func confirmsValidCodes(_ value: String) {
    #expect(Verdict.of(value, ItalianFiscalCode.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("RCCMNL83S18D969H"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, ItalianFiscalCode.verdict) == .rejected)
  }

  @Test(arguments: [
    "RCCMNL83S18D969A",  // wrong check letter
    "BNCLRA85B29H501A",  // right check letter, but 1985 has no February 29
    "RCCMNL83S18D969",  // 15 characters
    "RCCMNL83F18D969H",  // F is not a month letter
    "RCCMNL8AS18D969H",  // A is not an omocodia letter
    "00743110157",  // an 11-digit company number
    "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, ItalianFiscalCode.verdict) == .rejected)
  }

  /// Days 32–40 and 72 and up are no date (python-stdnum reads the day modulo 40 and accepts
  /// 81–99; we do not), whatever the check letter.
  @Test(arguments: ["BNCLRA85T32H501", "BNCLRA85T40H501", "BNCLRA85T81H501"])
  func rejectsImpossibleDays(_ body: String) {
    for letter in UInt8(ascii: "A")...UInt8(ascii: "Z") {
      let value = Array(body.utf8) + [letter]
      #expect(ItalianFiscalCode.verdict(value) == .rejected)
    }
  }
}
