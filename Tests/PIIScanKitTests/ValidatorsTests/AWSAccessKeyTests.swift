import PIIScanKit
import Testing

@Suite struct AWSAccessKeyTests {
  /// `AKIAIOSFODNN7EXAMPLE` is the example key of the AWS documentation ("Managing access keys
  /// for IAM users"); the others are synthetic with other documented prefixes.
  @Test(arguments: [
    "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A", "AROAZ2345ABCDEFGHIJK", "AIDA7777ABCDEF234567",
  ])
  func confirmsKnownPrefixesWithBase32Tails(_ value: String) {
    #expect(Verdict.of(value, AWSAccessKey.verdict) == .confirmed)
  }

  @Test(arguments: [
    "AKIAAAAAAAAAAAAAAAAA",  // one repeated character
    "AKIA2222222222222222",
    "akiaiosfodnn7example",  // AWS key IDs are upper case
    "AKIAIOSFODNN8EXAMPLE",  // 8 is not base32
    "AKIAIOSFODNN1EXAMPLE",  // 1 is not base32
    "AXYZIOSFODNN7EXAMPLE",  // unknown prefix
    "AKIAIOSFODNN7EXAMPL",  // 19 characters
    "AKIAIOSFODNN7EXAMPLEX",
    "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, AWSAccessKey.verdict) == .rejected)
  }
}
