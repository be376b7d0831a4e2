import PIIScanKit
import Testing

@Suite struct JSONWebTokenTests {
  /// RFC 7519 §3.1 (HS256, `"typ"` before `"alg"`, CRLFs in the JSON) and the jwt.io
  /// debugger's default token.
  static let rfcExample =
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
    + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
  static let jwtIOExample =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
  /// RFC 7519 §6.1: an unsecured JWT, `{"alg":"none"}`, with an empty signature.
  static let unsecuredExample =
    "eyJhbGciOiJub25lIn0"
    + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    + "."

  @Test(arguments: [rfcExample, jwtIOExample, unsecuredExample])
  func confirmsPublishedTokens(_ value: String) {
    #expect(Verdict.of(value, JSONWebToken.verdict) == .confirmed)
  }

  @Test func rejectsAnEmptySignatureUnlessAlgorithmIsNone() {
    let unsigned =
      String(Self.jwtIOExample.prefix { $0 != "." }) + "."
      + Self.jwtIOExample.split(separator: ".")[1] + "."
    #expect(Verdict.of(unsigned, JSONWebToken.verdict) == .rejected)
  }

  @Test func rejectsASignatureWhenAlgorithmIsNone() {
    #expect(Verdict.of(Self.unsecuredExample + "c2ln", JSONWebToken.verdict) == .rejected)
  }

  @Test(arguments: [
    // {"typ":"JWT"}: a JSON header without "alg"
    "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2ln",
    // header "hello" is not a JSON object
    "aGVsbG8.eyJzdWIiOiIxIn0.c2ln",
    // payload "hello" is not a JSON object
    "eyJhbGciOiJIUzI1NiJ9.aGVsbG8.c2ln",
    // padding is not base64url
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0=.c2ln",
    // a base64 length no byte string has (5 characters)
    "eyJhbGciOiJIUzI1NiJ9.eyJzd.c2ln",
    // five parts: JWE, not JWS
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln.c2ln.c2ln",
    // two parts
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0",
    // version numbers and host names look dotted too
    "1.2.3", "www.example.com", "", "..",
  ])
  func rejectsLookalikes(_ value: String) {
    #expect(Verdict.of(value, JSONWebToken.verdict) == .rejected)
  }
}
