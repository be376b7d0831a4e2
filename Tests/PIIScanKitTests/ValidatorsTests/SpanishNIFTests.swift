import PIIScanKit
import Testing

@Suite struct SpanishNIFTests {
  /// python-stdnum doctests (`es.dni` `54362315K`, `es.nie` `X2482300W`, `es.nif` `X5253868R`
  /// and `M1234567L`) and the Ministerio del Interior's example `12345678Z`.
  @Test(arguments: ["54362315K", "12345678Z", "X2482300W", "x2482300w", "X5253868R", "M1234567L"])
  func confirmsPublishedExamples(_ value: String) {
    #expect(Verdict.of(value, SpanishNIF.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("54362315K") + Mutations.singleDigit("X2482300W"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, SpanishNIF.verdict) == .rejected)
  }

  @Test(arguments: [
    "54362315Z",  // wrong letter (stdnum doctest)
    "X2482300A",
    "B64717838",  // a company CIF (valid for stdnum's es.nif), not a person
    "54362315", "543623150K", "A2482300W", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, SpanishNIF.verdict) == .rejected)
  }
}
