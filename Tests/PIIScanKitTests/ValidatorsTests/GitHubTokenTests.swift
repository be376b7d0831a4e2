import PIIScanKit
import Testing

@Suite struct GitHubTokenTests {
  /// Synthetic tokens: the 30-character random part is ours, the checksum was computed
  /// independently with Python (`zlib.crc32` of the random part, base62 `0-9A-Za-z`, padded to
  /// six). `…0nPjD1` exercises the left padding.
  @Test(arguments: [
    "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", "ghs_PiiScanSyntheticToken0000000010nPjD1",
    "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", "ghu_zZ9yY8xX7wW6vV5uU4tT3sS2rR1qQ01CQ5Xm",
    "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",
  ])
  func confirmsTokensWithValidChecksum(_ value: String) {
    #expect(Verdict.of(value, GitHubToken.verdict) == .confirmed)
  }

  /// Sample tokens from the tests of DataDog/dd-sensitive-data-scanner,
  /// `sds/src/secondary_validation/github_token_checksum.rs`, which implements the same
  /// construction.
  @Test(arguments: [
    "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", "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",
  ])
  func confirmsThirdPartySamples(_ value: String) {
    #expect(Verdict.of(value, GitHubToken.verdict) == .confirmed)
  }

  @Test(arguments: [
    "ghp_PiiScanSyntheticToken0000000010nPjD2",  // checksum off by one
    "ghp_PiiScanSyntheticToken0000000020nPjD1",  // random part changed
    "ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V3",
    "gho_16C7e42F292c6912E7710c838347Ae178B4a",  // a widely copied made-up example
    "ghx_PiiScanSyntheticToken0000000010nPjD1",  // unknown type letter
    "GHP_PiiScanSyntheticToken0000000010nPjD1",  // prefixes are lower case
    "ghp-PiiScanSyntheticToken0000000010nPjD1",
    "ghp_PiiScanSyntheticToken0000000010nPjD",
    "ghp_PiiScanSyntheticToken000000001-0nPjD1",
    "",
  ])
  func rejectsBadChecksumsAndShapes(_ value: String) {
    #expect(Verdict.of(value, GitHubToken.verdict) == .rejected)
  }

  /// Fine-grained tokens: `github_pat_` + 22 + `_` + 59 base62 characters; no public checksum.
  @Test func fineGrainedTokensAreUnverifiable() {
    let token =
      "github_pat_" + String(repeating: "A1b2", count: 5) + "Zz" + "_"
      + String(repeating: "x9Y8", count: 14) + "Q7w"
    #expect(token.utf8.count == 93)
    #expect(Verdict.of(token, GitHubToken.verdict) == .unverifiable)
    var wrongSeparator = Array(token.utf8)
    wrongSeparator[33] = UInt8(ascii: "-")
    #expect(GitHubToken.verdict(wrongSeparator) == .rejected)
    #expect(Verdict.of(token + "A", GitHubToken.verdict) == .rejected)
    #expect(Verdict.of("github_PAT_" + token.dropFirst(11), GitHubToken.verdict) == .rejected)
  }
}
